import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect } from 'vitest';
import { ONLINE_LIST_ROWS } from '../fixtures/personal-data';
import { ok, saveCentreProfile } from './fixtures';
import { allSaved } from './pages/app';
import { classTab } from './pages/class-page';
import { journey } from './pages/journey';
import { saveKndClass, saveTimetable } from './pages/seed';
import { shot } from './pages/shots';

/** A cell's list of non-members, the way cells send them. */
async function cellList(file: string) {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Danh sách');
  ws.getRow(1).values = ['STT', 'Họ và tên', 'Ngày sinh', 'Giới tính', 'Dân tộc', 'Chi bộ'];
  ONLINE_LIST_ROWS.forEach((row, i) => (ws.getRow(2 + i).values = row));
  await wb.xlsx.writeFile(file);
}

describe('an online class — as a clerk', () => {
  const j = journey({
    viewport: { width: 1366, height: 900 },
    seed: async (core, dir) => {
      await saveCentreProfile(core);
      const cls = await saveKndClass(core, {
        cohortNumber: 2,
        name: 'Lớp bồi dưỡng nhận thức về Đảng khóa II năm 2026 (trực tuyến)',
        startDate: '2026-04-06',
        endDate: '2026-04-10',
        form: 'online',
        capacity: 50,
        sites: [
          { place: 'Điểm cầu trung tâm', contact: '' },
          { place: 'Điểm cầu xã Ngọc Réo', contact: 'Anh Hùng' },
        ],
        openingDecisionNumber: 4,
        openingDecisionDate: '2026-04-01',
      });
      await saveTimetable(core, cls.id, '2026-04-06');
      const file = path.join(dir, 'DS_KonTrang.xlsx');
      await cellList(file);
      return { cls, file };
    },
    open: ({ cls }) => `#/classes/${cls.id}`,
  });

  j.step('imports a cell list straight into the class', async () => {
    const { page } = j;
    const { cls, file } = j.seeded;
    await classTab(page, /^Học viên/);
    await page.getByRole('button', { name: 'Nhập từ Excel' }).click();
    await page.locator('input[type="file"]').setInputFiles(file);
    await page.getByRole('button', { name: 'Kiểm tra danh sách' }).click();
    // Opened from the class, the wizard already targets it.
    await page.getByRole('combobox', { name: 'Ghi danh vào lớp' }).filter({ hasText: cls.name }).waitFor();
    await shot(page, '50-import-into-class');
    await page.getByRole('button', { name: 'Nhập vào sổ' }).click();
    await page.getByText('ghi danh 3 học viên vào', { exact: false }).waitFor();
    await page.getByRole('button', { name: 'Về lớp' }).click();
    await page.getByText('3/50 học viên').waitFor();
    expect((await ok(j.core, 'learners.count', { q: '' })).count).toBe(3);
  });

  j.step('places A Sang and Y Nhi at the commune’s site; Bùi Văn Khoa stays at the centre', async () => {
    const { page } = j;
    const place = async (name: string, site: string) => {
      await page.getByRole('combobox', { name: `Điểm cầu của ${name}` }).click();
      await page.getByRole('option', { name: site, exact: true }).click();
      await page
        .getByRole('combobox', { name: `Điểm cầu của ${name}` })
        .filter({ hasText: site })
        .waitFor();
    };
    await place('Bùi Văn Khoa', 'Điểm cầu trung tâm');
    await place('Y Nhi', 'Điểm cầu xã Ngọc Réo');
    await place('A Sang', 'Điểm cầu xã Ngọc Réo');
    await shot(page, '51-online-sites');
  });

  j.step('the commune’s site takes its roll: «cả buổi có mặt» fills only the learners there', async () => {
    const { page } = j;
    await classTab(page, 'Điểm danh');
    await page.getByRole('combobox', { name: 'Điểm cầu' }).click();
    await page.getByRole('option', { name: /^Điểm cầu xã Ngọc Réo/ }).click();
    await page.getByRole('button', { name: 'Cả buổi có mặt, sáng 06/04' }).click();
    await allSaved(page);
    await shot(page, '52-attendance-per-site');
    const grid = await ok(j.core, 'attendance.grid', { classId: j.seeded.cls.id });
    expect(grid.rows.map((r) => [r.fullName, r.site, r.marks[0]])).toEqual([
      ['Bùi Văn Khoa', 'Điểm cầu trung tâm', null],
      ['Y Nhi', 'Điểm cầu xã Ngọc Réo', 'present'],
      ['A Sang', 'Điểm cầu xã Ngọc Réo', 'present'],
    ]);
  });
});
