import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { recognisedClass } from './certificate-fixtures';
import { browserForFile, dataFolder, ok, screenshot, SCREENSHOTS, seriousAccessibilityProblems, startApp, watchConsole } from './fixtures';

const browser = browserForFile();

describe('a person’s learning record — as a clerk', () => {
  it('opens «Giấy xác nhận quá trình học tập» on the person’s page, types what it is for and saves the PDF', async () => {
    const data = dataFolder();
    const host = await startApp(data.dir);
    try {
      const core = host.core;
      const cls = await recognisedClass(core);
      await ok(core, 'certificates.issue', { classId: cls.id, issueDate: '2026-03-12', signer: { kind: 'director' } });
      const an = (await ok(core, 'enrollments.list', { classId: cls.id })).enrollments.find((e) => e.fullName === 'Trần Văn An')!;

      const page = await browser().newPage({ viewport: { width: 1366, height: 768 } });
      const problems = watchConsole(page);
      await page.goto(`${host.url}#/learners/${an.personId}`);
      const open = page.getByRole('button', { name: 'Giấy xác nhận quá trình học tập' });
      await open.waitFor();
      await screenshot(page, 'learning-record-person-page');
      // By keyboard: the button takes the focus and Enter opens the dialog.
      await open.focus();
      await page.keyboard.press('Enter');
      const dialog = page.getByRole('dialog', { name: 'Giấy xác nhận quá trình học tập' });
      // The purpose field has the focus: the clerk types straight away.
      await page.keyboard.type('bổ sung hồ sơ cán bộ');
      await dialog.locator('iframe[title="Xem trước: Giấy xác nhận quá trình học tập — Trần Văn An"]').waitFor();
      await page
        .frameLocator('iframe[title^="Xem trước"]')
        .getByText(/để bổ sung hồ sơ cán bộ\./)
        .waitFor();
      await screenshot(page, 'learning-record-dialog');
      // The whole dialog, its buttons included, fits the office PC's screen.
      const box = (await dialog.getByRole('button', { name: 'Đóng' }).boundingBox())!;
      expect(box.y + box.height).toBeLessThanOrEqual(768);
      expect(await seriousAccessibilityProblems(page)).toEqual([]);

      const download = page.waitForEvent('download');
      await dialog.getByRole('button', { name: 'Lưu PDF' }).click();
      const file = await download;
      expect(file.suggestedFilename()).toBe(`giay-xac-nhan-qua-trinh-hoc-tap-tran-van-an-${an.personId}.pdf`);
      const saved = path.join(data.dir, file.suggestedFilename());
      await file.saveAs(saved);
      await dialog.getByText(`Đã lưu tệp ${file.suggestedFilename()}.`).waitFor();
      const text = execFileSync('pdftotext', ['-raw', saved, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
      for (const s of [
        'GIẤY XÁC NHẬN QUÁ TRÌNH HỌC TẬP',
        'Lớp bồi dưỡng nhận thức về Đảng khóa I năm 2026',
        '1/2026/GCN',
        'để bổ sung hồ sơ cán bộ',
        'Nguyễn Văn An',
      ]) {
        expect(text).toContain(s);
      }
      execFileSync('pdftoppm', ['-png', '-r', '60', saved, path.join(SCREENSHOTS, 'learning-record-pdf')]);
      const word = page.waitForEvent('download');
      await dialog.getByRole('button', { name: 'Lưu Word (.docx)' }).click();
      expect((await word).suggestedFilename()).toBe(`giay-xac-nhan-qua-trinh-hoc-tap-tran-van-an-${an.personId}.docx`);
      await dialog.getByText(`Đã lưu tệp giay-xac-nhan-qua-trinh-hoc-tap-tran-van-an-${an.personId}.docx.`).waitFor();

      await page.keyboard.press('Escape');
      await dialog.waitFor({ state: 'detached' });
      expect(problems).toEqual([]);
      await page.close();
    } finally {
      await host.close();
      data.remove();
    }
  });
});
