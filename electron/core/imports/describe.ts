/**
 * What the mapping step shows for each sheet of an opened file: the header row found, each column's
 * proposed field and samples, and whether the text was typed in a pre-Unicode font.
 */
import type { ImportSheet } from '../../../shared/contract/imports';
import { decodeLegacy, type FontVerdict, type LegacyFont } from '../../../shared/domain/legacy-vietnamese';
import { detectTable, type DetectedTable } from '../io/header-detect';
import { convertSheet, sheetLegacyFont } from '../io/legacy-sheet';
import { columnLetter, type RawSheet } from '../io/raw-sheet';
import { cellText } from './rows';
import { applyHeaderMemory, type HeaderChoice, type ProposedColumn } from './mapping-memory';

const PREVIEW_NAMES = 4;

export interface DescribedSheet {
  info: ImportSheet;
  headers: ProposedColumn[];
  /** The sheet converted to Unicode, kept for when the clerk chooses to convert. */
  legacy: { font: LegacyFont; sheet: RawSheet } | null;
}

/** A few names both ways, from the name column(s) when the header was found, else any garbled cells. */
function preview(sheet: RawSheet, verdict: FontVerdict, table: DetectedTable | null): { original: string; converted: string }[] {
  const nameCols = (table?.columns ?? [])
    .filter((c) => c.field === 'fullName' || c.field === 'familyAndMiddle' || c.field === 'given')
    .map((c) => c.col);
  const out: { original: string; converted: string }[] = [];
  const start = table ? table.firstDataRow : 0;
  for (let r = start; r < sheet.cells.length && out.length < PREVIEW_NAMES; r++) {
    const row = sheet.cells[r] ?? [];
    const parts = (nameCols.length > 0 ? nameCols.map((c) => row[c]) : row).filter((v): v is string => typeof v === 'string');
    const original = parts.join(' ');
    const converted = decodeLegacy(original, verdict.font);
    if (original && converted !== original) out.push({ original, converted });
  }
  return out;
}

export function describeSheet(sheet: RawSheet, index: number, memory: Map<string, HeaderChoice>): DescribedSheet {
  const verdict = sheetLegacyFont(sheet);
  const converted = verdict ? convertSheet(sheet, verdict.font) : null;
  // Garbled headers match no spelling: the converted sheet is read for them, the raw one if that finds nothing.
  const table = (converted && detectTable(converted)) || detectTable(sheet);
  const headers = applyHeaderMemory(
    (table?.columns ?? []).map((c) => ({
      col: c.col,
      header: c.header,
      guess: { col: c.col, field: c.field, ...(c.sexMark ? { sexMark: c.sexMark } : {}) },
      repeatOf: c.repeatOf,
    })),
    memory,
  );
  const firstDataRow = table ? table.firstDataRow + 1 : 1;
  const columns = Array.from({ length: sheet.colCount }, (_, col) => {
    const detected = headers.find((c) => c.col === col);
    const {
      mapping,
      proposed: guess,
      remembered,
    } = detected ?? { mapping: { col, field: null }, proposed: { col, field: null }, remembered: false };
    const samples: string[] = [];
    for (let r = firstDataRow - 1; r < sheet.cells.length && samples.length < 3; r++) {
      const t = cellText(sheet.cells[r]?.[col] ?? null, mapping.field);
      if (t) samples.push(t.slice(0, 60));
    }
    return { col, letter: columnLetter(col), header: detected?.header ?? '', samples, mapping, guess, remembered };
  }).filter((c) => c.header || c.samples.length > 0);
  const warnings: string[] = [];
  if (!table)
    warnings.push('Không tìm thấy dòng tiêu đề cột (Họ và tên, Ngày sinh…) trong 30 dòng đầu; hãy chọn cột và dòng bắt đầu bằng tay.');
  if (sheet.formulaCellsWithoutValue > 0) {
    warnings.push(
      `${sheet.formulaCellsWithoutValue} ô có công thức chưa được tính nên đọc là trống; hãy mở tệp bằng Excel, lưu lại rồi chọn lại.`,
    );
  }
  return {
    headers,
    legacy: verdict && converted ? { font: verdict.font, sheet: converted } : null,
    info: {
      index,
      name: sheet.name,
      hidden: sheet.hidden,
      dataRows: Math.max(0, sheet.cells.length - (firstDataRow - 1)),
      headerRow: table ? table.headerRow + 1 : null,
      firstDataRow,
      columns,
      warnings,
      legacyFont: verdict ? { font: verdict.font, cells: verdict.cells, preview: preview(sheet, verdict, table) } : null,
    },
  };
}
