import type { Database } from 'better-sqlite3-multiple-ciphers';
import type { z } from 'zod';
import type { calendarItemSchema } from '../../../shared/contract/calendar';
import { fullName } from '../../../shared/domain/text';
import { cachedStatement } from '../db/statements';

type CalendarItem = z.infer<typeof calendarItemSchema>;

/** The sessions of classes not cancelled between two dates, of one lecturer or one venue when given. */
export function sessionsBetween(db: Database, from: string, to: string, lecturerId: number | null, venueId: number | null): CalendarItem[] {
  const rows = cachedStatement<(string | number | null)[], Omit<CalendarItem, 'lecturerName'> & { lf: string | null; lg: string | null }>(
    db,
    `SELECT s.class_id AS classId, c.name AS className, s.date, s.half, s.title, l.family_and_middle AS lf, l.given AS lg, v.name AS venueName
     FROM sessions s JOIN classes c ON c.id = s.class_id
     LEFT JOIN lecturers l ON l.id = s.lecturer_id LEFT JOIN venues v ON v.id = s.venue_id
     WHERE s.date >= ? AND s.date <= ? AND c.status != 'cancelled'
       AND (? IS NULL OR s.lecturer_id = ?) AND (? IS NULL OR s.venue_id = ?)
     ORDER BY s.date, s.half = 'chieu', c.name`,
  ).all(from, to, lecturerId, lecturerId, venueId, venueId);
  return rows.map((r) => ({
    classId: r.classId,
    className: r.className,
    date: r.date,
    half: r.half,
    title: r.title,
    lecturerName: r.lg ? fullName({ familyAndMiddle: r.lf ?? '', given: r.lg }) : null,
    venueName: r.venueName,
  }));
}
