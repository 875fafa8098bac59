import { Box, Chip, TableCell, TableRow, Typography } from '@mui/material';
import type { Lecturer } from '../../../../shared/contract/lecturers';
import { LECTURER_KIND_LABELS, LECTURER_ROLE_LABELS } from '../../../../shared/domain/lecturer-norms';
import { ArchivableTable } from './ArchivableTable';
import { LecturerDialog } from './LecturerDialog';
import { lecturerToForm, normLabel } from './lecturer-form';
import { useLecturers, useSetLecturerArchived } from './queries';

export function LecturersTab() {
  return (
    <ArchivableTable<Lecturer>
      label="Danh sách giảng viên"
      showArchivedLabel="Hiện cả người đã ngừng giảng dạy"
      addLabel="Thêm giảng viên"
      emptyText="Chưa có giảng viên nào. Bấm «Thêm giảng viên» để bắt đầu."
      archiveLabel="Ngừng giảng dạy"
      useRows={useLecturers}
      useSetArchived={useSetLecturerArchived}
      nameOf={(l) => l.fullName}
      columns={7}
      head={
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
      }
      cells={(l) => (
        <>
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
            {l.archivedAt ? (
              <Chip size="small" label="Đã ngừng giảng dạy" />
            ) : (
              <Chip size="small" color="success" variant="outlined" label="Đang giảng dạy" />
            )}
          </TableCell>
        </>
      )}
      confirmTitle={(l) => (l?.archivedAt ? 'Dùng lại giảng viên?' : 'Ngừng giảng dạy?')}
      confirmText={(l) =>
        l.archivedAt
          ? `${l.fullName} sẽ lại được chọn khi xếp lịch học.`
          : `${l.fullName} sẽ không còn được chọn khi xếp lịch học mới. Các buổi đã giảng và số giờ giảng vẫn được giữ nguyên.`
      }
      dialog={(editing, onClose) => (
        <LecturerDialog key={editing?.id ?? 'new'} initial={editing ? lecturerToForm(editing) : null} onClose={onClose} />
      )}
    />
  );
}
