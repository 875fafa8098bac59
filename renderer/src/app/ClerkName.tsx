import PersonIcon from '@mui/icons-material/Person';
import { Alert, Button, Dialog, DialogActions, DialogContent, DialogTitle, TextField, Typography } from '@mui/material';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { contract } from '../../../shared/contract';
import type { AppStatus } from '../../../shared/contract/app';
import { api } from '../api';
import { useFormErrors } from '../components/useFormErrors';
import { applyStatus } from '../features/backups/status-cache';

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
  const queryClient = useQueryClient();
  const errors = useFormErrors();
  const [name, setName] = useState(current ?? '');
  const save = useMutation({
    mutationFn: (input: { name: string }) => api.app.setClerkName(input),
    onSuccess: async (s) => {
      await applyStatus(queryClient, s);
      onClose();
    },
    onError: errors.fromError,
  });
  return (
    <Dialog open onClose={onClose} maxWidth="xs" fullWidth>
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          const input = errors.validate(contract['app.setClerkName'].input, { name });
          if (input) save.mutate(input);
        }}
      >
        <DialogTitle>Người đang dùng máy</DialogTitle>
        <DialogContent>
          <Typography variant="body2" sx={{ mb: 2 }}>
            Mọi thay đổi (gộp hồ sơ, quyết định, cấp giấy chứng nhận…) được ghi vào lịch sử dưới tên này.
          </Typography>
          <TextField
            autoFocus
            label="Họ và tên"
            name="name"
            value={name}
            onChange={(e) => setName(e.target.value)}
            {...errors.at('name')}
          />
          {errors.formError && !errors.fields.name && (
            <Alert severity="error" sx={{ mt: 2 }}>
              {errors.formError}
            </Alert>
          )}
        </DialogContent>
        <DialogActions>
          <Button onClick={onClose}>Hủy</Button>
          <Button type="submit" variant="contained" disabled={save.isPending}>
            Lưu
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}
