import PersonIcon from '@mui/icons-material/Person';
import { Button, Dialog, DialogActions, DialogContent, DialogTitle, TextField, Typography } from '@mui/material';
import { useState } from 'react';
import type { AppStatus } from '../../../shared/contract/app';
import { ErrorAlert } from '../components/form/ErrorAlert';
import { useChannelForm } from '../components/form/useChannelForm';

/**
 * Who is using the app, shown in the title bar: every change (a merge, a decision, a certificate) is
 * recorded under this name, so the history says which clerk did what rather than the PC's account.
 */
export function ClerkName({ status }: { status: AppStatus }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button
        color="inherit"
        size="small"
        startIcon={<PersonIcon />}
        onClick={() => setOpen(true)}
        sx={{ ml: 'auto', textTransform: 'none', whiteSpace: 'nowrap' }}
      >
        {status.clerkName ? `Người dùng: ${status.clerkName}` : 'Chưa đặt tên người dùng'}
      </Button>
      {open && <ClerkNameDialog current={status.clerkName} onClose={() => setOpen(false)} />}
    </>
  );
}

function ClerkNameDialog({ current, onClose }: { current: string | null; onClose: () => void }) {
  const f = useChannelForm('app.setClerkName', {
    initial: { name: current ?? '' },
    toInput: (form) => form,
    invalidates: ['app.status'],
    onSaved: onClose,
  });
  return (
    <Dialog open onClose={onClose} maxWidth="xs" fullWidth>
      <form noValidate onSubmit={(e) => (e.preventDefault(), f.submit())}>
        <DialogTitle>Người đang dùng máy</DialogTitle>
        <DialogContent>
          <Typography variant="body2" sx={{ mb: 2 }}>
            Mọi thay đổi (gộp hồ sơ, quyết định, cấp giấy chứng nhận…) được ghi vào lịch sử dưới tên này.
          </Typography>
          <TextField autoFocus label="Họ và tên" {...f.text('name')} />
          <ErrorAlert error={!f.errors.fields.name && f.formError} sx={{ mt: 2 }} />
        </DialogContent>
        <DialogActions>
          <Button onClick={onClose}>Hủy</Button>
          <Button type="submit" variant="contained" disabled={f.busy}>
            Lưu
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}
