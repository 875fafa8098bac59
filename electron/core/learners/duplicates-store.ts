import type { Database } from 'better-sqlite3-multiple-ciphers';
import type { DuplicateReason } from './duplicates';
import { cachedStatement } from '../db/statements';

/**
 * The rules for likely duplicates, strongest first: same citizen ID; same folded name and birth date; same
 * folded name, birth year and unit. Each groups over a partial index, so it stays a scan of one index even
 * with a million people.
 */
const RULES: { reason: DuplicateReason; groupBy: string; where: string }[] = [
  { reason: 'citizen_id', groupBy: 'citizen_id', where: 'citizen_id IS NOT NULL' },
  // Only a full date makes "the same birth date"; a year alone belongs to the weaker rule below.
  { reason: 'name_birth_date', groupBy: 'name_key, birth_date', where: 'length(birth_date) = 10' },
  { reason: 'name_birth_year_unit', groupBy: 'name_key, birth_year, unit_id', where: 'birth_year IS NOT NULL AND unit_id IS NOT NULL' },
];

/** Per rule, in order, its groups of active people (ids), at most `maxGroups` each. */
export function* duplicateGroups(db: Database, maxGroups: number): Generator<{ reason: DuplicateReason; ids: number[] }> {
  for (const rule of RULES) {
    const groups = cachedStatement(
      db,
      `SELECT group_concat(id) AS ids FROM people
       WHERE merged_into_id IS NULL AND ${rule.where}
       GROUP BY ${rule.groupBy} HAVING count(*) > 1 LIMIT ?`,
    ).all(maxGroups) as { ids: string }[];
    for (const g of groups) yield { reason: rule.reason, ids: g.ids.split(',').map(Number) };
  }
}

/** The pairs the clerk said are two people, as "low:high". */
export function dismissedPairs(db: Database): Set<string> {
  const rows = cachedStatement(db, 'SELECT low_id, high_id FROM duplicate_dismissals').all() as { low_id: number; high_id: number }[];
  return new Set(rows.map((d) => `${d.low_id}:${d.high_id}`));
}

export function countPeopleIn(db: Database, ids: number[]): number {
  return (
    cachedStatement(db, 'SELECT count(*) AS n FROM people WHERE id IN (SELECT value FROM json_each(?))').get(JSON.stringify(ids)) as {
      n: number;
    }
  ).n;
}

export function insertDismissal(db: Database, lowId: number, highId: number, at: string, actor: string): void {
  cachedStatement(db, 'INSERT OR IGNORE INTO duplicate_dismissals (low_id, high_id, at, actor) VALUES (?, ?, ?, ?)').run(
    lowId,
    highId,
    at,
    actor,
  );
}
