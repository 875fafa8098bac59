import AddIcon from '@mui/icons-material/Add';
import {
  Alert,
  Box,
  Button,
  FormControlLabel,
  Paper,
  Switch,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Typography,
} from '@mui/material';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { Venue } from '../../../../shared/contract/lecturers';
import { formatNumber } from '../../../../shared/domain/format';
import { api } from '../../api';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { useVenues } from './queries';
import { VenueDialog } from './VenueDialog';

export function VenuesTab() {
  const queryClient = useQueryClient();
  const [includeArchived, setIncludeArchived] = useState(false);
  const venues = useVenues(includeArchived);
  // undefined: no dialog; null: a new venue.
  const [editing, setEditing] = useState<Venue | null | undefined>(undefined);
  const [archiving, setArchiving] = useState<Venue | null>(null);
  const archive = useMutation({
    mutationFn: (v: Venue) => api.venues.setArchived({ id: v.id, archived: v.archivedAt === null }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['venues.list'] });
      setArchiving(null);
    },
  });

  return (
    <Box>
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 2, mb: 1 }}>
        <FormControlLabel
          sx={{ flexGrow: 1 }}
          control={<Switch checked={includeArchived} onChange={(e) => setIncludeArchived(e.target.checked)} />}
          label="Hiện cả địa điểm đã ngừng sử dụng"
        />
        <Button variant="contained" startIcon={<AddIcon />} onClick={() => setEditing(null)}>
          Thêm địa điểm
        </Button>
      </Box>
      {venues.isError && <Alert severity="error">{venues.error.message}</Alert>}
      {archive.isError && <Alert severity="error">{archive.error.message}</Alert>}
      <Paper>
        <Table size="small" aria-label="Danh sách địa điểm">
          <TableHead>
            <TableRow>
              <TableCell>Tên địa điểm</TableCell>
              <TableCell>Địa chỉ</TableCell>
              <TableCell>Xã, phường</TableCell>
              <TableCell align="right">Sức chứa</TableCell>
              <TableCell />
            </TableRow>
          </TableHead>
          <TableBody>
            {(venues.data ?? []).map((v) => (
              <TableRow key={v.id} hover sx={{ opacity: v.archivedAt ? 0.6 : 1 }}>
                <TableCell sx={{ fontWeight: 500 }}>{v.name}</TableCell>
                <TableCell>{v.address}</TableCell>
                <TableCell>{v.communeName}</TableCell>
                <TableCell align="right" sx={{ whiteSpace: 'nowrap' }}>
                  {v.capacity === null ? '—' : `${formatNumber(v.capacity)} người`}
                </TableCell>
                <TableCell align="right" sx={{ whiteSpace: 'nowrap' }}>
                  {!v.archivedAt && (
                    <Button size="small" onClick={() => setEditing(v)} aria-label={`Sửa ${v.name}`}>
                      Sửa
                    </Button>
                  )}
                  <Button size="small" onClick={() => setArchiving(v)} aria-label={`${v.archivedAt ? 'Dùng lại' : 'Ngừng sử dụng'}: ${v.name}`}>
                    {v.archivedAt ? 'Dùng lại' : 'Ngừng sử dụng'}
                  </Button>
                </TableCell>
              </TableRow>
            ))}
            {venues.data?.length === 0 && (
              <TableRow>
                <TableCell colSpan={5}>
                  <Typography color="text.secondary">Chưa có địa điểm nào. Bấm «Thêm địa điểm» để bắt đầu.</Typography>
                </TableCell>
              </TableRow>
            )}
          </TableBody>
        </Table>
      </Paper>
      {editing !== undefined && <VenueDialog key={editing?.id ?? 'new'} venue={editing} onClose={() => setEditing(undefined)} />}
      <ConfirmDialog
        open={archiving !== null}
        title={archiving?.archivedAt ? 'Dùng lại địa điểm?' : 'Ngừng sử dụng địa điểm?'}
        confirmLabel={archiving?.archivedAt ? 'Dùng lại' : 'Ngừng sử dụng'}
        busy={archive.isPending}
        onConfirm={() => archiving && archive.mutate(archiving)}
        onClose={() => setArchiving(null)}
      >
        {archiving?.archivedAt
          ? `«${archiving.name}» sẽ lại được chọn khi mở lớp và xếp lịch học.`
          : `«${archiving?.name ?? ''}» sẽ không còn được chọn cho lớp mới. Các lớp đã học ở đây vẫn giữ nguyên.`}
      </ConfirmDialog>
    </Box>
  );
}
