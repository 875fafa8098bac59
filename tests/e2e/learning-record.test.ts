import path from 'node:path';
import { describe, expect } from 'vitest';
import { recognisedClass } from './certificate-fixtures';
import { ok, seriousAccessibilityProblems } from './fixtures';
import { downloadOf, pdfText } from './pages/files';
import { journey } from './pages/journey';
import { shot, shotPdf } from './pages/shots';

describe('a person’s learning record — as a clerk', () => {
  const j = journey({
    seed: async (core) => {
      const cls = await recognisedClass(core);
      await ok(core, 'certificates.issue', { classId: cls.id, issueDate: '2026-03-12', signer: { kind: 'director' } });
      return (await ok(core, 'enrollments.list', { classId: cls.id })).enrollments.find((e) => e.fullName === 'Trần Văn An')!;
    },
    open: (an) => `#/learners/${an.personId}`,
  });
  const dialog = () => j.page.getByRole('dialog', { name: 'Giấy xác nhận quá trình học tập' });
  const fileName = (ext: string) => `giay-xac-nhan-qua-trinh-hoc-tap-tran-van-an-${j.seeded.personId}.${ext}`;

  j.step('opens «Giấy xác nhận quá trình học tập» from the person’s page by keyboard and types what it is for', async () => {
    const { page } = j;
    const open = page.getByRole('button', { name: 'Giấy xác nhận quá trình học tập' });
    await open.waitFor();
    await shot(page, 'learning-record-person-page');
    // By keyboard: the button takes the focus and Enter opens the dialog.
    await open.focus();
    await page.keyboard.press('Enter');
    // The purpose field has the focus: the clerk types straight away.
    await page.keyboard.type('bổ sung hồ sơ cán bộ');
    await dialog().locator('iframe[title="Xem trước: Giấy xác nhận quá trình học tập — Trần Văn An"]').waitFor();
    await page
      .frameLocator('iframe[title^="Xem trước"]')
      .getByText(/để bổ sung hồ sơ cán bộ\./)
      .waitFor();
    await shot(page, 'learning-record-dialog');
  });

  j.step('the dialog, its buttons included, fits the office PC’s screen and has no serious accessibility problem', async () => {
    const box = (await dialog().getByRole('button', { name: 'Đóng' }).boundingBox())!;
    expect(box.y + box.height).toBeLessThanOrEqual(768);
    expect(await seriousAccessibilityProblems(j.page)).toEqual([]);
  });

  j.step('saves the PDF, which reads back with the class, the certificate, the purpose and the signer', async () => {
    const file = await downloadOf(j.page, () => dialog().getByRole('button', { name: 'Lưu PDF' }).click());
    expect(file.suggestedFilename()).toBe(fileName('pdf'));
    const saved = path.join(j.dir, file.suggestedFilename());
    await file.saveAs(saved);
    await dialog().getByText(`Đã lưu tệp ${file.suggestedFilename()}.`).waitFor();
    const text = pdfText(saved);
    for (const s of [
      'GIẤY XÁC NHẬN QUÁ TRÌNH HỌC TẬP',
      'Lớp bồi dưỡng nhận thức về Đảng khóa I năm 2026',
      '1/2026/GCN',
      'để bổ sung hồ sơ cán bộ',
      'Nguyễn Văn An',
    ]) {
      expect(text).toContain(s);
    }
    shotPdf(saved, 'learning-record-pdf', { dpi: 60 });
  });

  j.step('saves the Word file and closes with Escape', async () => {
    const word = await downloadOf(j.page, () => dialog().getByRole('button', { name: 'Lưu Word (.docx)' }).click());
    expect(word.suggestedFilename()).toBe(fileName('docx'));
    await dialog()
      .getByText(`Đã lưu tệp ${fileName('docx')}.`)
      .waitFor();
    await j.page.keyboard.press('Escape');
    await dialog().waitFor({ state: 'detached' });
  });
});
