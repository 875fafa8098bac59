import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect } from 'vitest';
import { ok } from '../fixtures/builders';
import { studyData, typeCounts } from '../integration/studies-fixtures';
import { seriousAccessibilityProblems, typeDate } from './fixtures';
import { checkScreen, eventually, fitsWidth, openFromNav } from './pages/app';
import { pdfText, readWorkbook, saveDownload } from './pages/files';
import { journey } from './pages/journey';
import { shot } from './pages/shots';

const cellTexts = async (page: Page, table: string, row: RegExp) =>
  (await page.getByRole('table', { name: table }).getByRole('row', { name: row }).getByRole('cell').allTextContents()).map((t) =>
    t.replace(/\u200b/g, ''),
  );

const GRID = 'Số liệu theo tổ chức cơ sở đảng';
const RATES = 'Tỷ lệ tham gia';
const SESSION = 'Hội nghị học tập, quán triệt Nghị quyết Đại hội XIV của Đảng';
const NOW = () => new Date('2026-12-20T03:00:00Z');

/** «Báo cáo theo»: the scope of the participation report. */
async function reportBy(page: Page, scope: string): Promise<void> {
  await page.getByRole('combobox', { name: 'Báo cáo theo' }).click();
  await page.getByRole('option', { name: scope }).click();
}

describe('resolution-study participation — as a clerk', () => {
  // Four base organisations, their 2026 members, and a session linked to a class list that covers one of them.
  const j = journey({ now: NOW, seed: studyData, open: '#/reports' });

  j.step('the sessions of the year: before any count is typed the list-derived organisation alone gives 3/4', async () => {
    const { page } = j;
    await openFromNav(page, 'Học tập nghị quyết');
    await page.getByRole('button', { name: SESSION }).waitFor();
    expect(await cellTexts(page, 'Các buổi học tập năm 2026', /Hội nghị/)).toEqual([
      '05/03/2026',
      `${SESSION}Theo danh sách lớp: Lớp học tập Nghị quyết Đại hội XIV năm 2026`,
      'Trực tuyến, 25 điểm cầu',
      '1',
      '3 / 4',
      '75,00%',
    ]);
    await shot(page, 'studies-sessions');
    expect(await seriousAccessibilityProblems(page)).toEqual([]);
  });

  j.step('enters a session’s counts for three organisations by keyboard; one over the members is refused', async () => {
    const { page } = j;
    await page.getByRole('button', { name: SESSION }).click();
    await page
      .getByRole('table', { name: GRID })
      .getByRole('row', { name: /Đảng bộ xã Đắk Hà/ })
      .waitFor();
    // The list-derived organisation is read-only: 3 present of 4 on the list, 75,00%.
    expect(await cellTexts(page, GRID, /Đảng bộ xã Đắk Hà/)).toEqual(['Đảng bộ xã Đắk HàTheo danh sách lớp', '40', '3', '4', '75,00%']);
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
    await shot(page, 'studies-counts-refused');
  });

  j.step('corrected, the counts save and the rates show on screen', async () => {
    const { page } = j;
    await page.getByRole('textbox', { name: 'Có mặt, Đảng bộ Công an xã' }).fill('19');
    await page.getByRole('button', { name: 'Lưu số liệu' }).click();
    await page.getByText('Đã lưu số liệu của 3 tổ chức.').waitFor();
    expect(await cellTexts(page, GRID, /Đảng bộ Công an xã/)).toEqual(['Đảng bộ Công an xã', '20', '', '', '95,00%']);
    expect(await cellTexts(page, GRID, /Đảng bộ Trường THCS/)).toEqual(['Đảng bộ Trường THCS Lê Lợi', '37', '', '', '94,59%']);
    expect(await cellTexts(page, GRID, /Đảng bộ Quân sự xã/)).toEqual(['Đảng bộ Quân sự xã', '—', '', '', 'Thiếu số đảng viên']);
    expect(await cellTexts(page, GRID, /^Cộng/)).toEqual(['Cộng', '', '57', '61', '93,44%chưa tính 1 tổ chức thiếu số đảng viên']);
    await checkScreen(page, 'studies-counts');
  });

  j.step('the session’s report: lowest first, the missing organisation last, and the total', async () => {
    const { page } = j;
    await page.getByRole('tab', { name: RATES }).click();
    await reportBy(page, 'Một buổi học tập');
    const table = page.getByRole('table', { name: RATES });
    await table.waitFor();
    await eventually(() => table.locator('tbody tr td:nth-child(2)').allTextContents()).toEqual([
      'Đảng bộ xã Đắk Hà',
      'Đảng bộ Trường THCS Lê Lợi',
      'Đảng bộ Công an xã',
      'Đảng bộ Quân sự xã',
      'Cộng',
    ]);
    expect(await cellTexts(page, RATES, /Trường THCS/)).toEqual(['2', 'Đảng bộ Trường THCS Lê Lợi', '37', '35', '94,59%', 'Số báo cáo']);
    expect(await cellTexts(page, RATES, /Quân sự/)).toEqual(['4', 'Đảng bộ Quân sự xã', '—', '10', 'Thiếu số đảng viên', 'Số báo cáo']);
    expect(await cellTexts(page, RATES, /^Cộng/)).toEqual(['', 'Cộng', '61', '57', '93,44%', 'Chưa tính 1 tổ chức thiếu số đảng viên']);
    await checkScreen(page, 'studies-report');
  });

  j.step('the saved Excel file has the rates truncated to two decimals of the percentage', async () => {
    const { page } = j;
    const file = await saveDownload(page, () => page.getByRole('button', { name: 'Xuất Excel' }).click(), path.join(j.dir, 'ty-le.xlsx'));
    await page.getByText(/^Đã lưu tệp ty-le-hoc-tap-buoi-\d+\.xlsx\.$/).waitFor();
    const sheet = (await readWorkbook(file)).getWorksheet(RATES)!;
    const row = (n: number) => (sheet.getRow(n).values as unknown[]).slice(1);
    expect(row(3)).toEqual([2, 'Đảng bộ Trường THCS Lê Lợi', 37, 35, 0.9459, 'Số báo cáo']);
    expect(sheet.getCell('E3').numFmt).toBe('0.00%');
    expect(row(4)).toEqual([3, 'Đảng bộ Công an xã', 20, 19, 0.95, 'Số báo cáo']);
    expect(row(5)[4]).toBe('Thiếu số đảng viên');
    expect(row(6)).toEqual([undefined, 'Cộng', 61, 57, 0.9344, 'Chưa tính 1 tổ chức thiếu số đảng viên']);
  });

  j.step('the year per organisation, and one organisation’s sessions saved as the Party-format PDF', async () => {
    const { page } = j;
    await reportBy(page, 'Cả năm, theo tổ chức');
    await page.getByRole('columnheader', { name: 'Số buổi' }).waitFor();
    expect(await cellTexts(page, RATES, /^Cộng/)).toEqual(['', 'Cộng', '', '61', '57', '93,44%', 'Chưa tính 1 tổ chức thiếu số đảng viên']);
    await reportBy(page, 'Một tổ chức cơ sở đảng');
    await page.getByRole('columnheader', { name: 'Ngày' }).waitFor();
    expect(await cellTexts(page, RATES, /Hội nghị/)).toEqual(['1', SESSION, '05/03/2026', '20', '19', '95,00%', 'Số báo cáo']);
    await fitsWidth(page);
    await shot(page, 'studies-report-org');
    const pdf = await saveDownload(page, () => page.getByRole('button', { name: 'Lưu PDF' }).click(), path.join(j.dir, 'ty-le.pdf'));
    const text = pdfText(pdf);
    expect(text).toContain('ĐẢNG CỘNG SẢN VIỆT NAM');
    expect(text).toContain('Đảng bộ Công an xã — năm 2026');
    expect(text).toMatch(/Cộng 1 buổi 20 19 95,00%/);
  });

  j.step('the members tab copies last year’s numbers', async () => {
    const { page } = j;
    await page.getByRole('tab', { name: 'Số đảng viên theo năm' }).click();
    await page.getByRole('button', { name: 'Năm sau' }).click();
    await page.getByRole('button', { name: 'Chép từ năm trước' }).click();
    expect(await page.getByRole('textbox', { name: 'Số đảng viên năm 2027, Đảng bộ Công an xã' }).inputValue()).toBe('20');
    await page.getByRole('button', { name: 'Lưu', exact: true }).click();
    await page.getByText('Đã lưu số đảng viên năm 2027 của 3 tổ chức.').waitFor();
    await checkScreen(page, 'studies-members');
  });

  j.step('a new session typed in the form: saved, it opens with the grid of every base organisation', async () => {
    const { page } = j;
    await page.getByRole('tab', { name: 'Buổi học tập' }).click();
    await page.getByRole('button', { name: 'Thêm buổi học tập' }).click();
    await page.getByRole('button', { name: 'Lưu và nhập số liệu' }).click();
    await page.getByText('Không được để trống').waitFor();
    await page.getByRole('textbox', { name: 'Nghị quyết, chuyên đề học tập' }).fill('Học tập chuyên đề năm 2026');
    await typeDate(page, 'Ngày', '10/09/2026');
    await page.getByRole('textbox', { name: 'Số điểm cầu' }).fill('12');
    await page.getByRole('button', { name: 'Lưu và nhập số liệu' }).click();
    await page.getByRole('textbox', { name: 'Có mặt, Đảng bộ xã Đắk Hà' }).waitFor();
    await checkScreen(page, 'studies-new-session');
  });
});

describe('resolution-study participation after a merger — as a clerk', () => {
  const j = journey({
    now: NOW,
    seed: async (core) => {
      const f = await studyData(core);
      const { xa, congAn } = f.units;
      await typeCounts(core, f, ['congAn', 'truong']);
      await ok(core, 'units.merge', { fromId: congAn.id, intoId: xa.id, date: '2026-06-01' });
      const khoi = await ok(core, 'units.save', { name: 'Đảng bộ Khối cơ quan', kind: 'base', parentId: null, communeCode: null });
      await ok(core, 'studies.saveMembers', { year: 2026, rows: [{ unitId: khoi.id, members: 12 }] });
      return `#/studies?tab=ty-le&pham-vi=buoi&nam=2026&buoi=${f.sessionId}`;
    },
    open: (reportHash) => reportHash,
  });
  const printPreview = () => j.page.locator('iframe[title^="Xem trước"]');

  j.step('shows a merged organisation’s counts read-only and the organisations that have not reported', async () => {
    const { page } = j;
    await page.getByRole('table', { name: RATES }).waitFor();
    expect(await cellTexts(page, RATES, /Công an/)).toEqual([
      '3',
      'Đảng bộ Công an xã',
      '20',
      '19',
      '95,00%',
      'Số báo cáo; đã hợp nhất vào «Đảng bộ xã Đắk Hà»',
    ]);
    expect(await cellTexts(page, RATES, /Khối cơ quan/)).toEqual([
      '4',
      'Đảng bộ Khối cơ quan',
      '12',
      '—',
      'Chưa báo cáo',
      'Không tính vào tổng',
    ]);
    expect(await cellTexts(page, RATES, /^Cộng/)).toEqual(['', 'Cộng', '61', '57', '93,44%', '1 tổ chức chưa báo cáo']);
    await page.getByText('1 người trong danh sách lớp chưa có chi bộ, đảng bộ nên chưa tính vào tổ chức nào.').waitFor();
    await page.getByRole('button', { name: 'Xem bản in' }).click();
    await eventually(() => printPreview().getAttribute('srcdoc')).toContain('đạt 93,44%');
    await checkScreen(page, 'studies-report-not-reported');
  });

  j.step('the grid keeps the merged organisation’s saved counts read-only; a save of the others keeps them', async () => {
    const { page } = j;
    await page.goto(`${j.host.url}#/studies?nam=2026`);
    await page.getByRole('button', { name: SESSION }).click();
    await page
      .getByRole('table', { name: GRID })
      .getByRole('row', { name: /Đảng bộ Công an xã/ })
      .waitFor();
    expect(await cellTexts(page, GRID, /Đảng bộ Công an xã/)).toEqual([
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
    expect(await cellTexts(page, GRID, /^Cộng/)).toEqual(['Cộng', '', '58', '61', '95,08%']);
    await checkScreen(page, 'studies-counts-merged');
  });

  j.step('back on the report, the print preview shows the saved figures, not the ones cached before', async () => {
    await j.page.goto(`${j.host.url}${j.seeded}`);
    await j.page.getByRole('button', { name: 'Xem bản in' }).click();
    await eventually(() => printPreview().getAttribute('srcdoc')).toContain('đạt 95,08%');
  });
});
