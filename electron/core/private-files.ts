import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Logger } from './log';
import { sweepTempFiles } from './temp-files';

/**
 * The data folder holds every learner's name, birth date and ID number (database, WAL, backups,
 * logs, printouts on their way to the printer): on an OS with file modes only its owner may read
 * it (issue 13). Two layers: the shells narrow the process umask first thing, so whatever the app
 * creates is born owner-only; and at each start the folder is walked and anything an older version
 * (or a tool without the umask) left wider is narrowed. Windows has no modes: the data folder sits
 * in the user's own profile, whose ACL already keeps other users out.
 */

export const PRIVATE_DIR_MODE = 0o700;
export const PRIVATE_FILE_MODE = 0o600;

/**
 * Files and folders created from now on are owner-only (umask 077). Returns the previous mask, or
 * null where there is none to set (Windows; a worker thread, which may not change it).
 */
export function restrictUmask(): number | null {
  if (process.platform === 'win32') return null;
  try {
    return process.umask(0o077);
  } catch {
    return null;
  }
}

export interface PrivateReport {
  /** Folders and files whose mode was narrowed. */
  changed: number;
  /** Entries that could not be narrowed (another owner's, or a failing disk). */
  failed: number;
  /** Why nothing was walked: Windows, or a folder that is plainly not the app's own. */
  skipped?: 'win32' | 'not-app-folder';
}

/** A data folder pointed (by TTCT_DATA_DIR or --data) at a home, the temp folder or a root is not walked. */
function isSharedFolder(dir: string): boolean {
  const resolved = path.resolve(dir);
  return [os.homedir(), os.tmpdir(), path.parse(resolved).root].some((d) => d && path.resolve(d) === resolved);
}

/**
 * Creates the data folder owner-only (0700) if it is missing, then walks it: folders 0700, files
 * 0600. Links are not followed and not changed; only this user's entries are touched. Never throws.
 */
export function makeDataDirPrivate(dataDir: string): PrivateReport {
  const report: PrivateReport = { changed: 0, failed: 0 };
  try {
    fs.mkdirSync(dataDir, { recursive: true, mode: PRIVATE_DIR_MODE });
  } catch {
    report.failed++;
    return report;
  }
  if (process.platform === 'win32') return { ...report, skipped: 'win32' };
  if (isSharedFolder(dataDir)) return { ...report, skipped: 'not-app-folder' };
  const uid = process.getuid?.();
  const pending = [path.resolve(dataDir)];
  while (pending.length) {
    const entry = pending.pop()!;
    let st: fs.Stats;
    try {
      st = fs.lstatSync(entry);
    } catch {
      continue;
    }
    if (st.isSymbolicLink() || (uid !== undefined && st.uid !== uid)) continue;
    const dir = st.isDirectory();
    if (!dir && !st.isFile()) continue;
    const want = dir ? PRIVATE_DIR_MODE : PRIVATE_FILE_MODE;
    if ((st.mode & 0o777) !== want) {
      try {
        fs.chmodSync(entry, want);
        report.changed++;
      } catch {
        report.failed++;
      }
    }
    if (dir) {
      try {
        for (const name of fs.readdirSync(entry)) pending.push(path.join(entry, name));
      } catch {
        report.failed++;
      }
    }
  }
  return report;
}

/**
 * What both shells do with the data folder at start, before the core opens it: narrow its modes,
 * and remove the temporary printouts a crash left behind. Logs counts, never names.
 */
export function prepareDataDir(dataDir: string, log: Logger): void {
  const modes = makeDataDirPrivate(dataDir);
  if (modes.changed) log.info(`Made ${modes.changed} file(s) and folder(s) in the data folder readable by the owner only`);
  if (modes.failed) log.warn(`Could not make ${modes.failed} entry(ies) in the data folder owner-only`);
  if (modes.skipped === 'not-app-folder')
    log.warn('The data folder is a shared folder (home, temp or root); its modes were left as they are');
  const swept = sweepTempFiles(dataDir);
  if (swept.removed || swept.removedShared) {
    log.info(`Removed ${swept.removed + swept.removedShared} temporary print file(s) left by an earlier run`);
  }
  if (swept.failed) log.warn(`Could not remove ${swept.failed} temporary file(s); will try again at the next start`);
}
