import type { AttendanceGrid } from '../../../shared/contract/attendance';
import type { AttendanceMark } from '../../../shared/domain/eligibility';
import type { Database } from 'better-sqlite3-multiple-ciphers';
import type { AppCore } from '../app-core';
import { classRoll, sitesOf, type ClassRoll } from '../enrollments/class-frame';
import { classMarks, classSessions } from './store';

/** The roll-call grid from a class already loaded: one row per learner, one mark per session. */
export function attendanceGridOf(db: Database, roll: ClassRoll): AttendanceGrid {
  const { frame, scheme } = roll;
  const sessions = classSessions(db, frame.id);
  const index = new Map(sessions.map((s, i) => [s.id, i]));
  const byEnrollment = new Map<number, (AttendanceMark | null)[]>();
  for (const m of classMarks(db, frame.id)) {
    const row = byEnrollment.get(m.enrollment_id) ?? sessions.map(() => null);
    const i = index.get(m.session_id);
    if (i !== undefined) row[i] = m.mark;
    byEnrollment.set(m.enrollment_id, row);
  }
  const allowed = Math.floor((scheme.maxAbsencePct * sessions.length) / 100);
  const rows = roll.enrollments.map((e) => {
    const row = byEnrollment.get(e.id) ?? sessions.map(() => null);
    const absent = row.filter((m) => m === 'excused' || m === 'unexcused').length;
    return {
      enrollmentId: e.id,
      fullName: e.fullName,
      birthDate: e.birthDate,
      unitName: e.unitName,
      site: e.site,
      withdrawn: e.status === 'withdrawn',
      marks: row,
      absent,
      allowed,
      overLimit: absent * 100 > scheme.maxAbsencePct * sessions.length,
    };
  });
  return { classId: frame.id, locked: frame.locked, maxAbsencePct: scheme.maxAbsencePct, sessions, sites: sitesOf(frame), rows };
}

export function attendanceGrid(ctx: AppCore, classId: number): AttendanceGrid {
  return attendanceGridOf(ctx.db, classRoll(ctx, classId));
}
