import { Alert, Box, Button, Dialog, DialogActions, DialogContent, DialogTitle, MenuItem, TextField } from '@mui/material';
import { useEffect, useRef, useState } from 'react';
import { formatNumber } from '../../../../shared/domain/format';
import { useStartBatch } from './queries';
import { downloadBase64 } from '../../components/download';
import { ErrorAlert } from '../../components/form/ErrorAlert';
import { JobProgress } from '../../components/JobProgress';
import { useChannelQuery } from '../../data/queries';
import { useJob } from '../../data/useJob';

export type BatchTarget = 'pdf' | 'printer';

// The printer chosen last time, offered first: on Windows the first printer listed is often a fax.
const LAST_PRINTER = 'ttct.certificates.lastPrinter';

/**
 * Follows a batch from start to end: for the printer, first the choice of printer; then a progress
 * bar with "Dừng" (the batch stops after the chunk being printed), and what came of it.
 */
export function BatchPrintDialog(props: { certificateIds: number[]; target: BatchTarget; onClose: (printed: number) => void }) {
  const { certificateIds, target, onClose } = props;
  const printers = useChannelQuery('certificates.printers', {}, { enabled: target === 'printer' });
  const [chosen, setChosen] = useState(() => localStorage.getItem(LAST_PRINTER) ?? '');
  const deviceName = printers.data?.printers.some((p) => p.name === chosen) ? chosen : '';
  const [batch, setBatch] = useState<{ jobId: string; total: number } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [starting, setStarting] = useState(false);
  const job = useJob({ status: 'certificates.batchStatus', cancel: 'certificates.cancelBatch' }, batch, (last) => {
    if (last.file) downloadBase64(last.file.fileName, last.file.dataBase64, 'application/pdf');
  });
  const status = job.state;
  const printed = job.last?.printed ?? 0;
  const file = job.last?.file ?? null;
  const started = useRef(false);
  const startBatch = useStartBatch();

  const start = async (device?: string) => {
    // One batch per dialog: a double click must not print twice.
    if (started.current) return;
    started.current = true;
    setStarting(true);
    setError(null);
    try {
      const r = await startBatch.mutateAsync({ certificateIds, target, ...(device ? { deviceName: device } : {}) });
      if (device) localStorage.setItem(LAST_PRINTER, device);
      setBatch(r);
    } catch (err) {
      started.current = false;
      setError((err as Error).message);
    } finally {
      setStarting(false);
    }
  };

  // A PDF needs no choice: it starts as the dialog opens.
  useEffect(() => {
    if (target === 'pdf') queueMicrotask(() => void start());
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const lost = job.error && `Mất liên lạc với đợt in: ${job.error.message} Hãy xem số lần in trong bảng trước khi in lại.`;
  const running = status?.status === 'running';
  const finished = status !== null && !running;
  const choosing = target === 'printer' && !status;

  return (
    <Dialog open maxWidth="sm" fullWidth onClose={() => !running && onClose(printed)}>
      <DialogTitle>{target === 'pdf' ? 'Lưu giấy chứng nhận ra PDF' : 'In giấy chứng nhận'}</DialogTitle>
      <DialogContent>
        {choosing && printers.data && printers.data.printers.length === 0 && (
          <Alert severity="warning">Máy tính chưa cài máy in nào. Hãy cài máy in, hoặc lưu PDF rồi in.</Alert>
        )}
        {choosing && printers.data && printers.data.printers.length > 0 && (
          <TextField
            select
            fullWidth
            label="Máy in"
            value={deviceName}
            onChange={(e) => setChosen(e.target.value)}
            sx={{ mt: 1 }}
            helperText={`${formatNumber(certificateIds.length)} giấy, gửi tới máy in từng đợt 50 giấy, đúng khổ giấy của mẫu; có thể dừng giữa chừng.`}
          >
            {printers.data.printers.map((p) => (
              <MenuItem key={p.name} value={p.name}>
                {p.displayName}
              </MenuItem>
            ))}
          </TextField>
        )}
        <ErrorAlert error={printers.error} />
        {status && (
          <Box sx={{ mt: 1 }}>
            <JobProgress state={status} label="Tiến độ in">
              {running ? (target === 'pdf' ? 'Đang tạo tệp PDF' : 'Đang gửi tới máy in') : 'Đã xử lý'}: {formatNumber(status.done)}/
              {formatNumber(status.total)} giấy
            </JobProgress>
          </Box>
        )}
        {finished && status.message && (
          <Alert severity={status.status === 'done' ? 'success' : status.status === 'cancelled' ? 'warning' : 'error'} sx={{ mt: 2 }}>
            {status.message}
            {file && ` Tệp ${file.fileName} (${formatNumber(file.pages)} trang).`}
          </Alert>
        )}
        <ErrorAlert error={lost || error} sx={{ mt: 2 }} />
      </DialogContent>
      <DialogActions>
        {running && (
          <Button
            color="warning"
            disabled={job.stopping}
            onClick={() => job.cancel().catch((err: unknown) => setError((err as Error).message))}
          >
            {job.stopping ? 'Đang dừng…' : 'Dừng'}
          </Button>
        )}
        {!running && <Button onClick={() => onClose(printed)}>Đóng</Button>}
        {choosing && (
          <Button variant="contained" disabled={!deviceName || starting} onClick={() => void start(deviceName)}>
            In
          </Button>
        )}
      </DialogActions>
    </Dialog>
  );
}
