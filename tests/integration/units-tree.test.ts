import { describe, expect, it } from 'vitest';
import { invoke, ok, startCore } from './helpers';
import { refusal } from '../fixtures/builders';

describe('the unit tree', () => {
  it('keeps the unit tree sound', async () => {
    const core = await startCore();
    const base = await ok(core, 'units.save', { name: 'Đảng bộ xã Mẫu', kind: 'base', parentId: null, communeCode: null });
    const cell = await ok(core, 'units.save', { name: 'Chi bộ thôn 1', kind: 'cell', parentId: base.id, communeCode: null });
    expect(await refusal(core, 'units.merge', { fromId: base.id, intoId: cell.id, date: '2026-01-01' })).toMatchObject({
      code: 'INVALID_INPUT',
    });
    const toCell = await invoke(core, 'units.save', {
      id: base.id,
      name: 'Đảng bộ xã Mẫu',
      kind: 'cell',
      parentId: null,
      communeCode: null,
    });
    expect(!toCell.ok && toCell.error.fields?.kind).toBe('Đang có 1 chi bộ trực thuộc, không chuyển thành chi bộ được');
    const other = await ok(core, 'units.save', { name: 'Chi bộ thôn 2', kind: 'cell', parentId: base.id, communeCode: null });
    await ok(core, 'units.merge', { fromId: other.id, intoId: cell.id, date: '2026-01-01' });
    expect(await refusal(core, 'units.setArchived', { id: other.id, archived: false })).toMatchObject({ code: 'MERGED' });
  });
});
