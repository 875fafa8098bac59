import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parse } from 'csv-parse/sync';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { reportData } from '../integration/report-fixtures';
import { browserForFile, dataFolder, ok, screenshot, SCREENSHOTS, startApp, watchConsole } from './fixtures';

const browser = browserForFile();

async function download(page: Page, click: () => Promise<void>, file: string): Promise<string> {
  const event = page.waitForEvent('download');
  await click();
  await (await event).saveAs(file);
  return file;
}

/** A sheet of the workbook as LibreOffice reads it, through its UTF-8 CSV filter (the 12th token picks the sheet). */
function sheetCsv(xlsx: string, sheet: number): string[][] {
  const out = path.join(path.dirname(xlsx), `sheet-${sheet}`);
  execFileSync(
    'soffice',
    [`-env:UserInstallation=${pathToFileURL(path.join(path.dirname(xlsx), 'lo-profile')).href}`, '--headless', '--convert-to', `csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true,false,false,${sheet}`, '--outdir', out, xlsx],
    { stdio: 'pipe', timeout: 90_000 },
  );
  const csv = fs.readdirSync(out).find((f) => f.endsWith('.csv'))!;
  return parse(fs.readFileSync(path.join(out, csv), 'utf8'), { relax_column_count: true }) as string[][];
}

describe('reports — as a clerk', () => {
  it("opens 2026's report, checks it against the data, exports Excel and PDF, closes the year and rolls it up", async () => {
    const data = dataFolder();
    // The centre's clock in January 2027: 2026 is over and can be closed.
    const host = await startApp(data.dir, { now: () => new Date('2027-01-15T03:00:00Z') });
    try {
      const core = host.core;
      const { knd } = await reportData(core);
      const page = await browser().newPage({ viewport: { width: 1440, height: 1000 } });
      const problems = watchConsole(page);
      await page.goto(`${host.url}#/reports?tab=bao-cao&ky=nam&nam=2026`);

      const overview = page.getByRole('table', { name: 'Kết quả chung' });
      const kndRow = overview.getByRole('row', { name: new RegExp(knd.name) });
      await kndRow.waitFor();
      // KND 2026: planned 2, opened 1 (50,00%), 3 enrolments of 3 people, 3 completed, 2 certified; 2025: 1 class, 2 enrolments.
      expect((await kndRow.getByRole('cell').allTextContents()).slice(1)).toEqual(['2', '1', '50,00%', '3', '3', '3', '2', '1', '2']);
      const totalRow = overview.getByRole('row').last();
      expect((await totalRow.getByRole('cell').allTextContents())).toEqual(['Cộng', '3', '2', '66,67%', '5', '4', '5', '2', '1', '2']);
      const composition = page.getByRole('table', { name: 'Thành phần học viên' });
      expect((await composition.getByRole('row', { name: /^Cộng/ }).getByRole('cell').allTextContents()).slice(0, 4)).toEqual(['Cộng', '5', '3 (60,00%)', '3 (60,00%)']);
      // Under each row, the year before: 2025 had 2 enrolments, 1 woman, 1 from an ethnic minority.
      expect((await composition.getByRole('row').last().getByRole('cell').allTextContents()).slice(0, 4)).toEqual(['\u2003Năm 2025', '2', '1 (50,00%)', '1 (50,00%)']);
      await page.getByRole('figure', { name: 'Số lớp mở theo chương trình' }).locator('svg').first().waitFor();
      await screenshot(page, '70-report-year');

      // Excel, read back through LibreOffice: numbers as numbers, Vietnamese headers.
      const xlsx = await download(page, () => page.getByRole('button', { name: 'Xuất Excel' }).click(), path.join(data.dir, 'bao-cao.xlsx'));
      const sheet1 = sheetCsv(xlsx, 1);
      expect(sheet1[0]!.slice(0, 8)).toEqual(['Chương trình', 'Kế hoạch (lớp)', 'Mở (lớp)', '% kế hoạch', 'Lượt học viên', 'Số người', 'Hoàn thành', 'Cấp giấy chứng nhận']);
      expect(sheet1.find((r) => r[0] === knd.name)!.slice(1, 8)).toEqual(['2', '1', '50.00%', '3', '3', '3', '2']);
      expect(sheet1.find((r) => r[0] === 'Cộng')!.slice(1, 8)).toEqual(['3', '2', '66.67%', '5', '4', '5', '2']);
      const sheet2 = sheetCsv(xlsx, 2);
      expect(sheet2[0]!.slice(0, 4)).toEqual(['Chương trình', 'Lượt học viên', 'Nữ', 'Tỉ lệ nữ']);
      expect(sheet2.find((r) => r[0] === 'Cộng')!.slice(1, 4)).toEqual(['5', '3', '60.00%']);

      // PDF in the Party's report format.
      const pdf = await download(page, () => page.getByRole('button', { name: 'Lưu PDF' }).click(), path.join(data.dir, 'bao-cao.pdf'));
      const text = execFileSync('pdftotext', ['-raw', pdf, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
      expect(text).toContain('TRUNG TÂM CHÍNH TRỊ XÃ ĐẮK HÀ');
      expect(text).toContain('BÁO CÁO Kết quả công tác đào tạo, bồi dưỡng năm 2026');
      expect(text).toContain('66,67%');
      expect(text).toContain(`${knd.name} 2 1 50,00% 3 3 3 2 1 2`);
      expect(text).toContain('Nguyễn Văn An');
      execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '2', pdf, path.join(SCREENSHOTS, '71-report-pdf')]);

      // A term: one row per year in the charts; before the first record, a clear message.
      await page.getByRole('combobox', { name: 'Kỳ báo cáo' }).click();
      await page.getByRole('option', { name: 'Nhiều năm (nhiệm kỳ)' }).click();
      await page.getByRole('button', { name: 'Nhiệm kỳ 2020–2025' }).click();
      await page.getByRole('figure', { name: 'Lượt học viên theo năm' }).waitFor();
      await screenshot(page, '72-report-term');
      await page.getByRole('button', { name: 'Nhiệm kỳ 2015–2020' }).click();
      await page.getByText('Số liệu của trung tâm bắt đầu từ năm 2025; giai đoạn 2015–2020 không có số liệu.').waitFor();

      // Close 2026, then send it up: the file imports into the roll-up once.
      await page.getByRole('tab', { name: 'Khóa sổ năm' }).click();
      const years = page.getByRole('table', { name: 'Các năm' });
      await years.getByRole('row', { name: /2026 Sẵn sàng khóa sổ/ }).waitFor();
      await years.getByRole('button', { name: 'Khóa sổ năm 2026' }).click();
      await page.getByRole('dialog', { name: 'Khóa sổ năm 2026' }).getByRole('button', { name: 'Khóa sổ' }).click();
      await years.getByRole('row', { name: /2026 Đã khóa sổ/ }).waitFor();
      const rollup = await download(page, () => years.getByRole('row', { name: /2026/ }).getByRole('button', { name: 'Xuất tệp tổng hợp gửi cấp trên' }).click(), path.join(data.dir, 'tong-hop-2026.ttct.json'));
      await screenshot(page, '73-report-closed');
      expect((await ok(core, 'reports.years', {})).find((y) => y.year === 2026)!.closedAt).not.toBeNull();

      await page.getByRole('tab', { name: 'Tổng hợp các trung tâm' }).click();
      await page.locator('input[type="file"][aria-label="Tệp tổng hợp"]').setInputFiles(rollup);
      await page.getByText('Đã nhập tổng hợp năm 2026 của Trung tâm Chính trị xã Đắk Hà.').waitFor();
      const sums = page.getByRole('table', { name: 'Tổng hợp theo chương trình' });
      expect((await sums.getByRole('row', { name: new RegExp(knd.name) }).getByRole('cell').allTextContents()).slice(1, 7)).toEqual(['2', '1', '3', '3', '3', '2']);
      await page.locator('input[type="file"][aria-label="Tệp tổng hợp"]').setInputFiles(rollup);
      await page.getByText(/Tổng hợp năm 2026 của Trung tâm Chính trị xã Đắk Hà \(xuất lúc .*\) đã được nhập\./).waitFor();
      const cut = path.join(data.dir, 'cut.ttct.json');
      fs.writeFileSync(cut, fs.readFileSync(rollup, 'utf8').slice(0, 300));
      await page.locator('input[type="file"][aria-label="Tệp tổng hợp"]').setInputFiles(cut);
      await page.getByText(/bị cắt cụt/).waitFor();
      await screenshot(page, '74-report-rollup');

      expect(problems).toEqual([]);
      await page.close();
    } finally {
      await host.close();
      data.remove();
    }
  });
});
