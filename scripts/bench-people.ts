/** `npm run bench`: the generated 1,000,000-person database every learners measurement runs on, plain and encrypted. */
import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { dispatch } from '../electron/core/dispatch';
import { generateDemo } from '../electron/core/demo/generate';
import { LATEST_VERSION } from '../electron/core/db/migrations';
import { benchCentre, cacheDir, copyDatabase, emit, isEncrypted, openCore, PEOPLE, setEncrypted } from './bench-common';

const PEOPLE_CACHE = `people-${PEOPLE}-schema${LATEST_VERSION}`;

/**
 * The 1,000,000-person database, generated plain once; the encrypted one is that file encrypted at
 * its first open, as an existing centre's database is at the first start of the version with
 * encryption (measured: protection.encrypt_existing_ms).
 */
export async function ensureDatabase(): Promise<string> {
  const CACHE = cacheDir(PEOPLE_CACHE);
  const marker = path.join(CACHE, 'complete');
  if (fs.existsSync(marker)) return CACHE;
  fs.rmSync(CACHE, { recursive: true, force: true });
  if (isEncrypted()) {
    setEncrypted(false);
    const plain = await ensureDatabase();
    setEncrypted(true);
    copyDatabase(plain, CACHE);
    const t = performance.now();
    const core = await openCore(CACHE);
    emit('protection.encrypt_existing_ms', performance.now() - t, {
      people: PEOPLE,
      bytes: fs.statSync(path.join(CACHE, 'ttct.sqlite')).size,
      note: 'first start on a plain 1M-person database: copy, rekey, check, swap',
    });
    core.close();
    fs.writeFileSync(marker, new Date().toISOString());
    return CACHE;
  }
  const core = await openCore(CACHE);
  // A profile, as on any centre's PC: without one the app opens on the first-start page.
  const profile = await dispatch(core, 'centre.save', benchCentre('2025-07-01', 'Đảng ủy xã Mẫu'));
  if (!profile.ok) throw new Error(JSON.stringify(profile.error));
  const started = performance.now();
  generateDemo(core.db, { people: PEOPLE, onProgress: (d, t) => process.stderr.write(`\rgenerating ${d}/${t}`) });
  core.db.pragma('wal_checkpoint(TRUNCATE)');
  core.db.exec('ANALYZE');
  core.close();
  process.stderr.write(`\ngenerated ${PEOPLE} people in ${((performance.now() - started) / 1000).toFixed(1)} s\n`);
  fs.writeFileSync(marker, new Date().toISOString());
  return CACHE;
}
