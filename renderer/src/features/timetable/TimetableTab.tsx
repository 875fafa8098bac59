import AddIcon from '@mui/icons-material/Add';
import { Alert, Box, Button, Paper, Typography } from '@mui/material';
import { useState } from 'react';
import type { Output } from '../../../../shared/contract';
import type { ClassRow } from '../../../../shared/contract/classes';
import type { SessionInput, TimetableProblem } from '../../../../shared/contract/timetable';
import { formatDate, formatNumber } from '../../../../shared/domain/format';
import { ErrorAlert } from '../../components/form/ErrorAlert';
import { GeneratePanel } from './GeneratePanel';
import { ProblemList } from './ProblemList';
import { useCheckTimetable, useGenerateTimetable, useSaveTimetable, useTimetable } from './queries';
import { SessionTable } from './SessionTable';

type Timetable = Output<'timetable.get'>;

/** Sessions are edited here as a whole list; the core checks the list and saves it in one transaction. */
export function TimetableTab({ cls }: { cls: ClassRow }) {
  const saved = useTimetable(cls.id);
  // The editor remounts on the refetched timetable after a save; the notice lives here so it survives that.
  const [justSaved, setJustSaved] = useState(false);
  if (!saved.data) return <ErrorAlert error={saved.error} />;
  return (
    <TimetableEditor
      key={`${cls.id}-${saved.dataUpdatedAt}`}
      cls={cls}
      initial={saved.data}
      justSaved={justSaved}
      onSaved={() => setJustSaved(true)}
    />
  );
}

const withoutNames = (t: Timetable): SessionInput[] => t.sessions.map(({ lecturerName: _l, venueName: _v, ...s }) => s);

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
  const [sessions, setSessions] = useState<SessionInput[]>(withoutNames(initial));
  const [problems, setProblems] = useState<TimetableProblem[]>(initial.problems);
  const [generated, setGenerated] = useState(false);
  const [dirty, setDirty] = useState(false);
  const locked = ['finished', 'results_recognised', 'certificates_issued', 'cancelled'].includes(cls.status);

  const apply = (t: Timetable) => {
    setSessions(withoutNames(t));
    setProblems(t.problems);
  };
  const generate = useGenerateTimetable({
    onSuccess: (t) => {
      apply(t);
      setGenerated(true);
      setDirty(true);
    },
  });
  const check = useCheckTimetable({ onSuccess: apply });
  const save = useSaveTimetable({
    onSuccess: () => {
      setDirty(false);
      onSaved();
    },
  });
  const asked = { classId: cls.id, sessions, adjustClassDates: generated };
  const change = (next: SessionInput[]) => {
    setSessions(next);
    setDirty(true);
  };
  const errorCount = problems.filter((p) => p.severity === 'error').length;
  const busy = generate.isPending || check.isPending || save.isPending;
  const apiError = generate.error ?? check.error ?? save.error;
  const newSession: SessionInput = {
    date: sessions[sessions.length - 1]?.date ?? cls.startDate,
    half: 'sang',
    topicId: null,
    title: '',
    lecturerId: cls.homeroomLecturerId,
    venueId: cls.venueId,
    periods: 4,
  };

  return (
    // minmax(0, 1fr): a grid item may be narrower than its content, so a wide table scrolls in its box, not the page.
    <Box sx={{ display: 'grid', gridTemplateColumns: 'minmax(0, 1fr)', gap: 2 }}>
      {!locked && <GeneratePanel cls={cls} busy={busy} onGenerate={(request) => generate.mutate(request)} />}
      <ErrorAlert error={apiError} />
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
              <Button startIcon={<AddIcon />} onClick={() => change([...sessions, newSession])}>
                Thêm buổi
              </Button>
              <Button onClick={() => check.mutate(asked)} disabled={busy}>
                Kiểm tra trùng lịch
              </Button>
              <Button variant="contained" onClick={() => save.mutate(asked)} disabled={busy || !dirty}>
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
          <SessionTable
            sessions={sessions}
            problems={problems}
            locked={locked}
            onEdit={(i, patch) => {
              setSessions((all) => all.map((s, j) => (j === i ? { ...s, ...patch } : s)));
              setDirty(true);
            }}
            onRemove={(i) => change(sessions.filter((_, j) => j !== i))}
          />
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
