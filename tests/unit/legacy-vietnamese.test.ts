import { describe, expect, it } from 'vitest';
import {
  TCVN3_CODES,
  TCVN3_LETTERS,
  decodeLegacy,
  decodeTcvn3,
  decodeVni,
  detectLegacyFont,
  isVietnameseSyllable,
  readCell,
} from '../../shared/domain/legacy-vietnamese';

const TONES = ['', '\u0301', '\u0300', '\u0309', '\u0303', '\u0323'];
const VOWELS = ['a', 'ă', 'â', 'e', 'ê', 'i', 'o', 'ô', 'ơ', 'u', 'ư', 'y'];
/** Every lowercase Vietnamese letter that is not plain ASCII: 12 vowels × 6 tones − 6 plain vowels + đ = 67. */
const LOWER = ['đ', ...VOWELS.flatMap((v) => TONES.map((t) => (v + t).normalize('NFC')))].filter((l) => !/^[a-z]$/.test(l));
const UPPER = LOWER.map((l) => l.toUpperCase());

/** The inverse of the TCVN3 table; toned capitals are typed with the lowercase code in .VnTimeH. */
function encodeTcvn3(text: string): string {
  const inverse = new Map([...TCVN3_LETTERS].map((l, i) => [l, TCVN3_CODES[i]!]));
  return [...text.normalize('NFC')].map((c) => inverse.get(c) ?? inverse.get(c.toLowerCase()) ?? c).join('');
}

/** VNI written from the letter's parts: the base, then one character for its marks. */
function encodeVni(text: string): string {
  return [...text.normalize('NFC')]
    .map((c) => {
      const upper = c !== c.toLowerCase();
      const cased = (s: string) => (upper ? s.toUpperCase() : s);
      const [base = '', ...marks] = c.toLowerCase().normalize('NFD');
      const tone = marks.find((m) => TONES.includes(m)) ?? '';
      const toneIndex = TONES.indexOf(tone);
      if (c.toLowerCase() === 'đ') return cased('ñ');
      if (base === 'i' && tone) return cased('íìæóò'[toneIndex - 1]!);
      if (base === 'y' && tone === '\u0323') return cased('î');
      const plainTone = 'ùøûõï'[toneIndex - 1] ?? '';
      if (marks.includes('\u031B')) return cased((base === 'o' ? 'ô' : 'ö') + plainTone);
      if (marks.includes('\u0302')) return cased(base + 'âáàåãä'[toneIndex]!);
      if (marks.includes('\u0306')) return cased(base + 'êéèúüë'[toneIndex]!);
      return tone ? cased(base + plainTone) : c;
    })
    .join('');
}

describe('legacy Vietnamese fonts: every letter', () => {
  it('lists the 134 Vietnamese letters', () => {
    expect(new Set([...LOWER, ...UPPER]).size).toBe(134);
  });

  it.each(LOWER)('TCVN3 «%s»', (letter) => {
    const code = encodeTcvn3(letter);
    expect(code).toHaveLength(1);
    expect(code.charCodeAt(0)).toBeGreaterThanOrEqual(0xa1);
    expect(decodeTcvn3(code)).toBe(letter);
  });

  it.each(UPPER)('TCVN3 capitals (.VnTimeH) «%s»', (letter) => {
    // A capital reads as one only inside a word of capitals.
    expect(decodeTcvn3(`N${encodeTcvn3(letter)}N`)).toBe(`N${letter}N`);
  });

  it.each([...LOWER, ...UPPER])('VNI «%s»', (letter) => {
    const code = encodeVni(letter);
    expect([...code].every((c) => c.charCodeAt(0) <= 0xff)).toBe(true);
    expect(decodeVni(code)).toBe(letter);
    expect(decodeVni(`Ng${code}n`)).toBe(`Ng${letter}n`);
  });
});

describe('legacy Vietnamese fonts: real text', () => {
  const tcvn3: [string, string][] = [
    ['NguyÔn V¨n An', 'Nguyễn Văn An'],
    ['Hå ChÝ Minh', 'Hồ Chí Minh'],
    ['Céng hoµ x· héi chñ nghÜa ViÖt Nam', 'Cộng hoà xã hội chủ nghĩa Việt Nam'],
    ['§éc lËp - Tù do - H¹nh phóc', 'Độc lập - Tự do - Hạnh phúc'],
    ['§¶ng bé x· §¾k Hµ', 'Đảng bộ xã Đắk Hà'],
    ['Tr­¬ng ThÞ Thuý', 'Trương Thị Thuý'],
    ['Chi bé th«n 1', 'Chi bộ thôn 1'],
    ['NGUYÔN V¡N AN', 'NGUYỄN VĂN AN'],
  ];
  const vni: [string, string][] = [
    ['Nguyeãn Vaên An', 'Nguyễn Văn An'],
    ['Hoà Chí Minh', 'Hồ Chí Minh'],
    ['Coäng hoøa xaõ hoäi chuû nghóa Vieät Nam', 'Cộng hòa xã hội chủ nghĩa Việt Nam'],
    ['Ñoäc laäp - Töï do - Haïnh phuùc', 'Độc lập - Tự do - Hạnh phúc'],
    ['Tröông Thò Thuùy', 'Trương Thị Thúy'],
    ['Ñaëng Xuaân Tröôøng', 'Đặng Xuân Trường'],
    ['NGUYEÃN VAÊN AN', 'NGUYỄN VĂN AN'],
  ];
  it.each(tcvn3)('TCVN3 «%s» → «%s», read as TCVN3', (legacy, unicode) => {
    expect(decodeLegacy(legacy, 'tcvn3')).toBe(unicode);
    expect(encodeTcvn3(unicode)).toBe(legacy);
    expect(readCell(legacy)).toBe('tcvn3');
  });
  it.each(vni)('VNI «%s» → «%s»', (legacy, unicode) => {
    expect(decodeLegacy(legacy, 'vni')).toBe(unicode);
  });
  it('reads VNI cells as VNI unless they are also plain Vietnamese', () => {
    // "Hoà Chí Minh" is also a valid Unicode spelling ("Hoà"): one such cell proves nothing.
    expect(vni.filter(([l]) => l !== 'Hoà Chí Minh').map(([l]) => readCell(l))).toEqual(vni.slice(0, -1).map(() => 'vni'));
    expect(readCell('Hoà Chí Minh')).toBe('unicode');
  });
  it('reads a TCVN3 cell as TCVN3 though it holds a Unicode dash, and a cell of plain ASCII as telling nothing', () => {
    expect(readCell('Chi bé th«n 1 – x· §¾k Hµ')).toBe('tcvn3');
    expect(readCell('Chi bo thon 1')).toBeNull();
  });
});

describe('legacy Vietnamese fonts: detection', () => {
  const unicodeList = [
    'Họ và tên',
    'Nguyễn Văn An',
    'Trần Thị Bình',
    'Hòa Bình',
    'Lê Thị Thúy',
    'Chi bộ thôn 1',
    'Đảng bộ xã Đắk Hà',
    'Hà Tĩnh',
    'Bí thư chi bộ',
  ];
  const minorityNames = ['Y Moan Niê', "H'Hen Niê", 'Ksor Y Ŭn', 'Y Bhăm Ênuôl', "H'Bĭ Mlô", 'Rơ Mah H’Bé', 'Y Kŭ Êban', 'Kpă Y Lưu'];
  const english = ['John Smith', 'Party cell No. 3', 'Café Noël', 'Mary Müller', 'François Dupont', 'José Muñoz'];

  it('does not fire on Unicode Vietnamese, Ê-đê and Jrai names, or English', () => {
    expect(detectLegacyFont(unicodeList)).toBeNull();
    expect(detectLegacyFont(minorityNames)).toBeNull();
    expect(detectLegacyFont(english)).toBeNull();
    expect([...unicodeList, ...minorityNames].map(readCell).every((r) => r === 'unicode' || r === null)).toBe(true);
    expect(english.map(readCell).every((r) => r === null)).toBe(true);
  });

  it('finds TCVN3 and VNI lists, and not three cells among many in Unicode', () => {
    const tcvn3 = ['Hä vµ tªn', 'NguyÔn V¨n An', 'TrÇn ThÞ B×nh', 'Lª ThÞ Thuý', 'Chi bé th«n 1', 'John'];
    expect(detectLegacyFont(tcvn3)).toEqual({ font: 'tcvn3', cells: 5 });
    const vni = ['Hoï vaø teân', 'Nguyeãn Vaên An', 'Traàn Thò Bình', 'Leâ Thò Thuùy', 'Chi boä thoân 1'];
    expect(detectLegacyFont(vni)).toEqual({ font: 'vni', cells: 5 });
    expect(detectLegacyFont(['NguyÔn V¨n An', 'TrÇn ThÞ B×nh', 'Lª ThÞ Thuý', ...unicodeList])).toBeNull();
    expect(detectLegacyFont(['NguyÔn V¨n An', 'TrÇn ThÞ B×nh'])).toBeNull();
  });

  it('knows a Vietnamese syllable', () => {
    for (const w of ['nguyễn', 'giêng', 'quốc', 'khuỷu', 'người', 'gì', 'Trường']) expect(isVietnameseSyllable(w)).toBe(true);
    for (const w of ['nguyeón', 'vaờn', 'smith', 'müller', 'hốà']) expect(isVietnameseSyllable(w)).toBe(false);
  });
});
