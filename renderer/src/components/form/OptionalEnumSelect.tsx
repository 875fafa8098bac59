import { MenuItem, TextField, type TextFieldProps } from '@mui/material';

/** A select over a fixed list of codes that may be left unset: its first option (`noneLabel`) stands for null. */
export function OptionalEnumSelect<T extends string>(
  props: Omit<TextFieldProps, 'select' | 'value' | 'onChange' | 'children'> & {
    options: readonly T[];
    labels: Readonly<Record<T, string>>;
    noneLabel: string;
    value: T | null;
    onChange: (value: T | null) => void;
  },
) {
  const { options, labels, noneLabel, value, onChange, ...field } = props;
  return (
    <TextField {...field} select value={value ?? ''} onChange={(e) => onChange((e.target.value || null) as T | null)}>
      <MenuItem value="">{noneLabel}</MenuItem>
      {options.map((o) => (
        <MenuItem key={o} value={o}>
          {labels[o]}
        </MenuItem>
      ))}
    </TextField>
  );
}
