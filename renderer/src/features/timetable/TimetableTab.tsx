import AddIcon from '@mui/icons-material/Add';
import DeleteIcon from '@mui/icons-material/DeleteOutlined';
import {
  Alert,
  Box,
  Button,
  Checkbox,
  FormControlLabel,
  IconButton,
  MenuItem,
  Paper,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  TextField,
  Typography,
} from '@mui/material';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { ClassRow } from '../../../../shared/contract/classes';
import type { SessionInput, TimetableProblem } from '../../../../shared/contract/timetable';
import { HALF_LABELS, weekdayName, type Half } from '../../../../shared/domain/days';
import { formatDate, formatNumber } from '../../../../shared/domain/format';
import { api } from '../../api';
import { DateField } from '../../components/DateField';

type Timetable = Awaited<ReturnType<typeof api.timetable.get>>;

function ProblemList({ problems }: { problems: TimetableProblem[] }) {
  const errors = problems.filter((p) => p.severity === 'error');
  const warnings = problems.filter((p) => p.severity === 'warning');
  if (problems.length === 0) return <Alert severity="success">Không có trùng lịch hay vấn đề nào.</Alert>;
  return (
    <Box sx={{ display: 'grid', gap: 1 }}>
      {errors.length > 0 && (
        <Alert severity="error">
          {errors.length} lỗi phải sửa trước khi lưu:
          <ul style={{ margin: 0, paddingLeft: 20 }}>
            {errors.map((p, i) => (
              <li key={i}>
                {p.index !== null ? `Dòng ${p.index + 1}: ` : ''}
                {p.message}
              </li>
            ))}
          </ul>
        </Alert>
      )}
      {warnings.length > 0 && (
        <Alert severity="warning">
          {warnings.length} lưu ý:
          <ul style={{ margin: 0, paddingLeft: 20 }}>
            {warnings.map((p, i) => (
              <li key={i}>
                {p.index !== null ? `Dòng ${p.index + 1}: ` : ''}
                {p.message}
              </li>
            ))}
          </ul>
        </Alert>
      )}
    </Box>
  );
}

/** Sessions are edited here as a whole list; the core checks the list and saves it in one transaction. */
export function TimetableTab({ cls, onChanged }: { cls: ClassRow; onChanged: () => void }) {
  const queryClient = useQueryClient();
  const saved = useQuery({ queryKey: ['timetable.get', cls.id], queryFn: () => api.timetable.get({ classId: cls.id }) });
  // The editor remounts on the refetched timetable after a save; the notice lives here so it survives that.
  const [justSaved, setJustSaved] = useState(false);
  if (!saved.data) return saved.isError ? <Alert severity="error">{saved.error.message}</Alert> : null;
  return (
    <TimetableEditor
      key={`${cls.id}-${saved.dataUpdatedAt}`}
      cls={cls}
      initial={saved.data}
      justSaved={justSaved}
      onSaved={() => {
        setJustSaved(true);
        void queryClient.invalidateQueries({ queryKey: ['timetable.get', cls.id] });
        void queryClient.invalidateQueries({ queryKey: ['calendar.sessions'] });
        onChanged();
      }}
    />
  );
}

function TimetableEditor({
  cls,
  initial,
  justSaved,
  onSaved,
}: {
  cls: ClassRow;
  initial: Timetable;
  justSaved: boolean;
  onSaved: () => void;
}) {
  const program = useQuery({ queryKey: ['programs.get', cls.programId], queryFn: () => api.programs.get({ id: cls.programId }) });
  const lecturers = useQuery({ queryKey: ['lecturers.list', true], queryFn: () => api.lecturers.list({ includeArchived: true }) });
  const venues = useQuery({ queryKey: ['venues.list', true], queryFn: () => api.venues.list({ includeArchived: true }) });
  const [sessions, setSessions] = useState<SessionInput[]>(initial.sessions.map(({ lecturerName: _l, venueName: _v, ...s }) => s));
  const [problems, setProblems] = useState<TimetableProblem[]>(initial.problems);
  const [generated, setGenerated] = useState(false);
  const [dirty, setDirty] = useState(false);
  const [startDate, setStartDate] = useState(cls.startDate);
  const [halves, setHalves] = useState<Record<Half, boolean>>({ sang: true, chieu: true });
  const [byTopic, setByTopic] = useState<Record<string, number | null>>({});
  const locked = ['finished', 'results_recognised', 'certificates_issued', 'cancelled'].includes(cls.status);

  const apply = (t: Timetable) => {
    setSessions(t.sessions.map(({ lecturerName: _l, venueName: _v, ...s }) => s));
    setProblems(t.problems);
  };
  const generate = useMutation({
    mutationFn: () =>
      api.timetable.generate({
        classId: cls.id,
        startDate,
        halves: (['sang', 'chieu'] as const).filter((h) => halves[h]),
        lecturerByTopic: Object.fromEntries(Object.entries(byTopic)),
      }),
    onSuccess: (t) => {
      apply(t);
      setGenerated(true);
      setDirty(true);
    },
  });
  const check = useMutation({
    mutationFn: () => api.timetable.check({ classId: cls.id, sessions, adjustClassDates: generated }),
    onSuccess: apply,
  });
  const save = useMutation({
    mutationFn: () => api.timetable.save({ classId: cls.id, sessions, adjustClassDates: generated }),
    onSuccess: () => {
      setDirty(false);
      onSaved();
    },
  });
  const edit = (i: number, patch: Partial<SessionInput>) => {
    setSessions((all) => all.map((s, j) => (j === i ? { ...s, ...patch } : s)));
    setDirty(true);
  };
  const rowProblems = (i: number) => problems.filter((p) => p.index === i);
  const errorCount = problems.filter((p) => p.severity === 'error').length;
  const busy = generate.isPending || check.isPending || save.isPending;
  const apiError = generate.error ?? check.error ?? save.error;

  return (
    // minmax(0, 1fr): a grid item may be narrower than its content, so a wide table scrolls in its box, not the page.
    <Box sx={{ display: 'grid', gridTemplateColumns: 'minmax(0, 1fr)', gap: 2 }}>
      {!locked && (
        <Paper sx={{ p: 2 }}>
          <Typography variant="h2" sx={{ mb: 1 }}>
            Lập lịch tự động theo chuyên đề
          </Typography>
          <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
            Xếp các chuyên đề của chương trình theo thứ tự, bỏ qua {cls.form === 'weekend' ? 'các ngày thường' : 'thứ Bảy, Chủ nhật'} và
            ngày nghỉ lễ (cả Tết âm lịch, Giỗ Tổ và ngày nghỉ theo thông báo).
          </Typography>
          <Box sx={{ display: 'flex', gap: 2, alignItems: 'center', flexWrap: 'wrap', mb: 2 }}>
            <Box sx={{ width: 220 }}>
              <DateField label="Bắt đầu từ ngày" name="generateFrom" value={startDate} onChange={setStartDate} />
            </Box>
            {(['sang', 'chieu'] as const).map((h) => (
              <FormControlLabel
                key={h}
                control={<Checkbox checked={halves[h]} onChange={(e) => setHalves({ ...halves, [h]: e.target.checked })} />}
                label={`Buổi ${HALF_LABELS[h].toLocaleLowerCase('vi')}`}
              />
            ))}
          </Box>
          {program.data && program.data.topics.length > 0 && (
            <Table size="small" aria-label="Giảng viên theo chuyên đề">
              <TableHead>
                <TableRow>
                  <TableCell>Chuyên đề</TableCell>
                  <TableCell width={80} align="right">
                    Số buổi
                  </TableCell>
                  <TableCell width={300}>Giảng viên</TableCell>
                </TableRow>
              </TableHead>
              <TableBody>
                {program.data.topics.map((t) => (
                  <TableRow key={t.id}>
                    <TableCell>{t.title}</TableCell>
                    <TableCell align="right">{t.sessions}</TableCell>
                    <TableCell>
                      <TextField
                        select
                        aria-label={`Giảng viên chuyên đề ${t.title}`}
                        value={String(t.id) in byTopic ? (byTopic[String(t.id)] ?? '') : (cls.homeroomLecturerId ?? '')}
                        onChange={(e) => setByTopic({ ...byTopic, [String(t.id)]: e.target.value === '' ? null : Number(e.target.value) })}
                        slotProps={{ select: { displayEmpty: true } }}
                      >
                        <MenuItem value="">Chưa phân công</MenuItem>
                        {(lecturers.data ?? [])
                          .filter((l) => !l.archivedAt)
                          .map((l) => (
                            <MenuItem key={l.id} value={l.id}>
                              {l.fullName}
                            </MenuItem>
                          ))}
                      </TextField>
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          )}
          {program.data?.topics.length === 0 && (
            <Alert severity="info">
              Chương trình chưa có chuyên đề; hãy nhập chuyên đề ở danh mục chương trình, hoặc thêm từng buổi bằng tay bên dưới.
            </Alert>
          )}
          <Button
            variant="outlined"
            sx={{ mt: 2 }}
            onClick={() => generate.mutate()}
            disabled={busy || !startDate || (!halves.sang && !halves.chieu)}
          >
            Lập lịch (xem trước)
          </Button>
        </Paper>
      )}
      {apiError && <Alert severity="error">{apiError.message}</Alert>}
      {(save.isSuccess || justSaved) && !dirty && <Alert severity="success">Đã lưu lịch học.</Alert>}
      <Paper sx={{ p: 2 }}>
        <Box sx={{ display: 'flex', alignItems: 'center', mb: 1, gap: 2 }}>
          <Typography variant="h2" sx={{ flexGrow: 1 }}>
            Lịch học: {formatNumber(sessions.length)} buổi
            {sessions.length > 0 ? `, từ ${formatDate(sessions[0]!.date)} đến ${formatDate(sessions[sessions.length - 1]!.date)}` : ''}
            {dirty ? ' (chưa lưu)' : ''}
          </Typography>
          {!locked && (
            <>
              <Button
                startIcon={<AddIcon />}
                onClick={() => (
                  setSessions([
                    ...sessions,
                    {
                      date: sessions[sessions.length - 1]?.date ?? cls.startDate,
                      half: 'sang',
                      topicId: null,
                      title: '',
                      lecturerId: cls.homeroomLecturerId,
                      venueId: cls.venueId,
                      periods: 4,
                    },
                  ]),
                  setDirty(true)
                )}
              >
                Thêm buổi
              </Button>
              <Button onClick={() => check.mutate()} disabled={busy}>
                Kiểm tra trùng lịch
              </Button>
              <Button variant="contained" onClick={() => save.mutate()} disabled={busy || !dirty}>
                Lưu lịch học
              </Button>
            </>
          )}
        </Box>
        {generated && dirty && (
          <Alert severity="info" sx={{ mb: 1 }}>
            Đây là bản xem trước; khi lưu, ngày khai giảng và kết thúc của lớp sẽ theo buổi đầu và buổi cuối.
          </Alert>
        )}
        <Box sx={{ mb: 1 }}>
          <ProblemList problems={problems} />
        </Box>
        <Box sx={{ overflowX: 'auto' }}>
          {/* Sized for the 1366-pixel office screen: every column and both buttons in view without scrolling. */}
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
                const ps = rowProblems(i);
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
                      <TextField
                        select
                        aria-label={`Buổi dòng ${i + 1}`}
                        value={s.half}
                        disabled={locked}
                        onChange={(e) => edit(i, { half: e.target.value as Half })}
                      >
                        <MenuItem value="sang">Sáng</MenuItem>
                        <MenuItem value="chieu">Chiều</MenuItem>
                      </TextField>
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
                    <TableCell>
                      <TextField
                        select
                        aria-label={`Giảng viên dòng ${i + 1}`}
                        value={s.lecturerId ?? ''}
                        disabled={locked}
                        onChange={(e) => edit(i, { lecturerId: e.target.value === '' ? null : Number(e.target.value) })}
                        slotProps={{ select: { displayEmpty: true } }}
                      >
                        <MenuItem value="">Chưa phân công</MenuItem>
                        {(lecturers.data ?? []).map((l) => (
                          <MenuItem key={l.id} value={l.id}>
                            {l.fullName}
                            {l.archivedAt ? ' (đã lưu trữ)' : ''}
                          </MenuItem>
                        ))}
                      </TextField>
                    </TableCell>
                    <TableCell>
                      <TextField
                        select
                        aria-label={`Địa điểm dòng ${i + 1}`}
                        value={s.venueId ?? ''}
                        disabled={locked}
                        onChange={(e) => edit(i, { venueId: e.target.value === '' ? null : Number(e.target.value) })}
                        slotProps={{ select: { displayEmpty: true } }}
                      >
                        <MenuItem value="">Không ghi</MenuItem>
                        {(venues.data ?? []).map((v) => (
                          <MenuItem key={v.id} value={v.id}>
                            {v.name}
                            {v.archivedAt ? ' (đã lưu trữ)' : ''}
                          </MenuItem>
                        ))}
                      </TextField>
                    </TableCell>
                    <TableCell>
                      {!locked && (
                        <IconButton
                          aria-label={`Xóa buổi dòng ${i + 1}`}
                          onClick={() => (setSessions(sessions.filter((_, j) => j !== i)), setDirty(true))}
                        >
                          <DeleteIcon fontSize="small" />
                        </IconButton>
                      )}
                    </TableCell>
                  </TableRow>
                );
              })}
            </TableBody>
          </Table>
        </Box>
        {errorCount > 0 && (
          <Typography color="error" variant="body2" sx={{ mt: 1 }}>
            Còn {errorCount} lỗi: lịch chưa lưu được.
          </Typography>
        )}
      </Paper>
    </Box>
  );
}
