import { describe, expect, it } from 'vitest';
import { clerkPattern, formatCertNumber, patternError, patternHasYear, storedPattern } from '../../shared/domain/cert-numbering';

const v = { seq: 7, year: 2026 };

describe('formatCertNumber', () => {
  it.each<[string, [string, string, { seq: number; year: number }][]]>([
    [
      'formats the two usual patterns',
      [
        ['{seq}/GCN-TTCT', '7/GCN-TTCT', v],
        ['{year}.{seq:4}', '2026.0007', v],
      ],
    ],
    [
      'pads to a minimum width and never cuts a longer sequence',
      [
        ['{seq:4}', '12345', { seq: 12345, year: 2026 }],
        ['{seq:4}', '1234', { seq: 1234, year: 2026 }],
        ['{seq:1}', '7', { seq: 7, year: 2026 }],
        ['{seq:8}', '00000007', { seq: 7, year: 2026 }],
      ],
    ],
    [
      'gives the last two digits of the year for {yy}, zero-padded',
      [
        ['{seq}/{yy}', '7/26', v],
        ['{seq}/{yy}', '7/05', { seq: 7, year: 2005 }],
        ['{seq}/{yy}', '7/00', { seq: 7, year: 2100 }],
      ],
    ],
    ['allows the year twice and tokens next to each other', [['{year}{seq:3}-{yy}', '2026007-26', v]]],
  ])('%s', (_, cases) => {
    for (const [pattern, expected, values] of cases) expect(formatCertNumber(pattern, values), pattern).toBe(expected);
  });
  it('keeps Vietnamese literal text, as NFC', () => {
    const out = formatCertNumber('{seq}/GCN-TTCT-ĐắkHà'.normalize('NFD'), v);
    expect(out).toBe('7/GCN-TTCT-ĐắkHà'.normalize('NFC'));
  });
  it('throws on an invalid pattern', () => {
    expect(() => formatCertNumber('GCN-TTCT', v)).toThrow(/pattern/);
    expect(() => formatCertNumber('{seq', v)).toThrow();
  });
  it('throws on a sequence or year no certificate can have', () => {
    expect(() => formatCertNumber('{seq}', { seq: 0, year: 2026 })).toThrow(RangeError);
    expect(() => formatCertNumber('{seq}', { seq: 1.5, year: 2026 })).toThrow(RangeError);
    expect(() => formatCertNumber('{seq}', { seq: Number.NaN, year: 2026 })).toThrow(RangeError);
    expect(() => formatCertNumber('{seq}', { seq: 1, year: 26 })).toThrow(RangeError);
    expect(() => formatCertNumber('{seq}', { seq: 1, year: 2026.5 })).toThrow(RangeError);
  });
});

describe('patternError', () => {
  it('accepts the usual patterns', () => {
    for (const p of ['{seq}/GCN-TTCT', '{year}.{seq:4}', '{seq:1}', '{seq:8}', 'Số {seq}_{yy}', '{seq}/GCN-TTCT-ĐắkHà']) {
      expect(patternError(p), p).toBeNull();
    }
  });
  it('accepts Vietnamese letters typed decomposed (NFD)', () => {
    expect(patternError('{seq}/GCN-TTCT-ĐắkHà'.normalize('NFD'))).toBeNull();
    expect(patternError('{seq}/Ươ-Ễ-ỹ')).toBeNull();
  });
  it('accepts exactly 60 characters, counting Vietnamese letters as one each', () => {
    const p = '{seq}' + 'Đ'.repeat(55);
    expect([...p].length).toBe(60);
    expect(patternError(p)).toBeNull();
    expect(patternError(p.normalize('NFD'))).toBeNull();
  });
  it.each<[string, [string, string | null][]]>([
    [
      'requires exactly one {seq}',
      [
        ['GCN-TTCT', 'Mẫu số phải có đúng một phần số thứ tự: [số] hoặc [số 4 chữ số]'],
        ['{year}', 'Mẫu số phải có đúng một phần số thứ tự: [số] hoặc [số 4 chữ số]'],
        ['{seq}/{seq:4}', 'Mẫu số phải có đúng một phần số thứ tự: [số] hoặc [số 4 chữ số]'],
        ['{seq}{seq}', 'Mẫu số phải có đúng một phần số thứ tự: [số] hoặc [số 4 chữ số]'],
      ],
    ],
    [
      'names an unknown token',
      [
        ['{seq}/{abc}', 'Không hiểu «{abc}» trong mẫu số; dùng [số], [số 4 chữ số], [năm] hoặc [năm 2 số]'],
        ['{SEQ}', 'Không hiểu «{SEQ}» trong mẫu số; dùng [số], [số 4 chữ số], [năm] hoặc [năm 2 số]'],
        ['{seq }', 'Không hiểu «{seq }» trong mẫu số; dùng [số], [số 4 chữ số], [năm] hoặc [năm 2 số]'],
        ['{seq:x}', 'Không hiểu «{seq:x}» trong mẫu số; dùng [số], [số 4 chữ số], [năm] hoặc [năm 2 số]'],
        ['{seq:}', 'Không hiểu «{seq:}» trong mẫu số; dùng [số], [số 4 chữ số], [năm] hoặc [năm 2 số]'],
        ['{seq}{}', 'Không hiểu «{}» trong mẫu số; dùng [số], [số 4 chữ số], [năm] hoặc [năm 2 số]'],
        ['{năm}/{seq}', 'Không hiểu «{năm}» trong mẫu số; dùng [số], [số 4 chữ số], [năm] hoặc [năm 2 số]'],
      ],
    ],
    [
      'refuses a padding outside 1–8',
      [
        ['{seq:0}', 'Số chữ số trong «{seq:0}» phải từ 1 đến 8'],
        ['{seq:9}', 'Số chữ số trong «{seq:9}» phải từ 1 đến 8'],
        ['{seq:12}', 'Số chữ số trong «{seq:12}» phải từ 1 đến 8'],
      ],
    ],
    [
      'refuses unbalanced braces',
      [
        ['{seq', 'Mẫu số thiếu dấu «}» đóng sau «{seq»'],
        ['{seq/GCN', 'Mẫu số thiếu dấu «}» đóng sau «{seq/GCN»'],
        ['{se{seq}', 'Mẫu số thiếu dấu «}» đóng sau «{se»'],
        ['{seq}}', 'Mẫu số có dấu «}» mà không có dấu «{» mở trước nó'],
        ['seq}/{seq}', 'Mẫu số có dấu «}» mà không có dấu «{» mở trước nó'],
      ],
    ],
    [
      'refuses an empty pattern',
      [
        ['', 'Mẫu số không được để trống'],
        ['   ', 'Mẫu số không được để trống'],
      ],
    ],
  ])('%s', (_, cases) => {
    for (const [input, expected] of cases) expect(patternError(input), input).toBe(expected);
  });
  it('refuses a pattern longer than 60 characters', () => {
    const p = '{seq}' + 'A'.repeat(56);
    expect(patternError(p)).toBe('Mẫu số dài quá 60 ký tự (hiện có 61)');
  });
  it('refuses leading and trailing spaces, which would not show on paper', () => {
    expect(patternError(' {seq}')).toBe('Mẫu số không được bắt đầu hay kết thúc bằng dấu cách');
    expect(patternError('{seq} ')).toBe('Mẫu số không được bắt đầu hay kết thúc bằng dấu cách');
    expect(patternError('Số {seq}')).toBeNull();
  });
  it('refuses other literal characters, naming the first one', () => {
    const msg = (c: string) => `Mẫu số không được có ký tự «${c}»: chỉ dùng chữ, chữ số, dấu cách, / - . _ và các phần trong ngoặc vuông`;
    expect(patternError('{seq}#A')).toBe(msg('#'));
    expect(patternError('{seq}:GCN')).toBe(msg(':'));
    expect(patternError('{seq}\\GCN')).toBe(msg('\\'));
    expect(patternError('{seq},{year}')).toBe(msg(','));
    expect(patternError('{seq}–GCN')).toBe(msg('–'));
    expect(patternError('{seq}/①')).toBe(msg('①'));
    expect(patternError('{seq}/٣')).toBe(msg('٣'));
    expect(patternError('{seq}\tGCN')).toBe(msg('U+0009'));
    expect(patternError('{seq}\u00A0GCN')).toBe(msg('U+00A0'));
    expect(patternError('{seq}\u200BGCN')).toBe(msg('U+200B'));
  });
  it('checks the characters before the {seq} count, so the first problem is named', () => {
    expect(patternError('GCN#')).toBe(
      'Mẫu số không được có ký tự «#»: chỉ dùng chữ, chữ số, dấu cách, / - . _ và các phần trong ngoặc vuông',
    );
  });
});

describe('patternHasYear', () => {
  it.each<[string, [string, boolean][]]>([
    [
      'is true when the year is in the number',
      [
        ['{year}.{seq:4}', true],
        ['{seq}/{yy}', true],
      ],
    ],
    [
      'is false when a restarted sequence would repeat last year’s numbers',
      [
        ['{seq}/GCN-TTCT', false],
        ['{seq:4}', false],
        ['YEAR{seq}', false],
      ],
    ],
    [
      'answers for an invalid pattern without throwing',
      [
        ['{year}', true],
        ['{abc}', false],
      ],
    ],
  ])('%s', (_, cases) => {
    for (const [input, expected] of cases) expect(patternHasYear(input), input).toBe(expected);
  });
});

describe("patterns in the clerk's words", () => {
  it.each<[string, [string, string, { seq: number; year: number }][]]>([
    [
      'reads [số], [số N chữ số], [năm] and [năm 2 số], with or without marks, in any case',
      [
        ['[số]/[năm]/GCN', '7/2026/GCN', v],
        ['[năm].[số 4 chữ số]', '2026.0007', v],
        ['[Số 3]/[NĂM 2 SỐ]', '007/26', v],
        ['[so]-[nam 2 chu so]', '7-26', v],
        ['Số [số thứ tự]', 'Số 7', v],
      ],
    ],
  ])('%s', (_, cases) => {
    for (const [pattern, expected, values] of cases) expect(formatCertNumber(pattern, values), pattern).toBe(expected);
  });
  it("stores the short form and shows the clerk's form, both ways without loss", () => {
    expect(storedPattern('[số]/[năm]/GCN')).toBe('{seq}/{year}/GCN');
    expect(storedPattern('[năm].[số 4 chữ số]')).toBe('{year}.{seq:4}');
    expect(storedPattern('{seq}/{yy}')).toBe('{seq}/{yy}');
    expect(clerkPattern('{seq}/{year}/GCN')).toBe('[số]/[năm]/GCN');
    expect(clerkPattern('{year}.{seq:4}-{yy}')).toBe('[năm].[số 4 chữ số]-[năm 2 số]');
    for (const p of ['{seq}/GCN-TTCT', '{year}.{seq:4}', 'Số {seq}_{yy}']) expect(storedPattern(clerkPattern(p))).toBe(p);
  });
  it("never names the stored tokens in a message about the clerk's pattern", () => {
    for (const p of ['GCN', '[số]/[số]', '[tháng]/[số]', '[số 12 chữ số]', '[số/GCN', 'GCN]', '[số]#']) {
      const message = patternError(p);
      expect(message, p).not.toBeNull();
      expect(message, p).not.toMatch(/\{(seq|year|yy)/);
    }
    expect(patternError('[số 12 chữ số]')).toBe('Số chữ số trong «[số 12 chữ số]» phải từ 1 đến 8');
    expect(patternError('[số/GCN')).toBe('Mẫu số thiếu dấu «]» đóng sau «[số/GCN»');
  });
  it.each<[string, [string, boolean][]]>([
    [
      'knows the year is there when written in words',
      [
        ['[số]/[năm]', true],
        ['[số]/[năm 2 số]', true],
        ['[số]/GCN', false],
      ],
    ],
  ])('%s', (_, cases) => {
    for (const [input, expected] of cases) expect(patternHasYear(input), input).toBe(expected);
  });
});
