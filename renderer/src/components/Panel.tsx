import { Paper, Typography, type SxProps, type Theme } from '@mui/material';
import type { ReactNode } from 'react';

/** A group of a long form (or a side note beside it), under its own heading. */
export function Panel(props: { title: ReactNode; children: ReactNode; sx?: SxProps<Theme>; titleGap?: number }) {
  return (
    <Paper sx={props.sx ?? { p: 2 }}>
      <Typography variant="h2" sx={{ mb: props.titleGap ?? 2 }}>
        {props.title}
      </Typography>
      {props.children}
    </Paper>
  );
}

/** The panel under another one. */
export const NEXT_PANEL = { p: 2, mt: 2 } as const;
