/**
 * Copies off the PC («Sao lưu ra USB/thư mục khác») and restores from them («Khôi phục từ tệp»).
 * The file is the encrypted database behind a small readable header (which centre, when, which
 * version, which key, the payload's length and SHA-256), so a wrong key, another centre's backup,
 * a copy cut short or altered each get their own message before anything is replaced.
 *
 *   "TTCTBAK1" | header length (uint32 LE) | header JSON (UTF-8) | encrypted SQLite file
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { foldText } from '../../../shared/domain/text';
import { AppError } from '../errors';
import { fsyncDir } from '../db/durable';
import { fileFormat } from '../db/open';

const MAGIC = Buffer.from('TTCTBAK1', 'latin1');
const MAX_HEADER = 64 * 1024;
const CHUNK = 1 << 20;
export const OFFSITE_EXTENSION = '.ttctbak';

const headerSchema = z.object({
  format: z.literal(1),
  centreId: z.string().max(100),
  centreName: z.string().max(500).nullable(),
  createdAt: z.string().max(40),
  appVersion: z.string().max(40),
  schemaVersion: z.number().int(),
  keyId: z.string().regex(/^[0-9a-f]{16}$/),
  payloadBytes: z.number().int().positive(),
  payloadSha256: z.string().regex(/^[0-9a-f]{64}$/),
});
export type OffsiteHeader = z.infer<typeof headerSchema>;

/** What a file offered for restore is, before any key is tried. */
export type OffsiteFile =
  | { kind: 'container'; header: OffsiteHeader; payloadOffset: number; sizeBytes: number }
  | { kind: 'plain'; sizeBytes: number }
  | { kind: 'raw-encrypted'; sizeBytes: number };

/** Date, centre and version readable in the name: `TTCT-saoluu-trung-tam-chinh-tri-x-2026-12-06-1430-v1.4.0.ttctbak`. */
export function offsiteFileName(centreName: string | null, at: Date, appVersion: string): string {
  const centre = foldText(centreName ?? 'trung tam')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 60)
    .replace(/-$/, '');
  const local = new Date(at.getTime() + 7 * 3600_000).toISOString();
  const stamp = `${local.slice(0, 10)}-${local.slice(11, 13)}${local.slice(14, 16)}`;
  const version = appVersion.replace(/[^0-9A-Za-z.-]/g, '');
  return `TTCT-saoluu-${centre || 'trung-tam'}-${stamp}-v${version}${OFFSITE_EXTENSION}`;
}

function sha256File(file: string, offset = 0): { hash: string; bytes: number } {
  const hash = crypto.createHash('sha256');
  const fd = fs.openSync(file, 'r');
  const buf = Buffer.alloc(CHUNK);
  let pos = offset;
  let bytes = 0;
  try {
    for (;;) {
      const n = fs.readSync(fd, buf, 0, CHUNK, pos);
      if (n === 0) break;
      hash.update(buf.subarray(0, n));
      pos += n;
      bytes += n;
    }
  } finally {
    fs.closeSync(fd);
  }
  return { hash: hash.digest('hex'), bytes };
}

function writeAll(fd: number, data: Buffer): void {
  let done = 0;
  while (done < data.length) done += fs.writeSync(fd, data, done, data.length - done);
}

/** Appends a file's bytes from `offset` to its end to an open file, a chunk at a time (a backup may be larger than memory allows). */
function copyFrom(file: string, offset: number, out: number): void {
  const src = fs.openSync(file, 'r');
  try {
    const buf = Buffer.alloc(CHUNK);
    for (let pos = offset; ;) {
      const n = fs.readSync(src, buf, 0, CHUNK, pos);
      if (n === 0) break;
      writeAll(out, buf.subarray(0, n));
      pos += n;
    }
  } finally {
    fs.closeSync(src);
  }
}

/** Where the off-PC copy went wrong, in the clerk's words; nothing was replaced. */
function offsiteError(err: unknown, folder: string, neededBytes: number): AppError {
  if (err instanceof AppError) return err;
  const code = (err as { code?: string }).code;
  if (code === 'ENOSPC' || code === 'EFBIG') {
    const mb = Math.ceil(neededBytes / 1_000_000).toLocaleString('vi-VN');
    return new AppError(
      'DISK_FULL',
      `Không đủ chỗ trống trong ${folder}: bản sao cần khoảng ${mb} MB. Chưa có bản sao nào được tạo ở đó; hãy dùng USB khác hoặc xoá bớt tệp rồi thử lại.`,
    );
  }
  if (code === 'EROFS' || code === 'EACCES' || code === 'EPERM') {
    return new AppError(
      'OFFSITE_WRITE_FAILED',
      `Không được phép ghi vào ${folder} (USB bị khoá ghi hoặc thư mục chỉ đọc). Chưa có bản sao nào được tạo.`,
    );
  }
  return new AppError(
    'OFFSITE_WRITE_FAILED',
    `Không ghi được bản sao vào ${folder} (USB có thể đã bị rút ra giữa chừng). Bản sao dở dang không được dùng; dữ liệu trên máy vẫn nguyên vẹn — hãy cắm lại USB và sao lưu lại.`,
  );
}

/**
 * Writes header + payload under a `.partial` name on the destination, forces it to the device,
 * renames it, then reads it back and compares the hash: a listed file there is a complete one.
 */
export function writeOffsite(
  payloadFile: string,
  folder: string,
  name: string,
  header: Omit<OffsiteHeader, 'payloadBytes' | 'payloadSha256'>,
): string {
  const { hash, bytes } = sha256File(payloadFile);
  const full: OffsiteHeader = { ...header, payloadBytes: bytes, payloadSha256: hash };
  const json = Buffer.from(JSON.stringify(full), 'utf8');
  const length = Buffer.alloc(4);
  length.writeUInt32LE(json.length);
  let target = path.join(folder, name);
  for (let n = 2; fs.existsSync(target); n++) target = path.join(folder, name.replace(OFFSITE_EXTENSION, `-${n}${OFFSITE_EXTENSION}`));
  const partial = `${target}.partial`;
  let fd: number | null = null;
  try {
    fd = fs.openSync(partial, 'w', 0o600);
    writeAll(fd, Buffer.concat([MAGIC, length, json]));
    copyFrom(payloadFile, 0, fd);
    fs.fsyncSync(fd);
    fs.closeSync(fd);
    fd = null;
    fs.renameSync(partial, target);
    fsyncDir(folder);
  } catch (err) {
    if (fd !== null) {
      try {
        fs.closeSync(fd);
      } catch {
        // The device may be gone.
      }
    }
    try {
      fs.rmSync(partial, { force: true });
    } catch {
      // Left on a stick that was pulled out; never taken for a backup (its name ends in .partial).
    }
    throw offsiteError(err, folder, bytes + json.length);
  }
  let same = false;
  try {
    const back = readOffsite(target);
    same = back.kind === 'container' && sha256File(target, back.payloadOffset).hash === hash;
  } catch (err) {
    // Pulled out between the rename and the read-back.
    throw offsiteError(err instanceof AppError ? new Error(err.message) : err, folder, bytes + json.length);
  }
  if (!same) {
    fs.rmSync(target, { force: true });
    throw new AppError(
      'OFFSITE_WRITE_FAILED',
      `Bản sao vừa ghi vào ${folder} đọc lại không khớp (USB có thể bị lỗi). Tệp đã được xoá; hãy thử USB khác.`,
    );
  }
  return target;
}

function notOurs(file: string): AppError {
  return new AppError('BACKUP_NOT_OURS', `Tệp ${path.basename(file)} không phải bản sao lưu của phần mềm này.`);
}

/** What kind of file it is, with the header checked and the length compared (a copy cut short is caught here). */
export function readOffsite(file: string): OffsiteFile {
  let fd: number;
  try {
    fd = fs.openSync(file, 'r');
  } catch {
    throw new AppError('NOT_FOUND', `Không mở được tệp ${file} (không có tệp này, hoặc USB đã bị rút ra).`);
  }
  try {
    const size = fs.fstatSync(fd).size;
    const head = Buffer.alloc(12);
    const n = fs.readSync(fd, head, 0, 12, 0);
    if (n < 12 || !head.subarray(0, 8).equals(MAGIC)) {
      if (size === 0) throw notOurs(file);
      const format = fileFormat(file);
      if (format === 'plain') return { kind: 'plain', sizeBytes: size };
      // A local backup copied by hand: encrypted pages with no header; only a key can tell.
      if (size % 512 === 0 && size >= 4096) return { kind: 'raw-encrypted', sizeBytes: size };
      throw notOurs(file);
    }
    const length = head.readUInt32LE(8);
    if (length === 0 || length > MAX_HEADER || 12 + length > size) throw notOurs(file);
    const json = Buffer.alloc(length);
    fs.readSync(fd, json, 0, length, 12);
    let header: OffsiteHeader;
    try {
      header = headerSchema.parse(JSON.parse(json.toString('utf8')));
    } catch {
      throw new AppError('BACKUP_CORRUPT', `Phần đầu của tệp ${path.basename(file)} bị hỏng; không khôi phục được từ tệp này.`);
    }
    const payloadOffset = 12 + length;
    const have = size - payloadOffset;
    if (have < header.payloadBytes) {
      throw new AppError(
        'BACKUP_TRUNCATED',
        `Tệp ${path.basename(file)} bị cắt cụt (thiếu ${(header.payloadBytes - have).toLocaleString('vi-VN')} byte): có thể việc chép chưa xong hoặc USB bị rút ra khi đang chép. Không khôi phục được từ tệp này.`,
      );
    }
    if (have > header.payloadBytes)
      throw new AppError('BACKUP_CORRUPT', `Tệp ${path.basename(file)} dài hơn nội dung ghi ở phần đầu: tệp đã bị sửa.`);
    return { kind: 'container', header, payloadOffset, sizeBytes: size };
  } finally {
    fs.closeSync(fd);
  }
}

/** Copies the payload beside the database and checks it against the header's hash (an altered byte is caught here). */
export function extractPayload(file: string, found: OffsiteFile, staged: string): void {
  if (found.kind !== 'container') {
    fs.copyFileSync(file, staged);
  } else {
    const out = fs.openSync(staged, 'w', 0o600);
    try {
      copyFrom(file, found.payloadOffset, out);
    } finally {
      fs.closeSync(out);
    }
    const { hash, bytes } = sha256File(staged);
    if (bytes !== found.header.payloadBytes || hash !== found.header.payloadSha256) {
      throw new AppError(
        'BACKUP_CORRUPT',
        `Nội dung tệp ${path.basename(file)} không khớp với dấu kiểm tra của nó: tệp đã bị sửa hoặc hỏng khi chép. Không khôi phục được từ tệp này.`,
      );
    }
  }
  const fd = fs.openSync(staged, 'r+');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}
