import {
  Alert,
  Box,
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  LinearProgress,
  MenuItem,
  TextField,
  Typography,
} from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import type { Output } from '../../../../shared/contract';
import { formatNumber } from '../../../../shared/domain/format';
import { api } from '../../api';
import { downloadBase64 } from '../../components/download';

type Status = Output<'certificates.batchStatus'>;
export type BatchTarget = 'pdf' | 'printer';

const POLL_MS = 300;
// The printer chosen last time, offered first: on Windows the first printer listed is often a fax.
const LAST_PRINTER = 'ttct.certificates.lastPrinter';

/**
 * Follows a batch from start to end: for the printer, first the choice of printer; then a progress
 * bar with "Dừng" (the batch stops after the chunk being printed), and what came of it.
 */
export function BatchPrintDialog(props: { certificateIds: number[]; target: BatchTarget; onClose: (printed: number) => void }) {
  const { certificateIds, target, onClose } = props;
  const printers = useQuery({
    queryKey: ['certificates.printers'],
    queryFn: () => api.certificates.printers({}),
    enabled: target === 'printer',
  });
  const [chosen, setChosen] = useState(() => localStorage.getItem(LAST_PRINTER) ?? '');
  const deviceName = printers.data?.printers.some((p) => p.name === chosen) ? chosen : '';
  const [jobId, setJobId] = useState<string | null>(null);
  const [status, setStatus] = useState<Status | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [stopping, setStopping] = useState(false);
  const [starting, setStarting] = useState(false);
  const started = useRef(false);

  const start = async (device?: string) => {
    // One batch per dialog: a double click must not print twice.
    if (started.current) return;
    started.current = true;
    setStarting(true);
    setError(null);
    try {
      const r = await api.certificates.startBatch({ certificateIds, target, ...(device ? { deviceName: device } : {}) });
      if (device) localStorage.setItem(LAST_PRINTER, device);
      setJobId(r.jobId);
      setStatus({ status: 'running', done: 0, total: r.total, message: null, file: null, printed: 0 });
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

  // One poll at a time, the next only after the answer: a finished job hands its PDF out once.
  useEffect(() => {
    if (!jobId) return;
    let alive = true;
    let timer: ReturnType<typeof setTimeout>;
    const poll = () => {
      api.certificates.batchStatus({ jobId }).then(
        (s) => {
          if (!alive) return;
          setStatus(s);
          if (s.status === 'running') timer = setTimeout(poll, POLL_MS);
          else {
            setJobId(null);
            if (s.file) downloadBase64(s.file.fileName, s.file.dataBase64, 'application/pdf');
          }
        },
        (err: unknown) => {
          if (!alive) return;
          setJobId(null);
          setStatus((s) => (s ? { ...s, status: 'failed' } : s));
          setError(`Mất liên lạc với đợt in: ${(err as Error).message} Hãy xem số lần in trong bảng trước khi in lại.`);
        },
      );
    };
    timer = setTimeout(poll, POLL_MS);
    return () => {
      alive = false;
      clearTimeout(timer);
    };
  }, [jobId]);

  const running = status?.status === 'running';
  const finished = status !== null && !running;
  const choosing = target === 'printer' && !status;
  const percent = status && status.total > 0 ? (100 * status.done) / status.total : 0;

  return (
    <Dialog open maxWidth="sm" fullWidth onClose={() => !running && onClose(status?.printed ?? 0)}>
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
        {printers.isError && <Alert severity="error">{printers.error.message}</Alert>}
        {status && (
          <Box sx={{ mt: 1 }}>
            <Typography sx={{ mb: 1 }}>
              {running ? (target === 'pdf' ? 'Đang tạo tệp PDF' : 'Đang gửi tới máy in') : 'Đã xử lý'}: {formatNumber(status.done)}/
              {formatNumber(status.total)} giấy
            </Typography>
            <LinearProgress variant="determinate" value={percent} aria-label="Tiến độ in" />
          </Box>
        )}
        {finished && status.message && (
          <Alert severity={status.status === 'done' ? 'success' : status.status === 'cancelled' ? 'warning' : 'error'} sx={{ mt: 2 }}>
            {status.message}
            {status.file && ` Tệp ${status.file.fileName} (${formatNumber(status.file.pages)} trang).`}
          </Alert>
        )}
        {error && (
          <Alert severity="error" sx={{ mt: 2 }}>
            {error}
          </Alert>
        )}
      </DialogContent>
      <DialogActions>
        {running && (
          <Button
            color="warning"
            disabled={stopping}
            onClick={() => {
              setStopping(true);
              if (jobId) api.certificates.cancelBatch({ jobId }).catch((err: unknown) => setError((err as Error).message));
            }}
          >
            {stopping ? 'Đang dừng…' : 'Dừng'}
          </Button>
        )}
        {!running && <Button onClick={() => onClose(status?.printed ?? 0)}>Đóng</Button>}
        {choosing && (
          <Button variant="contained" disabled={!deviceName || starting} onClick={() => void start(deviceName)}>
            In
          </Button>
        )}
      </DialogActions>
    </Dialog>
  );
}
