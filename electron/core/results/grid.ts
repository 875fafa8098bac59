import type { Database } from 'better-sqlite3-multiple-ciphers';
import type { AttendanceGrid } from '../../../shared/contract/attendance';
import type { ResultsGrid } from '../../../shared/contract/results';
import { evaluate } from '../../../shared/domain/eligibility';
import type { AppCore } from '../app-core';
import { attendanceGridOf } from '../attendance/grid';
import { freezeClassScheme } from '../classes/scheme';
import { decisionLabel } from '../classes/terms';
import { classRoll, type ClassRoll } from '../enrollments/class-frame';
import { enrollmentRows } from '../enrollments/store';
import { classScores, resultsDecision, saveOutcomes } from './store';

type Scores = ResultsGrid['rows'][number]['scores'];

/**
 * The results grid from a class already loaded, and from its attendance grid when the caller has built it:
 * each learner still enrolled, their scores and what the scheme makes of them.
 */
export function resultsGridOf(db: Database, roll: ClassRoll, attendance: AttendanceGrid = attendanceGridOf(db, roll)): ResultsGrid {
  const { frame, scheme } = roll;
  const blank = (): Scores => scheme.components.map(() => ({ first: null, retake: null }));
  const byEnrollment = new Map<number, Scores>();
  for (const s of classScores(db, frame.id)) {
    const row = byEnrollment.get(s.enrollment_id) ?? blank();
    const cell = row[s.component];
    if (cell) cell[s.attempt === 1 ? 'first' : 'retake'] = s.tenths;
    byEnrollment.set(s.enrollment_id, row);
  }
  const enrollments = new Map(roll.enrollments.map((e) => [e.id, e]));
  const rows = attendance.rows
    .filter((r) => !r.withdrawn)
    .map((r) => {
      const discipline = enrollments.get(r.enrollmentId)!.discipline;
      const scores = byEnrollment.get(r.enrollmentId) ?? blank();
      return {
        enrollmentId: r.enrollmentId,
        fullName: r.fullName,
        scores,
        discipline,
        result: evaluate(scheme, { marks: r.marks, scores, discipline }),
      };
    });
  const decision = resultsDecision(db, frame.id);
  return {
    classId: frame.id,
    locked: frame.locked,
    scheme,
    decision: decision
      ? { number: decision.number, label: decisionLabel(decision.number, frame.issuingBody.docCode), date: decision.date }
      : null,
    rows,
    summary: {
      eligible: rows.filter((r) => r.result.status === 'eligible').length,
      notEligible: rows.filter((r) => r.result.status === 'not_eligible').length,
      incomplete: rows.filter((r) => r.result.status === 'incomplete').length,
    },
  };
}

export function resultsGrid(ctx: AppCore, classId: number): ResultsGrid {
  return resultsGridOf(ctx.db, classRoll(ctx, classId));
}

/**
 * The grid, and the learners it finds eligible in list order, each with their enrolment record: what
 * the results decision lists and what the certificates print (birth date, unit) is not in the grid.
 */
export function eligibleLearners(ctx: AppCore, classId: number) {
  const grid = resultsGrid(ctx, classId);
  const people = new Map(enrollmentRows(ctx.db, classId).map((e) => [e.id, e]));
  const eligible = grid.rows.filter((r) => r.result.status === 'eligible').map((row) => ({ row, learner: people.get(row.enrollmentId)! }));
  return { grid, eligible };
}

/** Rewrites the outcomes kept with the enrolments (see saveOutcomes) from the class as it stands. */
export function storeOutcomes(ctx: AppCore, classId: number): void {
  saveOutcomes(ctx.db, resultsGridOf(ctx.db, classRoll(ctx, classId, { scheme: freezeClassScheme(ctx, classId) })));
}
