import AddIcon from '@mui/icons-material/Add';
import { Box, Button, FormControlLabel, Paper, Switch, Table, TableBody, TableCell, TableHead, TableRow } from '@mui/material';
import type { UseMutationResult, UseQueryResult } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { ErrorAlert } from '../../components/form/ErrorAlert';
import { EmptyRow } from '../../components/EmptyRow';

interface Archivable {
  id: number;
  archivedAt: string | null;
}

/**
 * A catalogue that is archived, never deleted (lecturers, venues): the list with "show archived",
 * "Thêm …", "Sửa" on active rows, archive / "Dùng lại" with a confirmation, and the edit dialog.
 */
export function ArchivableTable<T extends Archivable>(props: {
  label: string;
  showArchivedLabel: string;
  addLabel: string;
  emptyText: string;
  /** "Ngừng giảng dạy", "Ngừng sử dụng". */
  archiveLabel: string;
  /** The list query, a hook: called on every render like any other. */
  useRows: (includeArchived: boolean) => UseQueryResult<T[], Error>;
  /** The change hook that archives a row or brings it back (it says itself which lists it refreshes). */
  useSetArchived: () => UseMutationResult<unknown, Error, { id: number; archived: boolean }>;
  nameOf: (row: T) => string;
  head: ReactNode;
  columns: number;
  cells: (row: T) => ReactNode;
  confirmTitle: (row: T | null) => string;
  confirmText: (row: T) => string;
  dialog: (editing: T | null, onClose: () => void) => ReactNode;
}) {
  const [includeArchived, setIncludeArchived] = useState(false);
  const rows = props.useRows(includeArchived);
  // undefined: no dialog; null: a new row.
  const [editing, setEditing] = useState<T | null | undefined>(undefined);
  const [archiving, setArchiving] = useState<T | null>(null);
  const archive = props.useSetArchived();
  const again = (row: T | null) => (row?.archivedAt ? 'Dùng lại' : props.archiveLabel);

  return (
    <Box>
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 2, mb: 1 }}>
        <FormControlLabel
          sx={{ flexGrow: 1 }}
          control={<Switch checked={includeArchived} onChange={(e) => setIncludeArchived(e.target.checked)} />}
          label={props.showArchivedLabel}
        />
        <Button variant="contained" startIcon={<AddIcon />} onClick={() => setEditing(null)}>
          {props.addLabel}
        </Button>
      </Box>
      <ErrorAlert error={rows.error} />
      <ErrorAlert error={archive.error} />
      <Paper>
        <Table size="small" aria-label={props.label}>
          <TableHead>{props.head}</TableHead>
          <TableBody>
            {(rows.data ?? []).map((row) => (
              <TableRow key={row.id} hover sx={{ opacity: row.archivedAt ? 0.6 : 1 }}>
                {props.cells(row)}
                <TableCell align="right" sx={{ whiteSpace: 'nowrap' }}>
                  {!row.archivedAt && (
                    <Button size="small" onClick={() => setEditing(row)} aria-label={`Sửa ${props.nameOf(row)}`}>
                      Sửa
                    </Button>
                  )}
                  <Button size="small" onClick={() => setArchiving(row)} aria-label={`${again(row)}: ${props.nameOf(row)}`}>
                    {again(row)}
                  </Button>
                </TableCell>
              </TableRow>
            ))}
            {rows.data?.length === 0 && <EmptyRow colSpan={props.columns}>{props.emptyText}</EmptyRow>}
          </TableBody>
        </Table>
      </Paper>
      {editing !== undefined && props.dialog(editing, () => setEditing(undefined))}
      <ConfirmDialog
        open={archiving !== null}
        title={props.confirmTitle(archiving)}
        confirmLabel={again(archiving)}
        busy={archive.isPending}
        onConfirm={() =>
          archiving &&
          archive.mutate({ id: archiving.id, archived: archiving.archivedAt === null }, { onSuccess: () => setArchiving(null) })
        }
        onClose={() => setArchiving(null)}
      >
        {archiving ? props.confirmText(archiving) : ''}
      </ConfirmDialog>
    </Box>
  );
}
