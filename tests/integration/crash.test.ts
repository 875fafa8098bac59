/**
 * Sudden death: each writing operation runs in a child process (tests/fixtures/crash-child.ts) that
 * is killed with SIGKILL at a random moment after it starts writing. After every kill the folder
 * must open on the right data: integrity_check ok, the change all there or not there at all,
 * certificate numbers without gaps, never a new empty database.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppCore } from '../../electron/core/app-core';
import { generateDemo } from '../../electron/core/demo/generate';
import { dispatch } from '../../electron/core/dispatch';
import { openSqlite } from '../../electron/core/db/engine';
import { LATEST_VERSION } from '../../electron/core/db/migrations';
import { createLogger } from '../../electron/core/log';

const ROOT = path.resolve(__dirname, '../..');
const CHILD = path.join(ROOT, 'tests/fixtures/crash-child.ts');
const V12 = path.join(ROOT, 'tests/fixtures/db/v12-better-sqlite3-12.sqlite');
const KILLS = Number(process.env.TTCT_CRASH_KILLS ?? 20);
const IMPORT_ROWS = 3000;
const LEARNERS = 300;

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'ttct-crash-'));
afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

let seed = 20261206;
function random(): number {
  seed = (seed * 1103515245 + 12345) % 2 ** 31;
  return seed / 2 ** 31;
}

async function call<T>(core: AppCore, channel: string, input: unknown): Promise<T> {
  const r = await dispatch(core, channel, input);
  if (!r.ok) throw new Error(`${channel}: ${JSON.stringify(r.error)}`);
  return r.value as T;
}

async function open(dir: string): Promise<AppCore> {
  return AppCore.start({ dataDir: dir, log: createLogger(path.join(dir, 'logs')), appVersion: '0.0.0-crash', dailyBackup: false });
}

const CENTRE = {
  validFrom: '2025-07-01', name: 'Sao lưu', superior: 'Đảng ủy xã Đắk Hà', docCode: 'TTCT', placeName: 'Đắk Hà', address: '', phone: '',
  director: { name: 'Nguyễn Văn An', title: 'Giám đốc' }, deputies: [], areaCommunes: [], areaPartyOrgs: [],
};

interface Template {
  dir: string;
  classId: number;
  backup: string;
  people: number;
  csv: string;
}

/** A centre with a class of LEARNERS recognised and ready for certificates, a backup of it, then a rename. */
async function makeTemplate(): Promise<Template> {
  const dir = path.join(work, 'template');
  const core = await open(dir);
  await call(core, 'centre.save', CENTRE);
  generateDemo(core.db, { people: LEARNERS, seed: 3 });
  const programs = await call<{ id: number; code: string }[]>(core, 'programs.list', { includeArchived: false });
  const hall = await call<{ id: number }>(core, 'venues.save', { name: 'Hội trường', address: '', communeCode: null, capacity: 400 });
  const c = await call<{ id: number }>(core, 'classes.save', {
    programId: programs.find((p) => p.code === 'KND')!.id, planLineId: null, cohortNumber: 1, cohortNumbering: 'per_year',
    name: 'Lớp bồi dưỡng nhận thức về Đảng khóa I năm 2026', startDate: '2026-03-02', endDate: '2026-03-06', venueId: hall.id,
    form: 'full_time', homeroomLecturerId: null, capacity: null, sites: [], openingDecisionNumber: 3, openingDecisionDate: '2026-02-20',
  });
  const t = await call<{ sessions: unknown[] }>(core, 'timetable.generate', { classId: c.id, startDate: '2026-03-02', halves: ['sang', 'chieu'], lecturerByTopic: {} });
  await call(core, 'timetable.save', { classId: c.id, sessions: t.sessions, adjustClassDates: true });
  const ids = (core.db.prepare('SELECT id FROM people').all() as { id: number }[]).map((r) => r.id);
  const list = await call<{ enrollments: { id: number }[] }>(core, 'enrollments.add', { classId: c.id, personIds: ids, fitOverrideReason: 'Danh sách kiểm thử' });
  const grid = await call<{ sessions: { id: number }[] }>(core, 'attendance.grid', { classId: c.id });
  await call(core, 'attendance.set', {
    classId: c.id,
    changes: list.enrollments.flatMap((e) => grid.sessions.map((s) => ({ enrollmentId: e.id, sessionId: s.id, mark: 'present' }))),
  });
  await call(core, 'results.setScores', { classId: c.id, changes: list.enrollments.map((e) => ({ enrollmentId: e.id, component: 0, attempt: 1, tenths: 80 })) });
  await call(core, 'classes.setStatus', { id: c.id, status: 'running' });
  await call(core, 'classes.setStatus', { id: c.id, status: 'finished' });
  await call(core, 'results.recognise', { classId: c.id, decisionNumber: 9, decisionDate: '2026-03-10' });
  const backup = (await call<{ file: string }>(core, 'backups.create', {})).file;
  await call(core, 'centre.save', { ...CENTRE, validFrom: '2025-08-01', name: 'Cũ' });
  const people = (core.db.prepare('SELECT COUNT(*) AS n FROM people').get() as { n: number }).n;
  core.close();
  const csv = path.join(work, 'ds.csv');
  const lines = ['Họ và tên;Ngày sinh;Giới tính', ...Array.from({ length: IMPORT_ROWS }, (_, i) => `Người Thử Nghiệm ${i + 1};05/09/19${50 + (i % 40)};${i % 2 ? 'Nữ' : 'Nam'}`)];
  fs.writeFileSync(csv, lines.join('\r\n'));
  return { dir, classId: c.id, backup, people, csv };
}

interface Run {
  killed: boolean;
  ms: number;
}

/** Starts the child; after GO, kills it after `killAfterMs` (null: lets it finish). */
function runChild(args: string[], killAfterMs: number | null): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', CHILD, ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    let wentAt = 0;
    let killed = false;
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      if (!wentAt && out.includes('GO\n')) {
        wentAt = performance.now();
        if (killAfterMs !== null) {
          setTimeout(() => {
            killed = child.kill('SIGKILL');
          }, killAfterMs);
        }
      }
    });
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      const ms = wentAt ? performance.now() - wentAt : 0;
      if (signal === 'SIGKILL') return resolve({ killed: true, ms });
      if (code !== 0) return reject(new Error(`crash child ${args[0]} exited ${code}: ${err.slice(-2000)}`));
      resolve({ killed: killed && !out.includes('DONE'), ms });
    });
  });
}

function copyTemplate(from: string, name: string): string {
  const dir = path.join(work, name);
  fs.cpSync(from, dir, { recursive: true });
  return dir;
}

function damage(dbPath: string): void {
  const bytes = fs.readFileSync(dbPath);
  for (let i = 4096; i < bytes.length; i += 97) bytes[i] = 0xa5;
  fs.writeFileSync(dbPath, bytes);
}

/**
 * The operation once to the end (how long it writes for), then KILLS times killed at a random
 * moment within that span; `check` runs on the folder after each.
 */
async function killRepeatedly(op: string, prepare: (dir: string) => string[], check: (dir: string, killed: boolean) => Promise<void>): Promise<{ kills: number; spanMs: number }> {
  const full = path.join(work, `${op}-full`);
  const args = prepare(full);
  const { ms: spanMs } = await runChild([op, full, ...args.slice(1)], null);
  await check(full, false);
  let kills = 0;
  for (let i = 0; i < KILLS; i++) {
    const dir = path.join(work, `${op}-${i}`);
    const a = prepare(dir);
    const run = await runChild([op, dir, ...a.slice(1)], Math.round(random() * spanMs * 0.9));
    if (run.killed) kills++;
    await check(dir, run.killed);
    fs.rmSync(dir, { recursive: true, force: true });
  }
  return { kills, spanMs };
}

async function integrityOk(core: AppCore): Promise<void> {
  expect(core.problem).toBeNull();
  expect(core.db.pragma('integrity_check', { simple: true })).toBe('ok');
}

describe('killed at a random moment, the data folder opens on the right data', { timeout: 600_000 }, () => {
  let t: Template;
  beforeAll(async () => {
    t = await makeTemplate();
  }, 120_000);

  it('an import: all rows or none', async () => {
    const { kills, spanMs } = await killRepeatedly(
      'import',
      (dir) => [copyTemplate(t.dir, path.basename(dir)), t.csv],
      async (dir, killed) => {
        const core = await open(dir);
        await integrityOk(core);
        const n = (core.db.prepare('SELECT COUNT(*) AS n FROM people').get() as { n: number }).n;
        expect([t.people, t.people + IMPORT_ROWS]).toContain(n);
        if (!killed) expect(n).toBe(t.people + IMPORT_ROWS);
        core.close();
      },
    );
    console.info(`import: ${kills} kills within ${Math.round(spanMs)} ms of writing`);
    expect(kills).toBeGreaterThan(KILLS / 2);
  });

  it('a batch of certificates: all issued with gap-free numbers, or none', async () => {
    const { kills, spanMs } = await killRepeatedly(
      'issue',
      (dir) => [copyTemplate(t.dir, path.basename(dir)), String(t.classId)],
      async (dir, killed) => {
        const core = await open(dir);
        await integrityOk(core);
        const c = core.db.prepare('SELECT COUNT(*) AS n, MIN(seq) AS lo, MAX(seq) AS hi, COUNT(DISTINCT serial) AS serials FROM certificates').get() as { n: number; lo: number; hi: number; serials: number };
        expect([0, LEARNERS]).toContain(c.n);
        if (c.n) expect(c).toEqual({ n: LEARNERS, lo: 1, hi: LEARNERS, serials: LEARNERS });
        if (!killed) expect(c.n).toBe(LEARNERS);
        core.close();
      },
    );
    console.info(`issue: ${kills} kills within ${Math.round(spanMs)} ms of writing`);
    expect(kills).toBeGreaterThan(KILLS / 2);
  });

  it('a migration from schema 12: the old version with its data, or the new one', async () => {
    const { kills, spanMs } = await killRepeatedly(
      'migrate',
      (dir) => {
        fs.mkdirSync(dir, { recursive: true });
        fs.copyFileSync(V12, path.join(dir, 'ttct.sqlite'));
        return [dir];
      },
      async (dir) => {
        const raw = openSqlite(path.join(dir, 'ttct.sqlite'));
        expect([12, LATEST_VERSION]).toContain(raw.pragma('user_version', { simple: true }));
        raw.close();
        const core = await open(dir);
        await integrityOk(core);
        expect(core.schemaVersion()).toBe(LATEST_VERSION);
        expect(core.db.prepare('SELECT COUNT(*) AS n FROM people').get()).toEqual({ n: 30 });
        core.close();
      },
    );
    console.info(`migrate: ${kills} kills within ${Math.round(spanMs)} ms of writing`);
    expect(kills).toBeGreaterThan(KILLS / 2);
  });

  it('backups: every backup listed is complete, and no unfinished copy is left', async () => {
    const { kills, spanMs } = await killRepeatedly(
      'backup',
      (dir) => [copyTemplate(t.dir, path.basename(dir))],
      async (dir) => {
        const core = await open(dir);
        await integrityOk(core);
        for (const b of core.listBackups()) {
          const copy = openSqlite(path.join(core.backupsDir, b.file), { readonly: true, fileMustExist: true });
          expect(copy.pragma('quick_check', { simple: true })).toBe('ok');
          copy.close();
        }
        expect(fs.readdirSync(core.backupsDir).filter((f) => f.endsWith('.partial'))).toEqual([]);
        core.close();
      },
    );
    console.info(`backup: ${kills} kills within ${Math.round(spanMs)} ms of writing`);
    expect(kills).toBeGreaterThan(KILLS / 2);
  });

  it('a restore over a working database: the old data or the restored, never none', async () => {
    const { kills, spanMs } = await killRepeatedly(
      'restore',
      (dir) => [copyTemplate(t.dir, path.basename(dir)), t.backup],
      async (dir, killed) => {
        const core = await open(dir);
        await integrityOk(core);
        const name = (await call<{ centreName: string }>(core, 'app.status', {})).centreName;
        expect(['Cũ', 'Sao lưu']).toContain(name);
        if (!killed) expect(name).toBe('Sao lưu');
        core.close();
      },
    );
    console.info(`restore: ${kills} kills within ${Math.round(spanMs)} ms of writing`);
    expect(kills).toBeGreaterThan(KILLS / 2);
  });

  it('a restore from the recovery screen: the damaged file still there (or kept aside) or the restored data, never an empty database', async () => {
    const { kills, spanMs } = await killRepeatedly(
      'restore-broken',
      (dir) => {
        copyTemplate(t.dir, path.basename(dir));
        damage(path.join(dir, 'ttct.sqlite'));
        return [dir, t.backup];
      },
      async (dir, killed) => {
        const core = await open(dir);
        if (core.problem) {
          expect(core.problem.code).toBe('DB_CORRUPT');
          expect(killed).toBe(true);
        } else {
          await integrityOk(core);
          expect((await call<{ centreName: string }>(core, 'app.status', {})).centreName).toBe('Sao lưu');
          expect(fs.readdirSync(dir).some((f) => /^ttct\.sqlite\.hong-[\dTZ-]+$/.test(f))).toBe(true);
        }
        core.close();
      },
    );
    console.info(`restore from the recovery screen: ${kills} kills within ${Math.round(spanMs)} ms of writing`);
    expect(kills).toBeGreaterThan(KILLS / 2);
  });
});
