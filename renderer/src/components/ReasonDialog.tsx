import { Button, Dialog, DialogActions, DialogContent, DialogContentText, DialogTitle, TextField } from '@mui/material';
import { useState, type ReactNode } from 'react';
import { ErrorAlert } from './form/ErrorAlert';

/**
 * Asks for the one line of text a change needs: why someone withdraws, why an unfit learner may
 * still study, why recognised results are being changed. Mounted only while open, so every
 * opening starts from an empty field.
 */
export function ReasonDialog(props: {
  title: string;
  children?: ReactNode;
  label: string;
  helperText?: string;
  confirmLabel: string;
  onConfirm: (reason: string) => void;
  onClose: () => void;
  busy?: boolean;
  error?: string | null;
  initial?: string;
  /** A note may be empty (a discipline note); a reason may not. */
  optional?: boolean;
}) {
  const [reason, setReason] = useState(props.initial ?? '');
  const [tried, setTried] = useState(false);
  const missing = !props.optional && reason.trim() === '';
  const confirm = () => {
    setTried(true);
    if (!missing) props.onConfirm(reason.trim());
  };
  return (
    <Dialog open onClose={props.onClose} maxWidth="sm" fullWidth>
      <DialogTitle>{props.title}</DialogTitle>
      <DialogContent>
        {props.children && (
          <DialogContentText component="div" sx={{ mb: 2 }}>
            {props.children}
          </DialogContentText>
        )}
        <ErrorAlert error={props.error} sx={{ mb: 2 }} />
        <TextField
          autoFocus
          label={props.label}
          name="reason"
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault();
              confirm();
            }
          }}
          error={tried && missing}
          helperText={tried && missing ? 'Chưa ghi lý do' : props.helperText}
          slotProps={{ htmlInput: { maxLength: 500 } }}
          sx={{ mt: 1 }}
        />
      </DialogContent>
      <DialogActions>
        <Button onClick={props.onClose}>Hủy</Button>
        <Button variant="contained" onClick={confirm} disabled={props.busy}>
          {props.confirmLabel}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
