import type { Database } from 'better-sqlite3-multiple-ciphers';
import type { PersonRow } from '../../../shared/contract/learners';
import { AppError } from '../errors';
import { PERSON_SELECT, toPerson, toRow, type PersonDbRow } from './person-store';

export type DuplicateReason = 'citizen_id' | 'name_birth_date' | 'name_birth_year_unit';

const RULES: { reason: DuplicateReason; groupBy: string; where: string }[] = [
  { reason: 'citizen_id', groupBy: 'citizen_id', where: 'citizen_id IS NOT NULL' },
  // Only a full date makes "the same birth date"; a year alone belongs to the weaker rule below.
  { reason: 'name_birth_date', groupBy: 'name_key, birth_date', where: 'length(birth_date) = 10' },
  { reason: 'name_birth_year_unit', groupBy: 'name_key, birth_year, unit_id', where: 'birth_year IS NOT NULL AND unit_id IS NOT NULL' },
];

/**
 * Likely duplicates, strongest reason first: same citizen ID; same folded name and birth date; same
 * folded name, birth year and unit. Each rule groups over a partial index, so it stays a scan of
 * one index even with a million people. Pairs the clerk dismissed are left out.
 */
export function findDuplicates(db: Database, maxPairs = 1000): { reason: DuplicateReason; a: PersonRow; b: PersonRow }[] {
  const seen = new Set<string>();
  const pairs: { reason: DuplicateReason; a: number; b: number }[] = [];
  const dismissed = new Set(
    (db.prepare('SELECT low_id, high_id FROM duplicate_dismissals').all() as { low_id: number; high_id: number }[]).map(
      (d) => `${d.low_id}:${d.high_id}`,
    ),
  );
  for (const rule of RULES) {
    const groups = db
      .prepare(
        `SELECT group_concat(id) AS ids FROM people
         WHERE merged_into_id IS NULL AND ${rule.where}
         GROUP BY ${rule.groupBy} HAVING count(*) > 1 LIMIT ?`,
      )
      .all(maxPairs) as { ids: string }[];
    for (const g of groups) {
      const ids = g.ids
        .split(',')
        .map(Number)
        .sort((x, y) => x - y);
      for (let i = 0; i < ids.length; i++) {
        for (let j = i + 1; j < ids.length; j++) {
          const key = `${ids[i]}:${ids[j]}`;
          if (seen.has(key) || dismissed.has(key)) continue;
          seen.add(key);
          pairs.push({ reason: rule.reason, a: ids[i]!, b: ids[j]! });
        }
      }
      if (pairs.length >= maxPairs) break;
    }
    if (pairs.length >= maxPairs) break;
  }
  const ids = [...new Set(pairs.flatMap((p) => [p.a, p.b]))];
  const rows = new Map<number, PersonRow>();
  for (let i = 0; i < ids.length; i += 500) {
    const chunk = ids.slice(i, i + 500);
    for (const r of db.prepare(`${PERSON_SELECT} WHERE p.id IN (${chunk.map(() => '?').join(',')})`).all(...chunk) as PersonDbRow[]) {
      rows.set(r.id, toRow(toPerson(r)));
    }
  }
  return pairs
    .map((p) => ({ reason: p.reason, a: rows.get(p.a)!, b: rows.get(p.b)! }))
    .filter((p) => !differentCitizens(p.a, p.b))
    .slice(0, maxPairs);
}

/** Two different 12-digit citizen IDs are two people, whatever their names and birth dates (namesakes born the same day exist). */
function differentCitizens(a: PersonRow, b: PersonRow): boolean {
  const full = (id: string | null) => (id && /^\d{12}$/.test(id) ? id : null);
  const x = full(a.citizenId);
  const y = full(b.citizenId);
  return x !== null && y !== null && x !== y;
}

export function dismissDuplicate(db: Database, aId: number, bId: number, at: string, actor: string): void {
  const found = (db.prepare('SELECT count(*) AS n FROM people WHERE id IN (?, ?)').get(aId, bId) as { n: number }).n;
  if (aId === bId || found !== 2) throw new AppError('NOT_FOUND', 'Không tìm thấy hai hồ sơ này.');
  db.prepare('INSERT OR IGNORE INTO duplicate_dismissals (low_id, high_id, at, actor) VALUES (?, ?, ?, ?)').run(
    Math.min(aId, bId),
    Math.max(aId, bId),
    at,
    actor,
  );
}
