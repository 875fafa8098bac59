import fs from 'node:fs';
import path from 'node:path';
import type { Database } from 'better-sqlite3-multiple-ciphers';
import { dbProblemSchema, type AppStatus } from '../../shared/contract/app';
import type { Backup } from '../../shared/contract/backups';
import { todayInVietnam } from '../../shared/domain/dates';
import { AppError, storageError } from './errors';
import type { Logger } from './log';
import type { DialogPort, KeyProtectionPort, PrintPort } from './ports';
import { JobRegistry } from './jobs';
import { createBackup, listBackups, removeOrphanPartials, rotateBackups, type BackupKind } from './db/backup';
import { fileFormat, LATEST_VERSION, openDatabase, opensWith } from './db/open';
import { ClerkName } from './clerk/clerk-name';
import { ensureWritableDir, missingDatabase, safeUserName, verifyBackup } from './db/start-checks';
import { encryptOldCopies, keyForCopy, keyForOpening } from './protection/opening';
import type { DbKey } from './db/engine';
import { copyDurably } from './db/durable';
import { keepAside, removeSideFiles, settleInterruptedRestore, stagedPath, swapIn, writeJournal } from './db/restore';
import { ensureSigningKey } from './certificates/keys';
import { KeyKeeper } from './protection/key-keeper';
import { databaseKey } from './protection/recovery-key';
import { encryptDatabase, rekeyFile } from './db/encrypt';
import { ensureCentreId } from './protection/store';
import { schemaVersion as schemaVersionOf } from './db/settings';

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
  /**
   * Where the database key is kept (ports.ts). Null leaves the database plain: only the bench uses
   * it, to measure what encryption costs.
   */
  keys: KeyProtectionPort | null;
  /** The system's pickers, where the shell has them. */
  dialogs?: DialogPort;
}

type Problem = NonNullable<AppStatus['problem']>;

const KEY_DOES_NOT_OPEN = 'Khóa khôi phục không mở được cơ sở dữ liệu này. Hãy kiểm tra từng nhóm trên giấy lưu khóa.';

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
  /** Who changes are recorded against (`actor`): the clerk's name set in the app; the OS account until it is. */
  readonly clerk = new ClerkName(safeUserName());
  private readonly keepBackups: number;
  private readonly clock: () => Date;
  private connection: Database | null = null;
  private problemState: Problem | null = null;
  private restoring = false;
  /** The keys in force; null when the database is kept plain (the bench's baseline). */
  readonly keys: KeyKeeper | null;
  private readonly printPort: PrintPort | null;
  readonly dialogs: DialogPort | null;
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
    this.printPort = options.printing ?? null;
    this.dialogs = options.dialogs ?? null;
    this.jobs = new JobRegistry(this.log, this.dataDir);
    this.keys = options.keys ? new KeyKeeper(this.dataDir, options.keys) : null;
  }

  get actor(): string {
    return this.clerk.actorOn(this.connection);
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
      throw new AppError('DB_UNAVAILABLE', this.problemState?.message ?? 'Cơ sở dữ liệu chưa được mở.');
    }
    return this.connection;
  }

  private async open(): Promise<void> {
    this.problemState = null;
    try {
      ensureWritableDir(this.dataDir);
      // Scratch copies of an off-PC backup cut off by a kill (encrypted, but still the centre's data).
      fs.rmSync(path.join(this.dataDir, 'tmp', 'offsite'), { recursive: true, force: true });
      const orphans = removeOrphanPartials(this.backupsDir);
      if (orphans.length) this.log.warn(`Removed ${orphans.length} unfinished backup file(s) left by an interrupted backup`);
      const settled = settleInterruptedRestore(this.dbPath);
      if (settled === 'finished') this.log.warn('Finished a restore that was cut off after it had begun to replace the database');
      if (settled === 'undone') this.log.warn('Removed the copy of a restore that was cut off before it replaced anything');
      if (settled === 'left-for-recovery')
        this.log.warn('A restore was cut off and the database file is missing; left as found for the recovery screen');
      // Held keys are needed even with no database to open: restoring a backup from the recovery screen.
      await this.keys?.load();
      const missing = missingDatabase(this.dbPath, this.backupsDir);
      if (missing) {
        this.log.warn(
          `The database file is missing or empty but the folder shows earlier data (${missing.signs}); not creating an empty one`,
        );
        this.problemState = { code: 'DB_MISSING', message: missing.message };
        return;
      }
      const key = this.keys ? await keyForOpening(this.keys, this.dbPath, this.now(), this.log) : null;
      if (key && 'locked' in key) {
        this.problemState = { code: 'DB_LOCKED', message: key.locked };
        return;
      }
      this.connection = await openDatabase(this.dbPath, {
        key,
        backupsDir: this.backupsDir,
        now: this.clock,
        onInfo: (m) => this.log.info(m),
      });
      this.log.info(`Opened ${this.dbPath}`);
      // The centre's signing key belongs to its database: made here, so no read ever has to write it.
      ensureSigningKey(this);
      ensureCentreId(this.connection);
      if (key) encryptOldCopies(this.backupsDir, this.dbPath, key, this.log);
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
      const known = dbProblemSchema.shape.code.safeParse(problem.code);
      this.problemState = { code: known.success ? known.data : 'DB_OPEN_FAILED', message: problem.message };
    }
  }

  /** Whether the database on disk is encrypted (false while the clerk has not yet confirmed the sheet on a PC that cannot keep keys). */
  get encrypted(): boolean {
    return this.connection !== null && fileFormat(this.dbPath) === 'encrypted';
  }

  /**
   * Restores, re-keying, unlocking and confirming a sheet each replace or reopen the database and
   * use the same copy beside it: one at a time, the later one refused with a message.
   */
  private async exclusive<T>(run: () => Promise<T>): Promise<T> {
    if (this.restoring) throw new AppError('BUSY', 'Đang khôi phục hoặc mã hóa lại dữ liệu; hãy chờ xong.');
    this.restoring = true;
    try {
      return await run();
    } finally {
      this.restoring = false;
    }
  }

  /** The recovery screen: a typed recovery key opens the database and becomes the key in force. */
  async unlock(typed: string): Promise<void> {
    const keys = this.keys;
    if (!keys) throw new AppError('VALIDATION', 'Cơ sở dữ liệu này không mã hóa.');
    const key = KeyKeeper.fromTyped(typed);
    await this.exclusive(async () => {
      if (!opensWith(this.dbPath, key)) {
        throw new AppError('RECOVERY_KEY_WRONG', KEY_DOES_NOT_OPEN, { recoveryKey: 'Khóa khôi phục không đúng.' });
      }
      await keys.adopt(key, this.now());
      this.close();
      await this.open();
    });
  }

  /**
   * The clerk has the sheet: the recovery key leaves the key file. Where the OS cannot keep keys the
   * database was left plain (or under the previous key) until now, and is encrypted here.
   */
  async confirmRecoveryKey(): Promise<void> {
    const keys = this.keys;
    const pending = keys?.pending;
    if (!keys || !pending) throw new AppError('NOT_FOUND', 'Không có khóa khôi phục nào đang chờ xác nhận.');
    const target = databaseKey(pending.recoveryKey);
    const format = fileFormat(this.dbPath);
    if (format !== 'plain' && (!keys.current || keys.current.equals(target))) {
      await keys.confirmed(target, this.now());
      return;
    }
    if (!this.connection) throw new AppError('DB_UNAVAILABLE', 'Cơ sở dữ liệu chưa được mở.');
    await this.exclusive(async () => {
      const from = format === 'plain' ? null : keys.current;
      this.close();
      try {
        await encryptDatabase(this.dbPath, from, target, this.now());
        await keys.confirmed(target, this.now());
      } finally {
        await this.open();
      }
    });
  }

  /** A new recovery key: the database is re-encrypted under it; backups made before keep the old one. */
  async replaceRecoveryKey(): Promise<void> {
    const keys = this.keys;
    if (!keys?.current || !this.connection) throw new AppError('DB_UNAVAILABLE', 'Cơ sở dữ liệu chưa được mở.');
    await this.exclusive(async () => {
      // Saved before the file changes: a kill after leaves a file under a key the key file still holds.
      const change = await keys.replace(this.now());
      if (!change) return;
      this.close();
      try {
        await encryptDatabase(this.dbPath, change.from, change.to, this.now());
        this.log.info('Database re-encrypted under a new recovery key');
      } finally {
        await this.open();
      }
    });
  }

  /** First start of each day (Vietnam time) takes a backup, then old ones are rotated out. */
  async dailyBackup(): Promise<Backup | null> {
    const today = todayInVietnam(this.now());
    const hasToday = listBackups(this.backupsDir).some((b) => b.kind === 'daily' && todayInVietnam(new Date(b.createdAt)) === today);
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
   * point leaves either the old database or the restored one, never none. A backup made under a
   * key this app replaced opens with the key kept for it, or with its recovery key typed again.
   */
  async restore(file: string, typedKey?: string): Promise<void> {
    const source = path.join(this.backupsDir, file);
    if (path.dirname(source) !== this.backupsDir || !fs.existsSync(source)) {
      throw new AppError('NOT_FOUND', `Không tìm thấy bản sao lưu ${file}.`);
    }
    await this.restoreStaged({
      label: file,
      fill: (staged) => copyDurably(source, staged),
      // A plain backup (an older version's) needs no key.
      keyOf: (staged) =>
        fileFormat(staged) !== 'encrypted'
          ? null
          : keyForCopy(this.keys?.keyFor(staged) ?? null, file, typedKey, (k) => opensWith(staged, k)),
    });
  }

  /**
   * The one way a database is replaced: `fill` writes the copy beside the database, `keyOf` names
   * the key it opens with, `check` may refuse it; the copy is checked, brought under the key in
   * force, and swapped in (see restore above).
   */
  async restoreStaged(step: {
    label: string;
    fill: (staged: string) => void | Promise<void>;
    keyOf: (staged: string) => DbKey;
    check?: (staged: string, key: DbKey) => void;
  }): Promise<void> {
    // Two restores interleaved at the pre-restore backup would swap in each other's copy.
    await this.exclusive(() => this.restoreFrom(step));
  }

  private async restoreFrom(step: Parameters<AppCore['restoreStaged']>[0]): Promise<void> {
    const staged = stagedPath(this.dbPath);
    const file = step.label;
    let keptAs: string | null = null;
    let adopt: Buffer | null = null;
    try {
      removeSideFiles(staged);
      await step.fill(staged);
      const key = step.keyOf(staged);
      // The copy is what will be swapped in, so the copy is what gets checked (not the backup it came from).
      verifyBackup(staged, file, key);
      step.check?.(staged, key);
      const target = this.keys?.current ?? null;
      if (target && !(key && key.equals(target))) rekeyFile(staged, key, target);
      // Restored on a PC that holds no key yet (the recovery screen): the backup's key becomes the key in force.
      if (!target && key && this.keys) adopt = key;
      removeSideFiles(staged);
      if (this.connection) {
        await this.backup('pre-restore');
      } else {
        keptAs = keepAside(this.dbPath, this.now().toISOString().replace(/[:.]/g, '-'));
        if (keptAs) this.log.warn(`Kept the unusable database as ${path.basename(keptAs)}`);
      }
      if (adopt) await this.keys!.adopt(adopt, this.now());
    } catch (err) {
      fs.rmSync(staged, { force: true });
      removeSideFiles(staged);
      if (err instanceof AppError) throw err;
      throw storageError(err, step.label) ?? err;
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

  schemaVersion(): number {
    return this.connection ? schemaVersionOf(this.connection) : 0;
  }

  static readonly latestSchemaVersion = LATEST_VERSION;
}
