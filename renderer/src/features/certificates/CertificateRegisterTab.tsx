import DescriptionIcon from '@mui/icons-material/Description';
import GridOnIcon from '@mui/icons-material/GridOn';
import PictureAsPdfIcon from '@mui/icons-material/PictureAsPdf';
import { Alert, Box, Button, Paper, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { useState } from 'react';
import { CERTIFICATE_STATUS_LABELS, type Certificate } from '../../../../shared/contract/certificates';
import { todayInVietnam } from '../../../../shared/domain/dates';
import { formatDate, formatNumber } from '../../../../shared/domain/format';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { YearSelector } from '../../components/YearSelector';
import { ErrorAlert } from '../../components/form/ErrorAlert';
import { SavedFileAlert } from '../../components/SavedFileAlert';
import { useCertificateRegister, useListDocx, useListPdf, useRegisterXlsx, useRepairRegister } from './queries';

const thisYear = () => Number(todayInVietnam().slice(0, 4));

/** "Đã cấp lại: Sai ngày sinh; thay bằng số 6/2026/GCN" for a voided certificate, the plain label otherwise. */
function statusText(c: Certificate): string {
  const label = CERTIFICATE_STATUS_LABELS[c.status];
  if (c.status === 'valid') return label;
  const detail = [c.statusReason, c.replacedBySerial ? `thay bằng số ${c.replacedBySerial}` : null].filter(Boolean).join('; ');
  return detail ? `${label}: ${detail}` : label;
}

/** "1/2024/GCN, 2/2024/GCN … và 40 giấy khác": names the rows without flooding the screen. */
function serialList(serials: string[]): string {
  const shown = serials.slice(0, 8).join(', ');
  return serials.length > 8 ? `${shown} và ${formatNumber(serials.length - 8)} giấy khác` : shown;
}

export function CertificateRegisterTab() {
  const [year, setYear] = useState(thisYear);
  const [confirming, setConfirming] = useState(false);
  const register = useCertificateRegister(year);
  const pdf = useListPdf();
  const word = useListDocx();
  const xlsx = useRegisterXlsx();
  const repair = useRepairRegister();
  const changeYear = (y: number) => {
    // The limits of the contract; no certificate is issued in the future.
    if (y < 1990 || y > thisYear()) return;
    pdf.reset();
    word.reset();
    xlsx.reset();
    repair.reset();
    setYear(y);
  };
  const rows = register.data ?? [];
  const damaged = rows.filter((c) => c.damage !== null);
  const listError = pdf.error ?? word.error ?? xlsx.error ?? repair.error;

  return (
    <Paper sx={{ p: 2 }}>
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 1, mb: 1, flexWrap: 'wrap' }}>
        <Typography variant="h2">Sổ cấp giấy chứng nhận năm</Typography>
        <YearSelector year={year} onChange={changeYear} />
        <Box sx={{ flexGrow: 1 }} />
        <Button
          startIcon={<PictureAsPdfIcon />}
          onClick={() => pdf.mutate({ kind: 'register', year })}
          disabled={rows.length === 0 || pdf.isPending}
        >
          In sổ (PDF)
        </Button>
        <Button
          startIcon={<DescriptionIcon />}
          onClick={() => word.mutate({ kind: 'register', year })}
          disabled={rows.length === 0 || word.isPending}
        >
          Lưu Word (.docx)
        </Button>
        <Button startIcon={<GridOnIcon />} onClick={() => xlsx.mutate({ year })} disabled={rows.length === 0 || xlsx.isPending}>
          Xuất Excel
        </Button>
      </Box>
      <ErrorAlert error={listError} sx={{ mb: 1 }} />
      <SavedFileAlert saved={pdf.data} sx={{ mb: 1 }} />
      <SavedFileAlert saved={word.data} sx={{ mb: 1 }} />
      <SavedFileAlert saved={xlsx.data} detail={xlsx.data && `(${formatNumber(xlsx.data.rowCount)} dòng)`} sx={{ mb: 1 }} />
      {repair.isSuccess && (
        <Alert severity="success" sx={{ mb: 1 }}>
          {repair.data.repaired === 0
            ? 'Không còn bản ghi nào cần sửa.'
            : `Đã sửa ${formatNumber(repair.data.repaired)} giấy chứng nhận (${serialList(repair.data.serials)}); việc sửa được ghi vào nhật ký thay đổi.`}
          {repair.data.skipped.length > 0 &&
            ` Chưa sửa được ${formatNumber(repair.data.skipped.length)} giấy: ${repair.data.skipped
              .slice(0, 5)
              .map((k) => `${k.serial} (${k.reason})`)
              .join('; ')}${repair.data.skipped.length > 5 ? '…' : ''}.`}
        </Alert>
      )}
      <ConfirmDialog
        open={confirming}
        title={`Sửa ${formatNumber(damaged.length)} bản ghi hỏng của năm ${year}?`}
        confirmLabel="Sửa bản ghi"
        busy={repair.isPending}
        onClose={() => setConfirming(false)}
        onConfirm={() => {
          setConfirming(false);
          repair.mutate({ year });
        }}
      >
        Phần nội dung còn đúng của mỗi giấy được giữ nguyên; phần thiếu lấy từ mã xác thực đã in và hồ sơ hiện tại của người học, lớp; giấy
        chưa có mã được ký mã mới bằng khóa của trung tâm. Số giấy, ngày cấp và trạng thái không đổi. Mỗi giấy sửa được ghi vào nhật ký thay
        đổi.
      </ConfirmDialog>
      {damaged.length > 0 && (
        <Alert
          severity="warning"
          sx={{ mb: 1 }}
          action={
            <Button
              color="inherit"
              size="small"
              variant="outlined"
              sx={{ whiteSpace: 'nowrap', alignSelf: 'center' }}
              onClick={() => setConfirming(true)}
              disabled={repair.isPending}
            >
              Sửa bản ghi hỏng
            </Button>
          }
        >
          {`${formatNumber(damaged.length)} giấy có bản ghi hỏng (${serialList(damaged.map((c) => c.serial))}): thiếu nội dung đã in hoặc mã xác thực. ` +
            'Sổ đang hiện họ tên, ngày sinh, lớp theo hồ sơ hiện tại; «Sửa bản ghi hỏng» ghi lại nội dung và mã xác thực từ hồ sơ đó.'}
        </Alert>
      )}
      {register.isError ? (
        <ErrorAlert error={register.error} />
      ) : !register.data ? null : rows.length === 0 ? (
        <Alert severity="info">{`Năm ${year} chưa cấp giấy chứng nhận nào.`}</Alert>
      ) : (
        <>
          <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
            {`${formatNumber(rows.length)} giấy vào sổ · ${formatNumber(rows.filter((c) => c.status === 'valid').length)} còn hiệu lực.`}
          </Typography>
          <Box sx={{ overflowX: 'auto' }}>
            <Table
              size="small"
              aria-label={`Sổ cấp giấy chứng nhận năm ${year}`}
              sx={{
                minWidth: 960,
                '& th': { whiteSpace: 'nowrap' },
                '& td, & th': { px: 1 },
                '& td:first-of-type, & th:first-of-type': { pl: 2 },
              }}
            >
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
                    <TableRow key={c.id} sx={voided ? { '& td': { color: 'text.secondary' } } : undefined}>
                      <TableCell
                        sx={{
                          whiteSpace: 'nowrap',
                          fontWeight: voided ? undefined : 600,
                          textDecoration: voided ? 'line-through' : undefined,
                        }}
                      >
                        {c.serial}
                      </TableCell>
                      <TableCell sx={{ whiteSpace: 'nowrap' }}>
                        {c.registerNo}
                        {c.checkCode && (
                          <Typography
                            variant="caption"
                            component="div"
                            color="text.secondary"
                            title="Mã tra cứu in trên giấy"
                          >{`Mã tra cứu ${c.checkCode}`}</Typography>
                        )}
                      </TableCell>
                      <TableCell sx={{ whiteSpace: 'nowrap' }}>{c.printed.fullName}</TableCell>
                      <TableCell>{formatDate(c.printed.birthDate)}</TableCell>
                      <TableCell sx={{ minWidth: 160 }}>{c.printed.className}</TableCell>
                      <TableCell sx={{ whiteSpace: 'nowrap' }}>{c.printed.classification ?? ''}</TableCell>
                      <TableCell>{formatDate(c.issueDate)}</TableCell>
                      <TableCell sx={{ color: c.damage ? 'error.main' : voided ? undefined : 'success.dark', maxWidth: 220 }}>
                        {c.damage ? `${statusText(c)} · bản ghi hỏng` : statusText(c)}
                      </TableCell>
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
