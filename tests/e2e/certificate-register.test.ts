import fs from 'node:fs';
import path from 'node:path';
import QRCode from 'qrcode';
import { describe, expect, it } from 'vitest';
import { browserForFile, dataFolder, ok, screenshot, seriousAccessibilityProblems, startApp, watchConsole } from './fixtures';
import { recognisedClass } from './certificate-fixtures';
import { generateCentreKeys, publicKeyFileText, signCertificate } from '../../electron/core/certificates/signing';

const browser = browserForFile();

describe('certificate register, verification and settings — as a clerk', () => {
  it("lists the year's register, tells a genuine code from a changed one and validates the number pattern; verifies another centre's certificate by its imported key", async () => {
    const data = dataFolder();
    const host = await startApp(data.dir);
    try {
      const core = host.core;
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

      const page = await browser().newPage({ viewport: { width: 1366, height: 900 } });
      const problems = watchConsole(page);
      await page.goto(`${host.url}#/certificates`);
      await page.getByRole('link', { name: 'Giấy chứng nhận' }).waitFor();
      // The page opens on the current year; the certificates were issued in 2026.
      for (let y = new Date().getFullYear(); y > 2026; y--) await page.getByRole('button', { name: 'Năm trước' }).click();
      const table = page.getByRole('table', { name: 'Sổ cấp giấy chứng nhận năm 2026' });
      await table.getByRole('row', { name: /1\/2026\/GCN .*Trần Văn An 12\/05\/1990 .*Còn hiệu lực/ }).waitFor();
      for (const serial of ['1/2026/GCN', '3/2026/GCN', '4/2026/GCN', '5/2026/GCN', '6/2026/GCN']) {
        await table.getByRole('cell', { name: serial, exact: true }).waitFor();
      }
      await table.getByText('Đã cấp lại: Sai ngày sinh trên giấy; thay bằng số 6/2026/GCN').waitFor();
      await screenshot(page, '63-certificate-register');
      const registerWord = page.waitForEvent('download');
      await page.getByRole('button', { name: 'Lưu Word (.docx)' }).click();
      expect((await registerWord).suggestedFilename()).toBe('so-cap-giay-chung-nhan-2026.docx');
      await page.getByText('Đã lưu tệp so-cap-giay-chung-nhan-2026.docx.').waitFor();

      // A row the app never wrote (as old sample databases hold) is listed, marked, and repaired on request.
      core.db.prepare("UPDATE certificates SET printed_json = '{}', verification_code = '-' WHERE serial = '3/2026/GCN'").run();
      await page.reload();
      for (let y = new Date().getFullYear(); y > 2026; y--) await page.getByRole('button', { name: 'Năm trước' }).click();
      const warning = page.getByRole('alert').filter({ hasText: '1 giấy có bản ghi hỏng (3/2026/GCN)' });
      await warning.waitFor();
      await table.getByRole('row', { name: /3\/2026\/GCN .*Còn hiệu lực · bản ghi hỏng/ }).waitFor();
      expect(await seriousAccessibilityProblems(page)).toEqual([]);
      await screenshot(page, '63a-certificate-register-damaged');
      await warning.getByRole('button', { name: 'Sửa bản ghi hỏng' }).click();
      await page.getByRole('dialog', { name: 'Sửa 1 bản ghi hỏng của năm 2026?' }).getByRole('button', { name: 'Sửa bản ghi' }).click();
      await page.getByText('Đã sửa 1 giấy chứng nhận (3/2026/GCN); việc sửa được ghi vào nhật ký thay đổi.').waitFor();
      expect(await warning.count()).toBe(0);
      const repaired = (await ok(core, 'certificates.register', { year: 2026 })).find((c) => c.serial === '3/2026/GCN')!;
      expect((await ok(core, 'certificates.verify', { code: repaired.verificationCode })).status).toBe('genuine');

      // An empty year is a note, not an error.
      await page.getByRole('button', { name: 'Năm trước' }).click();
      await page.getByText('Năm 2025 chưa cấp giấy chứng nhận nào.').waitFor();

      await page.getByRole('tab', { name: 'Tra cứu giấy chứng nhận' }).click();
      const code = issued[0]!.verificationCode;
      const field = page.getByRole('textbox', { name: 'Nội dung mã QR (dán từ máy quét)' });
      await field.fill(code);
      await page.getByRole('button', { name: 'Kiểm tra nội dung đã dán' }).click();
      await page.getByText('Giấy chứng nhận thật, còn trong sổ.').waitFor();
      await page
        .getByRole('table', { name: 'Nội dung mã' })
        .getByRole('row', { name: /Họ và tên Trần Văn An/ })
        .waitFor();

      // One letter changed in the middle of the code.
      const mid = Math.floor(code.length / 2);
      const changed = code.slice(0, mid) + (code[mid] === 'A' ? 'B' : 'A') + code.slice(mid + 1);
      await field.fill(changed);
      await page.getByRole('button', { name: 'Kiểm tra nội dung đã dán' }).click();
      await page.getByText(/^(Mã đã bị sửa hoặc không do trung tâm ký|Không kiểm tra được mã)$/).waitFor();
      expect(await page.getByText('Giấy chứng nhận thật, còn trong sổ.').count()).toBe(0);
      await screenshot(page, '64-certificate-verify');

      // A photo of the certificate's QR: read from the image, then checked the same way.
      const photo = path.join(data.dir, 'qr.png');
      await QRCode.toFile(photo, code, { errorCorrectionLevel: 'M', scale: 4 });
      await field.fill('');
      await page.locator('input[type="file"][accept="image/*"]').setInputFiles(photo);
      await page.getByText('Giấy chứng nhận thật, còn trong sổ.').waitFor();
      expect(await field.inputValue()).toBe(code);

      await page.getByRole('tab', { name: 'Thiết lập' }).click();
      const serialField = page.getByRole('textbox', { name: 'Mẫu số giấy' });
      // Shown and edited in words; the parts go in with the buttons, and an example shows the result.
      expect(await serialField.inputValue()).toBe('[số]/[năm]/GCN');
      await serialField.fill('GCN/[năm]');
      await page.getByText('Mẫu số phải có đúng một phần số thứ tự: [số] hoặc [số 4 chữ số]').waitFor();
      expect(await serialField.getAttribute('aria-invalid')).toBe('true');
      await serialField.fill('');
      await page.getByRole('group', { name: 'Thêm phần vào mẫu số giấy' }).getByRole('button', { name: 'Số thứ tự 4 chữ số' }).click();
      await serialField.press('End');
      await serialField.pressSequentially('/');
      await page.getByRole('group', { name: 'Thêm phần vào mẫu số giấy' }).getByRole('button', { name: 'Năm', exact: true }).click();
      await serialField.press('End');
      await serialField.pressSequentially('/GCN-TT');
      expect(await serialField.inputValue()).toBe('[số 4 chữ số]/[năm]/GCN-TT');
      await page.getByText(/^Ví dụ: 0001\/\d{4}\/GCN-TT, 0012\/\d{4}\/GCN-TT…$/).waitFor();
      expect(await page.locator('body').textContent()).not.toMatch(/\{(seq|year|yy)/);
      await page.getByRole('button', { name: 'Lưu cách đánh số' }).click();
      await page.getByText('Đã lưu cách đánh số.').waitFor();
      expect((await ok(core, 'certificates.settings', {})).serialPattern).toBe('{seq:4}/{year}/GCN-TT');
      const keyId = (await ok(core, 'certificates.settings', {})).keyId;
      await page.getByText(keyId, { exact: true }).waitFor();
      await screenshot(page, '65-certificate-settings');

      // Another centre's key file: its certificates verify here once the key is imported.
      const other = generateCentreKeys();
      const keyFile = path.join(data.dir, 'khoa-cong-khai-krong-pac.pem');
      fs.writeFileSync(keyFile, publicKeyFileText(other.publicKeyPem, 'Trung tâm Chính trị huyện Krông Pắc'));
      const otherCode = signCertificate(
        {
          n: '17/2025/GCN',
          r: '2025.0017',
          name: "H'Hen Niê",
          birth: '1998-02-03',
          program: 'Bồi dưỡng kết nạp Đảng',
          issued: '2025-11-04',
        },
        other,
      );
      await page.locator('input[type="file"][aria-label="Tệp khóa công khai"]').setInputFiles(keyFile);
      const addKey = page.getByRole('dialog', { name: 'Nhập khóa công khai' });
      expect(await addKey.getByRole('textbox', { name: 'Đơn vị cấp' }).inputValue()).toBe('Trung tâm Chính trị huyện Krông Pắc');
      await addKey.getByRole('button', { name: 'Nhập khóa' }).click();
      await page.getByRole('table', { name: 'Khóa công khai đã nhập' }).getByText('Trung tâm Chính trị huyện Krông Pắc').waitFor();
      // The same file twice is refused at the file, with who it belongs to.
      await page.locator('input[type="file"][aria-label="Tệp khóa công khai"]').setInputFiles(keyFile);
      await addKey.getByRole('button', { name: 'Nhập khóa' }).click();
      await addKey.getByText('Khóa này đã được nhập (của Trung tâm Chính trị huyện Krông Pắc).').first().waitFor();
      await screenshot(page, '65a-certificate-trusted-key-duplicate');
      await addKey.getByRole('button', { name: 'Hủy' }).click();
      await page.getByRole('tab', { name: 'Tra cứu giấy chứng nhận' }).click();
      await page.getByRole('textbox', { name: 'Nội dung mã QR (dán từ máy quét)' }).fill(otherCode);
      await page.getByRole('button', { name: 'Kiểm tra nội dung đã dán' }).click();
      await page.getByText('Chữ ký hợp lệ — giấy của Trung tâm Chính trị huyện Krông Pắc').waitFor();
      await page.getByText("H'Hen Niê").waitFor();
      await screenshot(page, '65b-certificate-verify-other-centre');

      expect(problems).toEqual([]);
      await page.close();
    } finally {
      await host.close();
      data.remove();
    }
  });
});
