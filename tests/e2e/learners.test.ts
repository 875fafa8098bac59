import fs from 'node:fs';
import path from 'node:path';
import JSZip from 'jszip';
import { describe, expect } from 'vitest';
import { personInput } from '../fixtures/builders';
import { CELL_LIST_FIX, CELL_LIST_ROWS } from '../fixtures/personal-data';
import { ok, saveCentreProfile, seriousAccessibilityProblems } from './fixtures';
import { eventually, openFromNav } from './pages/app';
import { writeCellList } from './pages/cell-list';
import { downloadOf, readWorkbook, saveDownload } from './pages/files';
import { journey } from './pages/journey';
import { shot } from './pages/shots';

/** Chi bộ thôn 3's list for the KND class: the birth date stands under «Nam» or «Nữ». */
function cellList(file: string): Promise<void> {
  return writeCellList(file, {
    titles: ['ĐẢNG BỘ XÃ ĐẮK HÀ', 'CHI BỘ THÔN 3', null, 'DANH SÁCH ĐỀ NGHỊ CỬ ĐI HỌC LỚP NHẬN THỨC VỀ ĐẢNG'],
    header: ['STT', 'Họ và tên', 'Ngày, tháng, năm sinh', null, 'Dân tộc', 'Chi bộ', 'Số CCCD'],
    rows: CELL_LIST_ROWS,
  });
}

/** The rows the learners' list shows. */
const LIST_ROWS = '[aria-label="Danh sách học viên"] [role="rowgroup"] [role="row"]';

describe('learners: import, search, merge — as a clerk', () => {
  const j = journey({
    viewport: { width: 1366, height: 860 },
    seed: async (core, dir) => {
      await saveCentreProfile(core);
      const unit = await ok(core, 'units.save', { name: 'Chi bộ thôn 3', kind: 'cell', parentId: null, communeCode: null });
      // Already in the registry from an earlier year, with only a birth year.
      await ok(
        core,
        'learners.save',
        personInput('Nguyễn Thị Hằng', {
          sex: 'nu',
          birthDate: '1975',
          ethnicityCode: '01',
          position: 'Chi hội trưởng phụ nữ',
          unitId: unit.id,
        }),
      );
      const file = path.join(dir, 'DS_chibo_thon3.xlsx');
      await cellList(file);
      return { unit, file };
    },
    open: '#/learners/import',
  });
  const rows = () => j.page.locator(LIST_ROWS);

  j.step('reads a cell list and stops at the impossible date of one row', async () => {
    const { page } = j;
    await page.locator('input[type="file"]').setInputFiles(j.seeded.file);
    await page.getByText('Dòng tiêu đề cột: 6.').waitFor();
    await shot(page, '10-import-mapping');
    await page.getByRole('button', { name: 'Kiểm tra danh sách' }).click();
    await page.getByText('C10: 31/02/1998 không phải là ngày có thật').waitFor();
    await page.getByText('Còn 1 dòng lỗi: hãy sửa hoặc bỏ qua trước khi nhập.').waitFor();
    expect(await page.getByRole('button', { name: 'Nhập vào sổ' }).isDisabled()).toBe(true);
    await shot(page, '11-import-errors');
  });

  j.step('fixes the date on screen and imports the list, one possible duplicate noted', async () => {
    const { page } = j;
    await page.getByRole('gridcell', { name: 'A Thút' }).click();
    await page.locator('input[name="row.birthDateMale"]').fill(CELL_LIST_FIX);
    await page.getByRole('button', { name: 'Kiểm tra lại' }).click();
    await page.getByText('Còn 1 dòng lỗi').waitFor({ state: 'detached' });
    await page.getByRole('button', { name: /^Tất cả 4$/ }).click();
    await page.getByText('Có thể trùng 1').waitFor();
    await shot(page, '12-import-review');
    await page.getByRole('button', { name: 'Nhập vào sổ' }).click();
    await page.getByText(/Đã nhập xong: thêm 4 người mới/).waitFor();
    await shot(page, '13-import-done');
    expect(fs.existsSync(j.seeded.file)).toBe(true);
  });

  j.step('finds people by typing without diacritics', async () => {
    const { page } = j;
    await page.getByRole('button', { name: 'Xem danh sách học viên' }).click();
    await page.getByLabel('Tìm học viên').fill('nguyen thi hang');
    await eventually(() => rows().count()).toBe(2);
    await page.getByLabel('Tìm học viên').fill('dang');
    await page.getByRole('gridcell', { name: 'Đặng Văn Đức' }).waitFor();
    expect(await rows().count()).toBe(1);
    await page.getByLabel('Tìm học viên').fill('');
    await page.getByText('5 người', { exact: true }).waitFor();
    await shot(page, '14-learners');
  });

  j.step('finds a cell’s people by its full name, in the search and typed without diacritics in the filter', async () => {
    const { page, core } = j;
    // A Thông elsewhere is not a match.
    await ok(
      core,
      'learners.save',
      personInput('Bùi Văn Thông', { sex: 'nam', birthDate: '1980', ethnicityCode: '01', partyStatus: null }),
    );
    const inCell = (await ok(core, 'learners.count', { q: '', filters: { unitId: j.seeded.unit.id } })).count;
    await page.getByLabel('Tìm học viên').fill('Chi bộ thôn 3');
    await page.getByText(`${inCell} người`, { exact: true }).waitFor();
    expect(await rows().count()).toBe(inCell);
    await page.getByRole('combobox', { name: 'Chi bộ, đảng bộ' }).fill('chi bo thon 3');
    await page.getByRole('option', { name: 'Chi bộ thôn 3' }).click();
    await page.getByLabel('Tìm học viên').fill('');
    await page.getByText(`${inCell} người`, { exact: true }).waitFor();
    await shot(page, '14b-learners-cell');
  });

  j.step('the clerk names herself once; changes are recorded under that name, not the PC’s account', async () => {
    const { page } = j;
    await page.getByRole('button', { name: 'Chưa đặt tên người dùng' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Lưu' }).click();
    await page.getByText('Không được để trống').waitFor();
    await page.getByLabel('Họ và tên').fill('Phạm Thị Thư');
    await page.keyboard.press('Enter');
    await page.getByRole('button', { name: 'Người dùng: Phạm Thị Thư' }).waitFor();
  });

  j.step('merges the imported Nguyễn Thị Hằng into the earlier record, told where the clerk is, with its undo', async () => {
    const { page } = j;
    await page.getByRole('button', { name: 'Hồ sơ trùng' }).click();
    await page.getByText('Trùng họ tên, năm sinh và đơn vị').waitFor();
    await page.getByRole('button', { name: 'So sánh và gộp' }).click();
    await page.getByRole('table', { name: 'So sánh hai hồ sơ' }).waitFor();
    await shot(page, '15-merge-preview');
    await page.getByRole('button', { name: 'Gộp hồ sơ' }).click();
    await page.getByText('Không có hồ sơ nào nghi trùng.').waitFor();
    // Not only in the list of merges further down.
    const told = page.getByRole('alert').filter({ hasText: /^Đã gộp hồ sơ số \d+ vào hồ sơ số \d+ \(Nguyễn Thị Hằng\)/ });
    await told.waitFor();
    expect(await told.getByRole('button', { name: 'Hoàn tác' }).isVisible()).toBe(true);
    const box = (await told.boundingBox())!;
    expect(box.y + box.height).toBeLessThanOrEqual(860);
    await page.getByRole('table', { name: 'Các lần gộp hồ sơ' }).getByRole('cell', { name: 'Phạm Thị Thư' }).waitFor();
    await shot(page, '16-duplicates-after-merge');
    await told.getByRole('button', { name: 'Đóng' }).click();
  });

  j.step('the merged record keeps the full birth date, the CCCD and the position', async () => {
    const { page } = j;
    await page.goto(`${j.host.url}#/learners?q=hang`);
    await eventually(() => rows().count()).toBe(1);
    await page.getByRole('gridcell', { name: 'Nguyễn Thị Hằng' }).click();
    expect(await page.locator('input[name="birthDate"]').inputValue()).toBe('02/03/1975');
    expect(await page.locator('input[name="citizenId"]').inputValue()).toBe('062175000123');
    expect(await page.locator('input[name="position"]').inputValue()).toBe('Chi hội trưởng phụ nữ');
    await shot(page, '17-person');
  });

  j.step('exports her own data on her request (Law 91/2025/QH15): the summary as PDF, the workbook by keyboard', async () => {
    const { page } = j;
    const exportButton = page.getByRole('button', { name: 'Xuất dữ liệu cá nhân' });
    await exportButton.click();
    await page.getByRole('menuitem', { name: /Phiếu tổng hợp \(PDF\)/ }).waitFor();
    await shot(page, '17b-person-data-menu');
    const pdf = await downloadOf(page, () => page.getByRole('menuitem', { name: /Phiếu tổng hợp \(PDF\)/ }).click());
    expect(pdf.suggestedFilename()).toMatch(/^du-lieu-ca-nhan-nguyen-thi-hang-\d+\.pdf$/);
    await page.getByText(/Đã lưu tệp du-lieu-ca-nhan-nguyen-thi-hang-\d+\.pdf\./).waitFor();
    await exportButton.focus();
    await page.keyboard.press('Enter');
    await page.getByRole('menuitem', { name: /Bảng tính Excel/ }).waitFor();
    await page.keyboard.press('ArrowDown');
    const saved = await saveDownload(page, () => page.keyboard.press('Enter'), path.join(j.dir, 'du-lieu-ca-nhan.xlsx'));
    const personData = await readWorkbook(saved);
    expect(personData.worksheets.map((w) => w.name)).toEqual([
      'Thông tin cá nhân',
      'Lớp học',
      'Kết quả',
      'Giấy chứng nhận',
      'Nhật ký thay đổi',
    ]);
    expect(personData.getWorksheet('Thông tin cá nhân')!.getRow(2).values).toEqual([undefined, 'Họ và tên', 'Nguyễn Thị Hằng']);
  });

  j.step('the cells page lists the imported cell', async () => {
    await openFromNav(j.page, 'Chi bộ, đảng bộ');
    await j.page.getByRole('cell', { name: 'Chi bộ thôn 3' }).waitFor();
    await shot(j.page, '18-units');
  });
});

describe('learners: a crafted file — as a clerk', () => {
  const j = journey({
    // The refused upload is answered with an HTTP 4xx, which Chromium logs.
    tolerate: (p) => p.includes('status of 4'),
    seed: async (core, dir) => {
      await saveCentreProfile(core);
      const list = path.join(dir, 'DS_chibo_thon3.xlsx');
      await cellList(list);
      const zip = await JSZip.loadAsync(fs.readFileSync(list));
      const sheet = await zip.file('xl/worksheets/sheet1.xml')!.async('string');
      zip.file(
        'xl/worksheets/sheet1.xml',
        sheet
          .replace(/<mergeCells[\s\S]*<\/mergeCells>/, '')
          .replace('</sheetData>', '</sheetData><mergeCells count="1"><mergeCell ref="A1:XFD1048576"/></mergeCells>'),
      );
      const bomb = path.join(dir, 'DS_gop_o.xlsx');
      fs.writeFileSync(bomb, await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }));
      return { list, bomb };
    },
    open: '#/learners/import',
  });

  j.step('refuses a crafted file with a message that says what to do', async () => {
    const { page } = j;
    await page.locator('input[type="file"]').setInputFiles(j.seeded.bomb);
    await page.getByText(/Tệp «DS_gop_o\.xlsx» quá lớn hoặc có cấu trúc bất thường/).waitFor();
    await page.getByText(/chép riêng bảng danh sách sang một sổ làm việc mới/).waitFor();
    await shot(page, '14-import-refused');
    expect(await seriousAccessibilityProblems(page)).toEqual([]);
    expect(j.core.db.prepare('SELECT COUNT(*) AS n FROM people').get()).toEqual({ n: 0 });
  });

  j.step('goes on to read a real list', async () => {
    await j.page.locator('input[type="file"]').setInputFiles(j.seeded.list);
    await j.page.getByText('Dòng tiêu đề cột: 6.').waitFor();
  });
});
