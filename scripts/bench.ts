/**
 * `npm run bench`: the performance goals of the issues, measured on generated data at the stated
 * scale through the same services the screens call. Prints one JSON object per line.
 * The 1,000,000-person database is generated once and kept in the OS temp folder between runs.
 */
import path from 'node:path';
import { useBuiltReadWorker } from '../electron/core/io/sheet-worker';
import { benchHostile, benchImport } from './bench-imports';
import { benchBackups } from './bench-backups';
import { ensureDatabase } from './bench-people';
import { setEncrypted } from './bench-common';
import { benchSearch, benchRegistryScreen } from './bench-search';
import { benchTimetable } from './bench-timetable';
import { benchCertificates } from './bench-certificates';
import { benchReports } from './bench-reports';

/** `npm run bench -- --only timetable` (or `learners`, `certificates`, `reports`) runs one part. */
async function main(): Promise<void> {
  // `npm run bench` builds first: measure the worker the packaged app runs, not tsx's transform.
  useBuiltReadWorker(path.resolve('out/main/read-worker.js'), { prewarm: true });
  const only = process.argv.includes('--only') ? process.argv[process.argv.indexOf('--only') + 1] : null;
  // Without the key first (kept, not printed), then with it as the app runs: each line shows both.
  for (const encrypted of [false, true]) {
    setEncrypted(encrypted);
    if (!only || only === 'timetable') await benchTimetable();
    if (!only || only === 'certificates') await benchCertificates();
    if (!only || only === 'reports') await benchReports();
    if (!only || only === 'imports') await benchHostile();
    if (only === 'search') {
      // The registry alone: the search and the screen's first rows (minutes, not the half hour of the whole run).
      const dataDir = await ensureDatabase();
      await benchSearch(dataDir);
      await benchRegistryScreen(dataDir);
    }
    if (!only || only === 'learners') {
      const dataDir = await ensureDatabase();
      await benchSearch(dataDir);
      await benchImport(dataDir);
      await benchBackups(dataDir);
      await benchRegistryScreen(dataDir);
    }
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
