import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { detectTable, type DetectedTable } from '../../electron/core/io/header-detect';
import { readWorkbook, type CellRange, type CellValue, type RawSheet } from '../../electron/core/io/sheet-reader';
import type { ImportField } from '../../shared/domain/learner-fields';
import { parseLooseDate } from '../../shared/domain/partial-date';

async function firstSheet(build: (ws: ExcelJS.Worksheet) => void): Promise<RawSheet> {
  const wb = new ExcelJS.Workbook();
  build(wb.addWorksheet('DS'));
  const book = await readWorkbook(Buffer.from(await wb.xlsx.writeBuffer()), 'ds.xlsx');
  return book.sheets[0]!;
}

async function csvSheet(lines: string[]): Promise<RawSheet> {
  return (await readWorkbook(Buffer.from(lines.join('\r\n'), 'utf8'), 'ds.csv')).sheets[0]!;
}

/** A sheet straight from rows, for the many header spellings. */
function grid(rows: CellValue[][], merges: CellRange[] = []): RawSheet {
  const colCount = Math.max(0, ...rows.map((r) => r.length));
  const cells = rows.map((r) => [...r, ...new Array<CellValue>(colCount - r.length).fill(null)]);
  return { name: 'DS', rowCount: cells.length, colCount, cells, merges, hidden: false, formulaCellsWithoutValue: 0 };
}

function detect(sheet: RawSheet): DetectedTable {
  const table = detectTable(sheet);
  if (!table) throw new Error('no table found');
  return table;
}

function fields(table: DetectedTable): (ImportField | null)[] {
  return table.columns.map((c) => c.field);
}

/** The header comes first, so a name column beside it (needed for a table at all) never takes its field. */
function fieldOf(header: string): ImportField | null {
  return detect(
    grid([
      [header, 'Họ và tên'],
      ['x', 'Nguyễn Văn An'],
    ]),
  ).columns[0]!.field;
}

const PARTY_HEADER: CellValue[][] = [
  ['ĐẢNG BỘ XÃ ĐẮK HÀ', null, null, null, 'ĐẢNG CỘNG SẢN VIỆT NAM'],
  ['CHI BỘ THÔN 1', null, null, null, null],
  ['*', null, null, null, 'Đắk Hà, ngày 05 tháng 9 năm 2026'],
  [null, null, null, null, null],
  ['DANH SÁCH TRÍCH NGANG HỌC VIÊN', null, null, null, null],
  ['Lớp bồi dưỡng nhận thức về Đảng khóa I năm 2026', null, null, null, null],
];

describe('one-row headers', () => {
  it('finds a plain list at row 1', async () => {
    const sheet = await firstSheet((ws) => {
      ws.addRow(['STT', 'Họ và tên', 'Giới tính', 'Ngày sinh', 'Dân tộc', 'Chức vụ', 'Chi bộ', 'Ghi chú', 'Sở thích']);
      ws.addRow([1, 'Nguyễn Văn An', 'Nam', '05/09/1975', 'Kinh', 'Bí thư', 'Chi bộ thôn 1', null, 'Đọc sách']);
    });
    const t = detect(sheet);
    expect(t).toMatchObject({ headerRow: 0, headerRowCount: 1, firstDataRow: 1 });
    expect(t.columns.map((c) => [c.col, c.header, c.field])).toEqual([
      [0, 'STT', null],
      [1, 'Họ và tên', 'fullName'],
      [2, 'Giới tính', 'sex'],
      [3, 'Ngày sinh', 'birthDate'],
      [4, 'Dân tộc', 'ethnicity'],
      [5, 'Chức vụ', 'position'],
      [6, 'Chi bộ', 'unit'],
      [7, 'Ghi chú', 'notes'],
      [8, 'Sở thích', null],
    ]);
    expect(t.signature).toBe('stt|ho va ten|gioi tinh|ngay sinh|dan toc|chuc vu|chi bo|ghi chu|so thich');
  });

  it('finds the header under a Party header, a title and a date line, skipping the column-number row', async () => {
    const sheet = await firstSheet((ws) => {
      for (const row of PARTY_HEADER) ws.addRow(row);
      ws.mergeCells('A1:C1');
      ws.mergeCells('E1:I1');
      ws.mergeCells('E3:I3');
      ws.mergeCells('A5:I5');
      ws.mergeCells('A6:I6');
      ws.addRow([
        'TT',
        'Họ tên đảng viên',
        'Năm sinh',
        'Quê quán',
        'Chức vụ, đơn vị công tác',
        'Ngày vào Đảng',
        'Ngày chính thức',
        'Trình độ LLCT',
        'Ghi chú',
      ]);
      ws.addRow(['(1)', '(2)', '(3)', '(4)', '(5)', '(6)', '(7)', '(8)', '(9)']);
      ws.addRow([1, 'Lê Văn Tám', 1975, 'Đắk Hà', 'Bí thư chi bộ thôn 1', '03/02/2001', '03/02/2002', 'Sơ cấp', null]);
    });
    const t = detect(sheet);
    expect(t).toMatchObject({ headerRow: 6, headerRowCount: 1, firstDataRow: 8 });
    expect(fields(t)).toEqual([
      null,
      'fullName',
      'birthDate',
      'homePlace',
      'position',
      'admissionDate',
      'confirmationDate',
      'theoryLevel',
      'notes',
    ]);
    expect(sheet.cells[t.firstDataRow]![1]).toBe('Lê Văn Tám');
  });

  it('skips a plain number row (1, 2, 3 …) and a title merged right above the header', async () => {
    const sheet = await firstSheet((ws) => {
      ws.addRow(['DANH SÁCH HỌC VIÊN LỚP CẢM TÌNH ĐẢNG']);
      ws.mergeCells('A1:F1');
      ws.addRow(['STT', 'Họ và tên', 'Ngày sinh', 'Dân tộc', 'Tôn giáo', 'Số CCCD']);
      ws.addRow([1, 2, 3, 4, 5, 6]);
      ws.addRow([1, 'Y Moan Niê', '1990', 'Ê-đê', 'Tin lành', '066090001234']);
    });
    const t = detect(sheet);
    expect(t).toMatchObject({ headerRow: 1, headerRowCount: 1, firstDataRow: 3 });
    expect(fields(t)).toEqual([null, 'fullName', 'birthDate', 'ethnicity', 'religion', 'citizenId']);
  });

  it('does not read a first data row holding dates as sub-headers of a merged name header', async () => {
    const sheet = await firstSheet((ws) => {
      ws.addRow(['Họ và tên', null, 'Ngày sinh', 'Ngày vào Đảng']);
      ws.mergeCells('A1:B1');
      ws.addRow(['Nguyễn Văn', 'An', new Date(Date.UTC(1975, 8, 5)), new Date(Date.UTC(2001, 1, 3))]);
    });
    const t = detect(sheet);
    expect(t).toMatchObject({ headerRow: 0, headerRowCount: 1, firstDataRow: 1 });
    expect(fields(t)).toEqual(['familyAndMiddle', 'given', 'birthDate', 'admissionDate']);
  });

  it('splits "Họ và tên" merged over two columns into family-and-middle and given name', async () => {
    const sheet = await firstSheet((ws) => {
      ws.addRow(['STT', 'Họ và tên', null, 'Ngày sinh']);
      ws.mergeCells('B1:C1');
      ws.addRow([1, 'Nguyễn Văn', 'An', '05/09/1975']);
    });
    const t = detect(sheet);
    expect(t).toMatchObject({ headerRow: 0, headerRowCount: 1, firstDataRow: 1 });
    expect(t.columns.map((c) => [c.header, c.field])).toEqual([
      ['STT', null],
      ['Họ và tên', 'familyAndMiddle'],
      ['Họ và tên', 'given'],
      ['Ngày sinh', 'birthDate'],
    ]);
  });

  it('reads headers written with line breaks, decomposed letters, NBSP and "(1)" suffixes', async () => {
    const sheet = await firstSheet((ws) => {
      ws.addRow([
        'Họ và tên (1)'.normalize('NFD'),
        'Ngày\ntháng\nnăm sinh',
        'Số\u00A0CMND/CCCD',
        'Số điện thoại (di động)',
        'Đơn vị công tác:',
      ]);
      ws.addRow(['Nguyễn Văn An', '05/09/1975', '066090001234', '0905123456', 'UBND xã']);
    });
    expect(fields(detect(sheet))).toEqual(['fullName', 'birthDate', 'citizenId', 'phone', 'workplace']);
  });

  it('lists a column with data but no header, for the clerk to map', () => {
    const t = detect(
      grid([
        ['Họ và tên', null, 'Ngày sinh'],
        ['Nguyễn Văn An', 'Kinh', '1975'],
      ]),
    );
    expect(t.columns.map((c) => [c.col, c.header, c.field])).toEqual([
      [0, 'Họ và tên', 'fullName'],
      [1, '', null],
      [2, 'Ngày sinh', 'birthDate'],
    ]);
    expect(t.signature).toBe('ho va ten||ngay sinh');
  });

  it('proposes each field once: a repeated header goes to the clerk', () => {
    const t = detect(
      grid([
        ['Họ và tên', 'Ngày sinh', 'Năm sinh'],
        ['Nguyễn Văn An', '05/09/1975', '1975'],
      ]),
    );
    expect(fields(t)).toEqual(['fullName', 'birthDate', null]);
    // Kept aside, for when the clerk maps the first column elsewhere.
    expect(t.columns.map((c) => c.repeatOf)).toEqual([undefined, undefined, 'birthDate']);
  });

  it('finds nothing without a name column', () => {
    expect(
      detectTable(
        grid([
          ['Ngày sinh', 'Dân tộc'],
          ['1975', 'Kinh'],
        ]),
      ),
    ).toBeNull();
    expect(detectTable(grid(PARTY_HEADER))).toBeNull();
    expect(detectTable(grid([]))).toBeNull();
  });

  it('does not read a title right above the header as a parent, merged or not', async () => {
    const csv = await csvSheet(['DANH SÁCH HỌC VIÊN;;;;', 'STT;Họ và tên;;Ngày sinh;Dân tộc', '1;Nguyễn Văn An;x;05/09/1975;Kinh']);
    const fromCsv = detect(csv);
    expect(fromCsv).toMatchObject({ headerRow: 1, headerRowCount: 1, firstDataRow: 2 });
    expect(fromCsv.columns.map((c) => c.header)).toEqual(['STT', 'Họ và tên', '', 'Ngày sinh', 'Dân tộc']);
    const xlsx = await firstSheet((ws) => {
      ws.addRow(['DANH SÁCH HỌC VIÊN']);
      ws.mergeCells('A1:C1');
      ws.addRow(['STT', 'Họ và tên', 'Ngày sinh', 'Dân tộc', 'Tôn giáo', 'Chi bộ']);
      ws.addRow([1, 'Nguyễn Văn An', '05/09/1975', 'Kinh', 'Không', 'Thôn 1']);
    });
    expect(detect(xlsx)).toMatchObject({ headerRow: 1, headerRowCount: 1, firstDataRow: 2 });
  });

  it('does not take a title line such as "CHI BỘ THÔN 1" for a header', () => {
    const t = detect(
      grid([
        ['CHI BỘ THÔN 1', null],
        ['Họ và tên', 'Chi bộ'],
        ['Nguyễn Văn An', 'Thôn 1'],
      ]),
    );
    expect(t.headerRow).toBe(1);
  });
});

describe('two-row headers', () => {
  /** The usual Party form: STT, name and unit merged down two rows; the birth date split by sex. */
  async function birthBySexForm(dates: [CellValue, CellValue][]): Promise<RawSheet> {
    return firstSheet((ws) => {
      ws.addRow(['DANH SÁCH TRÍCH NGANG']);
      ws.mergeCells('A1:F1');
      ws.addRow([]);
      ws.addRow(['STT', 'Họ và tên', 'Ngày, tháng, năm sinh', null, 'Dân tộc', 'Chi bộ']);
      ws.addRow([null, null, 'Nam', 'Nữ', null, null]);
      ws.mergeCells('A3:A4');
      ws.mergeCells('B3:B4');
      ws.mergeCells('C3:D3');
      ws.mergeCells('E3:E4');
      ws.mergeCells('F3:F4');
      ws.addRow([1, 2, 3, 4, 5, 6]);
      dates.forEach(([male, female], i) => ws.addRow([i + 1, i === 0 ? 'Nguyễn Văn An' : 'Trần Thị Bình', male, female, 'Kinh', 'Thôn 1']));
    });
  }

  it('maps "Ngày, tháng, năm sinh" over Nam | Nữ with real Excel dates', async () => {
    const sheet = await birthBySexForm([
      [new Date(Date.UTC(1975, 8, 5)), null],
      [null, new Date(Date.UTC(1980, 0, 12))],
    ]);
    const t = detect(sheet);
    expect(t).toMatchObject({ headerRow: 2, headerRowCount: 2, firstDataRow: 5 });
    expect(t.columns.map((c) => [c.header, c.field])).toEqual([
      ['STT', null],
      ['Họ và tên', 'fullName'],
      ['Ngày, tháng, năm sinh / Nam', 'birthDateMale'],
      ['Ngày, tháng, năm sinh / Nữ', 'birthDateFemale'],
      ['Dân tộc', 'ethnicity'],
      ['Chi bộ', 'unit'],
    ]);
    const male = t.columns.find((c) => c.field === 'birthDateMale')!.col;
    const female = t.columns.find((c) => c.field === 'birthDateFemale')!.col;
    expect(parseLooseDate(sheet.cells[t.firstDataRow]![male], { kind: 'birth' })).toEqual({ ok: true, value: '1975-09-05' });
    expect(sheet.cells[t.firstDataRow]![female]).toBeNull();
    expect(parseLooseDate(sheet.cells[t.firstDataRow + 1]![female], { kind: 'birth' })).toEqual({ ok: true, value: '1980-01-12' });
  });

  it('maps the same form with dates typed as text', async () => {
    const sheet = await birthBySexForm([
      ['05/09/1975', null],
      [null, '12/01/1980'],
    ]);
    const t = detect(sheet);
    expect(fields(t)).toEqual([null, 'fullName', 'birthDateMale', 'birthDateFemale', 'ethnicity', 'unit']);
    expect(sheet.cells[t.firstDataRow + 1]![3]).toBe('12/01/1980');
  });

  it('maps "Họ và tên" over "Họ, chữ đệm" | "Tên"', async () => {
    const sheet = await firstSheet((ws) => {
      ws.addRow(['STT', 'Họ và tên', null, 'Giới tính', 'Năm sinh']);
      ws.addRow([null, 'Họ, chữ đệm', 'Tên', null, null]);
      ws.mergeCells('A1:A2');
      ws.mergeCells('B1:C1');
      ws.mergeCells('D1:D2');
      ws.mergeCells('E1:E2');
      ws.addRow([1, 'Tôn Nữ Thị', 'Hoa', 'Nữ', 1985]);
    });
    const t = detect(sheet);
    expect(t).toMatchObject({ headerRow: 0, headerRowCount: 2, firstDataRow: 2 });
    expect(t.columns.map((c) => [c.header, c.field])).toEqual([
      ['STT', null],
      ['Họ và tên / Họ, chữ đệm', 'familyAndMiddle'],
      ['Họ và tên / Tên', 'given'],
      ['Giới tính', 'sex'],
      ['Năm sinh', 'birthDate'],
    ]);
  });

  it('reads the same two-row form from a CSV, where the merges are lost, with the same signature', async () => {
    const xlsxSheet = await birthBySexForm([['05/09/1975', null]]);
    const csv = await csvSheet([
      'DANH SÁCH TRÍCH NGANG;;;;;',
      ';;;;;',
      'STT;Họ và tên;Ngày, tháng, năm sinh;;Dân tộc;Chi bộ',
      ';;Nam;Nữ;;',
      '1;2;3;4;5;6',
      '1;Nguyễn Văn An;05/09/1975;;Kinh;Thôn 1',
    ]);
    const fromCsv = detect(csv);
    const fromXlsx = detect(xlsxSheet);
    expect(fromCsv).toMatchObject({ headerRow: 2, headerRowCount: 2, firstDataRow: 5 });
    expect(fields(fromCsv)).toEqual(fields(fromXlsx));
    expect(fromCsv.signature).toBe(fromXlsx.signature);
    expect(fromCsv.signature).toBe('stt|ho va ten|ngay thang nam sinh nam|ngay thang nam sinh nu|dan toc|chi bo');
  });

  it('reads "Giới tính" over Nam | Nữ as sex marks', async () => {
    const sheet = await firstSheet((ws) => {
      ws.addRow(['Họ và tên', 'Giới tính', null, 'Ngày sinh']);
      ws.addRow([null, 'Nam', 'Nữ', null]);
      ws.mergeCells('A1:A2');
      ws.mergeCells('B1:C1');
      ws.mergeCells('D1:D2');
      ws.addRow(['Nguyễn Văn An', 'x', null, '05/09/1975']);
    });
    const t = detect(sheet);
    expect(t.columns.map((c) => [c.field, c.sexMark])).toEqual([
      ['fullName', undefined],
      ['sex', 'nam'],
      ['sex', 'nu'],
      ['birthDate', undefined],
    ]);
  });

  it('maps "Ngày vào Đảng" over "Dự bị" | "Chính thức"', () => {
    const t = detect(
      grid(
        [
          ['Họ và tên', 'Ngày vào Đảng', null],
          [null, 'Dự bị', 'Chính thức'],
          ['Nguyễn Văn An', '03/02/2001', '03/02/2002'],
        ],
        [
          { top: 0, left: 0, bottom: 1, right: 0 },
          { top: 0, left: 1, bottom: 0, right: 2 },
        ],
      ),
    );
    expect(fields(t)).toEqual(['fullName', 'admissionDate', 'confirmationDate']);
  });

  it('reads sub-headers under a parent it does not know ("Trình độ")', async () => {
    const sheet = await firstSheet((ws) => {
      ws.addRow(['Họ và tên', 'Trình độ', null, 'Ghi chú']);
      ws.addRow([null, 'Học vấn', 'LLCT', null]);
      ws.mergeCells('A1:A2');
      ws.mergeCells('B1:C1');
      ws.mergeCells('D1:D2');
      ws.addRow(['Nguyễn Văn An', '12/12', 'Sơ cấp', null]);
    });
    const t = detect(sheet);
    expect(t).toMatchObject({ headerRow: 0, headerRowCount: 2, firstDataRow: 2 });
    expect(t.columns.map((c) => [c.header, c.field])).toEqual([
      ['Họ và tên', 'fullName'],
      ['Trình độ / Học vấn', 'educationLevel'],
      ['Trình độ / LLCT', 'theoryLevel'],
      ['Ghi chú', 'notes'],
    ]);
  });

  it('reads a header merged down two rows with no sub-headers as one header', () => {
    const t = detect(
      grid(
        [
          ['Họ và tên', 'Ngày sinh'],
          [null, null],
          ['Nguyễn Văn An', '05/09/1975'],
        ],
        [
          { top: 0, left: 0, bottom: 1, right: 0 },
          { top: 0, left: 1, bottom: 1, right: 1 },
        ],
      ),
    );
    expect(t).toMatchObject({ headerRow: 0, headerRowCount: 2, firstDataRow: 2 });
  });
});

describe('a lone Nam | Nữ pair', () => {
  it('holds sex marks when the birth date has its own column', () => {
    const t = detect(
      grid([
        ['Họ và tên', 'Nam', 'Nữ', 'Ngày sinh'],
        ['Nguyễn Văn An', 'x', null, '05/09/1975'],
        ['Trần Thị Bình', null, 'X', '1980'],
      ]),
    );
    expect(t.columns.map((c) => [c.field, c.sexMark])).toEqual([
      ['fullName', undefined],
      ['sex', 'nam'],
      ['sex', 'nu'],
      ['birthDate', undefined],
    ]);
  });

  it('holds sex marks when the cells are marks', () => {
    const t = detect(
      grid([
        ['Họ và tên', 'Nam', 'Nữ'],
        ['Nguyễn Văn An', 'x', null],
        ['Trần Thị Bình', null, '✓'],
      ]),
    );
    expect(t.columns.map((c) => c.sexMark)).toEqual([undefined, 'nam', 'nu']);
  });

  it('holds sex marks when the cells are 1s for adding up', () => {
    const t = detect(
      grid([
        ['Họ và tên', 'Nam', 'Nữ'],
        ['Nguyễn Văn An', 1, null],
        ['Trần Thị Bình', null, 1],
      ]),
    );
    expect(t.columns.map((c) => c.sexMark)).toEqual([undefined, 'nam', 'nu']);
  });

  it('holds birth dates written under the sex when the cells are dates', () => {
    const t = detect(
      grid([
        ['Họ và tên', 'Nam', 'Nữ'],
        ['Nguyễn Văn An', '05/09/1975', null],
        ['Trần Thị Bình', null, 29232],
      ]),
    );
    expect(fields(t)).toEqual(['fullName', 'birthDateMale', 'birthDateFemale']);
  });
});

describe('header spellings', () => {
  const cases: [string, ImportField | null][] = [
    ['Họ tên', 'fullName'],
    ['Họ và tên học viên', 'fullName'],
    ['HỌ VÀ TÊN', 'fullName'],
    ['Họ và chữ đệm', 'familyAndMiddle'],
    ['Họ đệm', 'familyAndMiddle'],
    ['Tên', 'given'],
    ['Giới tính', 'sex'],
    ['Ngày, tháng, năm sinh', 'birthDate'],
    ['Ngày tháng năm sinh', 'birthDate'],
    ['Sinh ngày', 'birthDate'],
    ['Ngày sinh (Nam)', 'birthDateMale'],
    ['Ngày sinh (Nữ)', 'birthDateFemale'],
    ['Tôn giáo', 'religion'],
    ['Nguyên quán', 'homePlace'],
    ['Nơi ở hiện nay', 'commune'],
    ['Xã, phường', 'commune'],
    ['Nơi cư trú', 'commune'],
    ['Địa chỉ thường trú', 'commune'],
    ['Nơi công tác', 'workplace'],
    ['Cơ quan, đơn vị', 'workplace'],
    ['Đơn vị', 'workplace'],
    ['Chức danh', 'position'],
    ['Đảng viên', 'partyStatus'],
    ['Đối tượng', 'partyStatus'],
    ['Ngày kết nạp', 'admissionDate'],
    ['Ngày công nhận đảng viên chính thức', 'confirmationDate'],
    ['Chi bộ sinh hoạt', 'unit'],
    ['Đảng bộ, chi bộ', 'unit'],
    ['Tổ chức cơ sở đảng', 'unit'],
    ['Trình độ học vấn', 'educationLevel'],
    ['Học vấn', 'educationLevel'],
    ['Văn hóa', 'educationLevel'],
    ['Chuyên môn', 'educationLevel'],
    ['Trình độ chuyên môn', 'educationLevel'],
    ['Lý luận chính trị', 'theoryLevel'],
    ['LLCT', 'theoryLevel'],
    ['CCCD', 'citizenId'],
    ['Căn cước công dân', 'citizenId'],
    ['Số định danh', 'citizenId'],
    ['Số CMND', 'citizenId'],
    ['Số thẻ đảng viên', 'partyCard'],
    ['Số thẻ Đảng', 'partyCard'],
    ['Điện thoại', 'phone'],
    ['SĐT', 'phone'],
    ['ĐT', 'phone'],
    ['Số TT', null],
    ['Tình trạng sức khỏe', null],
  ];
  it.each(cases)('«%s» → %s', (header, field) => {
    expect(fieldOf(header)).toBe(field);
  });
});

describe('exports of the Party-member database', () => {
  it('maps its one-row headers, addresses split into parts in one cell', () => {
    const t = detect(
      grid([
        [
          'STT',
          'Họ và tên',
          'Tên gọi khác',
          'Giới tính',
          'Ngày sinh',
          'Số định danh cá nhân',
          'Dân tộc',
          'Quê quán - Quốc gia',
          'Quê quán - Tỉnh/Thành phố',
          'Quê quán - Địa chỉ chi tiết',
          'Nơi thường trú - Quốc gia',
          'Nơi thường trú - Tỉnh/Thành phố',
          'Nơi thường trú - Địa chỉ chi tiết',
          'Tổ chức Đảng đang sinh hoạt',
          'Ngày vào Đảng',
          'Ngày chính thức',
          'Trạng thái hoạt động',
        ],
        [
          1,
          'Nguyễn Văn An',
          'Ba An',
          'Nam',
          '12/03/1980',
          '038080012345',
          'Kinh',
          'Việt Nam',
          'Nghệ An',
          'Xóm 3, xã Diễn Kỷ',
          'Việt Nam',
          'Đắk Lắk',
          'Xã Ea Kao',
          'Chi bộ thôn 1',
          '03/02/2010',
          '03/02/2011',
          'Đang sinh hoạt',
        ],
      ]),
    );
    expect(fields(t)).toEqual([
      null,
      'fullName',
      null,
      'sex',
      'birthDate',
      'citizenId',
      'ethnicity',
      null,
      'homePlace',
      'homePlace',
      null,
      null,
      'commune',
      'unit',
      'admissionDate',
      'confirmationDate',
      null,
    ]);
    // Parts of one address are joined on import, so no column waits for the clerk as a repeat.
    expect(t.columns.every((c) => c.repeatOf === undefined)).toBe(true);
  });

  it('maps address parts written as sub-headers under «Quê quán» and «Nơi ở hiện nay»', () => {
    const t = detect(
      grid(
        [
          ['STT', 'Họ và tên', 'Số định danh cá nhân', 'Quê quán', null, null, 'Nơi ở hiện nay', null, null, 'Tổ chức Đảng đang sinh hoạt'],
          [null, null, null, 'Quốc gia', 'Tỉnh/Thành phố', 'Địa chỉ chi tiết', 'Quốc gia', 'Tỉnh/Thành phố', 'Xã/Phường', null],
          [1, 'Lê Thị Hoa', '040190001234', 'Việt Nam', 'Hà Tĩnh', 'Thôn Trung', 'Việt Nam', 'Đắk Lắk', 'Ea Kao', 'Chi bộ thôn 2'],
        ],
        [
          { top: 0, left: 0, bottom: 1, right: 0 },
          { top: 0, left: 1, bottom: 1, right: 1 },
          { top: 0, left: 2, bottom: 1, right: 2 },
          { top: 0, left: 3, bottom: 0, right: 5 },
          { top: 0, left: 6, bottom: 0, right: 8 },
          { top: 0, left: 9, bottom: 1, right: 9 },
        ],
      ),
    );
    expect(t.headerRowCount).toBe(2);
    expect(fields(t)).toEqual([null, 'fullName', 'citizenId', null, 'homePlace', 'homePlace', null, null, 'commune', 'unit']);
  });

  const cases: [string, ImportField | null][] = [
    ['Tổ chức Đảng đang sinh hoạt', 'unit'],
    ['Số định danh cá nhân', 'citizenId'],
    ['Tên gọi khác', null],
    ['Trạng thái hoạt động', null],
    ['Quê quán (Tỉnh)', 'homePlace'],
    ['Quê quán (Quốc gia)', null],
    ['Nơi ở hiện nay - Xã/Phường', 'commune'],
    ['Nơi ở hiện nay - Tỉnh/Thành phố', null],
    ['Địa chỉ chi tiết', 'commune'],
  ];
  it.each(cases)('«%s» → %s', (header, field) => {
    expect(fieldOf(header)).toBe(field);
  });
});
