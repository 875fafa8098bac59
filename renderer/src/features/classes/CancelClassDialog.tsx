import { Button, Dialog, DialogActions, DialogContent, DialogContentText, DialogTitle, TextField } from '@mui/material';
import { useState } from 'react';

/** Cancelling cannot be undone; the reason goes into the class's record. The core says when it is missing. */
export function CancelClassDialog(props: {
  open: boolean;
  onClose: () => void;
  onCancel: (reason: string) => void;
  busy: boolean;
  /** The last try was refused: an empty reason is then marked. */
  failed: boolean;
}) {
  const [reason, setReason] = useState('');
  return (
    <Dialog open={props.open} onClose={props.onClose} maxWidth="sm" fullWidth>
      <DialogTitle>Hủy lớp?</DialogTitle>
      <DialogContent>
        <DialogContentText sx={{ mb: 1 }}>
          Lớp đã hủy không mở lại được: không xếp lịch, điểm danh, nhập điểm hay cấp giấy chứng nhận cho lớp này nữa. Lý do hủy được lưu vào
          hồ sơ lớp.
        </DialogContentText>
        <TextField
          autoFocus
          label="Lý do hủy lớp"
          name="reason"
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          error={props.failed && !reason.trim()}
          helperText="Ghi lý do để lưu vào hồ sơ lớp, ví dụ: không đủ học viên"
          sx={{ mt: 1 }}
        />
      </DialogContent>
      <DialogActions>
        <Button onClick={props.onClose}>Không hủy</Button>
        <Button color="error" variant="contained" onClick={() => props.onCancel(reason)} disabled={props.busy}>
          Hủy lớp
        </Button>
      </DialogActions>
    </Dialog>
  );
}
