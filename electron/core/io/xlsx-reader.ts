/** .xlsx / .xlsm through ExcelJS, after the container has been checked and reduced (xlsx-prepare.ts). */
import ExcelJS from 'exceljs';
import { cleanText } from '../../../shared/domain/text';
import { damaged } from './read-errors';
import { checkCellText, denseCells, type CellRange, type CellValue, type RawSheet, type RawWorkbook } from './raw-sheet';
import { prepareXlsx, type PrepareLimits } from './xlsx-prepare';

type Plain = { value: CellValue; uncalculated: boolean };

function text(value: string): CellValue {
  const t = cleanText(value);
  return t === '' ? null : t;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !(v instanceof Date);
}

/** ExcelJS's many cell shapes down to what a learner list needs. */
function plain(v: unknown): Plain {
  const value = (x: CellValue): Plain => ({ value: x, uncalculated: false });
  if (v === null || v === undefined) return value(null);
  if (typeof v === 'string') return value(text(v));
  if (typeof v === 'number') return value(Number.isFinite(v) ? v : null);
  if (typeof v === 'boolean') return value(v);
  if (v instanceof Date) return value(Number.isNaN(v.getTime()) ? null : v);
  if (!isRecord(v)) return value(null);
  if (Array.isArray(v.richText)) {
    return value(text(v.richText.map((run: unknown) => (isRecord(run) && typeof run.text === 'string' ? run.text : '')).join('')));
  }
  if ('formula' in v || 'sharedFormula' in v) {
    if (v.result === undefined || v.result === null) return { value: null, uncalculated: true };
    return value(plain(v.result).value);
  }
  // A hyperlink's text may itself be rich text.
  if ('hyperlink' in v) return value(plain(v.text).value);
  return value(null);
}

/** Grows a merged range to cover a cell; ranges are rebuilt from the cells because ws.model copies every row. */
function cover(merges: Map<string, CellRange>, key: string, row: number, col: number): void {
  const m = merges.get(key);
  if (!m) merges.set(key, { top: row, left: col, bottom: row, right: col });
  else {
    m.top = Math.min(m.top, row);
    m.left = Math.min(m.left, col);
    m.bottom = Math.max(m.bottom, row);
    m.right = Math.max(m.right, col);
  }
}

function readSheet(ws: ExcelJS.Worksheet, fileName: string): RawSheet {
  const sparse: CellValue[][] = [];
  const merges = new Map<string, CellRange>();
  let formulaCellsWithoutValue = 0;
  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const out: CellValue[] = [];
    row.eachCell({ includeEmpty: false }, (cell, colNumber) => {
      // The other cells of a merged range echo the first one's value; the file holds it once.
      if (cell.type === ExcelJS.ValueType.Merge) {
        // fullAddress, because ExcelJS's typings give row and col as strings.
        const master = cell.master.fullAddress;
        cover(merges, master.address, master.row - 1, master.col - 1);
        cover(merges, master.address, rowNumber - 1, colNumber - 1);
        return;
      }
      const p = plain(cell.value);
      if (typeof p.value === 'string') checkCellText(p.value, fileName, ws.name, rowNumber - 1, colNumber - 1);
      if (p.uncalculated) formulaCellsWithoutValue++;
      out[colNumber - 1] = p.value;
    });
    sparse[rowNumber - 1] = out;
  });
  const { cells, colCount } = denseCells(sparse, fileName, ws.name);
  return {
    name: ws.name,
    rowCount: cells.length,
    colCount,
    cells,
    merges: [...merges.values()],
    hidden: ws.state !== 'visible',
    formulaCellsWithoutValue,
  };
}

export async function readXlsx(bytes: Buffer, fileName: string, limits: PrepareLimits): Promise<RawWorkbook> {
  const { zip } = await prepareXlsx(bytes, fileName, limits);
  const workbook = new ExcelJS.Workbook();
  try {
    // ExcelJS's typings redeclare Buffer as an ArrayBuffer; a plain copy satisfies both.
    await workbook.xlsx.load(new Uint8Array(zip).buffer);
  } catch {
    throw damaged(fileName);
  }
  const sheets: RawSheet[] = [];
  workbook.eachSheet((ws) => sheets.push(readSheet(ws, fileName)));
  return { format: 'xlsx', sheets };
}
