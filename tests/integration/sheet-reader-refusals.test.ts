import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { beforeAll, describe, expect, it } from 'vitest';
import { type AppError } from '../../electron/core/errors';
import { readWorkbook } from '../../electron/core/io/sheet-reader';
import { tempDir } from './helpers';
import { refusal, xlsx } from './sheet-fixtures';

describe('refusals', () => {
  const expectRefusal = async (bytes: Buffer, fileName: string, code: string): Promise<AppError> => {
    const err = await refusal(readWorkbook(bytes, fileName));
    expect(err.code).toBe(code);
    expect(err.message).toContain(`«${path.basename(fileName)}»`);
    return err;
  };

  it('refuses a PDF, an image or random bytes named .xlsx', async () => {
    const pdf = await expectRefusal(
      Buffer.from('%PDF-1.7\n%âãÏÓ\n1 0 obj\n<< /Type /Catalog >>\nendobj\n', 'latin1'),
      'ds.xlsx',
      'IMPORT_NOT_SPREADSHEET',
    );
    expect(pdf.message).toContain('tệp PDF');
    const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(64, 7)]);
    expect((await expectRefusal(png, 'ds.xlsx', 'IMPORT_NOT_SPREADSHEET')).message).toContain('hình ảnh PNG');
    let seed = 42;
    const random = Buffer.alloc(4096);
    for (let i = 0; i < random.length; i++) {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      random[i] = (seed >>> 16) & 0xff;
    }
    await expectRefusal(random, 'ds.xlsx', 'IMPORT_NOT_SPREADSHEET');
  });

  it.each([
    ['a Word document', 'ds.xlsx', { '[Content_Types].xml': '<Types/>', 'word/document.xml': '<w:document/>' }, 'Word'],
    ['a plain ZIP', 'ds.xlsx', { 'danh-sach.txt': 'Nguyễn Văn An' }, 'tệp nén ZIP'],
    [
      'an OpenDocument sheet',
      'ds.ods',
      { mimetype: 'application/vnd.oasis.opendocument.spreadsheet', 'content.xml': '<office:document-content/>' },
      'Save As',
    ],
  ])('refuses %s (a ZIP, not a workbook) saying what it is', async (_, fileName, files, says) => {
    const zip = new JSZip();
    for (const [name, text] of Object.entries(files)) zip.file(name, text);
    const err = await expectRefusal(await zip.generateAsync({ type: 'nodebuffer' }), fileName, 'IMPORT_NOT_SPREADSHEET');
    expect(err.message).toContain(says);
  });

  it('asks for Save As .xlsx for an HTML page named .xls', async () => {
    const html = '<html><head><meta charset="utf-8"></head><body><table><tr><td>Họ và tên</td></tr></table></body></html>';
    const htmlErr = await expectRefusal(Buffer.from(html, 'utf8'), 'ds.xls', 'IMPORT_NOT_SPREADSHEET');
    expect(htmlErr.message).toContain('trang web');
  });

  it('refuses a truncated .xlsx as damaged', async () => {
    const bytes = await xlsx((wb) => {
      const ws = wb.addWorksheet('DS');
      for (let i = 0; i < 200; i++) ws.addRow([i, `Nguyễn Văn ${i}`]);
    });
    const err = await expectRefusal(bytes.subarray(0, Math.floor(bytes.length / 2)), 'ds.xlsx', 'IMPORT_DAMAGED');
    expect(err.message).toContain('bị hỏng');
  });

  it('refuses a workbook whose sheet XML is garbage as damaged', async () => {
    const zip = await JSZip.loadAsync(
      await xlsx((wb) => {
        wb.addWorksheet('DS').getCell('A1').value = 'Họ và tên';
      }),
    );
    zip.file('xl/worksheets/sheet1.xml', '<worksheet><sheetData><row r="1"><c r="A1"');
    zip.file('xl/workbook.xml', 'not xml at all <<<');
    await expectRefusal(await zip.generateAsync({ type: 'nodebuffer' }), 'ds.xlsx', 'IMPORT_DAMAGED');
  });

  const ole = (streamName?: string): Buffer => {
    const bytes = Buffer.alloc(2048, 0);
    Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(bytes, 0);
    Buffer.from('Root Entry', 'utf16le').copy(bytes, 1024);
    if (streamName) Buffer.from(streamName, 'utf16le').copy(bytes, 1152);
    return bytes;
  };

  it('refuses a password-protected workbook with what to do', async () => {
    const err = await expectRefusal(ole('EncryptionInfo'), 'ds.xlsx', 'IMPORT_ENCRYPTED');
    expect(err.message).toContain('mật khẩu');
    expect(err.message).toContain('Excel');
  });

  it('refuses an old .xls with Save As .xlsx', async () => {
    const err = await expectRefusal(ole('Workbook'), 'ds.xls', 'IMPORT_XLS');
    expect(err.message).toContain('.xls');
    expect(err.message).toContain('Save As');
  });

  it('refuses a workbook or CSV with no data at all', async () => {
    const bytes = await xlsx((wb) => {
      wb.addWorksheet('DS');
      wb.addWorksheet('Sheet2').getCell('A1').value = '   ';
    });
    const err = await expectRefusal(bytes, 'ds.xlsx', 'IMPORT_EMPTY');
    expect(err.message).toContain('không có dữ liệu');
    await expectRefusal(Buffer.alloc(0), 'ds.xlsx', 'IMPORT_EMPTY');
    await expectRefusal(Buffer.from('\uFEFF;;;\r\n;;;\r\n', 'utf8'), 'ds.csv', 'IMPORT_EMPTY');
  });

  it('refuses a file over the size limit before reading it, with sizes the Vietnamese way', async () => {
    const big = Buffer.alloc(Math.round(25.3 * 1024 * 1024), 0x41);
    const err = await refusal(readWorkbook(big, 'ds.xlsx'));
    expect(err.code).toBe('IMPORT_TOO_LARGE');
    expect(err.message).toContain('«ds.xlsx»');
    expect(err.message).toContain('25,3 MB');
    expect(err.message).toContain('20 MB');
    const small = await refusal(readWorkbook(Buffer.alloc(4096, 0x41), 'ds.csv', { maxBytes: 1024 }));
    expect(small.code).toBe('IMPORT_TOO_LARGE');
    expect(small.message).toContain('«ds.csv»');
    expect(small.message).toContain('4 KB');
  });

  it('refuses a CSV with too many lines, counted before parsing', async () => {
    const lines = ['Họ và tên;Ngày sinh', ...Array.from({ length: 200 }, (_, i) => `Người ${i};05/09/1975`)];
    const err = await refusal(readWorkbook(Buffer.from(lines.join('\n'), 'utf8'), 'ds.csv', { maxRows: 100 }));
    expect(err.code).toBe('IMPORT_TOO_MANY_ROWS');
    expect(err.message).toContain('Trang «ds»');
    expect(err.message).toContain('201 dòng');
    expect(err.message).toContain('giới hạn 100 dòng');
  });

  it('refuses an xlsx sheet over the row limit from its <dimension>, naming the sheet', async () => {
    const bytes = await xlsx((wb) => {
      wb.addWorksheet('Bìa').getCell('A1').value = 'DANH SÁCH';
      const ws = wb.addWorksheet('DS & cũ');
      for (let i = 0; i < 1500; i++) ws.addRow([i, `Nguyễn Văn ${i}`]);
    });
    const err = await refusal(readWorkbook(bytes, 'ds.xlsx', { maxRows: 1000 }));
    expect(err.code).toBe('IMPORT_TOO_MANY_ROWS');
    expect(err.message).toBe(
      'Trang «DS & cũ» của tệp «ds.xlsx» có 1.500 dòng, vượt giới hạn 1.000 dòng mỗi lần nhập; hãy chia tệp thành nhiều tệp nhỏ hơn.',
    );
  });

  it('does not count rows that only carry formatting', async () => {
    const bytes = await xlsx((wb) => {
      const ws = wb.addWorksheet('DS');
      ws.addRow(['Họ và tên']);
      for (let i = 1; i <= 20; i++) ws.addRow([`Người ${i}`]);
      for (let r = 22; r <= 400; r++) ws.getCell(`A${r}`).border = { bottom: { style: 'thin' } };
    });
    const s = (await readWorkbook(bytes, 'ds.xlsx', { maxRows: 50 })).sheets[0]!;
    expect(s.rowCount).toBe(21);
  });

  describe('a real 200,000-row sheet', () => {
    let file = '';
    beforeAll(async () => {
      file = path.join(tempDir('ttct-big-'), 'ds.xlsx');
      const started = performance.now();
      const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: false, useStyles: false });
      const ws = wb.addWorksheet('DS');
      ws.addRow(['STT', 'Họ và tên', 'Ngày sinh', 'Chi bộ']).commit();
      for (let i = 1; i < 200_000; i++) ws.addRow([i, `Nguyễn Văn ${i}`, '05/09/1975', `Chi bộ thôn ${i % 50}`]).commit();
      ws.commit();
      await wb.commit();
      console.info(`200,000-row xlsx written in ${Math.round(performance.now() - started)} ms`);
    });

    it('is refused with the default limit in well under 2 s, before ExcelJS loads it', async () => {
      const bytes = fs.readFileSync(file);
      const started = performance.now();
      const err = await refusal(readWorkbook(bytes, 'ds.xlsx'));
      const ms = performance.now() - started;
      console.info(`200,000-row xlsx refused in ${Math.round(ms)} ms`);
      expect(err.code).toBe('IMPORT_TOO_MANY_ROWS');
      expect(err.message).toContain('Trang «DS» của tệp «ds.xlsx» có 200.000 dòng');
      expect(err.message).toContain('vượt giới hạn 50.000 dòng');
      expect(ms).toBeLessThan(2000);
    });
  });
});
