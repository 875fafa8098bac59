import { addDays, weekday, type Half } from './days';

export interface TopicLoad {
  topicId: number;
  title: string;
  sessions: number;
  lecturerId: number | null;
}

export interface PlannedSession {
  date: string;
  half: Half;
  topicId: number | null;
  title: string;
  lecturerId: number | null;
  venueId: number | null;
  periods: number;
}

export interface GenerateOptions {
  startDate: string;
  topics: readonly TopicLoad[];
  /** Weekend classes meet on Saturdays and Sundays only; the others skip them. */
  weekendClass: boolean;
  halves: readonly Half[];
  venueId: number | null;
  periods: number;
  isDayOff: (iso: string) => boolean;
  /** Swapped working days: a Saturday worked to make a bridge counts as a weekday. */
  isWorkingDay: (iso: string) => boolean;
}

/**
 * Lays the program's topics, in order, over the days from the start date: morning and afternoon,
 * skipping weekends (or weekdays, for a weekend class) and the days off. A year of days is the limit.
 */
export function generateTimetable(o: GenerateOptions): PlannedSession[] {
  const queue = o.topics.flatMap((t) => Array.from({ length: t.sessions }, () => t));
  const out: PlannedSession[] = [];
  let date = o.startDate;
  for (let day = 0; queue.length > 0 && day < 366; day++, date = addDays(date, 1)) {
    const wd = weekday(date);
    const weekend = wd === 0 || wd === 6;
    const teaching = o.weekendClass ? weekend && !o.isDayOff(date) : (!weekend || o.isWorkingDay(date)) && !o.isDayOff(date);
    if (!teaching) continue;
    for (const half of o.halves) {
      const t = queue.shift();
      if (!t) break;
      out.push({ date, half, topicId: t.topicId, title: t.title, lecturerId: t.lecturerId, venueId: o.venueId, periods: o.periods });
    }
  }
  return out;
}
