import { Button, Dialog, DialogActions, DialogContent, DialogContentText, DialogTitle } from '@mui/material';
import { ReasonField } from '../../components/form/ReasonField';
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
        <ReasonField
          label="Lý do hủy lớp"
          value={reason}
          onChange={setReason}
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
