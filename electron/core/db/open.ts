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

/**
 * Opens the one writer connection: header check, pragmas, quick integrity check, refusal of a newer
 * schema, then every pending migration in one transaction after a backup of the old file.
 */
export async function openDatabase(file: string, options: OpenOptions): Promise<Database> {
  const migrations = options.migrations ?? MIGRATIONS;
  const latest = migrations.length ? migrations[migrations.length - 1]!.version : 0;
  const now = options.now ?? (() => new Date());
  assertSqliteFile(file);

  let db: Database;
  try {
    db = openSqlite(file);
  } catch (err) {
    throw storageError(err, file) ?? err;
  }
  try {
    let version: number;
    try {
      // Read-only look first: a file we will refuse (damaged, or from a newer app) is left byte for byte as it was.
      version = db.pragma('user_version', { simple: true }) as number;
      const problems = quickCheck(db);
      if (problems.length > 0) {
        throw new AppError(
          'DB_CORRUPT',
          `Cơ sở dữ liệu bị hỏng (kiểm tra toàn vẹn báo ${problems.length} lỗi, ví dụ: ${problems[0]}). Hãy khôi phục từ bản sao lưu gần nhất.`,
        );
      }
    } catch (err) {
      if (err instanceof AppError) throw err;
      const mapped = storageError(err, file);
      if (mapped?.code === 'DB_NOT_SQLITE' || mapped?.code === 'DB_CORRUPT') {
        throw new AppError(mapped.code, `${mapped.message} Hãy khôi phục từ bản sao lưu gần nhất.`);
      }
      throw mapped ?? err;
    }
    if (version > latest) {
      throw new AppError(
        'DB_TOO_NEW',
        `Cơ sở dữ liệu được tạo bởi phiên bản mới hơn của phần mềm (phiên bản dữ liệu ${version}, phần mềm này chỉ đọc được đến ${latest}). Hãy cài phiên bản phần mềm mới hơn; dữ liệu được giữ nguyên.`,
      );
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
