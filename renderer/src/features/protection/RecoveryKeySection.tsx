import KeyIcon from '@mui/icons-material/Key';
import { Alert, Button, Typography } from '@mui/material';
import { useState } from 'react';
import type { AppStatus } from '../../../../shared/contract/app';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { DefinitionList } from '../../components/DefinitionList';
import { ErrorAlert } from '../../components/form/ErrorAlert';
import { Section } from '../../components/Section';
import { KEY_STORAGE_LABELS } from './protection-labels';
import { useNewRecoveryKey } from './queries';
import { recoverySheetSession } from './recovery-sheet-session';

/** «Khóa khôi phục»: whether the data is encrypted, where the key is kept, and a new key when the sheet is lost. */
export function RecoveryKeySection({ status }: { status: AppStatus }) {
  const [asking, setAsking] = useState(false);
  const p = status.protection;
  const renew = useNewRecoveryKey({
    onSuccess: () => {
      setAsking(false);
      recoverySheetSession.showAgain();
    },
  });

  return (
    <Section id="recovery-key" title="Khóa khôi phục">
      <DefinitionList sx={{ mb: 1.5 }}>
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
      </DefinitionList>
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
      <ErrorAlert error={renew.error} sx={{ mt: 1.5 }} />
      <ConfirmDialog
        open={asking}
        title="Tạo khóa khôi phục mới?"
        confirmLabel="Tạo khóa mới"
        busy={renew.isPending}
        onClose={() => setAsking(false)}
        onConfirm={() => renew.mutate({})}
      >
        <p style={{ marginTop: 0 }}>
          Sau khi tạo khóa mới, <b>giấy lưu khóa cũ không còn mở được dữ liệu hiện tại</b>; phần mềm sẽ hiện giấy mới để in và xác nhận.
        </p>
        <p>
          Các bản sao lưu tạo trước lúc này (trên máy và trên USB) <b>vẫn cần giấy cũ</b> để mở.
        </p>
        <p style={{ marginBottom: 0 }}>Hãy cất giữ cả hai tờ giấy.</p>
      </ConfirmDialog>
    </Section>
  );
}
