import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { AppCore } from '../../electron/core/app-core';
import { openAndAnalyze, savePerson, unknownPartyInput as person } from '../fixtures/builders';
import { invoke, ok, startCore } from './helpers';

async function list(rows: (string | null)[][]): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('DS');
  ws.getRow(1).values = ['STT', 'Họ và tên', 'Ngày sinh', 'Số CCCD', 'Điện thoại'];
  rows.forEach((r, i) => (ws.getRow(2 + i).values = [i + 1, ...r]));
  return Buffer.from((await wb.xlsx.writeBuffer()) as ArrayBuffer).toString('base64');
}

async function analyze(core: AppCore, file: string) {
  const { opened, analysis } = await openAndAnalyze(core, file, 'ds.xlsx');
  return { sessionId: opened.sessionId, rows: analysis.rows };
}

describe('import safety', () => {
  it('treats a CCCD under another name as an error on the row, never a new person', async () => {
    const core = await startCore();
    await ok(core, 'learners.save', person('Trần Thị Bình', { citizenId: '062195004321', birthDate: '1995-09-02' }));
    const { rows } = await analyze(core, await list([['Lê Văn Cường', '01/01/1990', '062195004321', null]]));
    expect(rows[0]).toMatchObject({ status: 'error' });
    expect(rows[0]!.problems[0]!.message).toBe(
      'Số CCCD 062195004321 đã có ở hồ sơ Trần Thị Bình, sinh 02/09/1995; hãy kiểm tra lại tên hoặc số CCCD',
    );
  });

  it('does not take a year of birth for the same person', async () => {
    const core = await startCore();
    await ok(core, 'learners.save', person('Nguyễn Văn An', { birthDate: '1975' }));
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
    const a = await ok(core, 'learners.save', person('Phạm Văn Đồng', { birthDate: '1960-03-01' }));
    const b = await ok(core, 'learners.save', person('Phạm Văn Đồng', { birthDate: '1960-03-01', phone: '0905111222' }));
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
    const p = await savePerson(core, 'Võ Văn Kiệt', { birthDate: '1970-01-01', partyStatus: 'du_bi', admissionDate: '2025-06-01' });
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
