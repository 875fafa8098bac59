import { describe, expect, it } from 'vitest';
import type { PersonInput, SearchCursor } from '../../shared/contract/learners';
import type { AppCore } from '../../electron/core/app-core';
import { unknownParty, unknownPartyInput } from '../fixtures/builders';
import { ok, startCore } from './helpers';

async function add(core: AppCore, name: string, extra: Partial<PersonInput> = {}): Promise<number> {
  return (await ok(core, 'learners.save', unknownPartyInput(name, extra))).id;
}

async function cell(core: AppCore, name: string): Promise<number> {
  return (await ok(core, 'units.save', { name, kind: 'cell', parentId: null, communeCode: null })).id;
}

async function names(core: AppCore, q: string, filters = {}) {
  return (await ok(core, 'learners.search', { q, filters, limit: 100 })).rows.map(
    (r) => `${r.fullName}${r.unitName ? ` (${r.unitName})` : ''}`,
  );
}

/** Every page of a search, `limit` at a time. */
async function paged(core: AppCore, q: string, limit: number, filters = {}): Promise<number[]> {
  const ids: number[] = [];
  let after: SearchCursor | null = null;
  do {
    const page: { rows: { id: number }[]; next: SearchCursor | null } = await ok(core, 'learners.search', { q, filters, after, limit });
    ids.push(...page.rows.map((r) => r.id));
    after = page.next;
  } while (after);
  return ids;
}

describe('search ranking (issue 14)', () => {
  it('"nguyen van": the name in that order, then both words anywhere in the name, then matches through the unit', async () => {
    const core = await startCore();
    const vanTuong = await cell(core, 'Chi bộ thôn 1 xã Vạn Tường');
    await add(core, 'Nguyễn Đức An', { unitId: vanTuong });
    await add(core, 'Nguyễn Thị Vân');
    await add(core, 'Nguyễn Văn Bình');
    await add(core, 'Trần Văn Nguyên');
    await add(core, 'Nguyễn Văn An');
    await add(core, 'Lê Văn Tám');
    expect(await names(core, 'nguyen van')).toEqual([
      'Nguyễn Văn An',
      'Nguyễn Văn Bình',
      'Trần Văn Nguyên',
      'Nguyễn Thị Vân',
      'Nguyễn Đức An (Chi bộ thôn 1 xã Vạn Tường)',
    ]);
    // A whole name typed finds that name first.
    expect((await names(core, 'Nguyễn Văn An'))[0]).toBe('Nguyễn Văn An');
    expect((await ok(core, 'learners.count', { q: 'nguyen van' })).count).toBe(5);
  });

  it('"Thị Lệ": the words as typed, then without diacritics, then scattered; Lê Thị An last', async () => {
    const core = await startCore();
    for (const n of ['Lê Thị An', 'Nguyễn Thị Lệ', 'Trần Thị Lê', 'Phạm Thị Lệ Hằng', 'Lệ Thị Hoa', 'Võ Văn Lễ']) await add(core, n);
    expect(await names(core, 'Thị Lệ')).toEqual(['Phạm Thị Lệ Hằng', 'Nguyễn Thị Lệ', 'Trần Thị Lê', 'Lê Thị An', 'Lệ Thị Hoa']);
    // Typed without diacritics nothing is exact: the phrase, then the scattered words, each in list order.
    expect(await names(core, 'thi le')).toEqual(['Phạm Thị Lệ Hằng', 'Trần Thị Lê', 'Nguyễn Thị Lệ', 'Lê Thị An', 'Lệ Thị Hoa']);
  });

  it('"Hà": people named Hà first, then Ha, Hả, Hạ, Hải (still found), then the unit «… Hà Thanh»', async () => {
    const core = await startCore();
    const haThanh = await cell(core, 'Chi bộ thôn Hà Thanh');
    for (const n of ['Nguyễn Thị Hạ', 'Trần Thị Hải', 'Hoàng Thị Hà', 'Lê Thị Hả', 'Trần Ha', 'Hà Văn Bình']) await add(core, n);
    await add(core, 'Võ Văn Tâm', { unitId: haThanh });
    expect(await names(core, 'Hà')).toEqual([
      'Hà Văn Bình',
      'Hoàng Thị Hà',
      'Trần Ha',
      'Lê Thị Hả',
      'Nguyễn Thị Hạ',
      'Trần Thị Hải',
      'Võ Văn Tâm (Chi bộ thôn Hà Thanh)',
    ]);
    // Unaccented, everyone matching the name comes in list order, then the unit.
    expect(await names(core, 'ha')).toEqual([
      'Hà Văn Bình',
      'Trần Ha',
      'Hoàng Thị Hà',
      'Lê Thị Hả',
      'Nguyễn Thị Hạ',
      'Trần Thị Hải',
      'Võ Văn Tâm (Chi bộ thôn Hà Thanh)',
    ]);
  });

  it('ranks a tone written either way («Hoà», «Hòa») as typed', async () => {
    const core = await startCore();
    for (const n of ['Phan Văn Hoa', 'Trần Thị Hoà', 'Lê Văn Hòa', 'Đỗ Hoài']) await add(core, n);
    expect(await names(core, 'Hoà')).toEqual(['Trần Thị Hoà', 'Lê Văn Hòa', 'Phan Văn Hoa', 'Đỗ Hoài']);
    expect(await names(core, 'Đỗ')).toEqual(['Đỗ Hoài']);
  });

  it('"Chi bộ thôn 3" finds the members of the cells of that name, not people called Thông', async () => {
    const core = await startCore();
    const thon3 = await cell(core, 'Chi bộ thôn 3');
    const thon3Khe = await cell(core, 'Chi bộ thôn 3 xã Tịnh Khê');
    const xom3 = await cell(core, 'Chi bộ xóm 3');
    const thon1 = await cell(core, 'Chi bộ thôn 1');
    await add(core, 'Nguyễn Văn Tư', { unitId: thon3 });
    await add(core, 'Lê Thị Mai', { unitId: thon3Khe });
    await add(core, 'Bùi Văn Thông', { unitId: xom3 });
    await add(core, 'Phạm Chi', { unitId: thon1 });
    const members = ['Lê Thị Mai (Chi bộ thôn 3 xã Tịnh Khê)', 'Nguyễn Văn Tư (Chi bộ thôn 3)'];
    expect(await names(core, 'Chi bộ thôn 3')).toEqual(members);
    expect(await names(core, 'chi bo thon 3')).toEqual(members);
    expect(await names(core, 'Chi bộ thôn 3 xã Tịnh Khê')).toEqual([members[0]]);
    expect((await ok(core, 'learners.count', { q: 'Chi bộ thôn 3' })).count).toBe(2);
    // "Chi" alone is a given name; "thôn 3" without "Chi bộ" still finds the cells' members.
    expect(await names(core, 'chi')).toEqual(['Phạm Chi (Chi bộ thôn 1)']);
    expect(await names(core, 'thôn 3')).toEqual(expect.arrayContaining(members));
    // A name before the cell's name: the person, within that cell.
    expect(await names(core, 'Mai chi bộ thôn 3')).toEqual([members[0]]);
  });

  it('pages through ranked results: every person once, in the order of one long page, also with a filter', async () => {
    const core = await startCore();
    const vanTuong = await cell(core, 'Chi bộ xã Vạn Tường');
    const family = ['Nguyễn Văn', 'Nguyễn Thị', 'Trần Văn', 'Nguyễn Đức', 'Lê Văn'];
    const given = ['An', 'Vân', 'Nguyên', 'Bình', 'Văn', 'Hà', 'Tâm'];
    const insert = core.db.transaction(() => {
      for (let i = 0; i < 350; i++) {
        void ok(core, 'learners.save', {
          ...unknownParty,
          familyAndMiddle: family[i % family.length]!,
          given: given[(i * 3) % given.length]!,
          unitId: i % 4 === 0 ? vanTuong : null,
          partyStatus: i % 2 ? 'chinh_thuc' : null,
        });
      }
    });
    insert();
    for (const q of ['nguyen van', 'Văn', 'van', '']) {
      const whole = (await ok(core, 'learners.search', { q, limit: 500 })).rows.map((r) => r.id);
      const count = (await ok(core, 'learners.count', { q })).count;
      expect(whole).toHaveLength(count);
      for (const limit of [1, 7, 50]) {
        const ids = await paged(core, q, limit);
        expect(new Set(ids).size).toBe(ids.length);
        expect(ids).toEqual(whole);
      }
    }
    const filters = { partyStatus: 'chinh_thuc' as const };
    const filtered = (await ok(core, 'learners.search', { q: 'nguyen van', filters, limit: 500 })).rows.map((r) => r.id);
    expect(filtered.length).toBe((await ok(core, 'learners.count', { q: 'nguyen van', filters })).count);
    expect(await paged(core, 'nguyen van', 9, filters)).toEqual(filtered);
  });

  it('exports in list order, not by rank', async () => {
    const core = await startCore();
    const vanTuong = await cell(core, 'Chi bộ xã Vạn Tường');
    await add(core, 'Nguyễn Đức An', { unitId: vanTuong });
    await add(core, 'Nguyễn Văn Bình');
    const file = await ok(core, 'learners.exportXlsx', { q: 'nguyen van', filters: {} });
    expect(file.fileName).toMatch(/\.xlsx$/);
    const { allMatchingIds } = await import('../../electron/core/learners/search-store');
    const ids = allMatchingIds(core.db, 'nguyen van', {}, 10);
    const byName = (await ok(core, 'learners.search', { q: 'nguyen van', limit: 10 })).rows;
    expect(byName.map((r) => r.fullName)).toEqual(['Nguyễn Văn Bình', 'Nguyễn Đức An']);
    expect(ids).toEqual([...byName].reverse().map((r) => r.id));
  });
});
