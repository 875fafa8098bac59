import type ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { cellLocation, columnLetter, readWorkbook } from '../../electron/core/io/sheet-reader';
import { cp1258, refusal, sheet, xlsx } from './sheet-fixtures';

describe('reading .xlsx', () => {
  it('reads a plain list at row 1, 0-based, dropping trailing empty rows', async () => {
    const bytes = await xlsx((wb) => {
      const ws = wb.addWorksheet('DS');
      ws.addRow(['STT', 'Họ và tên', 'Ngày sinh', 'Chi bộ']);
      ws.addRow([1, 'Nguyễn Văn An', '05/09/1975', 'Chi bộ thôn 1']);
      ws.addRow([2, 'Trần Thị Bình', '12/01/1980', 'Chi bộ thôn 2']);
      ws.getCell('A10').border = { top: { style: 'thin' } };
      ws.getCell('B11').value = '   ';
    });
    const book = await readWorkbook(bytes, 'ds.xlsx');
    expect(book.format).toBe('xlsx');
    expect(book.sheets).toHaveLength(1);
    const s = book.sheets[0]!;
    expect(s).toMatchObject({ name: 'DS', rowCount: 3, colCount: 4, hidden: false, merges: [], formulaCellsWithoutValue: 0 });
    expect(s.cells).toEqual([
      ['STT', 'Họ và tên', 'Ngày sinh', 'Chi bộ'],
      [1, 'Nguyễn Văn An', '05/09/1975', 'Chi bộ thôn 1'],
      [2, 'Trần Thị Bình', '12/01/1980', 'Chi bộ thôn 2'],
    ]);
  });

  it('keeps the row numbers the clerk sees: leading empty rows and columns stay', async () => {
    const bytes = await xlsx((wb) => {
      const ws = wb.addWorksheet('DS');
      ws.getCell('C12').value = 'Lê Văn Tám';
    });
    const s = (await readWorkbook(bytes, 'ds.xlsx')).sheets[0]!;
    expect(s.rowCount).toBe(12);
    expect(s.colCount).toBe(3);
    expect(s.cells[11]).toEqual([null, null, 'Lê Văn Tám']);
    expect(s.cells[0]).toEqual([null, null, null]);
    expect(cellLocation(s.name, 11, 2)).toBe('Trang «DS» dòng 12, cột C');
  });

  it('gives real dates as UTC-midnight Dates and leaves serial numbers as numbers', async () => {
    const bytes = await xlsx((wb) => {
      const ws = wb.addWorksheet('DS');
      ws.getCell('A1').value = new Date(Date.UTC(1975, 8, 5));
      ws.getCell('A1').numFmt = 'dd/mm/yyyy';
      ws.getCell('B1').value = 27642;
      ws.getCell('C1').value = 1975;
    });
    const [row] = (await readWorkbook(bytes, 'ds.xlsx')).sheets[0]!.cells;
    expect(row![0]).toBeInstanceOf(Date);
    expect((row![0] as Date).toISOString()).toBe('1975-09-05T00:00:00.000Z');
    expect(row![1]).toBe(27642);
    expect(row![2]).toBe(1975);
  });

  it('reads formulas as their cached results and counts those saved without one', async () => {
    const bytes = await xlsx((wb) => {
      const ws = wb.addWorksheet('DS');
      ws.getCell('A1').value = 'Nguyễn';
      ws.getCell('B1').value = 'An';
      ws.getCell('C1').value = { formula: 'A1&" "&B1', result: 'Nguyễn An' };
      ws.getCell('D1').value = { formula: 'A1&B1' } as ExcelJS.CellFormulaValue;
      ws.getCell('E1').value = { formula: '1+1', result: 2 };
      ws.getCell('F1').value = { formula: 'DATE(1975,9,5)', result: new Date(Date.UTC(1975, 8, 5)) };
      ws.getCell('F1').numFmt = 'dd/mm/yyyy';
      ws.getCell('G1').value = { formula: 'VLOOKUP(A1,X:Y,2,0)', result: { error: '#N/A' } };
      ws.getCell('H1').value = 'x';
      ws.getCell('A2').value = { formula: 'B2*2' } as ExcelJS.CellFormulaValue;
    });
    const s = (await readWorkbook(bytes, 'ds.xlsx')).sheets[0]!;
    expect(s.cells[0]!.slice(0, 5)).toEqual(['Nguyễn', 'An', 'Nguyễn An', null, 2]);
    expect((s.cells[0]![5] as Date).toISOString()).toBe('1975-09-05T00:00:00.000Z');
    expect(s.cells[0]![6]).toBeNull();
    expect(s.formulaCellsWithoutValue).toBe(2);
  });

  it('reads shared formulas as their cached results', async () => {
    const bytes = await xlsx((wb) => {
      const ws = wb.addWorksheet('DS');
      ws.getCell('A1').value = 1;
      ws.getCell('A2').value = 2;
      // ExcelJS writes a shared formula from these two fields, which its typings do not list.
      ws.getCell('B1').value = { formula: 'A1*2', result: 2, shareType: 'shared', ref: 'B1:B2' } as ExcelJS.CellFormulaValue;
      ws.getCell('B2').value = { sharedFormula: 'B1', result: 4 };
    });
    const s = (await readWorkbook(bytes, 'ds.xlsx')).sheets[0]!;
    expect(s.cells).toEqual([
      [1, 2],
      [2, 4],
    ]);
    expect(s.formulaCellsWithoutValue).toBe(0);
  });

  it('flattens rich text and hyperlinks to text and reads error cells as empty', async () => {
    const bytes = await xlsx((wb) => {
      const ws = wb.addWorksheet('DS');
      ws.getCell('A1').value = { richText: [{ text: 'Nguyễn ' }, { font: { bold: true }, text: 'Văn' }, { text: ' An' }] };
      ws.getCell('B1').value = { text: 'Chi bộ thôn 1', hyperlink: 'https://example.org' };
      ws.getCell('C1').value = { error: '#N/A' };
      ws.getCell('D1').value = true;
    });
    expect((await readWorkbook(bytes, 'ds.xlsx')).sheets[0]!.cells[0]).toEqual(['Nguyễn Văn An', 'Chi bộ thôn 1', null, true]);
  });

  it('cleans every string: NFC, non-breaking and repeated spaces, empty → null', async () => {
    const nfd = 'Nguyễn Thị Hằng'.normalize('NFD');
    const bytes = await xlsx((wb) => {
      const ws = wb.addWorksheet('DS');
      ws.addRow([nfd, '\u00A0Lê\u00A0\u00A0Văn  Tám\u00A0', '', ' \u00A0 ', 'Ngày\ntháng\nnăm sinh']);
    });
    const [row] = (await readWorkbook(bytes, 'ds.xlsx')).sheets[0]!.cells;
    expect(row).toEqual(['Nguyễn Thị Hằng'.normalize('NFC'), 'Lê Văn Tám', null, null, 'Ngày tháng năm sinh']);
    expect((row![0] as string).normalize('NFC')).toBe(row![0]);
  });

  it('gives merged ranges as 0-based rectangles and the value only in the first cell', async () => {
    const bytes = await xlsx((wb) => {
      const ws = wb.addWorksheet('DS');
      ws.getCell('A5').value = 'STT';
      ws.mergeCells('A5:A6');
      ws.getCell('B5').value = 'Ngày, tháng, năm sinh';
      ws.mergeCells('B5:C5');
      ws.getCell('B6').value = 'Nam';
      ws.getCell('C6').value = 'Nữ';
    });
    const s = (await readWorkbook(bytes, 'ds.xlsx')).sheets[0]!;
    expect(s.merges).toEqual(
      expect.arrayContaining([
        { top: 4, left: 0, bottom: 5, right: 0 },
        { top: 4, left: 1, bottom: 4, right: 2 },
      ]),
    );
    expect(s.merges).toHaveLength(2);
    expect(s.cells[4]).toEqual(['STT', 'Ngày, tháng, năm sinh', null]);
    expect(s.cells[5]).toEqual([null, 'Nam', 'Nữ']);
  });

  it('gives a merged range whose first cell is empty', async () => {
    const bytes = await xlsx((wb) => {
      const ws = wb.addWorksheet('DS');
      ws.getCell('A1').value = 'Họ và tên';
      ws.mergeCells('B1:D2');
    });
    expect((await readWorkbook(bytes, 'ds.xlsx')).sheets[0]!.merges).toEqual([{ top: 0, left: 1, bottom: 1, right: 3 }]);
  });

  it('refuses a stray value far to the right, saying in which cell', async () => {
    const bytes = await xlsx((wb) => {
      const ws = wb.addWorksheet('DS');
      ws.getCell('A1').value = 'Họ và tên';
      ws.getCell('XFD3').value = 'x';
    });
    const err = await refusal(readWorkbook(bytes, 'ds.xlsx'));
    expect(err.code).toBe('IMPORT_TOO_MANY_COLUMNS');
    expect(err.message).toContain('Tệp «ds.xlsx»: Trang «DS» dòng 3, cột XFD');
  });

  it('keeps hidden sheets, marked, and returns empty sheets among others', async () => {
    const bytes = await xlsx((wb) => {
      wb.addWorksheet('DS').getCell('A1').value = 'Họ và tên';
      wb.addWorksheet('Trống');
      wb.addWorksheet('Danh mục', { state: 'hidden' }).getCell('A1').value = 'Kinh';
      wb.addWorksheet('Ẩn sâu', { state: 'veryHidden' }).getCell('A1').value = 'x';
    });
    const book = await readWorkbook(bytes, 'ds.xlsx');
    expect(book.sheets.map((s) => [s.name, s.hidden, s.rowCount])).toEqual([
      ['DS', false, 1],
      ['Trống', false, 0],
      ['Danh mục', true, 1],
      ['Ẩn sâu', true, 1],
    ]);
    expect(sheet(book.sheets, 'Trống').cells).toEqual([]);
  });

  it('reads the content, not the name: an .xlsx named .xls or with no extension', async () => {
    const bytes = await xlsx((wb) => {
      wb.addWorksheet('DS').getCell('A1').value = 'Họ và tên';
    });
    expect((await readWorkbook(bytes, 'ds.xls')).format).toBe('xlsx');
    expect((await readWorkbook(bytes, 'danh sach')).format).toBe('xlsx');
  });

  it('reads a 10,000-row list quickly', async () => {
    const bytes = await xlsx((wb) => {
      const ws = wb.addWorksheet('DS');
      ws.addRow(['STT', 'Họ và tên', 'Ngày sinh', 'Giới tính', 'Dân tộc', 'Chức vụ', 'Chi bộ', 'Ghi chú']);
      for (let i = 1; i <= 10_000; i++) {
        ws.addRow([
          i,
          `Nguyễn Văn ${i}`,
          new Date(Date.UTC(1970 + (i % 30), i % 12, 1 + (i % 28))),
          'Nam',
          'Kinh',
          'Đảng viên',
          `Chi bộ thôn ${i % 40}`,
          '',
        ]);
      }
    });
    const started = performance.now();
    const s = (await readWorkbook(bytes, 'ds.xlsx')).sheets[0]!;
    const ms = performance.now() - started;
    console.info(`10,000-row xlsx read in ${Math.round(ms)} ms`);
    expect(s.rowCount).toBe(10_001);
    expect(s.cells[10_000]![1]).toBe('Nguyễn Văn 10000');
    expect(ms).toBeLessThan(10_000);
  });
});

describe('reading .csv', () => {
  it('reads UTF-8 with a BOM, comma-delimited, one sheet named after the file', async () => {
    const text = '\uFEFFSTT,Họ và tên,Ngày sinh\r\n1,Nguyễn Văn An,05/09/1975\r\n2,"Trần Thị Bình, (Bé)",12/01/1980\r\n';
    const book = await readWorkbook(Buffer.from(text, 'utf8'), 'C:\\Users\\gv\\Danh sách lớp.csv');
    expect(book.format).toBe('csv');
    expect(book.encoding).toBe('utf-8');
    const s = book.sheets[0]!;
    expect(s.name).toBe('Danh sách lớp');
    expect(s.cells).toEqual([
      ['STT', 'Họ và tên', 'Ngày sinh'],
      ['1', 'Nguyễn Văn An', '05/09/1975'],
      ['2', 'Trần Thị Bình, (Bé)', '12/01/1980'],
    ]);
  });

  it('reads UTF-8 without a BOM delimited by ; (Vietnamese Excel), commas in addresses included', async () => {
    const text = [
      'ĐẢNG BỘ XÃ ĐẮK HÀ;;;',
      ';;;',
      'STT;Họ và tên;Nơi ở hiện nay;Ghi chú',
      '1;Nguyễn Văn An;Thôn 1, xã Đắk Hà, tỉnh Quảng Ngãi;',
      '2;Lê Thị Cúc;Thôn 2, xã Đắk Hà;"Chuyển đến; mới"',
    ].join('\n');
    const book = await readWorkbook(Buffer.from(text, 'utf8'), 'ds.csv');
    const s = book.sheets[0]!;
    expect(s.colCount).toBe(4);
    expect(s.cells[1]).toEqual([null, null, null, null]);
    expect(s.cells[3]).toEqual(['1', 'Nguyễn Văn An', 'Thôn 1, xã Đắk Hà, tỉnh Quảng Ngãi', null]);
    expect(s.cells[4]).toEqual(['2', 'Lê Thị Cúc', 'Thôn 2, xã Đắk Hà', 'Chuyển đến; mới']);
  });

  it('reads tab-delimited text and UTF-16 "Unicode Text" from Excel', async () => {
    const text = 'Họ và tên\tNgày sinh\r\nNguyễn Văn An\t05/09/1975\r\n';
    const tab = await readWorkbook(Buffer.from(text, 'utf8'), 'ds.txt');
    expect(tab.sheets[0]!.cells[1]).toEqual(['Nguyễn Văn An', '05/09/1975']);
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    const book = await readWorkbook(utf16, 'ds.txt');
    expect(book.encoding).toBe('utf-16le');
    expect(book.sheets[0]!.cells[1]).toEqual(['Nguyễn Văn An', '05/09/1975']);
  });

  it('reads windows-1258 bytes (Excel "CSV" on a Vietnamese Windows) into NFC text', async () => {
    // Node's full ICU has windows-1258; the reader falls back to windows-1252 only where it does not.
    expect(() => new TextDecoder('windows-1258')).not.toThrow();
    const bytes = cp1258('Họ và tên;Quê quán\r\nNguyễn Thị Hằng;Đắk Hà\r\nTrần Văn Ưng;Bình Định\r\n');
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes)).toThrow();
    const book = await readWorkbook(bytes, 'ds.csv');
    expect(book.encoding).toBe('windows-1258');
    expect(book.sheets[0]!.cells).toEqual([
      ['Họ và tên', 'Quê quán'],
      ['Nguyễn Thị Hằng', 'Đắk Hà'],
      ['Trần Văn Ưng', 'Bình Định'],
    ]);
    expect((book.sheets[0]!.cells[1]![0] as string).normalize('NFC')).toBe(book.sheets[0]!.cells[1]![0]);
  });

  it('keeps a quoted line break in one cell and blank lines as rows, as Excel shows them', async () => {
    const text = 'Họ và tên,Ghi chú\n\nNguyễn Văn An,"dòng một\ndòng hai"\nLê Văn Tám,\n';
    const s = (await readWorkbook(Buffer.from(text, 'utf8'), 'ds.csv')).sheets[0]!;
    expect(s.cells).toEqual([
      ['Họ và tên', 'Ghi chú'],
      [null, null],
      ['Nguyễn Văn An', 'dòng một dòng hai'],
      ['Lê Văn Tám', null],
    ]);
  });

  it('cleans NBSP and decomposed letters in CSV too', async () => {
    const text = `Họ và tên\n${'Nguyễn\u00A0Thị  Hằng'.normalize('NFD')}\n`;
    const s = (await readWorkbook(Buffer.from(text, 'utf8'), 'ds.csv')).sheets[0]!;
    expect(s.cells[1]).toEqual(['Nguyễn Thị Hằng'.normalize('NFC')]);
  });

  it('refuses a quote that never closes, naming the row', async () => {
    const err = await refusal(readWorkbook(Buffer.from('Họ và tên,Ghi chú\nAn,"chưa đóng\nBình,x\n', 'utf8'), 'ds.csv'));
    expect(err.code).toBe('IMPORT_DAMAGED');
    expect(err.message).toContain('«ds.csv»');
    expect(err.message).toContain('dòng 2');
  });
});

describe('pointing at a cell', () => {
  it.each([
    [0, 'A'],
    [3, 'D'],
    [25, 'Z'],
    [26, 'AA'],
    [701, 'ZZ'],
    [702, 'AAA'],
  ])('names column %i as Excel shows it: %s', (index, letter) => {
    expect(columnLetter(index)).toBe(letter);
  });

  it('names cells and rows as Excel shows them', () => {
    expect(cellLocation('DS', 11, 3)).toBe('Trang «DS» dòng 12, cột D');
    expect(cellLocation('DS', 0)).toBe('Trang «DS» dòng 1');
  });
});
