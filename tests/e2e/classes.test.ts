import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../electron/core/dispatch';
import {
  browserForFile,
  chooseDocument,
  dataFolder,
  saveCentreProfile,
  screenshot,
  SCREENSHOTS,
  startApp,
  typeDate,
  watchConsole,
} from './fixtures';

const browser = browserForFile();

describe('plans, classes and timetables — as a clerk', () => {
  it('plans a class, opens it from the plan, generates its timetable across Tết 2026 and prints it to PDF', async () => {
    const data = dataFolder();
    const host = await startApp(data.dir);
    try {
      const core = host.core;
      await saveCentreProfile(core);
      await dispatch(core, 'lecturers.save', {
        familyAndMiddle: 'Trần Thị',
        given: 'Lan',
        kind: 'chuyen_trach',
        role: 'giang_vien',
        unit: 'Trung tâm Chính trị',
        position: 'Giảng viên',
        phone: '',
        normHours: 120,
        lecturingHours: 90,
      });

      const page = await browser().newPage({ viewport: { width: 1366, height: 900 }, acceptDownloads: true });
      const problems = watchConsole(page);
      // No venue yet: the venue field says where to add one; the lecturer's label sits above «Chưa phân công».
      await page.setViewportSize({ width: 1366, height: 768 });
      await page.goto(`${host.url}#/classes/new`);
      await page.getByText('Chưa có địa điểm — thêm ở').waitFor();
      await expect.poll(() => page.getByRole('link', { name: 'Giảng viên, địa điểm' }).last().getAttribute('href')).toContain('/lecturers');
      await screenshot(page, '21a-class-new-no-venue');
      await page.setViewportSize({ width: 1366, height: 900 });
      await dispatch(core, 'venues.save', { name: 'Hội trường trung tâm', address: 'Thôn 3, xã Đắk Hà', communeCode: null, capacity: 80 });
      await page.goto(`${host.url}#/plans`);
      await page.reload(); // the venue list was read while empty
      await page.getByRole('button', { name: 'Thêm dòng kế hoạch' }).click();
      await page.getByRole('combobox', { name: 'Chương trình' }).click();
      await page.getByRole('option', { name: 'Bồi dưỡng lý luận chính trị dành cho đối tượng kết nạp Đảng' }).click();
      await page.getByRole('combobox', { name: 'Quý' }).click();
      await page.getByRole('option', { name: 'Quý I', exact: true }).click();
      await page.locator('input[name="plannedClasses"]').fill('2');
      await page.locator('input[name="plannedLearners"]').fill('100');
      await page.getByRole('button', { name: 'Lưu' }).click();
      await page
        .getByRole('table', { name: /^Thực hiện so với kế hoạch năm/ })
        .getByRole('cell', { name: '0,0%', exact: true })
        .first()
        .waitFor();
      await screenshot(page, '20-plan');

      // Open the class from the plan line: the cohort name is proposed.
      await page.getByRole('button', { name: 'Mở lớp' }).click();
      await page.waitForFunction(() =>
        (document.querySelector('input[name="name"]') as HTMLInputElement | null)?.value.startsWith('Lớp bồi dưỡng'),
      );
      expect(await page.locator('input[name="name"]').inputValue()).toBe(
        'Lớp bồi dưỡng lý luận chính trị dành cho đối tượng kết nạp Đảng khóa I năm 2026',
      );
      // The next opening decision number is in the field already.
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
      await screenshot(page, '21-class-new');
      await page.getByRole('button', { name: 'Lưu thông tin lớp' }).click();
      await page.waitForURL(/#\/classes\/\d+$/);
      const classUrl = page.url();
      await page.getByText('Đã có quyết định mở lớp').first().waitFor();

      // Generate across Tết (16–20/02/2026) and the weekends around it.
      await page.getByRole('tab', { name: /Lịch học/ }).click();
      await typeDate(page, 'Bắt đầu từ ngày', '12/02/2026');
      await page.getByRole('button', { name: 'Lập lịch (xem trước)' }).click();
      await page.getByText('Lịch học: 10 buổi, từ 12/02/2026 đến 25/02/2026 (chưa lưu)').waitFor();
      await page.getByText('Không có trùng lịch hay vấn đề nào.').waitFor();
      const dates = await page
        .getByRole('table', { name: 'Các buổi học' })
        .getByRole('group')
        .evaluateAll((els) => els.map((e) => e.textContent ?? ''));
      expect(dates.some((d) => /1[4-9]\/02\/2026|2[0-2]\/02\/2026/.test(d))).toBe(false);
      await screenshot(page, '22-timetable-preview');
      await page.getByRole('button', { name: 'Lưu lịch học' }).click();
      await page.getByText('Đã lưu lịch học.').waitFor();

      // Print: the preview is the very HTML that becomes the PDF.
      await page.getByRole('tab', { name: 'In văn bản' }).click();
      await page.frameLocator('iframe[title^="Xem trước"]').getByText('LỊCH HỌC').waitFor();
      await screenshot(page, '23-timetable-print-preview');
      const download = page.waitForEvent('download');
      await page.getByRole('button', { name: 'Lưu PDF' }).click();
      const pdfPath = path.join(data.dir, 'lich-hoc.pdf');
      await (await download).saveAs(pdfPath);
      // Long lines wrap in the PDF: compare with whitespace collapsed.
      const text = execFileSync('pdftotext', [pdfPath, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
      expect(text).toContain('ĐẢNG CỘNG SẢN VIỆT NAM');
      expect(text).toContain('LỊCH HỌC');
      expect(text).toContain('Lớp bồi dưỡng lý luận chính trị dành cho đối tượng kết nạp Đảng khóa I năm 2026');
      expect(text).toContain('Thứ Năm 12/02/2026');
      expect(text).toContain('Thứ Hai 23/02/2026');
      expect(text).not.toContain('16/02/2026');
      expect(text).not.toContain('17/02/2026');
      execFileSync('pdftoppm', ['-png', '-r', '70', '-f', '1', '-l', '1', pdfPath, path.join(SCREENSHOTS, '24-timetable-pdf')]);
      // Every class document is also saved as Word, named as its PDF.
      const timetableWord = page.waitForEvent('download');
      await page.getByRole('button', { name: 'Lưu Word (.docx)' }).click();
      expect((await timetableWord).suggestedFilename()).toMatch(/^lich-hoc-.+\.docx$/);

      await chooseDocument(page, 'Quyết định mở lớp');
      await page.frameLocator('iframe[title^="Xem trước"]').getByText('QUYẾT ĐỊNH', { exact: true }).waitFor();
      const decision = page.waitForEvent('download');
      await page.getByRole('button', { name: 'Lưu PDF' }).click();
      const decisionPath = path.join(data.dir, 'quyet-dinh.pdf');
      await (await decision).saveAs(decisionPath);
      const decisionText = execFileSync('pdftotext', [decisionPath, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
      expect(decisionText).toContain('Số 01-QĐ/TTCT');
      expect(decisionText).toContain('Đắk Hà, ngày 05 tháng 02 năm 2026');
      const wordDownload = page.waitForEvent('download');
      await page.getByRole('button', { name: 'Lưu Word (.docx)' }).click();
      const wordPath = path.join(data.dir, 'quyet-dinh.docx');
      await (await wordDownload).saveAs(wordPath);
      await page.getByText(/^Đã lưu tệp quyet-dinh-mo-lop-.+\.docx\.$/).waitFor();
      const wordXml = await (await JSZip.loadAsync(fs.readFileSync(wordPath))).file('word/document.xml')!.async('string');
      expect(wordXml).toContain('Số 01-QĐ/TTCT');
      expect(wordXml).toContain('Đắk Hà, ngày 05 tháng 02 năm 2026');
      await screenshot(page, '25-decision-preview');

      await page.goto(`${host.url}#/plans`);
      await page
        .getByRole('table', { name: /^Thực hiện so với kế hoạch năm/ })
        .getByRole('cell', { name: '50,0%', exact: true })
        .waitFor();

      // One next step at a time: the Kết quả tab names the step the header offers.
      await page.setViewportSize({ width: 1366, height: 768 });
      await page.goto(classUrl);
      await page.getByRole('tab', { name: 'Kết quả' }).click();
      await page.getByText('Bước tiếp theo của lớp là «Bắt đầu học» (nút ở đầu trang)').waitFor();
      expect(await page.getByRole('button', { name: 'Kết thúc lớp' }).count()).toBe(0);
      await page.getByRole('button', { name: 'Bắt đầu học' }).click();
      await page.getByText('Khi lớp học xong, bấm «Kết thúc lớp» ở đầu trang').waitFor();
      // Ending a class cannot be undone: it asks first, and «Quay lại» leaves it running.
      await page.getByRole('button', { name: 'Kết thúc lớp' }).click();
      const confirm = page.getByRole('dialog', { name: 'Kết thúc lớp?' });
      await confirm.getByText('không trở lại «Đang học» được').waitFor();
      await screenshot(page, '26-class-end-confirm');
      await confirm.getByRole('button', { name: 'Quay lại' }).click();
      await confirm.waitFor({ state: 'hidden' });
      await page.getByText('Đang học', { exact: true }).first().waitFor();
      await page.getByRole('button', { name: 'Kết thúc lớp' }).click();
      await confirm.getByRole('button', { name: 'Kết thúc lớp' }).click();
      await page.getByText('Đã kết thúc', { exact: true }).first().waitFor();
      expect(await page.getByRole('button', { name: 'Hủy lớp' }).count()).toBe(0);
      // Recognition: the next decision number of the term (the opening decision took 01) is suggested.
      await typeDate(page, 'Ngày quyết định', '02/03/2026');
      await expect.poll(() => page.locator('input[name="decisionNumber"]').inputValue()).toBe('2');
      await page.getByRole('button', { name: 'Công nhận kết quả' }).first().waitFor();
      await screenshot(page, '27-class-finished-recognise');
      expect(problems).toEqual([]);
      expect(fs.existsSync(pdfPath)).toBe(true);
      await page.close();
    } finally {
      await host.close();
      data.remove();
    }
  });
});
