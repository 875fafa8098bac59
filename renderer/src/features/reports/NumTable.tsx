import { Box, Paper, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import type { ReactNode } from 'react';

export interface Column<T> {
  header: string;
  /** Columns side by side with the same group share one heading above theirs. */
  group?: string;
  cell: (row: T) => ReactNode;
  align?: 'left' | 'right';
}

/** A count with its share beneath when the column is narrow: "1.234 (45,6%)" read as one. */
export function CountShare({ count, share }: { count: string; share: string | null }) {
  return (
    <>
      <Box component="span" sx={{ whiteSpace: 'nowrap' }}>
        {count}
      </Box>
      {share !== null && (
        <>
          {' '}
          <Box component="span" sx={{ whiteSpace: 'nowrap', color: 'text.secondary', fontSize: '0.85em' }}>
            ({share})
          </Box>
        </>
      )}
    </>
  );
}

function HeaderRows<T>({ columns }: { columns: Column<T>[] }) {
  const grouped = columns.some((c) => c.group);
  if (!grouped) {
    return (
      <TableRow>
        {columns.map((c, j) => (
          <TableCell key={j} align={c.align ?? 'right'}>
            {c.header}
          </TableCell>
        ))}
      </TableRow>
    );
  }
  const top: ReactNode[] = [];
  for (let i = 0; i < columns.length;) {
    const c = columns[i]!;
    if (!c.group) {
      top.push(
        <TableCell key={`h-${i}`} rowSpan={2} align={c.align ?? 'right'}>
          {c.header}
        </TableCell>,
      );
      i++;
      continue;
    }
    let span = 1;
    while (columns[i + span]?.group === c.group) span++;
    top.push(
      <TableCell key={`g-${c.group}-${i}`} colSpan={span} align="center" sx={{ borderBottom: 1, borderColor: 'divider' }}>
        {c.group}
      </TableCell>,
    );
    i += span;
  }
  return (
    <>
      <TableRow>{top}</TableRow>
      <TableRow>
        {columns
          .filter((c) => c.group)
          .map((c, j) => (
            <TableCell key={j} align={c.align ?? 'right'}>
              {c.header}
            </TableCell>
          ))}
      </TableRow>
    </>
  );
}

/** Headings in bold at the foot of their cells, narrow padding, and a first column wide enough for a name. */
const TABLE_SX = {
  '& th': { fontWeight: 600, lineHeight: 1.2, verticalAlign: 'bottom' },
  '& td, & th': { px: 1 },
  '& tbody td:first-of-type': { minWidth: 150 },
} as const;

/** Rows by kind: a program's, then its previous period's in grey italics with no line between them; the total in bold. */
const ROW_SX = {
  main: { '& td': { borderBottom: 0 } },
  sub: { '& td': { color: 'text.secondary', fontStyle: 'italic', pt: 0 } },
  total: { '& td': { fontWeight: 700 } },
} as const;

export function NumTable<T>({
  label,
  columns,
  rows,
  total,
  kind,
}: {
  label: string;
  columns: Column<T>[];
  rows: T[];
  total?: T;
  kind?: (row: T) => 'sub' | 'total' | undefined;
}) {
  return (
    <Box sx={{ overflowX: 'auto' }}>
      <Table size="small" aria-label={label} sx={TABLE_SX}>
        <TableHead>
          <HeaderRows columns={columns} />
        </TableHead>
        <TableBody>
          {rows.map((r, i) => (
            <TableRow key={i} sx={kind ? ROW_SX[kind(r) ?? 'main'] : undefined}>
              {columns.map((c, j) => (
                <TableCell key={j} align={c.align ?? 'right'}>
                  {c.cell(r)}
                </TableCell>
              ))}
            </TableRow>
          ))}
          {total && (
            <TableRow sx={ROW_SX.total}>
              {columns.map((c, j) => (
                <TableCell key={j} align={c.align ?? 'right'}>
                  {c.cell(total)}
                </TableCell>
              ))}
            </TableRow>
          )}
        </TableBody>
      </Table>
    </Box>
  );
}

export function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Paper sx={{ p: 2 }}>
      <Typography variant="h2" sx={{ mb: 1 }}>
        {title}
      </Typography>
      {children}
    </Paper>
  );
}

export function Note({ children }: { children: ReactNode }) {
  return (
    <Typography variant="body2" color="text.secondary" sx={{ mt: 1 }}>
      {children}
    </Typography>
  );
}
