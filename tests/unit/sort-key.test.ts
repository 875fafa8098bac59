import { describe, expect, it } from 'vitest';
import { personSortKey } from '../../shared/domain/sort-key';
import { comparePeople, type PersonName } from '../../shared/domain/text';

const FAMILY = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Huỳnh', 'Đặng', 'Đỗ', 'Âu Dương', 'Tôn Nữ', 'Y', 'A', 'Ksor', 'Rơ Châm'];
const MIDDLE = ['', 'Văn', 'Thị', 'Thị Thu', 'Đức', 'Ngọc', 'Minh', 'Hữu', 'Thanh'];
const GIVEN = [
  'An',
  'Ân',
  'Ăn',
  'Anh',
  'Ánh',
  'Ảnh',
  'Ành',
  'Ãnh',
  'Ạnh',
  'anh',
  'Hoa',
  'Hoà',
  'Hòa',
  'Hóa',
  'Hằng',
  'Hàng',
  'Hang',
  'Đào',
  'Dung',
  'Ê',
  'Em',
  'Ơn',
  'Ôn',
  'On',
  'Ư',
  'Út',
  'Uyên',
  'Yến',
  'Ý',
  'Moan Niê',
  'Thút',
  'Nhi',
  'Nhị',
  'Bình2',
  'Z',
];

function sample(n: number): PersonName[] {
  let seed = 42;
  const rnd = (k: number) => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    return seed % k;
  };
  return Array.from({ length: n }, () => ({
    familyAndMiddle: `${FAMILY[rnd(FAMILY.length)]} ${MIDDLE[rnd(MIDDLE.length)]}`.trim(),
    given: GIVEN[rnd(GIVEN.length)]!,
  }));
}

describe('personSortKey', () => {
  it('orders exactly like Intl.Collator("vi") by given name, then family name', () => {
    const people = sample(3000);
    const byCollator = [...people].sort(comparePeople);
    const byKey = [...people].sort((a, b) => {
      const ka = personSortKey(a);
      const kb = personSortKey(b);
      return ka < kb ? -1 : ka > kb ? 1 : 0;
    });
    // Equal names may come in any order; compare the names, not the objects.
    const names = (list: PersonName[]) => list.map((p) => `${p.given}|${p.familyAndMiddle}`);
    expect(names(byKey)).toEqual(names(byCollator));
  });

  it('is plain ASCII so SQLite compares it byte by byte', () => {
    expect(personSortKey({ familyAndMiddle: 'Đặng Thị', given: 'Hằng' })).toMatch(/^[\x21-\x7e]+$/);
  });

  it('gives the same key for precomposed and decomposed input', () => {
    const n = { familyAndMiddle: 'Nguyễn Thị', given: 'Hằng' };
    const d = { familyAndMiddle: n.familyAndMiddle.normalize('NFD'), given: n.given.normalize('NFD') };
    expect(personSortKey(d)).toBe(personSortKey(n));
  });
});
