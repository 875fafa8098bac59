/**
 * Counts a workbook's rows from its raw XML before ExcelJS loads it: ExcelJS builds every row in
 * memory, so a 200,000-row sheet must be refused before it is handed over.
 */
import type JSZip from 'jszip';
import { tooManyRows } from './read-errors';

interface SheetPart {
  name: string;
  path: string;
}

function decodeXml(text: string): string {
  return text
    .replace(/&#x([0-9a-f]+);/gi, (_, hex: string) => String.fromCodePoint(parseInt(hex, 16)))
    .replace(/&#(\d+);/g, (_, dec: string) => String.fromCodePoint(Number(dec)))
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

function attr(tag: string, name: string): string | undefined {
  const m = new RegExp(`(?:^|\\s)${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`).exec(tag);
  return m ? decodeXml(m[1] ?? m[2] ?? '') : undefined;
}

/** Tags may carry a namespace prefix (`x:sheet`), as files written by .NET tools do. */
function tags(xml: string, local: string): string[] {
  return [...xml.matchAll(new RegExp(`<(?:[\\w.-]+:)?${local}\\b([^>]*)>`, 'g'))].map((m) => m[1] ?? '');
}

function resolveTarget(target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const parts = ['xl'];
  for (const seg of target.split('/')) {
    if (seg === '..') parts.pop();
    else if (seg !== '.') parts.push(seg);
  }
  return parts.join('/');
}

/** The worksheets in the order the workbook lists them, with the names the clerk sees on the tabs. */
async function sheetParts(zip: JSZip): Promise<SheetPart[]> {
  const workbook = (await zip.file('xl/workbook.xml')?.async('string')) ?? '';
  const rels = (await zip.file('xl/_rels/workbook.xml.rels')?.async('string')) ?? '';
  const targets = new Map<string, string>();
  for (const rel of tags(rels, 'Relationship')) {
    const id = attr(rel, 'Id');
    const target = attr(rel, 'Target');
    if (id && target && /\/worksheet$/.test(attr(rel, 'Type') ?? '')) targets.set(id, resolveTarget(target));
  }
  const parts: SheetPart[] = [];
  for (const sheet of tags(workbook, 'sheet')) {
    const id = /\s[\w.-]+:id\s*=\s*"([^"]*)"/.exec(sheet)?.[1];
    const path = id ? targets.get(id) : undefined;
    if (path) parts.push({ name: attr(sheet, 'name') ?? path, path });
  }
  return parts;
}

const TOKEN = /<(\/?)(?:[A-Za-z_][\w.-]*:)?(row|v|is|f|sheetData|dimension)(?=[\s>/])/g;

/**
 * Rows holding at least one value, or null as soon as the sheet is known to be within the limit.
 * The `<dimension>` tag answers at once when present; otherwise (and to confirm a large dimension,
 * which formatting alone can inflate) rows holding a value are counted while the XML streams past.
 */
function countRows(file: JSZip.JSZipObject, limit: number): Promise<number | null> {
  return new Promise((resolve, reject) => {
    const stream = file.nodeStream('nodebuffer');
    let carry = '';
    let dimensionRows: number | undefined;
    let inRow = false;
    let rows = 0;
    let done = false;
    const finish = (result: number | null): void => {
      if (done) return;
      done = true;
      stream.removeAllListeners('data');
      stream.pause();
      resolve(result);
    };
    const scan = (text: string): void => {
      for (const m of text.matchAll(TOKEN)) {
        const closing = m[1] === '/';
        const name = m[2];
        if (name === 'dimension') {
          const ref = /ref\s*=\s*"([^"]*)"/.exec(text.slice(m.index, text.indexOf('>', m.index)))?.[1] ?? '';
          const last = /:[A-Z]*(\d+)$/i.exec(ref);
          if (last) dimensionRows = Number(last[1]);
        } else if (name === 'sheetData') {
          if (closing) return finish(rows > limit ? rows : null);
          if (dimensionRows !== undefined && dimensionRows <= limit) return finish(null);
        } else if (name === 'row' && !closing) {
          inRow = true;
        } else if (inRow && !closing) {
          rows++;
          inRow = false;
        }
      }
    };
    stream.on('data', (chunk: Buffer) => {
      // Tags are ASCII, so latin1 is enough; cutting at the last '<' keeps every tag whole.
      const text = carry + chunk.toString('latin1');
      const cut = text.lastIndexOf('<');
      carry = cut >= 0 ? text.slice(cut) : '';
      scan(cut >= 0 ? text.slice(0, cut) : text);
    });
    stream.on('end', () => {
      scan(carry);
      finish(rows > limit ? rows : null);
    });
    stream.on('error', (err: Error) => {
      if (!done) {
        done = true;
        reject(err);
      }
    });
    stream.resume();
  });
}

/** Throws IMPORT_TOO_MANY_ROWS naming the first sheet over the limit. */
export async function checkRowLimits(zip: JSZip, fileName: string, maxRows: number, allowance: number): Promise<void> {
  for (const part of await sheetParts(zip)) {
    const file = zip.file(part.path);
    if (!file) continue;
    const rows = await countRows(file, maxRows + allowance);
    if (rows !== null) throw tooManyRows(fileName, part.name, rows, maxRows);
  }
}
