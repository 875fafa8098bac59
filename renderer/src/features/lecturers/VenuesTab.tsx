import { TableCell, TableRow } from '@mui/material';
import type { Venue } from '../../../../shared/contract/lecturers';
import { formatNumber } from '../../../../shared/domain/format';
import { ArchivableTable } from './ArchivableTable';
import { useSetVenueArchived, useVenues } from './queries';
import { VenueDialog } from './VenueDialog';

export function VenuesTab() {
  return (
    <ArchivableTable<Venue>
      label="Danh sách địa điểm"
      showArchivedLabel="Hiện cả địa điểm đã ngừng sử dụng"
      addLabel="Thêm địa điểm"
      emptyText="Chưa có địa điểm nào. Bấm «Thêm địa điểm» để bắt đầu."
      archiveLabel="Ngừng sử dụng"
      useRows={useVenues}
      useSetArchived={useSetVenueArchived}
      nameOf={(v) => v.name}
      columns={5}
      head={
        <TableRow>
          <TableCell>Tên địa điểm</TableCell>
          <TableCell>Địa chỉ</TableCell>
          <TableCell>Xã, phường</TableCell>
          <TableCell align="right">Sức chứa</TableCell>
          <TableCell />
        </TableRow>
      }
      cells={(v) => (
        <>
          <TableCell sx={{ fontWeight: 500 }}>{v.name}</TableCell>
          <TableCell>{v.address}</TableCell>
          <TableCell>{v.communeName}</TableCell>
          <TableCell align="right" sx={{ whiteSpace: 'nowrap' }}>
            {v.capacity === null ? '—' : `${formatNumber(v.capacity)} người`}
          </TableCell>
        </>
      )}
      confirmTitle={(v) => (v?.archivedAt ? 'Dùng lại địa điểm?' : 'Ngừng sử dụng địa điểm?')}
      confirmText={(v) =>
        v.archivedAt
          ? `«${v.name}» sẽ lại được chọn khi mở lớp và xếp lịch học.`
          : `«${v.name}» sẽ không còn được chọn cho lớp mới. Các lớp đã học ở đây vẫn giữ nguyên.`
      }
      dialog={(editing, onClose) => <VenueDialog key={editing?.id ?? 'new'} venue={editing} onClose={onClose} />}
    />
  );
}
