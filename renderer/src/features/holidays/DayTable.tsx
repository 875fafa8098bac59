import { Table, TableBody, TableCell, TableHead, TableRow } from '@mui/material';
import type { ReactNode } from 'react';
import { weekdayName } from '../../../../shared/domain/days';
import { formatDate } from '../../../../shared/domain/format';
import { EmptyRow } from '../../components/EmptyRow';

/** Ngày | Thứ | a name column: the shape of every list of days on the page. */
export function DayTable<T extends { date: string }>(props: {
  label: string;
  rows: readonly T[];
  nameHeader: string;
  name: (row: T) => ReactNode;
  empty: string;
}) {
  return (
    <Table size="small" aria-label={props.label}>
      <TableHead>
        <TableRow>
          <TableCell sx={{ width: 110 }}>Ngày</TableCell>
          <TableCell sx={{ width: 100 }}>Thứ</TableCell>
          <TableCell>{props.nameHeader}</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {props.rows.map((r) => (
          <TableRow key={r.date} hover>
            <TableCell sx={{ whiteSpace: 'nowrap' }}>{formatDate(r.date)}</TableCell>
            <TableCell sx={{ whiteSpace: 'nowrap' }}>{weekdayName(r.date)}</TableCell>
            <TableCell>{props.name(r)}</TableCell>
          </TableRow>
        ))}
        {props.rows.length === 0 && (
          <EmptyRow colSpan={3} variant="body2">
            {props.empty}
          </EmptyRow>
        )}
      </TableBody>
    </Table>
  );
}
