import { Box, Tab, Tabs } from '@mui/material';
import { useSearchParams } from 'react-router';
import { PageHeader } from '../../components/PageHeader';
import { HoursTab } from './HoursTab';
import { LecturersTab } from './LecturersTab';
import { VenuesTab } from './VenuesTab';

const TABS = [
  { key: 'lecturers', label: 'Giảng viên' },
  { key: 'venues', label: 'Địa điểm' },
  { key: 'hours', label: 'Giờ giảng' },
] as const;
type TabKey = (typeof TABS)[number]['key'];

export function LecturersPage() {
  // The tab lives in the address so "back" from a class returns to the tab the clerk was on.
  const [params, setParams] = useSearchParams();
  const tab: TabKey = TABS.find((t) => t.key === params.get('tab'))?.key ?? 'lecturers';
  return (
    <Box sx={{ maxWidth: 1200 }}>
      <PageHeader title="Giảng viên, địa điểm" subtitle="Danh mục giảng viên, báo cáo viên và nơi học; số giờ giảng trong năm so với định mức." />
      <Tabs value={tab} onChange={(_e, v: TabKey) => setParams(v === 'lecturers' ? {} : { tab: v }, { replace: true })} sx={{ mb: 2, borderBottom: 1, borderColor: 'divider' }}>
        {TABS.map((t) => (
          <Tab key={t.key} value={t.key} label={t.label} id={`tab-${t.key}`} aria-controls={`tabpanel-${t.key}`} />
        ))}
      </Tabs>
      <Box role="tabpanel" id={`tabpanel-${tab}`} aria-labelledby={`tab-${tab}`}>
        {tab === 'lecturers' && <LecturersTab />}
        {tab === 'venues' && <VenuesTab />}
        {tab === 'hours' && <HoursTab />}
      </Box>
    </Box>
  );
}
