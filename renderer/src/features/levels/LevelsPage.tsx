import { TabbedPage } from '../../components/TabbedPage';
import { GroupsTab } from './GroupsTab';
import { LevelReportTab } from './LevelReportTab';
import { NominationsTab } from './NominationsTab';
import { TargetsTab } from './TargetsTab';

export function LevelsPage() {
  return (
    <TabbedPage
      title="Trình độ lý luận chính trị"
      subtitle="Trình độ của cán bộ, đảng viên so với chỉ tiêu của cấp ủy, theo xã, phường và tổ chức cơ sở đảng; cử đi học tại trường chính trị."
      maxWidth={1400}
      tabs={[
        { key: 'bao-cao', label: 'Báo cáo', render: () => <LevelReportTab /> },
        { key: 'chi-tieu', label: 'Chỉ tiêu', render: () => <TargetsTab /> },
        { key: 'cu-di-hoc', label: 'Cử đi học', render: () => <NominationsTab /> },
        { key: 'nhom-chuc-vu', label: 'Nhóm chức vụ', render: () => <GroupsTab /> },
      ]}
    />
  );
}
