/**
 * Sudden death: each writing operation runs in a child process (tests/fixtures/crash-child.ts) that
 * is killed with SIGKILL while it writes. After every kill a fresh connection in this process checks
 * the files (integrity_check), and AppCore.start on the folder must open on the right data: the
 * change all there or not there at all, certificate numbers without gaps, never a new empty
 * database. Kills land at seeded moments after the child prints GO, one in each equal slice of the
 * operation's writing time; the restores and the first encryption are also cut off before each of
 * their file-system steps in turn, since their dangerous moments (between a removal and a rename)
 * last microseconds and a timed kill would almost never hit them.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSqlite } from '../../electron/core/db/engine';
import { fileFormat } from '../../electron/core/db/open';
import { LATEST_VERSION } from '../../electron/core/db/migrations';
import { extractPayload, readOffsite } from '../../electron/core/protection/offsite';
import {
  call,
  IMPORT_ROWS,
  killRepeatedly,
  LEARNERS,
  makeTemplate,
  open,
  rawLook,
  restoreLeftovers,
  startedOk,
  stopSpare,
  V12,
  work,
  type Check,
  type Template,
} from '../fixtures/crash-harness';
import { dataKey } from '../fixtures/data-key';
describe('killed at a random moment, the data folder opens on the right data', { timeout: 600_000 }, () => {
  let t: Template;
  const started = performance.now();
  beforeAll(async () => {
    t = await makeTemplate();
  }, 120_000);
  afterAll(() => {
    stopSpare();
    fs.rmSync(work, { recursive: true, force: true });
    console.info(`crash test: ${Math.round((performance.now() - started) / 1000)} s`);
  });

  const copyOf = (from: string, dir: string): void => fs.cpSync(from, dir, { recursive: true });
  /** Each run starts on a copy of a template folder; the child's operation is handed `argument`, if any. */
  const onCopyOf =
    (from: string, argument?: string) =>
    (dir: string): { argument?: string } => {
      copyOf(from, dir);
      return argument === undefined ? {} : { argument };
    };

  /** After a restore (from a backup or a file) over the database of centre "Cũ" with a backup of "Sao lưu". */
  const restoredOrOld: Check = async (dir, killed) => {
    // Before any start has settled it: the old database or the restored one, complete either way.
    expect(rawLook(dir).integrity).toBe('ok');
    const core = await startedOk(dir);
    const name = (await call<{ centreName: string }>(core, 'app.status', {})).centreName;
    expect(['Cũ', 'Sao lưu']).toContain(name);
    if (!killed) expect(name).toBe('Sao lưu');
    if (name === 'Sao lưu') {
      // What was replaced is there to go back to.
      const pre = core.listBackups().find((b) => b.kind === 'pre-restore')!;
      const kept = openSqlite(path.join(core.backupsDir, pre.file), { readonly: true, fileMustExist: true }, dataKey(dir));
      expect(kept.prepare('SELECT name FROM centre_profiles ORDER BY valid_from DESC LIMIT 1').get()).toEqual({ name: 'Cũ' });
      kept.close();
    }
    expect(core.db.prepare('SELECT COUNT(*) AS n FROM people').get()).toEqual({ n: t.people });
    expect(restoreLeftovers(dir)).toEqual([]);
    core.close();
  };

  it('an import: all rows or none', async () => {
    await killRepeatedly('import', onCopyOf(t.dir, t.sheet), async (dir, killed) => {
      expect(rawLook(dir).integrity).toBe('ok');
      const core = await startedOk(dir);
      const n = (core.db.prepare('SELECT COUNT(*) AS n FROM people').get() as { n: number }).n;
      expect([t.people, t.people + IMPORT_ROWS]).toContain(n);
      if (!killed) expect(n).toBe(t.people + IMPORT_ROWS);
      core.close();
    });
  });

  it('a batch of certificates: all issued with gap-free numbers, or none', async () => {
    await killRepeatedly('issue', onCopyOf(t.dir, String(t.classId)), async (dir, killed) => {
      expect(rawLook(dir).integrity).toBe('ok');
      const core = await startedOk(dir);
      const c = core.db
        .prepare('SELECT COUNT(*) AS n, MIN(seq) AS lo, MAX(seq) AS hi, COUNT(DISTINCT serial) AS serials FROM certificates')
        .get() as { n: number; lo: number; hi: number; serials: number };
      expect([0, LEARNERS]).toContain(c.n);
      if (c.n) expect(c).toEqual({ n: LEARNERS, lo: 1, hi: LEARNERS, serials: LEARNERS });
      if (!killed) expect(c.n).toBe(LEARNERS);
      core.close();
    });
  });

  it('a migration from schema 12, with the first encryption: the old version with its data, or the new one', async () => {
    await killRepeatedly(
      'migrate',
      (dir) => {
        fs.mkdirSync(dir, { recursive: true });
        fs.copyFileSync(V12, path.join(dir, 'ttct.sqlite'));
        return {};
      },
      async (dir, killed) => {
        const raw = rawLook(dir);
        expect(raw.integrity).toBe('ok');
        expect([12, LATEST_VERSION]).toContain(raw.version);
        if (!killed) expect(raw.version).toBe(LATEST_VERSION);
        const core = await startedOk(dir);
        expect(core.schemaVersion()).toBe(LATEST_VERSION);
        expect(core.db.prepare('SELECT COUNT(*) AS n FROM people').get()).toEqual({ n: 30 });
        core.close();
      },
    );
  });

  it('backups: every backup listed is complete, and no unfinished copy is left', async () => {
    await killRepeatedly('backup', onCopyOf(t.dir), async (dir, killed) => {
      expect(rawLook(dir).integrity).toBe('ok');
      const core = await startedOk(dir);
      const listed = core.listBackups();
      // Twenty manual backups, of which rotation keeps the newest fourteen.
      if (!killed) expect(listed.length).toBe(14);
      for (const b of listed) {
        const copy = openSqlite(path.join(core.backupsDir, b.file), { readonly: true, fileMustExist: true }, dataKey(dir));
        expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
        expect(copy.prepare('SELECT COUNT(*) AS n FROM people').get()).toEqual({ n: t.people });
        copy.close();
      }
      expect(fs.readdirSync(core.backupsDir).filter((f) => f.endsWith('.partial'))).toEqual([]);
      core.close();
    });
  });

  it('a restore over a working database: the old data or the restored with the old kept as a backup, never none', async () => {
    await killRepeatedly('restore', onCopyOf(t.dir, t.backup), restoredOrOld, { everyStep: true });
  });

  it('the first encryption of an existing database: the plain one, or the encrypted one with its backups re-made, never none', async () => {
    await killRepeatedly(
      'encrypt',
      onCopyOf(t.plain),
      async (dir, killed) => {
        const db = path.join(dir, 'ttct.sqlite');
        expect(['plain', 'encrypted']).toContain(fileFormat(db));
        expect(rawLook(dir).integrity).toBe('ok');
        const core = await startedOk(dir);
        expect(core.db.prepare('SELECT COUNT(*) AS n FROM people').get()).toEqual({ n: LEARNERS });
        expect(fileFormat(db)).toBe('encrypted');
        const backups = core.listBackups();
        if (!killed) expect(backups).toHaveLength(2);
        for (const b of backups) {
          const file = path.join(core.backupsDir, b.file);
          expect(fileFormat(file)).toBe('encrypted');
          const copy = openSqlite(file, { readonly: true, fileMustExist: true }, dataKey(dir));
          expect(copy.prepare('SELECT COUNT(*) AS n FROM people').get()).toEqual({ n: LEARNERS });
          copy.close();
        }
        expect(restoreLeftovers(dir)).toEqual([]);
        expect(fs.readdirSync(core.backupsDir).filter((f) => f.endsWith('.partial'))).toEqual([]);
        core.close();
      },
      { everyStep: true },
    );
  });

  it('a copy off the PC: the folder holds only complete, verifiable copies (a cut-off one never under the backup name)', async () => {
    await killRepeatedly(
      'offsite',
      (dir) => {
        copyOf(t.dir, dir);
        fs.mkdirSync(`${dir}-usb`);
        return { argument: `${dir}-usb` };
      },
      async (dir, killed) => {
        const usb = `${dir}-usb`;
        const copies = fs.readdirSync(usb).filter((f) => !f.endsWith('.partial'));
        if (!killed) expect(copies).toHaveLength(3);
        for (const f of copies) {
          const found = readOffsite(path.join(usb, f));
          const payload = path.join(usb, 'check.sqlite');
          extractPayload(path.join(usb, f), found, payload);
          const copy = openSqlite(payload, { readonly: true, fileMustExist: true }, dataKey(dir));
          expect(copy.prepare('SELECT COUNT(*) AS n FROM people').get()).toEqual({ n: t.people });
          copy.close();
          fs.rmSync(payload);
        }
        const core = await startedOk(dir);
        expect(fs.existsSync(path.join(dir, 'tmp', 'offsite')) ? fs.readdirSync(path.join(dir, 'tmp', 'offsite')) : []).toEqual([]);
        core.close();
        fs.rmSync(usb, { recursive: true, force: true });
      },
    );
  });

  it('a restore from a file off the PC: the old data or the restored with the old kept as a backup, never none', async () => {
    await killRepeatedly('restore-file', onCopyOf(t.dir, t.offsite), restoredOrOld, { everyStep: true });
  });

  it('a restore from the recovery screen: the damaged file still there, or the restored data with the damaged file kept aside, never an empty database', async () => {
    await killRepeatedly(
      'restore-broken',
      onCopyOf(t.damaged, t.backup),
      async (dir, killed) => {
        // Before any start has settled it: the damaged file untouched, or a complete database.
        const db = path.join(dir, 'ttct.sqlite');
        expect(fs.readFileSync(db).equals(t.damagedBytes) || rawLook(dir).integrity === 'ok').toBe(true);
        const core = await open(dir);
        if (core.problem) {
          // Cut off before the swap: the damaged file as it was, with its WAL, for another try.
          expect(killed).toBe(true);
          expect(core.problem.code, `${core.problem.message} | files: ${fs.readdirSync(dir).join(', ')}`).toBe('DB_CORRUPT');
          expect(fs.readFileSync(db).equals(t.damagedBytes)).toBe(true);
          expect(fs.readFileSync(`${db}-wal`).equals(t.damagedWal)).toBe(true);
        } else {
          expect(rawLook(dir).integrity).toBe('ok');
          expect(core.db.pragma('integrity_check', { simple: true })).toBe('ok');
          expect((await call<{ centreName: string }>(core, 'app.status', {})).centreName).toBe('Sao lưu');
          expect(core.db.prepare('SELECT COUNT(*) AS n FROM people').get()).toEqual({ n: t.people });
          const aside = fs.readdirSync(dir).filter((f) => /^ttct\.sqlite\.hong-[\dTZ-]+$/.test(f));
          expect(aside.length).toBeGreaterThan(0);
          expect(fs.readFileSync(path.join(dir, aside.at(-1)!)).equals(t.damagedBytes)).toBe(true);
          expect(fs.readFileSync(path.join(dir, `${aside.at(-1)!}-wal`)).equals(t.damagedWal)).toBe(true);
        }
        expect(restoreLeftovers(dir)).toEqual([]);
        core.close();
      },
      { everyStep: true },
    );
  });
});
