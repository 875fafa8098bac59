import KeyIcon from '@mui/icons-material/Key';
import { Alert, Box, Button, Paper, Typography } from '@mui/material';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { AppStatus } from '../../../../shared/contract/app';
import { api } from '../../api';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { KEY_STORAGE_LABELS } from './protection-labels';
import { recoverySheetSession } from './recovery-sheet-session';
import { RECOVERY_SHEET_KEY } from './RecoverySheetDialog';
import { applyStatus } from '../backups/status-cache';

/** «Khóa khôi phục»: whether the data is encrypted, where the key is kept, and a new key when the sheet is lost. */
export function RecoveryKeySection({ status }: { status: AppStatus }) {
  const queryClient = useQueryClient();
  const [asking, setAsking] = useState(false);
  const p = status.protection;
  const renew = useMutation({
    mutationFn: () => api.protection.newRecoveryKey(),
    onSuccess: async (s) => {
      setAsking(false);
      queryClient.removeQueries({ queryKey: RECOVERY_SHEET_KEY });
      recoverySheetSession.showAgain();
      await applyStatus(queryClient, s, true);
    },
  });

  return (
    <Paper sx={{ p: 2, mb: 2 }} component="section" aria-labelledby="recovery-key-title">
      <Typography variant="h2" id="recovery-key-title" sx={{ mb: 1 }}>
        Khóa khôi phục
      </Typography>
      <Box
        component="dl"
        sx={{
          display: 'grid',
          gridTemplateColumns: 'max-content minmax(0, 1fr)',
          columnGap: 2,
          rowGap: 0.5,
          m: 0,
          mb: 1.5,
          '& dd': { m: 0 },
        }}
      >
        <dt>Mã hóa dữ liệu</dt>
        <dd>
          {p.encrypted ? (
            <b>Dữ liệu và các bản sao lưu được mã hóa</b>
          ) : (
            <b>Chưa mã hóa: dữ liệu được mã hóa khi xác nhận đã cất giữ giấy lưu khóa</b>
          )}
        </dd>
        <dt>Nơi giữ khóa</dt>
        <dd>{KEY_STORAGE_LABELS[p.keyStorage]}</dd>
        <dt>Giấy lưu khóa</dt>
        <dd>{p.recoveryKeyPending ? 'Chưa xác nhận đã in và cất giữ' : 'Đã xác nhận đã in và cất giữ'}</dd>
      </Box>
      {p.recoveryKeyPending && (
        <Alert
          severity="warning"
          sx={{ mb: 1.5 }}
          action={
            <Button color="inherit" size="small" sx={{ whiteSpace: 'nowrap' }} onClick={() => recoverySheetSession.showAgain()}>
              Xem giấy lưu khóa
            </Button>
          }
        >
          Giấy lưu khóa khôi phục chưa được xác nhận: hãy in, cất giữ và xác nhận.
        </Alert>
      )}
      <Typography variant="body2" color="text.secondary" sx={{ mb: 1.5 }}>
        Khi giấy lưu khóa bị mất hoặc có người lạ đã xem, hãy tạo khóa mới và in giấy mới.
      </Typography>
      {/* While a sheet waits for confirmation its key may be the only copy of what opens the data: confirm it first. */}
      <Button
        variant="outlined"
        startIcon={<KeyIcon />}
        onClick={() => setAsking(true)}
        disabled={status.problem !== null || p.recoveryKeyPending}
      >
        Tạo khóa khôi phục mới
      </Button>
      {renew.isError && (
        <Alert severity="error" sx={{ mt: 1.5 }}>
          {renew.error.message}
        </Alert>
      )}
      <ConfirmDialog
        open={asking}
        title="Tạo khóa khôi phục mới?"
        confirmLabel="Tạo khóa mới"
        busy={renew.isPending}
        onClose={() => setAsking(false)}
        onConfirm={() => renew.mutate()}
      >
        <p style={{ marginTop: 0 }}>
          Sau khi tạo khóa mới, <b>giấy lưu khóa cũ không còn mở được dữ liệu hiện tại</b>; phần mềm sẽ hiện giấy mới để in và xác nhận.
        </p>
        <p>
          Các bản sao lưu tạo trước lúc này (trên máy và trên USB) <b>vẫn cần giấy cũ</b> để mở.
        </p>
        <p style={{ marginBottom: 0 }}>Hãy cất giữ cả hai tờ giấy.</p>
      </ConfirmDialog>
    </Paper>
  );
}
