import { describe, expect, it } from 'vitest';
import type { AppCore } from '../../electron/core/app-core';
import { personInput, savePerson } from '../fixtures/builders';
import { invoke, ok, startCore } from './helpers';

async function names(core: AppCore, q: string) {
  return (await ok(core, 'learners.search', { q, filters: {}, limit: 100 })).rows.map((r) => r.fullName);
}

describe('units', () => {
  it('renames keeping the former name findable, and merges moving members', async () => {
    const core = await startCore();
    const base = await ok(core, 'units.save', { name: 'Đảng bộ xã Đắk Mar', kind: 'base', parentId: null, communeCode: null });
    const cell = await ok(core, 'units.save', { name: 'Chi bộ thôn 1', kind: 'cell', parentId: base.id, communeCode: null });
    const other = await ok(core, 'units.save', { name: 'Chi bộ thôn 2', kind: 'cell', parentId: base.id, communeCode: null });
    const p = await savePerson(core, 'Phan Văn Trị', { unitId: cell.id });
    const renamed = await ok(core, 'units.save', {
      id: cell.id,
      name: 'Chi bộ thôn Kon Mông',
      kind: 'cell',
      parentId: base.id,
      communeCode: null,
    });
    expect(renamed.formerNames.map((n) => n.name)).toEqual(['Chi bộ thôn 1']);
    expect(await names(core, 'kon mong')).toEqual(['Phan Văn Trị']);

    const merged = await ok(core, 'units.merge', { fromId: other.id, intoId: cell.id, date: '2025-07-01' });
    expect(merged.memberCount).toBe(1);
    await savePerson(core, 'Hồ Văn Hai', { unitId: cell.id });
    const list = await ok(core, 'units.list', { includeArchived: true });
    expect(list.find((u) => u.id === other.id)).toMatchObject({ mergedIntoName: 'Chi bộ thôn Kon Mông' });
    expect(list.find((u) => u.id === other.id)?.archivedAt).not.toBeNull();
    const r = await invoke(core, 'learners.save', personInput('Hồ Văn Ba', { unitId: other.id }));
    expect(!r.ok && r.error.fields?.unitId).toMatch(/ngừng hoạt động/);
    expect((await ok(core, 'learners.get', { id: p.id })).person.unitName).toBe('Chi bộ thôn Kon Mông');
  });

  it('refuses a duplicate unit name and a cell as a parent', async () => {
    const core = await startCore();
    const cell = await ok(core, 'units.save', { name: 'Chi bộ thôn 1', kind: 'cell', parentId: null, communeCode: null });
    const dup = await invoke(core, 'units.save', { name: 'chi bo thon 1', kind: 'cell', parentId: null, communeCode: null });
    expect(!dup.ok && dup.error.fields?.name).toBe('Đã có đơn vị tên «chi bo thon 1»');
    const badParent = await invoke(core, 'units.save', { name: 'Chi bộ thôn 9', kind: 'cell', parentId: cell.id, communeCode: null });
    expect(!badParent.ok && badParent.error.fields?.parentId).toBeTruthy();
  });
});
