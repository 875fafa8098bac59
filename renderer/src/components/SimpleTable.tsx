import { Table, TableBody, TableCell, TableHead, TableRow, type SxProps, type TableRowProps, type Theme } from '@mui/material';
import type { Key, ReactNode } from 'react';

export interface Column<T> {
  /** The heading; none for a column of buttons. */
  label?: ReactNode;
  render: (row: T) => ReactNode;
  align?: 'right';
  /** The heading cell's style (a heading kept on one line, say). */
  headSx?: SxProps<Theme>;
  /** Each row's cell style. */
  sx?: SxProps<Theme>;
  /** The style of this row's cell, when it depends on the row. */
  rowSx?: (row: T) => SxProps<Theme>;
}

/** A small table drawn whole: its headings, a row per item, and what to say when there are none. */
export function SimpleTable<T>(props: {
  'aria-label': string;
  columns: readonly Column<T>[];
  rows: readonly T[];
  rowKey: (row: T) => Key;
  rowProps?: (row: T) => TableRowProps;
  /** Shown across the table when `rows` is empty. */
  empty?: ReactNode;
  sx?: SxProps<Theme>;
}) {
  const { columns } = props;
  return (
    <Table size="small" aria-label={props['aria-label']} sx={props.sx}>
      <TableHead>
        <TableRow>
          {columns.map((c, i) => (
            <TableCell key={i} align={c.align} sx={c.headSx}>
              {c.label}
            </TableCell>
          ))}
        </TableRow>
      </TableHead>
      <TableBody>
        {props.rows.map((row) => (
          <TableRow key={props.rowKey(row)} {...props.rowProps?.(row)}>
            {columns.map((c, i) => (
              <TableCell key={i} align={c.align} sx={c.rowSx?.(row) ?? c.sx}>
                {c.render(row)}
              </TableCell>
            ))}
          </TableRow>
        ))}
        {props.rows.length === 0 && props.empty && (
          <TableRow>
            <TableCell colSpan={columns.length}>{props.empty}</TableCell>
          </TableRow>
        )}
      </TableBody>
    </Table>
  );
}
