import { Paper, Typography, type SxProps, type Theme } from '@mui/material';
import type { ReactNode } from 'react';

/**
 * A group of a long form (or a side note beside it), under its own heading. With an `id` it is a
 * `<section>` named by its heading (`${id}-title`), a region screen readers list.
 */
export function Panel(props: { id?: string; title: ReactNode; children: ReactNode; sx?: SxProps<Theme>; titleGap?: number }) {
  const titleId = props.id === undefined ? undefined : `${props.id}-title`;
  return (
    <Paper sx={props.sx ?? { p: 2 }} {...(titleId && { component: 'section', 'aria-labelledby': titleId })}>
      <Typography variant="h2" id={titleId} sx={{ mb: props.titleGap ?? 2 }}>
        {props.title}
      </Typography>
      {props.children}
    </Paper>
  );
}

/** The panel under another one. */
export const NEXT_PANEL = { p: 2, mt: 2 } as const;
