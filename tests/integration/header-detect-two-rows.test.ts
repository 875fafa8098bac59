import { describe, expect, it } from 'vitest';
import type { RawSheet } from '../../electron/core/io/sheet-reader';
import type { CellValue } from '../../electron/core/io/sheet-reader';
import { parseLooseDate } from '../../shared/domain/partial-date';
import { csvSheet, detect, fields, firstSheet, grid } from './header-detect-fixtures';

/** Name, a Nam mark column, a Nữ mark column, birth date: what both ways of splitting sex into two columns read as. */
const NAME_SEX_BIRTH = [
  ['fullName', undefined],
  ['sex', 'nam'],
  ['sex', 'nu'],
  ['birthDate', undefined],
];

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

  it.each([
    [
      'maps "Họ và tên" over "Họ, chữ đệm" | "Tên"',
      {
        header: [
          ['STT', 'Họ và tên', null, 'Giới tính', 'Năm sinh'],
          [null, 'Họ, chữ đệm', 'Tên', null, null],
        ],
        merges: ['A1:A2', 'B1:C1', 'D1:D2', 'E1:E2'],
        data: [1, 'Tôn Nữ Thị', 'Hoa', 'Nữ', 1985],
        columns: [
          ['STT', null],
          ['Họ và tên / Họ, chữ đệm', 'familyAndMiddle'],
          ['Họ và tên / Tên', 'given'],
          ['Giới tính', 'sex'],
          ['Năm sinh', 'birthDate'],
        ],
      },
    ],
    [
      'reads sub-headers under a parent it does not know ("Trình độ")',
      {
        header: [
          ['Họ và tên', 'Trình độ', null, 'Ghi chú'],
          [null, 'Học vấn', 'LLCT', null],
        ],
        merges: ['A1:A2', 'B1:C1', 'D1:D2'],
        data: ['Nguyễn Văn An', '12/12', 'Sơ cấp', null],
        columns: [
          ['Họ và tên', 'fullName'],
          ['Trình độ / Học vấn', 'educationLevel'],
          ['Trình độ / LLCT', 'theoryLevel'],
          ['Ghi chú', 'notes'],
        ],
      },
    ],
  ] as const)('%s', async (_, { header, merges, data, columns }) => {
    const sheet = await firstSheet((ws) => {
      for (const row of header) ws.addRow(row);
      for (const range of merges) ws.mergeCells(range);
      ws.addRow(data);
    });
    const t = detect(sheet);
    expect(t).toMatchObject({ headerRow: 0, headerRowCount: 2, firstDataRow: 2 });
    expect(t.columns.map((c) => [c.header, c.field])).toEqual(columns);
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
    expect(t.columns.map((c) => [c.field, c.sexMark])).toEqual(NAME_SEX_BIRTH);
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
    expect(t.columns.map((c) => [c.field, c.sexMark])).toEqual(NAME_SEX_BIRTH);
  });

  it.each([
    ['marks', 'x', '✓'],
    ['1s for adding up', 1, 1],
  ])('holds sex marks when the cells are %s', (_, male, female) => {
    const t = detect(
      grid([
        ['Họ và tên', 'Nam', 'Nữ'],
        ['Nguyễn Văn An', male, null],
        ['Trần Thị Bình', null, female],
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
