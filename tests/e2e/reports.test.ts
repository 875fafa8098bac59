import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parse } from 'csv-parse/sync';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { programShortName } from '../../shared/domain/program-label';
import { makeDemo } from '../fixtures/demo';
import { reportData } from '../integration/report-fixtures';
import { browserForFile, dataFolder, ok, screenshot, SCREENSHOTS, seriousAccessibilityProblems, startApp, watchConsole } from './fixtures';

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
    [
      `-env:UserInstallation=${pathToFileURL(path.join(path.dirname(xlsx), 'lo-profile')).href}`,
      '--headless',
      '--convert-to',
      `csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true,false,false,${sheet}`,
      '--outdir',
      out,
      xlsx,
    ],
    { stdio: 'pipe', timeout: 90_000 },
  );
  const csv = fs.readdirSync(out).find((f) => f.endsWith('.csv'))!;
  return parse(fs.readFileSync(path.join(out, csv), 'utf8'), { relax_column_count: true }) as string[][];
}

/** The office PC's screen: nothing may need a sideways scroll of the whole page. */
async function fitsWidth(page: Page): Promise<void> {
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1366);
}

describe('reports — as a clerk', () => {
  it("opens 2026's report, checks it against the data, exports Excel and PDF, closes the year and rolls it up", async () => {
    const data = dataFolder();
    // The centre's clock in January 2027: 2026 is over and can be closed.
    const host = await startApp(data.dir, { now: () => new Date('2027-01-15T03:00:00Z') });
    try {
      const core = host.core;
      const fixture = await reportData(core);
      const { knd, dvm } = fixture;
      const page = await browser().newPage({ viewport: { width: 1366, height: 768 } });
      const problems = watchConsole(page);
      await page.goto(`${host.url}#/reports?tab=bao-cao&ky=nam&nam=2026`);

      const overview = page.getByRole('table', { name: 'Kết quả chung' });
      const kndRow = overview.getByRole('row', { name: new RegExp(knd.name) });
      await kndRow.waitFor();
      // KND 2026: planned 2, opened 1 (50,00%); enrolments 3, completed 3, certified 2; 3 people; 2025: 1 class, 2 enrolments.
      expect((await kndRow.getByRole('cell').allTextContents()).slice(1)).toEqual(['2', '1', '50,00%', '3', '3', '2', '3', '1', '2']);
      // The total: enrolments add up (5), people are counted once (Cúc studied twice: 4), in their own column.
      const totalRow = overview.getByRole('row').last();
      expect(await totalRow.getByRole('cell').allTextContents()).toEqual(['Cộng', '3', '2', '66,67%', '5', '5', '2', '4', '1', '2']);
      await page.getByText(/^Lượt học viên: mỗi người tính một lần cho mỗi lớp đã học\./).waitFor();
      const composition = page.getByRole('table', { name: 'Thành phần học viên' });
      // Count and share in every breakdown column: women, minorities, Party status.
      expect(await composition.getByRole('row', { name: /^Cộng/ }).getByRole('cell').allTextContents()).toEqual([
        'Cộng',
        '5',
        '3 (60,0%)',
        '3 (60,0%)',
        '0 (0,0%)',
        '2 (40,0%)',
        '2 (40,0%)',
        '1 (20,0%)',
      ]);
      // Under each row, the year before: 2025 had 2 enrolments, 1 woman, 1 from an ethnic minority.
      expect((await composition.getByRole('row').last().getByRole('cell').allTextContents()).slice(0, 4)).toEqual([
        '\u2003Năm 2025',
        '2',
        '1 (50,0%)',
        '1 (50,0%)',
      ]);
      const ages = page.getByRole('table', { name: 'Độ tuổi học viên' });
      expect(await ages.getByRole('row', { name: /^Cộng/ }).getByRole('cell').allTextContents()).toEqual([
        'Cộng',
        '5',
        '2 (40,0%)',
        '1 (20,0%)',
        '0 (0,0%)',
        '1 (20,0%)',
        '1 (20,0%)',
      ]);
      // Classification over the 5 graded completions: 1, 1, 1, 2 = 20 + 20 + 20 + 40 = 100%.
      const grades = page.getByRole('table', { name: 'Xếp loại' });
      expect(await grades.getByRole('row', { name: /^Cộng/ }).getByRole('cell').allTextContents()).toEqual([
        'Cộng',
        '5',
        '1 (20,0%)',
        '1 (20,0%)',
        '1 (20,0%)',
        '2 (40,0%)',
      ]);
      await page.getByText('Tỉ lệ xếp loại tính trên 5 lượt học viên hoàn thành của các chương trình có xếp loại.').waitFor();
      // The charts name the programs (short names), never their codes, one label per program.
      const classesChart = page.getByRole('figure', { name: 'Số lớp mở theo chương trình' });
      await classesChart.locator('svg').first().waitFor();
      const chartText = await classesChart.textContent();
      expect(chartText).toContain('Đối tượng kết nạp Đảng');
      expect(chartText).toContain('Đảng viên mới');
      expect(chartText).not.toMatch(/KND|DVM/);
      await fitsWidth(page);
      expect(await seriousAccessibilityProblems(page)).toEqual([]);
      await screenshot(page, '70-report-year');
      await classesChart.scrollIntoViewIfNeeded();
      await page.screenshot({ path: path.join(SCREENSHOTS, '70-report-charts.png') });

      // Excel, read back through LibreOffice: numbers as numbers, Vietnamese headers.
      const xlsx = await download(
        page,
        () => page.getByRole('button', { name: 'Xuất Excel' }).click(),
        path.join(data.dir, 'bao-cao.xlsx'),
      );
      await page.getByText('Đã lưu tệp bao-cao-dao-tao-nam-2026.xlsx.').waitFor();
      const sheet1 = sheetCsv(xlsx, 1);
      expect(sheet1[0]!.slice(0, 8)).toEqual([
        'Chương trình',
        'Kế hoạch (lớp)',
        'Mở (lớp)',
        '% kế hoạch',
        'Lượt học viên',
        'Lượt hoàn thành',
        'Lượt cấp giấy chứng nhận',
        'Số người (mỗi người một lần)',
      ]);
      expect(sheet1.find((r) => r[0] === knd.name)!.slice(1, 8)).toEqual(['2', '1', '50.00%', '3', '3', '2', '3']);
      expect(sheet1.find((r) => r[0] === 'Cộng')!.slice(1, 8)).toEqual(['3', '2', '66.67%', '5', '5', '2', '4']);
      const sheet2 = sheetCsv(xlsx, 2);
      expect(sheet2[0]!.slice(0, 4)).toEqual(['Chương trình', 'Lượt học viên', 'Nữ', 'Tỉ lệ nữ']);
      expect(sheet2.find((r) => r[0] === 'Cộng')!.slice(1, 4)).toEqual(['5', '3', '60.00%']);

      // PDF in the Party's report format; the screen says what is going on, then what was saved.
      const pdf = await download(page, () => page.getByRole('button', { name: 'Lưu PDF' }).click(), path.join(data.dir, 'bao-cao.pdf'));
      await page.getByRole('status').getByText('Đã lưu tệp bao-cao-dao-tao-nam-2026.pdf.').waitFor();
      const text = execFileSync('pdftotext', ['-raw', pdf, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
      expect(text).toContain('TRUNG TÂM CHÍNH TRỊ XÃ ĐẮK HÀ');
      expect(text).toContain('BÁO CÁO Kết quả công tác đào tạo, bồi dưỡng năm 2026');
      expect(text).toContain('66,67%');
      expect(text).toContain(`${knd.name} 2 1 50,00% 3 3 2 3 1 2`);
      expect(text).toContain('Nguyễn Văn An');
      for (const old of fs.readdirSync(SCREENSHOTS).filter((f) => f.startsWith('71-report-pdf'))) fs.rmSync(path.join(SCREENSHOTS, old));
      execFileSync('pdftoppm', ['-png', '-r', '60', pdf, path.join(SCREENSHOTS, '71-report-pdf')]);
      // The same report as Word, the charts left to the PDF.
      await download(page, () => page.getByRole('button', { name: 'Lưu Word (.docx)' }).click(), path.join(data.dir, 'bao-cao.docx'));
      await page.getByRole('status').getByText('Đã lưu tệp bao-cao-dao-tao-nam-2026.docx.').waitFor();

      // Plans: a KND class still «Dự kiến» is shown apart, and the counts match the report's.
      const pending = await ok(core, 'classes.save', {
        programId: knd.id,
        planLineId: null,
        cohortNumber: 3,
        cohortNumbering: 'per_year',
        name: 'Lớp KND khóa 3 năm 2026',
        startDate: '2026-11-02',
        endDate: '2026-11-06',
        venueId: fixture.hall.id,
        form: 'full_time',
        homeroomLecturerId: null,
        capacity: 80,
        sites: [],
        openingDecisionNumber: null,
        openingDecisionDate: null,
      });
      await page.goto(`${host.url}#/plans`);
      for (
        let i = 0;
        i < 10 &&
        (await page
          .getByText(/^\d{4}$/)
          .first()
          .textContent()) !== '2026';
        i++
      ) {
        const shown = Number(
          await page
            .getByText(/^\d{4}$/)
            .first()
            .textContent(),
        );
        await page.getByRole('button', { name: shown > 2026 ? 'Năm trước' : 'Năm sau' }).click();
      }
      const progress = page.getByRole('table', { name: 'Thực hiện so với kế hoạch năm 2026' });
      await progress.getByRole('row', { name: new RegExp(`^${knd.name}`) }).waitFor();
      // KND: classes planned 2, opened 1 (−1, 50,0%); learners planned 60, 3 (−57, 5,0%); DVM: 1/1, 2 of 30.
      expect(
        (
          await progress
            .getByRole('row', { name: new RegExp(`^${knd.name}`) })
            .getByRole('cell')
            .allTextContents()
        ).slice(1),
      ).toEqual(['2', '1', '−1', '50,0%', '60', '3', '−57', '5,0%']);
      expect(
        (
          await progress
            .getByRole('row', { name: new RegExp(`^${dvm.name}`) })
            .getByRole('cell')
            .allTextContents()
        ).slice(1),
      ).toEqual(['1', '1', '0', '100,0%', '30', '2', '−28', '6,7%']);
      await progress
        .getByRole('row', { name: new RegExp(`^${knd.name}`) })
        .getByText('+1 lớp dự kiến chưa có quyết định mở lớp')
        .waitFor();
      await fitsWidth(page);
      expect(await seriousAccessibilityProblems(page)).toEqual([]);
      await screenshot(page, '75-plans-vs-actual');
      await ok(core, 'classes.setStatus', { id: pending.id, status: 'cancelled', reason: 'Dời sang năm sau' });
      await page.goto(`${host.url}#/reports?tab=bao-cao&ky=nam&nam=2026`);
      await page.getByRole('table', { name: 'Kết quả chung' }).waitFor();

      // A term: one row per year in the charts; before the first record, a clear message.
      await page.getByRole('combobox', { name: 'Kỳ báo cáo' }).click();
      await page.getByRole('option', { name: 'Nhiều năm (nhiệm kỳ)' }).click();
      await page.getByRole('button', { name: 'Nhiệm kỳ 2020–2025' }).click();
      await page.getByRole('figure', { name: 'Lượt học viên theo năm' }).waitFor();
      await fitsWidth(page);
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
      const rollup = await download(
        page,
        () => years.getByRole('row', { name: /2026/ }).getByRole('button', { name: 'Xuất tệp tổng hợp gửi cấp trên' }).click(),
        path.join(data.dir, 'tong-hop-2026.ttct.json'),
      );
      await screenshot(page, '73-report-closed');
      expect((await ok(core, 'reports.years', {})).find((y) => y.year === 2026)!.closedAt).not.toBeNull();

      await page.getByRole('tab', { name: 'Tổng hợp các trung tâm' }).click();
      await page.locator('input[type="file"][aria-label="Tệp tổng hợp"]').setInputFiles(rollup);
      await page.getByText('Đã nhập tổng hợp năm 2026 của Trung tâm Chính trị xã Đắk Hà.').waitFor();
      const sums = page.getByRole('table', { name: 'Tổng hợp theo chương trình' });
      // The sums are read again after the import: wait for them rather than the message alone.
      await expect
        .poll(async () =>
          (
            await sums
              .getByRole('row', { name: new RegExp(knd.name) })
              .getByRole('cell')
              .allTextContents()
          ).slice(1, 7),
        )
        .toEqual(['2', '1', '3', '3', '3', '2']);
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

  it('names every program on the charts of a year with many programs, and fits the office screen', { timeout: 300_000 }, async () => {
    const data = dataFolder();
    const year = new Date().getFullYear() - 1;
    const demo = await makeDemo(data.dir, { people: 400, years: 2, thisYear: year + 1 });
    // Four more programs with a class each: the sample history uses only the programs with topics.
    const someone = (await ok(demo.core, 'learners.search', { q: '', limit: 3 })).rows.map((r) => r.id);
    const venue = (await ok(demo.core, 'venues.list', { includeArchived: false }))[0]!;
    const extra = [
      'Bồi dưỡng nghiệp vụ công tác Đảng ở cơ sở',
      'Bồi dưỡng, cập nhật kiến thức (Mặt trận, đoàn thể, chính quyền)',
      'Học tập, quán triệt nghị quyết, chuyên đề của Trung ương',
      'Bồi dưỡng kỹ năng công tác dân vận',
    ];
    for (const [i, name] of extra.entries()) {
      const program = await ok(demo.core, 'programs.save', {
        code: `THEM${i + 1}`,
        name,
        targetLearners: '',
        outcome: 'none',
        validityMonths: null,
        maxAbsencePct: 20,
        maxRetakes: 1,
        typicalDays: 2,
        fitStatuses: [],
        topics: [],
        components: [],
        bands: [],
      });
      const c = await ok(demo.core, 'classes.save', {
        programId: program.id,
        planLineId: null,
        cohortNumber: 1,
        cohortNumbering: 'per_year',
        name: `Lớp ${name} khóa I năm ${year}`,
        startDate: `${year}-12-0${i + 1}`,
        endDate: `${year}-12-0${i + 1}`,
        venueId: venue.id,
        form: 'full_time',
        homeroomLecturerId: null,
        capacity: 80,
        sites: [],
        openingDecisionNumber: 900 + i,
        openingDecisionDate: `${year}-11-20`,
      });
      await ok(demo.core, 'enrollments.add', { classId: c.id, personIds: someone, fitOverrideReason: 'Theo danh sách cấp ủy gửi' });
    }
    const report = await ok(demo.core, 'reports.get', { period: { kind: 'year', year } });
    demo.core.close();
    const host = await startApp(data.dir);
    try {
      const page = await browser().newPage({ viewport: { width: 1366, height: 768 } });
      const problems = watchConsole(page);
      await page.goto(`${host.url}#/reports?tab=bao-cao&ky=nam&nam=${year}`);
      const chart = page.getByRole('figure', { name: 'Số lớp mở theo chương trình' });
      await chart.locator('svg').first().waitFor();
      expect(report.programs.length).toBeGreaterThanOrEqual(6);
      // Each program's (short) name stands beside its bars, the fifth and later ones too.
      // (The lines of a wrapped label come back joined without their spaces.)
      const bare = (t: string) => t.replace(/\s+|…$/g, '');
      const labels = (await chart.locator('.MuiChartsAxis-directionY .MuiChartsAxis-tickLabel').allTextContents()).map(bare);
      expect(labels).toHaveLength(report.programs.length);
      for (const [i, p] of report.programs.entries())
        expect(bare(programShortName(p.name)).startsWith(labels[i]!), `${labels[i]} / ${p.name}`).toBe(true);
      expect(await chart.textContent()).not.toMatch(new RegExp(`\\b(${report.programs.map((p) => p.code).join('|')})\\b`));
      await fitsWidth(page);
      await screenshot(page, '76-report-many-programs');
      await chart.scrollIntoViewIfNeeded();
      await page.screenshot({ path: path.join(SCREENSHOTS, '76-report-many-programs-charts.png') });
      expect(problems).toEqual([]);
      await page.close();
    } finally {
      await host.close();
      data.remove();
    }
  });
});
