import { describe, expect, it } from 'vitest';
import type { PersonInput } from '../../shared/contract/learners';
import { personInput, refusal } from '../fixtures/builders';
import { invoke, ok, startCore } from './helpers';

/** Nothing known about the Party membership unless said. */
const person = (name: string, extra: Partial<PersonInput> = {}): PersonInput => personInput(name, { partyStatus: null, ...extra });

describe('merges and records', () => {
  it('undo keeps edits made after the merge and follows a unit merged meanwhile', async () => {
    const core = await startCore();
    const u1 = await ok(core, 'units.save', { name: 'Tổ dân phố 01', kind: 'cell', parentId: null, communeCode: null });
    const u2 = await ok(core, 'units.save', { name: 'Tổ dân phố 02', kind: 'cell', parentId: null, communeCode: null });
    const kept = await ok(core, 'learners.save', person('Đỗ Thị Hoa', { unitId: u1.id }));
    const gone = await ok(core, 'learners.save', person('Đỗ Thị Hoa', { citizenId: '001180000111' }));
    const m = await ok(core, 'learners.merge', { keepId: kept.id, removeId: gone.id });
    await ok(core, 'learners.save', {
      ...person('Đỗ Thị Hoa', { unitId: u1.id, citizenId: '001180000111', phone: '0905000999' }),
      id: kept.id,
    });
    await ok(core, 'units.merge', { fromId: u1.id, intoId: u2.id, date: '2026-01-01' });
    const undone = await ok(core, 'learners.undoMerge', { mergeId: m.mergeId });
    expect(undone.kept).toMatchObject({ phone: '0905000999', citizenId: null, unitName: 'Tổ dân phố 02' });
    expect(undone.restored).toMatchObject({ citizenId: '001180000111', mergedIntoId: null });
    // "tổ 02" is a word of the unit's name, not an ID number.
    expect((await ok(core, 'learners.search', { q: 'to dan pho 02' })).rows.map((r) => r.id)).toEqual([kept.id]);
  });

  it('refuses a save over a record changed elsewhere, and unknown ids without a technical message', async () => {
    const core = await startCore();
    const p = await ok(core, 'learners.save', person('Hà Văn Tuấn'));
    await ok(core, 'learners.save', { ...person('Hà Văn Tuấn', { phone: '0905123123' }), id: p.id, expectedUpdatedAt: p.updatedAt });
    const stale = await invoke(core, 'learners.save', {
      ...person('Hà Văn Tuấn', { notes: 'x' }),
      id: p.id,
      expectedUpdatedAt: p.updatedAt,
    });
    expect(stale).toMatchObject({ ok: false, error: { code: 'STALE' } });
    expect(await refusal(core, 'learners.dismissDuplicate', { aId: p.id, bId: 9999 })).toMatchObject({ code: 'NOT_FOUND' });
  });
});
