import type { z } from 'zod';
import type { SessionInput, TimetableProblem, timetableChannels } from '../../../shared/contract/timetable';
import { formatDate } from '../../../shared/domain/format';
import { PERIODS_PER_SESSION } from '../../../shared/domain/lecturer-norms';
import { LUNAR_MAX_YEAR } from '../../../shared/domain/lunar';
import { generateTimetable } from '../../../shared/domain/timetable';
import type { AppCore } from '../app-core';
import { audit } from '../audit-store';
import { getClass, writeDates } from '../classes/store';
import { AppError } from '../errors';
import type { Handlers } from '../handler';
import { calendarLookup } from '../holidays/days-off';
import { lecturersByIds, venuesByIds } from '../lecturers/store';
import { programTopics } from '../programs/store';
import { checkTimetable, type ClassFrame } from './check';
import * as store from './store';

type Channels = typeof timetableChannels;
type Timetable = z.infer<Channels['timetable.get']['output']>;

const LOCKED = new Set(['finished', 'results_recognised', 'certificates_issued', 'cancelled']);

function frame(
  ctx: AppCore,
  classId: number,
): ClassFrame & { venueId: number | null; programId: number; homeroom: number | null; status: string } {
  const c = getClass(ctx.db, classId);
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
  const lecturers = lecturersByIds(
    ctx.db,
    sessions.map((s) => s.lecturerId),
  );
  const venues = venuesByIds(
    ctx.db,
    sessions.map((s) => s.venueId),
  );
  return sessions.map((s) => ({
    ...s,
    lecturerName: s.lecturerId === null ? null : (lecturers.get(s.lecturerId)?.fullName ?? null),
    venueName: s.venueId === null ? null : (venues.get(s.venueId)?.name ?? null),
  }));
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

function generate(ctx: AppCore, input: z.output<Channels['timetable.generate']['input']>): Timetable {
  const f = frame(ctx, input.classId);
  const topics = programTopics(ctx.db, f.programId);
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
    const existing = store.sessionIdsOf(db, classId);
    for (const s of sessions) {
      if (s.id !== undefined && !existing.has(s.id))
        throw new AppError('INVALID_INPUT', 'Buổi học không thuộc lớp này; hãy tải lại trang.');
    }
    const keep = new Set(sessions.flatMap((s) => (s.id === undefined ? [] : [s.id])));
    const dropped = [...existing].filter((sid) => !keep.has(sid));
    const hit = store.firstMarkedSession(db, dropped);
    if (hit) {
      throw new AppError(
        'SESSION_HAS_ATTENDANCE',
        `Buổi ${hit.half === 'sang' ? 'sáng' : 'chiều'} ${formatDate(hit.date)} đã điểm danh; không xóa được. Hãy xóa điểm danh buổi đó trước, hoặc đổi ngày thay vì xóa.`,
      );
    }
    store.writeSessions(db, classId, sessions, dropped);
    if (adjustDates && sessions.length > 0) {
      writeDates(db, classId, sessions[0]!.date, sessions[sessions.length - 1]!.date, ctx.now().toISOString());
    }
    audit(ctx, { action: 'update', entity: 'timetable', entityId: classId, after: { sessions: sessions.length, adjustDates } });
    return result(ctx, store.loadSessions(db, classId), problems);
  })();
}

export const timetableHandlers: Handlers<Channels> = {
  'timetable.get': (ctx, input) => {
    const f = frame(ctx, input.classId);
    const sessions = store.loadSessions(ctx.db, input.classId);
    return result(ctx, sessions, checkTimetable(ctx.db, f, sessions, false));
  },
  'timetable.generate': (ctx, input) => generate(ctx, input),
  'timetable.check': (ctx, input) => {
    const sessions = sorted(input.sessions);
    return result(ctx, sessions, checkTimetable(ctx.db, frame(ctx, input.classId), sessions, input.adjustClassDates));
  },
  'timetable.save': (ctx, input) => save(ctx, input.classId, input.sessions, input.adjustClassDates),
};
