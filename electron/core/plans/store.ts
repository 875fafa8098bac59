import type { Database } from 'better-sqlite3-multiple-ciphers';
import type { z } from 'zod';
import type { PlanLine, planLineInput } from '../../../shared/contract/plans';
import { cachedStatement } from '../db/statements';
import { classTallyByPlanLine } from '../reports/counted-store';

interface LineRow {
  id: number;
  year: number;
  program_id: number;
  program_name: string;
  quarter: number | null;
  commune_code: string | null;
  place: string;
  planned_classes: number;
  planned_learners: number;
  notes: string;
}

const SELECT = `SELECT l.*, p.name AS program_name FROM plan_lines l JOIN programs p ON p.id = l.program_id`;

/** The lines with what was done under each, tallied for all of them at once. */
function toLines(db: Database, rows: LineRow[]): PlanLine[] {
  const tally = classTallyByPlanLine(
    db,
    rows.map((r) => r.id),
  );
  return rows.map((r) => {
    const t = tally.get(r.id)!;
    return {
      id: r.id,
      year: r.year,
      programId: r.program_id,
      programName: r.program_name,
      quarter: r.quarter,
      communeCode: r.commune_code,
      place: r.place,
      plannedClasses: r.planned_classes,
      plannedLearners: r.planned_learners,
      notes: r.notes,
      actualClasses: t.classes,
      actualLearners: t.learners,
      pendingClasses: t.pending,
    };
  });
}

export function isYearClosed(db: Database, year: number): boolean {
  return cachedStatement(db, 'SELECT 1 FROM year_closures WHERE year = ?').get(year) !== undefined;
}

export function lineById(db: Database, id: number): PlanLine | null {
  const r = cachedStatement<[number], LineRow>(db, `${SELECT} WHERE l.id = ?`).get(id);
  return r ? toLines(db, [r])[0]! : null;
}

export function linesOfYear(db: Database, year: number): PlanLine[] {
  return toLines(db, cachedStatement<[number], LineRow>(db, `${SELECT} WHERE l.year = ? ORDER BY p.sort_order, l.quarter, l.id`).all(year));
}

/** The program and year of a line, for the classes that point at it. */
export function lineScope(db: Database, id: number): { programId: number; year: number } | undefined {
  return cachedStatement<[number], { programId: number; year: number }>(
    db,
    'SELECT program_id AS programId, year FROM plan_lines WHERE id = ?',
  ).get(id);
}

/** The line's new id, or `l.id` once updated. */
export function writeLine(db: Database, l: z.output<typeof planLineInput>, place: string, now: string): number {
  const values = {
    year: l.year,
    program_id: l.programId,
    quarter: l.quarter,
    commune_code: l.communeCode,
    place,
    planned_classes: l.plannedClasses,
    planned_learners: l.plannedLearners,
    notes: l.notes,
    now,
  };
  if (l.id === undefined) {
    return Number(
      cachedStatement(
        db,
        `INSERT INTO plan_lines (year, program_id, quarter, commune_code, place, planned_classes, planned_learners, notes, created_at, updated_at)
         VALUES (@year, @program_id, @quarter, @commune_code, @place, @planned_classes, @planned_learners, @notes, @now, @now)`,
      ).run(values).lastInsertRowid,
    );
  }
  cachedStatement(
    db,
    `UPDATE plan_lines SET year = @year, program_id = @program_id, quarter = @quarter, commune_code = @commune_code, place = @place,
       planned_classes = @planned_classes, planned_learners = @planned_learners, notes = @notes, updated_at = @now WHERE id = @id`,
  ).run({ ...values, id: l.id });
  return l.id;
}

/** Deletes the line; classes that pointed at it stay, planned outside the plan. */
export function deleteLine(db: Database, id: number): void {
  cachedStatement(db, 'UPDATE classes SET plan_line_id = NULL WHERE plan_line_id = ?').run(id);
  cachedStatement(db, 'DELETE FROM plan_lines WHERE id = ?').run(id);
}

/** Copies a year's lines of programs still in use to another year; how many were copied. */
export function copyLines(db: Database, from: number, to: number, now: string): number {
  return cachedStatement(
    db,
    `INSERT INTO plan_lines (year, program_id, quarter, commune_code, place, planned_classes, planned_learners, notes, created_at, updated_at)
     SELECT ?, l.program_id, l.quarter, l.commune_code, l.place, l.planned_classes, l.planned_learners, l.notes, ?, ?
     FROM plan_lines l JOIN programs p ON p.id = l.program_id WHERE l.year = ? AND p.archived_at IS NULL ORDER BY l.id`,
  ).run(to, now, now, from).changes;
}
