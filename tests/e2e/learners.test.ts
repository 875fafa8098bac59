import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../electron/core/dispatch';
import JSZip from 'jszip';
import { CELL_LIST_FIX, CELL_LIST_ROWS } from '../fixtures/personal-data';
import {
  dataFolder,
  browserForFile,
  screenshot,
  seriousAccessibilityProblems,
  startApp,
  watchConsole,
  saveCentreProfile,
} from './fixtures';

const browser = browserForFile();

async function cellList(file: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Danh sách');
  ws.getCell('A1').value = 'ĐẢNG BỘ XÃ ĐẮK HÀ';
  ws.getCell('A2').value = 'CHI BỘ THÔN 3';
  ws.getCell('A4').value = 'DANH SÁCH ĐỀ NGHỊ CỬ ĐI HỌC LỚP NHẬN THỨC VỀ ĐẢNG';
  ws.getRow(6).values = ['STT', 'Họ và tên', 'Ngày, tháng, năm sinh', null, 'Dân tộc', 'Chi bộ', 'Số CCCD'];
  ws.getRow(7).values = [null, null, 'Nam', 'Nữ'];
  ws.mergeCells('C6:D6');
  for (const col of ['A', 'B', 'E', 'F', 'G']) ws.mergeCells(`${col}6:${col}7`);
  const rows = CELL_LIST_ROWS;
  rows.forEach((r, i) => (ws.getRow(8 + i).values = [i + 1, ...r]));
  await wb.xlsx.writeFile(file);
}

describe('learners: import, search, merge — as a clerk', () => {
  it('imports a cell list, fixes a bad row, finds people without diacritics and merges a duplicate', async () => {
    const data = dataFolder();
    const host = await startApp(data.dir);
    try {
      const core = host.core;
      await saveCentreProfile(core);
      const unit = (await dispatch(core, 'units.save', { name: 'Chi bộ thôn 3', kind: 'cell', parentId: null, communeCode: null })) as {
        ok: true;
        value: { id: number };
      };
      // Already in the registry from an earlier year, with only a birth year.
      await dispatch(core, 'learners.save', {
        familyAndMiddle: 'Nguyễn Thị',
        given: 'Hằng',
        sex: 'nu',
        birthDate: '1975',
        ethnicityCode: '01',
        religion: '',
        homePlace: '',
        communeCode: null,
        workplace: '',
        position: 'Chi hội trưởng phụ nữ',
        partyStatus: 'quan_chung',
        admissionDate: null,
        confirmationDate: null,
        unitId: unit.value.id,
        educationLevel: '',
        theoryLevel: null,
        citizenId: '',
        partyCard: '',
        phone: '',
        notes: '',
      });
      const file = path.join(data.dir, 'DS_chibo_thon3.xlsx');
      await cellList(file);

      const page = await browser().newPage({ viewport: { width: 1366, height: 860 } });
      const problems = watchConsole(page);
      await page.goto(`${host.url}#/learners/import`);
      await page.locator('input[type="file"]').setInputFiles(file);
      await page.getByText('Dòng tiêu đề cột: 6.').waitFor();
      await screenshot(page, '10-import-mapping');
      await page.getByRole('button', { name: 'Kiểm tra danh sách' }).click();
      await page.getByText('C10: 31/02/1998 không phải là ngày có thật').waitFor();
      await page.getByText('Còn 1 dòng lỗi: hãy sửa hoặc bỏ qua trước khi nhập.').waitFor();
      expect(await page.getByRole('button', { name: 'Nhập vào sổ' }).isDisabled()).toBe(true);
      await screenshot(page, '11-import-errors');

      // Fix the impossible date on screen.
      await page.getByRole('gridcell', { name: 'A Thút' }).click();
      await page.locator('input[name="row.birthDateMale"]').fill(CELL_LIST_FIX);
      await page.getByRole('button', { name: 'Kiểm tra lại' }).click();
      await page.getByText('Còn 1 dòng lỗi').waitFor({ state: 'detached' });
      await page.getByRole('button', { name: /^Tất cả 4$/ }).click();
      await page.getByText('Có thể trùng 1').waitFor();
      await screenshot(page, '12-import-review');
      await page.getByRole('button', { name: 'Nhập vào sổ' }).click();
      await page.getByText(/Đã nhập xong: thêm 4 người mới/).waitFor();
      await screenshot(page, '13-import-done');

      // Find people by typing without diacritics.
      await page.getByRole('button', { name: 'Xem danh sách học viên' }).click();
      await page.getByLabel('Tìm học viên').fill('nguyen thi hang');
      await page.waitForFunction(
        () => document.querySelectorAll('[aria-label="Danh sách học viên"] [role="rowgroup"] [role="row"]').length === 2,
      );
      await page.getByLabel('Tìm học viên').fill('dang');
      await page.getByRole('gridcell', { name: 'Đặng Văn Đức' }).waitFor();
      expect(await page.locator('[aria-label="Danh sách học viên"] [role="rowgroup"] [role="row"]').count()).toBe(1);
      await page.getByLabel('Tìm học viên').fill('');
      await page.getByText('5 người', { exact: true }).waitFor();
      await screenshot(page, '14-learners');

      // A cell by its full name, in the search and typed without diacritics in the filter; a Thông elsewhere is not a match.
      await dispatch(core, 'learners.save', {
        familyAndMiddle: 'Bùi Văn',
        given: 'Thông',
        sex: 'nam',
        birthDate: '1980',
        ethnicityCode: '01',
        religion: '',
        homePlace: '',
        communeCode: null,
        workplace: '',
        position: '',
        partyStatus: null,
        admissionDate: null,
        confirmationDate: null,
        unitId: null,
        educationLevel: '',
        theoryLevel: null,
        citizenId: '',
        partyCard: '',
        phone: '',
        notes: '',
      });
      const inCell = (await dispatch(core, 'learners.count', { q: '', filters: { unitId: unit.value.id } })) as {
        ok: true;
        value: { count: number };
      };
      const rows = page.locator('[aria-label="Danh sách học viên"] [role="rowgroup"] [role="row"]');
      await page.getByLabel('Tìm học viên').fill('Chi bộ thôn 3');
      await page.getByText(`${inCell.value.count} người`, { exact: true }).waitFor();
      expect(await rows.count()).toBe(inCell.value.count);
      await page.getByRole('combobox', { name: 'Chi bộ, đảng bộ' }).fill('chi bo thon 3');
      await page.getByRole('option', { name: 'Chi bộ thôn 3' }).click();
      await page.getByLabel('Tìm học viên').fill('');
      await page.getByText(`${inCell.value.count} người`, { exact: true }).waitFor();
      await screenshot(page, '14b-learners-cell');

      // The clerk names herself once; changes are recorded under that name, not the PC's account.
      await page.getByRole('button', { name: 'Chưa đặt tên người dùng' }).click();
      await page.getByRole('dialog').getByRole('button', { name: 'Lưu' }).click();
      await page.getByText('Không được để trống').waitFor();
      await page.getByLabel('Họ và tên').fill('Phạm Thị Thư');
      await page.keyboard.press('Enter');
      await page.getByRole('button', { name: 'Người dùng: Phạm Thị Thư' }).waitFor();

      // The imported Nguyễn Thị Hằng and the earlier record are one person.
      await page.getByRole('button', { name: 'Hồ sơ trùng' }).click();
      await page.getByText('Trùng họ tên, năm sinh và đơn vị').waitFor();
      await page.getByRole('button', { name: 'So sánh và gộp' }).click();
      await page.getByRole('table', { name: 'So sánh hai hồ sơ' }).waitFor();
      await screenshot(page, '15-merge-preview');
      await page.getByRole('button', { name: 'Gộp hồ sơ' }).click();
      await page.getByText('Không có hồ sơ nào nghi trùng.').waitFor();
      // The result is told where the clerk is, with its undo, not only in the list of merges further down.
      const told = page.getByRole('alert').filter({ hasText: /^Đã gộp hồ sơ số \d+ vào hồ sơ số \d+ \(Nguyễn Thị Hằng\)/ });
      await told.waitFor();
      expect(await told.getByRole('button', { name: 'Hoàn tác' }).isVisible()).toBe(true);
      const box = (await told.boundingBox())!;
      expect(box.y + box.height).toBeLessThanOrEqual(860);
      await page.getByRole('table', { name: 'Các lần gộp hồ sơ' }).getByRole('cell', { name: 'Phạm Thị Thư' }).waitFor();
      await screenshot(page, '16-duplicates-after-merge');
      await told.getByRole('button', { name: 'Đóng' }).click();

      await page.goto(`${host.url}#/learners?q=hang`);
      await page.waitForFunction(
        () => document.querySelectorAll('[aria-label="Danh sách học viên"] [role="rowgroup"] [role="row"]').length === 1,
      );
      await page.getByRole('gridcell', { name: 'Nguyễn Thị Hằng' }).click();
      expect(await page.locator('input[name="birthDate"]').inputValue()).toBe('02/03/1975');
      expect(await page.locator('input[name="citizenId"]').inputValue()).toBe('062175000123');
      expect(await page.locator('input[name="position"]').inputValue()).toBe('Chi hội trưởng phụ nữ');
      await screenshot(page, '17-person');

      // Her own data on her request (Law 91/2025/QH15): the summary as PDF, then the workbook by keyboard alone.
      const exportButton = page.getByRole('button', { name: 'Xuất dữ liệu cá nhân' });
      await exportButton.click();
      await page.getByRole('menuitem', { name: /Phiếu tổng hợp \(PDF\)/ }).waitFor();
      await screenshot(page, '17b-person-data-menu');
      const pdf = page.waitForEvent('download');
      await page.getByRole('menuitem', { name: /Phiếu tổng hợp \(PDF\)/ }).click();
      expect((await pdf).suggestedFilename()).toMatch(/^du-lieu-ca-nhan-nguyen-thi-hang-\d+\.pdf$/);
      await page.getByText(/Đã lưu tệp du-lieu-ca-nhan-nguyen-thi-hang-\d+\.pdf\./).waitFor();
      await exportButton.focus();
      await page.keyboard.press('Enter');
      await page.getByRole('menuitem', { name: /Bảng tính Excel/ }).waitFor();
      await page.keyboard.press('ArrowDown');
      const xlsx = page.waitForEvent('download');
      await page.keyboard.press('Enter');
      const saved = path.join(data.dir, 'du-lieu-ca-nhan.xlsx');
      await (await xlsx).saveAs(saved);
      const personData = new ExcelJS.Workbook();
      await personData.xlsx.readFile(saved);
      expect(personData.worksheets.map((w) => w.name)).toEqual([
        'Thông tin cá nhân',
        'Lớp học',
        'Kết quả',
        'Giấy chứng nhận',
        'Nhật ký thay đổi',
      ]);
      expect(personData.getWorksheet('Thông tin cá nhân')!.getRow(2).values).toEqual([undefined, 'Họ và tên', 'Nguyễn Thị Hằng']);
      await page.getByRole('link', { name: 'Chi bộ, đảng bộ' }).click();
      await page.getByRole('cell', { name: 'Chi bộ thôn 3' }).waitFor();
      await screenshot(page, '18-units');
      expect(problems).toEqual([]);
      await page.close();
      expect(fs.existsSync(file)).toBe(true);
    } finally {
      await host.close();
      data.remove();
    }
  });
  it('refuses a crafted file with a message that says what to do, and goes on to read a real list', async () => {
    const data = dataFolder();
    const host = await startApp(data.dir);
    try {
      await saveCentreProfile(host.core);
      const list = path.join(data.dir, 'DS_chibo_thon3.xlsx');
      await cellList(list);
      const zip = await JSZip.loadAsync(fs.readFileSync(list));
      const sheet = await zip.file('xl/worksheets/sheet1.xml')!.async('string');
      zip.file(
        'xl/worksheets/sheet1.xml',
        sheet
          .replace(/<mergeCells[\s\S]*<\/mergeCells>/, '')
          .replace('</sheetData>', '</sheetData><mergeCells count="1"><mergeCell ref="A1:XFD1048576"/></mergeCells>'),
      );
      const bomb = path.join(data.dir, 'DS_gop_o.xlsx');
      fs.writeFileSync(bomb, await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }));

      const page = await browser().newPage({ viewport: { width: 1366, height: 768 } });
      const problems = watchConsole(page);
      await page.goto(`${host.url}#/learners/import`);
      await page.locator('input[type="file"]').setInputFiles(bomb);
      await page.getByText(/Tệp «DS_gop_o\.xlsx» quá lớn hoặc có cấu trúc bất thường/).waitFor();
      await page.getByText(/chép riêng bảng danh sách sang một sổ làm việc mới/).waitFor();
      await screenshot(page, '14-import-refused');
      expect(await seriousAccessibilityProblems(page)).toEqual([]);
      expect(host.core.db.prepare('SELECT COUNT(*) AS n FROM people').get()).toEqual({ n: 0 });

      await page.locator('input[type="file"]').setInputFiles(list);
      await page.getByText('Dòng tiêu đề cột: 6.').waitFor();
      expect(problems.filter((p) => !p.includes('status of 4'))).toEqual([]);
    } finally {
      await host.close();
      data.remove();
    }
  });
});
