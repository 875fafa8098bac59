/**
 * Replacing the database with a backup so that a kill at any instruction leaves one complete,
 * openable database: the backup is copied beside the database and checked, the current file is
 * kept (as a backup, or linked or copied aside when it cannot be opened), and only then does one
 * rename swap the copy in. A journal written before the first destructive step lets the next start
 * finish a swap that was cut off; without one, a leftover copy is just removed.
 */
import fs from 'node:fs';
import path from 'node:path';
import { listBackups } from './backup';
import { copyDurably, fsyncDir, fsyncFile } from './durable';

const JOURNAL = 'restore-pending.json';

/**
 * Files SQLite keeps beside a database. Any of them left beside a different database file would be
 * replayed into it (a WAL, or a hot rollback journal) or trusted as its index (the shared memory).
 */
const SIDE_FILES = ['-wal', '-shm', '-journal'] as const;

/** What `restore-pending.json` holds: enough for the next start to tell the checked copy from any other file. */
export interface RestoreJournal {
  version: 1;
  /** The backup being restored (a name in the backups folder). */
  backup: string;
  startedAt: string;
  /** Size of the checked copy at `<db>.restoring`; a copy of any other size is not the one that was checked. */
  stagedBytes: number;
  /** Where the unusable database was kept (`<db>.hong-<time>`), or null when a pre-restore backup holds it. */
  keptAs: string | null;
}

export function stagedPath(dbPath: string): string {
  return `${dbPath}.restoring`;
}

export function journalPath(dbPath: string): string {
  return path.join(path.dirname(dbPath), JOURNAL);
}

/**
 * Checking the copy opens it read-only, and SQLite still leaves an empty WAL and a shared-memory
 * file beside it; they belong to no database once the copy is renamed, and a stale index must not
 * meet the next copy.
 */
export function removeSideFiles(file: string): void {
  for (const suffix of SIDE_FILES) fs.rmSync(`${file}${suffix}`, { force: true });
}

/**
 * Keeps the database that cannot be opened, with its WAL and journal, under `<db>.hong-<stamp>`
 * (null when there was nothing to keep).
 * A hard link is instant and never half made; where the disk has none (FAT, some shares) the copy
 * goes under a `.partial` name first, so a file with the final name is always complete.
 */
export function keepAside(dbPath: string, stamp: string): string | null {
  const aside = `${dbPath}.hong-${stamp}`;
  let kept = false;
  for (const suffix of ['', '-wal', '-journal']) {
    const from = `${dbPath}${suffix}`;
    const size = fileSize(from);
    // An empty WAL or journal holds nothing (opening the file read-only leaves an empty WAL).
    if (size === null || (suffix && size === 0)) continue;
    const to = `${aside}${suffix}`;
    try {
      fs.linkSync(from, to);
    } catch {
      copyDurably(from, `${to}.partial`);
      fs.renameSync(`${to}.partial`, to);
    }
    kept = true;
  }
  fsyncDir(path.dirname(dbPath));
  return kept ? aside : null;
}

/** Written whole under a temporary name and renamed: the next start sees the whole journal or none. */
export function writeJournal(dbPath: string, journal: Omit<RestoreJournal, 'version'>): void {
  const file = journalPath(dbPath);
  const temp = `${file}.tmp`;
  fs.writeFileSync(temp, JSON.stringify({ version: 1, ...journal } satisfies RestoreJournal));
  fsyncFile(temp);
  fs.renameSync(temp, file);
  fsyncDir(path.dirname(dbPath));
}

function readJournal(dbPath: string): RestoreJournal | 'unreadable' | null {
  let text: string;
  try {
    text = fs.readFileSync(journalPath(dbPath), 'utf8');
  } catch {
    return null;
  }
  try {
    const j = JSON.parse(text) as Partial<RestoreJournal>;
    if (j.version === 1 && typeof j.backup === 'string' && typeof j.stagedBytes === 'number') return j as RestoreJournal;
  } catch {
    // Falls through: a journal that cannot be read proves nothing about the copy.
  }
  return 'unreadable';
}

/**
 * The swap itself. The old side files go first: were the rename first, a kill before their removal
 * would leave the old WAL or hot journal beside the new file, and SQLite would replay it there.
 * Until the rename the old file is still in place, and it has been kept (a pre-restore backup, or
 * aside with its WAL) before the journal that allows this step was written.
 */
export function swapIn(dbPath: string): void {
  removeSideFiles(dbPath);
  fs.renameSync(stagedPath(dbPath), dbPath);
  fsyncDir(path.dirname(dbPath));
  fs.rmSync(journalPath(dbPath), { force: true });
  removeSideFiles(stagedPath(dbPath));
}

export type Settled = 'finished' | 'undone' | 'left-for-recovery' | null;

/**
 * At start, before the database is opened. A journal means the copy was complete and checked and
 * the swap had begun, so it is finished. A copy without one (or one of another size) means the
 * restore never began to replace anything, so it is removed, the database staying as it was. When
 * the database file itself is missing nothing is removed: the recovery screen must see it all.
 */
export function settleInterruptedRestore(dbPath: string): Settled {
  const dir = path.dirname(dbPath);
  const base = path.basename(dbPath);
  const staged = stagedPath(dbPath);
  const journalFile = journalPath(dbPath);
  const dbThere = fs.existsSync(dbPath);
  fs.rmSync(`${journalFile}.tmp`, { force: true });
  if (dbThere) {
    // A copy aside cut off by a kill; the database it was copied from is still in place.
    for (const n of fs.readdirSync(dir)) {
      if (n.startsWith(`${base}.hong-`) && n.endsWith('.partial')) fs.rmSync(path.join(dir, n), { force: true });
    }
  }
  const journal = readJournal(dbPath);
  const stagedBytes = fileSize(staged);
  if (journal && journal !== 'unreadable' && stagedBytes === journal.stagedBytes) {
    swapIn(dbPath);
    return 'finished';
  }
  if (!dbThere) return journal || stagedBytes !== null ? 'left-for-recovery' : null;
  if (journal && stagedBytes === null) {
    // The rename was done; only the journal's removal was cut off.
    fs.rmSync(journalFile, { force: true });
    removeSideFiles(staged);
    return 'finished';
  }
  if (journal || stagedBytes !== null) {
    fs.rmSync(staged, { force: true });
    removeSideFiles(staged);
    fs.rmSync(journalFile, { force: true });
    return 'undone';
  }
  return null;
}

function fileSize(file: string): number | null {
  try {
    return fs.statSync(file).size;
  } catch {
    return null;
  }
}

/**
 * What shows that this folder held data, when the database file itself is missing (or empty): the
 * app must then not start on a new empty database, which would look like everything was lost.
 * Returns a Vietnamese phrase naming what was found, or null for a folder that never held data.
 */
export function signsOfEarlierData(dbPath: string, backupsDir: string, options: { countWal: boolean }): string | null {
  const dir = path.dirname(dbPath);
  const base = path.basename(dbPath);
  const names = fs.existsSync(dir) ? fs.readdirSync(dir) : [];
  const aside = names.filter((n) => n.startsWith(`${base}.hong-`) && !SIDE_FILES.some((s) => n.endsWith(s))).sort();
  const complete = aside.filter((n) => !n.endsWith('.partial'));
  if (complete.length > 0) return `bản lưu riêng của cơ sở dữ liệu cũ (${complete.at(-1)})`;
  if (fs.existsSync(stagedPath(dbPath))) return `bản chép dở của một lần khôi phục (${path.basename(stagedPath(dbPath))})`;
  if (fs.existsSync(journalPath(dbPath))) return `ghi chú của một lần khôi phục bị gián đoạn (${JOURNAL})`;
  if (aside.length > 0) return `bản lưu riêng chép dở của cơ sở dữ liệu cũ (${aside.at(-1)})`;
  if (options.countWal && fs.existsSync(`${dbPath}-wal`)) return `tệp nhật ký ghi ${base}-wal`;
  const backups = listBackups(backupsDir);
  if (backups.length > 0) return `${backups.length} bản sao lưu`;
  return null;
}
