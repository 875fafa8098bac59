import { TabbedPage } from '../../components/TabbedPage';
import { CertificateRegisterTab } from './CertificateRegisterTab';
import { CertificateSettingsTab } from './CertificateSettingsTab';
import { CertificateVerifyTab } from './CertificateVerifyTab';
import { CertificateLayoutTab } from './layout/CertificateLayoutTab';

export function CertificatesPage() {
  return (
    <TabbedPage
      title="Giấy chứng nhận"
      subtitle="Sổ cấp giấy chứng nhận theo năm, tra cứu giấy bằng số giấy hoặc mã QR in trên giấy, mẫu giấy theo chương trình, cách đánh số và khóa ký của trung tâm."
      maxWidth={1400}
      tabs={[
        { key: 'register', label: 'Sổ cấp giấy chứng nhận', render: () => <CertificateRegisterTab /> },
        { key: 'verify', label: 'Tra cứu giấy chứng nhận', render: () => <CertificateVerifyTab /> },
        { key: 'layout', label: 'Mẫu giấy', render: () => <CertificateLayoutTab /> },
        { key: 'settings', label: 'Thiết lập', render: () => <CertificateSettingsTab /> },
      ]}
    />
  );
}
