import { describe, expect } from 'vitest';
import { openFromNav, titleStartsWith } from './pages/app';
import { journey } from './pages/journey';
import { shot } from './pages/shots';

const TOPICS = ['Lịch sử Đảng bộ xã 1930–1975', 'Lịch sử Đảng bộ xã 1975–2025', 'Truyền thống cách mạng quê hương'];

describe('foundation: centre profile and program catalogue, as a clerk uses them', () => {
  const j = journey({ viewport: { width: 1366, height: 860 }, locale: 'vi-VN' });

  j.step('first start: the profile page greets the clerk', async () => {
    await j.page.getByText('Chào mừng! Đây là lần đầu sử dụng phần mềm.').waitFor();
    expect(j.page.url()).toMatch(/#\/centre$/);
    await shot(j.page, '01-centre-first-start');
  });

  j.step('saving an empty profile shows messages at the fields and saves nothing', async () => {
    const { page } = j;
    await page.getByRole('button', { name: 'Lưu hồ sơ' }).click();
    await page.getByText('Thông tin chưa hợp lệ, hãy xem các ô được đánh dấu đỏ.').waitFor();
    expect(await page.locator('input[name="name"]').getAttribute('aria-invalid')).toBe('true');
    expect(await page.getByText('Không được để trống').count()).toBeGreaterThanOrEqual(3);
    await shot(page, '02-centre-errors');
  });

  j.step('fills in the profile: the title and the document heading follow', async () => {
    const { page } = j;
    await page.locator('input[name="name"]').fill('Trung tâm Chính trị xã Đắk Hà');
    await page.locator('input[name="superior"]').fill('Đảng ủy xã Đắk Hà');
    await page.locator('input[name="placeName"]').fill('Đắk Hà');
    await page.locator('input[name="address"]').fill('Thôn 3, xã Đắk Hà, tỉnh Quảng Ngãi');
    await page.locator('input[name="director.name"]').fill('Nguyễn Văn An');
    await page.getByRole('button', { name: 'Thêm phó giám đốc' }).click();
    await page.locator('input[name="deputies.0.name"]').fill('Trần Thị Bình');
    const communes = page.locator('input[name="areaCommunes"]');
    for (const c of ['Xã Đắk Hà', 'Xã Đắk Mar', 'Xã Ngọk Réo']) {
      await communes.fill(c);
      await communes.press('Enter');
    }
    await page.getByRole('button', { name: 'Lưu hồ sơ' }).click();
    await page.getByText(/Đã lưu hồ sơ trung tâm/).waitFor();
    await titleStartsWith(page, 'Trung tâm Chính trị xã Đắk Hà');
    await expect(page.getByLabel('Mẫu tiêu đề văn bản').innerText()).resolves.toContain('ĐẢNG ỦY XÃ ĐẮK HÀ');
    await shot(page, '03-centre-saved');
  });

  j.step('the seeded program catalogue', async () => {
    await openFromNav(j.page, 'Chương trình đào tạo');
    await j.page.getByRole('gridcell', { name: 'Sơ cấp lý luận chính trị' }).waitFor();
    expect(await j.page.getByRole('row').count()).toBe(8);
    await shot(j.page, '04-programs');
  });

  j.step('a new program with three topics: out-of-range numbers are caught at their fields', async () => {
    const { page } = j;
    await page.getByRole('button', { name: 'Thêm chương trình' }).click();
    await page.locator('input[name="code"]').fill('lsdb');
    await page.locator('input[name="name"]').fill('Bồi dưỡng lịch sử Đảng bộ xã');
    await page.locator('input[name="maxAbsencePct"]').fill('150');
    for (const [i, title] of TOPICS.entries()) {
      await page.getByRole('button', { name: 'Thêm chuyên đề' }).click();
      await page.locator(`textarea[name="topics.${i}.title"]`).fill(title);
    }
    await page.locator('input[name="topics.1.sessions"]').fill('0');
    await page.getByRole('button', { name: 'Thêm nội dung đánh giá' }).click();
    await page.getByRole('button', { name: 'Đạt / Không đạt' }).click();
    await page.getByRole('button', { name: 'Lưu chương trình' }).click();
    await page.getByText('Tỉ lệ vắng tối đa phải từ 0 đến 100%').waitFor();
    await page.getByText('Số buổi phải là số nguyên từ 1 đến 60').waitFor();
    await shot(page, '05-program-errors');
  });

  j.step('corrected, the third topic moved first, the program saves', async () => {
    const { page } = j;
    await page.locator('input[name="maxAbsencePct"]').fill('20');
    await page.locator('input[name="topics.1.sessions"]').fill('2');
    await page.getByRole('button', { name: 'Chuyển chuyên đề 3 lên' }).click();
    await page.getByRole('button', { name: 'Chuyển chuyên đề 2 lên' }).click();
    await page.getByRole('button', { name: 'Lưu chương trình' }).click();
    // Screens load on demand, so the move to the saved program's address completes a moment later.
    await page.waitForURL(/#\/programs\/\d+$/);
    await page.getByText(/^Đã lưu lúc/).waitFor();
    await page.getByText('Tổng: 4 buổi (khoảng 2 ngày)').waitFor();
    await shot(page, '06-program-saved');
  });

  j.step('the data page shows the daily backups', async () => {
    await openFromNav(j.page, 'Dữ liệu và sao lưu');
    await j.page.getByText('Tự động hằng ngày').waitFor();
    await shot(j.page, '07-data-backups');
  });

  j.step('restarted on the same data folder, the program and the profile are still there', async () => {
    await j.restart();
    const { page } = j;
    await openFromNav(page, 'Chương trình đào tạo');
    await page.getByRole('gridcell', { name: 'Bồi dưỡng lịch sử Đảng bộ xã' }).click();
    await page.locator('input[name="code"]').waitFor();
    expect(await page.locator('input[name="code"]').inputValue()).toBe('LSDB');
    const titles = await page
      .locator('textarea[name^="topics."][name$=".title"]:not([aria-hidden])')
      .evaluateAll((els) => els.map((e) => (e as HTMLTextAreaElement).value));
    expect(titles).toEqual([TOPICS[2], TOPICS[0], TOPICS[1]]);
    await openFromNav(page, 'Hồ sơ trung tâm');
    expect(await page.locator('input[name="deputies.0.name"]').inputValue()).toBe('Trần Thị Bình');
    await page.getByRole('button', { name: 'Xã Ngọk Réo' }).waitFor();
  });
});
