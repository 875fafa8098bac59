import ExcelJS from 'exceljs';
import { AppError } from '../../electron/core/errors';
import type { RawSheet } from '../../electron/core/io/sheet-reader';

export async function xlsx(build: (wb: ExcelJS.Workbook) => void): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  build(wb);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export async function refusal(promise: Promise<unknown>): Promise<AppError> {
  try {
    await promise;
  } catch (err) {
    if (err instanceof AppError) return err;
    throw err;
  }
  throw new Error('expected the file to be refused');
}

export function sheet(sheets: RawSheet[], name: string): RawSheet {
  const found = sheets.find((s) => s.name === name);
  if (!found) throw new Error(`no sheet ${name}`);
  return found;
}

/** Excel's "CSV" on a Vietnamese Windows: windows-1258, tone marks as separate combining bytes. */
const CP1258_LETTERS: Record<string, number> = {
  Ă: 0xc3,
  ă: 0xe3,
  Â: 0xc2,
  â: 0xe2,
  Ê: 0xca,
  ê: 0xea,
  Ô: 0xd4,
  ô: 0xf4,
  Ơ: 0xd5,
  ơ: 0xf5,
  Ư: 0xdd,
  ư: 0xfd,
  Đ: 0xd0,
  đ: 0xf0,
};
const CP1258_TONES: Record<string, number> = { '\u0300': 0xcc, '\u0301': 0xec, '\u0303': 0xde, '\u0309': 0xd2, '\u0323': 0xf2 };

export function cp1258(text: string): Buffer {
  const out: number[] = [];
  for (const ch of text.normalize('NFC')) {
    if (ch.charCodeAt(0) < 0x80) {
      out.push(ch.charCodeAt(0));
      continue;
    }
    const marks = [...ch.normalize('NFD')];
    let base = marks.shift()!;
    if (marks[0] && !(marks[0] in CP1258_TONES)) base = (base + marks.shift()!).normalize('NFC');
    const letter = base.charCodeAt(0) < 0x80 ? base.charCodeAt(0) : CP1258_LETTERS[base];
    if (letter === undefined) throw new Error(`no windows-1258 byte for ${base}`);
    out.push(letter);
    for (const m of marks) {
      const tone = CP1258_TONES[m];
      if (tone === undefined) throw new Error(`no windows-1258 byte for U+${m.charCodeAt(0).toString(16)}`);
      out.push(tone);
    }
  }
  return Buffer.from(out);
}
