import GridOnIcon from '@mui/icons-material/GridOn';
import PictureAsPdfIcon from '@mui/icons-material/PictureAsPdf';
import { Alert, Box, Button, Paper, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { CERTIFICATE_STATUS_LABELS, type Certificate } from '../../../../shared/contract/certificates';
import { todayInVietnam } from '../../../../shared/domain/dates';
import { formatDate, formatNumber } from '../../../../shared/domain/format';
import { api } from '../../api';
import { downloadBase64 } from '../../components/download';
import { YearSelector } from '../../components/YearSelector';

const thisYear = () => Number(todayInVietnam().slice(0, 4));

/** "Đã cấp lại: Sai ngày sinh; thay bằng số 6/2026/GCN" for a voided certificate, the plain label otherwise. */
function statusText(c: Certificate): string {
  const label = CERTIFICATE_STATUS_LABELS[c.status];
  if (c.status === 'valid') return label;
  const detail = [c.statusReason, c.replacedBySerial ? `thay bằng số ${c.replacedBySerial}` : null].filter(Boolean).join('; ');
  return detail ? `${label}: ${detail}` : label;
}

export function CertificateRegisterTab() {
  const [year, setYear] = useState(thisYear);
  const register = useQuery({ queryKey: ['certificates.register', year], queryFn: () => api.certificates.register({ year }) });
  const pdf = useMutation({
    mutationFn: (y: number) => api.certificates.listPdf({ kind: 'register', year: y }),
    onSuccess: (f) => downloadBase64(f.fileName, f.dataBase64, 'application/pdf'),
  });
  const xlsx = useMutation({
    mutationFn: (y: number) => api.certificates.registerXlsx({ year: y }),
    onSuccess: (f) => downloadBase64(f.fileName, f.dataBase64),
  });
  const changeYear = (y: number) => {
    // The limits of the contract; no certificate is issued in the future.
    if (y < 1990 || y > thisYear()) return;
    pdf.reset();
    xlsx.reset();
    setYear(y);
  };
  const rows = register.data ?? [];
  const listError = pdf.error ?? xlsx.error;

  return (
    <Paper sx={{ p: 2 }}>
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 1, mb: 1, flexWrap: 'wrap' }}>
        <Typography variant="h2">Sổ cấp giấy chứng nhận năm</Typography>
        <YearSelector year={year} onChange={changeYear} />
        <Box sx={{ flexGrow: 1 }} />
        <Button startIcon={<PictureAsPdfIcon />} onClick={() => pdf.mutate(year)} disabled={rows.length === 0 || pdf.isPending}>
          In sổ (PDF)
        </Button>
        <Button startIcon={<GridOnIcon />} onClick={() => xlsx.mutate(year)} disabled={rows.length === 0 || xlsx.isPending}>
          Xuất Excel
        </Button>
      </Box>
      {listError && <Alert severity="error" sx={{ mb: 1 }}>{listError.message}</Alert>}
      {pdf.isSuccess && <Alert severity="success" sx={{ mb: 1 }}>Đã lưu tệp {pdf.data.fileName}.</Alert>}
      {xlsx.isSuccess && <Alert severity="success" sx={{ mb: 1 }}>Đã lưu tệp {xlsx.data.fileName} ({formatNumber(xlsx.data.rowCount)} dòng).</Alert>}
      {register.isError ? (
        <Alert severity="error">{register.error.message}</Alert>
      ) : !register.data ? null : rows.length === 0 ? (
        <Alert severity="info">{`Năm ${year} chưa cấp giấy chứng nhận nào.`}</Alert>
      ) : (
        <>
          <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
            {`${formatNumber(rows.length)} giấy vào sổ · ${formatNumber(rows.filter((c) => c.status === 'valid').length)} còn hiệu lực.`}
          </Typography>
          <Box sx={{ overflowX: 'auto' }}>
            <Table size="small" aria-label={`Sổ cấp giấy chứng nhận năm ${year}`} sx={{ minWidth: 960, '& th': { whiteSpace: 'nowrap' }, '& td, & th': { px: 1 }, '& td:first-of-type, & th:first-of-type': { pl: 2 } }}>
              <TableHead>
                <TableRow>
                  <TableCell>Số giấy</TableCell>
                  <TableCell>Vào sổ số</TableCell>
                  <TableCell>Họ và tên</TableCell>
                  <TableCell>Ngày sinh</TableCell>
                  <TableCell>Lớp</TableCell>
                  <TableCell>Xếp loại</TableCell>
                  <TableCell>Ngày cấp</TableCell>
                  <TableCell>Trạng thái</TableCell>
                  <TableCell align="right">Số lần in</TableCell>
                </TableRow>
              </TableHead>
              <TableBody>
                {rows.map((c) => {
                  const voided = c.status !== 'valid';
                  return (
                    <TableRow key={c.id} sx={voided ? { '& td': { color: 'text.disabled' } } : undefined}>
                      <TableCell sx={{ whiteSpace: 'nowrap', fontWeight: voided ? undefined : 600, textDecoration: voided ? 'line-through' : undefined }}>{c.serial}</TableCell>
                      <TableCell sx={{ whiteSpace: 'nowrap' }}>{c.registerNo}</TableCell>
                      <TableCell sx={{ whiteSpace: 'nowrap' }}>{c.printed.fullName}</TableCell>
                      <TableCell>{formatDate(c.printed.birthDate)}</TableCell>
                      <TableCell sx={{ minWidth: 160 }}>{c.printed.className}</TableCell>
                      <TableCell sx={{ whiteSpace: 'nowrap' }}>{c.printed.classification ?? ''}</TableCell>
                      <TableCell>{formatDate(c.issueDate)}</TableCell>
                      <TableCell sx={{ color: voided ? undefined : 'success.dark', maxWidth: 220 }}>{statusText(c)}</TableCell>
                      <TableCell align="right">{c.printCount}</TableCell>
                    </TableRow>
                  );
                })}
              </TableBody>
            </Table>
          </Box>
        </>
      )}
    </Paper>
  );
}
