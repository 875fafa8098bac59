import { Paper, Typography, type SxProps, type Theme } from '@mui/material';
import type { ReactNode } from 'react';

/** A titled block of a page, named by its heading for screen readers (`${id}-title`). */
export function Section(props: { id: string; title: ReactNode; children: ReactNode; sx?: SxProps<Theme> }) {
  const titleId = `${props.id}-title`;
  return (
    <Paper sx={props.sx ?? { p: 2, mb: 2 }} component="section" aria-labelledby={titleId}>
      <Typography variant="h2" id={titleId} sx={{ mb: 1 }}>
        {props.title}
      </Typography>
      {props.children}
    </Paper>
  );
}
