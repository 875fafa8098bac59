import type { SxProps, Theme } from '@mui/material';
import type { ReactNode } from 'react';
import { FormBox } from './form/FormBox';
import { sxList } from './sx';

/** Buttons beside a small field: as tall as it, and never wrapped. */
export const INLINE_BUTTON_SX = { whiteSpace: 'nowrap', height: 40, flexShrink: 0 } as const;

/** A field typed by hand (a path, a key): no spelling marks, no browser suggestions. */
export const PLAIN_FIELD = { size: 'small', autoComplete: 'off', slotProps: { htmlInput: { spellCheck: false } } } as const;

/** One line of a form: a field and its buttons, sent with Enter or its submit button. */
export function InlineForm(props: { onSubmit: () => void; children: ReactNode; sx?: SxProps<Theme> }) {
  return (
    <FormBox noValidate onSubmit={props.onSubmit} sx={[{ display: 'flex', gap: 1, alignItems: 'flex-start' }, ...sxList(props.sx)]}>
      {props.children}
    </FormBox>
  );
}
