import { TableCell, TableRow, Typography, type TypographyProps } from '@mui/material';
import type { ReactNode } from 'react';

/** The one row of a table that has none: what is missing and, often, how to add it. */
export function EmptyRow(props: { colSpan: number; children: ReactNode; variant?: TypographyProps['variant'] }) {
  return (
    <TableRow>
      <TableCell colSpan={props.colSpan}>
        <Typography variant={props.variant} color="text.secondary">
          {props.children}
        </Typography>
      </TableCell>
    </TableRow>
  );
}
