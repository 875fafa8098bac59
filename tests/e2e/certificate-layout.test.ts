import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { browserForFile, dataFolder, ok, saveCentreProfile, screenshot, startApp, watchConsole } from './fixtures';

const browser = browserForFile();

describe('certificate layout editor — as a clerk', () => {
  it('moves fields by keyboard, mouse and typed millimetres, refuses a field off the page or a fake image, saves per program and prints the calibration page', async () => {
    const data = dataFolder();
    const host = await startApp(data.dir);
    try {
      const core = host.core;
      await saveCentreProfile(core);
      const knd = (await ok(core, 'programs.list', { includeArchived: false })).find((p) => p.code === 'KND')!;
      const page = await browser().newPage({ viewport: { width: 1500, height: 1000 } });
      const problems = watchConsole(page);
      await page.goto(`${host.url}#/certificates?tab=layout&program=${knd.id}`);
      await page.getByText('Chương trình này chưa có mẫu riêng: đang hiện mẫu mặc định.').waitFor();
      const frame = page.frameLocator('iframe[title^="Xem trước"]');
      await frame.getByText('Nguyễn Thị Minh Hằng').waitFor();

      // Keyboard: four steps of 0,5 mm to the right, one of 5 mm down.
      const name = page.getByRole('button', { name: /^Họ và tên: ngang 15 mm, dọc 39 mm$/ });
      await name.focus();
      for (let i = 0; i < 4; i++) await page.keyboard.press('ArrowRight');
      await page.keyboard.press('Shift+ArrowDown');
      await page.getByRole('button', { name: 'Họ và tên: ngang 17 mm, dọc 44 mm' }).waitFor();
      expect(await page.getByRole('textbox', { name: 'Ngang x (mm)' }).inputValue()).toBe('17');

      // Mouse: the QR dragged right and up; the position fields follow.
      const qr = page.getByRole('button', { name: /^Mã QR:/ });
      const box = (await qr.boundingBox())!;
      await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
      await page.mouse.down();
      await page.mouse.move(box.x + box.width / 2 + 40, box.y + box.height / 2 - 20, { steps: 5 });
      await page.mouse.up();
      const qrX = Number((await page.getByRole('textbox', { name: 'Ngang x (mm)' }).inputValue()).replace(',', '.'));
      const qrY = Number((await page.getByRole('textbox', { name: 'Dọc y (mm)' }).inputValue()).replace(',', '.'));
      expect(qrX).toBeGreaterThan(14);
      expect(qrY).toBeLessThan(91);

      // Typed: a width that runs off the page is refused at the field and the layout cannot be saved.
      await page.getByRole('combobox', { name: 'Trường đang chọn' }).click();
      await page.getByRole('option', { name: 'Họ và tên', exact: true }).click();
      const width = page.getByRole('textbox', { name: 'Rộng (mm)' });
      await width.fill('250');
      await page.getByText('«Họ và tên» vượt quá mép phải trang (rộng 210 mm)').first().waitFor();
      expect(await width.getAttribute('aria-invalid')).toBe('true');
      expect(await page.getByRole('button', { name: 'Lưu mẫu giấy' }).isDisabled()).toBe(true);
      await screenshot(page, '66-certificate-layout-error');
      await width.fill('170,5');
      await page.getByRole('textbox', { name: 'Cỡ chữ (pt)' }).fill('16');
      await page.getByRole('button', { name: 'Chữ nghiêng' }).click();

      // A text file named .png is not an image.
      const fake = path.join(data.dir, 'logo.png');
      fs.writeFileSync(fake, '<svg xmlns="http://www.w3.org/2000/svg"></svg>');
      await page.locator('input[type="file"][aria-label="Ảnh nền mẫu giấy"]').setInputFiles(fake);
      await page.getByText('logo.png: Tệp ảnh không hợp lệ (chỉ nhận PNG hoặc JPEG)').waitFor();

      await page.getByRole('combobox', { name: 'Cách in' }).click();
      await page.getByRole('option', { name: 'Chỉ in nội dung lên phôi in sẵn' }).click();
      await frame.getByText('GIẤY CHỨNG NHẬN').waitFor({ state: 'detached' });
      await page.getByRole('button', { name: 'Lưu mẫu giấy' }).click();
      await page.getByText('Đã lưu mẫu giấy. Giấy in từ nay theo mẫu này.').waitFor();
      const saved = await ok(core, 'certificates.layout', { programId: knd.id });
      expect(saved.isDefault).toBe(false);
      expect(saved.layout.mode).toBe('preprinted');
      expect(saved.layout.fields.find((f) => f.key === 'fullName')).toMatchObject({
        x: 17,
        y: 44,
        width: 170.5,
        fontSize: 16,
        italic: true,
      });
      expect(saved.layout.fields.find((f) => f.key === 'qr')).toMatchObject({ x: qrX, y: qrY });
      await screenshot(page, '67-certificate-layout-saved');

      // The calibration page of this layout, on screen and as a PDF.
      await page.getByRole('button', { name: 'Trang cân chỉnh', exact: true }).click();
      await frame.getByText('TRANG CÂN CHỈNH MÁY IN').waitFor();
      await screenshot(page, '68-certificate-layout-calibration');
      const download = page.waitForEvent('download');
      await page.getByRole('button', { name: 'Lưu trang cân chỉnh (PDF)' }).click();
      const pdf = path.join(data.dir, 'can-chinh.pdf');
      await (await download).saveAs(pdf);
      expect(execFileSync('pdftotext', ['-raw', pdf, '-'], { encoding: 'utf8' })).toContain('TRANG CÂN CHỈNH MÁY IN');

      // A new paper puts the fields back where that paper's design has them; leaving unsaved asks first.
      await page.getByRole('combobox', { name: 'Hướng giấy' }).click();
      await page.getByRole('option', { name: 'Khổ dọc' }).click();
      await page.getByText('Đã đổi khổ giấy: các trường được đặt lại theo vị trí mặc định của khổ mới.').waitFor();
      await page.getByRole('button', { name: 'Giấy mẫu' }).click();
      await screenshot(page, '69-certificate-layout-portrait');
      await page.getByRole('tab', { name: 'Sổ cấp giấy chứng nhận' }).click();
      const confirm = page.getByRole('dialog', { name: 'Mẫu giấy chưa lưu' });
      await confirm.getByRole('button', { name: 'Hủy' }).click();
      expect(await page.getByRole('combobox', { name: 'Hướng giấy' }).textContent()).toContain('Khổ dọc');
      expect((await ok(core, 'certificates.layout', { programId: knd.id })).layout.orientation).toBe('landscape');

      expect(problems).toEqual([]);
      await page.close();
    } finally {
      await host.close();
      data.remove();
    }
  });
});
