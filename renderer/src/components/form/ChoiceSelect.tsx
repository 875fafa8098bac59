import { MenuItem, TextField, type TextFieldProps } from '@mui/material';
import type { ReactNode } from 'react';

export interface Choice {
  value: string | number;
  label: ReactNode;
}

/**
 * A select over rows the core answered with (programs, groups, classes…), each by its id; `empty`
 * names the choice of none, kept as "".
 */
export function ChoiceSelect(props: Omit<TextFieldProps, 'select' | 'children'> & { choices: readonly Choice[]; empty?: string }) {
  const { choices, empty, ...field } = props;
  return (
    <TextField {...field} select>
      {empty !== undefined && <MenuItem value="">{empty}</MenuItem>}
      {choices.map((c) => (
        <MenuItem key={c.value} value={c.value}>
          {c.label}
        </MenuItem>
      ))}
    </TextField>
  );
}
