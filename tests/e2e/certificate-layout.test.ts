import fs from 'node:fs';
import path from 'node:path';
import { describe, expect } from 'vitest';
import { ok, saveCentreProfile } from './fixtures';
import { preview } from './pages/class-page';
import { saveDownload, pdfText } from './pages/files';
import { journey } from './pages/journey';
import { kndProgram } from './pages/seed';
import { shot } from './pages/shots';

describe('certificate layout editor — as a clerk', () => {
  const j = journey({
    viewport: { width: 1500, height: 1000 },
    seed: async (core) => {
      await saveCentreProfile(core);
      return kndProgram(core);
    },
    open: (knd) => `#/certificates?tab=layout&program=${knd.id}`,
  });
  const xField = () => j.page.getByRole('textbox', { name: 'Ngang x (mm)' });
  const yField = () => j.page.getByRole('textbox', { name: 'Dọc y (mm)' });
  let qr = { x: 0, y: 0 };

  j.step('opens the default layout of a program that has none of its own', async () => {
    await j.page.getByText('Chương trình này chưa có mẫu riêng: đang hiện mẫu mặc định.').waitFor();
    await preview(j.page).getByText('Nguyễn Thị Minh Hằng').waitFor();
  });

  j.step('moves the name by keyboard: four steps of 0,5 mm to the right, one of 5 mm down', async () => {
    const { page } = j;
    await page.getByRole('button', { name: /^Họ và tên: ngang 15 mm, dọc 39 mm$/ }).focus();
    for (let i = 0; i < 4; i++) await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Shift+ArrowDown');
    await page.getByRole('button', { name: 'Họ và tên: ngang 17 mm, dọc 44 mm' }).waitFor();
    expect(await xField().inputValue()).toBe('17');
  });

  j.step('drags the QR right and up with the mouse; the position fields follow', async () => {
    const { page } = j;
    const box = (await page.getByRole('button', { name: /^Mã QR:/ }).boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width / 2 + 40, box.y + box.height / 2 - 20, { steps: 5 });
    await page.mouse.up();
    qr = { x: Number((await xField().inputValue()).replace(',', '.')), y: Number((await yField().inputValue()).replace(',', '.')) };
    expect(qr.x).toBeGreaterThan(14);
    expect(qr.y).toBeLessThan(91);
  });

  j.step('refuses a width that runs off the page at the field, and the layout cannot be saved', async () => {
    const { page } = j;
    await page.getByRole('combobox', { name: 'Trường đang chọn' }).click();
    await page.getByRole('option', { name: 'Họ và tên', exact: true }).click();
    const width = page.getByRole('textbox', { name: 'Rộng (mm)' });
    await width.fill('250');
    await page.getByText('«Họ và tên» vượt quá mép phải trang (rộng 210 mm)').first().waitFor();
    expect(await width.getAttribute('aria-invalid')).toBe('true');
    expect(await page.getByRole('button', { name: 'Lưu mẫu giấy' }).isDisabled()).toBe(true);
    await shot(page, '66-certificate-layout-error');
    await width.fill('170,5');
    await page.getByRole('textbox', { name: 'Cỡ chữ (pt)' }).fill('16');
    await page.getByRole('button', { name: 'Chữ nghiêng' }).click();
  });

  j.step('refuses a text file named .png as the background image', async () => {
    const fake = path.join(j.dir, 'logo.png');
    fs.writeFileSync(fake, '<svg xmlns="http://www.w3.org/2000/svg"></svg>');
    await j.page.locator('input[type="file"][aria-label="Ảnh nền mẫu giấy"]').setInputFiles(fake);
    await j.page.getByText('logo.png: Tệp ảnh không hợp lệ (chỉ nhận PNG hoặc JPEG)').waitFor();
  });

  j.step('saves the layout for pre-printed paper, for this program', async () => {
    const { page } = j;
    await page.getByRole('combobox', { name: 'Cách in' }).click();
    await page.getByRole('option', { name: 'Chỉ in nội dung lên phôi in sẵn' }).click();
    await preview(page).getByText('GIẤY CHỨNG NHẬN').waitFor({ state: 'detached' });
    await page.getByRole('button', { name: 'Lưu mẫu giấy' }).click();
    await page.getByText('Đã lưu mẫu giấy. Giấy in từ nay theo mẫu này.').waitFor();
    const saved = await ok(j.core, 'certificates.layout', { programId: j.seeded.id });
    expect(saved.isDefault).toBe(false);
    expect(saved.layout.mode).toBe('preprinted');
    expect(saved.layout.fields.find((f) => f.key === 'fullName')).toMatchObject({ x: 17, y: 44, width: 170.5, fontSize: 16, italic: true });
    expect(saved.layout.fields.find((f) => f.key === 'qr')).toMatchObject(qr);
    await shot(page, '67-certificate-layout-saved');
  });

  j.step('shows the calibration page of this layout and saves it as a PDF', async () => {
    const { page } = j;
    await page.getByRole('button', { name: 'Trang cân chỉnh', exact: true }).click();
    await preview(page).getByText('TRANG CÂN CHỈNH MÁY IN').waitFor();
    await shot(page, '68-certificate-layout-calibration');
    const pdf = await saveDownload(
      page,
      () => page.getByRole('button', { name: 'Lưu trang cân chỉnh (PDF)' }).click(),
      path.join(j.dir, 'can-chinh.pdf'),
    );
    expect(pdfText(pdf)).toContain('TRANG CÂN CHỈNH MÁY IN');
  });

  j.step('a new paper puts the fields back where its design has them; leaving unsaved asks first', async () => {
    const { page } = j;
    await page.getByRole('combobox', { name: 'Hướng giấy' }).click();
    await page.getByRole('option', { name: 'Khổ dọc' }).click();
    await page.getByText('Đã đổi khổ giấy: các trường được đặt lại theo vị trí mặc định của khổ mới.').waitFor();
    await page.getByRole('button', { name: 'Giấy mẫu' }).click();
    await shot(page, '69-certificate-layout-portrait');
    await page.getByRole('tab', { name: 'Sổ cấp giấy chứng nhận' }).click();
    await page.getByRole('dialog', { name: 'Mẫu giấy chưa lưu' }).getByRole('button', { name: 'Hủy' }).click();
    expect(await page.getByRole('combobox', { name: 'Hướng giấy' }).textContent()).toContain('Khổ dọc');
    expect((await ok(j.core, 'certificates.layout', { programId: j.seeded.id })).layout.orientation).toBe('landscape');
  });
});
