import fs from 'node:fs';
import path from 'node:path';
import QRCode from 'qrcode';
import { describe, expect } from 'vitest';
import { ok, seriousAccessibilityProblems } from './fixtures';
import { recognisedClass } from './certificate-fixtures';
import { generateCentreKeys, publicKeyFileText, signCertificate } from '../../electron/core/certificates/signing';
import { gotoYear } from './pages/app';
import { downloadOf } from './pages/files';
import { journey } from './pages/journey';
import { shot } from './pages/shots';

const OTHER_CENTRE = 'Trung tâm Chính trị huyện Krông Pắc';

describe('certificate register, verification and settings — as a clerk', () => {
  const j = journey({
    viewport: { width: 1366, height: 900 },
    seed: async (core) => {
      const cls = await recognisedClass(core);
      const { issued } = await ok(core, 'certificates.issue', { classId: cls.id, issueDate: '2026-03-12', signer: { kind: 'director' } });
      expect(issued.map((c) => c.serial)).toEqual(['1/2026/GCN', '2/2026/GCN', '3/2026/GCN', '4/2026/GCN', '5/2026/GCN']);
      const bao = issued.find((c) => c.printed.fullName === 'Lê Văn Bảo')!;
      await ok(core, 'certificates.reissue', {
        certificateId: bao.id,
        reason: 'Sai ngày sinh trên giấy',
        issueDate: '2026-03-20',
        signer: { kind: 'director' },
      });
      return issued;
    },
    open: '#/certificates',
  });
  const table = () => j.page.getByRole('table', { name: 'Sổ cấp giấy chứng nhận năm 2026' });
  const pasted = () => j.page.getByRole('textbox', { name: 'Nội dung mã QR (dán từ máy quét)' });
  const keyFile = () => path.join(j.dir, 'khoa-cong-khai-krong-pac.pem');
  const otherKeys = generateCentreKeys();

  j.step('lists the year’s register, the reissue noted, and saves it as Word', async () => {
    const { page } = j;
    await page.getByRole('link', { name: 'Giấy chứng nhận' }).waitFor();
    // The page opens on the current year; the certificates were issued in 2026.
    await gotoYear(page, 2026, new Date().getFullYear());
    await table()
      .getByRole('row', { name: /1\/2026\/GCN .*Trần Văn An 12\/05\/1990 .*Còn hiệu lực/ })
      .waitFor();
    for (const serial of ['1/2026/GCN', '3/2026/GCN', '4/2026/GCN', '5/2026/GCN', '6/2026/GCN']) {
      await table().getByRole('cell', { name: serial, exact: true }).waitFor();
    }
    await table().getByText('Đã cấp lại: Sai ngày sinh trên giấy; thay bằng số 6/2026/GCN').waitFor();
    await shot(page, '63-certificate-register');
    const word = await downloadOf(page, () => page.getByRole('button', { name: 'Lưu Word (.docx)' }).click());
    expect(word.suggestedFilename()).toBe('so-cap-giay-chung-nhan-2026.docx');
    await page.getByText('Đã lưu tệp so-cap-giay-chung-nhan-2026.docx.').waitFor();
  });

  j.step('a row the app never wrote (as old sample databases hold) is listed, marked, and repaired on request', async () => {
    const { page, core } = j;
    core.db.prepare("UPDATE certificates SET printed_json = '{}', verification_code = '-' WHERE serial = '3/2026/GCN'").run();
    await page.reload();
    await gotoYear(page, 2026, new Date().getFullYear());
    const warning = page.getByRole('alert').filter({ hasText: '1 giấy có bản ghi hỏng (3/2026/GCN)' });
    await warning.waitFor();
    await table()
      .getByRole('row', { name: /3\/2026\/GCN .*Còn hiệu lực · bản ghi hỏng/ })
      .waitFor();
    expect(await seriousAccessibilityProblems(page)).toEqual([]);
    await shot(page, '63a-certificate-register-damaged');
    await warning.getByRole('button', { name: 'Sửa bản ghi hỏng' }).click();
    await page.getByRole('dialog', { name: 'Sửa 1 bản ghi hỏng của năm 2026?' }).getByRole('button', { name: 'Sửa bản ghi' }).click();
    await page.getByText('Đã sửa 1 giấy chứng nhận (3/2026/GCN); việc sửa được ghi vào nhật ký thay đổi.').waitFor();
    expect(await warning.count()).toBe(0);
    const repaired = (await ok(core, 'certificates.register', { year: 2026 })).find((c) => c.serial === '3/2026/GCN')!;
    expect((await ok(core, 'certificates.verify', { code: repaired.verificationCode })).status).toBe('genuine');
  });

  j.step('an empty year is a note, not an error', async () => {
    await j.page.getByRole('button', { name: 'Năm trước' }).click();
    await j.page.getByText('Năm 2025 chưa cấp giấy chứng nhận nào.').waitFor();
  });

  j.step('tells a genuine QR code from one with a letter changed', async () => {
    const { page } = j;
    await page.getByRole('tab', { name: 'Tra cứu giấy chứng nhận' }).click();
    const code = j.seeded[0]!.verificationCode;
    await pasted().fill(code);
    await page.getByRole('button', { name: 'Kiểm tra nội dung đã dán' }).click();
    await page.getByText('Giấy chứng nhận thật, còn trong sổ.').waitFor();
    await page
      .getByRole('table', { name: 'Nội dung mã' })
      .getByRole('row', { name: /Họ và tên Trần Văn An/ })
      .waitFor();
    // One letter changed in the middle of the code.
    const mid = Math.floor(code.length / 2);
    await pasted().fill(code.slice(0, mid) + (code[mid] === 'A' ? 'B' : 'A') + code.slice(mid + 1));
    await page.getByRole('button', { name: 'Kiểm tra nội dung đã dán' }).click();
    await page.getByText(/^(Mã đã bị sửa hoặc không do trung tâm ký|Không kiểm tra được mã)$/).waitFor();
    expect(await page.getByText('Giấy chứng nhận thật, còn trong sổ.').count()).toBe(0);
    await shot(page, '64-certificate-verify');
  });

  j.step('reads the QR from a photo of the certificate, then checks it the same way', async () => {
    const code = j.seeded[0]!.verificationCode;
    const photo = path.join(j.dir, 'qr.png');
    await QRCode.toFile(photo, code, { errorCorrectionLevel: 'M', scale: 4 });
    await pasted().fill('');
    await j.page.locator('input[type="file"][accept="image/*"]').setInputFiles(photo);
    await j.page.getByText('Giấy chứng nhận thật, còn trong sổ.').waitFor();
    expect(await pasted().inputValue()).toBe(code);
  });

  j.step(
    'edits the number pattern in words, with the parts from buttons and an example; a pattern without a number is refused',
    async () => {
      const { page } = j;
      await page.getByRole('tab', { name: 'Thiết lập' }).click();
      const serialField = page.getByRole('textbox', { name: 'Mẫu số giấy' });
      const parts = page.getByRole('group', { name: 'Thêm phần vào mẫu số giấy' });
      expect(await serialField.inputValue()).toBe('[số]/[năm]/GCN');
      await serialField.fill('GCN/[năm]');
      await page.getByText('Mẫu số phải có đúng một phần số thứ tự: [số] hoặc [số 4 chữ số]').waitFor();
      expect(await serialField.getAttribute('aria-invalid')).toBe('true');
      await serialField.fill('');
      await parts.getByRole('button', { name: 'Số thứ tự 4 chữ số' }).click();
      await serialField.press('End');
      await serialField.pressSequentially('/');
      await parts.getByRole('button', { name: 'Năm', exact: true }).click();
      await serialField.press('End');
      await serialField.pressSequentially('/GCN-TT');
      expect(await serialField.inputValue()).toBe('[số 4 chữ số]/[năm]/GCN-TT');
      await page.getByText(/^Ví dụ: 0001\/\d{4}\/GCN-TT, 0012\/\d{4}\/GCN-TT…$/).waitFor();
      expect(await page.locator('body').textContent()).not.toMatch(/\{(seq|year|yy)/);
      await page.getByRole('button', { name: 'Lưu cách đánh số' }).click();
      await page.getByText('Đã lưu cách đánh số.').waitFor();
      expect((await ok(j.core, 'certificates.settings', {})).serialPattern).toBe('{seq:4}/{year}/GCN-TT');
      await page.getByText((await ok(j.core, 'certificates.settings', {})).keyId, { exact: true }).waitFor();
      await shot(page, '65-certificate-settings');
    },
  );

  j.step('imports another centre’s key file once; the same file twice is refused, naming whose it is', async () => {
    const { page } = j;
    fs.writeFileSync(keyFile(), publicKeyFileText(otherKeys.publicKeyPem, OTHER_CENTRE));
    await page.locator('input[type="file"][aria-label="Tệp khóa công khai"]').setInputFiles(keyFile());
    const addKey = page.getByRole('dialog', { name: 'Nhập khóa công khai' });
    expect(await addKey.getByRole('textbox', { name: 'Đơn vị cấp' }).inputValue()).toBe(OTHER_CENTRE);
    await addKey.getByRole('button', { name: 'Nhập khóa' }).click();
    await page.getByRole('table', { name: 'Khóa công khai đã nhập' }).getByText(OTHER_CENTRE).waitFor();
    await page.locator('input[type="file"][aria-label="Tệp khóa công khai"]').setInputFiles(keyFile());
    await addKey.getByRole('button', { name: 'Nhập khóa' }).click();
    await addKey.getByText(`Khóa này đã được nhập (của ${OTHER_CENTRE}).`).first().waitFor();
    await shot(page, '65a-certificate-trusted-key-duplicate');
    await addKey.getByRole('button', { name: 'Hủy' }).click();
  });

  j.step('verifies a certificate of that centre by its imported key', async () => {
    const { page } = j;
    const otherCode = signCertificate(
      { n: '17/2025/GCN', r: '2025.0017', name: "H'Hen Niê", birth: '1998-02-03', program: 'Bồi dưỡng kết nạp Đảng', issued: '2025-11-04' },
      otherKeys,
    );
    await page.getByRole('tab', { name: 'Tra cứu giấy chứng nhận' }).click();
    await pasted().fill(otherCode);
    await page.getByRole('button', { name: 'Kiểm tra nội dung đã dán' }).click();
    await page.getByText(`Chữ ký hợp lệ — giấy của ${OTHER_CENTRE}`).waitFor();
    await page.getByText("H'Hen Niê").waitFor();
    await shot(page, '65b-certificate-verify-other-centre');
  });
});
