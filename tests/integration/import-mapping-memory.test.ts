import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { AppCore } from '../../electron/core/app-core';
import type { ColumnMapping } from '../../shared/contract/imports';
import { ok, startCore } from './helpers';
import { refusal } from '../fixtures/builders';

type Cell = string | number | null;

/** A cell's list where «Đơn vị» holds the Party cell, not the workplace the header usually names. */
async function list(header: Cell[], rows: Cell[][]): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('DS');
  ws.getCell('A1').value = 'DANH SÁCH CỬ ĐI HỌC LỚP BỒI DƯỠNG KẾT NẠP ĐẢNG';
  ws.getRow(3).values = header;
  rows.forEach((r, i) => (ws.getRow(4 + i).values = r));
  return Buffer.from((await wb.xlsx.writeBuffer()) as ArrayBuffer).toString('base64');
}

const FIRST_HEADER = ['STT', 'Họ và tên', 'Giới tính', 'Ngày sinh', 'Đơn vị', 'Ghi chú'];
const FIRST_ROWS: Cell[][] = [
  [1, 'Lê Văn Tâm', 'Nam', '12/05/1991', 'Chi bộ thôn 5', 'đã học sơ cấp'],
  [2, 'Phạm Thị Lụa', 'Nữ', '03/11/1996', 'Chi bộ thôn 5', null],
];

async function open(core: AppCore, base64: string) {
  const opened = await ok(core, 'imports.open', { fileName: 'DS_thon5.xlsx', dataBase64: base64 });
  const sheet = opened.sheets[opened.suggestedSheet]!;
  const column = (header: string) => sheet.columns.find((c) => c.header === header)!;
  return { opened, sheet, column };
}

function remap(mapping: ColumnMapping[], col: number, next: Omit<ColumnMapping, 'col'>): ColumnMapping[] {
  return mapping.map((m) => (m.col === col ? { col, ...next } : m));
}

async function analyze(core: AppCore, o: Awaited<ReturnType<typeof open>>, mapping: ColumnMapping[]) {
  return ok(core, 'imports.analyze', {
    sessionId: o.opened.sessionId,
    sheet: o.sheet.index,
    firstDataRow: o.sheet.firstDataRow,
    mapping,
    defaultUnitId: null,
  });
}

/** The clerk's correction of the first list: «Đơn vị» is the Party cell, «Ghi chú» is not imported. */
async function importFirstListCorrected(core: AppCore): Promise<void> {
  const first = await open(core, await list(FIRST_HEADER, FIRST_ROWS));
  expect(first.column('Đơn vị').mapping.field).toBe('workplace');
  let mapping = first.sheet.columns.map((c) => c.mapping);
  mapping = remap(mapping, first.column('Đơn vị').col, { field: 'unit' });
  mapping = remap(mapping, first.column('Ghi chú').col, { field: null });
  const a = await analyze(core, first, mapping);
  expect(a.rows.map((r) => [r.fullName, r.sex, r.unitName])).toEqual([
    ['Lê Văn Tâm', 'nam', 'Chi bộ thôn 5'],
    ['Phạm Thị Lụa', 'nu', 'Chi bộ thôn 5'],
  ]);
  await ok(core, 'imports.commit', { sessionId: first.opened.sessionId });
}

function storedMemory(core: AppCore): string | undefined {
  return (core.db.prepare("SELECT value FROM settings WHERE key = 'import.headerMappings'").get() as { value: string } | undefined)?.value;
}

describe('remembering the clerk’s column mapping per header spelling (issue 14)', () => {
  it('a second list with the same header spelling gets the clerk’s choice, marked as remembered; «Đơn vị công tác» keeps its own reading', async () => {
    const core = await startCore();
    await importFirstListCorrected(core);
    const tam = (await ok(core, 'learners.search', { q: 'le van tam' })).rows[0]!;
    expect(tam).toMatchObject({ unitName: 'Chi bộ thôn 5', workplace: '' });

    // Another cell writes the header in capitals, with a colon and extra spaces, and adds its own «Đơn vị công tác».
    const second = await open(
      core,
      await list(
        ['TT', 'Họ và tên', '  ĐƠN   VỊ: ', 'Đơn vị công tác', 'Ngày sinh', 'Ghi chú'],
        [[1, 'Đinh Văn Hùng', 'Chi bộ thôn 7', 'Trường Tiểu học Đắk Hà', '01/01/1988', 'chuyển đến']],
      ),
    );
    expect(second.column('ĐƠN VỊ:').mapping).toMatchObject({ field: 'unit' });
    expect(second.column('ĐƠN VỊ:')).toMatchObject({ remembered: true, guess: { field: 'workplace' } });
    expect(second.column('Ghi chú')).toMatchObject({ mapping: { field: null }, remembered: true, guess: { field: 'notes' } });
    expect(second.column('Đơn vị công tác')).toMatchObject({ mapping: { field: 'workplace' }, remembered: false });
    expect(second.column('Họ và tên')).toMatchObject({ mapping: { field: 'fullName' }, remembered: false });
    const a = await analyze(
      core,
      second,
      second.sheet.columns.map((c) => c.mapping),
    );
    expect(a.rows[0]).toMatchObject({
      fullName: 'Đinh Văn Hùng',
      unitName: 'Chi bộ thôn 7',
      values: { workplace: 'Trường Tiểu học Đắk Hà' },
    });
    expect(a.rows[0]!.values.notes).toBeUndefined();
  });

  it('choosing the header’s own reading again forgets the correction', async () => {
    const core = await startCore();
    await importFirstListCorrected(core);
    const again = await open(core, await list(FIRST_HEADER, FIRST_ROWS));
    const unitCol = again.column('Đơn vị');
    expect(unitCol.remembered).toBe(true);
    await analyze(
      core,
      again,
      remap(
        again.sheet.columns.map((c) => c.mapping),
        unitCol.col,
        unitCol.guess,
      ),
    );
    await ok(core, 'imports.commit', { sessionId: again.opened.sessionId });
    const third = await open(core, await list(FIRST_HEADER, FIRST_ROWS));
    expect(third.column('Đơn vị')).toMatchObject({ mapping: { field: 'workplace' }, remembered: false });
    // «Ghi chú» was confirmed as «không nhập» a second time: still remembered.
    expect(third.column('Ghi chú')).toMatchObject({ mapping: { field: null }, remembered: true });
    expect(JSON.parse(storedMemory(core)!)).toEqual({ 'ghi chu': { field: null } });
  });

  it('a cancelled or refused import remembers nothing', async () => {
    const core = await startCore();
    const file = await list(FIRST_HEADER, [...FIRST_ROWS, [3, 'Võ Văn Kiệt', 'Nam', '31/02/1990', 'Chi bộ thôn 5', null]]);
    const cancelled = await open(core, file);
    const mapping = remap(
      cancelled.sheet.columns.map((c) => c.mapping),
      cancelled.column('Đơn vị').col,
      { field: 'unit' },
    );
    await analyze(core, cancelled, mapping);
    await ok(core, 'imports.discard', { sessionId: cancelled.opened.sessionId });

    // The impossible birth date stops the commit: nothing is written, the mapping included.
    const refused = await open(core, file);
    const checked = await analyze(core, refused, mapping);
    // The sex as read is shown on a row with errors too, so the clerk can confirm it while fixing the row.
    expect(checked.rows[2]).toMatchObject({ rowNumber: 6, fullName: 'Võ Văn Kiệt', status: 'error', sex: 'nam' });
    expect(await refusal(core, 'imports.commit', { sessionId: refused.opened.sessionId })).toMatchObject({ code: 'IMPORT_HAS_ERRORS' });

    expect(storedMemory(core)).toBeUndefined();
    const next = await open(core, file);
    expect(next.sheet.columns.filter((c) => c.remembered)).toEqual([]);
    expect(next.column('Đơn vị').mapping.field).toBe('workplace');
  });

  it('ignores a stored value that is damaged or names a field the app no longer has, and uses the sound entries', async () => {
    const core = await startCore();
    const put = (value: string) =>
      core.db
        .prepare(
          "INSERT INTO settings (key, value) VALUES ('import.headerMappings', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
        )
        .run(value);
    const file = await list(FIRST_HEADER, FIRST_ROWS);

    put('{"don vi": {"field": "unit"'); // cut short
    const cut = await open(core, file);
    expect(cut.column('Đơn vị')).toMatchObject({ mapping: { field: 'workplace' }, remembered: false });
    await ok(core, 'imports.discard', { sessionId: cut.opened.sessionId });

    put('[{"field": "unit"}]');
    expect((await open(core, file)).sheet.columns.filter((c) => c.remembered)).toEqual([]);

    put(
      JSON.stringify({
        'don vi': { field: 'chiBoCu' },
        'gioi tinh': { field: 'notes', sexMark: 'nam' },
        'Ngày sinh': { field: 'notes' },
        'ngay sinh': 'notes',
        'ho va ten': { field: 'given', extra: true },
        'ghi chu': { field: null },
      }),
    );
    const mixed = await open(core, file);
    expect(mixed.sheet.columns.filter((c) => c.remembered).map((c) => [c.header, c.mapping.field])).toEqual([['Ghi chú', null]]);
    expect(mixed.column('Đơn vị').mapping.field).toBe('workplace');
    expect(mixed.column('Giới tính').mapping).toEqual({ col: 2, field: 'sex' });
    expect(mixed.column('Ngày sinh').mapping.field).toBe('birthDate');
    expect(mixed.column('Họ và tên').mapping.field).toBe('fullName');

    // The next commit writes the memory back in good order.
    await analyze(
      core,
      mixed,
      mixed.sheet.columns.map((c) => c.mapping),
    );
    await ok(core, 'imports.commit', { sessionId: mixed.opened.sessionId });
    expect(JSON.parse(storedMemory(core)!)).toEqual({ 'ghi chu': { field: null } });
  });

  it('does not remember a header printed over two columns, and a remembered field is not also guessed for another column', async () => {
    const core = await startCore();
    const splitNameList = async (header: Cell[], row: Cell[]) => {
      const wb = new ExcelJS.Workbook();
      const ws = wb.addWorksheet('DS');
      ws.getRow(3).values = header;
      ws.mergeCells('B3:C3');
      ws.getRow(4).values = row;
      return Buffer.from((await wb.xlsx.writeBuffer()) as ArrayBuffer).toString('base64');
    };
    const first = await open(
      core,
      await splitNameList(['STT', 'Họ và tên', null, 'Ngày sinh', 'Đơn vị'], [1, 'Lê Văn', 'Tâm', '12/05/1991', 'Chi bộ thôn 5']),
    );
    const names = first.sheet.columns.filter((c) => c.header === 'Họ và tên');
    expect(names.map((c) => c.mapping.field)).toEqual(['familyAndMiddle', 'given']);
    // Whatever the clerk does with the two «Họ và tên» columns is not kept: one spelling cannot hold both.
    let mapping = remap(
      first.sheet.columns.map((c) => c.mapping),
      names[0]!.col,
      { field: 'fullName' },
    );
    mapping = remap(mapping, names[1]!.col, { field: null });
    mapping = remap(mapping, first.column('Đơn vị').col, { field: 'unit' });
    await analyze(core, first, mapping);
    await ok(core, 'imports.commit', { sessionId: first.opened.sessionId });
    expect(Object.keys(JSON.parse(storedMemory(core)!))).toEqual(['don vi']);

    const second = await open(
      core,
      await splitNameList(
        ['STT', 'Họ và tên', null, 'Ngày sinh', 'Đơn vị', 'Chi bộ'],
        [1, 'Lê Văn', 'Tâm', '12/05/1991', 'Chi bộ thôn 5', 'Đảng bộ xã'],
      ),
    );
    expect(second.sheet.columns.filter((c) => c.header === 'Họ và tên').map((c) => [c.mapping.field, c.remembered])).toEqual([
      ['familyAndMiddle', false],
      ['given', false],
    ]);
    expect(second.column('Đơn vị')).toMatchObject({ mapping: { field: 'unit' }, remembered: true });
    expect(second.column('Chi bộ')).toMatchObject({ mapping: { field: null }, remembered: false, guess: { field: null } });
    // Confirming that is no correction of «Chi bộ»: a list with only «Chi bộ» still reads it as the cell.
    await analyze(
      core,
      second,
      second.sheet.columns.map((c) => c.mapping),
    );
    await ok(core, 'imports.commit', { sessionId: second.opened.sessionId });
    expect(Object.keys(JSON.parse(storedMemory(core)!))).toEqual(['don vi']);
  });
});
