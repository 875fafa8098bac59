import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { Host } from '../../electron/browser-host/server';
import { dataFolder, browserForFile, screenshot, startApp, watchConsole } from './fixtures';

const browser = browserForFile();

async function open(host: Host): Promise<{ page: Page; problems: string[] }> {
  const page = await browser().newPage({ viewport: { width: 1366, height: 860 }, locale: 'vi-VN' });
  const problems = watchConsole(page);
  await page.goto(host.url);
  return { page, problems };
}

describe('foundation: centre profile and program catalogue, as a clerk uses them', () => {
  it('fills in the profile, adds a program with three topics, restarts and finds everything', async () => {
    const data = dataFolder();
    let host = await startApp(data.dir);
    try {
      let { page, problems } = await open(host);

      // First start: the profile page greets the clerk.
      await page.getByText('Chào mừng! Đây là lần đầu sử dụng phần mềm.').waitFor();
      expect(page.url()).toMatch(/#\/centre$/);
      await screenshot(page, '01-centre-first-start');

      // Saving an empty form shows messages at the fields and saves nothing.
      await page.getByRole('button', { name: 'Lưu hồ sơ' }).click();
      await page.getByText('Thông tin chưa hợp lệ, hãy xem các ô được đánh dấu đỏ.').waitFor();
      expect(await page.locator('input[name="name"]').getAttribute('aria-invalid')).toBe('true');
      expect(await page.getByText('Không được để trống').count()).toBeGreaterThanOrEqual(3);
      await screenshot(page, '02-centre-errors');

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
      await page.waitForFunction(() => document.title.startsWith('Trung tâm Chính trị xã Đắk Hà'));
      await expect(page.getByLabel('Mẫu tiêu đề văn bản').innerText()).resolves.toContain('ĐẢNG ỦY XÃ ĐẮK HÀ');
      await screenshot(page, '03-centre-saved');

      // The seeded catalogue.
      await page.getByRole('link', { name: 'Chương trình đào tạo' }).click();
      await page.getByRole('gridcell', { name: 'Sơ cấp lý luận chính trị' }).waitFor();
      expect(await page.getByRole('row').count()).toBe(8);
      await screenshot(page, '04-programs');

      // A new program with three topics.
      await page.getByRole('button', { name: 'Thêm chương trình' }).click();
      await page.locator('input[name="code"]').fill('lsdb');
      await page.locator('input[name="name"]').fill('Bồi dưỡng lịch sử Đảng bộ xã');
      await page.locator('input[name="maxAbsencePct"]').fill('150');
      const topics = ['Lịch sử Đảng bộ xã 1930–1975', 'Lịch sử Đảng bộ xã 1975–2025', 'Truyền thống cách mạng quê hương'];
      for (const [i, title] of topics.entries()) {
        await page.getByRole('button', { name: 'Thêm chuyên đề' }).click();
        await page.locator(`textarea[name="topics.${i}.title"]`).fill(title);
      }
      await page.locator('input[name="topics.1.sessions"]').fill('0');
      await page.getByRole('button', { name: 'Thêm nội dung đánh giá' }).click();
      await page.getByRole('button', { name: 'Đạt / Không đạt' }).click();
      await page.getByRole('button', { name: 'Lưu chương trình' }).click();
      await page.getByText('Tỉ lệ vắng tối đa phải từ 0 đến 100%').waitFor();
      await page.getByText('Số buổi phải là số nguyên từ 1 đến 60').waitFor();
      await screenshot(page, '05-program-errors');

      await page.locator('input[name="maxAbsencePct"]').fill('20');
      await page.locator('input[name="topics.1.sessions"]').fill('2');
      // The third topic is taught first.
      await page.getByRole('button', { name: 'Chuyển chuyên đề 3 lên' }).click();
      await page.getByRole('button', { name: 'Chuyển chuyên đề 2 lên' }).click();
      await page.getByRole('button', { name: 'Lưu chương trình' }).click();
      // Screens load on demand, so the move to the saved program's address completes a moment later.
      await page.waitForURL(/#\/programs\/\d+$/);
      await page.getByText(/^Đã lưu lúc/).waitFor();
      await page.getByText('Tổng: 4 buổi (khoảng 2 ngày)').waitFor();
      await screenshot(page, '06-program-saved');

      await page.getByRole('link', { name: 'Dữ liệu và sao lưu' }).click();
      await page.getByText('Tự động hằng ngày').waitFor();
      await screenshot(page, '07-data-backups');
      expect(problems).toEqual([]);
      await page.close();

      // Restart the core with the same data folder: everything is still there.
      await host.close();
      host = await startApp(data.dir);
      ({ page, problems } = await open(host));
      await page.getByRole('link', { name: 'Chương trình đào tạo' }).click();
      await page.getByRole('gridcell', { name: 'Bồi dưỡng lịch sử Đảng bộ xã' }).click();
      await page.locator('input[name="code"]').waitFor();
      expect(await page.locator('input[name="code"]').inputValue()).toBe('LSDB');
      const titles = await page
        .locator('textarea[name^="topics."][name$=".title"]:not([aria-hidden])')
        .evaluateAll((els) => els.map((e) => (e as HTMLTextAreaElement).value));
      expect(titles).toEqual([topics[2], topics[0], topics[1]]);
      await page.getByRole('link', { name: 'Hồ sơ trung tâm' }).click();
      expect(await page.locator('input[name="deputies.0.name"]').inputValue()).toBe('Trần Thị Bình');
      await page.getByRole('button', { name: 'Xã Ngọk Réo' }).waitFor();
      expect(problems).toEqual([]);
      await page.close();
    } finally {
      await host.close();
      data.remove();
    }
  });
});
