import { Box, Paper } from '@mui/material';
import type { ReactNode } from 'react';

/** The grid both views draw: rows of cells (`display: contents`) with hairlines between them, read as a table. */
export function CalendarTable({ label, columns, children }: { label: string; columns: string; children: ReactNode }) {
  return (
    <Paper sx={{ overflow: 'hidden' }}>
      <Box
        role="table"
        aria-label={label}
        sx={{
          display: 'grid',
          gridTemplateColumns: columns,
          '& [role=row] > *': { borderRight: 1, borderBottom: 1, borderColor: 'divider' },
          '& [role=row] > *:last-of-type': { borderRight: 0 },
          '& [role=row]:last-of-type > *': { borderBottom: 0 },
        }}
      >
        {children}
      </Box>
    </Paper>
  );
}
