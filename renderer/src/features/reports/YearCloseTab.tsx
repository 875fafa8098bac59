import LockIcon from '@mui/icons-material/Lock';
import { Alert, Button, Paper, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { formatDateTime } from '../../../../shared/domain/format';
import { api } from '../../api';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { downloadBase64 } from '../../components/download';
import { useCloseYear, useReportYears } from './queries';
import { ErrorAlert } from '../../components/form/ErrorAlert';

/** The years with data, closed or not, what keeps each open, and the roll-up file of a closed one. */
export function YearCloseTab() {
  const years = useReportYears();
  const [closing, setClosing] = useState<number | null>(null);
  const close = useCloseYear({ onSuccess: () => setClosing(null) });
  const rollup = useMutation({
    mutationFn: (year: number) => api.reports.exportRollup({ year }),
    onSuccess: (f) => downloadBase64(f.fileName, f.dataBase64, 'application/json'),
  });
  if (years.isError) return <Alert severity="error">{years.error.message}</Alert>;
  if (!years.data) return null;
  return (
    <Paper sx={{ p: 2 }}>
      <Typography variant="h2" sx={{ mb: 1 }}>
        Khóa sổ năm
      </Typography>
      <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
        Khóa sổ khi mọi lớp của năm đã công nhận kết quả (hoặc đã hủy). Sau khi khóa, số liệu của năm không tự thay đổi: sửa hồ sơ học viên
        không làm đổi thành phần đã báo cáo; sửa điểm, cấp giấy cho lớp của năm đó phải ghi lý do và hiện thành mục điều chỉnh trong báo cáo
        sau.
      </Typography>
      {years.data.length === 0 && <Typography color="text.secondary">Chưa có năm nào có số liệu.</Typography>}
      {years.data.length > 0 && (
        <Table size="small" aria-label="Các năm">
          <TableHead>
            <TableRow>
              <TableCell>Năm</TableCell>
              <TableCell>Tình trạng</TableCell>
              <TableCell />
            </TableRow>
          </TableHead>
          <TableBody>
            {years.data.map((y) => (
              <TableRow key={y.year}>
                <TableCell sx={{ fontWeight: 600 }}>{y.year}</TableCell>
                <TableCell>
                  {y.closedAt ? (
                    `Đã khóa sổ ${formatDateTime(y.closedAt)}${y.closedBy ? ` (${y.closedBy})` : ''}`
                  ) : y.blockers.length > 0 ? (
                    <>
                      Chưa khóa được
                      <Typography variant="body2" color="text.secondary">
                        {y.blockers.slice(0, 3).join('; ')}
                        {y.blockers.length > 3 ? `; và ${y.blockers.length - 3} lớp khác` : ''}
                      </Typography>
                    </>
                  ) : (
                    'Sẵn sàng khóa sổ'
                  )}
                </TableCell>
                <TableCell align="right">
                  {y.closedAt ? (
                    <Button size="small" onClick={() => rollup.mutate(y.year)} disabled={rollup.isPending}>
                      Xuất tệp tổng hợp gửi cấp trên
                    </Button>
                  ) : (
                    <Button
                      size="small"
                      startIcon={<LockIcon />}
                      disabled={y.blockers.length > 0}
                      onClick={() => {
                        close.reset();
                        setClosing(y.year);
                      }}
                    >
                      Khóa sổ năm {y.year}
                    </Button>
                  )}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      <ErrorAlert error={rollup.error} sx={{ mt: 2 }} />
      {rollup.isSuccess && (
        <Alert severity="success" sx={{ mt: 2 }}>
          Đã lưu tệp {rollup.data.fileName}. Gửi tệp này cho cơ quan cấp trên để nhập vào phần mềm của họ.
        </Alert>
      )}
      <ConfirmDialog
        open={closing !== null}
        title={`Khóa sổ năm ${closing ?? ''}`}
        confirmLabel="Khóa sổ"
        busy={close.isPending}
        onClose={() => setClosing(null)}
        onConfirm={() => closing && close.mutate({ year: closing })}
      >
        Số liệu năm {closing} sẽ được chốt như hiện nay. Không mở lại được; mọi thay đổi sau đó phải ghi lý do và được báo cáo là điều
        chỉnh.
        <ErrorAlert error={close.error} sx={{ mt: 2 }} />
      </ConfirmDialog>
    </Paper>
  );
}
