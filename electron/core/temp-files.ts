import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * Temporary files that hold a printout (a register of learners, a batch of certificates) live in
 * the app's own folder inside the data folder, never in the OS temp folder: that one is shared
 * (on Linux every user can list /tmp; on Windows other programs and cleaners walk %TEMP%), it is
 * not emptied on any schedule the app controls, and it is outside the folder the clerk backs up
 * and protects. Here they sit beside the database, owner-only, and are removed after each job and
 * at every start (issue 13).
 */

/** The prefix of a printout's HTML file; versions before issue 13 wrote them to the OS temp folder. */
export const PRINT_FILE_PREFIX = 'ttct-print-';

/** `<dataDir>/tmp`: the app's private temp folder. */
export function privateTempPath(dataDir: string): string {
  return path.join(dataDir, 'tmp');
}

/** Creates the folder owner-only (0700) where the OS has modes, and narrows it if it existed wider. */
export function ensurePrivateDir(dir: string): void {
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  if (process.platform !== 'win32' && (fs.statSync(dir).mode & 0o777) !== 0o700) fs.chmodSync(dir, 0o700);
}

/** Never throws: a file that cannot be removed now (Windows may still hold it) goes at the next start. */
function removeQuietly(target: string): boolean {
  try {
    fs.rmSync(target, { force: true, recursive: true, maxRetries: 3, retryDelay: 50 });
    return true;
  } catch {
    return false;
  }
}

/**
 * Writes `content` to a new owner-only file in `dir`, hands its path to `use`, and removes the file
 * however `use` ends: with a result, a failure or a cancel.
 */
export async function withTempFile<T>(dir: string, content: string, use: (file: string) => Promise<T>, extension = '.html'): Promise<T> {
  ensurePrivateDir(dir);
  const file = path.join(dir, `${PRINT_FILE_PREFIX}${crypto.randomUUID()}${extension}`);
  try {
    // 'wx': a fresh name, never an existing file (or a link planted in its place) written through.
    fs.writeFileSync(file, content, { encoding: 'utf8', mode: 0o600, flag: 'wx' });
    return await use(file);
  } finally {
    removeQuietly(file);
  }
}

export interface SweepReport {
  /** Entries removed from the app's own temp folder. */
  removed: number;
  /** `ttct-print-*` files an older version left in the shared OS temp folder and that were removed. */
  removedShared: number;
  /** Entries that could not be removed (tried again at the next start). */
  failed: number;
}

function ownedByMe(st: fs.Stats): boolean {
  return typeof process.getuid !== 'function' || st.uid === process.getuid();
}

/**
 * At start, before anything prints: empties `<dataDir>/tmp` (whatever a crash or a killed print
 * left there) and removes this user's `ttct-print-*` files from the OS temp folder, where versions
 * before issue 13 wrote them. Never throws; an unreadable folder counts as nothing to do.
 */
export function sweepTempFiles(dataDir: string, sharedTemp: string | null = os.tmpdir()): SweepReport {
  const report: SweepReport = { removed: 0, removedShared: 0, failed: 0 };
  const own = privateTempPath(dataDir);
  for (const name of listQuietly(own)) {
    if (removeQuietly(path.join(own, name))) report.removed++;
    else report.failed++;
  }
  if (sharedTemp && path.resolve(sharedTemp) !== path.resolve(own)) {
    for (const name of listQuietly(sharedTemp)) {
      if (!name.startsWith(PRINT_FILE_PREFIX)) continue;
      const file = path.join(sharedTemp, name);
      let st: fs.Stats;
      try {
        st = fs.lstatSync(file);
      } catch {
        continue;
      }
      // Only plain files of this user: another user's (or a link) is not ours to touch.
      if (!st.isFile() || !ownedByMe(st)) continue;
      if (removeQuietly(file)) report.removedShared++;
      else report.failed++;
    }
  }
  return report;
}

function listQuietly(dir: string): string[] {
  try {
    return fs.readdirSync(dir);
  } catch {
    return [];
  }
}
