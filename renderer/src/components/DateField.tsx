import { DatePicker } from '@mui/x-date-pickers/DatePicker';
import { format, isValid, parseISO } from 'date-fns';

/** ISO text in and out ("2026-09-05"), dd/MM/yyyy on screen; an unfinished or impossible date gives "". */
export function DateField(props: {
  label: string;
  value: string;
  onChange: (iso: string) => void;
  error?: boolean;
  helperText?: string;
  name?: string;
}) {
  const date = props.value ? parseISO(props.value) : null;
  return (
    <DatePicker
      label={props.label}
      value={date && isValid(date) ? date : null}
      format="dd/MM/yyyy"
      onChange={(d) => props.onChange(d && isValid(d) && d.getFullYear() >= 1900 ? format(d, 'yyyy-MM-dd') : '')}
      slotProps={{
        textField: {
          size: 'small',
          fullWidth: true,
          name: props.name,
          error: props.error,
          helperText: props.helperText,
        },
      }}
    />
  );
}
