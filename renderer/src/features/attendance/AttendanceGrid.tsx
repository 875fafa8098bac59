import DoneAllIcon from '@mui/icons-material/DoneAll';
import { Box, Button, IconButton } from '@mui/material';
import { useRef, useState, type KeyboardEvent } from 'react';
import type { Output } from '../../../../shared/contract';
import { HALF_LABELS, weekdayName } from '../../../../shared/domain/days';
import type { AttendanceMark } from '../../../../shared/domain/eligibility';
import { formatDate, formatPercent } from '../../../../shared/domain/format';
import { changeKey, type MarkChange } from './useAttendanceSaver';

export type AttendanceGridData = Output<'attendance.grid'>;
type Row = AttendanceGridData['rows'][number];
type Session = AttendanceGridData['sessions'][number];

const MARK_TEXT: Record<AttendanceMark, string> = { present: '✓', excused: 'P', unexcused: 'K' };
const MARK_WORDS: Record<AttendanceMark, string> = { present: 'có mặt', excused: 'vắng có phép', unexcused: 'vắng không phép' };
/** By the key's character, then by the physical key, so the marks work with a Vietnamese input method on. */
const BY_KEY: Record<string, AttendanceMark | null> = {
  c: 'present',
  ' ': 'present',
  p: 'excused',
  k: 'unexcused',
  delete: null,
  backspace: null,
};
const BY_CODE: Record<string, AttendanceMark | null> = {
  KeyC: 'present',
  Space: 'present',
  KeyP: 'excused',
  KeyK: 'unexcused',
  Delete: null,
  Backspace: null,
};

const NAME_W = 240;
const ABSENT_W = 120;
const SESSION_W = 58;
/** The header row takes part in the keyboard navigation: its cells are the "Cả buổi có mặt" buttons. */
const HEADER = -1;

const dayMonth = (iso: string) => formatDate(iso).slice(0, 5);
export const sessionLabel = (s: Session) => `${HALF_LABELS[s.half].toLocaleLowerCase('vi')} ${dayMonth(s.date)}`;

/**
 * Rows are learners, columns sessions. One cell is in the tab order at a time (roving tabIndex);
 * arrows move it, letters set the mark. Cells are plain table cells rather than MUI components:
 * a long course has thousands of them and every move re-renders the grid.
 */
export function AttendanceGrid(props: {
  grid: AttendanceGridData;
  pending: ReadonlyMap<string, MarkChange>;
  onEdit: (changes: MarkChange[]) => void;
  onNotice: (text: string) => void;
}) {
  const { grid, pending } = props;
  const { rows, sessions } = grid;
  const [focus, setFocus] = useState({ r: 0, c: 0 });
  const cells = useRef(new Map<string, HTMLElement>());
  const fr = Math.min(focus.r, rows.length - 1);
  const fc = Math.min(focus.c, sessions.length - 1);

  const markOf = (row: Row, c: number): AttendanceMark | null => {
    const p = pending.get(changeKey(row.enrollmentId, sessions[c]!.id));
    return p ? p.mark : (row.marks[c] ?? null);
  };
  const moveTo = (r: number, c: number) => {
    const nr = Math.max(HEADER, Math.min(rows.length - 1, r));
    const nc = Math.max(0, Math.min(sessions.length - 1, c));
    // A header button with nothing left to fill is disabled and cannot take focus: stay put.
    if (nr === HEADER && blanks(nc).length === 0) return;
    setFocus({ r: nr, c: nc });
    cells.current.get(`${nr}:${nc}`)?.focus();
  };
  const setMark = (r: number, c: number, mark: AttendanceMark | null) => {
    const row = rows[r];
    if (!row) return;
    // A withdrawn learner's old mark can still be cleared (say, to delete that session).
    if (row.withdrawn && mark !== null) {
      props.onNotice(`${row.fullName} đã thôi học: không điểm danh được.`);
      return;
    }
    if (markOf(row, c) !== mark) props.onEdit([{ enrollmentId: row.enrollmentId, sessionId: sessions[c]!.id, mark }]);
  };
  const blanks = (c: number) => rows.filter((row) => !row.withdrawn && markOf(row, c) === null);
  const fill = (c: number) => {
    props.onEdit(blanks(c).map((row) => ({ enrollmentId: row.enrollmentId, sessionId: sessions[c]!.id, mark: 'present' as const })));
    // The button is disabled once the column is full; the clerk goes on with the absentees below it.
    moveTo(0, c);
  };

  const onKeyDown = (e: KeyboardEvent, r: number, c: number) => {
    if (e.altKey || e.metaKey) return;
    const page = 10;
    const moves: Record<string, [number, number]> = {
      ArrowUp: [r - 1, c],
      ArrowDown: [r + 1, c],
      ArrowLeft: [r, c - 1],
      ArrowRight: [r, c + 1],
      Home: e.ctrlKey ? [0, 0] : [r, 0],
      End: e.ctrlKey ? [rows.length - 1, sessions.length - 1] : [r, sessions.length - 1],
      PageUp: [Math.max(0, r - page), c],
      PageDown: [r + page, c],
    };
    const move = moves[e.key];
    if (move) {
      e.preventDefault();
      moveTo(move[0], move[1]);
      return;
    }
    if (r === HEADER || e.ctrlKey) return;
    const key = e.key.toLowerCase();
    const mark = key in BY_KEY ? BY_KEY[key] : e.code in BY_CODE ? BY_CODE[e.code] : undefined;
    if (mark === undefined) return;
    e.preventDefault();
    setMark(r, c, mark);
  };
  const cellRef = (r: number, c: number) => (el: HTMLElement | null) => {
    if (el) cells.current.set(`${r}:${c}`, el);
    else cells.current.delete(`${r}:${c}`);
  };
  const tab = (r: number, c: number) => (r === fr && c === fc ? 0 : -1);

  return (
    <>
      <Box sx={{ display: 'flex', gap: 1, mb: 1, flexWrap: 'wrap' }} onMouseDown={(e) => e.preventDefault()}>
        {(
          [
            ['present', 'Có mặt (C)'],
            ['excused', 'Vắng có phép (P)'],
            ['unexcused', 'Vắng không phép (K)'],
            [null, 'Xóa (Delete)'],
          ] as const
        ).map(([mark, label]) => (
          <Button
            key={label}
            size="small"
            variant="outlined"
            disabled={fr === HEADER || (rows[fr]?.withdrawn === true && mark !== null)}
            onClick={() => {
              setMark(fr, fc, mark);
              cells.current.get(`${fr}:${fc}`)?.focus();
            }}
          >
            {label}
          </Button>
        ))}
      </Box>
      <Box
        sx={{
          overflow: 'auto',
          maxHeight: 'calc(100vh - 400px)',
          minHeight: 240,
          border: 1,
          borderColor: 'divider',
          borderRadius: 1,
          scrollPaddingLeft: NAME_W + ABSENT_W,
          scrollPaddingTop: 64,
        }}
      >
        <Box
          component="table"
          role="grid"
          aria-label="Điểm danh"
          aria-rowcount={rows.length + 1}
          aria-colcount={sessions.length + 2}
          sx={{
            borderCollapse: 'separate',
            borderSpacing: 0,
            fontSize: 14,
            '& th, & td': { borderBottom: 1, borderRight: 1, borderColor: 'divider', p: 0, bgcolor: 'background.paper' },
            '& thead th': { position: 'sticky', top: 0, zIndex: 2, fontWeight: 600, verticalAlign: 'bottom' },
            '& .name': {
              position: 'sticky',
              left: 0,
              zIndex: 1,
              width: NAME_W,
              minWidth: NAME_W,
              maxWidth: NAME_W,
              textAlign: 'left',
              px: 1.5,
              fontWeight: 400,
            },
            '& .absent': {
              position: 'sticky',
              left: NAME_W,
              zIndex: 1,
              width: ABSENT_W,
              minWidth: ABSENT_W,
              textAlign: 'right',
              px: 1.5,
              whiteSpace: 'nowrap',
            },
            '& thead .name, & thead .absent': { zIndex: 3, fontWeight: 600 },
            '& .absent.over': { color: 'error.main', fontWeight: 600 },
            '& .mark': {
              width: SESSION_W,
              minWidth: SESSION_W,
              height: 34,
              textAlign: 'center',
              cursor: 'cell',
              fontWeight: 600,
              userSelect: 'none',
            },
            '& .mark[data-mark="present"]': { color: 'success.dark' },
            '& .mark[data-mark="excused"]': { color: 'warning.dark', bgcolor: '#fff6e5' },
            '& .mark[data-mark="unexcused"]': { color: 'error.main', bgcolor: '#fdecea' },
            '& tr.withdrawn td, & tr.withdrawn th': { color: 'text.secondary', bgcolor: 'grey.100', cursor: 'default' },
            '& tbody tr:hover th, & tbody tr:hover .mark:not([data-mark])': { bgcolor: 'action.hover' },
            '& [tabindex]:focus': { outline: '2px solid', outlineColor: 'primary.main', outlineOffset: -2 },
            '& .session': { width: SESSION_W, minWidth: SESSION_W, textAlign: 'center', lineHeight: 1.3, pt: 0.5 },
          }}
        >
          <thead>
            <tr>
              <th className="name" scope="col">
                Họ và tên
              </th>
              <th className="absent" scope="col">
                Vắng (tối đa {grid.maxAbsencePct}%)
              </th>
              {sessions.map((s, c) => (
                <th
                  key={s.id}
                  className="session"
                  scope="col"
                  title={`${weekdayName(s.date)} ${formatDate(s.date)}, buổi ${HALF_LABELS[s.half].toLocaleLowerCase('vi')}: ${s.title}`}
                >
                  <div>{dayMonth(s.date)}</div>
                  {/* Spelled out: a lone "C" would read as the key for "có mặt". */}
                  <div style={{ fontSize: 12 }}>{s.half === 'sang' ? 'Sáng' : 'Chiều'}</div>
                  <IconButton
                    size="small"
                    ref={cellRef(HEADER, c)}
                    tabIndex={tab(HEADER, c)}
                    aria-label={`Cả buổi có mặt, ${sessionLabel(s)}`}
                    title="Cả buổi có mặt: ghi có mặt cho mọi học viên chưa điểm danh buổi này"
                    disabled={blanks(c).length === 0}
                    onFocus={() => setFocus({ r: HEADER, c })}
                    onKeyDown={(e) => onKeyDown(e, HEADER, c)}
                    onClick={() => fill(c)}
                  >
                    <DoneAllIcon fontSize="small" />
                  </IconButton>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row, r) => {
              const marks = sessions.map((_, c) => markOf(row, c));
              const absent = marks.filter((m) => m === 'excused' || m === 'unexcused').length;
              const over = absent * 100 > grid.maxAbsencePct * sessions.length;
              return (
                <tr key={row.enrollmentId} className={row.withdrawn ? 'withdrawn' : undefined}>
                  <th className="name" scope="row">
                    {row.fullName}
                    {row.withdrawn ? ' (thôi học)' : ''}
                    <Box
                      component="span"
                      sx={{
                        display: 'block',
                        fontSize: 12,
                        color: 'text.secondary',
                        whiteSpace: 'nowrap',
                        overflow: 'hidden',
                        textOverflow: 'ellipsis',
                      }}
                    >
                      {[formatDate(row.birthDate), row.unitName].filter(Boolean).join(' · ')}
                    </Box>
                  </th>
                  <td
                    className={over ? 'absent over' : 'absent'}
                    role="gridcell"
                    aria-label={`${row.fullName}: vắng ${absent}/${sessions.length} buổi${over ? ', quá giới hạn' : ''}`}
                  >
                    {absent}/{sessions.length} ({formatPercent(sessions.length ? absent / sessions.length : 0, 0)})
                  </td>
                  {sessions.map((s, c) => {
                    const m = marks[c] ?? null;
                    return (
                      <td
                        key={s.id}
                        ref={cellRef(r, c)}
                        className="mark"
                        role="gridcell"
                        data-mark={m ?? undefined}
                        tabIndex={tab(r, c)}
                        aria-readonly={row.withdrawn || undefined}
                        aria-label={`${row.fullName}, ${sessionLabel(s)}: ${row.withdrawn ? 'đã thôi học' : m ? MARK_WORDS[m] : 'chưa điểm danh'}`}
                        onFocus={() => setFocus({ r, c })}
                        onKeyDown={(e) => onKeyDown(e, r, c)}
                      >
                        {m ? MARK_TEXT[m] : ''}
                      </td>
                    );
                  })}
                </tr>
              );
            })}
          </tbody>
        </Box>
      </Box>
    </>
  );
}
