import type { Database } from 'better-sqlite3-multiple-ciphers';
import type { SessionInput, TimetableProblem } from '../../../shared/contract/timetable';
import { HALF_LABELS, weekday } from '../../../shared/domain/days';
import { formatDate, formatNumber } from '../../../shared/domain/format';
import { calendarLookup } from '../holidays/days-off';
import { lecturersByIds, venuesByIds } from '../lecturers/store';
import { bookedBy, periodsElsewhere } from './store';

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
  const lecturers = lecturersByIds(
    db,
    sessions.map((s) => s.lecturerId),
  );
  const lecturer = (id: number) => {
    const l = lecturers.get(id);
    return { name: l?.fullName ?? `#${id}`, archived: !l || l.archivedAt !== null, norm: l?.normHours ?? null };
  };
  const venues = venuesByIds(
    db,
    sessions.map((s) => s.venueId),
  );

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
      const other = bookedBy(db, 'lecturer_id', s.lecturerId, s.date, s.half, cls.id);
      if (other) error('lecturer_busy', `Giảng viên ${l.name} đã có buổi dạy lớp «${other.name}» vào ${when(s)}`);
    }
    if (s.venueId !== null) {
      const v = venues.get(s.venueId);
      if (!v || v.archivedAt) error('archived', `Địa điểm ${v?.name ?? `#${s.venueId}`} đã ngừng sử dụng (lưu trữ)`);
      const other = bookedBy(db, 'venue_id', s.venueId, s.date, s.half, cls.id);
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
    const other = periodsElsewhere(db, lecturerId, year, cls.id);
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
