/**
 * Turning plain files into encrypted ones, and one key into another, without ever leaving a half
 * made file where a complete one was: the work happens on a copy, the copy is checked under its
 * new key, and only then does it take the place of the original (the restore path's journal and
 * single rename for the database, a plain rename for a backup).
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Database } from 'better-sqlite3-multiple-ciphers';
import { applyKey, openSqlite, type DbKey } from '../db/engine';
import { fileFormat, quickCheck } from '../db/open';
import { listBackups } from '../db/backup';
import { copyDurably, fsyncDir, fsyncFile } from '../db/durable';
import { removeSideFiles, stagedPath, swapIn, writeJournal } from '../db/restore';

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
  writeJournal(dbPath, { backup: from ? 'rekey' : 'encryption', startedAt: now.toISOString(), stagedBytes: fs.statSync(staged).size, keptAs: null });
  swapIn(dbPath);
}

/**
 * Backups made before encryption hold everything in plain text: each is re-made encrypted under
 * the same name (its date is in the name), through a `.partial` copy that a kill leaves behind to
 * be removed at the next start, while the plain backup stays until the rename replaces it.
 * Returns how many were re-made; one that cannot be read is removed, since it cannot be kept plain.
 */
export function encryptPlainBackups(dir: string, key: Buffer): { remade: number; removed: string[] } {
  let remade = 0;
  const removed: string[] = [];
  for (const b of listBackups(dir)) {
    const file = path.join(dir, b.file);
    const format = fileFormat(file);
    if (format === 'encrypted') continue;
    if (format !== 'plain') {
      fs.rmSync(file, { force: true });
      removed.push(b.file);
      continue;
    }
    const partial = `${file}.partial`;
    removeSideFiles(partial);
    copyDurably(file, partial);
    try {
      rekeyFile(partial, null, key);
      fsyncFile(partial);
    } catch {
      fs.rmSync(partial, { force: true });
      removeSideFiles(partial);
      // A plain backup SQLite cannot read is no restore point; it only keeps personal data in the clear.
      fs.rmSync(file, { force: true });
      removed.push(b.file);
      continue;
    }
    fs.renameSync(partial, file);
    remade++;
  }
  fsyncDir(dir);
  return { remade, removed };
}
