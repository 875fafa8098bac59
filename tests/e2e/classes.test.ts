import fs from 'node:fs';
import path from 'node:path';
import JSZip from 'jszip';
import { describe, expect } from 'vitest';
import { saveCentreProfile, typeDate } from './fixtures';
import { eventually } from './pages/app';
import { chooseDocument, classTab, preview } from './pages/class-page';
import { downloadOf, savePdf, saveDownload } from './pages/files';
import { journey } from './pages/journey';
import { saveHall, saveLecturerLan } from './pages/seed';
import { shot, shotPdf } from './pages/shots';

const CLASS_NAME = 'Lớp bồi dưỡng lý luận chính trị dành cho đối tượng kết nạp Đảng khóa I năm 2026';

describe('plans, classes and timetables — as a clerk', () => {
  const j = journey({
    seed: async (core) => {
      await saveCentreProfile(core);
      await saveLecturerLan(core);
    },
    // Opened here rather than moved to: the start page's own redirect could land after a move.
    open: '#/classes/new',
  });
  const progress = () => j.page.getByRole('table', { name: /^Thực hiện so với kế hoạch năm/ });
  let classUrl = '';

  j.step('a new class with no venue yet: the venue field says where to add one', async () => {
    const { page } = j;
    await page.getByText('Chưa có địa điểm — thêm ở').waitFor();
    // The lecturer's label sits above «Chưa phân công».
    await expect.poll(() => page.getByRole('link', { name: 'Giảng viên, địa điểm' }).last().getAttribute('href')).toContain('/lecturers');
    await shot(page, '21a-class-new-no-venue');
    await page.setViewportSize({ width: 1366, height: 900 });
  });

  j.step('plans two KND classes for the first quarter', async () => {
    const { page } = j;
    await saveHall(j.core);
    await page.goto(`${j.host.url}#/plans`);
    await page.reload(); // the venue list was read while empty
    await page.getByRole('button', { name: 'Thêm dòng kế hoạch' }).click();
    await page.getByRole('combobox', { name: 'Chương trình' }).click();
    await page.getByRole('option', { name: 'Bồi dưỡng lý luận chính trị dành cho đối tượng kết nạp Đảng' }).click();
    await page.getByRole('combobox', { name: 'Quý' }).click();
    await page.getByRole('option', { name: 'Quý I', exact: true }).click();
    await page.locator('input[name="plannedClasses"]').fill('2');
    await page.locator('input[name="plannedLearners"]').fill('100');
    await page.getByRole('button', { name: 'Lưu' }).click();
    await progress().getByRole('cell', { name: '0,0%', exact: true }).first().waitFor();
    await shot(page, '20-plan');
  });

  j.step('opens the class from the plan line: the cohort name and the next decision number are proposed', async () => {
    const { page } = j;
    await page.getByRole('button', { name: 'Mở lớp' }).click();
    await eventually(() => page.locator('input[name="name"]').inputValue()).toMatch(/^Lớp bồi dưỡng/);
    expect(await page.locator('input[name="name"]').inputValue()).toBe(CLASS_NAME);
    await expect.poll(() => page.locator('input[name="openingDecisionNumber"]').inputValue()).toBe('1');
    await page.getByText('Số tiếp theo trong nhiệm kỳ: 01; có thể sửa').waitFor();
    await typeDate(page, 'Ngày khai giảng', '12/02/2026');
    await typeDate(page, 'Ngày kết thúc', '28/02/2026');
    await page.getByRole('combobox', { name: 'Địa điểm học' }).click();
    await page.getByRole('option', { name: 'Hội trường trung tâm' }).click();
    await page.getByRole('combobox', { name: 'Giảng viên chủ nhiệm' }).click();
    await page.getByRole('option', { name: 'Trần Thị Lan' }).click();
    await page.locator('input[name="openingDecisionNumber"]').fill('1');
    await typeDate(page, 'Ngày quyết định', '05/02/2026');
    await shot(page, '21-class-new');
    await page.getByRole('button', { name: 'Lưu thông tin lớp' }).click();
    await page.waitForURL(/#\/classes\/\d+$/);
    classUrl = page.url();
    await page.getByText('Đã có quyết định mở lớp').first().waitFor();
  });

  j.step('generates the timetable across Tết (16–20/02/2026) and the weekends around it', async () => {
    const { page } = j;
    await classTab(page, /Lịch học/);
    await typeDate(page, 'Bắt đầu từ ngày', '12/02/2026');
    await page.getByRole('button', { name: 'Lập lịch (xem trước)' }).click();
    await page.getByText('Lịch học: 10 buổi, từ 12/02/2026 đến 25/02/2026 (chưa lưu)').waitFor();
    await page.getByText('Không có trùng lịch hay vấn đề nào.').waitFor();
    const dates = await page
      .getByRole('table', { name: 'Các buổi học' })
      .getByRole('group')
      .evaluateAll((els) => els.map((e) => e.textContent ?? ''));
    expect(dates.some((d) => /1[4-9]\/02\/2026|2[0-2]\/02\/2026/.test(d))).toBe(false);
    await shot(page, '22-timetable-preview');
    await page.getByRole('button', { name: 'Lưu lịch học' }).click();
    await page.getByText('Đã lưu lịch học.').waitFor();
  });

  j.step('prints the timetable to PDF from the preview’s HTML, and as Word', async () => {
    const { page } = j;
    await classTab(page, 'In văn bản');
    await preview(page).getByText('LỊCH HỌC').waitFor();
    await shot(page, '23-timetable-print-preview');
    const pdf = await savePdf(page, () => page.getByRole('button', { name: 'Lưu PDF' }).click(), path.join(j.dir, 'lich-hoc.pdf'), {
      raw: false,
    });
    expect(pdf.text).toContain('ĐẢNG CỘNG SẢN VIỆT NAM');
    expect(pdf.text).toContain('LỊCH HỌC');
    expect(pdf.text).toContain(CLASS_NAME);
    expect(pdf.text).toContain('Thứ Năm 12/02/2026');
    expect(pdf.text).toContain('Thứ Hai 23/02/2026');
    expect(pdf.text).not.toContain('16/02/2026');
    expect(pdf.text).not.toContain('17/02/2026');
    expect(fs.existsSync(pdf.filePath)).toBe(true);
    shotPdf(pdf.filePath, '24-timetable-pdf', { pages: [1, 1] });
    // Every class document is also saved as Word, named as its PDF.
    const word = await downloadOf(page, () => page.getByRole('button', { name: 'Lưu Word (.docx)' }).click());
    expect(word.suggestedFilename()).toMatch(/^lich-hoc-.+\.docx$/);
  });

  j.step('prints the opening decision as PDF and Word, with its number and date', async () => {
    const { page } = j;
    await chooseDocument(page, 'Quyết định mở lớp');
    await preview(page).getByText('QUYẾT ĐỊNH', { exact: true }).waitFor();
    const pdf = await savePdf(page, () => page.getByRole('button', { name: 'Lưu PDF' }).click(), path.join(j.dir, 'quyet-dinh.pdf'), {
      raw: false,
    });
    expect(pdf.text).toContain('Số 01-QĐ/TTCT');
    expect(pdf.text).toContain('Đắk Hà, ngày 05 tháng 02 năm 2026');
    const wordPath = await saveDownload(
      page,
      () => page.getByRole('button', { name: 'Lưu Word (.docx)' }).click(),
      path.join(j.dir, 'quyet-dinh.docx'),
    );
    await page.getByText(/^Đã lưu tệp quyet-dinh-mo-lop-.+\.docx\.$/).waitFor();
    const wordXml = await (await JSZip.loadAsync(fs.readFileSync(wordPath))).file('word/document.xml')!.async('string');
    expect(wordXml).toContain('Số 01-QĐ/TTCT');
    expect(wordXml).toContain('Đắk Hà, ngày 05 tháng 02 năm 2026');
    await shot(page, '25-decision-preview');
  });

  j.step('the plan counts the opened class: 50%', async () => {
    await j.page.goto(`${j.host.url}#/plans`);
    await progress().getByRole('cell', { name: '50,0%', exact: true }).waitFor();
  });

  j.step('one next step at a time: the class starts, and ending it asks first', async () => {
    const { page } = j;
    await page.setViewportSize({ width: 1366, height: 768 });
    await page.goto(classUrl);
    await classTab(page, 'Kết quả');
    await page.getByText('Bước tiếp theo của lớp là «Bắt đầu học» (nút ở đầu trang)').waitFor();
    expect(await page.getByRole('button', { name: 'Kết thúc lớp' }).count()).toBe(0);
    await page.getByRole('button', { name: 'Bắt đầu học' }).click();
    await page.getByText('Khi lớp học xong, bấm «Kết thúc lớp» ở đầu trang').waitFor();
    // Ending a class cannot be undone: it asks first, and «Quay lại» leaves it running.
    await page.getByRole('button', { name: 'Kết thúc lớp' }).click();
    const confirm = page.getByRole('dialog', { name: 'Kết thúc lớp?' });
    await confirm.getByText('không trở lại «Đang học» được').waitFor();
    await shot(page, '26-class-end-confirm');
    await confirm.getByRole('button', { name: 'Quay lại' }).click();
    await confirm.waitFor({ state: 'hidden' });
    await page.getByText('Đang học', { exact: true }).first().waitFor();
    await page.getByRole('button', { name: 'Kết thúc lớp' }).click();
    await confirm.getByRole('button', { name: 'Kết thúc lớp' }).click();
    await page.getByText('Đã kết thúc', { exact: true }).first().waitFor();
    expect(await page.getByRole('button', { name: 'Hủy lớp' }).count()).toBe(0);
  });

  j.step('recognition suggests the next decision number of the term (the opening decision took 01)', async () => {
    const { page } = j;
    await typeDate(page, 'Ngày quyết định', '02/03/2026');
    await expect.poll(() => page.locator('input[name="decisionNumber"]').inputValue()).toBe('2');
    await page.getByRole('button', { name: 'Công nhận kết quả' }).first().waitFor();
    await shot(page, '27-class-finished-recognise');
  });
});
