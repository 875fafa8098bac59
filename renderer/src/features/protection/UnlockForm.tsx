import LockOpenIcon from '@mui/icons-material/LockOpen';
import { Button, Typography } from '@mui/material';
import { useState } from 'react';
import { contract } from '../../../../shared/contract';
import { ErrorAlert } from '../../components/form/ErrorAlert';
import { INLINE_BUTTON_SX, InlineForm } from '../../components/InlineForm';
import { Section } from '../../components/Section';
import { useFormErrors } from '../../components/useFormErrors';
import { useUnlock } from './queries';
import { RecoveryKeyField } from './RecoveryKeyField';

/** DB_LOCKED: the recovery key from the sheet opens the database and becomes the key this PC keeps. */
export function UnlockForm() {
  const errors = useFormErrors();
  const [recoveryKey, setRecoveryKey] = useState('');
  const unlock = useUnlock({ onError: errors.fromError });
  const submit = () => {
    const input = errors.validate(contract['protection.unlock'].input, { recoveryKey });
    if (input) unlock.mutate(input);
  };

  return (
    <Section id="unlock" title="Mở dữ liệu bằng khóa khôi phục">
      <Typography sx={{ mb: 2 }}>
        Lấy «Giấy lưu khóa khôi phục dữ liệu» đã in khi cài đặt (hoặc khi tạo khóa mới) và gõ khóa ghi trên đó: 8 nhóm, mỗi nhóm 4 chữ hoặc
        số; không cần gõ dấu gạch, chữ thường hay chữ hoa đều được.
      </Typography>
      <InlineForm onSubmit={submit}>
        <RecoveryKeyField
          label="Khóa khôi phục"
          value={recoveryKey}
          onChange={(e) => setRecoveryKey(e.target.value)}
          {...errors.at('recoveryKey', 'Ví dụ: ABCD-1234-EFGH-5678-…')}
          autoFocus
          sx={{ flexGrow: 1, minWidth: 0, maxWidth: 560 }}
        />
        <Button type="submit" variant="contained" startIcon={<LockOpenIcon />} disabled={unlock.isPending} sx={INLINE_BUTTON_SX}>
          Mở dữ liệu
        </Button>
      </InlineForm>
      <ErrorAlert error={errors.formError} sx={{ mt: 1.5 }} />
    </Section>
  );
}
