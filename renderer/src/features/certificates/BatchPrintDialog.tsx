import { Alert, Box, Button, Dialog, DialogActions, DialogContent, DialogTitle, LinearProgress, MenuItem, TextField, Typography } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import type { Output } from '../../../../shared/contract';
import { formatNumber } from '../../../../shared/domain/format';
import { api } from '../../api';
import { downloadBase64 } from '../../components/download';

type Status = Output<'certificates.batchStatus'>;
export type BatchTarget = 'pdf' | 'printer';

const POLL_MS = 300;

/**
 * Follows a batch from start to end: for the printer, first the choice of printer; then a progress
 * bar with "Dừng" (the batch stops after the chunk being printed), and what came of it.
 */
export function BatchPrintDialog(props: { certificateIds: number[]; target: BatchTarget; onClose: (printed: number) => void }) {
  const { certificateIds, target, onClose } = props;
  const printers = useQuery({ queryKey: ['certificates.printers'], queryFn: () => api.certificates.printers({}), enabled: target === 'printer' });
  const [chosen, setChosen] = useState('');
  const deviceName = chosen || (printers.data?.printers[0]?.name ?? '');
  const [jobId, setJobId] = useState<string | null>(null);
  const [status, setStatus] = useState<Status | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [stopping, setStopping] = useState(false);
  const started = useRef(false);

  const start = async (device?: string) => {
    started.current = true;
    setError(null);
    try {
      const r = await api.certificates.startBatch({ certificateIds, target, ...(device ? { deviceName: device } : {}) });
      setJobId(r.jobId);
      setStatus({ status: 'running', done: 0, total: r.total, message: null, file: null, printed: 0 });
    } catch (err) {
      started.current = false;
      setError((err as Error).message);
    }
  };

  // A PDF needs no choice: it starts as the dialog opens.
  useEffect(() => {
    if (target === 'pdf' && !started.current) void start();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  useEffect(() => {
    if (!jobId) return;
    let alive = true;
    const timer = setInterval(() => {
      api.certificates.batchStatus({ jobId }).then(
        (s) => {
          if (!alive) return;
          setStatus(s);
          if (s.status !== 'running') {
            clearInterval(timer);
            setJobId(null);
            if (s.file) downloadBase64(s.file.fileName, s.file.dataBase64, 'application/pdf');
          }
        },
        (err: unknown) => {
          if (!alive) return;
          clearInterval(timer);
          setJobId(null);
          setError((err as Error).message);
        },
      );
    }, POLL_MS);
    return () => {
      alive = false;
      clearInterval(timer);
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
          <TextField select fullWidth label="Máy in" value={deviceName} onChange={(e) => setChosen(e.target.value)} sx={{ mt: 1 }}
            helperText={`${formatNumber(certificateIds.length)} giấy, gửi tới máy in từng đợt 50 giấy; có thể dừng giữa chừng.`}>
            {printers.data.printers.map((p) => (
              <MenuItem key={p.name} value={p.name}>{p.displayName}</MenuItem>
            ))}
          </TextField>
        )}
        {printers.isError && <Alert severity="error">{printers.error.message}</Alert>}
        {status && (
          <Box sx={{ mt: 1 }}>
            <Typography sx={{ mb: 1 }}>
              {running ? (target === 'pdf' ? 'Đang tạo tệp PDF' : 'Đang gửi tới máy in') : 'Đã xử lý'}: {formatNumber(status.done)}/{formatNumber(status.total)} giấy
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
        {error && <Alert severity="error" sx={{ mt: 2 }}>{error}</Alert>}
      </DialogContent>
      <DialogActions>
        {running && (
          <Button color="warning" disabled={stopping} onClick={() => {
            setStopping(true);
            if (jobId) api.certificates.cancelBatch({ jobId }).catch((err: unknown) => setError((err as Error).message));
          }}>
            {stopping ? 'Đang dừng…' : 'Dừng'}
          </Button>
        )}
        {!running && <Button onClick={() => onClose(status?.printed ?? 0)}>Đóng</Button>}
        {choosing && (
          <Button variant="contained" disabled={!deviceName} onClick={() => void start(deviceName)}>In</Button>
        )}
      </DialogActions>
    </Dialog>
  );
}
