import type { SxProps, Theme } from '@mui/material';
import type { ReactNode } from 'react';
import { Panel } from './Panel';

/** A titled block of a page (the data and backup screens), a region named by its heading: a Panel with its spacing. */
export function Section(props: { id: string; title: ReactNode; children: ReactNode; sx?: SxProps<Theme> }) {
  return <Panel {...props} sx={props.sx ?? { p: 2, mb: 2 }} titleGap={1} />;
}
