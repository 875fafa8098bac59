import QrCodeScannerIcon from '@mui/icons-material/QrCodeScanner';
import {
  Alert,
  AlertTitle,
  Box,
  Button,
  Divider,
  Paper,
  Table,
  TableBody,
  TableCell,
  TableRow,
  TextField,
  Typography,
} from '@mui/material';
import jsQR from 'jsqr';
import { useState } from 'react';
import type { Output } from '../../../../shared/contract';
import { CERTIFICATE_STATUS_LABELS } from '../../../../shared/contract/certificates';
import { formatDate } from '../../../../shared/domain/format';
import { useVerifyCertificate } from './queries';
import { useFilePicker } from '../../components/useFilePicker';
import { ErrorAlert } from '../../components/form/ErrorAlert';

type Verification = Output<'certificates.verify'>;

/** The text of the first QR code in a picture, or null; the picture never leaves this window. */
async function readQr(file: File): Promise<string | null> {
  const url = URL.createObjectURL(file);
  try {
    const img = new Image();
    await new Promise<void>((resolve, reject) => {
      img.onload = () => resolve();
      img.onerror = () => reject(new Error('Không mở được tệp ảnh.'));
      img.src = url;
    });
    const canvas = document.createElement('canvas');
    canvas.width = img.naturalWidth;
    canvas.height = img.naturalHeight;
    const ctx = canvas.getContext('2d');
    if (!ctx || canvas.width === 0 || canvas.height === 0) return null;
    ctx.drawImage(img, 0, 0);
    const data = ctx.getImageData(0, 0, canvas.width, canvas.height);
    return jsQR(data.data, data.width, data.height)?.data ?? null;
  } finally {
    URL.revokeObjectURL(url);
  }
}

export function CertificateVerifyTab() {
  const [number, setNumber] = useState('');
  const [checkCode, setCheckCode] = useState('');
  const [code, setCode] = useState('');
  const [qrProblem, setQrProblem] = useState<string | null>(null);
  const verify = useVerifyCertificate();

  const byNumber = () => {
    setQrProblem(null);
    verify.mutate({ number, ...(checkCode.trim() ? { checkCode } : {}) });
  };
  const byCode = (c: string) => {
    setQrProblem(null);
    verify.mutate({ code: c });
  };
  const onFile = async (file: File) => {
    verify.reset();
    setQrProblem(null);
    try {
      const text = await readQr(file);
      if (text === null) {
        setQrProblem('Không tìm thấy mã QR trong ảnh');
        return;
      }
      setCode(text);
      verify.mutate({ code: text });
    } catch (err) {
      setQrProblem(err instanceof Error ? err.message : 'Không mở được tệp ảnh.');
    }
  };
  const picker = useFilePicker({ accept: 'image/*', label: 'Ảnh mã QR', onFile: (f) => void onFile(f) });

  return (
    // The answer sits beside the questions, so it is on screen without scrolling at 1366×768.
    <Box
      sx={{
        display: 'grid',
        gridTemplateColumns: { xs: 'minmax(0, 1fr)', lg: 'minmax(0, 5fr) minmax(0, 6fr)' },
        gap: 2,
        alignItems: 'start',
        maxWidth: 1280,
      }}
    >
      <Paper sx={{ p: 2 }}>
        <Typography variant="h2" sx={{ mb: 1 }}>
          Tra cứu giấy chứng nhận
        </Typography>
        <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
          Gõ số giấy như in sau chữ «Số:» (hoặc số vào sổ) để xem sổ cấp ghi gì về giấy đó. Nếu có cả mã tra cứu in dưới số vào sổ (8 chữ và
          số, như 7K3M-Q9XD), gõ thêm để chắc tờ giấy đúng là tờ trong sổ.
        </Typography>
        <Box
          component="form"
          onSubmit={(e) => {
            e.preventDefault();
            if (number.trim() !== '') byNumber();
          }}
          sx={{ display: 'flex', gap: 1.5, alignItems: 'flex-start', flexWrap: 'wrap' }}
        >
          <TextField
            label="Số giấy"
            name="number"
            value={number}
            onChange={(e) => setNumber(e.target.value)}
            placeholder="1/2026/GCN"
            sx={{ flex: '1 1 100%' }}
            autoFocus
            slotProps={{ htmlInput: { spellCheck: false } }}
          />
          <TextField
            label="Mã tra cứu (nếu có)"
            name="checkCode"
            value={checkCode}
            onChange={(e) => setCheckCode(e.target.value)}
            placeholder="7K3M-Q9XD"
            sx={{ flex: '1 1 180px' }}
            slotProps={{ htmlInput: { spellCheck: false, style: { textTransform: 'uppercase' } } }}
          />
          <Button type="submit" variant="contained" disabled={number.trim() === '' || verify.isPending} sx={{ mt: 0.25 }}>
            Tra cứu
          </Button>
        </Box>
        <Divider sx={{ my: 2 }} />
        <Typography variant="subtitle1" component="h3" sx={{ mb: 1, fontWeight: 600 }}>
          Kiểm tra bằng mã QR
        </Typography>
        <Typography variant="body2" color="text.secondary" sx={{ mb: 1.5 }}>
          Mã QR trên giấy được ký bằng khóa của trung tâm. Chọn ảnh chụp mã QR, hoặc dán nội dung máy quét đọc được, để biết giấy có đúng do
          trung tâm cấp không. Giấy của đơn vị khác được kiểm tra khi đã nhập khóa công khai của đơn vị đó.
        </Typography>
        <TextField
          label="Nội dung mã QR (dán từ máy quét)"
          name="code"
          value={code}
          onChange={(e) => setCode(e.target.value)}
          multiline
          minRows={2}
          fullWidth
          slotProps={{ htmlInput: { spellCheck: false, style: { fontFamily: 'monospace', wordBreak: 'break-all' } } }}
        />
        <Box sx={{ display: 'flex', gap: 1, mt: 1.5, flexWrap: 'wrap' }}>
          <Button startIcon={<QrCodeScannerIcon />} variant="outlined" onClick={picker.open} disabled={verify.isPending}>
            Đọc mã QR từ ảnh…
          </Button>
          <Button onClick={() => byCode(code)} disabled={code.trim() === '' || verify.isPending}>
            Kiểm tra nội dung đã dán
          </Button>
          {picker.input}
        </Box>
      </Paper>
      <Box aria-live="polite">
        {qrProblem && <Alert severity="warning">{qrProblem}</Alert>}
        <ErrorAlert error={verify.error} />
        {verify.data && <Result r={verify.data} />}
        {!qrProblem && !verify.isError && !verify.data && (
          <Paper sx={{ p: 2, color: 'text.secondary', borderStyle: 'dashed' }}>
            <Typography variant="body2">
              Kết quả tra cứu hiện ở đây: người được cấp, lớp, chương trình, ngày cấp và giấy còn hiệu lực, đã cấp lại hay đã thu hồi.
            </Typography>
          </Paper>
        )}
      </Box>
    </Box>
  );
}

const tableSx = {
  '& td': { borderBottom: 'none', py: 0.25, px: 0 },
  '& td:first-of-type': { pr: 2, whiteSpace: 'nowrap', color: 'text.secondary' },
} as const;

function Facts({ rows, label }: { rows: [string, string][]; label: string }) {
  return (
    <Table size="small" aria-label={label} sx={tableSx}>
      <TableBody>
        {rows.map(([name, value]) => (
          <TableRow key={name}>
            <TableCell>{name}</TableCell>
            <TableCell sx={{ fontWeight: 600 }}>{value}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

/** What the register says about a number: who holds it, for which class, and whether it still stands. */
function RegisterAnswer({ r }: { r: Verification }) {
  const c = r.certificate;
  if (r.status === 'not_found' || !c) {
    return (
      <Alert severity="error">
        <AlertTitle>Không có trong sổ</AlertTitle>
        {r.message}
      </Alert>
    );
  }
  const p = c.printed;
  const status =
    c.status === 'reissued' && c.replacedBySerial
      ? `${CERTIFICATE_STATUS_LABELS[c.status]} bằng giấy số ${c.replacedBySerial}`
      : CERTIFICATE_STATUS_LABELS[c.status];
  const rows: [string, string][] = [
    ['Số', c.serial],
    ['Vào sổ số', c.registerNo],
    ['Họ và tên', p.fullName],
    ['Ngày sinh', formatDate(p.birthDate)],
    ['Đơn vị', p.unitName ?? ''],
    ['Lớp', p.className],
    ['Chương trình', p.programName],
    ['Xếp loại', p.classification ?? ''],
    ['Ngày cấp', formatDate(c.issueDate)],
    ['Tình trạng', c.statusReason && c.status === 'revoked' ? `${status}: ${c.statusReason}` : status],
  ];
  const mismatch = r.status === 'code_mismatch';
  const severity = mismatch ? 'error' : c.status === 'valid' ? 'success' : 'warning';
  const title = mismatch
    ? 'Mã tra cứu không khớp'
    : c.status === 'valid'
      ? r.codeMatches
        ? 'Có trong sổ, mã tra cứu khớp'
        : 'Có trong sổ'
      : `Có trong sổ nhưng ${CERTIFICATE_STATUS_LABELS[c.status].toLocaleLowerCase('vi')}`;
  return (
    <Alert severity={severity}>
      <AlertTitle>{title}</AlertTitle>
      <Typography sx={{ mb: 1 }}>{r.message}</Typography>
      <Facts rows={rows.filter(([, v]) => v !== '')} label="Sổ cấp giấy chứng nhận ghi" />
    </Alert>
  );
}

function Result({ r }: { r: Verification }) {
  if (r.status === 'found' || r.status === 'not_found' || r.status === 'code_mismatch') return <RegisterAnswer r={r} />;
  if (r.status !== 'genuine' || !r.payload) {
    const title =
      r.status === 'tampered'
        ? 'Mã đã bị sửa hoặc không do trung tâm ký'
        : r.status === 'unknown_key'
          ? 'Không nhận ra khóa ký'
          : 'Không kiểm tra được mã';
    return (
      <Alert severity={r.status === 'unknown_key' ? 'warning' : 'error'}>
        <AlertTitle>{title}</AlertTitle>
        {r.message}
        {r.status === 'unknown_key' && '. Nếu có tệp khóa công khai của đơn vị đó, hãy nhập ở thẻ «Thiết lập».'}
      </Alert>
    );
  }
  const p = r.payload;
  const inRegister = r.certificate?.status === 'valid';
  const rows: [string, string][] = [
    ['Số', p.n],
    ['Vào sổ số', p.r],
    ['Họ và tên', p.name],
    ['Ngày sinh', formatDate(p.birth)],
    ['Chương trình', p.program],
    ['Ngày cấp', formatDate(p.issued)],
  ];
  return (
    // Another centre's certificate: genuine, but whether it was revoked is only in that centre's register.
    <Alert severity={inRegister ? 'success' : r.issuer ? 'info' : 'warning'}>
      <AlertTitle>{r.issuer ? `Chữ ký hợp lệ — giấy của ${r.issuer}` : 'Chữ ký hợp lệ'}</AlertTitle>
      <Typography sx={{ mb: 1 }}>
        {r.message}
        {r.issuer && ' Việc thu hồi hay cấp lại giấy này chỉ tra được ở sổ của đơn vị đó.'}
      </Typography>
      <Facts rows={rows} label="Nội dung mã" />
    </Alert>
  );
}
