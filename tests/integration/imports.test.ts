import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { openAndAnalyze, PARTY_DB_FIRST_COLUMNS, saveCentre, saveClass, unknownPartyInput, refusal } from '../fixtures/builders';
import { invoke, ok, startCore } from './helpers';

/** The common form: Party header, title, then "Ngày, tháng, năm sinh" merged over "Nam" | "Nữ". */
async function partyCellList(rows: (string | number | Date | null)[][]): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('DS');
  ws.getCell('A1').value = 'ĐẢNG BỘ XÃ ĐẮK HÀ';
  ws.getCell('E1').value = 'ĐẢNG CỘNG SẢN VIỆT NAM';
  ws.getCell('A2').value = 'CHI BỘ THÔN 3';
  ws.getCell('A4').value = 'DANH SÁCH TRÍCH NGANG ĐẢNG VIÊN ĐI HỌC LỚP BỒI DƯỠNG ĐẢNG VIÊN MỚI';
  const header = ['STT', 'Họ và tên', 'Ngày, tháng, năm sinh', null, 'Dân tộc', 'Chi bộ', 'Số CCCD', 'Ngày vào Đảng'];
  ws.getRow(6).values = header;
  ws.getRow(7).values = [null, null, 'Nam', 'Nữ'];
  ws.mergeCells('C6:D6');
  for (const col of ['A', 'B', 'E', 'F', 'G', 'H']) ws.mergeCells(`${col}6:${col}7`);
  rows.forEach((r, i) => (ws.getRow(8 + i).values = [i + 1, ...r]));
  const buffer = await wb.xlsx.writeBuffer();
  return Buffer.from(buffer as ArrayBuffer).toString('base64');
}

const GOOD: (string | number | Date | null)[][] = [
  ['Nguyễn Văn An', new Date(Date.UTC(1990, 4, 12)), null, 'Kinh', 'Chi bộ thôn 3', '062090001234', '15/03/2026'],
  ['Trần Thị Bình', null, '02/09/1995', 'Xơ Đăng', 'Chi bộ thôn 3', '062195004321', '20/04/2026'],
  ['Y Hoa', null, '1998', 'Ba-na', 'Chi bộ thôn 3', null, null],
];

describe('importing a Party cell list', () => {
  it('finds the header under the title, reads the Nam/Nữ birth columns, and imports everyone', async () => {
    const core = await startCore();
    const { sheet, analysis, opened } = await openAndAnalyze(core, await partyCellList(GOOD));
    expect(sheet.headerRow).toBe(6);
    expect(sheet.firstDataRow).toBe(8);
    expect(sheet.columns.find((c) => c.letter === 'C')?.mapping.field).toBe('birthDateMale');
    expect(sheet.columns.find((c) => c.letter === 'D')?.mapping.field).toBe('birthDateFemale');
    expect(analysis.rows.map((r) => [r.rowNumber, r.fullName, r.birthDate, r.status])).toEqual([
      [8, 'Nguyễn Văn An', '1990-05-12', 'new'],
      [9, 'Trần Thị Bình', '1995-09-02', 'new'],
      [10, 'Y Hoa', '1998', 'new'],
    ]);
    expect(analysis.newUnits).toEqual(['Chi bộ thôn 3']);
    const done = await ok(core, 'imports.commit', { sessionId: opened.sessionId });
    expect(done).toEqual({ created: 3, linked: 0, filled: 0, skipped: 0, unitsCreated: 1, enrolled: 0, capacityWarning: null });
    const binh = (await ok(core, 'learners.search', { q: 'binh' })).rows[0]!;
    expect(binh).toMatchObject({ sex: 'nu', ethnicityName: 'Xơ-đăng', unitName: 'Chi bộ thôn 3', partyStatus: 'du_bi' });
    const history = (await ok(core, 'learners.get', { id: binh.id })).history;
    expect(history[0]?.text).toBe('Tạo hồ sơ: Nhập từ tệp «DS_chibo3.xlsx», trang «DS», dòng 9');
  });

  it('importing the same file again creates no duplicates; a mapping that agreed with the headers adds nothing to remember', async () => {
    const core = await startCore();
    const file = await partyCellList(GOOD);
    const first = await openAndAnalyze(core, file);
    await ok(core, 'imports.commit', { sessionId: first.opened.sessionId });
    const again = await openAndAnalyze(core, file);
    expect(again.sheet.columns.filter((c) => c.remembered)).toEqual([]);
    expect(again.analysis.rows.map((r) => r.status)).toEqual(['same', 'same', 'same']);
    expect(again.analysis.newUnits).toEqual([]);
    const done = await ok(core, 'imports.commit', { sessionId: again.opened.sessionId });
    expect(done).toMatchObject({ created: 0, linked: 3, unitsCreated: 0 });
    expect((await ok(core, 'learners.count', { q: '' })).count).toBe(3);
  });

  it('locates every problem at its cell, refuses to commit while errors remain, and commits after fixes and skips', async () => {
    const core = await startCore();
    const file = await partyCellList([
      ...GOOD,
      ['Lê Văn Cường', '31/02/1990', null, 'Kinh', 'Chi bộ thôn 3', '06209000', null],
      ['Phạm Thị Dung', null, '12/12/1992', 'Kinhh', 'Chi bộ thôn 3', null, null],
      [null, '01/01/1980', null, 'Kinh', 'Chi bộ thôn 3', null, null],
    ]);
    const { analysis, opened } = await openAndAnalyze(core, file);
    const byRow = new Map(analysis.rows.map((r) => [r.rowNumber, r]));
    expect(byRow.get(11)?.status).toBe('error');
    expect(byRow.get(11)?.problems.map((p) => [p.cell, p.message])).toEqual([
      ['C11', '31/02/1990 không phải là ngày có thật'],
      ['G11', 'Số CCCD phải có đúng 12 chữ số (đang có 8): «06209000»'],
    ]);
    expect(byRow.get(12)?.problems[0]).toMatchObject({ cell: 'E12', message: 'Dân tộc «Kinhh» không có trong danh mục 54 dân tộc' });
    expect(byRow.get(13)?.problems[0]).toMatchObject({ message: 'Thiếu họ tên' });

    const refused = await invoke(core, 'imports.commit', { sessionId: opened.sessionId });
    expect(refused).toMatchObject({ ok: false, error: { code: 'IMPORT_HAS_ERRORS' } });
    if (!refused.ok) expect(refused.error.message).toContain('Còn 3 dòng có lỗi (dòng 11, 12, 13)');
    expect((await ok(core, 'learners.count', { q: '' })).count).toBe(0);

    const problems = await ok(core, 'imports.problemsXlsx', { sessionId: opened.sessionId });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(problems.dataBase64, 'base64') as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('Các vấn đề')!;
    expect(ws.getRow(1).values).toEqual([
      undefined,
      'Trang tính',
      'Dòng',
      'Ô',
      'Họ và tên',
      'Cột',
      'Giá trị trong tệp',
      'Vấn đề',
      'Mức độ',
    ]);
    expect(ws.getRow(2).getCell(3).value).toBe('C11');

    const fixed = await ok(core, 'imports.updateRow', {
      sessionId: opened.sessionId,
      rowNumber: 11,
      values: { ...byRow.get(11)!.values, birthDateMale: '28/02/1990', citizenId: '062090000999' },
    });
    expect(fixed.find((r) => r.rowNumber === 11)).toMatchObject({ status: 'new', birthDate: '1990-02-28', edited: true });
    await ok(core, 'imports.updateRow', {
      sessionId: opened.sessionId,
      rowNumber: 12,
      values: { ...byRow.get(12)!.values, ethnicity: 'Kinh' },
    });
    await ok(core, 'imports.setRowAction', { sessionId: opened.sessionId, rowNumber: 13, action: 'skip' });
    const done = await ok(core, 'imports.commit', { sessionId: opened.sessionId });
    expect(done).toMatchObject({ created: 5, skipped: 1 });
    expect(await refusal(core, 'imports.commit', { sessionId: opened.sessionId })).toMatchObject({ code: 'IMPORT_EXPIRED' });
  });

  it('flags a likely duplicate of a registered person, a repeat within the file, and links on request', async () => {
    const core = await startCore();
    const known = await ok(
      core,
      'learners.save',
      unknownPartyInput('Nguyễn Văn An', { sex: 'nam', birthDate: '1990', ethnicityCode: '01', phone: '0905000111' }),
    );
    const file = await partyCellList([GOOD[0]!, GOOD[1]!, GOOD[1]!]);
    const { analysis, opened } = await openAndAnalyze(core, file);
    expect(analysis.rows.map((r) => r.status)).toEqual(['duplicate', 'new', 'duplicate']);
    expect(analysis.rows[0]?.match).toMatchObject({ id: known.id, birthDate: '1990' });
    expect(analysis.rows[2]?.problems.map((p) => p.message)).toContain('Trùng với dòng 9 trong cùng tệp');
    await ok(core, 'imports.setRowAction', { sessionId: opened.sessionId, rowNumber: 8, action: 'link' });
    const done = await ok(core, 'imports.commit', { sessionId: opened.sessionId });
    expect(done).toMatchObject({ created: 1, linked: 1, filled: 1, skipped: 1 });
    // Linking filled what the registry lacked and kept what it had.
    expect((await ok(core, 'learners.get', { id: known.id })).person).toMatchObject({
      birthDate: '1990-05-12',
      citizenId: '062090001234',
      phone: '0905000111',
    });
  });

  it('gives a unit merged down several rows to every row of the range', async () => {
    const core = await startCore();
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('DS');
    ws.getRow(1).values = ['STT', 'Họ và tên', 'Năm sinh', 'Chi bộ'];
    ws.getRow(2).values = [1, 'Lê Văn Một', 1980, 'Chi bộ thôn 7'];
    ws.getRow(3).values = [2, 'Lê Văn Hai', 1981, null];
    ws.getRow(4).values = [3, 'Lê Văn Ba', 1982, null];
    ws.getRow(5).values = [4, 'Lê Văn Bốn', 1983, 'Chi bộ thôn 8'];
    ws.mergeCells('D2:D4');
    const file = Buffer.from((await wb.xlsx.writeBuffer()) as ArrayBuffer).toString('base64');
    const { analysis } = await openAndAnalyze(core, file);
    expect(analysis.rows.map((r) => [r.fullName, r.birthDate, r.unitName])).toEqual([
      ['Lê Văn Một', '1980', 'Chi bộ thôn 7'],
      ['Lê Văn Hai', '1981', 'Chi bộ thôn 7'],
      ['Lê Văn Ba', '1982', 'Chi bộ thôn 7'],
      ['Lê Văn Bốn', '1983', 'Chi bộ thôn 8'],
    ]);
  });

  it('refuses a file that is not a spreadsheet with a message naming it, writing nothing', async () => {
    const core = await startCore();
    const r = await invoke(core, 'imports.open', {
      fileName: 'baocao.xlsx',
      dataBase64: Buffer.from('%PDF-1.7 not a sheet').toString('base64'),
    });
    expect(r).toMatchObject({ ok: false, error: { code: 'IMPORT_NOT_SPREADSHEET' } });
    if (!r.ok) expect(r.error.message).toContain('baocao.xlsx');
  });

  it('reads a CSV saved by Excel with ; and a BOM', async () => {
    const core = await startCore();
    const csv = '\uFEFFHọ và tên;Ngày sinh;Giới tính;Dân tộc\nĐặng Thị Hằng;05/09/1975;Nữ;Kinh\nA Thút;1980;Nam;Xơ-đăng\n';
    const { analysis, opened } = await openAndAnalyze(core, Buffer.from(csv, 'utf8').toString('base64'), 'ds.csv');
    expect(analysis.rows.map((r) => [r.fullName, r.birthDate, r.status])).toEqual([
      ['Đặng Thị Hằng', '1975-09-05', 'new'],
      ['A Thút', '1980', 'new'],
    ]);
    await ok(core, 'imports.commit', { sessionId: opened.sessionId });
    expect((await ok(core, 'learners.search', { q: 'dang' })).rows.map((r) => r.fullName)).toEqual(['Đặng Thị Hằng']);
  });
});

describe('importing straight into a class', () => {
  it('enrols everyone in the same all-or-nothing step: a refused enrolment leaves the registry untouched', async () => {
    const core = await startCore();
    await saveCentre(core);
    const c = await saveClass(core, {
      name: 'Lớp bồi dưỡng đảng viên mới khóa I năm 2026',
      startDate: '2026-06-01',
      endDate: '2026-06-05',
      capacity: 2,
      opening: null,
    });
    const file = await partyCellList(GOOD);
    // An and Bình are probationary members: the admission course is for non-members, so it warns.
    const first = await openAndAnalyze(core, file);
    const refused = await invoke(core, 'imports.commit', { sessionId: first.opened.sessionId, enrol: { classId: c.id } });
    expect(refused).toMatchObject({ ok: false, error: { code: 'FIT_WARNING' } });
    expect(!refused.ok && refused.error.message).toContain('Nguyễn Văn An (đảng viên dự bị), Trần Thị Bình (đảng viên dự bị)');
    expect(!refused.ok && refused.error.message).not.toContain('Y Hoa');
    expect((await ok(core, 'learners.count', { q: '' })).count).toBe(0);
    expect((await ok(core, 'units.list', { includeArchived: false })).length).toBe(0);

    const done = await ok(core, 'imports.commit', {
      sessionId: first.opened.sessionId,
      enrol: { classId: c.id, fitOverrideReason: 'Chi bộ cử đi học' },
    });
    expect(done).toMatchObject({ created: 3, enrolled: 3, capacityWarning: 'Lớp có 3 học viên, vượt sĩ số tối đa 2.' });
    expect((await ok(core, 'enrollments.list', { classId: c.id })).enrollments.map((e) => e.fullName)).toEqual([
      'Nguyễn Văn An',
      'Trần Thị Bình',
      'Y Hoa',
    ]);

    // The same list again: everyone is already in the class, so nothing is written at all.
    const again = await openAndAnalyze(core, file);
    const twice = await invoke(core, 'imports.commit', {
      sessionId: again.opened.sessionId,
      enrol: { classId: c.id, fitOverrideReason: 'x' },
    });
    expect(twice).toMatchObject({ ok: false, error: { code: 'ALREADY_ENROLLED' } });
  });
});

describe('an export of the Party-member database', () => {
  it('imports its unit, personal ID and split addresses; the alias and status stay «Không nhập»', async () => {
    const core = await startCore();
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Danh sách đảng viên');
    ws.addRow([
      ...PARTY_DB_FIRST_COLUMNS,
      'Quê quán - Quốc gia',
      'Quê quán - Tỉnh/Thành phố',
      'Quê quán - Địa chỉ chi tiết',
      'Nơi thường trú - Quốc gia',
      'Nơi thường trú - Tỉnh/Thành phố',
      'Nơi thường trú - Xã/Phường',
      'Tổ chức Đảng đang sinh hoạt',
      'Trạng thái hoạt động',
    ]);
    ws.addRow([
      1,
      'Nguyễn Văn An',
      'Ba An',
      'Nam',
      '12/05/1980',
      '038080012345',
      'Việt Nam',
      'Nghệ An',
      'Xóm 3, xã Diễn Kỷ',
      'Việt Nam',
      'Đắk Lắk',
      'Ea Kao',
      'Chi bộ thôn 1',
      'Đang sinh hoạt',
    ]);
    const { sheet, analysis, opened } = await openAndAnalyze(
      core,
      Buffer.from((await wb.xlsx.writeBuffer()) as ArrayBuffer).toString('base64'),
    );
    expect(sheet.columns.filter((c) => c.mapping.field === null).map((c) => c.header)).toEqual([
      'STT',
      'Tên gọi khác',
      'Quê quán - Quốc gia',
      'Nơi thường trú - Quốc gia',
      'Nơi thường trú - Tỉnh/Thành phố',
      'Trạng thái hoạt động',
    ]);
    expect(analysis.rows[0]).toMatchObject({ fullName: 'Nguyễn Văn An', unitName: 'Chi bộ thôn 1', status: 'new' });
    await ok(core, 'imports.commit', { sessionId: opened.sessionId });
    const an = (await ok(core, 'learners.search', { q: 'nguyen van an' })).rows[0]!;
    expect((await ok(core, 'learners.get', { id: an.id })).person).toMatchObject({
      homePlace: 'Xóm 3, xã Diễn Kỷ, Nghệ An',
      citizenId: '038080012345',
      communeName: 'Phường Ea Kao',
      unitName: 'Chi bộ thôn 1',
    });
  });
});
