import { Button, Dialog, DialogActions, DialogContent, DialogContentText, DialogTitle } from '@mui/material';
import { useState } from 'react';
import type { Backup } from '../../../../shared/contract/backups';
import { formatDateTime } from '../../../../shared/domain/format';
import { ErrorAlert } from '../../components/form/ErrorAlert';
import { useFormErrors } from '../../components/useFormErrors';
import { asksRecoveryKey, BackupKeyField } from '../protection/RecoveryKeyField';
import { useRestore } from './queries';

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
          if (asksRecoveryKey(err)) setAskKey(true);
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
          <BackupKeyField
            value={recoveryKey}
            onChange={setRecoveryKey}
            {...errors.at('recoveryKey', 'Gõ 8 nhóm trên giấy lưu khóa của lúc tạo bản này.')}
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
