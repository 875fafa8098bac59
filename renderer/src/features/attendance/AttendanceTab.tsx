import { Alert, Box, Button, MenuItem, Paper, TextField, Typography } from '@mui/material';
import { useMemo, useState } from 'react';
import { ErrorAlert } from '../../components/form/ErrorAlert';
import { LockReasonDialog } from '../results/LockReasonDialog';
import { AttendanceGrid, type AttendanceGridData } from './AttendanceGrid';
import { useAttendanceGrid } from './queries';
import { useAttendanceSaver } from './useAttendanceSaver';

const NO_SITE = '\u0000none';

const STATUS_TEXT = { idle: '', saving: 'Đang lưu…', saved: 'Đã lưu mọi thay đổi', error: 'Chưa lưu được' } as const;

export function AttendanceTab({ classId }: { classId: number }) {
  const grid = useAttendanceGrid(classId);
  if (grid.isError) return <ErrorAlert error={grid.error} />;
  if (!grid.data) return null;
  if (grid.data.sessions.length === 0)
    return <Alert severity="info">Lớp chưa có lịch học. Hãy lập lịch ở thẻ «Lịch học» rồi điểm danh theo từng buổi.</Alert>;
  if (grid.data.rows.length === 0)
    return <Alert severity="info">Lớp chưa có học viên. Hãy thêm học viên ở thẻ «Học viên» trước khi điểm danh.</Alert>;
  return <AttendanceEditor grid={grid.data} />;
}

function AttendanceEditor({ grid }: { grid: AttendanceGridData }) {
  const saver = useAttendanceSaver(grid.classId, grid.locked);
  const [notice, setNotice] = useState('');
  // Online classes: each connected site takes its own roll; "cả buổi có mặt" then fills only that site.
  const [site, setSite] = useState<string>('');
  const shown = useMemo(
    () =>
      site === ''
        ? grid
        : {
            ...grid,
            rows: grid.rows.filter((r) => (site === NO_SITE ? r.site === null || !grid.sites.includes(r.site) : r.site === site)),
          },
    [grid, site],
  );
  return (
    <Paper sx={{ p: 2 }}>
      <Box sx={{ display: 'flex', alignItems: 'baseline', gap: 2, mb: 1 }}>
        <Typography variant="h2" sx={{ flexGrow: 1 }}>
          Điểm danh
        </Typography>
        <Typography variant="body2" color={saver.status === 'error' ? 'error' : 'text.secondary'} role="status" aria-live="polite">
          {STATUS_TEXT[saver.status]}
        </Typography>
      </Box>
      <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
        Chọn một ô rồi gõ: <b>C</b> hoặc phím cách = có mặt (✓), <b>P</b> = vắng có phép, <b>K</b> = vắng không phép, <b>Delete</b> = xóa.
        Dùng các phím mũi tên để chuyển ô. Nút ở đầu mỗi cột ghi có mặt cho cả buổi (những người chưa điểm danh). Thay đổi được lưu tự động.
      </Typography>
      {grid.locked && (
        <Alert severity="info" sx={{ mb: 1 }}>
          Kết quả của lớp đã được công nhận: sửa điểm danh cần ghi lý do, lý do được lưu vào nhật ký.
        </Alert>
      )}
      {saver.error && (
        <Alert
          severity="error"
          sx={{ mb: 1 }}
          action={
            <>
              <Button color="inherit" size="small" onClick={saver.retry}>
                Thử lại
              </Button>
              <Button color="inherit" size="small" onClick={saver.discard}>
                Bỏ thay đổi chưa lưu
              </Button>
            </>
          }
        >
          Chưa lưu được điểm danh: {saver.error}
        </Alert>
      )}
      {notice && (
        <Alert severity="warning" sx={{ mb: 1 }} onClose={() => setNotice('')}>
          {notice}
        </Alert>
      )}
      {grid.sites.length > 0 && (
        <TextField select size="small" label="Điểm cầu" value={site} onChange={(e) => setSite(e.target.value)} sx={{ mb: 1, width: 420 }}>
          <MenuItem value="">Tất cả điểm cầu ({grid.rows.length} người)</MenuItem>
          {grid.sites.map((s) => (
            <MenuItem key={s} value={s}>
              {s} ({grid.rows.filter((r) => r.site === s).length} người)
            </MenuItem>
          ))}
          <MenuItem value={NO_SITE}>Chưa chọn điểm cầu</MenuItem>
        </TextField>
      )}
      {shown.rows.length === 0 ? (
        <Alert severity="info" sx={{ mb: 1 }}>
          Không có học viên nào ở điểm cầu này; chọn điểm cầu cho học viên ở thẻ «Học viên».
        </Alert>
      ) : (
        <AttendanceGrid grid={shown} pending={saver.pending} onEdit={saver.edit} onNotice={setNotice} />
      )}
      {saver.awaitingReason && <LockReasonDialog of="attendance" onConfirm={saver.giveReason} onClose={saver.refuseReason} />}
    </Paper>
  );
}
