import { cleanText, foldText } from './text';

/**
 * How well typed words match a name, for ranking searches (the registry search in the core, the
 * Party-cell filter on screen). Matching stays diacritic-insensitive; diacritics only rank.
 */

const TONE_DIGIT: Record<string, string> = { '\u0300': '1', '\u0309': '2', '\u0303': '3', '\u0301': '4', '\u0323': '5' };
const TONE_MARKS = /[\u0300\u0309\u0303\u0301\u0323]/g;

/** Words as the full-text tokenizer sees them: letters and digits, anything else separates. */
export function splitWords(text: string): string[] {
  return cleanText(text)
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}

/**
 * Each word of a text as spelled, whatever the tone placement: lower case, ă â ê ô ơ ư đ kept, the
 * tone as a trailing digit. Old and new placement are both in real lists ("Hoà" and "Hòa" → "hoa1"),
 * and so is the eth that old fonts put for Đ. One pass over the text: the index keys a million names.
 */
export function exactWordKeys(text: string): string[] {
  const keys: string[] = [];
  for (const word of text
    .toLowerCase()
    .replace(/ð/g, 'đ')
    .normalize('NFD')
    .split(/[^\p{L}\p{M}\p{N}]+/u)) {
    if (!word) continue;
    let tone = '0';
    const letters = word.replace(TONE_MARKS, (m) => {
      tone = TONE_DIGIT[m]!;
      return '';
    });
    keys.push(`${letters.normalize('NFC')}${tone}`);
  }
  return keys;
}

export function exactWordKey(word: string): string {
  return exactWordKeys(word).join(' ');
}

export interface TypedWord {
  /** Folded (no marks, đ → d): what matching uses. */
  folded: string;
  exact: string;
  /** The clerk typed a diacritic or đ in this word, so its spelling ranks. */
  marked: boolean;
}

export function typedWords(q: string): TypedWord[] {
  return splitWords(q).map((w) => {
    const folded = foldText(w);
    return { folded, exact: exactWordKey(w), marked: folded !== w.toLowerCase() };
  });
}

/**
 * 1 the name holds the typed words spelled as typed, one after another (only when something was typed
 * with diacritics); 2 it holds them in order ignoring diacritics, each word starting a word of the name;
 * 3 it holds them all, anywhere; 0 none of these. The registry search asks the same of its full-text
 * index (search-query.ts), with matches through other fields after these.
 */
export function nameMatchTier(typed: readonly TypedWord[], name: string): 0 | 1 | 2 | 3 {
  if (typed.length === 0) return 0;
  const words = splitWords(name);
  const folded = words.map(foldText);
  const exact = words.map(exactWordKey);
  const runAt = (test: (t: TypedWord, i: number) => boolean) =>
    folded.some((_w, start) => start + typed.length <= folded.length && typed.every((t, k) => test(t, start + k)));
  if (typed.some((t) => t.marked) && runAt((t, i) => exact[i] === t.exact)) return 1;
  if (runAt((t, i) => folded[i]!.startsWith(t.folded))) return 2;
  if (typed.every((t) => folded.some((w) => w.startsWith(t.folded)))) return 3;
  return 0;
}
