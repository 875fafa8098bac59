import ExcelJS from 'exceljs';

export interface SheetColumn<T> {
  header: string;
  width: number;
  value: (row: T, index: number) => string | number | Date | null;
  /** Excel number format, e.g. 'dd/mm/yyyy' for real dates or '@' to keep ID numbers as text. */
  format?: string;
}

/** A full ISO date becomes a real Excel date; a partial one ("1975", "1975-03") stays text as written. */
export function excelDate(iso: string | null): Date | string | null {
  if (!iso) return null;
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (m) return new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  const ym = /^(\d{4})-(\d{2})$/.exec(iso);
  return ym ? `${ym[2]}/${ym[1]}` : iso;
}

/**
 * One sheet with Vietnamese headers, typed cells (dates as dates, numbers as numbers, IDs as text),
 * frozen header, filters and an A4 landscape print set-up that fits the columns to the page width.
 */
export function addTableSheet<T>(
  workbook: ExcelJS.Workbook,
  name: string,
  columns: SheetColumn<T>[],
  rows: readonly T[],
): ExcelJS.Worksheet {
  const sheet = workbook.addWorksheet(name, {
    views: [{ state: 'frozen', ySplit: 1 }],
    pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '1:1' },
  });
  sheet.columns = columns.map((c) => ({ header: c.header, width: c.width, style: c.format ? { numFmt: c.format } : {} }));
  const header = sheet.getRow(1);
  header.font = { bold: true };
  header.alignment = { vertical: 'middle', wrapText: true };
  rows.forEach((row, i) => sheet.addRow(columns.map((c) => c.value(row, i))));
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } };
  return sheet;
}

export async function workbookToBase64(workbook: ExcelJS.Workbook): Promise<string> {
  const buffer = await workbook.xlsx.writeBuffer();
  return Buffer.from(buffer as ArrayBuffer).toString('base64');
}

export function newWorkbook(): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Quản lý đào tạo Trung tâm Chính trị';
  wb.created = new Date();
  return wb;
}
