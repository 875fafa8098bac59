import { TableCell } from '@mui/material';
import type { ReactNode } from 'react';

/** The right-aligned heads of a table's figure columns, each with its width. */
export function NumberHeads({ heads }: { heads: readonly (readonly [ReactNode, number])[] }) {
  return heads.map(([head, width], i) => (
    <TableCell key={i} align="right" sx={{ width }}>
      {head}
    </TableCell>
  ));
}
