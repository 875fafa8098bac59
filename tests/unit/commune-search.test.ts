import { describe, expect, it } from 'vitest';
import { communeNameKey, communeRanker, rankCommunes } from '../../shared/domain/commune-search';
import { foldText } from '../../shared/domain/text';
import { COMMUNES } from '../../electron/core/reference/communes';

const names = (list: readonly { name: string; provinceName: string }[]) => list.map((c) => `${c.name}, ${c.provinceName}`);

describe('commune search: the 2025 list', () => {
  it.each(['Đăk Hà', 'dak ha', 'Đắk Hà', 'ĐẮK HÀ', 'xa dak ha', 'Xã Đắk Hà', 'Ðăk Hà' /* eth, not Đ */])(
    '«%s» puts Xã Đăk Hà first',
    (q) => {
      const hits = rankCommunes(COMMUNES, q);
      expect(hits[0]?.name).toBe('Xã Đăk Hà');
    },
  );
  it('no longer lets "Sơn Thành, Đắk Lắk" (d-a-k … t-h-a-n-h) outrank it', () => {
    const hits = names(rankCommunes(COMMUNES, 'Đăk Hà'));
    const sonThanh = hits.findIndex((h) => h.startsWith('Xã Sơn Thành,'));
    expect(hits.indexOf(hits.find((h) => h.startsWith('Xã Đăk Hà,'))!)).toBe(0);
    expect(sonThanh === -1 || sonThanh > 0).toBe(true);
  });
  it('a half-typed name finds communes whose words start with the typed words', () => {
    const starting = COMMUNES.filter((c) => /^\S+ dak/.test(foldText(c.name))).length;
    expect(starting).toBeGreaterThan(1);
    const hits = rankCommunes(COMMUNES, 'dak');
    for (const c of hits.slice(0, starting)) expect(foldText(c.name)).toMatch(/^\S+ dak/);
  });
  it('keeps to the limit', () => {
    expect(rankCommunes(COMMUNES, '', [], 100)).toHaveLength(100);
    expect(rankCommunes(COMMUNES, 'a', [], 5)).toHaveLength(5);
  });
});

describe('commune search: ranking', () => {
  const list = [
    { code: '1', name: 'Xã Tân Phú', provinceName: 'Đồng Nai' },
    { code: '2', name: 'Xã Tân Phú', provinceName: 'An Giang' },
    { code: '3', name: 'Phường Tân Phú Đông', provinceName: 'Đồng Tháp' },
    { code: '4', name: 'Xã Phú Tân', provinceName: 'Cà Mau' },
    { code: '5', name: 'Xã Hòa Bình', provinceName: 'Tân Phú Province' },
    { code: '6', name: 'Xã Quang Tân Phú', provinceName: 'Lào Cai' },
  ];
  it('same name, then names starting with the typed words, then word starts in order, then the province, then other contains-matches', () => {
    expect(rankCommunes(list, 'tan phu').map((c) => c.code)).toEqual(['2', '1', '3', '6', '5', '4']);
    expect(rankCommunes(list, 'Tân Phú Đ').map((c) => c.code)).toEqual(['3', '1']); // 1: Đồng Nai
    expect(rankCommunes(list, 'xyz')).toEqual([]);
  });
  it("the centre's own commune comes before an equally good match elsewhere", () => {
    const ranked = rankCommunes(list, 'Tân Phú', ['Tân Phú Đông', 'Xã Tân Phú']).map((c) => c.code);
    // Both «Xã Tân Phú» are own by name: Vietnamese order (by province) decides between them.
    expect(ranked.slice(0, 2)).toEqual(['2', '1']);
    expect(rankCommunes(list, 'tan p', ['Phường Tân Phú Đông']).map((c) => c.code)[0]).toBe('3');
    expect(rankCommunes(list, 'tan p').map((c) => c.code)[0]).toBe('2');
  });
  it("an empty search lists the centre's own communes first", () => {
    expect(rankCommunes(list, '', ['xa phu tan']).map((c) => c.code)).toEqual(['4', '1', '2', '3', '5', '6']);
  });
  it('a ranker reused across keystrokes gives the same answer', () => {
    const rank = communeRanker<(typeof list)[number]>();
    expect(rank(list, 'tan')).toEqual(rankCommunes(list, 'tan'));
    expect(rank(list, 'tan')).toEqual(rankCommunes(list, 'tan'));
  });
});

describe('communeNameKey and folding', () => {
  it('treats Đăk/Đắk, hoà/hòa and the kind of unit alike', () => {
    expect(communeNameKey('Xã Đăk Hà')).toBe(communeNameKey('Đắk Hà'));
    expect(communeNameKey('Phường Hoà Bình')).toBe(communeNameKey('hòa bình'));
    expect(foldText('Ðắk Hà')).toBe(foldText('Đăk Hà'));
  });
});
