import { TextField, type TextFieldProps } from '@mui/material';

/** The one line of text a change is asked to record (why, what was done): focused first, 500 characters as the core keeps. */
export function ReasonField({
  onChange,
  name = 'reason',
  ...props
}: Omit<TextFieldProps, 'onChange' | 'value'> & { value: string; onChange: (value: string) => void }) {
  return (
    <TextField autoFocus name={name} onChange={(e) => onChange(e.target.value)} slotProps={{ htmlInput: { maxLength: 500 } }} {...props} />
  );
}
