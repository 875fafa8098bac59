/**
 * Turning plain files into encrypted ones, and one key into another, without ever leaving a half
 * made file where a complete one was: the work happens on a copy, the copy is checked under its
 * new key, and only then does it take the place of the original (the restore path's journal and
 * single rename for the database, a plain rename for a backup).
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Database } from 'better-sqlite3-multiple-ciphers';
import { applyKey, openSqlite, type DbKey } from './engine';
import { fileFormat, quickCheck } from './open';
import { listBackups } from './backup';
import { copyDurably, fsyncDir, fsyncFile } from './durable';
import { removeSideFiles, stagedPath, swapIn, writeJournal } from './restore';

/**
 * Re-encrypts a file in place under `to` (from plain when `from` is null). Only ever run on a copy
 * nobody else has open: a kill part-way leaves that copy unusable, never the original.
 */
export function rekeyFile(file: string, from: DbKey, to: Buffer): void {
  const db = openSqlite(file, { fileMustExist: true }, from);
  try {
    // SQLite3 Multiple Ciphers refuses to rekey a database in WAL mode.
    db.pragma('journal_mode = DELETE');
    if (from) db.pragma(`rekey = "x'${to.toString('hex')}'"`);
    else applyKey(db, to, 'rekey');
  } finally {
    db.close();
  }
  removeSideFiles(file);
}

/** The schema version and integrity of a file under a key, for comparing a copy with its original. */
export function describeFile(file: string, key: DbKey): { version: number; problems: string[] } {
  let db: Database | null = null;
  try {
    db = openSqlite(file, { readonly: true, fileMustExist: true }, key);
    return { version: db.pragma('user_version', { simple: true }) as number, problems: quickCheck(db) };
  } finally {
    db?.close();
    removeSideFiles(file);
  }
}

/**
 * Brings the database file under another key (`from` null: a plain file, at the first start of a
 * version with encryption; otherwise a new recovery key, or a file left under a replaced key).
 * A consistent copy (with what the WAL held) is made beside it by `VACUUM INTO`, re-keyed and
 * checked, then swapped in under the restore journal: a kill before the swap leaves the original
 * to be done again at the next start, a kill after the journal is finished by the next start
 * (db/restore.ts settleInterruptedRestore). No connection may be open on the database.
 */
export async function encryptDatabase(dbPath: string, from: DbKey, to: Buffer, now: Date): Promise<void> {
  const staged = stagedPath(dbPath);
  fs.rmSync(staged, { force: true });
  removeSideFiles(staged);
  try {
    const source = openSqlite(dbPath, { fileMustExist: true }, from);
    try {
      source.prepare('VACUUM INTO ?').run(staged);
    } finally {
      source.close();
    }
    const before = describeFile(staged, from);
    rekeyFile(staged, from, to);
    const after = describeFile(staged, to);
    if (after.problems.length > 0 || after.version !== before.version || fileFormat(staged) !== 'encrypted') {
      throw new Error(`The encrypted copy does not check out (${after.problems[0] ?? `version ${after.version}`})`);
    }
    fsyncFile(staged);
  } catch (err) {
    fs.rmSync(staged, { force: true });
    removeSideFiles(staged);
    throw err;
  }
  writeJournal(dbPath, {
    backup: from ? 'rekey' : 'encryption',
    startedAt: now.toISOString(),
    stagedBytes: fs.statSync(staged).size,
    keptAs: null,
  });
  swapIn(dbPath);
}

/** Whether a plain file can be read at all (a damaged one is no restore point, and cannot be re-made). */
function readablePlain(file: string): boolean {
  try {
    return describeFile(file, null).problems.length === 0;
  } catch {
    return false;
  }
}

/**
 * Re-makes one plain file encrypted under the same name, through a `.partial` copy (with its WAL)
 * that a kill leaves behind to be removed at the next start, the plain file staying until the
 * rename replaces it. 'unreadable' when the plain file itself cannot be read; any other failure (a
 * full disk) is thrown, the plain file kept, to be tried again at the next start.
 */
function encryptCopy(file: string, key: Buffer, target = file): 'remade' | 'unreadable' {
  const partial = `${target}.partial`;
  removeSideFiles(partial);
  copyDurably(file, partial);
  if (fs.existsSync(`${file}-wal`)) copyDurably(`${file}-wal`, `${partial}-wal`);
  try {
    rekeyFile(partial, null, key);
    fsyncFile(partial);
  } catch (err) {
    fs.rmSync(partial, { force: true });
    removeSideFiles(partial);
    if (!readablePlain(file)) return 'unreadable';
    throw err;
  }
  fs.renameSync(partial, target);
  // A copy with a WAL is re-made under a new name: renamed over the plain file, the encrypted one
  // would meet that file's plain WAL, which SQLite would replay into it were a kill to come first.
  if (target !== file) {
    for (const suffix of ['-wal', '-shm', '-journal']) fs.rmSync(`${file}${suffix}`, { force: true });
    fs.rmSync(file, { force: true });
  }
  return 'remade';
}

/**
 * Backups made before encryption hold everything in plain text: each is re-made encrypted under
 * its own name (its date is in the name). One SQLite cannot read is removed: it is no restore
 * point, and only keeps personal data in the clear. The copies of an unusable database a restore
 * kept aside (`ttct.sqlite.hong-…`) are re-made the same way; a damaged one is left for the clerk
 * (it is the only copy of what it held) and reported.
 */
export function encryptPlainBackups(
  dir: string,
  key: Buffer,
  asideOf?: string,
): { remade: number; removed: string[]; leftPlain: string[] } {
  let remade = 0;
  const removed: string[] = [];
  const leftPlain: string[] = [];
  for (const b of listBackups(dir)) {
    const file = path.join(dir, b.file);
    if (fileFormat(file) === 'encrypted') continue;
    if (fileFormat(file) === 'plain' && encryptCopy(file, key) === 'remade') {
      remade++;
      continue;
    }
    fs.rmSync(file, { force: true });
    removed.push(b.file);
  }
  fsyncDir(dir);
  if (asideOf) {
    const folder = path.dirname(asideOf);
    const prefix = `${path.basename(asideOf)}.hong-`;
    for (const n of fs.readdirSync(folder)) {
      if (!n.startsWith(prefix) || /-(wal|shm|journal)$|\.partial$/.test(n)) continue;
      const file = path.join(folder, n);
      if (fileFormat(file) !== 'plain') continue;
      if (encryptCopy(file, key, `${file}-mahoa`) === 'remade') remade++;
      else leftPlain.push(n);
    }
    fsyncDir(folder);
  }
  return { remade, removed, leftPlain };
}
