/**
 * What a file really is, from its first bytes: clerks rename files, and Windows hides extensions,
 * so "ds.xlsx" may be a PDF, an old .xls or a password-protected workbook.
 */
import { encrypted, notSpreadsheet, oldXls } from './read-errors';

const ZIP = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
const EMPTY_ZIP = Buffer.from([0x50, 0x4b, 0x05, 0x06]);
/** Compound File Binary: old Office files, and also the wrapper Office puts around an encrypted .xlsx. */
const OLE = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);

const KNOWN_BINARIES: { magic: Buffer; looksLike: string }[] = [
  { magic: Buffer.from('%PDF', 'latin1'), looksLike: 'tệp PDF' },
  { magic: Buffer.from([0x89, 0x50, 0x4e, 0x47]), looksLike: 'hình ảnh PNG' },
  { magic: Buffer.from([0xff, 0xd8, 0xff]), looksLike: 'hình ảnh JPEG' },
  { magic: Buffer.from('GIF8', 'latin1'), looksLike: 'hình ảnh GIF' },
  { magic: Buffer.from('Rar!', 'latin1'), looksLike: 'tệp nén RAR' },
  { magic: Buffer.from([0x37, 0x7a, 0xbc, 0xaf]), looksLike: 'tệp nén 7-Zip' },
  { magic: Buffer.from('{\\rtf', 'latin1'), looksLike: 'văn bản RTF' },
];

function utf16(name: string): Buffer {
  return Buffer.from(name, 'utf16le');
}

/** Stream names in the compound file's directory are UTF-16LE, so a byte search finds them. */
function classifyOle(bytes: Buffer, fileName: string): never {
  if (bytes.includes(utf16('EncryptionInfo'))) throw encrypted(fileName);
  if (bytes.includes(utf16('WordDocument'))) throw notSpreadsheet(fileName, 'tài liệu Word cũ (.doc)');
  if (bytes.includes(utf16('PowerPoint Document'))) throw notSpreadsheet(fileName, 'bản trình chiếu PowerPoint cũ (.ppt)');
  throw oldXls(fileName);
}

/** 'zip' may be a workbook, 'text' may be a CSV; every other kind is refused here. */
export function classifyFile(bytes: Buffer, fileName: string): 'zip' | 'text' {
  if (bytes.subarray(0, 4).equals(ZIP)) return 'zip';
  if (bytes.subarray(0, 4).equals(EMPTY_ZIP)) throw notSpreadsheet(fileName, 'tệp nén ZIP rỗng');
  if (bytes.subarray(0, 8).equals(OLE)) classifyOle(bytes, fileName);
  for (const { magic, looksLike } of KNOWN_BINARIES) {
    if (bytes.subarray(0, magic.length).equals(magic)) throw notSpreadsheet(fileName, looksLike);
  }
  return 'text';
}
