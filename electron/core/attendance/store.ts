import type { Database } from 'better-sqlite3-multiple-ciphers';
import type { AttendanceGrid } from '../../../shared/contract/attendance';
import type { AttendanceMark } from '../../../shared/domain/eligibility';
import { cachedStatement } from '../db/statements';

/** All SQL of the roll call: a class's sessions in teaching order and the marks against them. */

export type SessionRow = AttendanceGrid['sessions'][number];

export function classSessions(db: Database, classId: number): SessionRow[] {
  return cachedStatement<[number], SessionRow>(
    db,
    "SELECT id, date, half, title FROM sessions WHERE class_id = ? ORDER BY date, half = 'chieu', position",
  ).all(classId);
}

export interface MarkRow {
  enrollment_id: number;
  session_id: number;
  mark: AttendanceMark;
}

export function classMarks(db: Database, classId: number): MarkRow[] {
  return cachedStatement<[number], MarkRow>(
    db,
    'SELECT a.enrollment_id, a.session_id, a.mark FROM attendance a JOIN enrollments e ON e.id = a.enrollment_id WHERE e.class_id = ?',
  ).all(classId);
}

export function writeMark(db: Database, enrollmentId: number, sessionId: number, mark: AttendanceMark | null): void {
  if (mark === null) cachedStatement(db, 'DELETE FROM attendance WHERE enrollment_id = ? AND session_id = ?').run(enrollmentId, sessionId);
  else
    cachedStatement(
      db,
      'INSERT INTO attendance (enrollment_id, session_id, mark) VALUES (?, ?, ?) ON CONFLICT (enrollment_id, session_id) DO UPDATE SET mark = excluded.mark',
    ).run(enrollmentId, sessionId, mark);
}
