import type { Database } from 'better-sqlite3-multiple-ciphers';
import type { z } from 'zod';
import type { mergeSchema } from '../../../shared/contract/learners';
import { cachedStatement } from '../db/statements';

/**
 * Tables whose rows point at a person and move to the kept record on a merge. Each capability that
 * adds such a table (enrollments, certificates…) lists it here, so undo can move them back.
 */
const PERSON_REFERENCES: { table: string; column: string }[] = [
  { table: 'enrollments', column: 'person_id' },
  { table: 'certificates', column: 'person_id' },
];

/** A class both people are enrolled in, if any. */
export function sharedClassName(db: Database, aId: number, bId: number): string | null {
  const row = cachedStatement(
    db,
    'SELECT c.name FROM enrollments a JOIN enrollments b ON b.class_id = a.class_id JOIN classes c ON c.id = a.class_id WHERE a.person_id = ? AND b.person_id = ? LIMIT 1',
  ).get(aId, bId) as { name: string } | undefined;
  return row?.name ?? null;
}

/** Moves every reference from one person to another; returns the moved row ids per "table.column", for undo. */
export function moveReferences(db: Database, fromId: number, toId: number): Record<string, number[]> {
  const moved: Record<string, number[]> = {};
  for (const ref of PERSON_REFERENCES) {
    const ids = cachedStatement(db, `SELECT id FROM ${ref.table} WHERE ${ref.column} = ?`).pluck().all(fromId) as number[];
    cachedStatement(db, `UPDATE ${ref.table} SET ${ref.column} = ? WHERE ${ref.column} = ?`).run(toId, fromId);
    moved[`${ref.table}.${ref.column}`] = ids;
  }
  return moved;
}

/** Undo's half of moveReferences; false (and nothing moved) when the record names a table that takes no references. */
export function moveReferencesBack(db: Database, moved: Record<string, number[]>, toId: number): boolean {
  const known = new Set(PERSON_REFERENCES.map((r) => `${r.table}.${r.column}`));
  if (Object.keys(moved).some((where) => !known.has(where))) return false;
  for (const [where, ids] of Object.entries(moved)) {
    const [table, column] = where.split('.') as [string, string];
    const update = cachedStatement(db, `UPDATE ${table} SET ${column} = ? WHERE id = ?`);
    for (const rowId of ids) update.run(toId, rowId);
  }
  return true;
}

export function insertMerge(
  db: Database,
  m: { keptId: number; removedId: number; keptBefore: unknown; keptAfter: unknown; moved: unknown; at: string; actor: string },
): number {
  return Number(
    cachedStatement(
      db,
      'INSERT INTO person_merges (kept_id, removed_id, kept_before_json, kept_after_json, moved_json, at, actor) VALUES (?, ?, ?, ?, ?, ?, ?)',
    ).run(m.keptId, m.removedId, JSON.stringify(m.keptBefore), JSON.stringify(m.keptAfter), JSON.stringify(m.moved), m.at, m.actor)
      .lastInsertRowid,
  );
}

export interface MergeRow {
  id: number;
  kept_id: number;
  removed_id: number;
  kept_before_json: string;
  kept_after_json: string | null;
  moved_json: string;
  undone_at: string | null;
}

export function readMerge(db: Database, mergeId: number): MergeRow | undefined {
  return cachedStatement(db, 'SELECT * FROM person_merges WHERE id = ?').get(mergeId) as MergeRow | undefined;
}

/** Whether a merge not undone, made after `m`, involves either of its people. */
export function hasLaterMerge(db: Database, m: MergeRow): boolean {
  return (
    cachedStatement(
      db,
      `SELECT id FROM person_merges WHERE id > ? AND undone_at IS NULL
       AND (kept_id IN (?, ?) OR removed_id IN (?, ?)) LIMIT 1`,
    ).get(m.id, m.kept_id, m.removed_id, m.kept_id, m.removed_id) !== undefined
  );
}

/** Whether an active person other than the two holds this citizen ID. */
export function citizenIdHeldElsewhere(db: Database, citizenId: string, exceptIds: [number, number]): boolean {
  return (
    cachedStatement(db, 'SELECT id FROM people WHERE citizen_id = ? AND merged_into_id IS NULL AND id NOT IN (?, ?)').get(
      citizenId,
      ...exceptIds,
    ) !== undefined
  );
}

export function markMergeUndone(db: Database, mergeId: number, at: string): void {
  cachedStatement(db, 'UPDATE person_merges SET undone_at = ? WHERE id = ?').run(at, mergeId);
}

type Merge = z.infer<typeof mergeSchema>;

/** The latest merges, or those one person took part in, newest first. */
export function listMerges(db: Database, personId: number | null): Merge[] {
  return cachedStatement(
    db,
    `SELECT m.id, m.at, m.actor, m.kept_id AS keptId, m.removed_id AS removedId, m.undone_at AS undoneAt,
       k.family_and_middle || ' ' || k.given AS keptName, r.family_and_middle || ' ' || r.given AS removedName
     FROM person_merges m JOIN people k ON k.id = m.kept_id JOIN people r ON r.id = m.removed_id
     WHERE @person IS NULL OR m.kept_id = @person OR m.removed_id = @person ORDER BY m.id DESC LIMIT @limit`,
  ).all({ person: personId, limit: personId === null ? 200 : -1 }) as Merge[];
}
