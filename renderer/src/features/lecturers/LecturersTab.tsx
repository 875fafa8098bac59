import AddIcon from '@mui/icons-material/Add';
import {
  Alert,
  Box,
  Button,
  Chip,
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
import type { Lecturer } from '../../../../shared/contract/lecturers';
import { LECTURER_KIND_LABELS, LECTURER_ROLE_LABELS } from '../../../../shared/domain/lecturer-norms';
import { api } from '../../api';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { LecturerDialog } from './LecturerDialog';
import { lecturerToForm, normLabel } from './lecturer-form';
import { useLecturers } from './queries';

export function LecturersTab() {
  const queryClient = useQueryClient();
  const [includeArchived, setIncludeArchived] = useState(false);
  const lecturers = useLecturers(includeArchived);
  // undefined: no dialog; null: a new lecturer.
  const [editing, setEditing] = useState<Lecturer | null | undefined>(undefined);
  const [archiving, setArchiving] = useState<Lecturer | null>(null);
  const archive = useMutation({
    mutationFn: (l: Lecturer) => api.lecturers.setArchived({ id: l.id, archived: l.archivedAt === null }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['lecturers.list'] });
      void queryClient.invalidateQueries({ queryKey: ['lecturers.hours'] });
      setArchiving(null);
    },
  });

  return (
    <Box>
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 2, mb: 1 }}>
        <FormControlLabel
          sx={{ flexGrow: 1 }}
          control={<Switch checked={includeArchived} onChange={(e) => setIncludeArchived(e.target.checked)} />}
          label="Hiện cả người đã ngừng giảng dạy"
        />
        <Button variant="contained" startIcon={<AddIcon />} onClick={() => setEditing(null)}>
          Thêm giảng viên
        </Button>
      </Box>
      {lecturers.isError && <Alert severity="error">{lecturers.error.message}</Alert>}
      {archive.isError && <Alert severity="error">{archive.error.message}</Alert>}
      <Paper>
        <Table size="small" aria-label="Danh sách giảng viên">
          <TableHead>
            <TableRow>
              <TableCell sx={{ minWidth: 190 }}>Họ và tên</TableCell>
              <TableCell>Loại</TableCell>
              <TableCell sx={{ minWidth: 130 }}>Chức danh</TableCell>
              <TableCell>Đơn vị</TableCell>
              <TableCell align="right" sx={{ whiteSpace: 'nowrap' }}>
                Định mức
                <Typography variant="caption" component="div" color="text.secondary">
                  giờ chuẩn/năm
                </Typography>
              </TableCell>
              <TableCell>Trạng thái</TableCell>
              <TableCell />
            </TableRow>
          </TableHead>
          <TableBody>
            {(lecturers.data ?? []).map((l) => (
              <TableRow key={l.id} hover sx={{ opacity: l.archivedAt ? 0.6 : 1 }}>
                <TableCell sx={{ fontWeight: 500 }}>
                  <Box component="span" sx={{ whiteSpace: 'nowrap' }}>
                    {l.fullName}
                  </Box>
                  {l.position && (
                    <Typography variant="body2" color="text.secondary">
                      {l.position}
                    </Typography>
                  )}
                </TableCell>
                <TableCell sx={{ whiteSpace: 'nowrap' }}>{LECTURER_KIND_LABELS[l.kind]}</TableCell>
                <TableCell>{LECTURER_ROLE_LABELS[l.role]}</TableCell>
                <TableCell>{l.unit}</TableCell>
                <TableCell align="right" sx={{ whiteSpace: 'nowrap' }}>
                  {normLabel(l.normHours, l.lecturingHours) || '—'}
                </TableCell>
                <TableCell>
                  {l.archivedAt ? <Chip size="small" label="Đã ngừng giảng dạy" /> : <Chip size="small" color="success" variant="outlined" label="Đang giảng dạy" />}
                </TableCell>
                <TableCell align="right" sx={{ whiteSpace: 'nowrap' }}>
                  {!l.archivedAt && (
                    <Button size="small" onClick={() => setEditing(l)} aria-label={`Sửa ${l.fullName}`}>
                      Sửa
                    </Button>
                  )}
                  <Button size="small" onClick={() => setArchiving(l)} aria-label={`${l.archivedAt ? 'Dùng lại' : 'Ngừng giảng dạy'}: ${l.fullName}`}>
                    {l.archivedAt ? 'Dùng lại' : 'Ngừng giảng dạy'}
                  </Button>
                </TableCell>
              </TableRow>
            ))}
            {lecturers.data?.length === 0 && (
              <TableRow>
                <TableCell colSpan={7}>
                  <Typography color="text.secondary">Chưa có giảng viên nào. Bấm «Thêm giảng viên» để bắt đầu.</Typography>
                </TableCell>
              </TableRow>
            )}
          </TableBody>
        </Table>
      </Paper>
      {editing !== undefined && (
        <LecturerDialog key={editing?.id ?? 'new'} initial={editing ? lecturerToForm(editing) : null} onClose={() => setEditing(undefined)} />
      )}
      <ConfirmDialog
        open={archiving !== null}
        title={archiving?.archivedAt ? 'Dùng lại giảng viên?' : 'Ngừng giảng dạy?'}
        confirmLabel={archiving?.archivedAt ? 'Dùng lại' : 'Ngừng giảng dạy'}
        busy={archive.isPending}
        onConfirm={() => archiving && archive.mutate(archiving)}
        onClose={() => setArchiving(null)}
      >
        {archiving?.archivedAt
          ? `${archiving.fullName} sẽ lại được chọn khi xếp lịch học.`
          : `${archiving?.fullName ?? ''} sẽ không còn được chọn khi xếp lịch học mới. Các buổi đã giảng và số giờ giảng vẫn được giữ nguyên.`}
      </ConfirmDialog>
    </Box>
  );
}
