import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { PersonInput } from '../../shared/contract/learners';
import type { AppCore } from '../../electron/core/app-core';
import { invoke, ok, startCore } from './helpers';

const base: PersonInput = {
  familyAndMiddle: '',
  given: '',
  sex: null,
  birthDate: null,
  ethnicityCode: null,
  religion: '',
  homePlace: '',
  communeCode: null,
  workplace: '',
  position: '',
  partyStatus: null,
  admissionDate: null,
  confirmationDate: null,
  unitId: null,
  educationLevel: '',
  theoryLevel: null,
  citizenId: '',
  partyCard: '',
  phone: '',
  notes: '',
};
const person = (f: string, g: string, extra: Partial<PersonInput> = {}): PersonInput => ({
  ...base,
  familyAndMiddle: f,
  given: g,
  ...extra,
});

async function list(rows: (string | null)[][]): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('DS');
  ws.getRow(1).values = ['STT', 'Họ và tên', 'Ngày sinh', 'Số CCCD', 'Điện thoại'];
  rows.forEach((r, i) => (ws.getRow(2 + i).values = [i + 1, ...r]));
  return Buffer.from((await wb.xlsx.writeBuffer()) as ArrayBuffer).toString('base64');
}

async function analyze(core: AppCore, file: string) {
  const o = await ok(core, 'imports.open', { fileName: 'ds.xlsx', dataBase64: file });
  const sheet = o.sheets[o.suggestedSheet]!;
  const a = await ok(core, 'imports.analyze', {
    sessionId: o.sessionId,
    sheet: sheet.index,
    firstDataRow: sheet.firstDataRow,
    mapping: sheet.columns.map((c) => c.mapping),
    defaultUnitId: null,
  });
  return { sessionId: o.sessionId, rows: a.rows };
}

describe('import safety', () => {
  it('treats a CCCD under another name as an error on the row, never a new person', async () => {
    const core = await startCore();
    await ok(core, 'learners.save', person('Trần Thị', 'Bình', { citizenId: '062195004321', birthDate: '1995-09-02' }));
    const { rows } = await analyze(core, await list([['Lê Văn Cường', '01/01/1990', '062195004321', null]]));
    expect(rows[0]).toMatchObject({ status: 'error' });
    expect(rows[0]!.problems[0]!.message).toBe(
      'Số CCCD 062195004321 đã có ở hồ sơ Trần Thị Bình, sinh 02/09/1995; hãy kiểm tra lại tên hoặc số CCCD',
    );
  });

  it('does not take a year of birth for the same person', async () => {
    const core = await startCore();
    await ok(core, 'learners.save', person('Nguyễn Văn', 'An', { birthDate: '1975' }));
    const { rows } = await analyze(
      core,
      await list([
        ['Nguyễn Văn An', '1975', null, null],
        ['Nguyễn Văn An', '1975', null, null],
      ]),
    );
    // Two people of that name born in 1975 may be different people: likely, not certain; and no "repeat" skip.
    expect(rows.map((r) => r.status)).toEqual(['duplicate', 'duplicate']);
    expect(rows[1]!.problems).toEqual([]);
  });

  it('refuses to commit when the registry changed since the check, and shows the new result', async () => {
    const core = await startCore();
    const a = await ok(core, 'learners.save', person('Phạm Văn', 'Đồng', { birthDate: '1960-03-01' }));
    const b = await ok(core, 'learners.save', person('Phạm Văn', 'Đồng', { birthDate: '1960-03-01', phone: '0905111222' }));
    const { sessionId, rows } = await analyze(core, await list([['Phạm Văn Đồng', '01/03/1960', null, '0912000111']]));
    expect(rows[0]?.match?.id).toBe(a.id);
    await ok(core, 'learners.merge', { keepId: b.id, removeId: a.id });
    const r = await invoke(core, 'imports.commit', { sessionId });
    expect(r).toMatchObject({ ok: false, error: { code: 'IMPORT_STALE' } });
    // The merged-away record was not written to; after the re-check the commit links to the kept one.
    expect((await ok(core, 'learners.get', { id: a.id })).person.phone).toBe('');
    expect(await ok(core, 'imports.commit', { sessionId })).toMatchObject({ linked: 1, created: 0 });
  });

  it('links without filling when the filled record would contradict itself', async () => {
    const core = await startCore();
    const p = await ok(
      core,
      'learners.save',
      person('Võ Văn', 'Kiệt', { birthDate: '1970-01-01', partyStatus: 'du_bi', admissionDate: '2025-06-01' }),
    );
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('DS');
    ws.getRow(1).values = ['Họ và tên', 'Ngày sinh', 'Đảng viên', 'Ngày vào Đảng', 'Ngày chính thức'];
    ws.getRow(2).values = ['Võ Văn Kiệt', '01/01/1970', 'Chính thức', '01/01/2010', '01/01/2011'];
    const { sessionId } = await analyze(core, Buffer.from((await wb.xlsx.writeBuffer()) as ArrayBuffer).toString('base64'));
    expect(await ok(core, 'imports.commit', { sessionId })).toMatchObject({ linked: 1, filled: 0 });
    const after = (await ok(core, 'learners.get', { id: p.id })).person;
    expect(after).toMatchObject({ partyStatus: 'du_bi', admissionDate: '2025-06-01', confirmationDate: null });
  });
});

describe('merges, units and records', () => {
  it('undo keeps edits made after the merge and follows a unit merged meanwhile', async () => {
    const core = await startCore();
    const u1 = await ok(core, 'units.save', { name: 'Tổ dân phố 01', kind: 'cell', parentId: null, communeCode: null });
    const u2 = await ok(core, 'units.save', { name: 'Tổ dân phố 02', kind: 'cell', parentId: null, communeCode: null });
    const kept = await ok(core, 'learners.save', person('Đỗ Thị', 'Hoa', { unitId: u1.id }));
    const gone = await ok(core, 'learners.save', person('Đỗ Thị', 'Hoa', { citizenId: '001180000111' }));
    const m = await ok(core, 'learners.merge', { keepId: kept.id, removeId: gone.id });
    await ok(core, 'learners.save', {
      ...person('Đỗ Thị', 'Hoa', { unitId: u1.id, citizenId: '001180000111', phone: '0905000999' }),
      id: kept.id,
    });
    await ok(core, 'units.merge', { fromId: u1.id, intoId: u2.id, date: '2026-01-01' });
    const undone = await ok(core, 'learners.undoMerge', { mergeId: m.mergeId });
    expect(undone.kept).toMatchObject({ phone: '0905000999', citizenId: null, unitName: 'Tổ dân phố 02' });
    expect(undone.restored).toMatchObject({ citizenId: '001180000111', mergedIntoId: null });
    // "tổ 02" is a word of the unit's name, not an ID number.
    expect((await ok(core, 'learners.search', { q: 'to dan pho 02' })).rows.map((r) => r.id)).toEqual([kept.id]);
  });

  it('keeps the unit tree sound', async () => {
    const core = await startCore();
    const base = await ok(core, 'units.save', { name: 'Đảng bộ xã Mẫu', kind: 'base', parentId: null, communeCode: null });
    const cell = await ok(core, 'units.save', { name: 'Chi bộ thôn 1', kind: 'cell', parentId: base.id, communeCode: null });
    expect(await invoke(core, 'units.merge', { fromId: base.id, intoId: cell.id, date: '2026-01-01' })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT' },
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
    expect(await invoke(core, 'units.setArchived', { id: other.id, archived: false })).toMatchObject({
      ok: false,
      error: { code: 'MERGED' },
    });
  });

  it('refuses a save over a record changed elsewhere, and unknown ids without a technical message', async () => {
    const core = await startCore();
    const p = await ok(core, 'learners.save', person('Hà Văn', 'Tuấn'));
    await ok(core, 'learners.save', { ...person('Hà Văn', 'Tuấn', { phone: '0905123123' }), id: p.id, expectedUpdatedAt: p.updatedAt });
    const stale = await invoke(core, 'learners.save', {
      ...person('Hà Văn', 'Tuấn', { notes: 'x' }),
      id: p.id,
      expectedUpdatedAt: p.updatedAt,
    });
    expect(stale).toMatchObject({ ok: false, error: { code: 'STALE' } });
    expect(await invoke(core, 'learners.dismissDuplicate', { aId: p.id, bId: 9999 })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
  });
});
