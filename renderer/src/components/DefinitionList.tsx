import { Box, type SxProps, type Theme } from '@mui/material';
import type { ReactNode } from 'react';
import { sxList } from './sx';

/** Terms and their values side by side (`<dt>`/`<dd>` children); a long value (a path) wraps anywhere. */
export function DefinitionList(props: { children: ReactNode; 'aria-label'?: string; sx?: SxProps<Theme> }) {
  return (
    <Box
      component="dl"
      aria-label={props['aria-label']}
      sx={[
        {
          display: 'grid',
          gridTemplateColumns: 'max-content minmax(0, 1fr)',
          columnGap: 2,
          rowGap: 0.5,
          m: 0,
          '& dd': { m: 0, overflowWrap: 'anywhere' },
        },
        ...sxList(props.sx),
      ]}
    >
      {props.children}
    </Box>
  );
}
