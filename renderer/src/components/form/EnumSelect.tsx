import { MenuItem, TextField, type TextFieldProps } from '@mui/material';

/** A select over a fixed list of codes, each shown with its Vietnamese label. */
export function EnumSelect<T extends string>(
  props: Omit<TextFieldProps, 'select' | 'value' | 'onChange' | 'children'> & {
    options: readonly T[];
    labels: Readonly<Record<T, string>>;
    value: T | '';
    onChange: (value: T) => void;
  },
) {
  const { options, labels, value, onChange, ...field } = props;
  return (
    <TextField {...field} select value={value} onChange={(e) => onChange(e.target.value as T)}>
      {options.map((o) => (
        <MenuItem key={o} value={o}>
          {labels[o]}
        </MenuItem>
      ))}
    </TextField>
  );
}
