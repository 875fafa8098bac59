import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { ONLINE_LIST_ROWS } from '../fixtures/personal-data';
import { browserForFile, dataFolder, ok, saveCentreProfile, screenshot, startApp, watchConsole } from './fixtures';

const browser = browserForFile();

/** A cell's list of non-members, the way cells send them. */
async function cellList(file: string) {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Danh sách');
  ws.getRow(1).values = ['STT', 'Họ và tên', 'Ngày sinh', 'Giới tính', 'Dân tộc', 'Chi bộ'];
  ONLINE_LIST_ROWS.forEach((row, i) => (ws.getRow(2 + i).values = row));
  await wb.xlsx.writeFile(file);
}

describe('an online class — as a clerk', () => {
  it('imports a cell list straight into the class, places learners at sites and takes the roll per site', async () => {
    const data = dataFolder();
    const host = await startApp(data.dir);
    try {
      const core = host.core;
      await saveCentreProfile(core);
      const knd = (await ok(core, 'programs.list', { includeArchived: false })).find((p) => p.code === 'KND')!;
      const cls = await ok(core, 'classes.save', {
        programId: knd.id,
        planLineId: null,
        cohortNumber: 2,
        cohortNumbering: 'per_year',
        name: 'Lớp bồi dưỡng nhận thức về Đảng khóa II năm 2026 (trực tuyến)',
        startDate: '2026-04-06',
        endDate: '2026-04-10',
        venueId: null,
        form: 'online',
        homeroomLecturerId: null,
        capacity: 50,
        sites: [
          { place: 'Điểm cầu trung tâm', contact: '' },
          { place: 'Điểm cầu xã Ngọc Réo', contact: 'Anh Hùng' },
        ],
        openingDecisionNumber: 4,
        openingDecisionDate: '2026-04-01',
      });
      const t = await ok(core, 'timetable.generate', {
        classId: cls.id,
        startDate: '2026-04-06',
        halves: ['sang', 'chieu'],
        lecturerByTopic: {},
      });
      await ok(core, 'timetable.save', { classId: cls.id, sessions: t.sessions, adjustClassDates: true });
      const file = path.join(data.dir, 'DS_KonTrang.xlsx');
      await cellList(file);

      const page = await browser().newPage({ viewport: { width: 1366, height: 900 } });
      const problems = watchConsole(page);
      await page.goto(`${host.url}#/classes/${cls.id}`);
      await page.getByRole('tab', { name: /^Học viên/ }).click();
      await page.getByRole('button', { name: 'Nhập từ Excel' }).click();
      await page.locator('input[type="file"]').setInputFiles(file);
      await page.getByRole('button', { name: 'Kiểm tra danh sách' }).click();
      // Opened from the class, the wizard already targets it.
      await page.getByRole('combobox', { name: 'Ghi danh vào lớp' }).filter({ hasText: cls.name }).waitFor();
      await screenshot(page, '50-import-into-class');
      await page.getByRole('button', { name: 'Nhập vào sổ' }).click();
      await page.getByText('ghi danh 3 học viên vào', { exact: false }).waitFor();
      await page.getByRole('button', { name: 'Về lớp' }).click();
      await page.getByText('3/50 học viên').waitFor();
      expect((await ok(core, 'learners.count', { q: '' })).count).toBe(3);

      // Place A Sang and Y Nhi at the commune's site; Bùi Văn Khoa stays at the centre.
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
      await screenshot(page, '51-online-sites');

      // The commune's site takes its roll: "cả buổi có mặt" fills only the learners there.
      await page.getByRole('tab', { name: 'Điểm danh' }).click();
      await page.getByRole('combobox', { name: 'Điểm cầu' }).click();
      await page.getByRole('option', { name: /^Điểm cầu xã Ngọc Réo/ }).click();
      await page.getByRole('button', { name: 'Cả buổi có mặt, sáng 06/04' }).click();
      await page.getByRole('status').filter({ hasText: 'Đã lưu mọi thay đổi' }).waitFor();
      await screenshot(page, '52-attendance-per-site');
      const grid = await ok(core, 'attendance.grid', { classId: cls.id });
      expect(grid.rows.map((r) => [r.fullName, r.site, r.marks[0]])).toEqual([
        ['Bùi Văn Khoa', 'Điểm cầu trung tâm', null],
        ['Y Nhi', 'Điểm cầu xã Ngọc Réo', 'present'],
        ['A Sang', 'Điểm cầu xã Ngọc Réo', 'present'],
      ]);
      expect(problems).toEqual([]);
      await page.close();
    } finally {
      await host.close();
      data.remove();
    }
  });
});
