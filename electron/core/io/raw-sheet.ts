/** The plain grid a spreadsheet file is read into, and how to point the clerk at one of its cells. */
import { formatNumber } from '../../../shared/domain/format';
import { tooComplex, tooManyColumns } from './read-errors';

export type CellValue = string | number | boolean | Date | null;

/** 0-based and inclusive, like the cells. */
export interface CellRange {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export interface RawSheet {
  name: string;
  rowCount: number;
  colCount: number;
  /**
   * [row][col], 0-based: cells[11][3] is what Excel shows as D12, so a message can point the clerk at
   * it (see cellLocation). Dense: every row has colCount entries; trailing empty rows and columns are
   * dropped. Strings are cleaned (NFC, single spaces, trimmed) and never empty; formulas hold their
   * last calculated value; only the top-left cell of a merged range holds the value.
   */
  cells: CellValue[][];
  merges: CellRange[];
  hidden: boolean;
  /** Formulas saved without a calculated value (files written by other programs): they read as empty. */
  formulaCellsWithoutValue: number;
}

/** How a CSV's bytes were decoded; Excel on a Vietnamese Windows saves "CSV" in windows-1258. */
export type CsvEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1258' | 'windows-1252';

export interface RawWorkbook {
  format: 'xlsx' | 'csv';
  sheets: RawSheet[];
  /** For a CSV, how its bytes were read, so the screen can say so when the letters look wrong. */
  encoding?: CsvEncoding;
}

export interface ReadLimits {
  maxBytes?: number;
  /** Rows of data per sheet. */
  maxRows?: number;
}

/**
 * The Party header, title, date line and column headers above a list are not learners; this many
 * rows (the header scan window) are allowed on top of maxRows.
 */
export const HEADER_ALLOWANCE = 30;

/** 0 → "A", 25 → "Z", 26 → "AA": the column letters Excel shows. */
export function columnLetter(col: number): string {
  let n = col + 1;
  let out = '';
  while (n > 0) {
    const rem = (n - 1) % 26;
    out = String.fromCharCode(65 + rem) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

/** "Trang «DS» dòng 12, cột D", from 0-based indexes: where the clerk finds a cell in Excel. */
export function cellLocation(sheetName: string, row: number, col?: number): string {
  const where = `Trang «${sheetName}» dòng ${row + 1}`;
  return col === undefined ? where : `${where}, cột ${columnLetter(col)}`;
}

/**
 * Lists have a few dozen columns; one stray value far to the right would make every row of the dense
 * grid that wide, so the clerk is sent to delete it instead.
 */
export const MAX_COLUMNS = 256;

/** Turns sparse rows into the dense, trimmed grid RawSheet promises. */
export function denseCells(
  sparse: (CellValue[] | undefined)[],
  fileName: string,
  sheetName: string,
): { cells: CellValue[][]; colCount: number } {
  let lastRow = -1;
  let colCount = 0;
  sparse.forEach((row, r) => {
    if (!row) return;
    for (let c = row.length - 1; c >= 0; c--) {
      if (row[c] !== null && row[c] !== undefined) {
        if (c >= MAX_COLUMNS) throw tooManyColumns(fileName, cellLocation(sheetName, r, c), MAX_COLUMNS);
        lastRow = r;
        colCount = Math.max(colCount, c + 1);
        break;
      }
    }
  });
  const cells: CellValue[][] = [];
  for (let r = 0; r <= lastRow; r++) {
    const row = sparse[r];
    const dense: CellValue[] = new Array<CellValue>(colCount).fill(null);
    if (row) for (let c = 0; c < Math.min(colCount, row.length); c++) dense[c] = row[c] ?? null;
    cells.push(dense);
  }
  return { cells, colCount };
}

/** Excel keeps at most 32,767 characters in a cell: longer text was not typed into a list. */
export const MAX_CELL_CHARS = 32_767;
/** Excel's last column is the 16,384th: a CSV record with more fields was not saved by a spreadsheet. */
export const MAX_RECORD_FIELDS = 16_384;

/** Refuses a cell's text over Excel's own limit, pointing at the cell. */
export function checkCellText(text: string, fileName: string, sheetName: string, row: number, col: number): void {
  if (text.length > MAX_CELL_CHARS) {
    throw tooComplex(
      fileName,
      `${cellLocation(sheetName, row, col)} dài ${formatNumber(text.length)} ký tự, quá ${formatNumber(MAX_CELL_CHARS)} ký tự một ô Excel chứa được`,
    );
  }
}
