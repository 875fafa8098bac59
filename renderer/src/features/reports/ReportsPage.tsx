import { TabbedPage } from '../../components/TabbedPage';
import { AgeBandsTab } from './AgeBandsTab';
import { ReportTab } from './ReportTab';
import { RollupTab } from './RollupTab';
import { YearCloseTab } from './YearCloseTab';

export function ReportsPage() {
  return (
    <TabbedPage
      title="Báo cáo"
      subtitle="Kết quả đào tạo, bồi dưỡng theo năm, 6 hoặc 9 tháng, hay theo nhiệm kỳ; khóa sổ năm và tổng hợp gửi cấp trên."
      maxWidth={1400}
      tabs={[
        { key: 'bao-cao', label: 'Báo cáo theo kỳ', render: () => <ReportTab /> },
        { key: 'khoa-so', label: 'Khóa sổ năm', render: () => <YearCloseTab /> },
        { key: 'tong-hop', label: 'Tổng hợp các trung tâm', render: () => <RollupTab /> },
        { key: 'nhom-tuoi', label: 'Nhóm tuổi', render: () => <AgeBandsTab /> },
      ]}
    />
  );
}
