import JSZip from 'jszip';
import { beforeAll, describe, expect, it } from 'vitest';
import { readWorkbook } from '../../electron/core/io/sheet-reader';
import { readWorkbookInWorker } from '../../electron/core/io/sheet-worker';
import { invoke, startCore } from './helpers';
import { refusal, xlsx } from './sheet-fixtures';

/** A real workbook with its first sheet's XML replaced: the shape hostile files take. */
async function withSheetXml(sheetXml: string | Buffer, extra: Record<string, string> = {}): Promise<Buffer> {
  const zip = await JSZip.loadAsync(await xlsx((wb) => (wb.addWorksheet('DS').getCell('A1').value = 'Họ và tên')));
  zip.file('xl/worksheets/sheet1.xml', sheetXml);
  for (const [name, content] of Object.entries(extra)) zip.file(name, content);
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 9 } });
}

const SHEET = (body: string, after = ''): string =>
  `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${body}</sheetData>${after}</worksheet>`;

const rows = (from: number, count: number): string =>
  Array.from(
    { length: count },
    (_, i) => `<row r="${from + i}"><c r="A${from + i}" t="inlineStr"><is><t>Người ${i}</t></is></c></row>`,
  ).join('');

async function bigList(rowCount: number): Promise<Buffer> {
  return xlsx((wb) => {
    const ws = wb.addWorksheet('DS');
    ws.addRow(['STT', 'Họ và tên', 'Ngày sinh', 'Chi bộ', 'Ghi chú', 'Quê quán']);
    for (let i = 1; i <= rowCount; i++)
      ws.addRow([i, `Nguyễn Văn ${i}`, new Date(1970, 0, 1 + (i % 9000)), `Chi bộ ${i % 40}`, `Ghi chú ${i}`, 'Xã Đắk Hà']);
  });
}

describe('the container is checked before ExcelJS sees it', () => {
  it('refuses one merge over the whole sheet in a moment, as too complex', async () => {
    const bytes = await withSheetXml(SHEET(rows(1, 3), '<mergeCells count="1"><mergeCell ref="A1:XFD1048576"/></mergeCells>'));
    expect(bytes.length).toBeLessThan(10_000);
    const started = performance.now();
    const err = await refusal(readWorkbook(bytes, 'ds.xlsx'));
    expect(err.code).toBe('IMPORT_TOO_COMPLEX');
    expect(err.message).toContain('gộp ô');
    expect(performance.now() - started).toBeLessThan(2000);
  });

  it('refuses thousands of one-row merges', async () => {
    const merges = Array.from({ length: 20 }, (_, i) => `<mergeCell ref="A${i + 1}:XFD${i + 1}"/>`).join('');
    const err = await refusal(readWorkbook(await withSheetXml(SHEET(rows(1, 3), `<mergeCells>${merges}</mergeCells>`)), 'ds.xlsx'));
    expect(err.code).toBe('IMPORT_TOO_COMPLEX');
  });

  it('refuses 50 MiB of spaces in a small file without scanning them quadratically', async () => {
    const flood = Buffer.concat([
      Buffer.from(SHEET('').replace('</sheetData>', '')),
      Buffer.alloc(50 * 1024 * 1024, 0x20),
      Buffer.from('</sheetData></worksheet>'),
    ]);
    const bytes = await withSheetXml(flood);
    expect(bytes.length).toBeLessThan(200_000);
    const started = performance.now();
    const err = await refusal(readWorkbook(bytes, 'ds.xlsx'));
    expect(err.code).toBe('IMPORT_TOO_COMPLEX');
    expect(performance.now() - started).toBeLessThan(2000);
  });

  it('counts rows actually present, whatever <dimension> says', async () => {
    const xml = SHEET(rows(1, 1200)).replace('<sheetData>', '<dimension ref="A1:C10"/><sheetData>');
    const err = await refusal(readWorkbook(await withSheetXml(xml), 'ds.xlsx', { maxRows: 1000 }));
    expect(err.code).toBe('IMPORT_TOO_MANY_ROWS');
    expect(err.message).toContain('1.200 dòng');
  });

  it('refuses a value far below the list, pointing at its cell', async () => {
    const err = await refusal(
      readWorkbook(await withSheetXml(SHEET(rows(1, 5) + '<row r="1048576"><c r="B1048576"><v>1</v></c></row>')), 'ds.xlsx'),
    );
    expect(err.code).toBe('IMPORT_TOO_MANY_ROWS');
    expect(err.message).toContain('Trang «DS» dòng 1048576, cột B');
  });

  it('refuses a value far to the right, pointing at its cell', async () => {
    const err = await refusal(readWorkbook(await withSheetXml(SHEET(rows(1, 5) + '<row r="7"><c r="XFD7"><v>1</v></c></row>')), 'ds.xlsx'));
    expect(err.code).toBe('IMPORT_TOO_MANY_COLUMNS');
    expect(err.message).toContain('Trang «DS» dòng 7, cột XFD');
  });

  it('refuses a DOCTYPE (entity bombs, external entities) as damaged', async () => {
    const bomb =
      '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;">]>' +
      SHEET('<row r="1"><c r="A1" t="inlineStr"><is><t>&lol2;</t></is></c></row>').replace(/^<\?xml[^>]*>/, '');
    const err = await refusal(readWorkbook(await withSheetXml(bomb), 'ds.xlsx'));
    expect(err.code).toBe('IMPORT_DAMAGED');
  });

  it('refuses a zip entry that inflates far beyond its size', async () => {
    const zip = await JSZip.loadAsync(await xlsx((wb) => (wb.addWorksheet('DS').getCell('A1').value = 'Họ và tên')));
    zip.file('xl/media/image1.png', Buffer.alloc(1));
    zip.file('xl/sharedStrings.xml', Buffer.concat([Buffer.from('<sst>'), Buffer.alloc(60 * 1024 * 1024, 0x20), Buffer.from('</sst>')]));
    const bytes = await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 9 } });
    const err = await refusal(readWorkbook(bytes, 'ds.xlsx'));
    expect(err.code).toBe('IMPORT_TOO_COMPLEX');
    expect(err.message).toContain('giải nén');
  });

  it('refuses a part whose bytes do not match its checksum as damaged', async () => {
    const zip = await JSZip.loadAsync(await withSheetXml(SHEET(rows(1, 50))));
    const bytes = await zip.generateAsync({ type: 'nodebuffer', compression: 'STORE' });
    const at = bytes.indexOf(Buffer.from('Người 3<'));
    expect(at).toBeGreaterThan(0);
    bytes[at + 1] = 'X'.charCodeAt(0);
    const err = await refusal(readWorkbook(bytes, 'ds.xlsx'));
    expect(err.code).toBe('IMPORT_DAMAGED');
  });

  it('reads a real list whose template has whole-column validations and print titles (left behind unread)', async () => {
    const bytes = await xlsx((wb) => {
      const ws = wb.addWorksheet('DS');
      ws.addRow(['Họ và tên', 'Giới tính']);
      ws.addRow(['Nguyễn Văn An', 'Nam']);
      wb.definedNames.add("'DS'!$A$1:$B$2", 'DanhSach');
      ws.pageSetup.printTitlesRow = '1:1';
    });
    const zip = await JSZip.loadAsync(bytes);
    const sheetXml = (await zip.file('xl/worksheets/sheet1.xml')!.async('string')).replace(
      '</worksheet>',
      '<dataValidations count="1"><dataValidation type="list" sqref="B2:B1048576 C1:XFD1048576"><formula1>"Nam,Nữ"</formula1></dataValidation></dataValidations></worksheet>',
    );
    zip.file('xl/worksheets/sheet1.xml', sheetXml);
    const workbookXml = (await zip.file('xl/workbook.xml')!.async('string')).replace(
      /<definedName /,
      '<definedName name="Tat_ca">DS!$A:$XFD</definedName><definedName ',
    );
    zip.file('xl/workbook.xml', workbookXml);
    const started = performance.now();
    const book = await readWorkbook(await zip.generateAsync({ type: 'nodebuffer' }), 'ds.xlsx');
    expect(performance.now() - started).toBeLessThan(3000);
    expect(book.sheets[0]!.cells).toEqual([
      ['Họ và tên', 'Giới tính'],
      ['Nguyễn Văn An', 'Nam'],
    ]);
  });
});

describe('CSV', () => {
  it('counts lines ended by CR alone', async () => {
    const lines = ['Họ và tên;Ngày sinh', ...Array.from({ length: 200 }, (_, i) => `Người ${i};05/09/1975`)];
    const err = await refusal(readWorkbook(Buffer.from(lines.join('\r'), 'utf8'), 'ds.csv', { maxRows: 100 }));
    expect(err.code).toBe('IMPORT_TOO_MANY_ROWS');
    expect(err.message).toContain('201 dòng');
    const ok = await readWorkbook(Buffer.from(lines.slice(0, 4).join('\r'), 'utf8'), 'ds.csv');
    expect(ok.sheets[0]!.cells).toEqual([
      ['Họ và tên', 'Ngày sinh'],
      ['Người 0', '05/09/1975'],
      ['Người 1', '05/09/1975'],
      ['Người 2', '05/09/1975'],
    ]);
  });

  it('refuses a file of a few bytes instead of opening it as a list', async () => {
    for (const bytes of [Buffer.from('a'), Buffer.from('ab'), Buffer.from('Họ tên\n')]) {
      const err = await refusal(readWorkbook(bytes, 'ds.csv'));
      expect(err.code).toBe('IMPORT_EMPTY');
      expect(err.message).toContain('«ds.csv»');
    }
  });
});

describe('the reader runs in a worker the app survives', () => {
  let list: Buffer;
  beforeAll(async () => {
    list = await bigList(20_000);
  });

  it('reads a list in the worker and reports its memory', async () => {
    const { book, heapMb } = await readWorkbookInWorker(list, 'ds.xlsx');
    expect(book.sheets[0]!.rowCount).toBe(20_001);
    expect(book.sheets[0]!.cells[1]![2]).toBeInstanceOf(Date);
    expect(heapMb).toBeGreaterThan(0);
    expect(heapMb).toBeLessThan(1024);
  });

  it('ends a worker that runs out of memory and says the file is too large', async () => {
    const err = await refusal(readWorkbookInWorker(list, 'ds.xlsx', { isolation: { heapMb: 16 } }));
    expect(err.code).toBe('IMPORT_TOO_COMPLEX');
    expect(err.message).toContain('«ds.xlsx»');
    expect(err.message).toContain('chia thành nhiều tệp');
  });

  it('ends a worker that takes too long', async () => {
    const started = performance.now();
    const err = await refusal(readWorkbookInWorker(list, 'ds.xlsx', { isolation: { timeoutMs: 300 } }));
    expect(err.code).toBe('IMPORT_TOO_COMPLEX');
    expect(err.message).toContain('giây');
    expect(performance.now() - started).toBeLessThan(1500);
  });

  it('reads the next file after a worker was ended, and reuses a worker that finished', async () => {
    await refusal(readWorkbookInWorker(list, 'ds.xlsx', { isolation: { timeoutMs: 200 } }));
    const first = await readWorkbookInWorker(list, 'ds.xlsx');
    const started = performance.now();
    const second = await readWorkbookInWorker(list, 'ds.xlsx');
    console.info(`warm read of 20,000 rows: ${Math.round(performance.now() - started)} ms`);
    expect(second.book.sheets[0]!.rowCount).toBe(first.book.sheets[0]!.rowCount);
    const refused = await refusal(readWorkbookInWorker(Buffer.from('%PDF-1.7 not a list at all'), 'ds.xlsx'));
    expect(refused.code).toBe('IMPORT_NOT_SPREADSHEET');
    expect((await readWorkbookInWorker(list, 'ds.xlsx')).book.sheets[0]!.rowCount).toBe(20_001);
  });

  it('keeps answering other calls while a file is read', async () => {
    const core = await startCore();
    const opening = invoke(core, 'imports.open', { fileName: 'ds.xlsx', dataBase64: list.toString('base64') });
    const pings: number[] = [];
    let done = false;
    void opening.finally(() => (done = true));
    while (!done) {
      const started = performance.now();
      const status = await invoke(core, 'app.status', {});
      pings.push(performance.now() - started);
      expect(status.ok).toBe(true);
      await new Promise((r) => setTimeout(r, 20));
    }
    const opened = await opening;
    expect(opened.ok).toBe(true);
    expect(pings.length).toBeGreaterThan(5);
    console.info(`${pings.length} pings during the read, slowest ${Math.round(Math.max(...pings))} ms`);
    expect(Math.max(...pings)).toBeLessThan(100);
  });
});
