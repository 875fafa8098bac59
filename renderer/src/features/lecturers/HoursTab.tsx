import { Box, Paper, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { useState } from 'react';
import type { Output } from '../../../../shared/contract';
import { todayInVietnam } from '../../../../shared/domain/dates';
import { formatNumber, formatPercent } from '../../../../shared/domain/format';
import { LECTURER_KINDS, LECTURER_KIND_LABELS, PERIODS_PER_SESSION } from '../../../../shared/domain/lecturer-norms';
import { YearSelector } from '../../components/YearSelector';
import { normLabel } from './lecturer-form';
import { useLecturerHours } from './queries';
import { ErrorAlert } from '../../components/form/ErrorAlert';
import { EmptyRow } from '../../components/EmptyRow';

type HoursRow = Output<'lecturers.hours'>[number];

function Ratio({ row }: { row: HoursRow }) {
  const norm = row.lecturer.normHours;
  if (!norm) return <>—</>;
  const ratio = row.periods / norm;
  return (
    <Box component="span" sx={ratio > 1 ? { color: 'error.main', fontWeight: 600 } : undefined}>
      {formatPercent(ratio)}
    </Box>
  );
}

const num = { align: 'right' as const, sx: { whiteSpace: 'nowrap' } };

export function HoursTab() {
  const [year, setYear] = useState(Number(todayInVietnam().slice(0, 4)));
  const hours = useLecturerHours(year);
  // Someone who left during the year still taught in it; someone who left earlier is only noise.
  const rows = (hours.data ?? [])
    .filter((r) => r.lecturer.archivedAt === null || r.sessions > 0)
    // Centre staff first, in the order the kinds are listed everywhere; the core's order within a kind.
    .sort((a, b) => LECTURER_KINDS.indexOf(a.lecturer.kind) - LECTURER_KINDS.indexOf(b.lecturer.kind));
  const external = rows.filter((r) => r.lecturer.kind !== 'chuyen_trach');
  const total = external.reduce((t, r) => ({ sessions: t.sessions + r.sessions, periods: t.periods + r.periods }), {
    sessions: 0,
    periods: 0,
  });

  return (
    <Box>
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 2, mb: 1 }}>
        <Typography variant="body2" color="text.secondary" sx={{ flexGrow: 1 }}>
          Tính theo lịch học đã xếp trong năm, kể cả các buổi chưa diễn ra; không tính lớp đã hủy. Mỗi buổi {PERIODS_PER_SESSION} tiết, một
          tiết là một giờ chuẩn.
        </Typography>
        <YearSelector year={year} onChange={setYear} />
      </Box>
      <ErrorAlert error={hours.error} />
      <Paper sx={{ mb: 3 }}>
        <Table size="small" aria-label={`Giờ giảng năm ${year}`}>
          <TableHead>
            <TableRow>
              <TableCell>Giảng viên</TableCell>
              <TableCell>Loại</TableCell>
              <TableCell {...num}>Số lớp</TableCell>
              <TableCell {...num}>Số buổi</TableCell>
              <TableCell {...num}>Số tiết (giờ chuẩn)</TableCell>
              <TableCell {...num}>Định mức</TableCell>
              <TableCell {...num}>Tỉ lệ</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {rows.map((r) => (
              <TableRow key={r.lecturer.id} hover sx={{ opacity: r.lecturer.archivedAt ? 0.6 : 1 }}>
                <TableCell sx={{ fontWeight: 500 }}>{r.lecturer.fullName}</TableCell>
                <TableCell sx={{ whiteSpace: 'nowrap' }}>{LECTURER_KIND_LABELS[r.lecturer.kind]}</TableCell>
                <TableCell {...num}>{formatNumber(r.classes)}</TableCell>
                <TableCell {...num}>{formatNumber(r.sessions)}</TableCell>
                <TableCell {...num}>{formatNumber(r.periods)}</TableCell>
                <TableCell {...num}>{normLabel(r.lecturer.normHours, r.lecturer.lecturingHours) || '—'}</TableCell>
                <TableCell {...num}>
                  <Ratio row={r} />
                </TableCell>
              </TableRow>
            ))}
            {hours.data && rows.length === 0 && <EmptyRow colSpan={7}>Chưa có giảng viên nào.</EmptyRow>}
          </TableBody>
        </Table>
      </Paper>

      <Typography variant="h2" component="h2" sx={{ mb: 0.5 }}>
        Giảng viên kiêm nhiệm và báo cáo viên
      </Typography>
      <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
        Số tiết đã giảng trong năm {year}, để tính thù lao giảng dạy.
      </Typography>
      <Paper>
        <Table size="small" aria-label={`Giảng viên kiêm nhiệm và báo cáo viên năm ${year}`}>
          <TableHead>
            <TableRow>
              <TableCell>Giảng viên</TableCell>
              <TableCell>Loại</TableCell>
              <TableCell>Đơn vị</TableCell>
              <TableCell {...num}>Số lớp</TableCell>
              <TableCell {...num}>Số buổi</TableCell>
              <TableCell {...num}>Số tiết (giờ chuẩn)</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {external.map((r) => (
              <TableRow key={r.lecturer.id} hover>
                <TableCell sx={{ fontWeight: 500 }}>{r.lecturer.fullName}</TableCell>
                <TableCell sx={{ whiteSpace: 'nowrap' }}>{LECTURER_KIND_LABELS[r.lecturer.kind]}</TableCell>
                <TableCell>{r.lecturer.unit}</TableCell>
                <TableCell {...num}>{formatNumber(r.classes)}</TableCell>
                <TableCell {...num}>{formatNumber(r.sessions)}</TableCell>
                <TableCell {...num}>{formatNumber(r.periods)}</TableCell>
              </TableRow>
            ))}
            {external.length === 0 ? (
              <EmptyRow colSpan={6}>Không có giảng viên kiêm nhiệm hay báo cáo viên nào.</EmptyRow>
            ) : (
              <TableRow sx={{ '& td': { fontWeight: 600, borderBottom: 0 } }}>
                {/* Classes are not summed: one class taught by two people would count twice. */}
                <TableCell colSpan={4}>Cộng</TableCell>
                <TableCell {...num}>{formatNumber(total.sessions)}</TableCell>
                <TableCell {...num}>{formatNumber(total.periods)}</TableCell>
              </TableRow>
            )}
          </TableBody>
        </Table>
      </Paper>
    </Box>
  );
}
