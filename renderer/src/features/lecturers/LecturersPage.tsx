import { TabbedPage } from '../../components/TabbedPage';
import { HoursTab } from './HoursTab';
import { LecturersTab } from './LecturersTab';
import { VenuesTab } from './VenuesTab';

export function LecturersPage() {
  return (
    <TabbedPage
      title="Giảng viên, địa điểm"
      subtitle="Danh mục giảng viên, báo cáo viên và nơi học; số giờ giảng trong năm so với định mức."
      maxWidth={1200}
      tabs={[
        { key: 'lecturers', label: 'Giảng viên', render: () => <LecturersTab /> },
        { key: 'venues', label: 'Địa điểm', render: () => <VenuesTab /> },
        { key: 'hours', label: 'Giờ giảng', render: () => <HoursTab /> },
      ]}
    />
  );
}
