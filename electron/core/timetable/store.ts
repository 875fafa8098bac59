import type { Database } from 'better-sqlite3-multiple-ciphers';
import type { SessionInput } from '../../../shared/contract/timetable';
import { cachedStatement } from '../db/statements';

export function loadSessions(db: Database, classId: number): SessionInput[] {
  return cachedStatement<[number], SessionInput>(
    db,
    `SELECT id, date, half, topic_id AS topicId, title, lecturer_id AS lecturerId, venue_id AS venueId, periods
     FROM sessions WHERE class_id = ? ORDER BY date, half = 'chieu', position`,
  ).all(classId);
}

export function sessionIdsOf(db: Database, classId: number): Set<number> {
  return new Set(
    cachedStatement<[number], { id: number }>(db, 'SELECT id FROM sessions WHERE class_id = ?')
      .all(classId)
      .map((r) => r.id),
  );
}

/** The first of the sessions (by id) that has attendance marked, or undefined when none has. */
export function firstMarkedSession(db: Database, sessionIds: readonly number[]): { date: string; half: string } | undefined {
  if (sessionIds.length === 0) return undefined;
  return cachedStatement<[string], { date: string; half: string }>(
    db,
    `SELECT s.date, s.half FROM attendance a JOIN sessions s ON s.id = a.session_id
     WHERE a.session_id IN (SELECT value FROM json_each(?)) ORDER BY s.id LIMIT 1`,
  ).get(JSON.stringify(sessionIds));
}

/** Writes the timetable in its order: sessions with an id keep it, the others are added, `dropped` are deleted. */
export function writeSessions(db: Database, classId: number, sessions: readonly SessionInput[], dropped: readonly number[]): void {
  const remove = cachedStatement(db, 'DELETE FROM sessions WHERE id = ?');
  for (const id of dropped) remove.run(id);
  const update = cachedStatement(
    db,
    'UPDATE sessions SET date = ?, half = ?, topic_id = ?, title = ?, lecturer_id = ?, venue_id = ?, periods = ?, position = ? WHERE id = ?',
  );
  const insert = cachedStatement(
    db,
    'INSERT INTO sessions (class_id, date, half, topic_id, title, lecturer_id, venue_id, periods, position) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
  );
  sessions.forEach((s, i) => {
    if (s.id !== undefined) update.run(s.date, s.half, s.topicId, s.title, s.lecturerId, s.venueId, s.periods, i + 1, s.id);
    else insert.run(classId, s.date, s.half, s.topicId, s.title, s.lecturerId, s.venueId, s.periods, i + 1);
  });
}

/** Another class (not cancelled) that has the lecturer or the venue at that half-day. */
export function bookedBy(
  db: Database,
  who: 'lecturer_id' | 'venue_id',
  id: number,
  date: string,
  half: string,
  exceptClassId: number,
): { name: string } | undefined {
  return cachedStatement<[number, string, string, number], { name: string }>(
    db,
    `SELECT c.name FROM sessions s JOIN classes c ON c.id = s.class_id
     WHERE s.${who} = ? AND s.date = ? AND s.half = ? AND s.class_id != ? AND c.status != 'cancelled' LIMIT 1`,
  ).get(id, date, half, exceptClassId);
}

/** Periods the lecturer teaches in the year in other classes (not cancelled). */
export function periodsElsewhere(db: Database, lecturerId: number, year: number, exceptClassId: number): number {
  return cachedStatement<[number, string, string, number], { periods: number }>(
    db,
    `SELECT coalesce(sum(s.periods), 0) AS periods FROM sessions s JOIN classes c ON c.id = s.class_id
     WHERE s.lecturer_id = ? AND s.date >= ? AND s.date <= ? AND s.class_id != ? AND c.status != 'cancelled'`,
  ).get(lecturerId, `${year}-01-01`, `${year}-12-31`, exceptClassId)!.periods;
}
