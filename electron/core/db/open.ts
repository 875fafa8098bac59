import fs from 'node:fs';
import type { Database } from 'better-sqlite3-multiple-ciphers';
import { openSqlite } from './engine';
import { AppError, storageError } from '../errors';
import { createBackup } from './backup';
import { LATEST_VERSION, MIGRATIONS, type Migration } from './migrations';

const SQLITE_HEADER = Buffer.from('SQLite format 3\0', 'latin1');

export interface OpenOptions {
  backupsDir: string;
  now?: () => Date;
  migrations?: readonly Migration[];
  onInfo?: (message: string) => void;
}

/** A file that exists but does not start with the SQLite header is someone else's file: never open it for writing. */
function assertSqliteFile(file: string): void {
  let fd: number;
  try {
    fd = fs.openSync(file, 'r');
  } catch (err) {
    if ((err as { code?: string }).code === 'ENOENT') return;
    throw storageError(err, file) ?? err;
  }
  try {
    const stat = fs.fstatSync(fd);
    if (stat.size === 0) return;
    const head = Buffer.alloc(16);
    fs.readSync(fd, head, 0, 16, 0);
    if (!head.equals(SQLITE_HEADER)) {
      throw new AppError(
        'DB_NOT_SQLITE',
        `Tệp ${file} không phải là cơ sở dữ liệu của phần mềm (có thể đã bị ghi đè hoặc đổi tên nhầm). Tệp này được giữ nguyên; bạn có thể khôi phục từ bản sao lưu.`,
      );
    }
  } finally {
    fs.closeSync(fd);
  }
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
function lookError(err: unknown, file: string): AppError | null {
  if (err instanceof AppError) return err;
  const mapped = storageError(err, file);
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
function lookReadOnly(file: string, latest: number): boolean {
  if (!fs.existsSync(file)) return false;
  let look: Database;
  try {
    look = openSqlite(file, { readonly: true, fileMustExist: true });
  } catch (err) {
    throw lookError(err, file) ?? err;
  }
  try {
    checkLook(look, latest);
    return true;
  } catch (err) {
    if (String((err as { code?: unknown }).code).startsWith('SQLITE_READONLY')) return false;
    throw lookError(err, file) ?? err;
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
  assertSqliteFile(file);
  const looked = lookReadOnly(file, latest);

  let db: Database;
  try {
    db = openSqlite(file);
  } catch (err) {
    throw storageError(err, file) ?? err;
  }
  try {
    let version: number;
    try {
      // Without a read-only look (a new file, a hot journal) the writer looks before any pragma writes.
      version = looked ? (db.pragma('user_version', { simple: true }) as number) : checkLook(db, latest);
    } catch (err) {
      throw lookError(err, file) ?? err;
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
