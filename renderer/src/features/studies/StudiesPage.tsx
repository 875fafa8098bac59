import { TabbedPage } from '../../components/TabbedPage';
import { MembersTab } from './MembersTab';
import { ParticipationTab } from './ParticipationTab';
import { SessionsTab } from './SessionsTab';

export function StudiesPage() {
  return (
    <TabbedPage
      title="Học tập nghị quyết"
      subtitle="Các buổi học tập, quán triệt nghị quyết: số đảng viên có mặt và phải dự theo tổ chức cơ sở đảng, tỷ lệ tham gia."
      maxWidth={1400}
      tabs={[
        { key: 'buoi-hoc', label: 'Buổi học tập', render: () => <SessionsTab /> },
        { key: 'ty-le', label: 'Tỷ lệ tham gia', render: () => <ParticipationTab /> },
        { key: 'dang-vien', label: 'Số đảng viên theo năm', render: () => <MembersTab /> },
      ]}
    />
  );
}
