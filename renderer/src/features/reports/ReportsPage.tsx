import { Box, Tab, Tabs } from '@mui/material';
import { useSearchParams } from 'react-router';
import { PageHeader } from '../../components/PageHeader';
import { AgeBandsTab } from './AgeBandsTab';
import { ReportTab } from './ReportTab';
import { RollupTab } from './RollupTab';
import { YearCloseTab } from './YearCloseTab';

const TABS = [
  { key: 'bao-cao', label: 'Báo cáo theo kỳ' },
  { key: 'khoa-so', label: 'Khóa sổ năm' },
  { key: 'tong-hop', label: 'Tổng hợp các trung tâm' },
  { key: 'nhom-tuoi', label: 'Nhóm tuổi' },
] as const;
type TabKey = (typeof TABS)[number]['key'];

export function ReportsPage() {
  const [params, setParams] = useSearchParams();
  const tab: TabKey = TABS.find((t) => t.key === params.get('tab'))?.key ?? 'bao-cao';
  return (
    <Box sx={{ maxWidth: 1400 }}>
      <PageHeader title="Báo cáo" subtitle="Kết quả đào tạo, bồi dưỡng theo năm, 6 hoặc 9 tháng, hay theo nhiệm kỳ; khóa sổ năm và tổng hợp gửi cấp trên." />
      <Tabs value={tab} onChange={(_e, v: TabKey) => setParams({ tab: v }, { replace: true })} sx={{ mb: 2, borderBottom: 1, borderColor: 'divider' }}>
        {TABS.map((t) => (
          <Tab key={t.key} value={t.key} label={t.label} id={`tab-${t.key}`} aria-controls={`tabpanel-${t.key}`} />
        ))}
      </Tabs>
      <Box role="tabpanel" id={`tabpanel-${tab}`} aria-labelledby={`tab-${tab}`}>
        {tab === 'bao-cao' && <ReportTab />}
        {tab === 'khoa-so' && <YearCloseTab />}
        {tab === 'tong-hop' && <RollupTab />}
        {tab === 'nhom-tuoi' && <AgeBandsTab />}
      </Box>
    </Box>
  );
}
