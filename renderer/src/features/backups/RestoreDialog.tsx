import { Button, Dialog, DialogActions, DialogContent, DialogContentText, DialogTitle, TextField } from '@mui/material';
import { useState } from 'react';
import type { Backup } from '../../../../shared/contract/backups';
import { formatDateTime } from '../../../../shared/domain/format';
import { ApiError } from '../../api';
import { useFormErrors } from '../../components/useFormErrors';
import { useRestore } from './useRestore';
import { ErrorAlert } from '../../components/form/ErrorAlert';

const KEY_CODES = ['RECOVERY_KEY_NEEDED', 'RECOVERY_KEY_WRONG', 'RECOVERY_KEY_INVALID'];

/**
 * Confirms a restore from a backup on this PC. One made under a recovery key this PC no longer holds
 * (before «Tạo khóa khôi phục mới» on another PC, say) asks for that key in the same dialog.
 */
export function RestoreDialog(props: { backup: Backup | null; onClose: () => void; onRestored: () => void }) {
  return props.backup ? <OpenRestoreDialog key={props.backup.file} {...props} backup={props.backup} /> : null;
}

function OpenRestoreDialog({ backup, onClose, onRestored }: { backup: Backup; onClose: () => void; onRestored: () => void }) {
  const restore = useRestore();
  const errors = useFormErrors();
  const [askKey, setAskKey] = useState(false);
  const [recoveryKey, setRecoveryKey] = useState('');

  const run = () =>
    restore.mutate(
      { file: backup.file, ...(askKey && recoveryKey.trim() ? { recoveryKey } : {}) },
      {
        onSuccess: () => {
          onClose();
          onRestored();
        },
        onError: (err) => {
          if (err instanceof ApiError && KEY_CODES.includes(err.code)) setAskKey(true);
          errors.fromError(err);
        },
      },
    );

  return (
    <Dialog open onClose={onClose} maxWidth="sm" fullWidth aria-labelledby="restore-dialog-title">
      <DialogTitle id="restore-dialog-title">Khôi phục dữ liệu từ bản sao lưu?</DialogTitle>
      <DialogContent>
        <DialogContentText component="div">
          Dữ liệu sẽ trở về thời điểm <b>{formatDateTime(backup.createdAt)}</b>. Những thay đổi sau thời điểm đó không còn trên màn hình,
          nhưng không bị mất: dữ liệu hiện tại được sao lưu trước (hoặc, nếu bị hỏng, được giữ nguyên bên cạnh với tên mới).
        </DialogContentText>
        <ErrorAlert error={errors.formError} sx={{ mt: 2 }} />
        {askKey && (
          <TextField
            label="Khóa khôi phục của bản sao lưu này"
            name="recoveryKey"
            fullWidth
            size="small"
            value={recoveryKey}
            onChange={(e) => setRecoveryKey(e.target.value)}
            {...errors.at('recoveryKey', 'Gõ 8 nhóm trên giấy lưu khóa của lúc tạo bản này.')}
            autoComplete="off"
            slotProps={{ htmlInput: { spellCheck: false, style: { fontFamily: 'monospace' } } }}
            sx={{ mt: 2 }}
          />
        )}
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>Hủy</Button>
        <Button variant="contained" onClick={run} disabled={restore.isPending}>
          Khôi phục
        </Button>
      </DialogActions>
    </Dialog>
  );
}
