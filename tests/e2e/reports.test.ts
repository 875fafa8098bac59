import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parse } from 'csv-parse/sync';
import type { Locator, Page } from 'playwright-core';
import { describe, expect } from 'vitest';
import { programShortName } from '../../shared/domain/program-label';
import { makeDemo } from '../fixtures/demo';
import { reportData } from '../integration/report-fixtures';
import { ok, seriousAccessibilityProblems } from './fixtures';
import { eventually, fitsWidth } from './pages/app';
import { pdfText, saveDownload } from './pages/files';
import { journey } from './pages/journey';
import { shot, shotPdf } from './pages/shots';
import { saveKndClass } from './pages/seed';

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
/** The texts of a table row's cells. */
const cells = (row: Locator) => row.getByRole('cell').allTextContents();
/** A table's «Cộng» row. */
const total = (table: Locator) => table.getByRole('row', { name: /^Cộng/ });
const REPORT_2026 = '#/reports?tab=bao-cao&ky=nam&nam=2026';

/** The plans page opens on the current year: steps to `year` by the year shown. */
async function showPlanYear(page: Page, year: number): Promise<void> {
  const shown = async () =>
    Number(
      await page
        .getByText(/^\d{4}$/)
        .first()
        .textContent(),
    );
  for (let i = 0; i < 10 && (await shown()) !== year; i++) {
    await page.getByRole('button', { name: (await shown()) > year ? 'Năm trước' : 'Năm sau' }).click();
  }
}

describe('reports — as a clerk', () => {
  // The centre's clock in January 2027: 2026 is over and can be closed.
  const j = journey({ now: () => new Date('2027-01-15T03:00:00Z'), seed: reportData, open: REPORT_2026 });
  const overview = () => j.page.getByRole('table', { name: 'Kết quả chung' });
  const classesChart = () => j.page.getByRole('figure', { name: 'Số lớp mở theo chương trình' });
  const years = () => j.page.getByRole('table', { name: 'Các năm' });
  let rollup = '';

  j.step('the year’s results match the data: each program, the total, people counted once', async () => {
    const { knd } = j.seeded;
    const kndRow = overview().getByRole('row', { name: new RegExp(knd.name) });
    await kndRow.waitFor();
    // KND 2026: planned 2, opened 1 (50,00%); enrolments 3, completed 3, certified 2; 3 people; 2025: 1 class, 2 enrolments.
    expect((await cells(kndRow)).slice(1)).toEqual(['2', '1', '50,00%', '3', '3', '2', '3', '1', '2']);
    // The total: enrolments add up (5), people are counted once (Cúc studied twice: 4), in their own column.
    expect(await cells(overview().getByRole('row').last())).toEqual(['Cộng', '3', '2', '66,67%', '5', '5', '2', '4', '1', '2']);
    await j.page.getByText(/^Lượt học viên: mỗi người tính một lần cho mỗi lớp đã học\./).waitFor();
  });

  j.step('composition, ages and classification, each with count and share', async () => {
    const { page } = j;
    const composition = page.getByRole('table', { name: 'Thành phần học viên' });
    // Count and share in every breakdown column: women, minorities, Party status.
    expect(await cells(total(composition))).toEqual([
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
    expect((await cells(composition.getByRole('row').last())).slice(0, 4)).toEqual(['\u2003Năm 2025', '2', '1 (50,0%)', '1 (50,0%)']);
    const ages = page.getByRole('table', { name: 'Độ tuổi học viên' });
    expect(await cells(total(ages))).toEqual(['Cộng', '5', '2 (40,0%)', '1 (20,0%)', '0 (0,0%)', '1 (20,0%)', '1 (20,0%)']);
    // Classification over the 5 graded completions: 1, 1, 1, 2 = 20 + 20 + 20 + 40 = 100%.
    const grades = page.getByRole('table', { name: 'Xếp loại' });
    expect(await cells(total(grades))).toEqual(['Cộng', '5', '1 (20,0%)', '1 (20,0%)', '1 (20,0%)', '2 (40,0%)']);
    await page.getByText('Tỉ lệ xếp loại tính trên 5 lượt học viên hoàn thành của các chương trình có xếp loại.').waitFor();
  });

  j.step('the charts name the programs (short names), never their codes; the page fits and is accessible', async () => {
    const { page } = j;
    await classesChart().locator('svg').first().waitFor();
    const chartText = await classesChart().textContent();
    expect(chartText).toContain('Đối tượng kết nạp Đảng');
    expect(chartText).toContain('Đảng viên mới');
    expect(chartText).not.toMatch(/KND|DVM/);
    await fitsWidth(page);
    expect(await seriousAccessibilityProblems(page)).toEqual([]);
    await shot(page, '70-report-year');
    await shot(page, '70-report-charts', { viewport: true, prepare: () => classesChart().scrollIntoViewIfNeeded() });
  });

  j.step('Excel, read back through LibreOffice: numbers as numbers, Vietnamese headers', async () => {
    const { page } = j;
    const { knd } = j.seeded;
    const xlsx = await saveDownload(page, () => page.getByRole('button', { name: 'Xuất Excel' }).click(), path.join(j.dir, 'bao-cao.xlsx'));
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
  });

  j.step('PDF in the Party’s report format, and Word; the screen says what was saved', async () => {
    const { page } = j;
    const pdf = await saveDownload(page, () => page.getByRole('button', { name: 'Lưu PDF' }).click(), path.join(j.dir, 'bao-cao.pdf'));
    await page.getByRole('status').getByText('Đã lưu tệp bao-cao-dao-tao-nam-2026.pdf.').waitFor();
    const text = pdfText(pdf);
    expect(text).toContain('TRUNG TÂM CHÍNH TRỊ XÃ ĐẮK HÀ');
    expect(text).toContain('BÁO CÁO Kết quả công tác đào tạo, bồi dưỡng năm 2026');
    expect(text).toContain('66,67%');
    expect(text).toContain(`${j.seeded.knd.name} 2 1 50,00% 3 3 2 3 1 2`);
    expect(text).toContain('Nguyễn Văn An');
    shotPdf(pdf, '71-report-pdf', { dpi: 60 });
    // The same report as Word, the charts left to the PDF.
    await saveDownload(page, () => page.getByRole('button', { name: 'Lưu Word (.docx)' }).click(), path.join(j.dir, 'bao-cao.docx'));
    await page.getByRole('status').getByText('Đã lưu tệp bao-cao-dao-tao-nam-2026.docx.').waitFor();
  });

  j.step('plans: a KND class still «Dự kiến» is shown apart, and the counts match the report’s', async () => {
    const { page } = j;
    const { knd, dvm, hall } = j.seeded;
    const pending = await saveKndClass(j.core, {
      cohortNumber: 3,
      name: 'Lớp KND khóa 3 năm 2026',
      startDate: '2026-11-02',
      endDate: '2026-11-06',
      venueId: hall.id,
    });
    await page.goto(`${j.host.url}#/plans`);
    await showPlanYear(page, 2026);
    const progress = page.getByRole('table', { name: 'Thực hiện so với kế hoạch năm 2026' });
    const kndRow = progress.getByRole('row', { name: new RegExp(`^${knd.name}`) });
    await kndRow.waitFor();
    // KND: classes planned 2, opened 1 (−1, 50,0%); learners planned 60, 3 (−57, 5,0%); DVM: 1/1, 2 of 30.
    expect((await cells(kndRow)).slice(1)).toEqual(['2', '1', '−1', '50,0%', '60', '3', '−57', '5,0%']);
    expect((await cells(progress.getByRole('row', { name: new RegExp(`^${dvm.name}`) }))).slice(1)).toEqual([
      '1',
      '1',
      '0',
      '100,0%',
      '30',
      '2',
      '−28',
      '6,7%',
    ]);
    await kndRow.getByText('+1 lớp dự kiến chưa có quyết định mở lớp').waitFor();
    await fitsWidth(page);
    expect(await seriousAccessibilityProblems(page)).toEqual([]);
    await shot(page, '75-plans-vs-actual');
    await ok(j.core, 'classes.setStatus', { id: pending.id, status: 'cancelled', reason: 'Dời sang năm sau' });
  });

  j.step('a term: one row per year in the charts; before the first record, a clear message', async () => {
    const { page } = j;
    await page.goto(`${j.host.url}${REPORT_2026}`);
    await overview().waitFor();
    await page.getByRole('combobox', { name: 'Kỳ báo cáo' }).click();
    await page.getByRole('option', { name: 'Nhiều năm (nhiệm kỳ)' }).click();
    await page.getByRole('button', { name: 'Nhiệm kỳ 2020–2025' }).click();
    await page.getByRole('figure', { name: 'Lượt học viên theo năm' }).waitFor();
    await fitsWidth(page);
    await shot(page, '72-report-term');
    await page.getByRole('button', { name: 'Nhiệm kỳ 2015–2020' }).click();
    await page.getByText('Số liệu của trung tâm bắt đầu từ năm 2025; giai đoạn 2015–2020 không có số liệu.').waitFor();
  });

  j.step('closes 2026 and exports the roll-up file for the level above', async () => {
    const { page } = j;
    await page.getByRole('tab', { name: 'Khóa sổ năm' }).click();
    await years()
      .getByRole('row', { name: /2026 Sẵn sàng khóa sổ/ })
      .waitFor();
    await years().getByRole('button', { name: 'Khóa sổ năm 2026' }).click();
    await page.getByRole('dialog', { name: 'Khóa sổ năm 2026' }).getByRole('button', { name: 'Khóa sổ' }).click();
    await years()
      .getByRole('row', { name: /2026 Đã khóa sổ/ })
      .waitFor();
    rollup = await saveDownload(
      page,
      () => years().getByRole('row', { name: /2026/ }).getByRole('button', { name: 'Xuất tệp tổng hợp gửi cấp trên' }).click(),
      path.join(j.dir, 'tong-hop-2026.ttct.json'),
    );
    await shot(page, '73-report-closed');
    expect((await ok(j.core, 'reports.years', {})).find((y) => y.year === 2026)!.closedAt).not.toBeNull();
  });

  j.step('the roll-up imports once; the same file again and a cut file are told apart', async () => {
    const { page } = j;
    const input = page.locator('input[type="file"][aria-label="Tệp tổng hợp"]');
    await page.getByRole('tab', { name: 'Tổng hợp các trung tâm' }).click();
    await input.setInputFiles(rollup);
    await page.getByText('Đã nhập tổng hợp năm 2026 của Trung tâm Chính trị xã Đắk Hà.').waitFor();
    const sums = page.getByRole('table', { name: 'Tổng hợp theo chương trình' });
    // The sums are read again after the import: wait for them rather than the message alone.
    await eventually(async () => (await cells(sums.getByRole('row', { name: new RegExp(j.seeded.knd.name) }))).slice(1, 7)).toEqual([
      '2',
      '1',
      '3',
      '3',
      '3',
      '2',
    ]);
    await input.setInputFiles(rollup);
    await page.getByText(/Tổng hợp năm 2026 của Trung tâm Chính trị xã Đắk Hà \(xuất lúc .*\) đã được nhập\./).waitFor();
    const cut = path.join(j.dir, 'cut.ttct.json');
    fs.writeFileSync(cut, fs.readFileSync(rollup, 'utf8').slice(0, 300));
    await input.setInputFiles(cut);
    await page.getByText(/bị cắt cụt/).waitFor();
    await shot(page, '74-report-rollup');
  });
});

describe('reports of a year with many programs — as a clerk', () => {
  const year = new Date().getFullYear() - 1;
  let report: Awaited<ReturnType<typeof reportOf>>;
  const reportOf = (core: Parameters<typeof ok>[0]) => ok(core, 'reports.get', { period: { kind: 'year', year } });
  const j = journey({
    setupTimeout: 300_000,
    before: async (dir) => {
      const demo = await makeDemo(dir, { people: 400, years: 2, thisYear: year + 1 });
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
        const c = await saveKndClass(demo.core, {
          programId: program.id,
          name: `Lớp ${name} khóa I năm ${year}`,
          startDate: `${year}-12-0${i + 1}`,
          endDate: `${year}-12-0${i + 1}`,
          venueId: venue.id,
          openingDecisionNumber: 900 + i,
          openingDecisionDate: `${year}-11-20`,
        });
        await ok(demo.core, 'enrollments.add', { classId: c.id, personIds: someone, fitOverrideReason: 'Theo danh sách cấp ủy gửi' });
      }
      report = await reportOf(demo.core);
      demo.core.close();
    },
    open: `#/reports?tab=bao-cao&ky=nam&nam=${year}`,
  });

  j.step('names every program on the charts, the fifth and later ones too, and fits the office screen', async () => {
    const { page } = j;
    const chart = page.getByRole('figure', { name: 'Số lớp mở theo chương trình' });
    await chart.locator('svg').first().waitFor();
    expect(report.programs.length).toBeGreaterThanOrEqual(6);
    // Each program's (short) name stands beside its bars. (The lines of a wrapped label come back joined without their spaces.)
    const bare = (t: string) => t.replace(/\s+|…$/g, '');
    const labels = (await chart.locator('.MuiChartsAxis-directionY .MuiChartsAxis-tickLabel').allTextContents()).map(bare);
    expect(labels).toHaveLength(report.programs.length);
    for (const [i, p] of report.programs.entries())
      expect(bare(programShortName(p.name)).startsWith(labels[i]!), `${labels[i]} / ${p.name}`).toBe(true);
    expect(await chart.textContent()).not.toMatch(new RegExp(`\\b(${report.programs.map((p) => p.code).join('|')})\\b`));
    await fitsWidth(page);
    await shot(page, '76-report-many-programs');
    await shot(page, '76-report-many-programs-charts', { viewport: true, prepare: () => chart.scrollIntoViewIfNeeded() });
  });
});
