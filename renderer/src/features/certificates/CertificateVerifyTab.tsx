import QrCodeScannerIcon from '@mui/icons-material/QrCodeScanner';
import { Alert, AlertTitle, Box, Button, Paper, Table, TableBody, TableCell, TableRow, TextField, Typography } from '@mui/material';
import { useMutation } from '@tanstack/react-query';
import jsQR from 'jsqr';
import { useState } from 'react';
import type { Output } from '../../../../shared/contract';
import { formatDate } from '../../../../shared/domain/format';
import { api } from '../../api';
import { useFilePicker } from '../../components/useFilePicker';

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
  const [code, setCode] = useState('');
  const [qrProblem, setQrProblem] = useState<string | null>(null);
  const verify = useMutation({ mutationFn: (c: string) => api.certificates.verify({ code: c }) });

  const check = (c: string) => {
    setQrProblem(null);
    verify.mutate(c);
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
      verify.mutate(text);
    } catch (err) {
      setQrProblem(err instanceof Error ? err.message : 'Không mở được tệp ảnh.');
    }
  };
  const picker = useFilePicker({ accept: 'image/*', label: 'Ảnh mã QR', onFile: (f) => void onFile(f) });

  return (
    <Paper sx={{ p: 2, maxWidth: 900 }}>
      <Typography variant="h2" sx={{ mb: 1 }}>Tra cứu giấy chứng nhận</Typography>
      <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
        Mỗi giấy in kèm mã QR và dòng mã bắt đầu bằng «TTCT1.», được ký bằng khóa của trung tâm. Dán hoặc gõ dòng mã, hoặc chọn ảnh chụp mã QR, để biết giấy có đúng do trung tâm cấp không. Giấy của đơn vị khác được kiểm tra khi đã nhập khóa công khai của đơn vị đó.
      </Typography>
      <TextField
        label="Mã trên giấy (dán hoặc gõ)"
        value={code}
        onChange={(e) => setCode(e.target.value)}
        multiline
        minRows={3}
        fullWidth
        slotProps={{ htmlInput: { spellCheck: false, style: { fontFamily: 'monospace', wordBreak: 'break-all' } } }}
      />
      <Box sx={{ display: 'flex', gap: 1, mt: 1.5, mb: 2 }}>
        <Button variant="contained" onClick={() => check(code)} disabled={code.trim() === '' || verify.isPending}>
          Kiểm tra
        </Button>
        <Button startIcon={<QrCodeScannerIcon />} onClick={picker.open} disabled={verify.isPending}>
          Đọc mã QR từ ảnh…
        </Button>
        {picker.input}
      </Box>
      {qrProblem && <Alert severity="warning">{qrProblem}</Alert>}
      {verify.isError && <Alert severity="error">{verify.error.message}</Alert>}
      {verify.data && <Result r={verify.data} />}
    </Paper>
  );
}

function Result({ r }: { r: Verification }) {
  if (r.status !== 'genuine' || !r.payload) {
    const title = r.status === 'tampered' ? 'Mã đã bị sửa hoặc không do trung tâm ký' : r.status === 'unknown_key' ? 'Không nhận ra khóa ký' : 'Mã không hợp lệ';
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
      <Table size="small" aria-label="Nội dung mã" sx={{ '& td': { borderBottom: 'none', py: 0.25, px: 0 }, '& td:first-of-type': { pr: 2, whiteSpace: 'nowrap', color: 'text.secondary' } }}>
        <TableBody>
          {rows.map(([label, value]) => (
            <TableRow key={label}>
              <TableCell>{label}</TableCell>
              <TableCell sx={{ fontWeight: 600 }}>{value}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </Alert>
  );
}
