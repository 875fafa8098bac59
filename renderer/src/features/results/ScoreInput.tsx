import { TextField } from '@mui/material';
import { useState, type KeyboardEvent } from 'react';
import { formatScore, parseScore } from '../../../../shared/domain/format';

/** Rejecting a commit with this puts the saved score back without an error (the clerk cancelled). */
export const CANCELLED = Symbol('cancelled');

const BAD_SCORE = 'Điểm từ 0 đến 10, một chữ số thập phân';

/**
 * A score typed as text ("7,5" or "7.5") and saved when the field is left or Enter is pressed.
 * While typing the text is the clerk's; afterwards the field shows the saved score again.
 * `column` groups the fields of one score column so Enter moves to the next learner's.
 */
export function ScoreInput(props: {
  value: number | null;
  label: string;
  column: string;
  onCommit: (tenths: number | null) => Promise<void>;
}) {
  const [draft, setDraft] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const shown = draft ?? (props.value === null ? '' : formatScore(props.value));

  const commit = async () => {
    if (draft === null) return;
    const sent = draft;
    const tenths = sent.trim() === '' ? null : parseScore(sent);
    if (sent.trim() !== '' && tenths === null) {
      setError(BAD_SCORE);
      return;
    }
    if (tenths === props.value) {
      setDraft(null);
      setError(null);
      return;
    }
    try {
      await props.onCommit(tenths);
      // Text typed again while this score was being saved stays.
      setDraft((d) => (d === sent ? null : d));
      setError(null);
    } catch (err) {
      if (err === CANCELLED) {
        setDraft(null);
        setError(null);
      } else {
        setError(err instanceof Error ? err.message : 'Chưa lưu được điểm');
      }
    }
  };

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.key === 'Escape' && draft !== null) {
      setDraft(null);
      setError(null);
      return;
    }
    if (e.key !== 'Enter') return;
    e.preventDefault();
    const column = [...document.querySelectorAll<HTMLInputElement>(`input[data-column="${props.column}"]`)];
    const here = column.indexOf(e.target as HTMLInputElement);
    const next = here < 0 ? undefined : column[here + (e.shiftKey ? -1 : 1)];
    // Leaving the field saves it (onBlur); the last field of the column saves where it is.
    if (next) next.focus();
    else void commit();
  };

  return (
    <TextField
      value={shown}
      onChange={(e) => setDraft(e.target.value)}
      onBlur={() => void commit()}
      onKeyDown={onKeyDown}
      error={error !== null}
      helperText={error ?? undefined}
      fullWidth={false}
      // The message is wider than the field: the field stays in line with the others above and below.
      sx={{ alignItems: 'flex-end' }}
      slotProps={{
        input: { sx: { width: 84 } },
        formHelperText: { sx: { mx: 0, width: 170, textAlign: 'right' } },
        htmlInput: {
          'aria-label': props.label,
          'data-column': props.column,
          inputMode: 'decimal',
          maxLength: 5,
          style: { textAlign: 'right' },
        },
      }}
    />
  );
}
