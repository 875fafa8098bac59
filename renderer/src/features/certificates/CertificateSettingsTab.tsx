import KeyIcon from '@mui/icons-material/Key';
import { Alert, Box, Button, Paper, TextField, Typography } from '@mui/material';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { Output } from '../../../../shared/contract';
import { clerkPattern } from '../../../../shared/domain/cert-numbering';
import { todayInVietnam } from '../../../../shared/domain/dates';
import { api } from '../../api';
import { downloadBase64 } from '../../components/download';
import { useFormErrors } from '../../components/useFormErrors';
import { NextNumberSection } from './NextNumberSection';
import { PatternField } from './PatternField';
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
  const settings = useQuery({ queryKey: ['certificates.settings'], queryFn: () => api.certificates.settings({}) });
  const offset = useQuery({ queryKey: ['certificates.offset'], queryFn: () => api.certificates.offset({}) });
  if (settings.isError) return <Alert severity="error">{settings.error.message}</Alert>;
  if (offset.isError) return <Alert severity="error">{offset.error.message}</Alert>;
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

function Numbering({ settings }: { settings: Settings }) {
  const queryClient = useQueryClient();
  // Edited in the clerk's words; the core keeps its own form.
  const [serialPattern, setSerialPattern] = useState(clerkPattern(settings.serialPattern));
  const [registerPattern, setRegisterPattern] = useState(clerkPattern(settings.registerPattern));
  const form = useFormErrors();
  const save = useMutation({
    mutationFn: () => api.certificates.saveSettings({ serialPattern, registerPattern }),
    onMutate: () => form.clear(),
    onSuccess: (s) => {
      queryClient.setQueryData(['certificates.settings'], s);
      setSerialPattern(clerkPattern(s.serialPattern));
      setRegisterPattern(clerkPattern(s.registerPattern));
      // Whether the sequence restarts each year may have changed with the patterns.
      void queryClient.invalidateQueries({ queryKey: ['certificates.plan'] });
      void queryClient.invalidateQueries({ queryKey: ['certificates.nextNumber'] });
    },
    onError: (err) => form.fromError(err),
  });
  const edit = (set: (v: string) => void) => (value: string) => {
    set(value);
    save.reset();
  };
  const year = Number(todayInVietnam().slice(0, 4));
  const yearly = save.data?.yearly ?? settings.yearly;

  return (
    <Paper sx={{ p: 2 }}>
      <Typography variant="h2" sx={{ mb: 1 }}>
        Cách đánh số
      </Typography>
      <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
        {PATTERN_HINT} Giấy đã cấp giữ nguyên số; mẫu mới dùng cho giấy cấp sau.
      </Typography>
      <Box sx={{ display: 'grid', gridTemplateColumns: '1fr 1fr', gap: 2 }}>
        <PatternField
          label="Mẫu số giấy"
          name="serialPattern"
          value={serialPattern}
          onChange={edit(setSerialPattern)}
          error={form.fields['serialPattern']}
          year={year}
        />
        <PatternField
          label="Mẫu vào sổ số"
          name="registerPattern"
          value={registerPattern}
          onChange={edit(setRegisterPattern)}
          error={form.fields['registerPattern']}
          year={year}
        />
      </Box>
      {!yearly && (
        <Alert severity="warning" sx={{ mt: 2 }}>
          Mẫu chưa có [năm] ở cả hai số: số thứ tự chạy liên tục qua các năm, không bắt đầu lại từ 1 mỗi tháng Giêng.
        </Alert>
      )}
      <ErrorAlert error={form.formError} sx={{ mt: 2 }} />
      {save.isSuccess && (
        <Alert severity="success" sx={{ mt: 2 }}>
          Đã lưu cách đánh số.
        </Alert>
      )}
      <Box sx={{ mt: 2 }}>
        <Button variant="contained" onClick={() => save.mutate()} disabled={save.isPending}>
          Lưu cách đánh số
        </Button>
      </Box>
    </Paper>
  );
}

function PublicKey({ settings }: { settings: Settings }) {
  const fileName = `khoa-cong-khai-${settings.keyId}.pem`;
  const [saved, setSaved] = useState(false);
  return (
    <Paper sx={{ p: 2 }}>
      <Typography variant="h2" sx={{ mb: 1 }}>
        Khóa công khai của trung tâm
      </Typography>
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
    </Paper>
  );
}

/** Millimetres typed with a dot or a comma. */
const mm = (s: string) => (s.trim() === '' ? Number.NaN : Number(s.trim().replace(',', '.')));

function PrinterOffset(props: { x: number; y: number }) {
  const queryClient = useQueryClient();
  const [x, setX] = useState(String(props.x).replace('.', ','));
  const [y, setY] = useState(String(props.y).replace('.', ','));
  const form = useFormErrors();
  const save = useMutation({
    mutationFn: () => api.certificates.saveOffset({ x: mm(x), y: mm(y) }),
    onMutate: () => form.clear(),
    onSuccess: (o) => queryClient.setQueryData(['certificates.offset'], o),
    onError: (err) => form.fromError(err),
  });
  return (
    <Paper sx={{ p: 2 }}>
      <Typography variant="h2" sx={{ mb: 1 }}>
        Độ lệch máy in
      </Typography>
      <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
        Máy in của văn phòng có thể in lệch khỏi phôi giấy. In trang cân chỉnh ở thẻ «Mẫu giấy», đo độ lệch rồi nhập ở đây: số dương dịch
        sang phải (x) và xuống dưới (y).
      </Typography>
      <Box sx={{ display: 'flex', gap: 2 }}>
        <TextField
          label="Lệch ngang x (mm)"
          value={x}
          onChange={(e) => {
            setX(e.target.value);
            save.reset();
          }}
          sx={{ width: 200 }}
          {...form.at('x')}
        />
        <TextField
          label="Lệch dọc y (mm)"
          value={y}
          onChange={(e) => {
            setY(e.target.value);
            save.reset();
          }}
          sx={{ width: 200 }}
          {...form.at('y')}
        />
      </Box>
      <ErrorAlert error={form.formError} sx={{ mt: 2 }} />
      {save.isSuccess && (
        <Alert severity="success" sx={{ mt: 2 }}>
          Đã lưu độ lệch máy in.
        </Alert>
      )}
      <Box sx={{ mt: 2 }}>
        <Button variant="contained" onClick={() => save.mutate()} disabled={save.isPending}>
          Lưu độ lệch
        </Button>
      </Box>
    </Paper>
  );
}
