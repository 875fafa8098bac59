import type { Database } from 'better-sqlite3-multiple-ciphers';
import type { z } from 'zod';
import type { Program, ProgramSummary, programInput } from '../../../shared/contract/programs';
import { foldText } from '../../../shared/domain/text';
import { cachedStatement } from '../db/statements';

export type ProgramData = z.output<typeof programInput>;

interface ProgramRow {
  id: number;
  code: string;
  name: string;
  target_learners: string;
  outcome: Program['outcome'];
  validity_months: number | null;
  max_absence_pct: number;
  max_retakes: number;
  typical_days: number | null;
  fit_statuses: string;
  grants_level: Program['grantsLevel'];
  archived_at: string | null;
  updated_at: string;
}

export const programTopics = (db: Database, programId: number): Program['topics'] =>
  cachedStatement<[number], Program['topics'][number]>(
    db,
    'SELECT id, title, sessions FROM program_topics WHERE program_id = ? ORDER BY position',
  ).all(programId);

export const programComponents = (db: Database, programId: number): Program['components'] =>
  cachedStatement<[number], Program['components'][number]>(
    db,
    'SELECT name, weight FROM program_components WHERE program_id = ? ORDER BY position',
  ).all(programId);

export const programBands = (db: Database, programId: number): Program['bands'] =>
  cachedStatement<[number], Program['bands'][number]>(
    db,
    'SELECT label, min_tenths AS min, max_tenths AS max FROM program_bands WHERE program_id = ? ORDER BY position',
  ).all(programId);

export function programById(db: Database, id: number): Program | null {
  const row = cachedStatement<[number], ProgramRow>(db, 'SELECT * FROM programs WHERE id = ?').get(id);
  if (!row) return null;
  return {
    id: row.id,
    code: row.code,
    name: row.name,
    targetLearners: row.target_learners,
    outcome: row.outcome,
    validityMonths: row.validity_months,
    maxAbsencePct: row.max_absence_pct,
    maxRetakes: row.max_retakes,
    typicalDays: row.typical_days,
    fitStatuses: JSON.parse(row.fit_statuses) as Program['fitStatuses'],
    grantsLevel: row.grants_level,
    topics: programTopics(db, id),
    components: programComponents(db, id),
    bands: programBands(db, id),
    archivedAt: row.archived_at,
    updatedAt: row.updated_at,
  };
}

/** What other capabilities check before using a program, and the limits a class's scheme copies. */
export interface ProgramFacts {
  name: string;
  archivedAt: string | null;
  maxAbsencePct: number;
  maxRetakes: number;
}

export function programFacts(db: Database, id: number): ProgramFacts | null {
  return (
    cachedStatement<[number], ProgramFacts>(
      db,
      'SELECT name, archived_at AS archivedAt, max_absence_pct AS maxAbsencePct, max_retakes AS maxRetakes FROM programs WHERE id = ?',
    ).get(id) ?? null
  );
}

export function programNames(db: Database): Map<number, string> {
  const rows = cachedStatement<[], { id: number; name: string }>(db, 'SELECT id, name FROM programs').all();
  return new Map(rows.map((p) => [p.id, p.name]));
}

export function listPrograms(db: Database, includeArchived: boolean): ProgramSummary[] {
  const rows = cachedStatement<[number], Omit<ProgramSummary, 'assessed'> & { assessed: number }>(
    db,
    `SELECT p.id, p.code, p.name, p.outcome, p.max_absence_pct AS maxAbsencePct, p.validity_months AS validityMonths,
       p.archived_at AS archivedAt,
       (SELECT count(*) FROM program_topics t WHERE t.program_id = p.id) AS topicCount,
       (SELECT coalesce(sum(sessions), 0) FROM program_topics t WHERE t.program_id = p.id) AS sessionCount,
       EXISTS (SELECT 1 FROM program_components c WHERE c.program_id = p.id) AS assessed
     FROM programs p
     WHERE ? OR p.archived_at IS NULL
     ORDER BY p.archived_at IS NOT NULL, p.sort_order, p.id`,
  ).all(includeArchived ? 1 : 0);
  return rows.map((r) => ({ ...r, assessed: r.assessed === 1 }));
}

/** Another program with the same code (compared folded), other than `exceptId`. */
export function programWithCode(db: Database, code: string, exceptId: number | null): { id: number; name: string } | undefined {
  return cachedStatement<[string, number | null], { id: number; name: string }>(
    db,
    'SELECT id, name FROM programs WHERE code_key = ? AND id IS NOT ?',
  ).get(foldText(code), exceptId);
}

/** Writes the program's own row; its new id, or `p.id` once updated. */
export function writeProgram(db: Database, p: ProgramData, now: string): number {
  const values = {
    code: p.code,
    code_key: foldText(p.code),
    name: p.name,
    target_learners: p.targetLearners,
    outcome: p.outcome,
    validity_months: p.validityMonths,
    max_absence_pct: p.maxAbsencePct,
    max_retakes: p.maxRetakes,
    typical_days: p.typicalDays,
    fit_statuses: JSON.stringify([...new Set(p.fitStatuses)]),
    grants_level: p.grantsLevel,
    now,
  };
  if (p.id !== undefined) {
    cachedStatement(
      db,
      `UPDATE programs SET code = @code, code_key = @code_key, name = @name, target_learners = @target_learners,
         outcome = @outcome, validity_months = @validity_months, max_absence_pct = @max_absence_pct,
         max_retakes = @max_retakes, typical_days = @typical_days, fit_statuses = @fit_statuses, grants_level = @grants_level, updated_at = @now
       WHERE id = @id`,
    ).run({ ...values, id: p.id });
    return p.id;
  }
  const order = cachedStatement<[], { n: number }>(db, 'SELECT coalesce(max(sort_order), 0) + 1 AS n FROM programs').get()!.n;
  return Number(
    cachedStatement(
      db,
      `INSERT INTO programs (code, code_key, name, target_learners, outcome, validity_months, max_absence_pct,
         max_retakes, typical_days, fit_statuses, grants_level, sort_order, archived_at, created_at, updated_at)
       VALUES (@code, @code_key, @name, @target_learners, @outcome, @validity_months, @max_absence_pct,
         @max_retakes, @typical_days, @fit_statuses, @grants_level, @order, NULL, @now, @now)`,
    ).run({ ...values, order }).lastInsertRowid,
  );
}

/** Components and bands are replaced whole; bands are kept highest first. */
export function writeScheme(db: Database, programId: number, p: Pick<ProgramData, 'components' | 'bands'>): void {
  cachedStatement(db, 'DELETE FROM program_components WHERE program_id = ?').run(programId);
  const component = cachedStatement(db, 'INSERT INTO program_components (program_id, position, name, weight) VALUES (?, ?, ?, ?)');
  p.components.forEach((c, i) => component.run(programId, i + 1, c.name, c.weight));
  cachedStatement(db, 'DELETE FROM program_bands WHERE program_id = ?').run(programId);
  const band = cachedStatement(
    db,
    'INSERT INTO program_bands (program_id, position, label, min_tenths, max_tenths) VALUES (?, ?, ?, ?, ?)',
  );
  [...p.bands].sort((a, b) => b.min - a.min).forEach((b, i) => band.run(programId, i + 1, b.label, b.min, b.max));
}

/** A class that has the topic in its timetable, or undefined when none does. */
export function topicTaughtIn(db: Database, topicId: number): { title: string; name: string } | undefined {
  return cachedStatement<[number], { title: string; name: string }>(
    db,
    'SELECT t.title, c.name FROM program_topics t JOIN sessions s ON s.topic_id = t.id JOIN classes c ON c.id = s.class_id WHERE t.id = ? LIMIT 1',
  ).get(topicId);
}

/**
 * Writes the topics in their new order: rows with an id keep it, the others are added, `dropped` are deleted.
 * Positions are unique per program: the kept rows are parked on negative positions before renumbering.
 */
export function writeTopics(db: Database, programId: number, topics: ProgramData['topics'], dropped: readonly number[]): void {
  cachedStatement(db, 'UPDATE program_topics SET position = -position WHERE program_id = ?').run(programId);
  const remove = cachedStatement(db, 'DELETE FROM program_topics WHERE id = ?');
  for (const topicId of dropped) remove.run(topicId);
  const update = cachedStatement(db, 'UPDATE program_topics SET position = ?, title = ?, sessions = ? WHERE id = ?');
  const insert = cachedStatement(db, 'INSERT INTO program_topics (program_id, position, title, sessions) VALUES (?, ?, ?, ?)');
  topics.forEach((t, i) => {
    if (t.id !== undefined) update.run(i + 1, t.title, t.sessions, t.id);
    else insert.run(programId, i + 1, t.title, t.sessions);
  });
}

export function setProgramArchived(db: Database, id: number, archived: boolean, now: string): void {
  cachedStatement(db, 'UPDATE programs SET archived_at = ?, updated_at = ? WHERE id = ?').run(archived ? now : null, now, id);
}
