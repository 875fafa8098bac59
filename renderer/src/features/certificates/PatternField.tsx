import { Box, Button, TextField, Typography } from '@mui/material';
import { useRef } from 'react';
import { PATTERN_PARTS, formatCertNumber, patternError } from '../../../../shared/domain/cert-numbering';

/**
 * A number pattern written in the clerk's words («[số]/[năm]/GCN»), with buttons that put a part where
 * the cursor is and, under it, what the first numbers will look like.
 */
export function PatternField(props: {
  label: string;
  name: string;
  value: string;
  onChange: (value: string) => void;
  /** The core's message for this field after saving, if any. */
  error?: string;
  year: number;
}) {
  const input = useRef<HTMLInputElement>(null);
  const insert = (token: string) => {
    const el = input.current;
    const start = el?.selectionStart ?? props.value.length;
    const end = el?.selectionEnd ?? start;
    const next = props.value.slice(0, start) + token + props.value.slice(end);
    props.onChange(next);
    // After React writes the new value: the cursor goes after the part, ready to type on.
    requestAnimationFrame(() => {
      el?.focus();
      el?.setSelectionRange(start + token.length, start + token.length);
    });
  };
  const problem = props.value.trim() === '' ? null : patternError(props.value.trim());
  const example =
    problem === null && props.value.trim() !== ''
      ? `Ví dụ: ${formatCertNumber(props.value.trim(), { seq: 1, year: props.year })}, ${formatCertNumber(props.value.trim(), { seq: 12, year: props.year })}…`
      : undefined;
  const message = props.error ?? problem ?? example;
  return (
    <Box>
      <TextField
        label={props.label}
        name={props.name}
        value={props.value}
        onChange={(e) => props.onChange(e.target.value)}
        inputRef={input}
        fullWidth
        error={props.error !== undefined || problem !== null}
        helperText={message ?? ' '}
        slotProps={{ htmlInput: { spellCheck: false } }}
      />
      <Box
        sx={{ display: 'flex', flexWrap: 'wrap', gap: 0.5, mt: 0.5, alignItems: 'center' }}
        role="group"
        aria-label={`Thêm phần vào ${props.label.toLocaleLowerCase('vi')}`}
      >
        <Typography variant="caption" color="text.secondary" sx={{ mr: 0.5 }}>
          Thêm:
        </Typography>
        {PATTERN_PARTS.map((p) => (
          <Button
            key={p.token}
            size="small"
            variant="outlined"
            sx={{ py: 0, minWidth: 0 }}
            onClick={() => insert(p.token)}
            title={`${p.token} — in ra như ${p.example}`}
          >
            {p.label}
          </Button>
        ))}
      </Box>
    </Box>
  );
}
