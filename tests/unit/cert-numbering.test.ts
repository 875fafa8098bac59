import { describe, expect, it } from 'vitest';
import { clerkPattern, formatCertNumber, patternError, patternHasYear, storedPattern } from '../../shared/domain/cert-numbering';

const v = { seq: 7, year: 2026 };

describe('formatCertNumber', () => {
  it('formats the two usual patterns', () => {
    expect(formatCertNumber('{seq}/GCN-TTCT', v)).toBe('7/GCN-TTCT');
    expect(formatCertNumber('{year}.{seq:4}', v)).toBe('2026.0007');
  });
  it('pads to a minimum width and never cuts a longer sequence', () => {
    expect(formatCertNumber('{seq:4}', { seq: 12345, year: 2026 })).toBe('12345');
    expect(formatCertNumber('{seq:4}', { seq: 1234, year: 2026 })).toBe('1234');
    expect(formatCertNumber('{seq:1}', { seq: 7, year: 2026 })).toBe('7');
    expect(formatCertNumber('{seq:8}', { seq: 7, year: 2026 })).toBe('00000007');
  });
  it('gives the last two digits of the year for {yy}, zero-padded', () => {
    expect(formatCertNumber('{seq}/{yy}', v)).toBe('7/26');
    expect(formatCertNumber('{seq}/{yy}', { seq: 7, year: 2005 })).toBe('7/05');
    expect(formatCertNumber('{seq}/{yy}', { seq: 7, year: 2100 })).toBe('7/00');
  });
  it('allows the year twice and tokens next to each other', () => {
    expect(formatCertNumber('{year}{seq:3}-{yy}', v)).toBe('2026007-26');
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
  it('requires exactly one {seq}', () => {
    expect(patternError('GCN-TTCT')).toBe('Mẫu số phải có đúng một phần số thứ tự: [số] hoặc [số 4 chữ số]');
    expect(patternError('{year}')).toBe('Mẫu số phải có đúng một phần số thứ tự: [số] hoặc [số 4 chữ số]');
    expect(patternError('{seq}/{seq:4}')).toBe('Mẫu số phải có đúng một phần số thứ tự: [số] hoặc [số 4 chữ số]');
    expect(patternError('{seq}{seq}')).toBe('Mẫu số phải có đúng một phần số thứ tự: [số] hoặc [số 4 chữ số]');
  });
  it('names an unknown token', () => {
    expect(patternError('{seq}/{abc}')).toBe('Không hiểu «{abc}» trong mẫu số; dùng [số], [số 4 chữ số], [năm] hoặc [năm 2 số]');
    expect(patternError('{SEQ}')).toBe('Không hiểu «{SEQ}» trong mẫu số; dùng [số], [số 4 chữ số], [năm] hoặc [năm 2 số]');
    expect(patternError('{seq }')).toBe('Không hiểu «{seq }» trong mẫu số; dùng [số], [số 4 chữ số], [năm] hoặc [năm 2 số]');
    expect(patternError('{seq:x}')).toBe('Không hiểu «{seq:x}» trong mẫu số; dùng [số], [số 4 chữ số], [năm] hoặc [năm 2 số]');
    expect(patternError('{seq:}')).toBe('Không hiểu «{seq:}» trong mẫu số; dùng [số], [số 4 chữ số], [năm] hoặc [năm 2 số]');
    expect(patternError('{seq}{}')).toBe('Không hiểu «{}» trong mẫu số; dùng [số], [số 4 chữ số], [năm] hoặc [năm 2 số]');
    expect(patternError('{năm}/{seq}')).toBe('Không hiểu «{năm}» trong mẫu số; dùng [số], [số 4 chữ số], [năm] hoặc [năm 2 số]');
  });
  it('refuses a padding outside 1–8', () => {
    expect(patternError('{seq:0}')).toBe('Số chữ số trong «{seq:0}» phải từ 1 đến 8');
    expect(patternError('{seq:9}')).toBe('Số chữ số trong «{seq:9}» phải từ 1 đến 8');
    expect(patternError('{seq:12}')).toBe('Số chữ số trong «{seq:12}» phải từ 1 đến 8');
  });
  it('refuses unbalanced braces', () => {
    expect(patternError('{seq')).toBe('Mẫu số thiếu dấu «}» đóng sau «{seq»');
    expect(patternError('{seq/GCN')).toBe('Mẫu số thiếu dấu «}» đóng sau «{seq/GCN»');
    expect(patternError('{se{seq}')).toBe('Mẫu số thiếu dấu «}» đóng sau «{se»');
    expect(patternError('{seq}}')).toBe('Mẫu số có dấu «}» mà không có dấu «{» mở trước nó');
    expect(patternError('seq}/{seq}')).toBe('Mẫu số có dấu «}» mà không có dấu «{» mở trước nó');
  });
  it('refuses an empty pattern', () => {
    expect(patternError('')).toBe('Mẫu số không được để trống');
    expect(patternError('   ')).toBe('Mẫu số không được để trống');
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
  it('is true when the year is in the number', () => {
    expect(patternHasYear('{year}.{seq:4}')).toBe(true);
    expect(patternHasYear('{seq}/{yy}')).toBe(true);
  });
  it('is false when a restarted sequence would repeat last year’s numbers', () => {
    expect(patternHasYear('{seq}/GCN-TTCT')).toBe(false);
    expect(patternHasYear('{seq:4}')).toBe(false);
    expect(patternHasYear('YEAR{seq}')).toBe(false);
  });
  it('answers for an invalid pattern without throwing', () => {
    expect(patternHasYear('{year}')).toBe(true);
    expect(patternHasYear('{abc}')).toBe(false);
  });
});

describe("patterns in the clerk's words", () => {
  it('reads [số], [số N chữ số], [năm] and [năm 2 số], with or without marks, in any case', () => {
    expect(formatCertNumber('[số]/[năm]/GCN', v)).toBe('7/2026/GCN');
    expect(formatCertNumber('[năm].[số 4 chữ số]', v)).toBe('2026.0007');
    expect(formatCertNumber('[Số 3]/[NĂM 2 SỐ]', v)).toBe('007/26');
    expect(formatCertNumber('[so]-[nam 2 chu so]', v)).toBe('7-26');
    expect(formatCertNumber('Số [số thứ tự]', v)).toBe('Số 7');
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
  it('knows the year is there when written in words', () => {
    expect(patternHasYear('[số]/[năm]')).toBe(true);
    expect(patternHasYear('[số]/[năm 2 số]')).toBe(true);
    expect(patternHasYear('[số]/GCN')).toBe(false);
  });
});
