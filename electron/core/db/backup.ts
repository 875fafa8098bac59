import fs from 'node:fs';
import path from 'node:path';
import type { Database } from 'better-sqlite3-multiple-ciphers';
import type { Backup } from '../../../shared/contract/backups';
import { fsyncDir, fsyncFile } from './durable';

export type BackupKind = Backup['kind'];

const NAME = /^ttct-(\d{4})-(\d{2})-(\d{2})T(\d{2})-(\d{2})-(\d{2})-(\d{3})Z-(daily|manual|pre-migration|pre-restore)\.sqlite$/;

export function backupFileName(at: Date, kind: BackupKind): string {
  return `ttct-${at.toISOString().replace(/[:.]/g, '-')}-${kind}.sqlite`;
}

function parseName(file: string): { createdAt: string; kind: BackupKind } | null {
  const m = NAME.exec(file);
  if (!m) return null;
  return {
    createdAt: `${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}.${m[7]}Z`,
    kind: m[8] as BackupKind,
  };
}

/** A folder not made yet (no backup so far) or not readable holds nothing of ours. */
function namesIn(dir: string): string[] {
  try {
    return fs.readdirSync(dir);
  } catch {
    return [];
  }
}

/** Newest first. Files that are not our backups are ignored, never touched. */
export function listBackups(dir: string): Backup[] {
  const out: Backup[] = [];
  for (const file of namesIn(dir)) {
    const parsed = parseName(file);
    if (!parsed) continue;
    let sizeBytes = 0;
    try {
      sizeBytes = fs.statSync(path.join(dir, file)).size;
    } catch {
      continue;
    }
    out.push({ file, ...parsed, sizeBytes });
  }
  return out.sort((a, b) => b.createdAt.localeCompare(a.createdAt));
}

/**
 * `VACUUM INTO` on the app's connection: one consistent copy, written encrypted under the
 * database's own key (SQLite's online backup API cannot copy between encrypted databases), into a
 * temporary name first so a half-written file never looks like a backup.
 */
export async function createBackup(db: Database, dir: string, kind: BackupKind, now: Date): Promise<Backup> {
  fs.mkdirSync(dir, { recursive: true });
  let at = now;
  let file = backupFileName(at, kind);
  while (fs.existsSync(path.join(dir, file))) {
    at = new Date(at.getTime() + 1);
    file = backupFileName(at, kind);
  }
  const target = path.join(dir, file);
  const partial = `${target}.partial`;
  try {
    db.prepare('VACUUM INTO ?').run(partial);
    // On the disk before it takes its name: a listed backup is always a complete one.
    fsyncFile(partial);
    fs.renameSync(partial, target);
    fsyncDir(dir);
  } catch (err) {
    fs.rmSync(partial, { force: true });
    throw err;
  }
  return { file, kind, createdAt: at.toISOString(), sizeBytes: fs.statSync(target).size };
}

/**
 * A backup cut off by a crash leaves its `.partial` copy behind: never listed, never restored, yet full of
 * personal data. Removed when the database is opened, before any new backup can be under way.
 */
export function removeOrphanPartials(dir: string): string[] {
  const orphans = namesIn(dir).filter((n) => /^ttct-[0-9TZ-]+-(daily|manual|pre-migration|pre-restore)\.sqlite\.partial$/.test(n));
  for (const n of orphans) fs.rmSync(path.join(dir, n), { force: true });
  return orphans;
}

/** Keeps the newest `keep` backups of each kind, so a burst of manual backups cannot push out the dailies. */
export function rotateBackups(dir: string, keep: number): string[] {
  const removed: string[] = [];
  const seen = new Map<BackupKind, number>();
  for (const b of listBackups(dir)) {
    const n = (seen.get(b.kind) ?? 0) + 1;
    seen.set(b.kind, n);
    if (n > keep) {
      fs.rmSync(path.join(dir, b.file), { force: true });
      removed.push(b.file);
    }
  }
  return removed;
}
