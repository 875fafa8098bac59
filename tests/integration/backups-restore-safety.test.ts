import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { copyDurably } from '../../electron/core/db/durable';
import { openSqlite } from '../../electron/core/db/engine';
import { dataKey } from '../fixtures/data-key';
import { journalPath, stagedPath, writeJournal } from '../../electron/core/db/restore';
import { CENTRE } from '../fixtures/builders';
import { invoke, ok, startCore, tempDir } from './helpers';

const centre = (name: string) => ({ ...CENTRE, name });

type Folder = Awaited<ReturnType<typeof folder>>;

/** A folder with a database named "Cũ" and a backup named "Sao lưu", as a clerk's would be. */
async function folder(): Promise<{ dir: string; db: string; backup: string }> {
  const dir = tempDir('ttct-restore-');
  const core = await startCore(dir);
  await ok(core, 'centre.save', centre('Sao lưu'));
  const backup = (await ok(core, 'backups.create', {})).file;
  await ok(core, 'centre.save', { ...centre('Cũ'), validFrom: '2025-08-01' });
  core.close();
  return { dir, db: path.join(dir, 'ttct.sqlite'), backup };
}

async function centreName(dir: string): Promise<string | null> {
  const core = await startCore(dir);
  try {
    if (core.problem) return `problem ${core.problem.code}`;
    return (await ok(core, 'app.status', {})).centreName;
  } finally {
    core.close();
  }
}

/** Anything a restore leaves behind besides the database and the copy kept aside. */
function leftovers(dir: string): string[] {
  return fs.readdirSync(dir).filter((f) => f.includes('.restoring') || f.startsWith('restore-pending') || f.endsWith('.partial'));
}

/** The state a restore is in once its copy is checked and the journal written: the next step is the swap. */
function stageAndJournal(db: string, backupFile: string): void {
  const staged = stagedPath(db);
  copyDurably(path.join(path.dirname(db), 'backups', backupFile), staged);
  writeJournal(db, { backup: backupFile, startedAt: new Date().toISOString(), stagedBytes: fs.statSync(staged).size, keptAs: null });
}

/**
 * The folder as a kill leaves it while a connection still has committed changes only in the WAL:
 * the database file and its WAL copied while the connection is open (no checkpoint yet).
 */
function withUncheckpointedWal(db: string, name: string): void {
  const conn = openSqlite(db, undefined, dataKey(path.dirname(db)));
  conn.pragma('journal_mode = WAL');
  conn.pragma('wal_autocheckpoint = 0');
  conn.prepare("UPDATE centre_profiles SET name = ? WHERE valid_from = '2025-08-01'").run(name);
  const copy = `${db}.snap`;
  fs.copyFileSync(db, copy);
  fs.copyFileSync(`${db}-wal`, `${copy}-wal`);
  conn.close();
  fs.renameSync(copy, db);
  fs.renameSync(`${copy}-wal`, `${db}-wal`);
  fs.rmSync(`${db}-shm`, { force: true });
}

describe('restoring a backup survives being cut off at any step', () => {
  it('restores from the recovery screen without moving the damaged file first: a copy is kept aside, byte for byte', async () => {
    const { dir, db, backup } = await folder();
    const bytes = fs.readFileSync(db);
    for (let i = 4096; i < bytes.length; i += 97) bytes[i] = 0xa5;
    fs.writeFileSync(db, bytes);
    const broken = await startCore(dir);
    expect(broken.problem?.code).toBe('DB_CORRUPT');
    const status = await ok(broken, 'backups.restore', { file: backup });
    expect(status.problem).toBeNull();
    expect(status.centreName).toBe('Sao lưu');
    broken.close();
    const aside = fs.readdirSync(dir).filter((f) => /^ttct\.sqlite\.hong-[\dTZ-]+$/.test(f));
    expect(aside).toHaveLength(1);
    expect(fs.readFileSync(path.join(dir, aside[0]!)).equals(bytes)).toBe(true);
    expect(leftovers(dir)).toEqual([]);
  });

  it.each<[string, (f: Folder) => void, string]>([
    [
      'keeps the old database when cut off while copying the backup in',
      ({ dir, db, backup }) => fs.writeFileSync(stagedPath(db), fs.readFileSync(path.join(dir, 'backups', backup)).subarray(0, 8192)),
      'Cũ',
    ],
    [
      'finishes the swap when cut off after the copy was checked and the journal written',
      ({ db, backup }) => stageAndJournal(db, backup),
      'Sao lưu',
    ],
    [
      'only clears the journal when cut off after the rename',
      ({ db, backup }) => {
        stageAndJournal(db, backup);
        fs.renameSync(stagedPath(db), db);
      },
      'Sao lưu',
    ],
    [
      'keeps the old database when the copy beside it is not the one the journal names',
      ({ db, backup }) => {
        stageAndJournal(db, backup);
        fs.truncateSync(stagedPath(db), 8192);
      },
      'Cũ',
    ],
    [
      'keeps the old database when the journal cannot be read',
      ({ db, backup }) => {
        stageAndJournal(db, backup);
        fs.writeFileSync(journalPath(db), '{"version":1,"bac');
      },
      'Cũ',
    ],
  ])('%s', async (_, cutOff, opened) => {
    const f = await folder();
    cutOff(f);
    expect(await centreName(f.dir)).toBe(opened);
    expect(leftovers(f.dir)).toEqual([]);
  });

  it('never replays the old WAL into the restored file when finishing a swap', async () => {
    const { dir, db, backup } = await folder();
    withUncheckpointedWal(db, 'Chỉ trong WAL');
    expect(fs.statSync(`${db}-wal`).size).toBeGreaterThan(0);
    stageAndJournal(db, backup);
    const core = await startCore(dir);
    expect(core.problem).toBeNull();
    expect(core.db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect((await ok(core, 'app.status', {})).centreName).toBe('Sao lưu');
  });

  it('finishes the swap when cut off with no database file in place', async () => {
    const { dir, db, backup } = await folder();
    stageAndJournal(db, backup);
    fs.rmSync(db);
    expect(await centreName(dir)).toBe('Sao lưu');
  });

  it('keeps what a damaged file had in its WAL, beside the copy kept aside', async () => {
    const { dir, db, backup } = await folder();
    withUncheckpointedWal(db, 'Chỉ trong WAL');
    const wal = fs.readFileSync(`${db}-wal`);
    fs.writeFileSync(db, Buffer.concat([fs.readFileSync(db).subarray(0, 4096), Buffer.alloc(fs.statSync(db).size - 4096, 0xa5)]));
    const broken = await startCore(dir);
    expect(broken.problem).not.toBeNull();
    expect((await ok(broken, 'backups.restore', { file: backup })).centreName).toBe('Sao lưu');
    const aside = fs.readdirSync(dir).filter((f) => /^ttct\.sqlite\.hong-[\dTZ-]+$/.test(f));
    expect(aside).toHaveLength(1);
    expect(fs.readFileSync(path.join(dir, `${aside[0]}-wal`)).equals(wal)).toBe(true);
    expect(broken.db.pragma('integrity_check', { simple: true })).toBe('ok');
  });

  it('leaves no WAL or index of the checked copy behind, nor beside the backup restored', async () => {
    const { dir, backup } = await folder();
    const core = await startCore(dir);
    await ok(core, 'backups.restore', { file: backup });
    core.close();
    expect(leftovers(dir)).toEqual([]);
    expect(fs.readdirSync(path.join(dir, 'backups')).filter((f) => /-(wal|shm)$/.test(f))).toEqual([]);
  });

  it('refuses a second restore while one is under way', async () => {
    const { dir, backup } = await folder();
    const core = await startCore(dir);
    const [a, b] = await Promise.all([
      invoke(core, 'backups.restore', { file: backup }),
      invoke(core, 'backups.restore', { file: backup }),
    ]);
    expect(a.ok).toBe(true);
    expect(b.ok ? null : b.error.code).toBe('BUSY');
    expect((await ok(core, 'app.status', {})).centreName).toBe('Sao lưu');
  });
});

describe('never a new empty database where there was data', () => {
  it('shows the recovery screen when the database file is gone but backups remain, and restores from there', async () => {
    const { dir, db, backup } = await folder();
    fs.rmSync(db);
    const core = await startCore(dir);
    expect(core.problem?.code).toBe('DB_MISSING');
    expect(core.problem?.message).toContain('bản sao lưu');
    expect(fs.existsSync(db)).toBe(false);
    const status = await ok(core, 'app.status', {});
    expect(status.problem?.code).toBe('DB_MISSING');
    expect((await ok(core, 'backups.restore', { file: backup })).centreName).toBe('Sao lưu');
    core.close();
  });

  it('shows the recovery screen when only a copy kept aside remains', async () => {
    const { dir, db } = await folder();
    fs.rmSync(path.join(dir, 'backups'), { recursive: true });
    fs.renameSync(db, `${db}.hong-2026-12-06T10-00-00-000Z`);
    const core = await startCore(dir);
    expect(core.problem?.code).toBe('DB_MISSING');
    expect(core.problem?.message).toContain('ttct.sqlite.hong-2026-12-06T10-00-00-000Z');
    core.close();
  });

  it('shows the recovery screen, and removes nothing, when a restore was cut off with the database file gone', async () => {
    const { dir, db, backup } = await folder();
    fs.rmSync(path.join(dir, 'backups'), { recursive: true });
    fs.mkdirSync(path.join(dir, 'backups'));
    fs.copyFileSync(db, stagedPath(db));
    fs.rmSync(db);
    const core = await startCore(dir);
    expect(core.problem?.code).toBe('DB_MISSING');
    expect(core.problem?.message).toContain('ttct.sqlite.restoring');
    expect(fs.existsSync(stagedPath(db))).toBe(true);
    expect(fs.existsSync(db)).toBe(false);
    void backup;
  });

  it('shows the recovery screen when the database file is empty but backups remain', async () => {
    const { dir, db } = await folder();
    fs.writeFileSync(db, '');
    const core = await startCore(dir);
    expect(core.problem?.code).toBe('DB_MISSING');
    expect(core.problem?.message).toContain('trống');
    expect(fs.statSync(db).size).toBe(0);
  });

  it('creates a new database in a folder that never held one', async () => {
    const dir = tempDir('ttct-restore-');
    const core = await startCore(dir);
    expect(core.problem).toBeNull();
    core.close();
  });

  it('uses an empty database file in a folder that never held data (a first start cut off)', async () => {
    const dir = tempDir('ttct-restore-');
    fs.writeFileSync(path.join(dir, 'ttct.sqlite'), '');
    const core = await startCore(dir);
    expect(core.problem).toBeNull();
  });
});
