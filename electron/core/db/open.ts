import fs from 'node:fs';
import path from 'node:path';
import type { Database } from 'better-sqlite3-multiple-ciphers';
import { openSqlite, type DbKey } from './engine';
import { AppError, storageError } from '../errors';
import { createBackup } from './backup';
import { LATEST_VERSION, MIGRATIONS, type Migration } from './migrations';

const SQLITE_HEADER = Buffer.from('SQLite format 3\0', 'latin1');

export interface OpenOptions {
  backupsDir: string;
  /** The database key; null opens a plain file (before its first encryption, or the bench's baseline). */
  key: DbKey;
  now?: () => Date;
  migrations?: readonly Migration[];
  onInfo?: (message: string) => void;
}

export type FileFormat = 'missing' | 'empty' | 'plain' | 'encrypted' | 'foreign';

/**
 * What the first 16 bytes say. A plain SQLite file starts with its header; an encrypted one starts
 * with random bytes (its salt), as would a file that is not a database at all: only the key tells
 * those two apart.
 */
export function fileFormat(file: string): FileFormat {
  let fd: number;
  try {
    fd = fs.openSync(file, 'r');
  } catch (err) {
    if ((err as { code?: string }).code === 'ENOENT') return 'missing';
    throw storageError(err, file) ?? err;
  }
  try {
    const stat = fs.fstatSync(fd);
    if (stat.size === 0) return 'empty';
    const head = Buffer.alloc(16);
    fs.readSync(fd, head, 0, 16, 0);
    if (head.equals(SQLITE_HEADER)) return 'plain';
    // SQLite writes whole pages (512 bytes at the least): any other length is someone else's file.
    return stat.size % 512 === 0 ? 'encrypted' : 'foreign';
  } finally {
    fs.closeSync(fd);
  }
}

/**
 * Whether this key (null: none) opens the file. Only the first page is read (its header holds the
 * version): a file damaged further on still answers to its key, and is then reported as damaged
 * rather than as locked.
 */
export function opensWith(file: string, key: DbKey): boolean {
  let db: Database | null = null;
  try {
    db = openSqlite(file, { readonly: true, fileMustExist: true }, key);
    db.pragma('user_version', { simple: true });
    return true;
  } catch (err) {
    // A WAL left by a killed writer needs recovering, which a read-only connection cannot do:
    // the key is then tried on a copy of the first pages, leaving the files as they are.
    const code = String((err as { code?: unknown }).code);
    return key !== null && /^SQLITE_(READONLY|CANTOPEN|BUSY)/.test(code) && firstPagesOpenWith(file, key);
  } finally {
    db?.close();
  }
}

/**
 * The last word before a database is called locked: the key tried on a copy of the file and its
 * WAL through a writer, which recovers a WAL left by a killed writer exactly as the app's own
 * connection will. Slow on a large file, so only where the quick look above found no key.
 */
export function recoveredCopyOpensWith(file: string, keys: readonly Buffer[]): Buffer | null {
  if (keys.length === 0) return null;
  const dir = fs.mkdtempSync(path.join(path.dirname(file), '.kiem-tra-khoa-'));
  try {
    const copy = path.join(dir, 'copy.sqlite');
    fs.copyFileSync(file, copy);
    if (fs.existsSync(`${file}-wal`)) fs.copyFileSync(`${file}-wal`, `${copy}-wal`);
    for (const key of keys) {
      let db: Database | null = null;
      try {
        db = openSqlite(copy, { fileMustExist: true }, key);
        db.pragma('user_version', { simple: true });
        return key;
      } catch {
        // The next key.
      } finally {
        db?.close();
      }
    }
    return null;
  } catch {
    return null;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

function firstPagesOpenWith(file: string, key: Buffer): boolean {
  // Beside the file, not in the shared temp folder (encrypted pages, but still the centre's data).
  const dir = fs.mkdtempSync(path.join(path.dirname(file), '.kiem-tra-khoa-'));
  let db: Database | null = null;
  try {
    const head = Buffer.alloc(65536);
    const fd = fs.openSync(file, 'r');
    let n: number;
    try {
      n = fs.readSync(fd, head, 0, head.length, 0);
    } finally {
      fs.closeSync(fd);
    }
    const copy = path.join(dir, 'head.sqlite');
    fs.writeFileSync(copy, head.subarray(0, n - (n % 512)));
    db = openSqlite(copy, { readonly: true, fileMustExist: true }, key);
    db.pragma('user_version', { simple: true });
    return true;
  } catch {
    return false;
  } finally {
    db?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

export function lockedError(file: string): AppError {
  return new AppError(
    'DB_LOCKED',
    `Cơ sở dữ liệu ${file} đã được mã hóa và máy này không có khóa để mở (máy mới, cài lại Windows hoặc đổi tài khoản). ` +
      'Hãy nhập khóa khôi phục ghi trên «Giấy lưu khóa khôi phục dữ liệu»; dữ liệu được giữ nguyên.',
  );
}

export function foreignError(file: string): AppError {
  return new AppError(
    'DB_NOT_SQLITE',
    `Tệp ${file} không phải là cơ sở dữ liệu của phần mềm (có thể đã bị ghi đè hoặc đổi tên nhầm). Tệp này được giữ nguyên; bạn có thể khôi phục từ bản sao lưu.`,
  );
}

/** The file must be in the form the key expects: a plain file is never opened as if encrypted, nor the reverse. */
function assertFormat(file: string, key: DbKey): void {
  const format = fileFormat(file);
  if (format === 'foreign') throw foreignError(file);
  if (format === 'encrypted' && !key) throw lockedError(file);
  if (format === 'plain' && key) throw new Error(`${file} is a plain database; it is encrypted before it is opened with a key`);
}

export function applyPragmas(db: Database): void {
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  // The default 2 MB page cache thrashes on a registry of a million people; 64 MB is nothing on an office PC.
  db.pragma('cache_size = -65536');
  db.pragma('mmap_size = 268435456');
}

export function quickCheck(db: Database): string[] {
  const rows = db.pragma('quick_check', { simple: false }) as { quick_check: string }[];
  return rows.map((r) => r.quick_check).filter((r) => r !== 'ok');
}

/** What the first look found wrong with a file, as the clerk reads it; null for errors that are not about the file. */
function lookError(err: unknown, file: string, key: DbKey): AppError | null {
  if (err instanceof AppError) return err;
  const mapped = storageError(err, file);
  // The key was checked against the first page before (AppCore), so under a key "not a database"
  // means a later page failed its authentication: the file is damaged.
  if (mapped?.code === 'DB_NOT_SQLITE' && key) {
    return new AppError(
      'DB_CORRUPT',
      `Cơ sở dữ liệu ${file} bị hỏng (có trang dữ liệu không còn đọc được). Hãy khôi phục từ bản sao lưu gần nhất.`,
    );
  }
  if (mapped?.code === 'DB_NOT_SQLITE' || mapped?.code === 'DB_CORRUPT') {
    return new AppError(mapped.code, `${mapped.message} Hãy khôi phục từ bản sao lưu gần nhất.`);
  }
  return mapped;
}

function checkLook(db: Database, latest: number): number {
  const version = db.pragma('user_version', { simple: true }) as number;
  const problems = quickCheck(db);
  if (problems.length > 0) {
    throw new AppError(
      'DB_CORRUPT',
      `Cơ sở dữ liệu bị hỏng (kiểm tra toàn vẹn báo ${problems.length} lỗi, ví dụ: ${problems[0]}). Hãy khôi phục từ bản sao lưu gần nhất.`,
    );
  }
  if (version > latest) {
    throw new AppError(
      'DB_TOO_NEW',
      `Cơ sở dữ liệu được tạo bởi phiên bản mới hơn của phần mềm (phiên bản dữ liệu ${version}, phần mềm này chỉ đọc được đến ${latest}). Hãy cài phiên bản phần mềm mới hơn; dữ liệu được giữ nguyên.`,
    );
  }
  return version;
}

/**
 * The first look at an existing file (version, quick_check) goes through a read-only connection:
 * a read-write one that found a WAL checkpoints it into the file when it closes, so a database we
 * refuse (damaged, or from a newer app) would no longer be the file the clerk had, and the copy a
 * restore keeps aside would lack what the WAL held. Returns false when only a writer can look (a
 * hot rollback journal must be rolled back first).
 */
export function lookReadOnly(file: string, latest: number, key: DbKey): boolean {
  if (!fs.existsSync(file)) return false;
  let look: Database;
  try {
    look = openSqlite(file, { readonly: true, fileMustExist: true }, key);
  } catch (err) {
    throw lookError(err, file, key) ?? err;
  }
  try {
    checkLook(look, latest);
    return true;
  } catch (err) {
    if (String((err as { code?: unknown }).code).startsWith('SQLITE_READONLY')) return false;
    throw lookError(err, file, key) ?? err;
  } finally {
    look.close();
  }
}

/**
 * Opens the one writer connection: header check, a read-only look (quick integrity check, refusal
 * of a newer schema), pragmas, then every pending migration in one transaction after a backup of
 * the old file.
 */
export async function openDatabase(file: string, options: OpenOptions): Promise<Database> {
  const migrations = options.migrations ?? MIGRATIONS;
  const latest = migrations.length ? migrations[migrations.length - 1]!.version : 0;
  const now = options.now ?? (() => new Date());
  assertFormat(file, options.key);
  const looked = lookReadOnly(file, latest, options.key);

  let db: Database;
  try {
    db = openSqlite(file, undefined, options.key);
  } catch (err) {
    throw storageError(err, file) ?? err;
  }
  try {
    let version: number;
    try {
      // Without a read-only look (a new file, a hot journal) the writer looks before any pragma writes.
      version = looked ? (db.pragma('user_version', { simple: true }) as number) : checkLook(db, latest);
    } catch (err) {
      throw lookError(err, file, options.key) ?? err;
    }
    try {
      applyPragmas(db);
    } catch (err) {
      throw storageError(err, file) ?? err;
    }
    const pending = migrations.filter((m) => m.version > version);
    if (pending.length > 0) {
      if (version > 0) {
        const backup = await createBackup(db, options.backupsDir, 'pre-migration', now());
        options.onInfo?.(`Backup before migrating from ${version}: ${backup.file}`);
      }
      try {
        db.transaction(() => {
          for (const m of pending) {
            m.up(db);
            db.pragma(`user_version = ${m.version}`);
          }
        })();
      } catch (err) {
        throw storageError(err, file) ?? err;
      }
      options.onInfo?.(`Migrated ${file} from ${version} to ${latest}`);
    }
    return db;
  } catch (err) {
    db.close();
    throw err;
  }
}

export { LATEST_VERSION };
