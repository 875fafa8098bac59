import ExcelJS from 'exceljs';
import { detectTable, type DetectedTable } from '../../electron/core/io/header-detect';
import { readWorkbook, type CellRange, type CellValue, type RawSheet } from '../../electron/core/io/sheet-reader';
import type { ImportField } from '../../shared/domain/learner-fields';

/** Sheets for the header-detection tests (header-detect*.test.ts), built in memory or written and read back. */

export async function firstSheet(build: (ws: ExcelJS.Worksheet) => void): Promise<RawSheet> {
  const wb = new ExcelJS.Workbook();
  build(wb.addWorksheet('DS'));
  const book = await readWorkbook(Buffer.from(await wb.xlsx.writeBuffer()), 'ds.xlsx');
  return book.sheets[0]!;
}

export async function csvSheet(lines: string[]): Promise<RawSheet> {
  return (await readWorkbook(Buffer.from(lines.join('\r\n'), 'utf8'), 'ds.csv')).sheets[0]!;
}

/** A sheet straight from rows, for the many header spellings. */
export function grid(rows: CellValue[][], merges: CellRange[] = []): RawSheet {
  const colCount = Math.max(0, ...rows.map((r) => r.length));
  const cells = rows.map((r) => [...r, ...new Array<CellValue>(colCount - r.length).fill(null)]);
  return { name: 'DS', rowCount: cells.length, colCount, cells, merges, hidden: false, formulaCellsWithoutValue: 0 };
}

export function detect(sheet: RawSheet): DetectedTable {
  const table = detectTable(sheet);
  if (!table) throw new Error('no table found');
  return table;
}

export function fields(table: DetectedTable): (ImportField | null)[] {
  return table.columns.map((c) => c.field);
}

/** The header comes first, so a name column beside it (needed for a table at all) never takes its field. */
export function fieldOf(header: string): ImportField | null {
  return detect(
    grid([
      [header, 'Họ và tên'],
      ['x', 'Nguyễn Văn An'],
    ]),
  ).columns[0]!.field;
}

export const PARTY_HEADER: CellValue[][] = [
  ['ĐẢNG BỘ XÃ ĐẮK HÀ', null, null, null, 'ĐẢNG CỘNG SẢN VIỆT NAM'],
  ['CHI BỘ THÔN 1', null, null, null, null],
  ['*', null, null, null, 'Đắk Hà, ngày 05 tháng 9 năm 2026'],
  [null, null, null, null, null],
  ['DANH SÁCH TRÍCH NGANG HỌC VIÊN', null, null, null, null],
  ['Lớp bồi dưỡng nhận thức về Đảng khóa I năm 2026', null, null, null, null],
];
