import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { dataFolder, browserForFile, screenshot, startApp, watchConsole } from './fixtures';

const browser = browserForFile();

describe('recovery from a damaged database', () => {
  it('shows what is wrong, restores the newest backup from the screen, and keeps the bad file', async () => {
    const data = dataFolder();
    // A working database with a profile and a backup of it…
    let host = await startApp(data.dir);
    await host.core.db
      .prepare(
        `INSERT INTO centre_profiles (valid_from, name, superior, doc_code, place_name, address, phone, director_json,
           deputies_json, area_communes_json, area_party_orgs_json, created_at, updated_at)
         VALUES ('2025-07-01', 'Trung tâm Chính trị phường Kon Tum', 'Đảng ủy phường Kon Tum', 'TTCT', 'Kon Tum', '', '',
           '{"name":"Lê Văn Hải","title":"Giám đốc"}', '[]', '[]', '[]', '2025-07-01T00:00:00Z', '2025-07-01T00:00:00Z')`,
      )
      .run();
    await host.core.backup('manual');
    await host.close();
    // …then overwritten by something else (a spreadsheet saved over it by mistake).
    const file = path.join(data.dir, 'ttct.sqlite');
    fs.writeFileSync(file, 'PK\u0003\u0004 not a database');
    fs.rmSync(`${file}-wal`, { force: true });
    fs.rmSync(`${file}-shm`, { force: true });

    host = await startApp(data.dir);
    try {
      const page = await browser().newPage({ viewport: { width: 1366, height: 860 } });
      const problems = watchConsole(page);
      await page.goto(host.url);
      await page.getByText('Tệp dữ liệu không đúng định dạng').waitFor();
      await screenshot(page, '08-recovery');
      // A copy from a USB stick is offered too, by typing its path in the browser host.
      await page.getByRole('region', { name: 'Khôi phục từ tệp' }).getByLabel('Đường dẫn tệp sao lưu').waitFor();
      await page.getByRole('button', { name: 'Khôi phục bản sao lưu gần nhất' }).click();
      await page.getByText('Khôi phục dữ liệu từ bản sao lưu?').waitFor();
      await page.getByRole('button', { name: 'Khôi phục', exact: true }).click();
      await page.getByRole('heading', { name: 'Lớp học' }).waitFor();
      await page.waitForFunction(() => document.title.startsWith('Trung tâm Chính trị phường Kon Tum'));
      await screenshot(page, '09-after-restore');
      expect(fs.readdirSync(data.dir).filter((f) => f.startsWith('ttct.sqlite.hong-'))).toHaveLength(1);
      expect(problems).toEqual([]);
      await page.close();
    } finally {
      await host.close();
      data.remove();
    }
  });
});
