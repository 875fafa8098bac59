/**
 * Lists typed before Unicode in the .VnTime (TCVN3, TCVN 5712:1993 VN3 "ABC") or VNI-Times fonts
 * reach Excel as Latin-1 letters that only those fonts drew as Vietnamese: "NguyÔn V¨n An" (TCVN3),
 * "Nguyeãn Vaên An" (VNI). Detecting them and converting to Unicode NFC happens only with the
 * clerk's consent, since a few Latin-1 spellings are valid in both readings ("Hoà").
 */
import { labelled } from './labelled';

export const { keys: LEGACY_FONTS, labels: LEGACY_FONT_LABELS } = labelled({ tcvn3: 'TCVN3 / .VnTime', vni: 'VNI / VNI-Times' });
export type LegacyFont = (typeof LEGACY_FONTS)[number];

/**
 * TCVN3 code points (as Latin-1 characters) and the letters they stand for, position by position.
 * Toned capitals have no code of their own: the capitals font (.VnTimeH) draws the lowercase codes
 * as capitals, see `decodeTcvn3`.
 */
export const TCVN3_CODES = '¡¢£¤¥¦§¨©ª«¬\u00AD®µ¶·¸¹»¼½¾ÆÇÈÉÊËÌÎÏÐÑÒÓÔÕÖ×ØÜÝÞßáâãäåæçèéêëìíîïñòóôõö÷øùúûüýþ';
export const TCVN3_LETTERS = 'ĂÂÊÔƠƯĐăâêôơưđàảãáạằẳẵắặầẩẫấậèẻẽéẹềểễếệìỉĩíịòỏõóọồổỗốộờởỡớợùủũúụừửữứựỳỷỹýỵ';

const TCVN3 = new Map<string, string>();
for (let i = 0; i < TCVN3_CODES.length; i++) TCVN3.set(TCVN3_CODES[i]!, TCVN3_LETTERS[i]!);

/**
 * VNI writes a letter as its base and a following mark character; ơ ư đ, the toned i and ỵ are single
 * characters. Values are the combining marks the character stands for.
 */
const ACUTE = '\u0301';
const GRAVE = '\u0300';
const HOOK = '\u0309';
const TILDE = '\u0303';
const DOT = '\u0323';
const CIRCUMFLEX = '\u0302';
const BREVE = '\u0306';
const VNI_TONE: Record<string, string> = { ù: ACUTE, ø: GRAVE, û: HOOK, õ: TILDE, ï: DOT };
const VNI_HAT: Record<string, string> = { â: '', á: ACUTE, à: GRAVE, å: HOOK, ã: TILDE, ä: DOT };
const VNI_BREVE: Record<string, string> = { ê: '', é: ACUTE, è: GRAVE, ú: HOOK, ü: TILDE, ë: DOT };
const VNI_SINGLE: Record<string, string> = { ô: 'ơ', ö: 'ư', ñ: 'đ', í: 'í', ì: 'ì', æ: 'ỉ', ó: 'ĩ', ò: 'ị', î: 'ỵ' };

function isUpper(c: string): boolean {
  return c !== c.toLowerCase();
}

/** Keeps the case of the mark character (VNI-Times capitals use the capital marks). */
function withCase(letter: string, upper: boolean): string {
  return upper ? letter.toUpperCase() : letter;
}

export function decodeVni(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    const lower = c.toLowerCase();
    // A mark attaches only to a vowel that has none yet ("Nguyeãn": the ã is the e's circumflex and tilde).
    const prevBase = out.normalize('NFD').slice(-1).toLowerCase();
    const prevPlain = /[aeouy]/.test(prevBase);
    if (prevPlain && lower in VNI_TONE) {
      out += VNI_TONE[lower];
    } else if (prevPlain && 'aeo'.includes(prevBase) && lower in VNI_HAT) {
      out += CIRCUMFLEX + VNI_HAT[lower]!;
    } else if (prevPlain && prevBase === 'a' && lower in VNI_BREVE) {
      out += BREVE + VNI_BREVE[lower]!;
    } else if (/[ơư]/.test(out.slice(-1).toLowerCase()) && lower in VNI_TONE) {
      out += VNI_TONE[lower];
    } else if (lower in VNI_SINGLE) {
      out += withCase(VNI_SINGLE[lower]!, isUpper(c));
    } else {
      out += c;
    }
    out = out.normalize('NFC');
  }
  return out;
}

/**
 * A cell in capitals (.VnTimeH) keeps its unaccented letters as ASCII capitals while the accented ones
 * carry lowercase codes, so the whole cell is raised when its ASCII letters are all capitals.
 */
export function decodeTcvn3(text: string): string {
  let out = '';
  for (const c of text) out += TCVN3.get(c) ?? c;
  const ascii = text.replace(/[^A-Za-z]/g, '');
  if (ascii.length >= 2 && ascii === ascii.toUpperCase()) out = out.toLocaleUpperCase('vi');
  return out.normalize('NFC');
}

export function decodeLegacy(text: string, font: LegacyFont): string {
  return font === 'tcvn3' ? decodeTcvn3(text) : decodeVni(text);
}

const ONSET = '(?:ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|b|c|d|đ|g|h|k|l|m|n|p|r|s|t|v|x)?';
/** "oo" (xoong, boong: loanwords) is left out: it would make TCVN3 "boọ" of VNI "boä" (bộ) look Vietnamese. */
const NUCLEI = [
  'a',
  'ă',
  'â',
  'e',
  'ê',
  'i',
  'o',
  'ô',
  'ơ',
  'u',
  'ư',
  'y',
  'ai',
  'ao',
  'au',
  'ay',
  'âu',
  'ây',
  'eo',
  'êu',
  'ia',
  'iê',
  'iu',
  'oa',
  'oă',
  'oe',
  'oi',
  'ôi',
  'ơi',
  'ua',
  'uâ',
  'uê',
  'ui',
  'uô',
  'uơ',
  'uy',
  'ưa',
  'ưi',
  'ươ',
  'ưu',
  'yê',
  'iêu',
  'yêu',
  'oai',
  'oay',
  'oao',
  'oeo',
  'uây',
  'uôi',
  'uya',
  'uyê',
  'uyu',
  'ươi',
  'ươu',
].sort((a, b) => b.length - a.length);
const SYLLABLE = new RegExp(`^${ONSET}(?:${NUCLEI.join('|')})(?:ch|ng|nh|c|m|n|p|t)?$`);

/** Spelled like a Vietnamese syllable: onset, vowel cluster, ending, and at most one tone mark. */
export function isVietnameseSyllable(word: string): boolean {
  const nfd = word.toLowerCase().normalize('NFD');
  const tones = nfd.match(/[\u0300\u0301\u0303\u0309\u0323]/g)?.length ?? 0;
  if (tones > 1) return false;
  return SYLLABLE.test(nfd.replace(/[\u0300\u0301\u0303\u0309\u0323]/g, '').normalize('NFC'));
}

/** Separators only: TCVN3 letters include symbols (µ ¸ « ­), so a word is whatever lies between these. */
const WORD_BREAK = /[\s,.;:!?()[\]/\\"'“”‘’\-–—+*=_0-9]+/;
const HIGH_LATIN = /[\u0080-\u00ff]/;
const BEYOND_LATIN1_LETTER = /(?=\p{L})[\u0100-\u{10ffff}]/u;

export type CellReading = 'unicode' | LegacyFont | null;

/**
 * How one cell reads best: the words with Latin-1 letters are counted as Vietnamese syllables as they
 * stand, decoded as TCVN3 and as VNI; a legacy reading wins only when it makes strictly more syllables.
 * Any letter beyond Latin-1 (ơ, ư, ạ; ŭ, ĕ of Ê-đê names) means Unicode; plain ASCII tells nothing.
 */
export function readCell(text: string): CellReading {
  if (BEYOND_LATIN1_LETTER.test(text)) return 'unicode';
  const words = text.split(WORD_BREAK).filter((w) => HIGH_LATIN.test(w));
  if (words.length === 0) return null;
  const count = (decode: (w: string) => string) => words.filter((w) => isVietnameseSyllable(decode(w))).length;
  const raw = count((w) => w);
  const tcvn3 = count(decodeTcvn3);
  const vni = count(decodeVni);
  if (Math.max(tcvn3, vni) <= raw) return raw > 0 ? 'unicode' : null;
  if (tcvn3 === vni) return null;
  return tcvn3 > vni ? 'tcvn3' : 'vni';
}

export interface FontVerdict {
  font: LegacyFont;
  /** Cells that read as this font. */
  cells: number;
}

/** Fewer cells than this prove nothing; the font must also hold this share of the cells that tell. */
const MIN_CELLS = 3;
const MIN_SHARE = 0.75;

/** The legacy font a set of cells was typed in, when enough cells say so and few say otherwise. */
export function detectLegacyFont(texts: Iterable<string>): FontVerdict | null {
  const votes = { unicode: 0, tcvn3: 0, vni: 0 };
  for (const t of texts) {
    const r = readCell(t);
    if (r) votes[r]++;
  }
  const total = votes.unicode + votes.tcvn3 + votes.vni;
  const font: LegacyFont = votes.tcvn3 >= votes.vni ? 'tcvn3' : 'vni';
  const cells = votes[font];
  return cells >= MIN_CELLS && cells >= total * MIN_SHARE ? { font, cells } : null;
}
