import { fullName } from '../../../shared/domain/text';

/** The two name columns of the people and lecturers tables. */
export interface NameColumns {
  family_and_middle: string;
  given: string;
}

/** A row's name as the contract spells it: the two parts, then the full name they make. */
export function nameFields(r: NameColumns): { familyAndMiddle: string; given: string; fullName: string } {
  const parts = { familyAndMiddle: r.family_and_middle, given: r.given };
  return { ...parts, fullName: fullName(parts) };
}
