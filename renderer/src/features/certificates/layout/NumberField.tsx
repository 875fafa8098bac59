import { TextField } from '@mui/material';
import { useState } from 'react';
import { formatNumber } from '../../../../../shared/domain/format';

/** "12,5" or "12.5"; anything else is NaN, which the layout schema reports at the field. */
const parse = (s: string) =>
  s.trim() === '' ? Number.NaN : /^-?\d+([.,]\d+)?$/.test(s.trim()) ? Number(s.trim().replace(',', '.')) : Number.NaN;
const show = (v: number) => (Number.isFinite(v) ? formatNumber(v, Number.isInteger(v) ? 0 : 1) : '');

/** A number typed the Vietnamese way, kept as typed until it changes from outside (a drag). */
export function NumberField(props: {
  label: string;
  value: number;
  onChange: (v: number) => void;
  error?: string;
  helperText?: string;
  width?: number;
}) {
  const [text, setText] = useState(() => show(props.value));
  const [seen, setSeen] = useState(props.value);
  if (!Object.is(props.value, seen)) {
    setSeen(props.value);
    if (!Object.is(parse(text), props.value)) setText(show(props.value));
  }
  return (
    <TextField
      label={props.label}
      value={text}
      size="small"
      onChange={(e) => {
        setText(e.target.value);
        const v = parse(e.target.value);
        setSeen(v);
        props.onChange(v);
      }}
      error={Boolean(props.error)}
      helperText={props.error ?? props.helperText}
      sx={{ width: props.width ?? 120 }}
      slotProps={{ htmlInput: { inputMode: 'decimal' } }}
    />
  );
}
