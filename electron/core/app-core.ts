import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Database } from 'better-sqlite3-multiple-ciphers';
import type { AppStatus, Backup } from '../../shared/contract/app';
import { todayInVietnam } from '../../shared/domain/dates';
import { AppError, storageError } from './errors';
import type { Logger } from './log';
import type { PrintPort } from './ports';
import { JobRegistry } from './jobs';
import { createBackup, listBackups, removeOrphanPartials, rotateBackups, type BackupKind } from './db/backup';
import { LATEST_VERSION, openDatabase, quickCheck } from './db/open';
import { openSqlite } from './db/engine';
import { copyDurably } from './db/durable';
import { keepAside, removeSideFiles, settleInterruptedRestore, signsOfEarlierData, stagedPath, swapIn, writeJournal } from './db/restore';
import { ensureSigningKey } from './certificates/keys';

export interface CoreOptions {
  dataDir: string;
  log: Logger;
  appVersion: string;
  now?: () => Date;
  /** Backups kept per kind (daily, manual, pre-migration, pre-restore). */
  keepBackups?: number;
  /** Tools that open a throw-away database (the bench) skip the daily backup. */
  dailyBackup?: boolean;
  /** How documents become PDFs or paper in this shell (Electron or the browser host). */
  printing?: PrintPort;
}

type Problem = NonNullable<AppStatus['problem']>;

export type CoreEvent = { name: string; payload: unknown };

/**
 * Everything a service needs, and nothing of the desktop shell: the data folder, the one writer
 * connection (or the reason it could not be opened), backups, the log and the clock.
 */
export class AppCore {
  readonly dataDir: string;
  readonly dbPath: string;
  readonly backupsDir: string;
  readonly log: Logger;
  readonly appVersion: string;
  readonly actor: string;
  private readonly keepBackups: number;
  private readonly clock: () => Date;
  private connection: Database | null = null;
  private problemState: Problem | null = null;
  private restoring = false;
  private readonly listeners = new Set<(e: CoreEvent) => void>();
  private readonly printPort: PrintPort | null;
  /** Background work the screen follows by polling (certificate batches). */
  readonly jobs: JobRegistry;

  private constructor(options: CoreOptions) {
    this.dataDir = path.resolve(options.dataDir);
    this.dbPath = path.join(this.dataDir, 'ttct.sqlite');
    this.backupsDir = path.join(this.dataDir, 'backups');
    this.log = options.log;
    this.appVersion = options.appVersion;
    this.keepBackups = options.keepBackups ?? 14;
    this.clock = options.now ?? (() => new Date());
    this.actor = safeUserName();
    this.printPort = options.printing ?? null;
    this.jobs = new JobRegistry(this.log, this.dataDir);
  }

  printing(): PrintPort {
    if (!this.printPort) throw new AppError('PRINT_UNAVAILABLE', 'Chức năng in và lưu PDF chưa sẵn sàng trên máy này.');
    return this.printPort;
  }

  get canPrint(): boolean {
    return this.printPort?.canPrint ?? false;
  }

  static async start(options: CoreOptions): Promise<AppCore> {
    const core = new AppCore(options);
    await core.open();
    if (core.connection && options.dailyBackup !== false) await core.dailyBackup();
    return core;
  }

  now(): Date {
    return this.clock();
  }

  get problem(): Problem | null {
    return this.problemState;
  }

  /** The writer connection; services that run while the database is unusable get the reason as a message. */
  get db(): Database {
    if (!this.connection) {
      throw new AppError(
        'DB_UNAVAILABLE',
        this.problemState?.message ?? 'Cơ sở dữ liệu chưa được mở.',
      );
    }
    return this.connection;
  }

  private async open(): Promise<void> {
    this.problemState = null;
    try {
      ensureWritableDir(this.dataDir);
      const orphans = removeOrphanPartials(this.backupsDir);
      if (orphans.length) this.log.warn(`Removed ${orphans.length} unfinished backup file(s) left by an interrupted backup`);
      const settled = settleInterruptedRestore(this.dbPath);
      if (settled === 'finished') this.log.warn('Finished a restore that was cut off after it had begun to replace the database');
      if (settled === 'undone') this.log.warn('Removed the copy of a restore that was cut off before it replaced anything');
      if (settled === 'left-for-recovery') this.log.warn('A restore was cut off and the database file is missing; left as found for the recovery screen');
      const missing = missingDatabase(this.dbPath, this.backupsDir);
      if (missing) {
        this.log.warn(`The database file is missing or empty but the folder shows earlier data (${missing.signs}); not creating an empty one`);
        this.problemState = { code: 'DB_MISSING', message: missing.message };
        return;
      }
      this.connection = await openDatabase(this.dbPath, {
        backupsDir: this.backupsDir,
        now: this.clock,
        onInfo: (m) => this.log.info(m),
      });
      this.log.info(`Opened ${this.dbPath}`);
      // The centre's signing key belongs to its database: made here, so no read ever has to write it.
      ensureSigningKey(this);
    } catch (err) {
      this.connection = null;
      const problem = err instanceof AppError ? err : storageError(err, this.dbPath);
      if (!problem) {
        this.log.error(`Could not open ${this.dbPath}`, err);
        this.problemState = {
          code: 'DB_OPEN_FAILED',
          message: `Không mở được cơ sở dữ liệu ${this.dbPath}. Chi tiết trong nhật ký ${this.log.file}.`,
        };
        return;
      }
      this.log.warn(`Database problem ${problem.code}: ${problem.message}`);
      const code = problem.code as Problem['code'];
      this.problemState = {
        code: ['DB_NOT_SQLITE', 'DB_CORRUPT', 'DB_TOO_NEW', 'DATA_DIR_UNWRITABLE', 'DISK_FULL', 'DB_MISSING'].includes(code)
          ? code
          : 'DB_OPEN_FAILED',
        message: problem.message,
      };
    }
  }

  /** First start of each day (Vietnam time) takes a backup, then old ones are rotated out. */
  async dailyBackup(): Promise<Backup | null> {
    const today = todayInVietnam(this.now());
    const hasToday = listBackups(this.backupsDir).some(
      (b) => b.kind === 'daily' && todayInVietnam(new Date(b.createdAt)) === today,
    );
    if (hasToday) return null;
    try {
      return await this.backup('daily');
    } catch (err) {
      // A failed daily backup must not stop the clerk from working; it is logged and retried next start.
      this.log.error('Daily backup failed', err);
      return null;
    }
  }

  async backup(kind: BackupKind): Promise<Backup> {
    try {
      const b = await createBackup(this.db, this.backupsDir, kind, this.now());
      rotateBackups(this.backupsDir, this.keepBackups);
      this.log.info(`Backup ${b.file}`);
      return b;
    } catch (err) {
      if (err instanceof AppError) throw err;
      throw storageError(err, this.backupsDir) ?? err;
    }
  }

  listBackups(): Backup[] {
    return listBackups(this.backupsDir);
  }

  /**
   * Replaces the database with a backup (db/restore.ts): the backup is copied beside the database
   * and checked there, the current data is kept (a pre-restore backup, or the file that cannot be
   * opened linked aside), a journal is written, and one rename swaps the copy in. A kill at any
   * point leaves either the old database or the restored one, never none.
   */
  async restore(file: string): Promise<void> {
    const source = path.join(this.backupsDir, file);
    if (path.dirname(source) !== this.backupsDir || !fs.existsSync(source)) {
      throw new AppError('NOT_FOUND', `Không tìm thấy bản sao lưu ${file}.`);
    }
    // Two restores interleaved at the pre-restore backup would swap in each other's copy.
    if (this.restoring) throw new AppError('BUSY', 'Đang khôi phục dữ liệu từ một bản sao lưu khác; hãy chờ xong.');
    this.restoring = true;
    try {
      await this.restoreFrom(source, file);
    } finally {
      this.restoring = false;
    }
  }

  private async restoreFrom(source: string, file: string): Promise<void> {
    const staged = stagedPath(this.dbPath);
    let keptAs: string | null = null;
    try {
      removeSideFiles(staged);
      copyDurably(source, staged);
      // The copy is what will be swapped in, so the copy is what gets checked (not the backup it came from).
      verifyBackup(staged, file);
      removeSideFiles(staged);
      if (this.connection) {
        await this.backup('pre-restore');
      } else {
        keptAs = keepAside(this.dbPath, this.now().toISOString().replace(/[:.]/g, '-'));
        if (keptAs) this.log.warn(`Kept the unusable database as ${path.basename(keptAs)}`);
      }
    } catch (err) {
      fs.rmSync(staged, { force: true });
      removeSideFiles(staged);
      if (err instanceof AppError) throw err;
      throw storageError(err, this.dataDir) ?? err;
    }
    // Closing checkpoints the WAL into the old file, which the pre-restore backup already holds.
    this.connection?.close();
    this.connection = null;
    try {
      writeJournal(this.dbPath, {
        backup: file,
        startedAt: this.now().toISOString(),
        stagedBytes: fs.statSync(staged).size,
        keptAs: keptAs && path.basename(keptAs),
      });
      swapIn(this.dbPath);
      this.log.info(`Restored ${file}`);
    } finally {
      // Also after a failure: open() finishes a swap the journal says had begun, or reopens the old file.
      await this.open();
    }
  }

  close(): void {
    this.connection?.close();
    this.connection = null;
  }

  onEvent(listener: (e: CoreEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  emit(name: string, payload: unknown): void {
    for (const l of this.listeners) l({ name, payload });
  }

  schemaVersion(): number {
    return this.connection ? (this.connection.pragma('user_version', { simple: true }) as number) : 0;
  }

  static readonly latestSchemaVersion = LATEST_VERSION;
}

function verifyBackup(source: string, file: string): void {
  let check: Database | null = null;
  try {
    check = openSqlite(source, { readonly: true, fileMustExist: true });
    const problems = quickCheck(check);
    const version = check.pragma('user_version', { simple: true }) as number;
    if (problems.length > 0) throw new AppError('BACKUP_CORRUPT', `Bản sao lưu ${file} bị hỏng, không thể khôi phục từ bản này.`);
    if (version > LATEST_VERSION) {
      throw new AppError('BACKUP_TOO_NEW', `Bản sao lưu ${file} được tạo bởi phiên bản phần mềm mới hơn.`);
    }
  } catch (err) {
    if (err instanceof AppError) throw err;
    throw new AppError('BACKUP_CORRUPT', `Bản sao lưu ${file} không đọc được, không thể khôi phục từ bản này.`);
  } finally {
    check?.close();
  }
}

/**
 * A database file that is missing, or empty (0 bytes, with no WAL that could hold its pages), in a
 * folder that shows it held data: opening it would make a new empty database and the clerk would
 * see everything gone. A folder that never held data gets its first database as usual.
 */
function missingDatabase(dbPath: string, backupsDir: string): { signs: string; message: string } | null {
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
function ensureWritableDir(dir: string): void {
  try {
    fs.mkdirSync(dir, { recursive: true });
    const probe = path.join(dir, `.write-test-${process.pid}`);
    fs.writeFileSync(probe, 'ok');
    fs.rmSync(probe);
  } catch (err) {
    throw storageError(err, dir) ?? err;
  }
}

function safeUserName(): string {
  try {
    return os.userInfo().username;
  } catch {
    return 'unknown';
  }
}
