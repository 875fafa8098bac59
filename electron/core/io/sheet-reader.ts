/**
 * Reads a list a Party cell sent (an .xlsx or a .csv) into plain cells, or refuses it with a message
 * the clerk can act on. Nothing here guesses what the columns mean: see header-detect.ts.
 */
import { readCsv } from './csv-reader';
import { classifyFile } from './file-kind';
import type { RawWorkbook, ReadLimits } from './raw-sheet';
import { empty, tooLarge, tooSmall } from './read-errors';
import { readXlsx } from './xlsx-reader';

export {
  cellLocation,
  columnLetter,
  type CellRange,
  type CellValue,
  type CsvEncoding,
  type RawSheet,
  type RawWorkbook,
  type ReadLimits,
} from './raw-sheet';

export const DEFAULT_MAX_BYTES = 20 * 1024 * 1024;
export const DEFAULT_MAX_ROWS = 50_000;
/** "Họ và tên;Ngày sinh" and one name already take more: anything shorter is not a list. */
const MIN_TEXT_BYTES = 16;

/** The name alone: a full path in a message would only confuse. */
function baseName(fileName: string): string {
  return fileName.split(/[\\/]/).pop() || fileName;
}

/**
 * The real format is read from the content, never the extension. Size and row limits are checked
 * before the full parse, so an oversized file is refused in a moment instead of filling memory.
 */
export async function readWorkbook(bytes: Buffer, fileName: string, limits: ReadLimits = {}): Promise<RawWorkbook> {
  const name = baseName(fileName);
  const maxBytes = limits.maxBytes ?? DEFAULT_MAX_BYTES;
  const maxRows = limits.maxRows ?? DEFAULT_MAX_ROWS;
  if (bytes.length > maxBytes) throw tooLarge(name, bytes.length, maxBytes);
  if (bytes.length === 0) throw empty(name);
  const kind = classifyFile(bytes, name);
  if (kind === 'text' && bytes.length < MIN_TEXT_BYTES) throw tooSmall(name, bytes.length);
  const book = kind === 'zip' ? await readXlsx(bytes, name, { maxRows }) : readCsv(bytes, name, maxRows);
  if (!book.sheets.some((s) => s.rowCount > 0)) throw empty(name);
  return book;
}
