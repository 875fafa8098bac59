import fs from 'node:fs';
import path from 'node:path';
import { describe, expect } from 'vitest';
import { startApp } from './fixtures';
import { titleStartsWith } from './pages/app';
import { journey } from './pages/journey';
import { shot } from './pages/shots';

describe('recovery from a damaged database', () => {
  const j = journey({
    viewport: { width: 1366, height: 860 },
    before: async (dir) => {
      // A working database with a profile and a backup of it…
      const host = await startApp(dir);
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
      const file = path.join(dir, 'ttct.sqlite');
      fs.writeFileSync(file, 'PK\u0003\u0004 not a database');
      fs.rmSync(`${file}-wal`, { force: true });
      fs.rmSync(`${file}-shm`, { force: true });
    },
  });

  j.step('shows what is wrong, and offers a copy from a USB stick too', async () => {
    const { page } = j;
    await page.getByText('Tệp dữ liệu không đúng định dạng').waitFor();
    await shot(page, '08-recovery');
    // A copy from a USB stick is offered too, by typing its path in the browser host.
    await page.getByRole('region', { name: 'Khôi phục từ tệp' }).getByLabel('Đường dẫn tệp sao lưu').waitFor();
  });

  j.step('restores the newest backup from the screen and keeps the bad file', async () => {
    const { page } = j;
    await page.getByRole('button', { name: 'Khôi phục bản sao lưu gần nhất' }).click();
    await page.getByText('Khôi phục dữ liệu từ bản sao lưu?').waitFor();
    await page.getByRole('button', { name: 'Khôi phục', exact: true }).click();
    await page.getByRole('heading', { name: 'Lớp học' }).waitFor();
    await titleStartsWith(page, 'Trung tâm Chính trị phường Kon Tum');
    await shot(page, '09-after-restore');
    expect(fs.readdirSync(j.dir).filter((f) => f.startsWith('ttct.sqlite.hong-'))).toHaveLength(1);
  });
});
