import { TextField, type TextFieldProps } from '@mui/material';

/** A text field for a whole number: the number keypad, and the text kept as typed until saved. */
export function NumberField(props: TextFieldProps) {
  return <TextField {...props} slotProps={{ ...props.slotProps, htmlInput: { inputMode: 'numeric', ...props.slotProps?.htmlInput } }} />;
}
