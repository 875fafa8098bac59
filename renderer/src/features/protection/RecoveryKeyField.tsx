import { TextField, type TextFieldProps } from '@mui/material';
import { ApiError } from '../../api';

/** Where a recovery key is typed: 8 groups, read from the printed sheet, shown in a fixed-width font. */
export function RecoveryKeyField(props: Omit<TextFieldProps, 'name' | 'size' | 'autoComplete' | 'slotProps'>) {
  return (
    <TextField
      name="recoveryKey"
      size="small"
      autoComplete="off"
      slotProps={{ htmlInput: { spellCheck: false, style: { fontFamily: 'monospace' } } }}
      {...props}
    />
  );
}

const KEY_CODES = ['RECOVERY_KEY_NEEDED', 'RECOVERY_KEY_WRONG', 'RECOVERY_KEY_INVALID'];

/** Whether the core refused for want of the right recovery key, so the key field should be shown. */
export function asksRecoveryKey(err: unknown): boolean {
  return err instanceof ApiError && KEY_CODES.includes(err.code);
}

/** The key of one backup, asked for when the key this PC holds does not open it. */
export function BackupKeyField(props: { value: string; onChange: (value: string) => void } & Omit<TextFieldProps, 'value' | 'onChange'>) {
  const { value, onChange, ...field } = props;
  return (
    <RecoveryKeyField
      label="Khóa khôi phục của bản sao lưu này"
      fullWidth
      value={value}
      onChange={(e) => onChange(e.target.value)}
      {...field}
    />
  );
}
