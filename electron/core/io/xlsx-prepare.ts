/**
 * Checks an .xlsx container in one linear pass and hands ExcelJS a minimal copy holding only what a
 * list needs: the sheets' cells and merges, the shared strings and the styles (dates are told apart
 * by their number format). Everything else a file can carry, and that ExcelJS would expand in memory
 * (defined names, data validations and conditional formats over whole columns, drawings, comments,
 * images), is left behind unread.
 */
import JSZip from 'jszip';
import { formatNumber } from '../../../shared/domain/format';
import type { AppError } from '../errors';
import { damaged, encrypted, farBelow, notSpreadsheet, saveAsXlsx, tooComplex, tooManyColumns, tooManyRows } from './read-errors';
import { HEADER_ALLOWANCE, MAX_COLUMNS } from './raw-sheet';
import { SHEET_CLOSING_TAGS, SHEET_TAGS, SheetRefusal, SheetScan, WorkbookTally, type SheetBudget } from './xlsx-sheet-scan';
import { XmlRefusal, XmlTagScanner, attribute, decodeXml, fromLatin1, scanAll } from './xml-tags';
import { ZIP_LIMITS, ZipParts, ZipRefusal, type ZipLimits } from './zip-parts';

const SMALL_PART = 4 * 1024 * 1024;
const MAX_SHEETS = 250;
const MAX_SHARED_STRINGS = 1_000_000;
const MAX_STYLE_RECORDS = 100_000;

const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';

export interface PrepareLimits {
  maxRows: number;
  zip?: ZipLimits;
  sheets?: SheetBudget;
}

interface SheetPart {
  name: string;
  path: string;
  hidden: boolean;
}

/** A ZIP that is not a workbook: say what it is when the parts give it away. */
async function refuseOtherZip(zip: ZipParts, fileName: string): Promise<never> {
  if (zip.has('xl/workbook.bin')) throw saveAsXlsx(fileName, 'bảng tính Excel nhị phân (.xlsb)');
  const mimetype = zip.has('mimetype') ? (await zip.read('mimetype', 1024)).toString('latin1').trim() : '';
  if (mimetype === 'application/vnd.oasis.opendocument.spreadsheet') {
    throw saveAsXlsx(fileName, 'bảng tính OpenDocument (.ods) của LibreOffice/OpenOffice');
  }
  if (zip.has('word/document.xml') || mimetype === 'application/vnd.oasis.opendocument.text') {
    throw notSpreadsheet(fileName, 'tài liệu văn bản (Word)');
  }
  if (zip.has('ppt/presentation.xml')) throw notSpreadsheet(fileName, 'bản trình chiếu PowerPoint');
  throw notSpreadsheet(fileName, 'tệp nén ZIP');
}

function resolveTarget(target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const parts = ['xl'];
  for (const seg of target.split('/')) {
    if (seg === '..') parts.pop();
    else if (seg !== '.' && seg !== '') parts.push(seg);
  }
  return parts.join('/');
}

interface WorkbookInfo {
  sheets: SheetPart[];
  date1904: boolean;
  sharedStrings: string | null;
  styles: string | null;
}

async function readWorkbookInfo(zip: ZipParts): Promise<WorkbookInfo> {
  const targets = new Map<string, string>();
  let sharedStrings: string | null = null;
  let styles: string | null = null;
  if (zip.has('xl/_rels/workbook.xml.rels')) {
    scanAll(await zip.read('xl/_rels/workbook.xml.rels', SMALL_PART), ['Relationship'], (t) => {
      const id = attribute(t.attrs, 'Id');
      const target = attribute(t.attrs, 'Target');
      const type = attribute(t.attrs, 'Type') ?? '';
      if (!id || !target) return;
      const path = resolveTarget(decodeXml(fromLatin1(target)));
      if (type.endsWith('/worksheet')) targets.set(id, path);
      else if (type.endsWith('/sharedStrings')) sharedStrings = path;
      else if (type.endsWith('/styles')) styles = path;
    });
  }
  const sheets: SheetPart[] = [];
  let date1904 = false;
  scanAll(await zip.read('xl/workbook.xml', SMALL_PART), ['sheet', 'workbookPr'], (t) => {
    if (t.closing) return;
    if (t.name === 'workbookPr') {
      const v = attribute(t.attrs, 'date1904');
      date1904 = v === '1' || v === 'true';
      return;
    }
    const id = /\s[\w.-]+:id\s*=\s*"([^"]*)"/.exec(t.attrs)?.[1];
    const path = id ? targets.get(id) : undefined;
    if (!path || !zip.has(path)) return;
    const state = attribute(t.attrs, 'state');
    sheets.push({
      name: decodeXml(fromLatin1(attribute(t.attrs, 'name') ?? path)),
      path,
      hidden: state === 'hidden' || state === 'veryHidden',
    });
  });
  const fallback = (path: string, found: string | null): string | null => (found && zip.has(found) ? found : zip.has(path) ? path : null);
  return { sheets, date1904, sharedStrings: fallback('xl/sharedStrings.xml', sharedStrings), styles: fallback('xl/styles.xml', styles) };
}

/** Counts records in a part as it streams, refusing when there are more than any real list has. */
async function countRecords(zip: ZipParts, path: string, names: string[], max: number, what: string): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let count = 0;
  const scanner = new XmlTagScanner(names, (t) => {
    if (!t.closing && ++count > max) throw new SheetRefusal({ kind: 'too-complex', what: `hơn ${formatNumber(max)} ${what}` });
  });
  await zip.stream(path, (chunk) => {
    scanner.push(chunk);
    chunks.push(chunk);
  });
  scanner.end();
  return Buffer.concat(chunks);
}

function slice(chunks: Buffer[], start: number, end: number): Buffer {
  const out: Buffer[] = [];
  let offset = 0;
  for (const c of chunks) {
    const from = Math.max(start, offset);
    const to = Math.min(end, offset + c.length);
    if (from < to) out.push(c.subarray(from - offset, to - offset));
    offset += c.length;
    if (offset >= end) break;
  }
  return Buffer.concat(out);
}

/** The sheet reduced to its root, cells and merges; null when it is over the row limit (refused later). */
async function prepareSheet(
  zip: ZipParts,
  sheet: SheetPart,
  maxRows: number,
  tally: WorkbookTally,
): Promise<{ xml: Buffer; rows: number }> {
  const scan = new SheetScan(sheet.name, maxRows, tally);
  const scanner = new XmlTagScanner(SHEET_TAGS, scan.onTag, SHEET_CLOSING_TAGS);
  const chunks: Buffer[] = [];
  await zip.stream(sheet.path, (chunk) => {
    scanner.push(chunk);
    // Over the limit the rows are still counted, for the message, but no longer kept.
    if (!scan.overRows) chunks.push(chunk);
  });
  scanner.end();
  if (scan.overRows) return { xml: Buffer.alloc(0), rows: scan.rowsWithValue };
  const root = scan.root;
  if (!root || scan.sheetDataUnclosed) throw new SheetRefusal({ kind: 'damaged', what: `trang «${sheet.name}» không đọc được` });
  const pieces = [Buffer.from('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'), slice(chunks, root.start, root.end)];
  pieces.push(scan.sheetData ? slice(chunks, scan.sheetData.start, scan.sheetData.end) : Buffer.from('<sheetData/>'));
  if (scan.mergeCells) pieces.push(slice(chunks, scan.mergeCells.start, scan.mergeCells.end));
  pieces.push(Buffer.from(`</${root.qname}>`));
  return { xml: Buffer.concat(pieces), rows: scan.rowsWithValue };
}

function escapeAttr(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function minimalWorkbook(info: WorkbookInfo): { workbook: string; rels: string } {
  const sheets = info.sheets
    .map((s, i) => `<sheet name="${escapeAttr(s.name)}" sheetId="${i + 1}"${s.hidden ? ' state="hidden"' : ''} r:id="rId${i + 1}"/>`)
    .join('');
  const workbook =
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook xmlns="${MAIN}" xmlns:r="${REL}">` +
    `<workbookPr${info.date1904 ? ' date1904="1"' : ''}/><sheets>${sheets}</sheets></workbook>`;
  const rel = (id: string, type: string, target: string): string => `<Relationship Id="${id}" Type="${REL}/${type}" Target="${target}"/>`;
  const rels =
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
    info.sheets.map((_, i) => rel(`rId${i + 1}`, 'worksheet', `worksheets/sheet${i + 1}.xml`)).join('') +
    (info.styles ? rel('rIdStyles', 'styles', 'styles.xml') : '') +
    (info.sharedStrings ? rel('rIdStrings', 'sharedStrings', 'sharedStrings.xml') : '') +
    '</Relationships>';
  return { workbook, rels };
}

function refusal(err: unknown, fileName: string, maxRows: number): AppError | null {
  if (err instanceof ZipRefusal) {
    if (err.kind === 'encrypted') return encrypted(fileName);
    if (err.kind === 'damaged') return damaged(fileName);
    if (err.kind === 'too-many-parts') return tooComplex(fileName, 'quá nhiều thành phần bên trong');
    return tooComplex(fileName, 'dữ liệu sau khi giải nén quá lớn');
  }
  if (err instanceof XmlRefusal) {
    const why = {
      doctype: 'có khai báo XML không được phép',
      'tag-too-long': 'có thẻ XML dài bất thường',
      unfinished: 'nội dung bị cắt cụt',
    };
    return damaged(fileName, why[err.kind]);
  }
  if (err instanceof SheetRefusal) {
    const p = err.problem;
    if (p.kind === 'far-below') return farBelow(fileName, p.where, maxRows);
    if (p.kind === 'too-far-right') return tooManyColumns(fileName, p.where, MAX_COLUMNS);
    if (p.kind === 'too-complex') return tooComplex(fileName, p.what);
    if (p.kind === 'damaged') return damaged(fileName, p.what);
  }
  return null;
}

/**
 * The workbook ExcelJS will read, as a ZIP of only the needed parts, or a refusal in the clerk's words.
 * `maxRows` is rows of data; the header rows above a list are allowed on top.
 */
export async function prepareXlsx(bytes: Buffer, fileName: string, limits: PrepareLimits): Promise<{ zip: Buffer }> {
  const rowLimit = limits.maxRows + HEADER_ALLOWANCE;
  let zip: ZipParts | null = null;
  try {
    zip = await ZipParts.open(bytes, limits.zip ?? ZIP_LIMITS);
    if (!zip.has('xl/workbook.xml')) return await refuseOtherZip(zip, fileName);
    if (!zip.has('[Content_Types].xml')) throw damaged(fileName);
    const info = await readWorkbookInfo(zip);
    if (info.sheets.length === 0) throw damaged(fileName, 'không tìm thấy trang tính nào');
    if (info.sheets.length > MAX_SHEETS) throw tooComplex(fileName, `có ${formatNumber(info.sheets.length)} trang`);
    const out = new JSZip();
    const tally = new WorkbookTally(limits.sheets);
    let index = 0;
    for (const sheet of info.sheets) {
      const prepared = await prepareSheet(zip, sheet, rowLimit, tally);
      if (prepared.rows > rowLimit) throw tooManyRows(fileName, sheet.name, prepared.rows, limits.maxRows);
      out.file(`xl/worksheets/sheet${++index}.xml`, prepared.xml);
    }
    if (info.sharedStrings)
      out.file('xl/sharedStrings.xml', await countRecords(zip, info.sharedStrings, ['si'], MAX_SHARED_STRINGS, 'chuỗi chữ'));
    if (info.styles) {
      out.file(
        'xl/styles.xml',
        await countRecords(zip, info.styles, ['numFmt', 'xf', 'font', 'fill', 'border', 'dxf'], MAX_STYLE_RECORDS, 'kiểu định dạng'),
      );
    }
    const { workbook, rels } = minimalWorkbook(info);
    out.file('xl/workbook.xml', workbook);
    out.file('xl/_rels/workbook.xml.rels', rels);
    return { zip: await out.generateAsync({ type: 'nodebuffer', compression: 'STORE' }) };
  } catch (err) {
    throw refusal(err, fileName, limits.maxRows) ?? err;
  } finally {
    zip?.close();
  }
}
