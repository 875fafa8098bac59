/**
 * Replacing the database with a backup so that a kill at any instruction leaves one complete,
 * openable database: the backup is copied beside the database and checked, the current file is
 * kept (as a backup, or copied aside when it cannot be opened), and only then does one rename swap
 * the copy in. A journal written before the first destructive step lets the next start finish a
 * swap that was cut off; without one, a leftover copy is just removed.
 */
import fs from 'node:fs';
import path from 'node:path';
import { listBackups } from './backup';
import { copyDurably, fsyncDir, fsyncFile } from './durable';

const JOURNAL = 'restore-pending.json';

export function stagedPath(dbPath: string): string {
  return `${dbPath}.restoring`;
}

function journalPath(dbPath: string): string {
  return path.join(path.dirname(dbPath), JOURNAL);
}

/** The database that cannot be opened, with its WAL, copied (not moved) aside; returns the copy's name. */
export function keepAside(dbPath: string, stamp: string): string {
  const aside = `${dbPath}.hong-${stamp}`;
  copyDurably(dbPath, aside);
  if (fs.existsSync(`${dbPath}-wal`)) copyDurably(`${dbPath}-wal`, `${aside}-wal`);
  fsyncDir(path.dirname(dbPath));
  return aside;
}

export function writeJournal(dbPath: string, backupFile: string, at: Date): void {
  const file = journalPath(dbPath);
  const temp = `${file}.tmp`;
  fs.writeFileSync(temp, JSON.stringify({ backup: backupFile, startedAt: at.toISOString() }));
  fsyncFile(temp);
  fs.renameSync(temp, file);
  fsyncDir(path.dirname(dbPath));
}

/**
 * The swap itself. The old WAL and shared-memory files go first: SQLite would replay a WAL left
 * beside a different database file into it.
 */
export function swapIn(dbPath: string): void {
  for (const suffix of ['-wal', '-shm']) fs.rmSync(`${dbPath}${suffix}`, { force: true });
  fs.renameSync(stagedPath(dbPath), dbPath);
  fsyncDir(path.dirname(dbPath));
  fs.rmSync(journalPath(dbPath), { force: true });
}

/**
 * At start: a journal means the copy was complete and checked and the swap had begun, so it is
 * finished; a copy without a journal means the restore never began to replace anything, so it is
 * removed and the database stays as it was.
 */
export function settleInterruptedRestore(dbPath: string): 'finished' | 'undone' | null {
  const staged = stagedPath(dbPath);
  const journal = journalPath(dbPath);
  fs.rmSync(`${journal}.tmp`, { force: true });
  if (fs.existsSync(journal)) {
    if (fs.existsSync(staged)) swapIn(dbPath);
    else fs.rmSync(journal, { force: true });
    return 'finished';
  }
  if (fs.existsSync(staged)) {
    fs.rmSync(staged, { force: true });
    return 'undone';
  }
  return null;
}

/**
 * What shows that this folder held data, when the database file itself is missing: the app must
 * then not start on a new empty database, which would look like everything was lost.
 */
export function signsOfEarlierData(dbPath: string, backupsDir: string): string | null {
  const dir = path.dirname(dbPath);
  const base = path.basename(dbPath);
  const aside = fs.existsSync(dir) ? fs.readdirSync(dir).filter((n) => n.startsWith(`${base}.hong-`) && !n.endsWith('-wal')) : [];
  if (aside.length > 0) return `bản lưu riêng của cơ sở dữ liệu cũ (${aside.sort().at(-1)})`;
  if (fs.existsSync(`${dbPath}-wal`)) return `tệp nhật ký ghi ${base}-wal`;
  const backups = listBackups(backupsDir);
  if (backups.length > 0) return `${backups.length} bản sao lưu`;
  return null;
}
