import { Box, Tab, Tabs } from '@mui/material';
import { useSearchParams } from 'react-router';
import { PageHeader } from '../../components/PageHeader';
import { CertificateRegisterTab } from './CertificateRegisterTab';
import { CertificateSettingsTab } from './CertificateSettingsTab';
import { CertificateVerifyTab } from './CertificateVerifyTab';
import { CertificateLayoutTab } from './layout/CertificateLayoutTab';

const TABS = [
  { key: 'register', label: 'Sổ cấp giấy chứng nhận' },
  { key: 'verify', label: 'Tra cứu giấy chứng nhận' },
  { key: 'layout', label: 'Mẫu giấy' },
  { key: 'settings', label: 'Thiết lập' },
] as const;
type TabKey = (typeof TABS)[number]['key'];

export function CertificatesPage() {
  // The tab lives in the address so "back" returns to the tab the clerk was on.
  const [params, setParams] = useSearchParams();
  const tab: TabKey = TABS.find((t) => t.key === params.get('tab'))?.key ?? 'register';
  return (
    <Box sx={{ maxWidth: 1400 }}>
      <PageHeader title="Giấy chứng nhận" subtitle="Sổ cấp giấy chứng nhận theo năm, tra cứu giấy bằng mã in trên giấy, mẫu giấy theo chương trình, cách đánh số và khóa ký của trung tâm." />
      <Tabs value={tab} onChange={(_e, v: TabKey) => setParams(v === 'register' ? {} : { tab: v }, { replace: true })} sx={{ mb: 2, borderBottom: 1, borderColor: 'divider' }}>
        {TABS.map((t) => (
          <Tab key={t.key} value={t.key} label={t.label} id={`tab-${t.key}`} aria-controls={`tabpanel-${t.key}`} />
        ))}
      </Tabs>
      <Box role="tabpanel" id={`tabpanel-${tab}`} aria-labelledby={`tab-${tab}`}>
        {tab === 'register' && <CertificateRegisterTab />}
        {tab === 'verify' && <CertificateVerifyTab />}
        {tab === 'layout' && <CertificateLayoutTab />}
        {tab === 'settings' && <CertificateSettingsTab />}
      </Box>
    </Box>
  );
}
