import type { PersonData } from '../../../shared/contract/learners';
import { foldText } from '../../../shared/domain/text';
import { exactWordKeys } from '../../../shared/domain/text-match';

/**
 * What the full-text index holds for a person: three vocabularies in one column, kept apart by a
 * leading mark so a search can ask the index itself where a word matched:
 *   nguyen van an                the name folded (every search matches these),
 *   ǃnguyên3 ǃvăn0 ǃan0          the name as spelled, tone as a digit (ranks what was typed with diacritics),
 *   ǂ1975 ǂthon ǂ3 ǂxa ǂtinh …   birth year and unit words (found, but ranked after the name).
 * The marks are letters of another script that no folded Vietnamese word starts with, so "an"* never
 * reaches ǂan (Công an) and a name-only search reads only the names' entries: measured at 1M people,
 * checking each match's name in the table instead costs 6 µs a row, 0.5 s for "thon 3".
 */
export const EXACT = 'ǃ';
export const OTHER = 'ǂ';

export interface DocumentSource {
  family_and_middle: string;
  given: string;
  /** The folded full name (people.name_key). */
  name_key: string;
  /** people.search_text: the folded name, then birth year and unit words (searchText below). */
  search_text: string;
}

export function searchDocument(p: DocumentSource): string {
  const rest = p.search_text.startsWith(p.name_key) ? p.search_text.slice(p.name_key.length) : p.search_text;
  let doc = p.name_key;
  for (const key of exactWordKeys(`${p.family_and_middle} ${p.given}`)) doc += ` ${EXACT}${key}`;
  // Unit words may hold punctuation ("(cũ)"): split as the tokenizer does, or a mark would be left behind.
  for (const word of rest.split(/[^\p{L}\p{N}]+/u)) if (word) doc += ` ${OTHER}${word}`;
  return doc;
}

// "Chi bộ thôn 3" is found by "thon 3": the generic words would make "dang" (Đặng) match every member.
const UNIT_GENERIC = /^(chi bo co so|chi bo|dang bo co so|dang bo bo phan|dang bo|dang uy|to chuc co so dang)\s+/;

export function unitSearchWords(unitName: string | null): string {
  return unitName ? foldText(unitName).replace(UNIT_GENERIC, '') : '';
}

/**
 * The words a clerk may type to find this person, folded: name, birth year, unit (people.search_text). ID
 * numbers are searched through their own indexes (search-store.ts): as words they would give the full-text
 * index a million distinct terms to union for a prefix such as "0511".
 */
export function searchText(p: PersonData, unitName: string | null): string {
  return [foldText(`${p.familyAndMiddle} ${p.given}`), p.birthDate?.slice(0, 4) ?? '', unitSearchWords(unitName)].filter(Boolean).join(' ');
}
