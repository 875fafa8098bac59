/**
 * A byte-comparable key that sorts like Intl.Collator('vi'), so SQLite can order a million people
 * through an index instead of sorting them in JavaScript. Levels as in the collator: letters
 * (with ă â đ ê ô ơ ư as letters of their own), then tones left to right, then case.
 * tests/unit/sort-key.test.ts checks it against the collator itself.
 */
import { cleanText, type PersonName } from './text';

const LETTERS = 'aăâbcdđeêfghijklmnoôơpqrstuưvwxyz';
const LETTER_CODE = new Map<string, string>([...LETTERS].map((l, i) => [l, String.fromCharCode(0x30 + i)]));

// Combining marks that make a new letter (primary) and tone marks (secondary, in the collator's order).
const LETTER_MARKS: Record<string, Record<string, string>> = {
  a: { '\u0306': 'ă', '\u0302': 'â' },
  e: { '\u0302': 'ê' },
  o: { '\u0302': 'ô', '\u031B': 'ơ' },
  u: { '\u031B': 'ư' },
};
const TONES: Record<string, string> = { '\u0300': '1', '\u0309': '2', '\u0303': '3', '\u0301': '4', '\u0323': '5' };

const FIELD = '!';
const SPACE = '"';

interface Levels {
  primary: string;
  secondary: string;
  tertiary: string;
}

function levels(text: string): Levels {
  let primary = '';
  let secondary = '';
  let tertiary = '';
  for (const ch of cleanText(text).normalize('NFC')) {
    const lower = ch.toLocaleLowerCase('vi');
    const upper = ch !== lower;
    const [base = '', ...marks] = lower.normalize('NFD');
    let letter = base;
    let tone = '0';
    for (const m of marks) {
      const made = LETTER_MARKS[letter]?.[m];
      if (made) letter = made;
      else if (TONES[m]) tone = TONES[m]!;
    }
    const code = LETTER_CODE.get(letter);
    if (code) primary += code;
    else if (letter === ' ') primary += SPACE;
    else if (/[0-9]/.test(letter)) primary += String.fromCharCode(0x26 + Number(letter));
    else primary += '#';
    secondary += tone;
    tertiary += upper ? '1' : '0';
  }
  return { primary, secondary, tertiary };
}

function keyOf(text: string): string {
  const l = levels(text);
  return `${l.primary}${FIELD}${l.secondary}${FIELD}${l.tertiary}${FIELD}`;
}

/** Given name first, then family and middle name: the order of every Vietnamese list. */
export function personSortKey(name: PersonName): string {
  return `${keyOf(name.given)}${keyOf(name.familyAndMiddle)}`;
}
