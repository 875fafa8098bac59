import type { Database } from 'better-sqlite3-multiple-ciphers';
import { readSetting, writeSetting } from '../db/settings';
import { cachedStatement } from '../db/statements';
import { countedClassSql, pendingClassSql } from './counted-store';

/** The SQL the report reads beside the figure caches (figures-store.ts): settings, names, plans, periods taught, closures. */

export const AGE_BOUNDS_KEY = 'reports.ageBounds';
const OUTCOMES_FILLED = 'reports.outcomesFilled';

export function ageBounds(db: Database): number[] {
  const value = readSetting(db, AGE_BOUNDS_KEY);
  return value ? (JSON.parse(value) as number[]) : [30, 40, 50];
}

export function saveAgeBounds(db: Database, bounds: number[]): void {
  writeSetting(db, AGE_BOUNDS_KEY, JSON.stringify(bounds));
}

export function firstYear(db: Database): number | null {
  return cachedStatement<[], { y: number | null }>(
    db,
    'SELECT min(y) AS y FROM (SELECT min(year) AS y FROM classes UNION ALL SELECT min(year) AS y FROM plan_lines)',
  ).get()!.y;
}

export function maxPersonId(db: Database): number {
  return cachedStatement<[], { m: number | null }>(db, 'SELECT max(id) AS m FROM people').get()!.m ?? 0;
}

/** Every merged-away person and the record it went into (one step of a chain). */
export function mergedPeople(db: Database): { id: number; merged_into_id: number }[] {
  return cachedStatement<[], { id: number; merged_into_id: number }>(
    db,
    'SELECT id, merged_into_id FROM people WHERE merged_into_id IS NOT NULL',
  ).all();
}

/** Counted classes starting in [from, to]. */
export function countedClasses(db: Database, from: string, to: string): { id: number; program_id: number; start_date: string }[] {
  return cachedStatement<[string, string], { id: number; program_id: number; start_date: string }>(
    db,
    `SELECT id, program_id, start_date FROM classes WHERE start_date >= ? AND start_date <= ? AND ${countedClassSql()}`,
  ).all(from, to);
}

/** Planned classes per program and year; for the first 6 or 9 months only the quarters inside. */
export function plannedClasses(
  db: Database,
  fromYear: number,
  toYear: number,
  lastQuarter: number,
): { program_id: number; year: number; planned: number }[] {
  return cachedStatement<number[], { program_id: number; year: number; planned: number }>(
    db,
    `SELECT program_id, year, sum(planned_classes) AS planned FROM plan_lines
     WHERE year >= ? AND year <= ? AND (? = 4 OR (quarter IS NOT NULL AND quarter <= ?)) GROUP BY program_id, year`,
  ).all(fromYear, toYear, lastQuarter, lastQuarter);
}

export function programList(db: Database): { id: number; code: string; name: string }[] {
  return cachedStatement<[], { id: number; code: string; name: string }>(db, 'SELECT id, code, name FROM programs ORDER BY id').all();
}

/** Classification labels, best first: a label is placed by the highest score it stands for in any program. */
export function classificationOrder(db: Database): string[] {
  const rows = cachedStatement<[], { label: string }>(
    db,
    'SELECT label FROM program_bands GROUP BY label ORDER BY max(min_tenths) DESC, min(position), label',
  ).all();
  return [...new Set(rows.map((b) => b.label))];
}

export interface UnitRow {
  id: number;
  name: string;
  kind: 'base' | 'cell';
  parent_id: number | null;
  merged_into_id: number | null;
}

export function unitRows(db: Database): Map<number, UnitRow> {
  const rows = cachedStatement<[], UnitRow>(db, 'SELECT id, name, kind, parent_id, merged_into_id FROM units').all();
  return new Map(rows.map((u) => [u.id, u]));
}

/** Why a closed year's classes changed: the reasons given for changes after the close, oldest first. */
export function reasonsAfterClose(db: Database, year: number, closedAt: string): { at: string; reason: string; program_id: number }[] {
  return cachedStatement<[string, string], { at: string; reason: string; program_id: number }>(
    db,
    `SELECT a.at, a.reason, c.program_id FROM audit_log a
     JOIN classes c ON c.id = CASE
       WHEN a.entity IN ('scores', 'attendance', 'class', 'class_certificates', 'class_enrollments') THEN CAST(a.entity_id AS INTEGER)
       WHEN a.entity = 'enrollment' THEN (SELECT class_id FROM enrollments WHERE id = CAST(a.entity_id AS INTEGER))
       WHEN a.entity = 'certificate' THEN (SELECT class_id FROM certificates WHERE id = CAST(a.entity_id AS INTEGER))
     END
     WHERE a.at > ? AND a.reason IS NOT NULL AND substr(c.start_date, 1, 4) = ? ORDER BY a.at`,
  ).all(closedAt, String(year));
}

/** Periods taught in counted classes between two dates, per lecturer. */
export function periodsTaught(db: Database, from: string, to: string): Map<number, number> {
  const rows = cachedStatement<[string, string], { id: number; periods: number }>(
    db,
    `SELECT s.lecturer_id AS id, sum(s.periods) AS periods FROM sessions s JOIN classes c ON c.id = s.class_id
     WHERE s.date >= ? AND s.date <= ? AND ${countedClassSql('c')} AND s.lecturer_id IS NOT NULL GROUP BY s.lecturer_id`,
  ).all(from, to);
  return new Map(rows.map((r) => [r.id, r.periods]));
}

export interface LecturerRow {
  id: number;
  family_and_middle: string;
  given: string;
  kind: string;
  lecturing_hours: number | null;
}

export function lecturerRows(db: Database): LecturerRow[] {
  return cachedStatement<[], LecturerRow>(
    db,
    'SELECT id, family_and_middle, given, kind, lecturing_hours FROM lecturers ORDER BY kind, given, family_and_middle',
  ).all();
}

export interface ClosureRow {
  year: number;
  closed_at: string;
  actor: string;
  figures_json: string | null;
}

export function closuresBetween(db: Database, fromYear: number, toYear: number): ClosureRow[] {
  return cachedStatement<[number, number], ClosureRow>(
    db,
    'SELECT year, closed_at, actor, figures_json FROM year_closures WHERE year >= ? AND year <= ? ORDER BY year',
  ).all(fromYear, toYear);
}

export function closureOf(db: Database, year: number): ClosureRow | null {
  return (
    cachedStatement<[number], ClosureRow>(db, 'SELECT year, closed_at, actor, figures_json FROM year_closures WHERE year = ?').get(year) ??
    null
  );
}

export function pendingClassCount(db: Database, from: string, to: string): number {
  return cachedStatement<[string, string], { n: number }>(
    db,
    `SELECT count(*) AS n FROM classes WHERE start_date >= ? AND start_date <= ? AND ${pendingClassSql()}`,
  ).get(from, to)!.n;
}

/** Every year with classes, plans or a closure, newest first. */
export function reportYears(db: Database): number[] {
  return cachedStatement<[], { year: number }>(
    db,
    'SELECT year FROM classes UNION SELECT year FROM plan_lines UNION SELECT year FROM year_closures ORDER BY year DESC',
  )
    .all()
    .map((r) => r.year);
}

export function allClosures(db: Database): ClosureRow[] {
  return cachedStatement<[], ClosureRow>(db, 'SELECT year, closed_at, actor, figures_json FROM year_closures').all();
}

/**
 * Classes recognised before the reports existed have no stored outcome: the ones still to work out, or
 * null once that was done (it is done once).
 */
export function classesWithoutOutcomes(db: Database): number[] | null {
  if (readSetting(db, OUTCOMES_FILLED) !== null) return null;
  return cachedStatement<[], { id: number }>(
    db,
    `SELECT DISTINCT e.class_id AS id FROM enrollments e JOIN classes c ON c.id = e.class_id
     WHERE c.status IN ('results_recognised', 'certificates_issued') AND e.status = 'enrolled' AND e.outcome IS NULL`,
  )
    .all()
    .map((r) => r.id);
}

export function markOutcomesFilled(db: Database, at: string): void {
  writeSetting(db, OUTCOMES_FILLED, at);
}
