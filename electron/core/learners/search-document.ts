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
  /** people.search_text: the folded name, then birth year and unit words (person-store.ts). */
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
