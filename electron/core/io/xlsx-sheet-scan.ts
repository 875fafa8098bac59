/**
 * One pass over a worksheet's XML before ExcelJS sees it: rows and cells actually present (never
 * `<dimension>`, which a file can fake), where the last value sits, how much merging there is, and
 * the byte ranges of the only two elements the reader needs (the cells and the merges).
 */
import { formatNumber } from '../../../shared/domain/format';
import { MAX_COLUMNS, cellLocation } from './raw-sheet';
import { attribute, type XmlTag } from './xml-tags';

export const SHEET_TAGS = ['worksheet', 'sheetData', 'mergeCells', 'mergeCell', 'row', 'c', 'v', 'is', 'f'] as const;
/** The closing tags the scan needs: the ends of the two elements kept. */
export const SHEET_CLOSING_TAGS = ['sheetData', 'mergeCells'] as const;

/** What a sheet may hold beyond its values before it is refused as too complex to read safely. */
export interface SheetBudget {
  /** Row and cell elements across the workbook, values or not (each becomes an object in ExcelJS). */
  rowElements: number;
  cellElements: number;
  merges: number;
  mergedCells: number;
}

export const SHEET_BUDGET: SheetBudget = { rowElements: 300_000, cellElements: 3_000_000, merges: 10_000, mergedCells: 200_000 };

export const EXCEL_MAX_ROW = 1_048_576;
export const EXCEL_MAX_COL = 16_384;

export type SheetProblem =
  | { kind: 'too-many-rows'; rows: number }
  | { kind: 'far-below'; where: string }
  | { kind: 'too-far-right'; where: string }
  | { kind: 'too-complex'; what: string }
  | { kind: 'damaged'; what: string };

export class SheetRefusal extends Error {
  constructor(readonly problem: SheetProblem) {
    super(problem.kind);
  }
}

/** Counts shared by every sheet of one workbook. */
export class WorkbookTally {
  rowElements = 0;
  cellElements = 0;
  merges = 0;
  mergedCells = 0;
  constructor(readonly budget: SheetBudget = SHEET_BUDGET) {}
}

/** "B12" or "$B$12" → { row: 12, col: 1 }; undefined when it is not a cell reference Excel could write. */
export function parseCellRef(ref: string): { row: number; col: number } | undefined {
  let i = ref.charCodeAt(0) === 36 ? 1 : 0;
  let col = 0;
  let letters = 0;
  for (; i < ref.length; i++) {
    let c = ref.charCodeAt(i);
    if (c >= 97 && c <= 122) c -= 32;
    if (c < 65 || c > 90) break;
    col = col * 26 + (c - 64);
    letters++;
  }
  if (ref.charCodeAt(i) === 36) i++;
  let row = 0;
  let digits = 0;
  for (; i < ref.length; i++) {
    const c = ref.charCodeAt(i);
    if (c < 48 || c > 57) return undefined;
    row = row * 10 + (c - 48);
    digits++;
  }
  if (letters < 1 || letters > 3 || digits < 1 || digits > 7) return undefined;
  if (row < 1 || row > EXCEL_MAX_ROW || col > EXCEL_MAX_COL) return undefined;
  return { row, col: col - 1 };
}

export class SheetScan {
  /** Byte ranges kept for ExcelJS. */
  root: { start: number; end: number; qname: string } | null = null;
  sheetData: { start: number; end: number } | null = null;
  mergeCells: { start: number; end: number } | null = null;
  rowsWithValue = 0;

  private sheetDataStart = -1;
  private mergeCellsStart = -1;
  private inSheetData = false;
  private row = 0;
  private col = -1;
  private rowHasValue = false;
  private cellOpen = false;
  private cellHasValue = false;
  private cellRow = 0;

  constructor(
    private readonly sheetName: string,
    /** Rows of values allowed, header rows included. */
    private readonly maxRows: number,
    private readonly tally: WorkbookTally,
  ) {}

  get sheetDataUnclosed(): boolean {
    return this.sheetDataStart >= 0 && this.sheetData === null;
  }

  /** Past the row limit, counting goes on (the message gives the real number) but nothing else is checked. */
  get overRows(): boolean {
    return this.rowsWithValue > this.maxRows;
  }

  readonly onTag = (t: XmlTag): void => {
    switch (t.name) {
      case 'worksheet':
        if (!t.closing && !this.root) this.root = { start: t.start, end: t.end, qname: t.prefix ? `${t.prefix}:worksheet` : 'worksheet' };
        break;
      case 'sheetData':
        this.region(t, 'sheetData');
        this.inSheetData = !t.closing && !t.selfClosing;
        break;
      case 'mergeCells':
        this.region(t, 'mergeCells');
        break;
      case 'mergeCell':
        if (!t.closing) this.merge(attribute(t.attrs, 'ref') ?? '');
        break;
      case 'row':
        if (this.inSheetData && !t.closing) this.openRow(t);
        break;
      case 'c':
        if (this.inSheetData && !t.closing) this.cell(t);
        break;
      default:
        // v, is, f: the cell holds something.
        if (this.cellOpen && !t.closing && !t.selfClosing && !this.cellHasValue) this.value();
    }
  };

  private region(t: XmlTag, which: 'sheetData' | 'mergeCells'): void {
    const startKey = which === 'sheetData' ? 'sheetDataStart' : 'mergeCellsStart';
    if (this[which]) return;
    if (t.selfClosing) this[which] = { start: t.start, end: t.end };
    else if (!t.closing) this[startKey] = t.start;
    else if (this[startKey] >= 0) this[which] = { start: this[startKey], end: t.end };
  }

  private openRow(t: XmlTag): void {
    const r = attribute(t.attrs, 'r');
    const n = r === undefined ? this.row + 1 : Number(r);
    if (!Number.isInteger(n) || n < 1 || n > EXCEL_MAX_ROW)
      throw new SheetRefusal({ kind: 'damaged', what: `trang «${this.sheetName}» có số dòng "${String(r).slice(0, 20)}" không hợp lệ` });
    this.row = n;
    this.col = -1;
    this.rowHasValue = false;
    this.cellOpen = false;
    if (++this.tally.rowElements > this.tally.budget.rowElements && !this.overRows) {
      throw new SheetRefusal({
        kind: 'too-complex',
        what: `trang «${this.sheetName}» có hơn ${formatNumber(this.tally.budget.rowElements)} dòng kể cả dòng trống có định dạng`,
      });
    }
  }

  private cell(t: XmlTag): void {
    const r = attribute(t.attrs, 'r');
    if (r === undefined) {
      this.col++;
      this.cellRow = this.row;
    } else {
      const ref = parseCellRef(r);
      if (!ref)
        throw new SheetRefusal({ kind: 'damaged', what: `trang «${this.sheetName}» có địa chỉ ô "${r.slice(0, 20)}" không hợp lệ` });
      this.col = ref.col;
      // ExcelJS places a cell by its own address, so that is where its value will be.
      this.cellRow = Math.max(ref.row, this.row);
    }
    this.cellOpen = !t.selfClosing;
    this.cellHasValue = false;
    if (++this.tally.cellElements > this.tally.budget.cellElements && !this.overRows) {
      throw new SheetRefusal({
        kind: 'too-complex',
        what: `trang «${this.sheetName}» có hơn ${formatNumber(this.tally.budget.cellElements)} ô`,
      });
    }
  }

  private value(): void {
    this.cellHasValue = true;
    if (!this.rowHasValue) {
      this.rowHasValue = true;
      this.rowsWithValue++;
    }
    if (this.overRows) return;
    const where = cellLocation(this.sheetName, this.cellRow - 1, this.col);
    if (this.col >= MAX_COLUMNS) throw new SheetRefusal({ kind: 'too-far-right', where });
    if (this.cellRow > this.maxRows) throw new SheetRefusal({ kind: 'far-below', where });
  }

  private merge(ref: string): void {
    const [a, b] = ref.split(':');
    const from = a ? parseCellRef(a) : undefined;
    const to = b ? parseCellRef(b) : from;
    if (!from || !to)
      throw new SheetRefusal({ kind: 'damaged', what: `trang «${this.sheetName}» có vùng gộp ô "${ref.slice(0, 30)}" không hợp lệ` });
    const area = (Math.abs(to.row - from.row) + 1) * (Math.abs(to.col - from.col) + 1);
    this.tally.mergedCells += area;
    if (++this.tally.merges > this.tally.budget.merges) {
      throw new SheetRefusal({
        kind: 'too-complex',
        what: `trang «${this.sheetName}» có hơn ${formatNumber(this.tally.budget.merges)} vùng gộp ô`,
      });
    }
    if (this.tally.mergedCells > this.tally.budget.mergedCells) {
      throw new SheetRefusal({ kind: 'too-complex', what: `trang «${this.sheetName}» gộp ô trên vùng quá rộng ${ref.slice(0, 30)}` });
    }
    const bottom = Math.max(from.row, to.row);
    // A merge past the last row a list may have would make the grid that tall.
    if (bottom > this.maxRows)
      throw new SheetRefusal({ kind: 'far-below', where: cellLocation(this.sheetName, bottom - 1, Math.min(from.col, to.col)) });
  }
}
