import UploadFileIcon from '@mui/icons-material/UploadFile';
import { Alert, Box, Button, Paper, TextField, Typography } from '@mui/material';
import { useState } from 'react';
import type { Output } from '../../../../shared/contract';
import { todayInVietnam } from '../../../../shared/domain/dates';
import { formatDateTime, formatNumber } from '../../../../shared/domain/format';
import { useFilePicker } from '../../components/useFilePicker';
import { YearSelector } from '../../components/YearSelector';
import { useFormErrors } from '../../components/useFormErrors';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { SimpleTable, type Column } from '../../components/SimpleTable';
import { useImportRollup, useRemoveRollup, useRollup } from './queries';
import { ErrorAlert } from '../../components/form/ErrorAlert';

type Rollup = Output<'reports.rollup'>;
type Centre = Rollup['centres'][number];
type ProgramTotal = Rollup['total'][number];
const MAX_BYTES = 5_000_000;

const count = (label: string, of: (row: ProgramTotal) => number): Column<ProgramTotal> => ({
  label,
  align: 'right',
  render: (row) => formatNumber(of(row)),
});
const PROGRAM_COLUMNS: Column<ProgramTotal>[] = [
  { label: 'Chương trình', render: (row) => row.name },
  count('Kế hoạch', (row) => row.planned),
  count('Mở', (row) => row.opened),
  count('Lượt học viên', (row) => row.enrollments),
  count('Số người', (row) => row.people),
  count('Hoàn thành', (row) => row.completed),
  count('Cấp GCN', (row) => row.certified),
  count('Nữ', (row) => row.women),
  count('DTTS', (row) => row.minority),
];
const CENTRE_COLUMNS: Column<Centre>[] = [
  { label: 'Trung tâm', render: (c) => c.centreName },
  { label: 'Xuất lúc', render: (c) => formatDateTime(c.exportedAt) },
  { label: 'Nhập lúc', render: (c) => formatDateTime(c.importedAt) },
  { label: 'Lượt học viên', align: 'right', render: (c) => formatNumber(c.rows.reduce((a, x) => a + x.enrollments, 0)) },
];

/** The superior body's view: yearly summaries imported from the centres, added up per program. */
export function RollupTab() {
  const [year, setYear] = useState(() => Number(todayInVietnam(new Date()).slice(0, 4)) - 1);
  const rollup = useRollup(year);
  const [fileProblem, setFileProblem] = useState<string | null>(null);
  const [removing, setRemoving] = useState<Centre | null>(null);
  const [reason, setReason] = useState('');
  const removeForm = useFormErrors();
  const importFile = useImportRollup({ onSuccess: (r) => setYear(r.year) });
  const remove = useRemoveRollup({
    onMutate: () => removeForm.clear(),
    onSuccess: () => setRemoving(null),
    onError: (err) => removeForm.fromError(err),
  });
  const onFile = async (f: File) => {
    setFileProblem(null);
    importFile.reset();
    if (f.size > MAX_BYTES) {
      setFileProblem(`Tệp ${f.name} quá lớn (${formatNumber(Math.round(f.size / 1024))} KB), không phải tệp tổng hợp.`);
      return;
    }
    importFile.mutate({ fileText: await f.text() });
  };
  const picker = useFilePicker({ accept: '.json,application/json', label: 'Tệp tổng hợp', onFile: (f) => void onFile(f) });
  const r = rollup.data;
  return (
    <Box sx={{ display: 'grid', gap: 2 }}>
      <Paper sx={{ p: 2 }}>
        <Typography variant="h2" sx={{ mb: 1 }}>
          Tổng hợp từ các trung tâm
        </Typography>
        <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
          Dành cho cơ quan cấp trên: nhập tệp tổng hợp mà mỗi trung tâm xuất từ thẻ «Khóa sổ năm». Tệp được kiểm tra chữ ký; nhập lại cùng
          một tệp bị từ chối, tệp xuất sau của cùng trung tâm và năm thay cho bản cũ.
        </Typography>
        <Box sx={{ display: 'flex', gap: 2, alignItems: 'center' }}>
          <Button variant="contained" startIcon={<UploadFileIcon />} onClick={picker.open} disabled={importFile.isPending}>
            Nhập tệp tổng hợp…
          </Button>
          {picker.input}
          <Box sx={{ flexGrow: 1 }} />
          <Typography>Năm</Typography>
          <YearSelector year={year} onChange={setYear} />
        </Box>
        <ErrorAlert error={fileProblem} sx={{ mt: 2 }} />
        <ErrorAlert error={importFile.error} sx={{ mt: 2 }} />
        {importFile.isSuccess && (
          <Alert severity="success" sx={{ mt: 2 }}>
            {importFile.data.replaced ? 'Đã thay bản cũ bằng' : 'Đã nhập'} tổng hợp năm {importFile.data.year} của{' '}
            {importFile.data.centreName}.
          </Alert>
        )}
      </Paper>
      <ErrorAlert error={rollup.error} />
      {r && r.centres.length === 0 && <Alert severity="info">Chưa nhập tổng hợp năm {year} của trung tâm nào.</Alert>}
      {r && r.centres.length > 0 && (
        <Paper sx={{ p: 2 }}>
          <Typography variant="h2" sx={{ mb: 1 }}>
            Năm {year}: {r.centres.length} trung tâm
          </Typography>
          <SimpleTable
            aria-label="Tổng hợp theo chương trình"
            columns={PROGRAM_COLUMNS}
            rows={r.total}
            rowKey={(row) => row.code}
            sx={{ mb: 2, '& th': { fontWeight: 600 } }}
          />
          <SimpleTable
            aria-label="Các trung tâm đã gửi"
            rowKey={(c) => c.id}
            rows={r.centres}
            columns={[
              ...CENTRE_COLUMNS,
              {
                align: 'right',
                render: (c) => (
                  <Button
                    size="small"
                    color="error"
                    onClick={() => {
                      setReason('');
                      removeForm.clear();
                      setRemoving(c);
                    }}
                  >
                    Bỏ
                  </Button>
                ),
              },
            ]}
          />
        </Paper>
      )}
      <ConfirmDialog
        open={removing !== null}
        title="Bỏ bản tổng hợp"
        confirmLabel="Bỏ"
        busy={remove.isPending}
        onClose={() => setRemoving(null)}
        onConfirm={() => removing && remove.mutate({ id: removing.id, reason })}
      >
        Bỏ tổng hợp năm {year} của {removing?.centreName}?
        <TextField
          label="Lý do"
          fullWidth
          sx={{ mt: 2 }}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          {...removeForm.at('reason')}
        />
      </ConfirmDialog>
    </Box>
  );
}
