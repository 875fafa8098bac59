import LockIcon from '@mui/icons-material/Lock';
import { Alert, Button, Paper, Typography } from '@mui/material';
import type { Output } from '../../../../shared/contract';
import { useState } from 'react';
import { formatDateTime } from '../../../../shared/domain/format';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { downloadBase64 } from '../../components/download';
import { SimpleTable, type Column } from '../../components/SimpleTable';
import { useCloseYear, useExportRollup, useReportYears } from './queries';
import { ErrorAlert } from '../../components/form/ErrorAlert';

type Year = Output<'reports.years'>[number];

const YEAR_COLUMNS: Column<Year>[] = [
  { label: 'Năm', sx: { fontWeight: 600 }, render: (y) => y.year },
  {
    label: 'Tình trạng',
    render: (y) =>
      y.closedAt ? (
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
      ),
  },
];

/** The years with data, closed or not, what keeps each open, and the roll-up file of a closed one. */
export function YearCloseTab() {
  const years = useReportYears();
  const [closing, setClosing] = useState<number | null>(null);
  const close = useCloseYear({ onSuccess: () => setClosing(null) });
  const rollup = useExportRollup({ onSuccess: (f) => downloadBase64(f.fileName, f.dataBase64, 'application/json') });
  if (years.isError) return <ErrorAlert error={years.error} />;
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
        <SimpleTable
          aria-label="Các năm"
          rows={years.data}
          rowKey={(y) => y.year}
          columns={[
            ...YEAR_COLUMNS,
            {
              align: 'right',
              render: (y) =>
                y.closedAt ? (
                  <Button size="small" onClick={() => rollup.mutate({ year: y.year })} disabled={rollup.isPending}>
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
                ),
            },
          ]}
        />
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
