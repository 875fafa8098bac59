import type { z } from 'zod';
import type { classesChannels, SessionInput, TimetableProblem } from '../../../shared/contract/classes';
import { addDays } from '../../../shared/domain/days';
import { formatDate } from '../../../shared/domain/format';
import { PERIODS_PER_SESSION } from '../../../shared/domain/lecturer-norms';
import { LUNAR_MAX_YEAR } from '../../../shared/domain/lunar';
import { fullName } from '../../../shared/domain/text';
import { generateTimetable } from '../../../shared/domain/timetable';
import type { AppCore } from '../app-core';
import { audit } from '../audit';
import { AppError } from '../errors';
import { calendarLookup } from '../classes/days-off';
import { checkTimetable, type ClassFrame } from '../classes/timetable-check';
import { getClass } from './classes';
import type { Handlers } from '../handler';

type Timetable = z.infer<(typeof classesChannels)['timetable.get']['output']>;

const LOCKED = new Set(['finished', 'results_recognised', 'certificates_issued', 'cancelled']);

function frame(
  ctx: AppCore,
  classId: number,
): ClassFrame & { venueId: number | null; programId: number; homeroom: number | null; status: string } {
  const c = getClass(ctx, classId);
  return {
    id: c.id,
    startDate: c.startDate,
    endDate: c.endDate,
    form: c.form,
    venueId: c.venueId,
    programId: c.programId,
    homeroom: c.homeroomLecturerId,
    status: c.status,
  };
}

/** Names for display, looked up once per timetable. */
function withNames(ctx: AppCore, sessions: readonly SessionInput[]): Timetable['sessions'] {
  const lecturer = ctx.db.prepare('SELECT family_and_middle, given FROM lecturers WHERE id = ?');
  const venue = ctx.db.prepare('SELECT name FROM venues WHERE id = ?');
  return sessions.map((s) => {
    const l = s.lecturerId === null ? undefined : (lecturer.get(s.lecturerId) as { family_and_middle: string; given: string } | undefined);
    const v = s.venueId === null ? undefined : (venue.get(s.venueId) as { name: string } | undefined);
    return {
      ...s,
      lecturerName: l ? fullName({ familyAndMiddle: l.family_and_middle, given: l.given }) : null,
      venueName: v?.name ?? null,
    };
  });
}

function sorted(sessions: readonly SessionInput[]): SessionInput[] {
  return [...sessions].sort((a, b) => a.date.localeCompare(b.date) || (a.half === b.half ? 0 : a.half === 'sang' ? -1 : 1));
}

function result(ctx: AppCore, sessions: SessionInput[], problems: TimetableProblem[]): Timetable {
  return {
    sessions: withNames(ctx, sessions),
    problems,
    startDate: sessions[0]?.date ?? null,
    endDate: sessions[sessions.length - 1]?.date ?? null,
  };
}

export function loadSessions(ctx: AppCore, classId: number): SessionInput[] {
  return ctx.db
    .prepare(
      `SELECT id, date, half, topic_id AS topicId, title, lecturer_id AS lecturerId, venue_id AS venueId, periods
       FROM sessions WHERE class_id = ? ORDER BY date, half = 'chieu', position`,
    )
    .all(classId) as SessionInput[];
}

function generate(ctx: AppCore, input: z.output<(typeof classesChannels)['timetable.generate']['input']>): Timetable {
  const f = frame(ctx, input.classId);
  const topics = ctx.db
    .prepare('SELECT id, title, sessions FROM program_topics WHERE program_id = ? ORDER BY position')
    .all(f.programId) as { id: number; title: string; sessions: number }[];
  if (topics.length === 0) {
    throw new AppError('NO_TOPICS', 'Chương trình của lớp chưa có chuyên đề nào; hãy nhập chuyên đề trong danh mục chương trình trước.');
  }
  const startYear = Number(input.startDate.slice(0, 4));
  // The holiday calendar ends with lunar 2100: a start late in 2100 places nothing after it.
  const calendar = calendarLookup(ctx.db, startYear, Math.min(startYear + 1, LUNAR_MAX_YEAR));
  const lastDay = `${LUNAR_MAX_YEAR}-12-31`;
  const planned = generateTimetable({
    startDate: input.startDate,
    topics: topics.map((t) => ({
      topicId: t.id,
      title: t.title,
      sessions: t.sessions,
      lecturerId: String(t.id) in input.lecturerByTopic ? input.lecturerByTopic[String(t.id)]! : f.homeroom,
    })),
    weekendClass: f.form === 'weekend',
    halves: [...new Set(input.halves)].sort((a) => (a === 'sang' ? -1 : 1)),
    venueId: f.venueId,
    periods: PERIODS_PER_SESSION,
    isDayOff: (date) => date > lastDay || calendar.isDayOff(date),
    isWorkingDay: calendar.isWorkingDay,
  });
  const total = topics.reduce((s, t) => s + t.sessions, 0);
  const problems = checkTimetable(ctx.db, f, planned, true);
  if (planned.length < total) {
    problems.unshift({
      index: null,
      kind: 'not_placed',
      severity: 'error',
      message: `Chỉ xếp được ${planned.length}/${total} buổi trong một năm kể từ ngày bắt đầu.`,
    });
  }
  return result(ctx, planned, problems);
}

/**
 * Saves the whole timetable in one transaction: sessions keep their ids (attendance points at them),
 * new ones are added, removed ones deleted. Refused while any error remains.
 */
function save(ctx: AppCore, classId: number, input: SessionInput[], adjustDates: boolean): Timetable {
  const db = ctx.db;
  return db.transaction(() => {
    const f = frame(ctx, classId);
    if (LOCKED.has(f.status)) throw new AppError('LOCKED', 'Lớp đã kết thúc hoặc đã hủy; lịch học không sửa được nữa.');
    const sessions = sorted(input);
    const problems = checkTimetable(db, f, sessions, adjustDates);
    const errors = problems.filter((p) => p.severity === 'error');
    if (errors.length > 0) {
      throw new AppError(
        'TIMETABLE_PROBLEMS',
        `Lịch học còn ${errors.length} lỗi, chưa lưu: ${errors[0]!.message}${errors.length > 1 ? '…' : ''}`,
      );
    }
    const existing = new Set((db.prepare('SELECT id FROM sessions WHERE class_id = ?').all(classId) as { id: number }[]).map((r) => r.id));
    for (const s of sessions) {
      if (s.id !== undefined && !existing.has(s.id))
        throw new AppError('INVALID_INPUT', 'Buổi học không thuộc lớp này; hãy tải lại trang.');
    }
    const keep = new Set(sessions.flatMap((s) => (s.id === undefined ? [] : [s.id])));
    const dropped = [...existing].filter((sid) => !keep.has(sid));
    const marked = db.prepare(
      'SELECT s.date, s.half FROM attendance a JOIN sessions s ON s.id = a.session_id WHERE a.session_id = ? LIMIT 1',
    );
    for (const sid of dropped) {
      const hit = marked.get(sid) as { date: string; half: string } | undefined;
      if (hit) {
        throw new AppError(
          'SESSION_HAS_ATTENDANCE',
          `Buổi ${hit.half === 'sang' ? 'sáng' : 'chiều'} ${formatDate(hit.date)} đã điểm danh; không xóa được. Hãy xóa điểm danh buổi đó trước, hoặc đổi ngày thay vì xóa.`,
        );
      }
    }
    const remove = db.prepare('DELETE FROM sessions WHERE id = ?');
    for (const sid of dropped) remove.run(sid);
    const update = db.prepare(
      'UPDATE sessions SET date = ?, half = ?, topic_id = ?, title = ?, lecturer_id = ?, venue_id = ?, periods = ?, position = ? WHERE id = ?',
    );
    const insert = db.prepare(
      'INSERT INTO sessions (class_id, date, half, topic_id, title, lecturer_id, venue_id, periods, position) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
    );
    sessions.forEach((s, i) => {
      if (s.id !== undefined) update.run(s.date, s.half, s.topicId, s.title, s.lecturerId, s.venueId, s.periods, i + 1, s.id);
      else insert.run(classId, s.date, s.half, s.topicId, s.title, s.lecturerId, s.venueId, s.periods, i + 1);
    });
    if (adjustDates && sessions.length > 0) {
      db.prepare('UPDATE classes SET start_date = ?, end_date = ?, updated_at = ? WHERE id = ?').run(
        sessions[0]!.date,
        sessions[sessions.length - 1]!.date,
        ctx.now().toISOString(),
        classId,
      );
    }
    audit(ctx, { action: 'update', entity: 'timetable', entityId: classId, after: { sessions: sessions.length, adjustDates } });
    return result(ctx, loadSessions(ctx, classId), problems);
  })();
}

export const timetableHandlers: Handlers<
  Pick<typeof classesChannels, 'timetable.get' | 'timetable.generate' | 'timetable.check' | 'timetable.save' | 'calendar.sessions'>
> = {
  'timetable.get': (ctx, input) => {
    const f = frame(ctx, input.classId);
    const sessions = loadSessions(ctx, input.classId);
    return result(ctx, sessions, checkTimetable(ctx.db, f, sessions, false));
  },
  'timetable.generate': (ctx, input) => generate(ctx, input),
  'timetable.check': (ctx, input) => {
    const sessions = sorted(input.sessions);
    return result(ctx, sessions, checkTimetable(ctx.db, frame(ctx, input.classId), sessions, input.adjustClassDates));
  },
  'timetable.save': (ctx, input) => save(ctx, input.classId, input.sessions, input.adjustClassDates),
  'calendar.sessions': (ctx, input) => {
    if (input.to > addDays(input.from, 62)) throw new AppError('INVALID_INPUT', 'Chỉ xem tối đa hai tháng một lần.');
    const rows = ctx.db
      .prepare(
        `SELECT s.class_id AS classId, c.name AS className, s.date, s.half, s.title, l.family_and_middle AS lf, l.given AS lg, v.name AS venueName
         FROM sessions s JOIN classes c ON c.id = s.class_id
         LEFT JOIN lecturers l ON l.id = s.lecturer_id LEFT JOIN venues v ON v.id = s.venue_id
         WHERE s.date >= ? AND s.date <= ? AND c.status != 'cancelled'
           AND (? IS NULL OR s.lecturer_id = ?) AND (? IS NULL OR s.venue_id = ?)
         ORDER BY s.date, s.half = 'chieu', c.name`,
      )
      .all(input.from, input.to, input.lecturerId, input.lecturerId, input.venueId, input.venueId) as {
      classId: number;
      className: string;
      date: string;
      half: 'sang' | 'chieu';
      title: string;
      lf: string | null;
      lg: string | null;
      venueName: string | null;
    }[];
    return rows.map((r) => ({
      classId: r.classId,
      className: r.className,
      date: r.date,
      half: r.half,
      title: r.title,
      lecturerName: r.lg ? fullName({ familyAndMiddle: r.lf ?? '', given: r.lg }) : null,
      venueName: r.venueName,
    }));
  },
};
