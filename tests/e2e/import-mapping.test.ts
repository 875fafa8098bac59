import path from 'node:path';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { describe, expect } from 'vitest';
import { ok, saveCentreProfile, seriousAccessibilityProblems } from './fixtures';
import { checkScreen, eventually, fitsWidth } from './pages/app';
import { writeCellList } from './pages/cell-list';
import { journey } from './pages/journey';
import { shot } from './pages/shots';

type Row = [string, 'x' | null, 'x' | null, string, string];

/**
 * A cell's list as issue 14 found it: «Đơn vị» holds the Party cell (a long name), the sex is an x
 * under «Giới tính» / «Nam» | «Nữ», and «Ghi chú» is empty in every row.
 */
function cellList(file: string, rows: Row[]): Promise<void> {
  return writeCellList(file, {
    titles: ['ĐẢNG BỘ XÃ ĐẮK HÀ', null, 'DANH SÁCH ĐỀ NGHỊ CỬ ĐI HỌC LỚP BỒI DƯỠNG LÝ LUẬN CHÍNH TRỊ CHO ĐẢNG VIÊN MỚI'],
    header: ['STT', 'Họ và tên', 'Giới tính', null, 'Ngày sinh', 'Đơn vị', 'Ghi chú'],
    rows,
  });
}

const LONG_CELL = 'Chi bộ Trường Trung học cơ sở Nguyễn Văn Trỗi';
const FIRST: Row[] = [
  ['Hồ Văn Lâm', 'x', null, '14/02/1992', LONG_CELL],
  ['Lương Thị Mai', null, 'x', '30/06/1997', LONG_CELL],
];
const SECOND: Row[] = [
  ['Siu Thị Nhung', null, 'x', '02/03/1999', 'Chi bộ Phòng Văn hóa – Xã hội xã Đắk Hà'],
  ['Trương Văn Phúc', 'x', null, '19/10/1985', LONG_CELL],
  ['A Sang', null, null, '1990', 'Chi bộ thôn Kon Gung'],
  // Already registered from the first list: the check screen names the record it will be linked to.
  ['Hồ Văn Lâm', 'x', null, '14/02/1992', LONG_CELL],
];

async function chooseFile(page: Page, file: string): Promise<void> {
  await page.locator('input[type="file"]').setInputFiles(file);
  await page.getByText('Dòng tiêu đề cột: 5.').waitFor();
}

/** «Kiểm tra danh sách», and the check table shown down to the row of `name`. */
async function checkList(page: Page, name: string): Promise<void> {
  await page.getByRole('button', { name: 'Kiểm tra danh sách' }).click();
  await page.getByRole('gridcell', { name }).waitFor();
}

/** The select of a column in the mapping step, by the column's letter. */
function mappingOf(page: Page, letter: string) {
  return page.getByRole('combobox', { name: `Cột ${letter} nhập vào` });
}

/** Cells of the check table whose text is cut off (wider or taller than the cell shows). */
async function cutCells(page: Page, column: string): Promise<string[]> {
  return page.evaluate((label) => {
    const grid = document.querySelector('[aria-label="Các dòng trong tệp"]')!;
    const index = [...grid.querySelectorAll('[role="columnheader"]')].findIndex((h) => h.textContent === label);
    return [...grid.querySelectorAll('[role="rowgroup"] [role="row"]')].flatMap((row) => {
      const cell = row.querySelectorAll('[role="gridcell"]')[index] as HTMLElement | undefined;
      const text = (cell?.firstElementChild as HTMLElement | null) ?? cell;
      return text && (text.scrollWidth > text.clientWidth + 1 || text.scrollHeight > text.clientHeight + 1) ? [text.textContent ?? ''] : [];
    });
  }, column);
}

describe('import: the clerk’s column mapping is remembered per header (issue 14)', () => {
  const j = journey({
    seed: async (core, dir) => {
      await saveCentreProfile(core);
      const first = path.join(dir, 'DS_thang3.xlsx');
      const second = path.join(dir, 'DS_thang4.xlsx');
      await cellList(first, FIRST);
      await cellList(second, SECOND);
      return { first, second };
    },
    open: '#/learners/import',
  });

  j.step('maps «Đơn vị» to the Party cell once and imports the first list', async () => {
    const { page } = j;
    await chooseFile(page, j.seeded.first);
    // The header alone says workplace; the clerk knows this cell puts its Party cell there.
    await eventually(() => mappingOf(page, 'F').textContent()).toBe('Đơn vị công tác');
    expect(await page.getByText('theo lần nhập trước').count()).toBe(0);
    await mappingOf(page, 'F').click();
    await page.getByRole('option', { name: 'Chi bộ, đảng bộ', exact: true }).click();
    await checkList(page, 'Lương Thị Mai');
    await page.getByRole('button', { name: 'Nhập vào sổ' }).click();
    await page.getByText(/Đã nhập xong: thêm 2 người mới/).waitFor();
  });

  j.step('the next list from the same cell gets «Đơn vị» back as the Party cell, marked as remembered', async () => {
    const { page } = j;
    await page.getByRole('button', { name: 'Nhập tệp khác' }).click();
    await chooseFile(page, j.seeded.second);
    await eventually(() => mappingOf(page, 'F').textContent()).toBe('Chi bộ, đảng bộ');
    await page.getByText('theo lần nhập trước ·').waitFor();
    await page.getByText(/Một cột được chọn như lần nhập trước/).waitFor();
    expect(await mappingOf(page, 'C').textContent()).toBe('Giới tính: đánh dấu là Nam');
    expect(await mappingOf(page, 'D').textContent()).toBe('Giới tính: đánh dấu là Nữ');
    await fitsWidth(page);
    await shot(page, '80-import-mapping-remembered');
    // The page's status bar covers the table's lower rows in a full-page picture: the table alone too.
    await shot(page, '80-import-mapping-remembered-table', { of: page.getByRole('table', { name: 'Chọn cột' }) });
    expect(await seriousAccessibilityProblems(page)).toEqual([]);
  });

  j.step('the clerk can set the remembered column back to the header’s own reading, and choose again', async () => {
    const { page } = j;
    await page.getByRole('button', { name: 'Không dùng cách đã nhớ' }).click();
    await eventually(() => mappingOf(page, 'F').textContent()).toBe('Đơn vị công tác');
    expect(await page.getByText('theo lần nhập trước ·').count()).toBe(0);
    await mappingOf(page, 'F').click();
    await page.getByRole('option', { name: 'Chi bộ, đảng bộ', exact: true }).click();
    await page.getByText('theo lần nhập trước ·').waitFor();
  });

  j.step('the check screen shows the sex as read, the Party cell whole, and no empty columns', async () => {
    const { page } = j;
    await checkList(page, 'Siu Thị Nhung');
    const headers = await page.locator('[aria-label="Các dòng trong tệp"] [role="columnheader"]').allTextContents();
    expect(headers).toEqual(['Dòng', 'Họ và tên', 'Giới tính', 'Ngày sinh', 'Chi bộ', 'Tình trạng', 'Vấn đề', 'Xử lý']);
    const sexes = await page.evaluate(() =>
      [...document.querySelectorAll('[aria-label="Các dòng trong tệp"] [role="rowgroup"] [role="row"]')].map((r) => [
        r.querySelectorAll('[role="gridcell"]')[1]?.textContent,
        r.querySelectorAll('[role="gridcell"]')[2]?.textContent,
      ]),
    );
    expect(sexes).toEqual([
      ['Siu Thị Nhung', 'Nữ'],
      ['Trương Văn Phúc', 'Nam'],
      ['A Sang', 'Chưa rõ'],
      ['Hồ Văn Lâm', 'Nam'],
    ]);
    await page.getByRole('gridcell', { name: 'Chi bộ Phòng Văn hóa – Xã hội xã Đắk Hà' }).waitFor();
    expect(await cutCells(page, 'Chi bộ')).toEqual([]);
    expect(await cutCells(page, 'Họ và tên')).toEqual([]);
    await checkScreen(page, '81-import-check-sex-and-cell');
  });

  j.step('imports the list, linking the person already registered', async () => {
    await j.page.getByRole('button', { name: 'Nhập vào sổ' }).click();
    await j.page.getByText(/Đã nhập xong: thêm 3 người mới, gắn 1 dòng vào hồ sơ đã có/).waitFor();
  });
});

describe('import: a list typed in the old TCVN3 font (issue 14)', () => {
  const j = journey({
    seed: async (core, dir) => {
      await saveCentreProfile(core);
      const file = path.join(dir, 'DS_VnTime.xlsx');
      const wb = new ExcelJS.Workbook();
      const ws = wb.addWorksheet('DS');
      ws.addRow(['STT', 'Hä vµ tªn', 'Ngµy sinh', 'Chi bé']);
      ws.addRow([1, 'NguyÔn V¨n An', '12/05/1990', 'Chi bé th«n 1']);
      ws.addRow([2, 'TrÇn ThÞ B×nh', '02/09/1995', 'Chi bé th«n 1']);
      ws.addRow([3, '§Æng Xu©n Tr­êng', '1985', 'Chi bé th«n 2']);
      await wb.xlsx.writeFile(file);
      return file;
    },
    open: '#/learners/import',
  });

  j.step('shows the list converted, with a notice asking whether to convert', async () => {
    const { page } = j;
    await page.locator('input[type="file"]').setInputFiles(j.seeded);
    await page.getByText('Danh sách này gõ bằng phông chữ cũ (TCVN3 / .VnTime) — chữ hiển thị sai. Chuyển sang Unicode?').waitFor();
    await page.getByText('Nguyễn Văn An', { exact: true }).waitFor();
    await eventually(() => mappingOf(page, 'B').textContent()).toBe('Họ và tên');
    await checkScreen(page, '82-import-legacy-font-notice');
  });

  j.step('checked while undecided: the rows show as in the file and «Nhập vào sổ» stays off', async () => {
    const { page } = j;
    await checkList(page, 'NguyÔn V¨n An');
    expect(await page.getByRole('button', { name: 'Nhập vào sổ' }).isDisabled()).toBe(true);
    await page.getByText('Hãy chọn chuyển sang Unicode hoặc giữ nguyên phông chữ trước khi nhập.').waitFor();
    await shot(page, '83-import-legacy-font-undecided');
  });

  j.step('converted to Unicode, the list imports in Unicode', async () => {
    const { page } = j;
    await page.getByRole('button', { name: 'Chuyển sang Unicode' }).click();
    await page.getByRole('gridcell', { name: 'Đặng Xuân Trường' }).waitFor();
    await page.getByText('được chuyển sang Unicode khi kiểm tra và khi nhập vào sổ').waitFor();
    await checkScreen(page, '84-import-legacy-font-converted');
    await page.getByRole('button', { name: 'Nhập vào sổ' }).click();
    await page.getByText(/Đã nhập xong: thêm 3 người mới/).waitFor();
    const names = (await ok(j.core, 'learners.search', { q: '' })).rows.map((r) => r.fullName);
    expect(names.sort()).toEqual(['Nguyễn Văn An', 'Trần Thị Bình', 'Đặng Xuân Trường'].sort());
  });
});
