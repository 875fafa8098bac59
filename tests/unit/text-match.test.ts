import { describe, expect, it } from 'vitest';
import { exactWordKey, nameMatchTier, typedWords } from '../../shared/domain/text-match';

describe('text matching for ranked searches', () => {
  it('keys a word as spelled whatever the tone placement, case or composition', () => {
    expect(exactWordKey('Hòa')).toBe(exactWordKey('hoà'));
    expect(exactWordKey('HOÀ'.normalize('NFD'))).toBe('hoa1');
    expect(exactWordKey('Hà')).not.toBe(exactWordKey('Hạ'));
    expect(exactWordKey('Lệ')).toBe('lê5');
    expect(exactWordKey('Ðức')).toBe('đưc4');
    expect(exactWordKey('An')).toBe('an0');
  });

  it('marks only words typed with diacritics', () => {
    expect(typedWords('Thị le Đ').map((w) => w.marked)).toEqual([true, false, true]);
  });

  it('tiers a name: as typed, in order, anywhere, none', () => {
    const tier = (q: string, name: string) => nameMatchTier(typedWords(q), name);
    expect(tier('Thị Lệ', 'Nguyễn Thị Lệ')).toBe(1);
    expect(tier('Thị Lệ', 'Trần Thị Lê')).toBe(2);
    expect(tier('Thị Lệ', 'Lê Thị An')).toBe(3);
    expect(tier('thi le', 'Nguyễn Thị Lệ')).toBe(2);
    expect(tier('Chi bộ thôn 3', 'Chi bộ thôn 3 xã Tịnh Khê')).toBe(1);
    expect(tier('thon 3', 'Chi bộ thôn 30')).toBe(2);
    expect(tier('3 thon', 'Chi bộ thôn 3')).toBe(3);
    expect(tier('thon 4', 'Chi bộ thôn 3')).toBe(0);
    expect(tier('', 'Chi bộ thôn 3')).toBe(0);
  });
});
