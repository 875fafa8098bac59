import type { Database } from 'better-sqlite3-multiple-ciphers';
import type { PersonData } from '../../../shared/contract/learners';
import type { ImportRow } from '../../../shared/contract/imports';
import { formatDate } from '../../../shared/domain/format';
import { foldText, fullName } from '../../../shared/domain/text';
import * as store from './store';
import type { Candidate } from './store';

export interface Match {
  status: 'new' | 'same' | 'duplicate';
  match: ImportRow['match'];
  /** A conflict the clerk must resolve (the CCCD belongs to someone else). */
  conflict?: string;
}

function toMatch(c: Candidate): NonNullable<ImportRow['match']> {
  return {
    id: c.id,
    fullName: fullName({ familyAndMiddle: c.family_and_middle, given: c.given }),
    birthDate: c.birth_date,
    unitName: c.unit_name,
  };
}

/**
 * Same person: the same CCCD, or the same name and full birth date with no conflicting CCCD. Likely
 * the same (the clerk decides): the same name and birth year (and unit when both have one).
 */
export function matchExisting(db: Database, data: PersonData): Match {
  const nameKey = foldText(`${data.familyAndMiddle} ${data.given}`);
  if (data.citizenId) {
    const byId = store.candidateByCitizenId(db, data.citizenId);
    if (byId) {
      const m = toMatch(byId);
      if (foldText(`${byId.family_and_middle} ${byId.given}`) === nameKey) return { status: 'same', match: m };
      // A CCCD is one person's: two names on it is a typing error somewhere, never a new person.
      return {
        status: 'duplicate',
        match: m,
        conflict: `Số CCCD ${data.citizenId} đã có ở hồ sơ ${m.fullName}${m.birthDate ? `, sinh ${formatDate(m.birthDate)}` : ''}; hãy kiểm tra lại tên hoặc số CCCD`,
      };
    }
  }
  // "The same person" needs the full birth date; a year alone is only a likely match.
  if (data.birthDate && data.birthDate.length === 10) {
    const exact = store.candidateByNameAndDate(db, nameKey, data.birthDate);
    if (exact) {
      const conflict = data.citizenId && exact.citizen_id && exact.citizen_id !== data.citizenId;
      return { status: conflict ? 'duplicate' : 'same', match: toMatch(exact) };
    }
  }
  // Old lists often give only a year: the same name, the same partial date and the same unit is the
  // same person (a list imported twice); without the unit it is only likely.
  if (data.birthDate && data.birthDate.length < 10 && data.unitId !== null) {
    const samePartial = store.candidateByNameDateAndUnit(db, nameKey, data.birthDate, data.unitId);
    if (samePartial) return { status: 'same', match: toMatch(samePartial) };
  }
  if (data.birthDate) {
    const year = Number(data.birthDate.slice(0, 4));
    const sameYear = store.candidateByNameAndYear(db, nameKey, year, data.unitId);
    if (sameYear && (data.unitId === null || sameYear.unit_id === null || sameYear.unit_id === data.unitId)) {
      return { status: 'duplicate', match: toMatch(sameYear) };
    }
  }
  return { status: 'new', match: null };
}
