import type { Database } from 'better-sqlite3-multiple-ciphers';
import type { SessionInput, TimetableProblem } from '../../../shared/contract/classes';
import { HALF_LABELS, weekday } from '../../../shared/domain/days';
import { formatDate, formatNumber } from '../../../shared/domain/format';
import { fullName } from '../../../shared/domain/text';
import { calendarLookup } from './days-off';

export interface ClassFrame {
  id: number;
  startDate: string;
  endDate: string;
  form: 'full_time' | 'weekend' | 'online';
}

function when(s: { date: string; half: 'sang' | 'chieu' }): string {
  return `${HALF_LABELS[s.half].toLocaleLowerCase('vi')} ${formatDate(s.date)}`;
}

/**
 * Every problem of a timetable before it is saved: sessions outside the class dates, two sessions
 * of the class at once, a lecturer or venue booked by another class, archived lecturers or venues
 * (errors); days off, the wrong kind of day for the class, lecturers past their yearly norm (warnings).
 */
export function checkTimetable(db: Database, cls: ClassFrame, sessions: readonly SessionInput[], adjustDates: boolean): TimetableProblem[] {
  const problems: TimetableProblem[] = [];
  if (sessions.length === 0) return problems;
  const years = sessions.map((s) => Number(s.date.slice(0, 4)));
  const calendar = calendarLookup(db, Math.min(...years), Math.max(...years));
  const lecturers = new Map<number, { name: string; archived: boolean; norm: number | null }>();
  const lecturer = (id: number) => {
    if (!lecturers.has(id)) {
      const r = db.prepare('SELECT family_and_middle, given, archived_at, norm_hours FROM lecturers WHERE id = ?').get(id) as
        { family_and_middle: string; given: string; archived_at: string | null; norm_hours: number | null } | undefined;
      lecturers.set(id, {
        name: r ? fullName({ familyAndMiddle: r.family_and_middle, given: r.given }) : `#${id}`,
        archived: !r || r.archived_at !== null,
        norm: r?.norm_hours ?? null,
      });
    }
    return lecturers.get(id)!;
  };
  const venueState = (id: number) =>
    db.prepare('SELECT name, archived_at FROM venues WHERE id = ?').get(id) as { name: string; archived_at: string | null } | undefined;
  const busyLecturer = db.prepare(`SELECT c.name FROM sessions s JOIN classes c ON c.id = s.class_id
     WHERE s.lecturer_id = ? AND s.date = ? AND s.half = ? AND s.class_id != ? AND c.status != 'cancelled' LIMIT 1`);
  const busyVenue = db.prepare(`SELECT c.name FROM sessions s JOIN classes c ON c.id = s.class_id
     WHERE s.venue_id = ? AND s.date = ? AND s.half = ? AND s.class_id != ? AND c.status != 'cancelled' LIMIT 1`);

  const seen = new Map<string, number>();
  sessions.forEach((s, index) => {
    const error = (kind: TimetableProblem['kind'], message: string) => problems.push({ index, kind, severity: 'error', message });
    const warning = (kind: TimetableProblem['kind'], message: string) => problems.push({ index, kind, severity: 'warning', message });
    if (!adjustDates && (s.date < cls.startDate || s.date > cls.endDate)) {
      error('outside_dates', `Buổi ${when(s)} nằm ngoài thời gian của lớp (${formatDate(cls.startDate)} – ${formatDate(cls.endDate)})`);
    }
    const key = `${s.date}|${s.half}`;
    const first = seen.get(key);
    if (first !== undefined) error('class_overlap', `Hai buổi của lớp cùng vào ${when(s)} (dòng ${first + 1} và ${index + 1})`);
    else seen.set(key, index);
    if (s.lecturerId !== null) {
      const l = lecturer(s.lecturerId);
      if (l.archived) error('archived', `Giảng viên ${l.name} đã ngừng giảng dạy (lưu trữ)`);
      const other = busyLecturer.get(s.lecturerId, s.date, s.half, cls.id) as { name: string } | undefined;
      if (other) error('lecturer_busy', `Giảng viên ${l.name} đã có buổi dạy lớp «${other.name}» vào ${when(s)}`);
    }
    if (s.venueId !== null) {
      const v = venueState(s.venueId);
      if (!v || v.archived_at) error('archived', `Địa điểm ${v?.name ?? `#${s.venueId}`} đã ngừng sử dụng (lưu trữ)`);
      const other = busyVenue.get(s.venueId, s.date, s.half, cls.id) as { name: string } | undefined;
      if (other) error('venue_busy', `Địa điểm ${v?.name ?? ''} đã có lớp «${other.name}» học vào ${when(s)}`);
    }
    const dayOff = calendar.dayOffName(s.date);
    if (dayOff) warning('holiday', `${formatDate(s.date)} là ngày nghỉ: ${dayOff}`);
    const wd = weekday(s.date);
    const weekend = wd === 0 || wd === 6;
    if (cls.form === 'weekend' && !weekend) warning('weekend', `Lớp học cuối tuần nhưng ${formatDate(s.date)} là ngày thường`);
    if (cls.form !== 'weekend' && weekend && !calendar.isWorkingDay(s.date)) {
      warning('weekend', `${formatDate(s.date)} là ${wd === 0 ? 'Chủ nhật' : 'Thứ Bảy'}`);
    }
  });

  // Norms are yearly: what the lecturer teaches elsewhere that year plus this timetable.
  const taught = db.prepare(`SELECT coalesce(sum(s.periods), 0) AS periods FROM sessions s JOIN classes c ON c.id = s.class_id
     WHERE s.lecturer_id = ? AND s.date >= ? AND s.date <= ? AND s.class_id != ? AND c.status != 'cancelled'`);
  const load = new Map<string, number>();
  for (const s of sessions) {
    if (s.lecturerId === null) continue;
    const k = `${s.lecturerId}|${s.date.slice(0, 4)}`;
    load.set(k, (load.get(k) ?? 0) + s.periods);
  }
  for (const [k, periods] of load) {
    const [lecturerId, year] = k.split('|').map(Number) as [number, number];
    const l = lecturer(lecturerId);
    if (l.norm === null) continue;
    const other = (taught.get(lecturerId, `${year}-01-01`, `${year}-12-31`, cls.id) as { periods: number }).periods;
    if (other + periods > l.norm) {
      problems.push({
        index: null,
        kind: 'norm',
        severity: 'warning',
        message: `Giảng viên ${l.name}: ${formatNumber(other + periods)} giờ năm ${year}, vượt định mức ${formatNumber(l.norm)} giờ`,
      });
    }
  }
  return problems;
}
