import { typedWords, type TypedWord } from '../../../shared/domain/text-match';
import { EXACT, OTHER, unitSearchWords } from './search-document';

/**
 * A typed search, split the way the index is (search-document.ts): words, plain numbers (birth year,
 * "thôn 3") and ID numbers (CCCD, Party card), which have indexes of their own.
 */
export interface ParsedSearch {
  words: TypedWord[];
  /** Words typed after "Chi bộ", "Đảng bộ"…: the name of a unit, so they match unit words only. */
  unitWords: string[];
  numbers: string[];
  ids: string[];
}

/**
 * CCCD numbers start with 0 (province codes 001–096) and Party card numbers are long; years and short
 * numbers ("thôn 05", "tổ 01") are words of the search text.
 */
function isIdToken(t: string): boolean {
  return /^\d+$/.test(t) && ((t.startsWith('0') && t.length >= 3) || t.length >= 5);
}

/**
 * Unit names are indexed without their generic words ("Chi bộ", "Đảng bộ"…; search-document.ts). Typed
 * ones say that what follows names a unit: "Chi bộ thôn 3" finds the members of the cells «… thôn 3 …»,
 * not people called Thông in some unit with a 3. Alone, "Chi" stays a given name.
 */
function splitAtUnit(words: TypedWord[]): { before: TypedWord[]; unit: TypedWord[] } {
  for (let i = 0; i < words.length; i++) {
    const rest = words.slice(i).map((w) => w.folded);
    const kept = unitSearchWords(rest.join(' ')).split(' ').filter(Boolean).length;
    if (kept < rest.length) return { before: words.slice(0, i), unit: words.slice(i + rest.length - kept) };
  }
  return { before: words, unit: [] };
}

/** At most ten words: a name and a unit, and a bound on the size of the full-text query. */
export function parseSearch(q: string): ParsedSearch {
  const { before, unit } = splitAtUnit(typedWords(q).slice(0, 10));
  const all = [...before, ...unit];
  const digits = (w: TypedWord) => /^\d+$/.test(w.folded);
  return {
    words: before.filter((w) => !digits(w)),
    unitWords: unit.filter((w) => !digits(w)).map((w) => w.folded),
    numbers: all.filter((w) => digits(w) && !isIdToken(w.folded)).map((w) => w.folded),
    ids: all.filter((w) => isIdToken(w.folded)).map((w) => w.folded),
  };
}

const term = (t: string) => `"${t.replace(/"/g, '""')}"`;
const inName = (w: TypedWord) => `${term(w.folded)}*`;
const anywhere = (w: TypedWord) => `(${term(w.folded)}* OR ${term(OTHER + w.folded)}*)`;
const other = (t: string) => `${term(OTHER + t)}*`;

/** Every word and number of the search, wherever it matched: who is found at all. */
export function matchAll(s: ParsedSearch): string | null {
  const parts = [...s.words.map(anywhere), ...s.unitWords.map(other), ...s.numbers.map(other)];
  return parts.length ? parts.join(' AND ') : null;
}

export interface Tier {
  tier: number;
  match: string;
}

/**
 * The ranking tiers as full-text queries, best first; each excludes the ones before it, so together
 * they are matchAll() and every person is in exactly one:
 *   1 the name holds the words spelled as typed, in order (only if something was typed with diacritics),
 *   2 the name holds them in order, each starting a word ("nguyen van" → Nguyễn Văn …),
 *   3 the name holds them all, anywhere (Lê Thị An for "thi le"),
 *   4 the rest: some word matched only the birth year or the unit ("xã Vạn Tường" for "van").
 * Numbers and unit names match the birth year and unit words in every tier. Without words there is one
 * tier, 0.
 * shared/domain/text-match.ts nameMatchTier() says the same of one name, for lists on screen.
 */
export function rankTiers(s: ParsedSearch): Tier[] {
  const all = matchAll(s);
  if (all === null) return [];
  if (s.words.length === 0) return [{ tier: 0, match: all }];
  const bases: { tier: number; base: string }[] = [];
  if (s.words.some((w) => w.marked)) bases.push({ tier: 1, base: s.words.map((w) => term(EXACT + w.exact)).join(' + ') });
  bases.push({ tier: 2, base: s.words.map(inName).join(' + ') });
  if (s.words.length > 1) bases.push({ tier: 3, base: s.words.map(inName).join(' AND ') });
  const numbers = [...s.unitWords, ...s.numbers].map((n) => ` AND ${other(n)}`).join('');
  return [...bases, { tier: 4, base: all }].map(({ tier, base }, i) => {
    const match = tier === 4 ? all : `(${base})${numbers}`;
    const better = bases.slice(0, i).map((b) => `(${b.base})`);
    return { tier, match: better.length ? `(${match}) NOT (${better.join(' OR ')})` : match };
  });
}
