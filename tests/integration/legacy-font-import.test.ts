import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { AppCore } from '../../electron/core/app-core';
import { ok, startCore } from './helpers';
import { refusal } from '../fixtures/builders';

type Row = (string | number | null)[];

/** A list as a cell typed it in Excel before Unicode: headers and names in the font's own letters. */
async function listFile(header: Row, rows: Row[], sheetName = 'DS'): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(sheetName);
  ws.addRow(header);
  for (const r of rows) ws.addRow(r);
  return Buffer.from((await wb.xlsx.writeBuffer()) as ArrayBuffer).toString('base64');
}

const TCVN3_HEADER: Row = ['STT', 'Hä vµ tªn', 'Ngµy sinh', 'Chi bé', 'Quª qu¸n'];
const TCVN3_ROWS: Row[] = [
  [1, 'NguyÔn V¨n An', '12/05/1990', 'Chi bé th«n 1', 'X· DiÔn Kû, NghÖ An'],
  [2, 'TrÇn ThÞ B×nh', '02/09/1995', 'Chi bé th«n 1', 'Hµ TÜnh'],
  [3, 'Lª ThÞ Thuý', '1998', 'Chi bé th«n 2', 'Thanh Ho¸'],
  [4, '§Æng Xu©n Tr­êng', '1985', 'Chi bé th«n 2', 'Qu¶ng B×nh'],
];
const VNI_HEADER: Row = ['STT', 'Hoï vaø teân', 'Ngaøy sinh', 'Chi boä'];
const VNI_ROWS: Row[] = [
  [1, 'Nguyeãn Vaên An', '12/05/1990', 'Chi boä thoân 1'],
  [2, 'Traàn Thò Bình', '02/09/1995', 'Chi boä thoân 1'],
  [3, 'Tröông Thò Thuùy', '1998', 'Chi boä thoân 2'],
];

async function open(core: AppCore, base64: string) {
  const opened = await ok(core, 'imports.open', { fileName: 'danhsach-cu.xlsx', dataBase64: base64 });
  const sheet = opened.sheets[opened.suggestedSheet]!;
  const analyze = (fontChoice?: 'convert' | 'keep') =>
    ok(core, 'imports.analyze', {
      sessionId: opened.sessionId,
      sheet: sheet.index,
      firstDataRow: sheet.firstDataRow,
      mapping: sheet.columns.map((c) => c.mapping),
      defaultUnitId: null,
      ...(fontChoice ? { fontChoice } : {}),
    });
  return { opened, sheet, analyze };
}

async function names(core: AppCore): Promise<string[]> {
  return (await ok(core, 'learners.search', { q: '' })).rows.map((r) => r.fullName).sort((a, b) => a.localeCompare(b, 'vi'));
}

describe('lists typed in a pre-Unicode font', () => {
  it('reads a CSV saved from a .VnTime or VNI-Times sheet in its Latin-1 bytes, so the conversion is offered; a windows-1258 CSV stays as it is', async () => {
    const core = await startCore();
    const csv = (header: Row, rows: Row[]) => [header, ...rows].map((r) => r.map((v) => String(v ?? '')).join(';')).join('\r\n');
    const openCsv = async (bytes: Buffer) =>
      (await ok(core, 'imports.open', { fileName: 'danhsach.csv', dataBase64: bytes.toString('base64') })).sheets[0]!;
    // Excel writes the cells' letters, Latin-1 code points in these fonts, as single bytes of the Windows code page.
    const tcvn3 = await openCsv(Buffer.from(csv(TCVN3_HEADER, TCVN3_ROWS), 'latin1'));
    expect(tcvn3.legacyFont).toMatchObject({ font: 'tcvn3' });
    expect(tcvn3.legacyFont!.preview[0]).toEqual({ original: 'NguyÔn V¨n An', converted: 'Nguyễn Văn An' });
    const vni = await openCsv(Buffer.from(csv(VNI_HEADER, VNI_ROWS), 'latin1'));
    expect(vni.legacyFont).toMatchObject({ font: 'vni' });
    // A Unicode list saved as "CSV (Comma delimited)" on a Vietnamese Windows: windows-1258, not an old font.
    // Its bytes as written: the non-ASCII ones (vowels, and tone marks that follow their vowel) as \x escapes.
    const cp1258 = Buffer.from(
      'STT;Ho\xf2 t\xean\r\n1;Nguy\xea\xden V\xe3n An\r\n2;Tr\xe2\xccn Thi\xf2 Bi\xccnh\r\n3;L\xea Thi\xf2 Hoa\r\n',
      'latin1',
    );
    const unicode = await openCsv(cp1258);
    expect(unicode.legacyFont).toBeNull();
    expect(unicode.columns[1]!.samples.slice(0, 2)).toEqual(['Nguyễn Văn An', 'Trần Thị Bình']);
  });

  it('finds a TCVN3 list, previews it converted, refuses to import until the clerk chooses, then imports it converted', async () => {
    const core = await startCore();
    const { opened, sheet, analyze } = await open(core, await listFile(TCVN3_HEADER, TCVN3_ROWS));
    expect(sheet.legacyFont).toMatchObject({ font: 'tcvn3' });
    expect(sheet.legacyFont!.preview.slice(0, 2)).toEqual([
      { original: 'NguyÔn V¨n An', converted: 'Nguyễn Văn An' },
      { original: 'TrÇn ThÞ B×nh', converted: 'Trần Thị Bình' },
    ]);
    // The garbled headers are read through the conversion, so the columns are proposed as usual.
    expect(sheet.columns.map((c) => [c.header, c.mapping.field])).toEqual([
      ['STT', null],
      ['Họ và tên', 'fullName'],
      ['Ngày sinh', 'birthDate'],
      ['Chi bộ', 'unit'],
      ['Quê quán', 'homePlace'],
    ]);

    const undecided = await analyze();
    expect(undecided.fontUndecided).toBe(true);
    expect(undecided.rows[0]!.fullName).toBe('NguyÔn V¨n An');
    expect(await refusal(core, 'imports.commit', { sessionId: opened.sessionId })).toMatchObject({
      code: 'IMPORT_FONT_UNDECIDED',
      message: expect.stringContaining('phông chữ cũ (TCVN3 / .VnTime)'),
    });
    expect(await names(core)).toEqual([]);

    const converted = await analyze('convert');
    expect(converted.fontUndecided).toBe(false);
    expect(converted.rows.map((r) => [r.fullName, r.unitName])).toEqual([
      ['Nguyễn Văn An', 'Chi bộ thôn 1'],
      ['Trần Thị Bình', 'Chi bộ thôn 1'],
      ['Lê Thị Thuý', 'Chi bộ thôn 2'],
      ['Đặng Xuân Trường', 'Chi bộ thôn 2'],
    ]);
    expect(converted.newUnits).toEqual(['Chi bộ thôn 1', 'Chi bộ thôn 2']);
    const done = await ok(core, 'imports.commit', { sessionId: opened.sessionId });
    expect(done).toMatchObject({ created: 4, unitsCreated: 2 });
    expect(await names(core)).toEqual(['Đặng Xuân Trường', 'Lê Thị Thuý', 'Nguyễn Văn An', 'Trần Thị Bình']);
    const an = (await ok(core, 'learners.search', { q: 'nguyen van an' })).rows[0]!;
    expect((await ok(core, 'learners.get', { id: an.id })).person.homePlace).toBe('Xã Diễn Kỷ, Nghệ An');
  });

  it('finds a VNI list and imports it converted', async () => {
    const core = await startCore();
    const { opened, sheet, analyze } = await open(core, await listFile(VNI_HEADER, VNI_ROWS));
    expect(sheet.legacyFont).toMatchObject({ font: 'vni', preview: [{ original: 'Nguyeãn Vaên An', converted: 'Nguyễn Văn An' }, {}, {}] });
    expect(sheet.columns.map((c) => c.mapping.field)).toEqual([null, 'fullName', 'birthDate', 'unit']);
    expect(await analyze()).toMatchObject({ fontUndecided: true });
    expect(await refusal(core, 'imports.commit', { sessionId: opened.sessionId })).toMatchObject({ code: 'IMPORT_FONT_UNDECIDED' });
    const converted = await analyze('convert');
    expect(converted.rows.map((r) => r.fullName)).toEqual(['Nguyễn Văn An', 'Trần Thị Bình', 'Trương Thị Thúy']);
    await ok(core, 'imports.commit', { sessionId: opened.sessionId });
    expect(await names(core)).toEqual(['Nguyễn Văn An', 'Trần Thị Bình', 'Trương Thị Thúy']);
  });

  it('imports the text as it is when the clerk keeps it', async () => {
    const core = await startCore();
    const { opened, analyze } = await open(core, await listFile(VNI_HEADER, VNI_ROWS));
    expect(await analyze('keep')).toMatchObject({ fontUndecided: false });
    await ok(core, 'imports.commit', { sessionId: opened.sessionId });
    expect(await names(core)).toEqual(['Nguyeãn Vaên An', 'Traàn Thò Bình', 'Tröông Thò Thuùy']);
  });

  it('does not flag a Unicode list, with Ê-đê names among Kinh ones, and ignores a choice sent for it', async () => {
    const core = await startCore();
    const { sheet, analyze, opened } = await open(
      core,
      await listFile(
        ['STT', 'Họ và tên', 'Ngày sinh', 'Chi bộ'],
        [
          [1, 'Hòa Bình', '1990', 'Chi bộ buôn Ea Kao'],
          [2, 'Y Moan Niê', '1991', 'Chi bộ buôn Ea Kao'],
          [3, 'Ksor Y Ŭn', '1992', 'Chi bộ buôn Ea Kao'],
          [4, 'Lê Thị Thúy', '1993', 'Chi bộ buôn Ea Kao'],
        ],
      ),
    );
    expect(sheet.legacyFont).toBeNull();
    const a = await analyze('convert');
    expect(a.fontUndecided).toBe(false);
    expect(a.rows.map((r) => r.fullName)).toEqual(['Hòa Bình', 'Y Moan Niê', 'Ksor Y Ŭn', 'Lê Thị Thúy']);
    await ok(core, 'imports.commit', { sessionId: opened.sessionId });
  });
});
