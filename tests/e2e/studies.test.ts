import { execFileSync } from 'node:child_process';
import path from 'node:path';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../electron/core/dispatch';
import { studyData } from '../integration/studies-fixtures';
import { browserForFile, dataFolder, screenshot, seriousAccessibilityProblems, startApp, typeDate, watchConsole } from './fixtures';

const browser = browserForFile();

async function fitsWidth(page: Page): Promise<void> {
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1366);
}

const cellTexts = async (page: Page, table: string, row: RegExp) =>
  (await page.getByRole('table', { name: table }).getByRole('row', { name: row }).getByRole('cell').allTextContents()).map((t) =>
    t.replace(/\u200b/g, ''),
  );

describe('resolution-study participation — as a clerk', () => {
  it('enters a session’s counts for three organisations by keyboard, reads the rates on screen and in the saved Excel file', async () => {
    const data = dataFolder();
    const host = await startApp(data.dir, { now: () => new Date('2026-12-20T03:00:00Z') });
    try {
      // Four base organisations, their 2026 members, and a session linked to a class list that covers one of them.
      await studyData(host.core);
      const page = await browser().newPage({ viewport: { width: 1366, height: 768 } });
      const problems = watchConsole(page);
      await page.goto(`${host.url}#/reports`);
      await page.getByRole('link', { name: 'Học tập nghị quyết' }).click();
      const open = page.getByRole('button', { name: 'Hội nghị học tập, quán triệt Nghị quyết Đại hội XIV của Đảng' });
      await open.waitFor();
      // Before any count is typed the list-derived organisation alone gives 3/4.
      expect(await cellTexts(page, 'Các buổi học tập năm 2026', /Hội nghị/)).toEqual([
        '05/03/2026',
        'Hội nghị học tập, quán triệt Nghị quyết Đại hội XIV của ĐảngTheo danh sách lớp: Lớp học tập Nghị quyết Đại hội XIV năm 2026',
        'Trực tuyến, 25 điểm cầu',
        '1',
        '3 / 4',
        '75,00%',
      ]);
      await screenshot(page, 'studies-sessions');
      expect(await seriousAccessibilityProblems(page)).toEqual([]);
      await open.click();

      const grid = 'Số liệu theo tổ chức cơ sở đảng';
      await page
        .getByRole('table', { name: grid })
        .getByRole('row', { name: /Đảng bộ xã Đắk Hà/ })
        .waitFor();
      // The list-derived organisation is read-only: 3 present of 4 on the list, 75,00%.
      expect(await cellTexts(page, grid, /Đảng bộ xã Đắk Hà/)).toEqual(['Đảng bộ xã Đắk HàTheo danh sách lớp', '40', '3', '4', '75,00%']);
      // Through the fields by keyboard only: Enter moves on as Tab does.
      await page.getByRole('textbox', { name: 'Có mặt, Đảng bộ Công an xã' }).click();
      await page.keyboard.type('21');
      await page.keyboard.press('Enter');
      await page.keyboard.press('Enter');
      await page.keyboard.type('10');
      await page.keyboard.press('Tab');
      await page.keyboard.press('Tab');
      await page.keyboard.type('35');
      await page.keyboard.press('Enter');
      await page.keyboard.type('37');
      await page.getByRole('button', { name: 'Lưu số liệu' }).click();
      // 21 over the 20 members of Công an (no «phải dự» typed): refused at the field, nothing saved.
      await page.getByText('Số có mặt (21) lớn hơn số đảng viên năm 2026 (20)').waitFor();
      await screenshot(page, 'studies-counts-refused');
      const ca = page.getByRole('textbox', { name: 'Có mặt, Đảng bộ Công an xã' });
      await ca.fill('19');
      await page.getByRole('button', { name: 'Lưu số liệu' }).click();
      await page.getByText('Đã lưu số liệu của 3 tổ chức.').waitFor();

      expect(await cellTexts(page, grid, /Đảng bộ Công an xã/)).toEqual(['Đảng bộ Công an xã', '20', '', '', '95,00%']);
      expect(await cellTexts(page, grid, /Đảng bộ Trường THCS/)).toEqual(['Đảng bộ Trường THCS Lê Lợi', '37', '', '', '94,59%']);
      expect(await cellTexts(page, grid, /Đảng bộ Quân sự xã/)).toEqual(['Đảng bộ Quân sự xã', '—', '', '', 'Thiếu số đảng viên']);
      expect(await cellTexts(page, grid, /^Cộng/)).toEqual(['Cộng', '', '57', '61', '93,44%chưa tính 1 tổ chức thiếu số đảng viên']);
      await fitsWidth(page);
      await screenshot(page, 'studies-counts');
      expect(await seriousAccessibilityProblems(page)).toEqual([]);

      // The session's report: lowest first, the missing organisation last, and the total.
      await page.getByRole('tab', { name: 'Tỷ lệ tham gia' }).click();
      await page.getByRole('combobox', { name: 'Báo cáo theo' }).click();
      await page.getByRole('option', { name: 'Một buổi học tập' }).click();
      const table = page.getByRole('table', { name: 'Tỷ lệ tham gia' });
      await table.waitFor();
      await expect
        .poll(() => table.locator('tbody tr td:nth-child(2)').allTextContents())
        .toEqual(['Đảng bộ xã Đắk Hà', 'Đảng bộ Trường THCS Lê Lợi', 'Đảng bộ Công an xã', 'Đảng bộ Quân sự xã', 'Cộng']);
      expect(await cellTexts(page, 'Tỷ lệ tham gia', /Trường THCS/)).toEqual([
        '2',
        'Đảng bộ Trường THCS Lê Lợi',
        '37',
        '35',
        '94,59%',
        'Số báo cáo',
      ]);
      expect(await cellTexts(page, 'Tỷ lệ tham gia', /Quân sự/)).toEqual([
        '4',
        'Đảng bộ Quân sự xã',
        '—',
        '10',
        'Thiếu số đảng viên',
        'Số báo cáo',
      ]);
      expect(await cellTexts(page, 'Tỷ lệ tham gia', /^Cộng/)).toEqual([
        '',
        'Cộng',
        '61',
        '57',
        '93,44%',
        'Chưa tính 1 tổ chức thiếu số đảng viên',
      ]);
      await fitsWidth(page);
      await screenshot(page, 'studies-report');
      expect(await seriousAccessibilityProblems(page)).toEqual([]);

      const download = page.waitForEvent('download');
      await page.getByRole('button', { name: 'Xuất Excel' }).click();
      const file = path.join(data.dir, 'ty-le.xlsx');
      await (await download).saveAs(file);
      await page.getByText(/^Đã lưu tệp ty-le-hoc-tap-buoi-\d+\.xlsx\.$/).waitFor();
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(file);
      const sheet = wb.getWorksheet('Tỷ lệ tham gia')!;
      const row = (n: number) => (sheet.getRow(n).values as unknown[]).slice(1);
      // Rates written truncated to two decimals of the percentage.
      expect(row(3)).toEqual([2, 'Đảng bộ Trường THCS Lê Lợi', 37, 35, 0.9459, 'Số báo cáo']);
      expect(sheet.getCell('E3').numFmt).toBe('0.00%');
      expect(row(4)).toEqual([3, 'Đảng bộ Công an xã', 20, 19, 0.95, 'Số báo cáo']);
      expect(row(5)[4]).toBe('Thiếu số đảng viên');
      expect(row(6)).toEqual([undefined, 'Cộng', 61, 57, 0.9344, 'Chưa tính 1 tổ chức thiếu số đảng viên']);

      // The year, per organisation, and the members tab with last year's numbers to copy.
      await page.getByRole('combobox', { name: 'Báo cáo theo' }).click();
      await page.getByRole('option', { name: 'Cả năm, theo tổ chức' }).click();
      await page.getByRole('columnheader', { name: 'Số buổi' }).waitFor();
      expect(await cellTexts(page, 'Tỷ lệ tham gia', /^Cộng/)).toEqual([
        '',
        'Cộng',
        '',
        '61',
        '57',
        '93,44%',
        'Chưa tính 1 tổ chức thiếu số đảng viên',
      ]);
      // One organisation's sessions of the year, saved as the Party-format PDF.
      await page.getByRole('combobox', { name: 'Báo cáo theo' }).click();
      await page.getByRole('option', { name: 'Một tổ chức cơ sở đảng' }).click();
      await page.getByRole('columnheader', { name: 'Ngày' }).waitFor();
      expect(await cellTexts(page, 'Tỷ lệ tham gia', /Hội nghị/)).toEqual([
        '1',
        'Hội nghị học tập, quán triệt Nghị quyết Đại hội XIV của Đảng',
        '05/03/2026',
        '20',
        '19',
        '95,00%',
        'Số báo cáo',
      ]);
      await fitsWidth(page);
      await screenshot(page, 'studies-report-org');
      const pdfEvent = page.waitForEvent('download');
      await page.getByRole('button', { name: 'Lưu PDF' }).click();
      const pdf = path.join(data.dir, 'ty-le.pdf');
      await (await pdfEvent).saveAs(pdf);
      const pdfText = execFileSync('pdftotext', ['-raw', '-enc', 'UTF-8', pdf, '-'], { encoding: 'utf8' });
      expect(pdfText).toContain('ĐẢNG CỘNG SẢN VIỆT NAM');
      expect(pdfText).toContain('Đảng bộ Công an xã — năm 2026');
      expect(pdfText).toMatch(/Cộng 1 buổi 20 19 95,00%/);

      await page.getByRole('tab', { name: 'Số đảng viên theo năm' }).click();
      await page.getByRole('button', { name: 'Năm sau' }).click();
      await page.getByRole('button', { name: 'Chép từ năm trước' }).click();
      expect(await page.getByRole('textbox', { name: 'Số đảng viên năm 2027, Đảng bộ Công an xã' }).inputValue()).toBe('20');
      await page.getByRole('button', { name: 'Lưu', exact: true }).click();
      await page.getByText('Đã lưu số đảng viên năm 2027 của 3 tổ chức.').waitFor();
      await fitsWidth(page);
      await screenshot(page, 'studies-members');
      expect(await seriousAccessibilityProblems(page)).toEqual([]);

      // A new session typed in the form: saved, it opens with the grid of every base organisation.
      await page.getByRole('tab', { name: 'Buổi học tập' }).click();
      await page.getByRole('button', { name: 'Thêm buổi học tập' }).click();
      await page.getByRole('button', { name: 'Lưu và nhập số liệu' }).click();
      await page.getByText('Không được để trống').waitFor();
      await page.getByRole('textbox', { name: 'Nghị quyết, chuyên đề học tập' }).fill('Học tập chuyên đề năm 2026');
      await typeDate(page, 'Ngày', '10092026');
      await page.getByRole('textbox', { name: 'Số điểm cầu' }).fill('12');
      await page.getByRole('button', { name: 'Lưu và nhập số liệu' }).click();
      await page.getByRole('textbox', { name: 'Có mặt, Đảng bộ xã Đắk Hà' }).waitFor();
      await fitsWidth(page);
      await screenshot(page, 'studies-new-session');
      expect(await seriousAccessibilityProblems(page)).toEqual([]);
      expect(problems).toEqual([]);
    } finally {
      await host.close();
      data.remove();
    }
  }, 120_000);

  it('shows a merged organisation’s counts read-only, the organisations that have not reported, and a print preview that follows a save', async () => {
    const data = dataFolder();
    const host = await startApp(data.dir, { now: () => new Date('2026-12-20T03:00:00Z') });
    try {
      const f = await studyData(host.core);
      const core = host.core;
      const { xa, congAn, truong } = f.units;
      const call = async (channel: Parameters<typeof dispatch>[1], input: unknown) => {
        const r = await dispatch(core, channel, input as never);
        if (!r.ok) throw new Error(JSON.stringify(r.error));
        return r.value as { id: number };
      };
      await call('studies.saveCounts', {
        sessionId: f.sessionId,
        rows: [
          { unitId: congAn.id, present: 19, expected: null },
          { unitId: truong.id, present: 35, expected: 37 },
        ],
      });
      await call('units.merge', { fromId: congAn.id, intoId: xa.id, date: '2026-06-01' });
      const khoi = await call('units.save', { name: 'Đảng bộ Khối cơ quan', kind: 'base', parentId: null, communeCode: null });
      await call('studies.saveMembers', { year: 2026, rows: [{ unitId: khoi.id, members: 12 }] });

      const page = await browser().newPage({ viewport: { width: 1366, height: 768 } });
      const problems = watchConsole(page);
      const reportUrl = `${host.url}#/studies?tab=ty-le&pham-vi=buoi&nam=2026&buoi=${f.sessionId}`;
      await page.goto(reportUrl);
      const table = page.getByRole('table', { name: 'Tỷ lệ tham gia' });
      await table.waitFor();
      expect(await cellTexts(page, 'Tỷ lệ tham gia', /Công an/)).toEqual([
        '3',
        'Đảng bộ Công an xã',
        '20',
        '19',
        '95,00%',
        'Số báo cáo; đã hợp nhất vào «Đảng bộ xã Đắk Hà»',
      ]);
      expect(await cellTexts(page, 'Tỷ lệ tham gia', /Khối cơ quan/)).toEqual([
        '4',
        'Đảng bộ Khối cơ quan',
        '12',
        '—',
        'Chưa báo cáo',
        'Không tính vào tổng',
      ]);
      expect(await cellTexts(page, 'Tỷ lệ tham gia', /^Cộng/)).toEqual(['', 'Cộng', '61', '57', '93,44%', '1 tổ chức chưa báo cáo']);
      await page.getByText('1 người trong danh sách lớp chưa có chi bộ, đảng bộ nên chưa tính vào tổ chức nào.').waitFor();
      await page.getByRole('button', { name: 'Xem bản in' }).click();
      const frame = page.locator('iframe[title^="Xem trước"]');
      await expect.poll(() => frame.getAttribute('srcdoc')).toContain('đạt 93,44%');
      await fitsWidth(page);
      await screenshot(page, 'studies-report-not-reported');
      expect(await seriousAccessibilityProblems(page)).toEqual([]);

      // The grid: the merged organisation's saved counts, read-only; a save of the others keeps them.
      await page.goto(`${host.url}#/studies?nam=2026`);
      await page.getByRole('button', { name: 'Hội nghị học tập, quán triệt Nghị quyết Đại hội XIV của Đảng' }).click();
      const grid = 'Số liệu theo tổ chức cơ sở đảng';
      await page
        .getByRole('table', { name: grid })
        .getByRole('row', { name: /Đảng bộ Công an xã/ })
        .waitFor();
      expect(await cellTexts(page, grid, /Đảng bộ Công an xã/)).toEqual([
        'Đảng bộ Công an xãĐã hợp nhất vào «Đảng bộ xã Đắk Hà»; số liệu đã lưu, không sửa',
        '20',
        '19',
        '',
        '95,00%',
      ]);
      expect(await page.getByRole('textbox', { name: 'Có mặt, Đảng bộ Công an xã' }).count()).toBe(0);
      await page.getByRole('textbox', { name: 'Có mặt, Đảng bộ Trường THCS Lê Lợi' }).fill('36');
      await page.getByRole('button', { name: 'Lưu số liệu' }).click();
      await page.getByText('Đã lưu số liệu của 1 tổ chức.').waitFor();
      // 3/4 + 19/20 + 36/37 = 58/61 = 95,08%: the merged organisation's 19 still counts.
      expect(await cellTexts(page, grid, /^Cộng/)).toEqual(['Cộng', '', '58', '61', '95,08%']);
      await fitsWidth(page);
      await screenshot(page, 'studies-counts-merged');
      expect(await seriousAccessibilityProblems(page)).toEqual([]);

      // Back to the report: the print preview shows the saved figures, not the ones cached before.
      await page.goto(reportUrl);
      await page.getByRole('button', { name: 'Xem bản in' }).click();
      await expect.poll(() => page.locator('iframe[title^="Xem trước"]').getAttribute('srcdoc')).toContain('đạt 95,08%');
      expect(problems).toEqual([]);
    } finally {
      await host.close();
      data.remove();
    }
  }, 120_000);
});
