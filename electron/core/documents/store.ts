import type { Database } from 'better-sqlite3-multiple-ciphers';
import { cachedStatement } from '../db/statements';

/** The few facts the class documents read beyond the class, its roll and its grids. */

function namesById(db: Database, sql: string, ids: readonly number[]): Map<number, string> {
  const rows = cachedStatement<[string], { id: number; name: string }>(db, sql).all(JSON.stringify(ids));
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** Lecturers' full names, by id, for the ids given. */
export function lecturerNames(db: Database, ids: readonly number[]): Map<number, string> {
  return namesById(
    db,
    "SELECT id, family_and_middle || ' ' || given AS name FROM lecturers WHERE id IN (SELECT value FROM json_each(?))",
    ids,
  );
}

/** Venues' names, by id, for the ids given. */
export function venueNames(db: Database, ids: readonly number[]): Map<number, string> {
  return namesById(db, 'SELECT id, name FROM venues WHERE id IN (SELECT value FROM json_each(?))', ids);
}

/** What the program leads to: the results decision names a certificate only when the centre issues one. */
export function programOutcome(db: Database, programId: number): 'certificate' | 'diploma' | 'external' | 'none' {
  return cachedStatement<[number], { outcome: 'certificate' | 'diploma' | 'external' | 'none' }>(
    db,
    'SELECT outcome FROM programs WHERE id = ?',
  ).get(programId)!.outcome;
}
