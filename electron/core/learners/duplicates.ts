import type { Database } from 'better-sqlite3-multiple-ciphers';
import type { PersonRow } from '../../../shared/contract/learners';
import { AppError } from '../errors';
import { countPeopleIn, dismissedPairs, duplicateGroups, insertDismissal } from './duplicates-store';
import { readPeople, toRow } from './person-store';

export type DuplicateReason = 'citizen_id' | 'name_birth_date' | 'name_birth_year_unit';

/** Likely duplicates, strongest reason first (duplicates-store.ts); pairs the clerk dismissed are left out. */
export function findDuplicates(db: Database, maxPairs = 1000): { reason: DuplicateReason; a: PersonRow; b: PersonRow }[] {
  const seen = new Set<string>();
  const pairs: { reason: DuplicateReason; a: number; b: number }[] = [];
  const dismissed = dismissedPairs(db);
  for (const group of duplicateGroups(db, maxPairs)) {
    const ids = group.ids.sort((x, y) => x - y);
    for (let i = 0; i < ids.length; i++) {
      for (let j = i + 1; j < ids.length; j++) {
        const key = `${ids[i]}:${ids[j]}`;
        if (seen.has(key) || dismissed.has(key)) continue;
        seen.add(key);
        pairs.push({ reason: group.reason, a: ids[i]!, b: ids[j]! });
      }
    }
    if (pairs.length >= maxPairs) break;
  }
  const people = readPeople(db, [...new Set(pairs.flatMap((p) => [p.a, p.b]))]);
  return pairs
    .map((p) => ({ reason: p.reason, a: toRow(people.get(p.a)!), b: toRow(people.get(p.b)!) }))
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
  if (aId === bId || countPeopleIn(db, [aId, bId]) !== 2) throw new AppError('NOT_FOUND', 'Không tìm thấy hai hồ sơ này.');
  insertDismissal(db, Math.min(aId, bId), Math.max(aId, bId), at, actor);
}
