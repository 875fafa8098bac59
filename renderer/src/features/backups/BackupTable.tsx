import { Button, Table, TableBody, TableCell, TableHead, TableRow } from '@mui/material';
import type { Backup } from '../../../../shared/contract/backups';
import { formatDateTime } from '../../../../shared/domain/format';
import { BACKUP_KIND_LABELS, formatSize } from './backup-labels';

export function BackupTable({ backups, onRestore }: { backups: Backup[]; onRestore: (b: Backup) => void }) {
  return (
    <Table size="small" aria-label="Các bản sao lưu">
      <TableHead>
        <TableRow>
          <TableCell>Thời điểm</TableCell>
          <TableCell>Loại</TableCell>
          <TableCell align="right">Dung lượng</TableCell>
          <TableCell />
        </TableRow>
      </TableHead>
      <TableBody>
        {backups.map((b) => (
          <TableRow key={b.file} hover>
            <TableCell>{formatDateTime(b.createdAt)}</TableCell>
            <TableCell>{BACKUP_KIND_LABELS[b.kind]}</TableCell>
            <TableCell align="right">{formatSize(b.sizeBytes)}</TableCell>
            <TableCell align="right">
              <Button size="small" onClick={() => onRestore(b)}>
                Khôi phục bản này
              </Button>
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
