import type { Database } from 'better-sqlite3-multiple-ciphers';
import { cachedStatement } from '../db/statements';

/**
 * The one rule for which classes count in a year, used by the report, its caches and the plan's
 * "thực hiện": a class counts once it has an opening decision (its status is past «Dự kiến») and was
 * not cancelled, in the calendar year of its start date. A «Dự kiến» class is shown beside the count,
 * never inside it, so the Plans screen and the report always give the same number.
 */
export function countedClassSql(alias?: string): string {
  const c = alias ? `${alias}.` : '';
  return `${c}status NOT IN ('planned', 'cancelled')`;
}

/** «Dự kiến»: planned, no opening decision yet. */
export function pendingClassSql(alias?: string): string {
  const c = alias ? `${alias}.` : '';
  return `${c}status = 'planned'`;
}

export interface ClassTally {
  /** Counted classes (with an opening decision). */
  classes: number;
  /** Enrolments (not withdrawn) in the counted classes: "lượt học viên", the unit a plan's learners are in. */
  learners: number;
  /** «Dự kiến» classes, not counted. */
  pending: number;
  /** Enrolments already listed in the «Dự kiến» classes. */
  pendingLearners: number;
}

// Counted per class through the enrolments' class index: a grouped subquery over all enrolments was
// materialised in full (every enrolment of every year) before the year's classes narrowed it.
const ENROLLED = `(SELECT count(*) FROM enrollments e WHERE e.class_id = c.id AND e.status = 'enrolled')`;
const TALLY = `count(*) FILTER (WHERE ${countedClassSql('c')}) AS classes,
  coalesce(sum(${ENROLLED}) FILTER (WHERE ${countedClassSql('c')}), 0) AS learners,
  count(*) FILTER (WHERE ${pendingClassSql('c')}) AS pending,
  coalesce(sum(${ENROLLED}) FILTER (WHERE ${pendingClassSql('c')}), 0) AS pendingLearners`;

const blank = (): ClassTally => ({ classes: 0, learners: 0, pending: 0, pendingLearners: 0 });

/** Per program: the classes starting in the year, by the rule above. */
export function classTallyByProgram(db: Database, year: number): Map<number, ClassTally> {
  const rows = cachedStatement<[string, string], ClassTally & { id: number }>(
    db,
    `SELECT c.program_id AS id, ${TALLY} FROM classes c WHERE c.start_date >= ? AND c.start_date <= ? GROUP BY c.program_id`,
  ).all(`${year}-01-01`, `${year}-12-31`);
  return new Map(rows.map(({ id, ...t }) => [id, t]));
}

/** Per plan line: the classes opened from it, by the same rule. */
export function classTallyByPlanLine(db: Database, lineIds: readonly number[]): Map<number, ClassTally> {
  const rows = cachedStatement<[string], ClassTally & { id: number }>(
    db,
    `SELECT c.plan_line_id AS id, ${TALLY} FROM classes c WHERE c.plan_line_id IN (SELECT value FROM json_each(?)) GROUP BY c.plan_line_id`,
  ).all(JSON.stringify(lineIds));
  const out = new Map(rows.map(({ id, ...t }) => [id, t]));
  for (const id of lineIds) if (!out.has(id)) out.set(id, blank());
  return out;
}
