import { describe, expect } from 'vitest';
import { ok, seriousAccessibilityProblems, typeDate } from './fixtures';
import { LEARNERS, recognisedClass } from './certificate-fixtures';
import { eventually } from './pages/app';
import { downloadOf, pdfText, saveFromButton } from './pages/files';
import { journey } from './pages/journey';
import { shot, shotPdf } from './pages/shots';

describe('certificates — as a clerk', () => {
  // The office PC's screen: the print controls must be reachable without scrolling past the list.
  const j = journey({ seed: recognisedClass, open: (cls) => `#/classes/${cls.id}?tab=giay-chung-nhan` });
  const table = () => j.page.getByRole('table', { name: 'Giấy chứng nhận' });
  const issued = () => ok(j.core, 'certificates.ofClass', { classId: j.seeded.id });

  j.step('lists the five recognised learners, not yet issued; the one who failed is not there', async () => {
    await table()
      .getByRole('row', { name: /Trần Văn An .*Chưa cấp/ })
      .waitFor();
    expect(await table().getByText('Chưa cấp', { exact: true }).count()).toBe(5);
    expect(await table().getByText('Phan Thị Diệu').count()).toBe(0);
  });

  j.step('issues numbered certificates dated by hand and signed by a deputy', async () => {
    const { page } = j;
    await page.getByRole('button', { name: 'Cấp giấy chứng nhận' }).click();
    const dialog = page.getByRole('dialog', { name: 'Cấp giấy chứng nhận' });
    await dialog.getByText('Số tiếp theo: 1/2026/GCN').waitFor();
    // Offered first: the date of the results decision, not today.
    expect(await dialog.locator('input[name="issueDate"]').inputValue()).toBe('10/03/2026');
    await typeDate(page, 'Ngày cấp', '12/03/2026');
    await dialog.getByRole('combobox', { name: 'Người ký' }).click();
    await page.getByRole('option', { name: /Y Moan Niê/ }).click();
    await shot(page, '59-certificates-issue-dialog');
    await dialog.getByRole('button', { name: 'Cấp 5 giấy' }).click();
    await page.getByText('Đã cấp 5 giấy chứng nhận.').waitFor();
    await table()
      .getByRole('row', { name: /Trần Văn An .*1\/2026\/GCN/ })
      .waitFor();
    await page.getByText('Đã cấp giấy chứng nhận', { exact: true }).waitFor();
    await shot(page, '60-certificates-issued');
    expect((await issued()).map((c) => c.serial)).toEqual(['1/2026/GCN', '2/2026/GCN', '3/2026/GCN', '4/2026/GCN', '5/2026/GCN']);
    expect((await issued())[0]!.printed.signer.name).toBe('Y Moan Niê');
  });

  j.step('scrolled to the bottom of a long list, the bar with «Xem trước» and «Lưu PDF» stays on screen', async () => {
    const { page } = j;
    // A short window stands in for a long class; the bar stays below the app's own bar.
    await page.setViewportSize({ width: 1366, height: 480 });
    await table().getByRole('row').last().scrollIntoViewIfNeeded();
    await page.mouse.wheel(0, 2000);
    await eventually(() => page.evaluate(() => window.scrollY)).toBeGreaterThan(100);
    for (const name of ['Xem trước', 'Lưu PDF']) {
      const box = await page.getByRole('toolbar', { name: 'Cấp và in giấy chứng nhận' }).getByRole('button', { name }).boundingBox();
      expect(box && box.y >= 48 && box.y + box.height <= 480, name).toBe(true);
    }
    await shot(page, '60b-certificates-scrolled-bar', { viewport: true });
    await page.setViewportSize({ width: 1366, height: 768 });
  });

  j.step('previews the certificates', async () => {
    const { page } = j;
    await page.getByRole('button', { name: 'Xem trước' }).click();
    const preview = page.getByRole('dialog', { name: 'Xem trước giấy chứng nhận' });
    await preview.frameLocator('iframe[title^="Xem trước"]').getByText('Trần Văn An').first().waitFor();
    await shot(page, '60c-certificates-preview');
    await preview.getByRole('button', { name: 'Đóng xem trước' }).click();
  });

  j.step('saves the PDF of the five, with numbers and lookup codes; saving is not printing', async () => {
    const { page } = j;
    const pdf = await saveFromButton(page, 'Lưu PDF', j.dir, 'giay-chung-nhan.pdf');
    const text = pdfText(pdf);
    for (const [name] of LEARNERS.filter((l) => l[2] >= 50)) expect(text).toContain(name);
    expect(text).not.toContain('Phan Thị Diệu');
    expect(text).toContain('Số: 1/2026/GCN');
    expect(text).toMatch(/Mã tra cứu: [0-9A-Z]{4}-[0-9A-Z]{4}/);
    shotPdf(pdf, '61-certificate-pdf', { pages: [1, 1] });
    const progress = page.getByRole('dialog', { name: 'Lưu giấy chứng nhận ra PDF' });
    await progress.getByText('Đã lưu 5 giấy vào một tệp PDF (lưu PDF không tính là đã in).').waitFor();
    await progress.getByText('Đã xử lý: 5/5 giấy').waitFor();
    await shot(page, '61a-certificate-batch-done');
    await progress.getByRole('button', { name: 'Đóng' }).click();
    // Saving a PDF is not printing: the count stays at 0.
    expect((await issued()).map((c) => c.printCount)).toEqual([0, 0, 0, 0, 0]);
    expect(
      (await table()
        .getByRole('row', { name: /Trần Văn An/ })
        .first()
        .textContent()) ?? '',
    ).toMatch(/Còn hiệu lực0Cấp lại/);
  });

  j.step('reissues Lê Văn Bảo’s certificate, asking for the reason', async () => {
    const { page } = j;
    await page.getByRole('button', { name: 'Cấp lại: Lê Văn Bảo' }).click();
    const again = page.getByRole('dialog', { name: 'Cấp lại giấy số 2/2026/GCN' });
    await again.getByRole('button', { name: 'Cấp lại' }).click();
    await again.getByText('Chưa ghi lý do').waitFor();
    await again.getByLabel('Lý do cấp lại').fill('Sai ngày sinh trên giấy');
    await typeDate(page, 'Ngày cấp', '20/03/2026');
    await shot(page, '62a-certificate-reissue-dialog');
    await again.getByRole('button', { name: 'Cấp lại' }).click();
    await page.getByText('Đã cấp lại giấy số 2/2026/GCN bằng giấy số 6/2026/GCN.').waitFor();
    await table()
      .getByRole('row', { name: /^2 Lê Văn Bảo .*6\/2026\/GCN/ })
      .waitFor();
    await table().getByText('Đã cấp lại: Sai ngày sinh trên giấy; thay bằng số 6/2026/GCN').waitFor();
    await shot(page, '62-certificate-reissued');
  });

  j.step('prints the year’s register and the class’s receipt list (Word)', async () => {
    const { page } = j;
    const register = pdfText(await saveFromButton(page, 'Sổ cấp năm 2026', j.dir, 'so-cap.pdf'));
    expect(register).toContain('2/2026/GCN');
    expect(register).toContain('6/2026/GCN');
    // The class's receipt list also goes out as Word, for the clerk who adds a line by hand.
    const receipt = await downloadOf(page, () => page.getByRole('button', { name: 'Danh sách nhận giấy (Word)' }).click());
    expect(receipt.suggestedFilename()).toMatch(/\.docx$/);
  });

  j.step('checks a certificate by the number and short code printed on the paper, typed by hand', async () => {
    const { page } = j;
    const an = (await issued())[0]!;
    await page.goto(`${j.host.url}#/certificates?tab=verify`);
    await page.getByRole('textbox', { name: 'Số giấy' }).fill('1/2026/GCN');
    await page.getByRole('textbox', { name: 'Mã tra cứu (nếu có)' }).fill(an.checkCode!.toLowerCase());
    await page.getByRole('button', { name: 'Tra cứu', exact: true }).click();
    await page.getByText('Có trong sổ, mã tra cứu khớp').waitFor();
    await page
      .getByRole('table', { name: 'Sổ cấp giấy chứng nhận ghi' })
      .getByRole('row', { name: /Họ và tên Trần Văn An/ })
      .waitFor();
    expect(await seriousAccessibilityProblems(page)).toEqual([]);
    await shot(page, '64b-certificate-verify-by-number');
    await page.getByRole('textbox', { name: 'Số giấy' }).fill('2/2026/GCN');
    await page.getByRole('button', { name: 'Tra cứu', exact: true }).click();
    await page.getByText('Mã tra cứu không khớp', { exact: true }).waitFor();
    await page.getByRole('textbox', { name: 'Mã tra cứu (nếu có)' }).fill('');
    await page.getByRole('button', { name: 'Tra cứu', exact: true }).click();
    await page.getByText('Có trong sổ nhưng đã cấp lại').waitFor();
    await page.getByRole('textbox', { name: 'Số giấy' }).fill('99/2026/GCN');
    await page.getByRole('textbox', { name: 'Số giấy' }).press('Enter');
    await page.getByText('Không có giấy chứng nhận số 99/2026/GCN trong sổ của trung tâm.').waitFor();
    await shot(page, '64c-certificate-verify-not-found');
  });

  j.step('continues the paper register: the next number is set in the settings tab, by keyboard', async () => {
    const { page } = j;
    await page.goto(`${j.host.url}#/certificates?tab=settings`);
    await page.getByRole('textbox', { name: 'Năm', exact: true }).focus();
    await page.keyboard.press('Control+A');
    await page.keyboard.type('2026');
    const nextSeq = page.getByRole('textbox', { name: 'Số giấy tiếp theo' });
    await page.getByText('Năm 2026 đã cấp đến số 6/2026/GCN trong phần mềm.').waitFor();
    expect(await nextSeq.inputValue()).toBe('7');
    await nextSeq.focus();
    await page.keyboard.press('Control+A');
    await page.keyboard.type('3');
    await page.keyboard.press('Enter');
    await page.getByText('Năm 2026 đã cấp đến số 6/2026/GCN; số tiếp theo phải từ 7 trở lên').waitFor();
    await page.keyboard.press('Control+A');
    await page.keyboard.type('125');
    await page.getByText('Giấy tiếp theo sẽ mang số 125/2026/GCN, vào sổ số 2026.0125.').waitFor();
    await page.keyboard.press('Enter');
    await page.getByText('Đã lưu. Giấy tiếp theo của năm 2026 sẽ mang số 125/2026/GCN.').waitFor();
    expect((await ok(j.core, 'certificates.nextNumber', { year: 2026 })).nextSerial).toBe('125/2026/GCN');
    expect(await seriousAccessibilityProblems(page)).toEqual([]);
    await shot(page, '64d-certificate-next-number', {
      viewport: true,
      // Centred: the status bar at the bottom of the window would cover it otherwise.
      prepare: () => page.getByText('Đã lưu. Giấy tiếp theo của năm 2026').evaluate((el) => el.scrollIntoView({ block: 'center' })),
    });
  });
});
