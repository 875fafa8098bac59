/** A sheet typed in a pre-Unicode Vietnamese font: telling it from the text, and converting its cells. */
import { decodeLegacy, detectLegacyFont, type FontVerdict, type LegacyFont } from '../../../shared/domain/legacy-vietnamese';
import type { RawSheet } from './raw-sheet';

/** Enough rows to see the headers and a good part of any list, without reading 50.000 rows twice. */
const SCAN_ROWS = 400;

function* texts(sheet: RawSheet): Generator<string> {
  for (const row of sheet.cells.slice(0, SCAN_ROWS)) for (const v of row) if (typeof v === 'string') yield v;
}

export function sheetLegacyFont(sheet: RawSheet): FontVerdict | null {
  return detectLegacyFont(texts(sheet));
}

/** The same sheet with every text cell converted to Unicode; numbers, dates and merges untouched. */
export function convertSheet(sheet: RawSheet, font: LegacyFont): RawSheet {
  return { ...sheet, cells: sheet.cells.map((row) => row.map((v) => (typeof v === 'string' ? decodeLegacy(v, font) : v))) };
}
