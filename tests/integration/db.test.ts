import fs from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3-multiple-ciphers';
import { describe, expect, it } from 'vitest';
import { listBackups, rotateBackups } from '../../electron/core/db/backup';
import { openDatabase } from '../../electron/core/db/open';
import { openSqlite } from '../../electron/core/db/engine';
import { LATEST_VERSION, MIGRATIONS } from '../../electron/core/db/migrations';
import { storageError } from '../../electron/core/errors';
import { CENTRE } from '../fixtures/builders';
import { invoke, ok, startCore, tempDir } from './helpers';

describe('opening the database', () => {
  it('sets the pragmas and migrates a new file to the latest version', async () => {
    const core = await startCore();
    expect(core.problem).toBeNull();
    expect(core.db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(core.db.pragma('synchronous', { simple: true })).toBe(2);
    expect(core.db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(core.db.pragma('busy_timeout', { simple: true })).toBe(5000);
    expect(core.schemaVersion()).toBe(LATEST_VERSION);
  });

  it('matches the schema snapshot', async () => {
    const core = await startCore();
    const rows = core.db
      .prepare("SELECT type, name, sql FROM sqlite_master WHERE sql IS NOT NULL AND name NOT LIKE 'sqlite_%' ORDER BY type, name")
      .all() as { type: string; name: string; sql: string }[];
    const text = [`-- user_version ${LATEST_VERSION}`, ...rows.map((r) => `${r.sql.replace(/\s+/g, ' ').trim()};`)].join('\n');
    await expect(text + '\n').toMatchFileSnapshot('./__snapshots__/schema.sql');
  });

  it('seeds the program catalogue once', async () => {
    const dir = tempDir();
    const first = await startCore(dir);
    const programs = await ok(first, 'programs.list', { includeArchived: true });
    expect(programs.map((p) => p.code)).toEqual(['KND', 'DVM', 'SC', 'NVCTD', 'CNKT', 'NQ', 'TCLLCT']);
    const knd = await ok(first, 'programs.get', { id: programs[0]!.id });
    expect(knd.topics).toHaveLength(6);
    expect(knd.validityMonths).toBe(60);
    const dvm = await ok(first, 'programs.get', { id: programs[1]!.id });
    expect(dvm.topics).toHaveLength(10);
    first.close();
    const second = await startCore(dir);
    expect(await ok(second, 'programs.list', { includeArchived: true })).toHaveLength(7);
  });

  it('refuses a database made by a newer app, and leaves it untouched', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'ttct.sqlite');
    const db = new BetterSqlite3(file);
    db.exec('CREATE TABLE future (x)');
    db.pragma(`user_version = ${LATEST_VERSION + 5}`);
    db.close();
    const before = fs.readFileSync(file);
    const core = await startCore(dir);
    expect(core.problem?.code).toBe('DB_TOO_NEW');
    expect(core.problem?.message).toMatch(/phiên bản mới hơn/);
    const r = await invoke(core, 'programs.list', { includeArchived: false });
    expect(r).toMatchObject({ ok: false, error: { code: 'DB_UNAVAILABLE' } });
    expect(fs.readFileSync(file).equals(before)).toBe(true);
  });

  it('refuses a file that is not SQLite, keeping it', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'ttct.sqlite');
    fs.writeFileSync(file, 'PK\u0003\u0004 this is really a spreadsheet renamed');
    const core = await startCore(dir);
    expect(core.problem?.code).toBe('DB_NOT_SQLITE');
    expect(core.problem?.message).toMatch(/không phải là cơ sở dữ liệu/);
    expect(fs.readFileSync(file, 'utf8')).toMatch(/spreadsheet/);
  });

  it('detects a damaged file at open and offers the newest backup', async () => {
    const dir = tempDir();
    const core = await startCore(dir);
    await ok(core, 'centre.save', centre('Trung tâm A'));
    const backup = await ok(core, 'backups.create', {});
    core.close();
    const file = path.join(dir, 'ttct.sqlite');
    const bytes = fs.readFileSync(file);
    // Scribble over every page after the first: the header stays valid, the b-trees do not.
    for (let i = 4096; i < bytes.length; i += 97) bytes[i] = 0xa5;
    fs.writeFileSync(file, bytes);
    fs.rmSync(`${file}-wal`, { force: true });

    const broken = await startCore(dir);
    expect(broken.problem?.code).toBe('DB_CORRUPT');
    const status = await ok(broken, 'app.status', {});
    expect(status.problem?.code).toBe('DB_CORRUPT');
    const backups = await ok(broken, 'backups.list', {});
    expect(backups[0]?.file).toBe(backup.file);

    const restored = await ok(broken, 'backups.restore', { file: backup.file });
    expect(restored.problem).toBeNull();
    expect(restored.centreName).toBe('Trung tâm A');
    // The damaged file is kept beside the new one, never deleted.
    expect(fs.readdirSync(dir).some((f) => f.startsWith('ttct.sqlite.hong-'))).toBe(true);
  });

  it('takes a backup before migrating an existing database, and migrates in one transaction', async () => {
    const dir = tempDir();
    const backupsDir = path.join(dir, 'backups');
    const file = path.join(dir, 'ttct.sqlite');
    const v1 = await openDatabase(file, { key: null, backupsDir, migrations: MIGRATIONS.slice(0, 1) });
    expect(v1.pragma('user_version', { simple: true })).toBe(1);
    v1.close();

    const failing = [
      ...MIGRATIONS,
      {
        version: LATEST_VERSION + 1,
        name: 'broken',
        up: () => {
          throw new Error('boom');
        },
      },
    ];
    await expect(openDatabase(file, { key: null, backupsDir, migrations: failing })).rejects.toThrow('boom');
    const after = new BetterSqlite3(file);
    // Migration 2 ran inside the same failed transaction, so it is rolled back too.
    expect(after.pragma('user_version', { simple: true })).toBe(1);
    expect((after.prepare('SELECT count(*) AS n FROM programs').get() as { n: number }).n).toBe(0);
    after.close();
    expect(listBackups(backupsDir).filter((b) => b.kind === 'pre-migration')).toHaveLength(1);

    const good = await openDatabase(file, { key: null, backupsDir });
    expect(good.pragma('user_version', { simple: true })).toBe(LATEST_VERSION);
    good.close();
    expect(listBackups(backupsDir).filter((b) => b.kind === 'pre-migration')).toHaveLength(2);
  });
});

describe('the database engine (better-sqlite3-multiple-ciphers 13, Node-API)', () => {
  const FIXTURE = path.resolve(__dirname, '../fixtures/db/v12-better-sqlite3-12.sqlite');

  it('opens a database written by the previous release on better-sqlite3 12, its data unchanged', async () => {
    // Made by the last release on the old engine: migrations up to 12, a profile, 30 people, 560 units.
    const dir = tempDir();
    const file = path.join(dir, 'ttct.sqlite');
    fs.copyFileSync(FIXTURE, file);
    const core = await startCore(dir);
    expect(core.problem).toBeNull();
    expect(core.schemaVersion()).toBe(LATEST_VERSION);
    const people = await ok(core, 'learners.search', { q: '', limit: 100 });
    expect(people.rows).toHaveLength(30);
    expect((await ok(core, 'centre.get', {})).current?.name).toBe('Trung tâm Chính trị (dữ liệu mẫu)');
    expect(core.db.pragma('integrity_check', { simple: true })).toBe('ok');
    // Same schema as a database the new engine creates (migrations after 12 applied as to any older file).
    const schema = (db: { prepare(sql: string): { all(): unknown[] } }) =>
      db.prepare("SELECT type, name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' ORDER BY type, name").all();
    const fresh = await startCore();
    expect(schema(core.db)).toEqual(schema(fresh.db));
    // Encrypted at this first start (issue 13): no longer a plain SQLite file.
    core.close();
    expect(fs.readFileSync(file).subarray(0, 16).toString('latin1')).not.toBe('SQLite format 3\0');
  });

  it('keeps prepared statements per connection, never hands out one still being iterated, and forgets the least used', () => {
    const db = openSqlite(':memory:');
    db.exec('CREATE TABLE t (x INTEGER); INSERT INTO t VALUES (1), (2), (3)');
    const first = db.prepare('SELECT x FROM t ORDER BY x');
    expect(db.prepare('SELECT x FROM t ORDER BY x')).toBe(first);
    const seen: number[] = [];
    for (const row of first.iterate() as IterableIterator<{ x: number }>) {
      // The same SQL inside the loop: a fresh statement, not "This statement is busy executing a query".
      seen.push(row.x, (db.prepare('SELECT x FROM t ORDER BY x').all() as { x: number }[]).length);
    }
    expect(seen).toEqual([1, 3, 2, 3, 3, 3]);
    // A caller that plucked it does not leave the next one plucked rows.
    expect(db.prepare('SELECT x FROM t ORDER BY x').pluck().all()).toEqual([1, 2, 3]);
    expect(db.prepare('SELECT x FROM t ORDER BY x').all()).toEqual([{ x: 1 }, { x: 2 }, { x: 3 }]);
    for (let i = 0; i < 1001; i++) db.prepare(`SELECT ${i}`);
    expect(db.prepare('SELECT x FROM t ORDER BY x')).not.toBe(first);
    db.close();
  });

  it('is the SQLite build the app expects: FTS5, JSON, and no encryption unless asked', () => {
    const db = new BetterSqlite3(':memory:');
    db.exec("CREATE VIRTUAL TABLE t USING fts5(x, tokenize = 'unicode61 remove_diacritics 2')");
    db.prepare('INSERT INTO t VALUES (?)').run('Nguyễn Thị Hằng');
    expect(db.prepare("SELECT count(*) AS n FROM t WHERE t MATCH 'hang'").get()).toEqual({ n: 1 });
    expect(db.prepare("SELECT json_extract('{\"a\":1}', '$.a') AS a").get()).toEqual({ a: 1 });
    expect(db.prepare('SELECT sqlite_version() AS v').get()).toMatchObject({ v: expect.stringMatching(/^3\.(4[5-9]|[5-9]\d)\./) });
    db.close();
  });
});

describe('backups', () => {
  it('makes one daily backup per day (Vietnam time) and rotates, keeping 14 of each kind', async () => {
    const dir = tempDir();
    let now = new Date('2026-11-01T01:00:00Z');
    const clock = () => now;
    for (let day = 0; day < 20; day++) {
      now = new Date(Date.UTC(2026, 10, 1 + day, 1));
      const core = await startCore(dir, clock);
      core.close();
      const again = await startCore(dir, clock);
      again.close();
    }
    const backups = listBackups(path.join(dir, 'backups'));
    const daily = backups.filter((b) => b.kind === 'daily');
    expect(daily).toHaveLength(14);
    expect(daily[0]!.createdAt).toBe('2026-11-20T01:00:00.000Z');
    expect(daily[13]!.createdAt).toBe('2026-11-07T01:00:00.000Z');
  });

  it('removes the unfinished copies an interrupted backup left, and nothing else', async () => {
    const dir = tempDir();
    const backups = path.join(dir, 'backups');
    fs.mkdirSync(backups, { recursive: true });
    const orphan = 'ttct-2026-12-06T05-00-00-000Z-daily.sqlite.partial';
    fs.writeFileSync(path.join(backups, orphan), "half a copy of someone's data");
    fs.writeFileSync(path.join(backups, 'notes.partial'), 'not ours');
    const core = await startCore(dir);
    expect(core.problem).toBeNull();
    expect(fs.existsSync(path.join(backups, orphan))).toBe(false);
    expect(fs.existsSync(path.join(backups, 'notes.partial'))).toBe(true);
    expect(fs.readFileSync(core.log.file, 'utf8')).toMatch(/Removed 1 unfinished backup file/);
  });

  it('rotation ignores files that are not backups', () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'notes.txt'), 'keep me');
    expect(rotateBackups(dir, 0)).toEqual([]);
    expect(fs.existsSync(path.join(dir, 'notes.txt'))).toBe(true);
  });

  it('restores a backup after backing up the current state', async () => {
    const core = await startCore();
    await ok(core, 'centre.save', centre('Tên cũ'));
    const b = await ok(core, 'backups.create', {});
    await ok(core, 'centre.save', centre('Tên mới'));
    const status = await ok(core, 'backups.restore', { file: b.file });
    expect(status.centreName).toBe('Tên cũ');
    const kinds = (await ok(core, 'backups.list', {})).map((x) => x.kind);
    expect(kinds).toContain('pre-restore');
    // The pre-restore backup holds the newer state, so the restore itself can be undone.
    const pre = (await ok(core, 'backups.list', {})).find((x) => x.kind === 'pre-restore')!;
    expect((await ok(core, 'backups.restore', { file: pre.file })).centreName).toBe('Tên mới');
  });

  it('refuses to restore a damaged or foreign backup, and a path outside the folder', async () => {
    const core = await startCore();
    await ok(core, 'centre.save', centre('Còn nguyên'));
    const bad = 'ttct-2026-01-01T00-00-00-000Z-manual.sqlite';
    fs.writeFileSync(path.join(core.backupsDir, bad), 'not a database at all, just some text');
    const r = await invoke(core, 'backups.restore', { file: bad });
    expect(r).toMatchObject({ ok: false, error: { code: 'BACKUP_CORRUPT' } });
    expect((await ok(core, 'app.status', {})).centreName).toBe('Còn nguyên');
    const traversal = await invoke(core, 'backups.restore', { file: '../ttct.sqlite' });
    expect(traversal).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });
});

describe('storage failures reach the clerk as Vietnamese messages, and nothing saved is lost', () => {
  it('a full disk', async () => {
    const core = await startCore();
    await ok(core, 'centre.save', centre('Trước khi đầy'));
    const pages = core.db.pragma('page_count', { simple: true }) as number;
    core.db.pragma(`max_page_count = ${pages}`);
    const big = {
      ...centre('Sau khi đầy'),
      validFrom: '2026-01-01',
      areaPartyOrgs: Array.from({ length: 900 }, (_, i) => `Chi bộ số ${i} ${'x'.repeat(150)}`),
    };
    const r = await invoke(core, 'centre.save', big);
    expect(r).toMatchObject({ ok: false, error: { code: 'DISK_FULL' } });
    if (!r.ok) expect(r.error.message).toMatch(/Ổ đĩa chứa dữ liệu đã đầy/);
    const state = await ok(core, 'centre.get', {});
    expect(state.history.map((v) => v.name)).toEqual(['Trước khi đầy']);
  });

  it('a read-only database', () => {
    const dir = tempDir();
    const file = path.join(dir, 'x.sqlite');
    new BetterSqlite3(file).exec('CREATE TABLE t (x)');
    const ro = new BetterSqlite3(file, { readonly: true });
    let mapped: ReturnType<typeof storageError> = null;
    try {
      ro.exec('INSERT INTO t VALUES (1)');
    } catch (err) {
      mapped = storageError(err, file);
    }
    ro.close();
    expect(mapped?.code).toBe('DATA_DIR_UNWRITABLE');
    expect(mapped?.message).toMatch(/chỉ đọc/);
  });

  it('a data folder that cannot be created', async () => {
    const parent = tempDir();
    fs.writeFileSync(path.join(parent, 'file'), 'x');
    const core = await startCore(path.join(parent, 'file', 'data'));
    expect(core.problem?.code).toBe('DATA_DIR_UNWRITABLE');
    expect(core.problem?.message).toMatch(/thư mục dữ liệu/);
  });

  it('a read-only data folder (EROFS/EACCES from the file system)', () => {
    for (const code of ['EROFS', 'EACCES', 'EPERM']) {
      expect(storageError(Object.assign(new Error(code), { code }), '/data')?.code).toBe('DATA_DIR_UNWRITABLE');
    }
    expect(storageError(Object.assign(new Error('x'), { code: 'ENOSPC' }), '/data')?.code).toBe('DISK_FULL');
  });
});

function centre(name: string) {
  return { ...CENTRE, name };
}
