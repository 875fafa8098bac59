import LockOpenIcon from '@mui/icons-material/LockOpen';
import { Alert, Box, Button, Paper, TextField, Typography } from '@mui/material';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { contract } from '../../../../shared/contract';
import { api } from '../../api';
import { useFormErrors } from '../../components/useFormErrors';
import { applyStatus } from '../backups/status-cache';

/** DB_LOCKED: the recovery key from the sheet opens the database and becomes the key this PC keeps. */
export function UnlockForm() {
  const queryClient = useQueryClient();
  const errors = useFormErrors();
  const [recoveryKey, setRecoveryKey] = useState('');
  const unlock = useMutation({
    mutationFn: (input: { recoveryKey: string }) => api.protection.unlock(input),
    onSuccess: (s) => applyStatus(queryClient, s, true),
    onError: errors.fromError,
  });

  return (
    <Paper sx={{ p: 2, mb: 2 }} component="section" aria-labelledby="unlock-title">
      <Typography variant="h2" id="unlock-title" sx={{ mb: 1 }}>
        Mở dữ liệu bằng khóa khôi phục
      </Typography>
      <Typography sx={{ mb: 2 }}>
        Lấy «Giấy lưu khóa khôi phục dữ liệu» đã in khi cài đặt (hoặc khi tạo khóa mới) và gõ khóa ghi trên đó: 8 nhóm, mỗi nhóm 4 chữ hoặc
        số; không cần gõ dấu gạch, chữ thường hay chữ hoa đều được.
      </Typography>
      <Box
        component="form"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          const input = errors.validate(contract['protection.unlock'].input, { recoveryKey });
          if (input) unlock.mutate(input);
        }}
        sx={{ display: 'flex', gap: 1, alignItems: 'flex-start' }}
      >
        <TextField
          label="Khóa khôi phục"
          name="recoveryKey"
          size="small"
          value={recoveryKey}
          onChange={(e) => setRecoveryKey(e.target.value)}
          {...errors.at('recoveryKey', 'Ví dụ: ABCD-1234-EFGH-5678-…')}
          autoComplete="off"
          autoFocus
          slotProps={{ htmlInput: { spellCheck: false, style: { fontFamily: 'monospace' } } }}
          sx={{ flexGrow: 1, minWidth: 0, maxWidth: 560 }}
        />
        <Button
          type="submit"
          variant="contained"
          startIcon={<LockOpenIcon />}
          disabled={unlock.isPending}
          sx={{ whiteSpace: 'nowrap', height: 40, flexShrink: 0 }}
        >
          Mở dữ liệu
        </Button>
      </Box>
      {errors.formError && (
        <Alert severity="error" sx={{ mt: 1.5 }}>
          {errors.formError}
        </Alert>
      )}
    </Paper>
  );
}
