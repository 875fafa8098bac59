import type { Database } from 'better-sqlite3-multiple-ciphers';
import type { ResultsGrid } from '../../../shared/contract/results';
import { cachedStatement } from '../db/statements';

/** All SQL of the results: scores, the recognition decision and the outcome kept with each enrolment. */

export interface ScoreRow {
  enrollment_id: number;
  component: number;
  attempt: 1 | 2;
  tenths: number;
}

export function classScores(db: Database, classId: number): ScoreRow[] {
  return cachedStatement<[number], ScoreRow>(
    db,
    'SELECT s.enrollment_id, s.component, s.attempt, s.tenths FROM scores s JOIN enrollments e ON e.id = s.enrollment_id WHERE e.class_id = ?',
  ).all(classId);
}

export function writeScore(db: Database, enrollmentId: number, component: number, attempt: number, tenths: number | null): void {
  if (tenths === null)
    cachedStatement(db, 'DELETE FROM scores WHERE enrollment_id = ? AND component = ? AND attempt = ?').run(
      enrollmentId,
      component,
      attempt,
    );
  else
    cachedStatement(
      db,
      'INSERT INTO scores (enrollment_id, component, attempt, tenths) VALUES (?, ?, ?, ?) ON CONFLICT (enrollment_id, component, attempt) DO UPDATE SET tenths = excluded.tenths',
    ).run(enrollmentId, component, attempt, tenths);
}

export function resultsDecision(db: Database, classId: number): { number: number; date: string } | undefined {
  return cachedStatement<[number], { number: number; date: string }>(
    db,
    'SELECT d.number, d.date FROM classes c JOIN documents d ON d.id = c.results_decision_id WHERE c.id = ?',
  ).get(classId);
}

export function markRecognised(db: Database, classId: number, decisionId: number, now: string): void {
  cachedStatement(db, "UPDATE classes SET results_decision_id = ?, status = 'results_recognised', updated_at = ? WHERE id = ?").run(
    decisionId,
    now,
    classId,
  );
}

/**
 * Each enrolment's recognised outcome and classification, kept with it for the reports: written when
 * results are recognised and again after every correction to a recognised class.
 */
export function saveOutcomes(db: Database, grid: ResultsGrid): void {
  const set = cachedStatement(
    db,
    'UPDATE enrollments SET outcome = ?, classification = ? WHERE id = ? AND (outcome IS NOT ? OR classification IS NOT ?)',
  );
  for (const r of grid.rows) {
    const completed = r.result.status === 'eligible';
    const outcome = completed ? 'completed' : 'not_completed';
    const classification = completed ? r.result.classification : null;
    set.run(outcome, classification, r.enrollmentId, outcome, classification);
  }
}
