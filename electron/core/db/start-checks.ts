/** What the core checks before it opens or replaces the database: plain functions over files. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { AppError, storageError } from '../errors';
import { describeFile } from './encrypt';
import type { DbKey } from './engine';
import { LATEST_VERSION } from './open';
import { signsOfEarlierData } from './restore';

export function verifyBackup(source: string, file: string, key: DbKey): void {
  let found: { version: number; problems: string[] };
  try {
    found = describeFile(source, key);
  } catch {
    throw new AppError('BACKUP_CORRUPT', `Bản sao lưu ${file} không đọc được, không thể khôi phục từ bản này.`);
  }
  if (found.problems.length > 0) throw new AppError('BACKUP_CORRUPT', `Bản sao lưu ${file} bị hỏng, không thể khôi phục từ bản này.`);
  if (found.version > LATEST_VERSION) {
    throw new AppError('BACKUP_TOO_NEW', `Bản sao lưu ${file} được tạo bởi phiên bản phần mềm mới hơn.`);
  }
}

/**
 * A database file that is missing, or empty (0 bytes, with no WAL that could hold its pages), in a
 * folder that shows it held data: opening it would make a new empty database and the clerk would
 * see everything gone. A folder that never held data gets its first database as usual.
 */
export function missingDatabase(dbPath: string, backupsDir: string): { signs: string; message: string } | null {
  const size = fileSize(dbPath);
  if (size === null) {
    const signs = signsOfEarlierData(dbPath, backupsDir, { countWal: true });
    if (!signs) return null;
    return {
      signs,
      message:
        `Không tìm thấy tệp cơ sở dữ liệu ${dbPath}, trong khi thư mục dữ liệu còn ${signs}: dữ liệu đã từng có ở đây. ` +
        'Phần mềm không tạo cơ sở dữ liệu trống để khỏi trông như mất hết dữ liệu; hãy khôi phục từ bản sao lưu, ' +
        'hoặc nhờ cán bộ tin học chép lại tệp dữ liệu vào đúng chỗ.',
    };
  }
  if (size > 0 || (fileSize(`${dbPath}-wal`) ?? 0) > 0) return null;
  const signs = signsOfEarlierData(dbPath, backupsDir, { countWal: false });
  if (!signs) return null;
  return {
    signs,
    message:
      `Tệp cơ sở dữ liệu ${dbPath} trống (0 byte), trong khi thư mục dữ liệu còn ${signs}: dữ liệu đã từng có ở đây. ` +
      'Phần mềm không dùng tệp trống này để khỏi trông như mất hết dữ liệu; hãy khôi phục từ bản sao lưu, ' +
      'hoặc nhờ cán bộ tin học chép lại tệp dữ liệu vào đúng chỗ.',
  };
}

function fileSize(file: string): number | null {
  try {
    return fs.statSync(file).size;
  } catch {
    return null;
  }
}

/** Creates the folder and proves it takes a write, so a read-only or full disk is reported at start. */
export function ensureWritableDir(dir: string): void {
  try {
    fs.mkdirSync(dir, { recursive: true });
    const probe = path.join(dir, `.write-test-${process.pid}`);
    fs.writeFileSync(probe, 'ok');
    fs.rmSync(probe);
  } catch (err) {
    throw storageError(err, dir) ?? err;
  }
}

export function safeUserName(): string {
  try {
    return os.userInfo().username;
  } catch {
    return 'unknown';
  }
}
