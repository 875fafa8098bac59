import type { Database } from 'better-sqlite3-multiple-ciphers';
import type { CLASS_STATUS_LABELS } from '../../../shared/contract/classes';
import { cachedStatement } from '../db/statements';

/** The SQL of a year-end close: the year's classes, its learners frozen as they are, the closure itself. */

const yearSpan = (year: number): [string, string] => [`${year}-01-01`, `${year}-12-31`];

export function classesOfYear(db: Database, year: number): { name: string; status: keyof typeof CLASS_STATUS_LABELS }[] {
  return cachedStatement<[string, string], { name: string; status: keyof typeof CLASS_STATUS_LABELS }>(
    db,
    'SELECT name, status FROM classes WHERE start_date >= ? AND start_date <= ? ORDER BY start_date, name',
  ).all(...yearSpan(year));
}

export function yearHasData(db: Database, year: number): boolean {
  return (
    cachedStatement(db, 'SELECT 1 FROM classes WHERE year = ? UNION ALL SELECT 1 FROM plan_lines WHERE year = ? LIMIT 1').get(
      year,
      year,
    ) !== undefined
  );
}

export interface LearnerToFreeze {
  id: number;
  person_id: number;
  sex: string | null;
  minority: number;
  party_status: string | null;
  birth_year: number | null;
  commune_code: string | null;
  unit_id: number | null;
}

/** The enrolled learners of the year's classes that were not cancelled, as their records read now. */
export function learnersOfYear(db: Database, year: number): LearnerToFreeze[] {
  return cachedStatement<[string, string], LearnerToFreeze>(
    db,
    `SELECT e.id, e.person_id, p.sex, (p.ethnicity_code IS NOT NULL AND p.ethnicity_code <> '01') AS minority, p.party_status, p.birth_year, p.commune_code, p.unit_id
     FROM enrollments e JOIN classes c ON c.id = e.class_id JOIN people p ON p.id = e.person_id
     WHERE c.start_date >= ? AND c.start_date <= ? AND c.status != 'cancelled' AND e.status = 'enrolled'`,
  ).all(...yearSpan(year));
}

export function freezeLearner(db: Database, year: number, l: LearnerToFreeze, base: { id: number | null; name: string | null }): void {
  cachedStatement(
    db,
    'INSERT INTO closed_year_learners (enrollment_id, year, person_id, sex, minority, party_status, birth_year, commune_code, base_unit_id, base_unit_name) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
  ).run(l.id, year, l.person_id, l.sex, l.minority, l.party_status, l.birth_year, l.commune_code, base.id, base.name);
}

/** The year's cached class figures, computed again from the frozen learners when next read. */
export function dropClassFigures(db: Database, year: number): void {
  cachedStatement(db, 'DELETE FROM class_figures WHERE class_id IN (SELECT id FROM classes WHERE start_date >= ? AND start_date <= ?)').run(
    ...yearSpan(year),
  );
}

export function insertClosure(db: Database, year: number, closedAt: string, actor: string, figuresJson: string): void {
  cachedStatement(db, 'INSERT INTO year_closures (year, closed_at, actor, figures_json) VALUES (?, ?, ?, ?)').run(
    year,
    closedAt,
    actor,
    figuresJson,
  );
}
