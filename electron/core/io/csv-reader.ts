/** CSV as Excel writes it on a Vietnamese Windows: legacy code page or UTF-8, `;` or `,` or tab. */
import { parse } from 'csv-parse/sync';
import { cleanText } from '../../../shared/domain/text';
import { decodeLegacy, detectLegacyFont, isVietnameseSyllable } from '../../../shared/domain/legacy-vietnamese';
import { formatNumber } from '../../../shared/domain/format';
import {
  checkCellText,
  denseCells,
  HEADER_ALLOWANCE,
  MAX_RECORD_FIELDS,
  type CellValue,
  type CsvEncoding,
  type RawWorkbook,
} from './raw-sheet';
import { damaged, notSpreadsheet, saveAsXlsx, tooComplex, tooManyRows } from './read-errors';

type Delimiter = ',' | ';' | '\t';
const DELIMITERS: Delimiter[] = [';', ',', '\t'];
const SAMPLE_CHARS = 64 * 1024;
const SAMPLE_RECORDS = 50;

/**
 * "CSV (Comma delimited)" from Excel is saved in the Windows code page, windows-1258 on a Vietnamese
 * system. Node's full ICU has it; a runtime built without it falls back to windows-1252, which keeps
 * the unaccented letters and digits readable and shows the clerk the file needs saving as UTF-8.
 * A list typed in .VnTime (TCVN3) or VNI-Times is another matter: its letters are Latin-1 code points,
 * which windows-1258 scrambles beyond conversion. It is read as windows-1252 when that reading, converted
 * from the old font, makes more Vietnamese words than windows-1258 does, so the sheet's old-font check
 * can offer the conversion.
 */
function legacyDecode(bytes: Uint8Array): { text: string; encoding: CsvEncoding } {
  const latin = new TextDecoder('windows-1252').decode(bytes);
  let vietnamese: string;
  try {
    vietnamese = new TextDecoder('windows-1258').decode(bytes);
  } catch {
    return { text: latin, encoding: 'windows-1252' };
  }
  const fields = (text: string) => text.slice(0, SAMPLE_CHARS).split(/[;,\t\r\n]+/);
  const verdict = detectLegacyFont(fields(latin));
  if (verdict && vietnameseWords(fields(latin).map((f) => decodeLegacy(f, verdict.font))) > vietnameseWords(fields(vietnamese))) {
    return { text: latin, encoding: 'windows-1252' };
  }
  return { text: vietnamese, encoding: 'windows-1258' };
}

/** Words with a letter beyond ASCII that are spelled as Vietnamese syllables. */
function vietnameseWords(fields: string[]): number {
  let n = 0;
  for (const f of fields) for (const w of f.split(/[\s.()/-]+/)) if (/[^\u0020-\u007e]/.test(w) && isVietnameseSyllable(w)) n++;
  return n;
}

function decode(bytes: Buffer): { text: string; encoding: CsvEncoding } {
  // "Unicode Text" from Excel is UTF-16 with a byte order mark.
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be' };
  const hasBom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  const body = hasBom ? bytes.subarray(3) : bytes;
  try {
    return { text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(body), encoding: 'utf-8' };
  } catch {
    return legacyDecode(body);
  }
}

/** Binary junk decodes to something in a legacy code page; control characters give it away. */
function looksLikeText(text: string): boolean {
  const sample = text.slice(0, SAMPLE_CHARS);
  if (sample.includes('\u0000')) return false;
  // eslint-disable-next-line no-control-regex
  const controls = sample.match(/[\u0001-\u0008\u000E-\u001F\u007F-\u009F\uFFFD]/g)?.length ?? 0;
  return controls <= sample.length * 0.01;
}

/** Web systems export HTML or XML and name it .xls; Excel opens those, so the fix is Save As. */
function refuseMarkup(text: string, fileName: string): void {
  const head = text.slice(0, 4096).trimStart().toLowerCase();
  if (!head.startsWith('<')) return;
  if (head.includes('urn:schemas-microsoft-com:office:spreadsheet')) {
    throw saveAsXlsx(fileName, 'bảng tính dạng XML (XML Spreadsheet 2003)');
  }
  if (/<(html|table|body|head|meta)\b|<!doctype html/.test(head)) {
    throw saveAsXlsx(fileName, 'trang web (HTML) được đặt tên như tệp Excel');
  }
  throw notSpreadsheet(fileName, 'tệp XML');
}

/** Per-record counts of each delimiter outside quotes, over the first records. */
function delimiterCounts(text: string): Map<Delimiter, number[]> {
  const counts = new Map<Delimiter, number[]>(DELIMITERS.map((d) => [d, []]));
  let current = new Map<Delimiter, number>(DELIMITERS.map((d) => [d, 0]));
  let inQuotes = false;
  let records = 0;
  const sample = text.slice(0, SAMPLE_CHARS);
  const endRecord = (): void => {
    if ([...current.values()].some((n) => n > 0)) for (const d of DELIMITERS) counts.get(d)!.push(current.get(d)!);
    current = new Map(DELIMITERS.map((d) => [d, 0]));
    records++;
  };
  for (let i = 0; i < sample.length && records < SAMPLE_RECORDS; i++) {
    const ch = sample[i]!;
    if (ch === '"') inQuotes = !inQuotes;
    else if (!inQuotes && (ch === '\n' || (ch === '\r' && sample[i + 1] !== '\n'))) endRecord();
    else if (!inQuotes && (ch === ';' || ch === ',' || ch === '\t')) current.set(ch, current.get(ch)! + 1);
  }
  endRecord();
  return counts;
}

/**
 * Excel pads every row of a CSV to the same width, so the real delimiter appears the same number of
 * times on most lines; commas inside addresses ("Thôn 1, xã Đắk Hà") vary from line to line.
 */
function detectDelimiter(text: string): Delimiter {
  let best: { d: Delimiter; lines: number; mode: number } = { d: ',', lines: 0, mode: 0 };
  for (const [d, perRecord] of delimiterCounts(text)) {
    const freq = new Map<number, number>();
    for (const n of perRecord) if (n > 0) freq.set(n, (freq.get(n) ?? 0) + 1);
    for (const [mode, lines] of freq) {
      if (lines > best.lines || (lines === best.lines && mode > best.mode)) best = { d, lines, mode };
    }
  }
  return best.d;
}

/** No list has a line of a megabyte: refusing one first spares the parser a long, useless walk. */
const MAX_LINE_CHARS = 1024 * 1024;

/** The first line longer than MAX_LINE_CHARS (1-based), or 0. */
function overlongLine(text: string): number {
  let line = 1;
  let start = 0;
  for (let i = 0; i <= text.length; i++) {
    const c = i === text.length ? 10 : text.charCodeAt(i);
    if (c !== 10 && c !== 13) continue;
    if (i - start > MAX_LINE_CHARS) return line;
    if (c === 13 && text.charCodeAt(i + 1) === 10) i++;
    line++;
    start = i + 1;
  }
  return 0;
}

/** Records by any line ending: old Mac exports end lines with CR alone. */
function countLines(text: string): number {
  let lines = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) lines++;
    else if (c === 13) {
      lines++;
      if (text.charCodeAt(i + 1) === 10) i++;
    }
  }
  const last = text.charCodeAt(text.length - 1);
  return text.length > 0 && last !== 10 && last !== 13 ? lines + 1 : lines;
}

function parseRecords(text: string, delimiter: Delimiter, fileName: string): string[][] {
  try {
    return parse(text, { delimiter, relax_column_count: true, relax_quotes: true, skip_empty_lines: false }) as string[][];
  } catch (err) {
    const { code, records } = err as { code?: unknown; records?: unknown };
    if (code === 'CSV_QUOTE_NOT_CLOSED' && typeof records === 'number') {
      throw damaged(fileName, `dòng ${records + 1} có dấu ngoặc kép (") mở mà không đóng`);
    }
    throw damaged(fileName);
  }
}

function sheetName(fileName: string): string {
  return fileName.replace(/\.[^.]+$/, '') || fileName;
}

export function readCsv(bytes: Buffer, fileName: string, maxRows: number): RawWorkbook {
  const { text, encoding } = decode(bytes);
  if (!looksLikeText(text)) throw notSpreadsheet(fileName);
  refuseMarkup(text, fileName);
  const name = sheetName(fileName);
  const lines = countLines(text);
  if (lines > maxRows + HEADER_ALLOWANCE) throw tooManyRows(fileName, name, lines, maxRows);
  const long = overlongLine(text);
  if (long) throw tooComplex(fileName, `dòng ${formatNumber(long)} dài hơn ${formatNumber(MAX_LINE_CHARS)} ký tự`);
  const records = parseRecords(text, detectDelimiter(text), fileName);
  const sparse = records.map((rec, r) => {
    if (rec.length > MAX_RECORD_FIELDS) throw tooComplex(fileName, `dòng ${r + 1} có ${formatNumber(rec.length)} cột`);
    return rec.map((field, c): CellValue => {
      checkCellText(field, fileName, name, r, c);
      const t = cleanText(field);
      return t === '' ? null : t;
    });
  });
  const { cells, colCount } = denseCells(sparse, fileName, name);
  return {
    format: 'csv',
    encoding,
    sheets: [{ name, rowCount: cells.length, colCount, cells, merges: [], hidden: false, formulaCellsWithoutValue: 0 }],
  };
}
