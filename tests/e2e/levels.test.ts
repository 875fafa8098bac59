import fs from 'node:fs';
import path from 'node:path';
import { describe, expect } from 'vitest';
import { PROVINCIAL_COURSE_45 } from '../fixtures/nomination';
import { recognisedSoCapClass, saveCentre, savePerson } from '../integration/levels-fixtures';
import { ok, seriousAccessibilityProblems } from './fixtures';
import { fitsWidth, openFromNav } from './pages/app';
import { pdfText, saveDownload } from './pages/files';
import { journey, nextFrame } from './pages/journey';
import { shot, shotPdf } from './pages/shots';

const TARGET = 'Đảng viên (Đảng bộ xã Bình Sơn): 100% có trình độ sơ cấp trở lên';

describe('political-theory levels — as a clerk', () => {
  const j = journey({
    now: () => new Date('2026-06-15T03:00:00Z'),
    seed: async (core) => {
      await saveCentre(ok, core);
      const binhSon = await ok(core, 'units.save', { name: 'Đảng bộ xã Bình Sơn', kind: 'base', parentId: null, communeCode: '21040' });
      const thon1 = await ok(core, 'units.save', { name: 'Chi bộ thôn 1', kind: 'cell', parentId: binhSon.id, communeCode: null });
      const member = { partyStatus: 'chinh_thuc' as const, admissionDate: '2010-01-01', unitId: thon1.id };
      const dung = await savePerson(ok, core, 'Hoàng Thị Dung', { ...member, position: 'Bí thư chi bộ thôn 1', birthDate: '1990-01-01' });
      await savePerson(ok, core, 'Ngô Văn Hà', { ...member, position: 'Đảng viên', theoryLevel: 'so_cap', birthDate: '1985' });
      await ok(core, 'levels.saveTarget', { year: 2026, groupId: null, baseUnitId: binhSon.id, minLevel: 'so_cap', percent: 100 });
      return { dung };
    },
    open: '#/reports',
  });
  const target = () => j.page.getByRole('region', { name: TARGET });
  /** The texts of Đảng bộ xã Bình Sơn's row under the target. */
  const rowCells = () =>
    target()
      .getByRole('row', { name: /Đảng bộ xã Bình Sơn/ })
      .getByRole('cell')
      .allTextContents();
  const section = () => j.page.getByRole('region', { name: 'Trình độ lý luận chính trị' });
  const targets = () => j.page.getByRole('table', { name: 'Chỉ tiêu năm 2026' });

  j.step('the navigation leads to the level report, next to «Báo cáo»: 1/2 before the class', async () => {
    const { page } = j;
    await openFromNav(page, 'Trình độ LLCT');
    // Hà (sơ cấp declared) of Dung and Hà → 1/2, one person short.
    await target().getByText('Đạt 1/2 người (50,00%) — còn thiếu 1 người').waitFor();
    expect(await rowCells()).toEqual(['Xã Bình Sơn', 'Đảng bộ xã Bình Sơn', '2', '1', '1', '0', '0', '0', '1', '50,00%', '100%', '1']);
    await fitsWidth(page);
    expect(await seriousAccessibilityProblems(page)).toEqual([]);
    await shot(page, 'levels-report-before');
  });

  j.step('a Sơ cấp class recognised (decision of 10/03/2026): Dung passes, and the report follows by itself', async () => {
    await recognisedSoCapClass(ok, j.core, [[j.seeded.dung.id, 80]]);
    await j.page.reload();
    await target().getByText('Đạt 2/2 người (100,00%) — đạt chỉ tiêu').waitFor();
    expect(await rowCells()).toEqual(['Xã Bình Sơn', 'Đảng bộ xã Bình Sơn', '2', '0', '2', '0', '0', '0', '2', '100,00%', '100%', '0']);
    await shot(j.page, 'levels-report-after');
  });

  j.step('the Party document: PDF and Word say the same figures', async () => {
    const { page } = j;
    const pdf = await saveDownload(page, () => page.getByRole('button', { name: 'Lưu PDF' }).click(), path.join(j.dir, 'levels.pdf'));
    await page.getByRole('status').getByText('Đã lưu tệp trinh-do-llct-nam-2026.pdf.').waitFor();
    const text = pdfText(pdf);
    expect(text).toContain('Trình độ lý luận chính trị của cán bộ, đảng viên năm 2026');
    expect(text).toContain('(Số liệu tính đến ngày 15/06/2026)');
    expect(text).toContain('1 Xã Bình Sơn Đảng bộ xã Bình Sơn 2 0 2 0 0 0 2 100,00% 100% 0');
    shotPdf(pdf, 'levels-pdf', { dpi: 60 });
    const docx = await saveDownload(page, () => page.getByRole('button', { name: 'Lưu Word' }).click(), path.join(j.dir, 'levels.docx'));
    expect(fs.readFileSync(docx).subarray(0, 2).toString()).toBe('PK');
  });

  j.step('on Dung’s page: the level today and where it came from', async () => {
    await j.page.goto(`${j.host.url}#/learners/${j.seeded.dung.id}`);
    await section().getByTestId('current-level').getByText('Sơ cấp').waitFor();
    await section().getByText('Sơ cấp — Học tại Trung tâm (10/03/2026)').waitFor();
  });

  j.step('a Trung cấp diploma from elsewhere, by keyboard: a year before her birth is refused', async () => {
    const { page } = j;
    await section().getByRole('button', { name: 'Thêm bằng ngoài trung tâm' }).focus();
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: 'Thêm bằng ngoài trung tâm' });
    await dialog.waitFor();
    // The school field has the focus.
    await page.keyboard.type('Trường Chính trị tỉnh Quảng Ngãi');
    await dialog.getByRole('textbox', { name: 'Năm cấp' }).fill('1989');
    await page.keyboard.press('Enter');
    await dialog.getByText('Năm cấp bằng trước năm sinh (01/01/1990)').waitFor();
    expect(await seriousAccessibilityProblems(page)).toEqual([]);
    await shot(page, 'levels-diploma-refused');
    await dialog.getByRole('textbox', { name: 'Năm cấp' }).fill('2025');
    await dialog.getByRole('textbox', { name: 'Số bằng' }).fill('TC-2025-118');
    await page.keyboard.press('Enter');
    await dialog.waitFor({ state: 'detached' });
    await section().getByTestId('current-level').getByText('Trung cấp').waitFor();
    await section().getByText('Trung cấp — Bằng ngoài Trung tâm (năm 2025)').waitFor();
  });

  j.step('deleting a diploma asks first; backing out keeps it', async () => {
    const { page } = j;
    await section().getByRole('button', { name: 'Sửa' }).click();
    const editDiploma = page.getByRole('dialog', { name: 'Sửa bằng ngoài trung tâm' });
    await editDiploma.getByRole('button', { name: 'Xóa bằng này' }).click();
    const confirmDelete = page.getByRole('dialog', { name: 'Xóa bằng này?' });
    await confirmDelete
      .getByText('Xóa bằng trung cấp của «Trường Chính trị tỉnh Quảng Ngãi» khỏi lịch sử trình độ của người này.', { exact: false })
      .waitFor();
    await shot(page, 'levels-diploma-confirm-delete');
    await confirmDelete.getByRole('button', { name: 'Hủy' }).click();
    await confirmDelete.waitFor({ state: 'detached' });
    await editDiploma.getByRole('button', { name: 'Hủy' }).click();
    await editDiploma.waitFor({ state: 'detached' });
    await section().getByText('Trung cấp — Bằng ngoài Trung tâm (năm 2025)').waitFor();
    await fitsWidth(page);
    await shot(page, 'levels-person');
  });

  j.step('targets: over 100% is refused at the field; a target for Bí thư chi bộ goes in by keyboard', async () => {
    const { page } = j;
    await page.goto(`${j.host.url}#/levels?tab=chi-tieu&nam=2026`);
    const form = page.getByRole('form', { name: 'Thêm chỉ tiêu' });
    await form.getByRole('combobox', { name: 'Đối tượng' }).click();
    await page.getByRole('option', { name: 'Bí thư chi bộ' }).click();
    await form.getByRole('combobox', { name: 'Trình độ từ' }).click();
    await page.getByRole('option', { name: 'Trung cấp trở lên' }).click();
    await form.getByRole('textbox', { name: 'Tỷ lệ (%)' }).fill('120');
    await form.getByRole('textbox', { name: 'Tỷ lệ (%)' }).press('Enter');
    await form.getByText('Tỷ lệ là số nguyên từ 0 đến 100').waitFor();
    await shot(page, 'levels-targets-refused');
    await form.getByRole('textbox', { name: 'Tỷ lệ (%)' }).fill('80');
    await form.getByRole('textbox', { name: 'Tỷ lệ (%)' }).press('Enter');
    await targets()
      .getByRole('row', { name: /Bí thư chi bộ Tất cả Trung cấp trở lên 80%/ })
      .waitFor();
    expect(await seriousAccessibilityProblems(page)).toEqual([]);
    await shot(page, 'levels-targets');
  });

  j.step('the report has the second target: Dung, Bí thư chi bộ, holds Trung cấp since her diploma', async () => {
    await j.page.getByRole('tab', { name: 'Báo cáo' }).click();
    await j.page
      .getByRole('region', { name: 'Bí thư chi bộ (toàn bộ các tổ chức cơ sở đảng): 80% có trình độ trung cấp trở lên' })
      .getByText('Đạt 1/1 người (100,00%) — đạt chỉ tiêu')
      .waitFor();
  });

  j.step('nominations to the provincial school are listed', async () => {
    const { page } = j;
    await ok(j.core, 'levels.saveNomination', { ...PROVINCIAL_COURSE_45, people: [{ personId: j.seeded.dung.id, result: 'studying' }] });
    await page.getByRole('tab', { name: 'Cử đi học' }).click();
    await page
      .getByRole('region', { name: 'Trường Chính trị tỉnh Quảng Ngãi, Khóa 45, hệ không tập trung' })
      .getByRole('row', { name: /Hoàng Thị Dung/ })
      .waitFor();
    expect(await seriousAccessibilityProblems(page)).toEqual([]);
    await shot(page, 'levels-nominations');
  });

  j.step('a new nomination: each row’s controls name their person; Escape does not throw the typed list away', async () => {
    const { page } = j;
    await page.getByRole('button', { name: 'Thêm đợt cử đi học' }).click();
    const nomination = page.getByRole('dialog', { name: 'Cử đi học năm 2026' });
    await nomination.getByRole('combobox', { name: 'Thêm người (gõ họ tên)' }).fill('Ngô Văn');
    await page.getByRole('option', { name: /Ngô Văn Hà/ }).click();
    await nomination.getByRole('row', { name: /Ngô Văn Hà/ }).waitFor();
    await nomination.getByRole('combobox', { name: 'Kết quả của Ngô Văn Hà' }).waitFor();
    await nomination.getByRole('textbox', { name: 'Số bằng của Ngô Văn Hà' }).waitFor();
    await nomination.getByText('Người được cử (1)').click();
    await page.keyboard.press('Escape');
    // A dialog that closed would be gone once the key's update is drawn (transitions are off under test).
    await nextFrame(page);
    expect(await nomination.isVisible()).toBe(true);
    const box = (await nomination.getByRole('button', { name: 'Lưu' }).boundingBox())!;
    expect(box.y + box.height).toBeLessThanOrEqual(768);
    expect(await seriousAccessibilityProblems(page)).toEqual([]);
    await shot(page, 'levels-nomination-dialog');
    await nomination.getByRole('button', { name: 'Hủy' }).click();
  });

  j.step('the position groups; a renamed group shows its new name in the targets at once', async () => {
    const { page } = j;
    await page.getByRole('tab', { name: 'Nhóm chức vụ' }).click();
    await page.getByRole('region', { name: 'Cán bộ chủ chốt cấp xã' }).getByText('Chủ tịch UBND', { exact: true }).waitFor();
    await fitsWidth(page);
    expect(await seriousAccessibilityProblems(page)).toEqual([]);
    await shot(page, 'levels-groups');
    await page.getByRole('button', { name: 'Sửa nhóm Bí thư chi bộ' }).click();
    await page.getByRole('form', { name: 'Sửa nhóm chức vụ' }).getByRole('textbox', { name: 'Tên nhóm' }).fill('Bí thư các chi bộ');
    await page.getByRole('button', { name: 'Lưu nhóm' }).click();
    await page.getByRole('region', { name: 'Bí thư các chi bộ' }).waitFor();
    await page.getByRole('tab', { name: 'Chỉ tiêu' }).click();
    await targets()
      .getByRole('row', { name: /Bí thư các chi bộ Tất cả Trung cấp trở lên 80%/ })
      .waitFor({ timeout: 5000 });
  });
});
