/**
 * Vietnamese text rules shared by both sides: normalisation on the way in, diacritic-insensitive
 * folding for search, and the Vietnamese collation of people's names.
 */

/**
 * NFC, no control characters, non-breaking and repeated spaces collapsed, trimmed. Bidirectional
 * controls (embeddings, overrides, isolates, marks) go too: Vietnamese never needs them, and one of them
 * can print a name backwards on a certificate.
 */
export function cleanText(value: string): string {
  return (
    value
      .normalize('NFC')
      // eslint-disable-next-line no-control-regex
      .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\u200B-\u200F\u202A-\u202E\u2066-\u2069\u061C\uFEFF]/g, '')
      .replace(/[\s\u00A0\u2007\u202F]+/g, ' ')
      .trim()
  );
}

/** A string with a lone surrogate (half of an emoji or a broken file) cannot be saved or printed as it is. */
export function isWellFormedText(value: string): boolean {
  return !/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(value);
}

/**
 * Search key: lower case, combining marks removed after NFD, and đ → d (đ is a letter of its own,
 * not a marked d, so NFD leaves it alone). The look-alike eth (Ð, ð), which old fonts and converters
 * put for Đ, folds to d as well. Tone marks go wholesale, so spelling variants such as Đăk/Đắk or
 * hoà/hòa give the same key.
 */
export function foldText(value: string): string {
  return cleanText(value)
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .replace(/[đĐðÐ]/g, 'd')
    .toLowerCase();
}

const collator = new Intl.Collator('vi', { sensitivity: 'base', numeric: true });
const tieBreaker = new Intl.Collator('vi', { sensitivity: 'variant', numeric: true });

export function compareVi(a: string, b: string): number {
  return collator.compare(a, b) || tieBreaker.compare(a, b);
}

export interface PersonName {
  familyAndMiddle: string;
  given: string;
}

/** Vietnamese list order: given name first, then family and middle name. */
export function comparePeople(a: PersonName, b: PersonName): number {
  return compareVi(a.given, b.given) || compareVi(a.familyAndMiddle, b.familyAndMiddle);
}

export function fullName(p: PersonName): string {
  return cleanText(`${p.familyAndMiddle} ${p.given}`);
}

/**
 * A guess only (for imports): the last word is the given name. Compound family names and many
 * ethnic-minority names break this, so the clerk always sees and can correct the split.
 */
export function splitFullName(full: string): PersonName {
  const words = cleanText(full).split(' ').filter(Boolean);
  const given = words.pop() ?? '';
  return { familyAndMiddle: words.join(' '), given };
}

/** Upper case the Vietnamese way, for printed headers ("Đảng ủy xã" → "ĐẢNG ỦY XÃ"). */
export function upperVi(value: string): string {
  return value.toLocaleUpperCase('vi');
}
