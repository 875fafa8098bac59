import KeyIcon from '@mui/icons-material/Key';
import { Alert, Box, Button, TextField, Typography } from '@mui/material';
import { useState } from 'react';
import type { Output } from '../../../../shared/contract';
import { clerkPattern } from '../../../../shared/domain/cert-numbering';
import { todayInVietnam } from '../../../../shared/domain/dates';
import { downloadBase64 } from '../../components/download';
import { useChannelForm } from '../../components/form/useChannelForm';
import { Panel } from '../../components/Panel';
import { SaveFooter } from '../../components/SaveFooter';
import { NextNumberSection } from './NextNumberSection';
import { PatternField } from './PatternField';
import { SETTINGS_CHANGE, useCertificateSettings, usePrinterOffset } from './queries';
import { TrustedKeysSection } from './TrustedKeysSection';
import { ErrorAlert } from '../../components/form/ErrorAlert';

type Settings = Output<'certificates.settings'>;

const PATTERN_HINT =
  'Viết số như in trên giấy, các phần thay đổi để trong ngoặc vuông: [số] là số thứ tự (12), [số 4 chữ số] là số thứ tự đủ 4 chữ số (0012), [năm] là năm cấp (2026), [năm 2 số] là hai số cuối của năm (26).';

/** Base64 of the UTF-8 bytes, for downloadBase64. */
function utf8Base64(text: string): string {
  let binary = '';
  for (const b of new TextEncoder().encode(text)) binary += String.fromCharCode(b);
  return btoa(binary);
}

export function CertificateSettingsTab() {
  const settings = useCertificateSettings();
  const offset = usePrinterOffset();
  if (settings.isError || offset.isError) return <ErrorAlert error={settings.error ?? offset.error} />;
  if (!settings.data || !offset.data) return null;
  return (
    <Box sx={{ display: 'grid', gap: 2, maxWidth: 900 }}>
      <Numbering settings={settings.data} />
      <NextNumberSection settings={settings.data} />
      <PublicKey settings={settings.data} />
      <TrustedKeysSection />
      <PrinterOffset x={offset.data.x} y={offset.data.y} />
    </Box>
  );
}

/** The save button of a block with its own channel form, the form's message, and `saved` once it has saved. */
function FormFooter(props: {
  form: { submit: () => void; busy: boolean; formError: string | null; save: { isSuccess: boolean } };
  label: string;
  saved: string;
}) {
  const { form } = props;
  return (
    <SaveFooter
      label={props.label}
      onSave={form.submit}
      busy={form.busy}
      error={form.formError}
      saved={form.save.isSuccess && props.saved}
    />
  );
}

type PatternKey = 'serialPattern' | 'registerPattern';
const PATTERNS: [PatternKey, string][] = [
  ['serialPattern', 'Mẫu số giấy'],
  ['registerPattern', 'Mẫu vào sổ số'],
];

function Numbering({ settings }: { settings: Settings }) {
  // Edited in the clerk's words; the core keeps its own form.
  const f = useChannelForm('certificates.saveSettings', {
    initial: () => ({ serialPattern: clerkPattern(settings.serialPattern), registerPattern: clerkPattern(settings.registerPattern) }),
    toInput: (form) => form,
    invalidates: SETTINGS_CHANGE,
    onSaved: (s): void => f.setForm({ serialPattern: clerkPattern(s.serialPattern), registerPattern: clerkPattern(s.registerPattern) }),
  });
  const { save } = f;
  const edit = (key: PatternKey) => (value: string) => {
    f.patch({ [key]: value });
    save.reset();
  };
  const year = Number(todayInVietnam().slice(0, 4));
  const yearly = save.data?.yearly ?? settings.yearly;

  return (
    <Panel title="Cách đánh số" titleGap={1}>
      <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
        {PATTERN_HINT} Giấy đã cấp giữ nguyên số; mẫu mới dùng cho giấy cấp sau.
      </Typography>
      <Box sx={{ display: 'grid', gridTemplateColumns: '1fr 1fr', gap: 2 }}>
        {PATTERNS.map(([key, label]) => (
          <PatternField
            key={key}
            label={label}
            name={key}
            value={f.form[key]}
            onChange={edit(key)}
            error={f.errors.fields[key]}
            year={year}
          />
        ))}
      </Box>
      {!yearly && (
        <Alert severity="warning" sx={{ mt: 2 }}>
          Mẫu chưa có [năm] ở cả hai số: số thứ tự chạy liên tục qua các năm, không bắt đầu lại từ 1 mỗi tháng Giêng.
        </Alert>
      )}
      <FormFooter form={f} label="Lưu cách đánh số" saved="Đã lưu cách đánh số." />
    </Panel>
  );
}

function PublicKey({ settings }: { settings: Settings }) {
  const fileName = `khoa-cong-khai-${settings.keyId}.pem`;
  const [saved, setSaved] = useState(false);
  return (
    <Panel title="Khóa công khai của trung tâm" titleGap={1}>
      <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
        Mã trên mỗi giấy được ký bằng khóa riêng của trung tâm, lưu trong cơ sở dữ liệu. Gửi khóa công khai cho cơ quan cần tự kiểm tra
        giấy; khóa công khai không dùng để ký được.
      </Typography>
      <Typography sx={{ mb: 1.5 }}>
        Mã khóa: <b style={{ fontFamily: 'monospace' }}>{settings.keyId}</b>
      </Typography>
      <Button
        startIcon={<KeyIcon />}
        onClick={() => {
          downloadBase64(fileName, utf8Base64(settings.publicKeyFile), 'text/plain');
          setSaved(true);
        }}
      >
        Lưu khóa công khai
      </Button>
      {saved && (
        <Alert severity="success" sx={{ mt: 2 }}>
          Đã lưu tệp {fileName}.
        </Alert>
      )}
    </Panel>
  );
}

/** Millimetres typed with a dot or a comma. */
const mm = (s: string) => (s.trim() === '' ? Number.NaN : Number(s.trim().replace(',', '.')));

const OFFSET_LABELS = { x: 'Lệch ngang x (mm)', y: 'Lệch dọc y (mm)' } as const;

function PrinterOffset(props: { x: number; y: number }) {
  const f = useChannelForm('certificates.saveOffset', {
    initial: { x: String(props.x).replace('.', ','), y: String(props.y).replace('.', ',') },
    toInput: (form) => ({ x: mm(form.x), y: mm(form.y) }),
    invalidates: ['certificates.offset'],
  });
  return (
    <Panel title="Độ lệch máy in" titleGap={1}>
      <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
        Máy in của văn phòng có thể in lệch khỏi phôi giấy. In trang cân chỉnh ở thẻ «Mẫu giấy», đo độ lệch rồi nhập ở đây: số dương dịch
        sang phải (x) và xuống dưới (y).
      </Typography>
      <Box sx={{ display: 'flex', gap: 2 }}>
        {(['x', 'y'] as const).map((k) => (
          <TextField
            key={k}
            label={OFFSET_LABELS[k]}
            {...f.text(k)}
            onChange={(e) => {
              f.patch({ [k]: e.target.value });
              f.save.reset();
            }}
            sx={{ width: 200 }}
          />
        ))}
      </Box>
      <FormFooter form={f} label="Lưu độ lệch" saved="Đã lưu độ lệch máy in." />
    </Panel>
  );
}
