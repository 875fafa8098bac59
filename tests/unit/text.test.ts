import { describe, expect, it } from 'vitest';
import {
  cleanText,
  comparePeople,
  compareVi,
  foldText,
  fullName,
  isWellFormedText,
  splitFullName,
  upperVi,
} from '../../shared/domain/text';

describe('foldText', () => {
  it.each<[string, [string, string][]]>([
    [
      'drops diacritics and case, and maps đ to d',
      [
        ['Nguyễn Thị Hằng', 'nguyen thi hang'],
        ['Đặng Văn Đức', 'dang van duc'],
        ['ĐẮK HÀ', 'dak ha'],
      ],
    ],
    ['folds letters with two marks (ằ, ễ, ậ)', [['Hằng Nguyễn Trậu', 'hang nguyen trau']]],
  ])('%s', (_, cases) => {
    for (const [input, folded] of cases) expect(foldText(input), input).toBe(folded);
  });
  it('gives the same key for precomposed and decomposed input', () => {
    const nfc = 'Nguyễn Thị Hằng'.normalize('NFC');
    const nfd = 'Nguyễn Thị Hằng'.normalize('NFD');
    expect(nfd).not.toBe(nfc);
    expect(foldText(nfd)).toBe(foldText(nfc));
  });
  it('ignores stray and non-breaking spaces', () => {
    expect(foldText('  Lê\u00A0\u00A0Văn   Tám ')).toBe('le van tam');
  });
});

describe('cleanText', () => {
  it('removes bidirectional controls, which could print a name backwards', () => {
    expect(cleanText('Nguy\u202Eễn Văn\u202C An')).toBe('Nguyễn Văn An');
    expect(cleanText('\u2067Trần\u2069 \u200FThị\u200E Ánh\u061C')).toBe('Trần Thị Ánh');
  });

  it('tells a lone surrogate from a whole character', () => {
    expect(isWellFormedText('Hà 😀')).toBe(true);
    expect(isWellFormedText('Hà \uD83D')).toBe(false);
    expect(isWellFormedText('\uDE00Hà')).toBe(false);
  });

  it('normalises to NFC and collapses spaces', () => {
    const out = cleanText(' Trần\u00A0 Thị  Ánh\u200B '.normalize('NFD'));
    expect(out).toBe('Trần Thị Ánh'.normalize('NFC'));
    expect(out.normalize('NFC')).toBe(out);
  });
});

describe('Vietnamese ordering', () => {
  it('orders letters the Vietnamese way (A Ă Â … D Đ E Ê)', () => {
    const words = ['Đào', 'Dung', 'Ê', 'Ân', 'Ăn', 'An', 'Em'];
    expect([...words].sort(compareVi)).toEqual(['An', 'Ăn', 'Ân', 'Dung', 'Đào', 'Em', 'Ê']);
  });
  it('sorts people by given name, then family and middle name', () => {
    const people = [
      { familyAndMiddle: 'Nguyễn Văn', given: 'Bình' },
      { familyAndMiddle: 'Trần Thị', given: 'An' },
      { familyAndMiddle: 'Lê Văn', given: 'Bình' },
      { familyAndMiddle: 'Đỗ', given: 'Ánh' },
    ];
    expect([...people].sort(comparePeople).map(fullName)).toEqual(['Trần Thị An', 'Đỗ Ánh', 'Lê Văn Bình', 'Nguyễn Văn Bình']);
  });
});

describe('names', () => {
  it('guesses the given name as the last word (a guess only)', () => {
    expect(splitFullName(' Nguyễn  Thị Hằng ')).toEqual({ familyAndMiddle: 'Nguyễn Thị', given: 'Hằng' });
    expect(splitFullName('Y Moan Niê')).toEqual({ familyAndMiddle: 'Y Moan', given: 'Niê' });
    expect(splitFullName('Hùng')).toEqual({ familyAndMiddle: '', given: 'Hùng' });
  });
  it('upper-cases Vietnamese for printed headers', () => {
    expect(upperVi('Đảng ủy xã Đắk Hà')).toBe('ĐẢNG ỦY XÃ ĐẮK HÀ');
  });
});
