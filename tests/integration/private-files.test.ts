import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createLogger } from '../../electron/core/log';
import { makeDataDirPrivate, prepareDataDir, restrictUmask } from '../../electron/core/private-files';
import { PRINT_FILE_PREFIX, privateTempPath, sweepTempFiles, withTempFile } from '../../electron/core/temp-files';
import { savePerson } from '../fixtures/builders';
import { ok, startCore, tempDir } from './helpers';

/** Issue 13: the data folder and everything in it readable by its owner only; no printout left behind. */

const posix = process.platform !== 'win32';

function modeOf(file: string): number {
  return fs.statSync(file).mode & 0o777;
}

/** Every entry under `dir` (itself included) with its mode; links are neither listed nor followed. */
function modes(dir: string): Map<string, number> {
  const out = new Map<string, number>([['.', modeOf(dir)]]);
  const walk = (at: string): void => {
    for (const entry of fs.readdirSync(at, { withFileTypes: true })) {
      if (entry.isSymbolicLink()) continue;
      const full = path.join(at, entry.name);
      out.set(path.relative(dir, full), modeOf(full));
      if (entry.isDirectory()) walk(full);
    }
  };
  walk(dir);
  return out;
}

function withUmask<T>(mask: number, run: () => Promise<T>): Promise<T> {
  const before = process.umask(mask);
  return run().finally(() => process.umask(before));
}

// The tests write files with the modes they name: the umask a host started earlier in this process narrowed must not apply.
let umaskBefore = 0;
beforeEach(() => {
  umaskBefore = process.umask(0o022);
});
afterEach(() => {
  process.umask(umaskBefore);
  vi.restoreAllMocks();
});

describe.skipIf(!posix)('owner-only data folder', () => {
  it('walks the folder: folders 0700, files 0600, links neither followed nor changed', () => {
    const dir = tempDir('ttct-private-');
    const outside = tempDir('ttct-outside-');
    fs.mkdirSync(path.join(dir, 'backups'), { mode: 0o755 });
    fs.mkdirSync(path.join(dir, 'logs', 'old'), { recursive: true, mode: 0o775 });
    fs.writeFileSync(path.join(dir, 'ttct.sqlite'), 'db', { mode: 0o644 });
    fs.writeFileSync(path.join(dir, 'backups', 'ttct-2026-daily.sqlite'), 'b', { mode: 0o664 });
    fs.writeFileSync(path.join(dir, 'logs', 'old', 'app.log.1'), 'l', { mode: 0o666 });
    fs.writeFileSync(path.join(dir, 'logs', 'app.log'), 'l', { mode: 0o600 });
    fs.writeFileSync(path.join(outside, 'shared.txt'), 's', { mode: 0o644 });
    fs.chmodSync(dir, 0o755);
    fs.symlinkSync(path.join(outside, 'shared.txt'), path.join(dir, 'link-to-shared'));
    fs.symlinkSync(outside, path.join(dir, 'link-to-folder'));

    const report = makeDataDirPrivate(dir);
    expect(report).toEqual({ changed: 7, failed: 0 });
    expect(Object.fromEntries(modes(dir))).toEqual({
      '.': 0o700,
      backups: 0o700,
      'backups/ttct-2026-daily.sqlite': 0o600,
      logs: 0o700,
      'logs/app.log': 0o600,
      'logs/old': 0o700,
      'logs/old/app.log.1': 0o600,
      'ttct.sqlite': 0o600,
    });
    expect(modeOf(path.join(outside, 'shared.txt'))).toBe(0o644);
    expect(modeOf(outside)).not.toBe(0o600);
    // Nothing left to narrow the second time.
    expect(makeDataDirPrivate(dir)).toEqual({ changed: 0, failed: 0 });
  });

  it('creates a missing data folder owner-only, whatever the umask', async () => {
    const parent = tempDir('ttct-private-');
    const dir = path.join(parent, 'a', 'data');
    await withUmask(0o022, async () => makeDataDirPrivate(dir));
    expect(modeOf(dir)).toBe(0o700);
  });

  it('leaves a home or temp folder given as the data folder as it is', () => {
    const fakeHome = tempDir('ttct-home-');
    fs.writeFileSync(path.join(fakeHome, 'script.sh'), '#!/bin/sh\n', { mode: 0o755 });
    vi.spyOn(os, 'homedir').mockReturnValue(fakeHome);
    expect(makeDataDirPrivate(fakeHome)).toEqual({ changed: 0, failed: 0, skipped: 'not-app-folder' });
    expect(modeOf(path.join(fakeHome, 'script.sh'))).toBe(0o755);
  });

  it('a core started with the umask narrowed writes its database, WAL, backups and logs owner-only', async () => {
    const dir = tempDir('ttct-umask-');
    await withUmask(0o022, async () => {
      const previous = restrictUmask();
      expect(previous).toBe(0o022);
      try {
        const core = await startCore(dir);
        await savePerson(core, 'Lê Văn Tư', { sex: 'nam', birthDate: '1990-05-12', ethnicityCode: '01', citizenId: '062090001234' });
        await ok(core, 'backups.create', {});
        core.log.info('a line in the log');
        const found = modes(dir);
        // The database is open: its WAL and shared-memory files are there too.
        for (const name of ['ttct.sqlite', 'ttct.sqlite-wal', 'ttct.sqlite-shm', 'logs/app.log', 'backups'])
          expect(found.has(name), name).toBe(true);
        expect([...found.keys()].some((f) => f.startsWith('backups/ttct-') && f.endsWith('-manual.sqlite'))).toBe(true);
        const wide = [...found].filter(([, mode]) => (mode & 0o077) !== 0).map(([f, mode]) => `${f} ${mode.toString(8)}`);
        expect(wide).toEqual([]);
      } finally {
        process.umask(0o022);
      }
    });
  });

  it('narrows what an older version left readable, and SQLite then makes the WAL like the database', async () => {
    const dir = tempDir('ttct-older-');
    await withUmask(0o022, async () => {
      const first = await startCore(dir);
      await ok(first, 'backups.create', {});
      first.close();
      fs.chmodSync(path.join(dir, 'ttct.sqlite'), 0o644);
      fs.chmodSync(dir, 0o755);
      expect(makeDataDirPrivate(dir).changed).toBeGreaterThan(0);
      expect([...modes(dir)].filter(([, mode]) => (mode & 0o077) !== 0)).toEqual([]);
      // Opened again without the umask (a tool): SQLite gives the new WAL the database's own mode.
      const second = await startCore(dir);
      expect(modeOf(path.join(dir, 'ttct.sqlite-wal'))).toBe(0o600);
      second.close();
    });
  });
});

describe('temporary print files', () => {
  it('live in the app’s own owner-only folder and are removed after the job, whether it succeeds, fails or is cancelled', async () => {
    const dataDir = tempDir('ttct-print-tmp-');
    const tmp = privateTempPath(dataDir);
    const seen: string[] = [];
    const result = await withTempFile(tmp, '<p>Lê Văn Tư</p>', async (file) => {
      seen.push(file);
      expect(path.dirname(file)).toBe(tmp);
      expect(path.basename(file).startsWith(PRINT_FILE_PREFIX)).toBe(true);
      expect(fs.readFileSync(file, 'utf8')).toBe('<p>Lê Văn Tư</p>');
      if (posix) {
        expect(modeOf(file)).toBe(0o600);
        expect(modeOf(tmp)).toBe(0o700);
      }
      return 'printed';
    });
    expect(result).toBe('printed');
    await expect(
      withTempFile(tmp, 'x', async (file) => {
        seen.push(file);
        throw new Error('printer on fire');
      }),
    ).rejects.toThrow('printer on fire');
    // A cancelled dialog resolves without printing: still removed.
    await withTempFile(tmp, 'x', async (file) => {
      seen.push(file);
    });
    expect(seen).toHaveLength(3);
    expect(new Set(seen).size).toBe(3);
    for (const file of seen) expect(fs.existsSync(file)).toBe(false);
    expect(fs.readdirSync(tmp)).toEqual([]);
  });

  it('at start, removes what a crash left in the app’s folder and an older version’s files in the shared temp folder', () => {
    const dataDir = tempDir('ttct-sweep-tmp-');
    const shared = tempDir('ttct-shared-tmp-');
    const tmp = privateTempPath(dataDir);
    fs.mkdirSync(path.join(tmp, 'offsite-half'), { recursive: true });
    fs.writeFileSync(path.join(tmp, `${PRINT_FILE_PREFIX}1.html`), 'Lê Văn Tư');
    fs.writeFileSync(path.join(tmp, 'offsite-half', 'copy.sqlite'), 'x');
    fs.writeFileSync(path.join(shared, `${PRINT_FILE_PREFIX}2.html`), 'Lê Văn Tư');
    fs.writeFileSync(path.join(shared, 'someone-else.html'), 'keep');
    fs.mkdirSync(path.join(shared, `${PRINT_FILE_PREFIX}folder`));

    expect(sweepTempFiles(dataDir, shared)).toEqual({ removed: 2, removedShared: 1, failed: 0 });
    expect(fs.readdirSync(tmp)).toEqual([]);
    expect(fs.readdirSync(shared).sort()).toEqual(['someone-else.html', `${PRINT_FILE_PREFIX}folder`]);
    // A data folder never used: nothing to do, nothing thrown.
    expect(sweepTempFiles(path.join(dataDir, 'missing'), null)).toEqual({ removed: 0, removedShared: 0, failed: 0 });
  });

  it('the start-up step logs counts only', () => {
    const dataDir = tempDir('ttct-prepare-');
    fs.mkdirSync(privateTempPath(dataDir), { recursive: true });
    fs.writeFileSync(path.join(privateTempPath(dataDir), `${PRINT_FILE_PREFIX}Lê Văn Tư.html`), 'x');
    const log = createLogger(path.join(dataDir, 'logs'));
    prepareDataDir(dataDir, log);
    const text = fs.readFileSync(log.file, 'utf8');
    expect(text).toContain('Removed 1 temporary print file(s)');
    expect(text).not.toContain('Lê Văn Tư');
    if (posix) expect(modeOf(dataDir)).toBe(0o700);
  });
});
