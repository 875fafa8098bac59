import DeleteIcon from '@mui/icons-material/DeleteOutlined';
import { IconButton, Table, TableBody, TableCell, TableHead, TableRow, TextField } from '@mui/material';
import type { SessionInput, TimetableProblem } from '../../../../shared/contract/timetable';
import { HALF_LABELS, weekdayName } from '../../../../shared/domain/days';
import { formatDate } from '../../../../shared/domain/format';
import { DateField } from '../../components/DateField';
import { ChoiceSelect } from '../../components/form/ChoiceSelect';
import { EnumSelect } from '../../components/form/EnumSelect';
import { useLecturers, useVenues } from '../lecturers/queries';

const HALVES = ['sang', 'chieu'] as const;

// Who teaches and where: each row picks one of the centre's lecturers or venues, or none.
const ID_COLUMNS = [
  { key: 'lecturerId', label: 'Giảng viên', empty: 'Chưa phân công' },
  { key: 'venueId', label: 'Địa điểm', empty: 'Không ghi' },
] as const;

const archivedMark = (row: { archivedAt: string | null }) => (row.archivedAt ? ' (đã lưu trữ)' : '');

/** One row per session, each with the problems the core found on it; read-only once the class has ended. */
export function SessionTable(props: {
  sessions: SessionInput[];
  problems: TimetableProblem[];
  locked: boolean;
  onEdit: (i: number, patch: Partial<SessionInput>) => void;
  onRemove: (i: number) => void;
}) {
  const { sessions, locked, onEdit: edit } = props;
  const lecturers = useLecturers(true);
  const venues = useVenues(true);
  const sessionLecturers = (lecturers.data ?? []).map((l) => ({ value: l.id, label: `${l.fullName}${archivedMark(l)}` }));
  const sessionVenues = (venues.data ?? []).map((v) => ({ value: v.id, label: `${v.name}${archivedMark(v)}` }));
  return (
    <Table size="small" aria-label="Các buổi học" sx={{ minWidth: 940, '& .MuiTableCell-root': { px: 0.75 } }}>
      <TableHead>
        <TableRow>
          <TableCell sx={{ width: 28 }}>#</TableCell>
          <TableCell sx={{ width: 168 }}>Ngày</TableCell>
          <TableCell sx={{ width: 96 }}>Buổi</TableCell>
          <TableCell sx={{ minWidth: 200 }}>Nội dung</TableCell>
          <TableCell sx={{ width: 170 }}>Giảng viên</TableCell>
          <TableCell sx={{ width: 150 }}>Địa điểm</TableCell>
          <TableCell sx={{ width: 40 }} />
        </TableRow>
      </TableHead>
      <TableBody>
        {sessions.map((s, i) => {
          const ps = props.problems.filter((p) => p.index === i);
          const bad = ps.some((p) => p.severity === 'error');
          return (
            <TableRow
              key={s.id ?? `new-${i}`}
              sx={{
                bgcolor: bad ? 'rgba(211, 47, 47, 0.06)' : ps.length ? 'rgba(237, 108, 2, 0.06)' : undefined,
                verticalAlign: 'top',
              }}
            >
              <TableCell>{i + 1}</TableCell>
              <TableCell>
                {locked ? (
                  `${weekdayName(s.date)} ${formatDate(s.date)}`
                ) : (
                  <DateField label={weekdayName(s.date)} value={s.date} onChange={(v) => v && edit(i, { date: v })} />
                )}
              </TableCell>
              <TableCell>
                <EnumSelect
                  aria-label={`Buổi dòng ${i + 1}`}
                  options={HALVES}
                  labels={HALF_LABELS}
                  value={s.half}
                  disabled={locked}
                  onChange={(half) => edit(i, { half })}
                />
              </TableCell>
              <TableCell>
                <TextField
                  aria-label={`Nội dung dòng ${i + 1}`}
                  value={s.title}
                  multiline
                  disabled={locked}
                  onChange={(e) => edit(i, { title: e.target.value })}
                  error={bad}
                  helperText={ps.map((p) => p.message).join(' · ') || undefined}
                />
              </TableCell>
              {ID_COLUMNS.map((c) => (
                <TableCell key={c.key}>
                  <ChoiceSelect
                    aria-label={`${c.label} dòng ${i + 1}`}
                    value={s[c.key] ?? ''}
                    disabled={locked}
                    onChange={(e) => edit(i, { [c.key]: e.target.value === '' ? null : Number(e.target.value) })}
                    slotProps={{ select: { displayEmpty: true } }}
                    empty={c.empty}
                    choices={c.key === 'lecturerId' ? sessionLecturers : sessionVenues}
                  />
                </TableCell>
              ))}
              <TableCell>
                {!locked && (
                  <IconButton aria-label={`Xóa buổi dòng ${i + 1}`} onClick={() => props.onRemove(i)}>
                    <DeleteIcon fontSize="small" />
                  </IconButton>
                )}
              </TableCell>
            </TableRow>
          );
        })}
      </TableBody>
    </Table>
  );
}
