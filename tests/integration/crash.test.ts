/**
 * Sudden death: each writing operation runs in a child process (tests/fixtures/crash-child.ts) that
 * is killed with SIGKILL while it writes. After every kill a fresh connection in this process checks
 * the files (integrity_check), and AppCore.start on the folder must open on the right data: the
 * change all there or not there at all, certificate numbers without gaps, never a new empty
 * database. Kills land at a seeded random delay after the child prints GO; the two restores are also
 * cut off before each of their file-system steps in turn, since their dangerous moments (between a
 * removal and a rename) last microseconds and a random delay would almost never hit them.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppCore } from '../../electron/core/app-core';
import { generateDemo } from '../../electron/core/demo/generate';
import { dispatch } from '../../electron/core/dispatch';
import { openSqlite } from '../../electron/core/db/engine';
import { LATEST_VERSION } from '../../electron/core/db/migrations';
import { createLogger } from '../../electron/core/log';
import type { CrashJob } from '../fixtures/crash-child';

const ROOT = path.resolve(__dirname, '../..');
const CHILD = path.join(ROOT, 'tests/fixtures/crash-child.ts');
const V12 = path.join(ROOT, 'tests/fixtures/db/v12-better-sqlite3-12.sqlite');
/** Kills per operation (the two restores: one per file-system step, topped up with random ones to this). */
const KILLS = Number(process.env.TTCT_CRASH_KILLS ?? 20);
const IMPORT_ROWS = 3000;
const LEARNERS = 300;

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'ttct-crash-'));

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
  sheet: string;
  damaged: string;
  damagedBytes: Buffer;
  damagedWal: Buffer;
}

/**
 * A centre with a class of LEARNERS recognised and ready for certificates, a backup of it (centre
 * "Sao lưu"), then a rename (centre "Cũ"); the list of people to import; and the same folder with
 * its database damaged.
 */
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

  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('DS');
  ws.addRow(['Họ và tên', 'Ngày sinh', 'Giới tính']);
  for (let i = 0; i < IMPORT_ROWS; i++) ws.addRow([`Người Thử Nghiệm ${i + 1}`, `05/09/19${50 + (i % 40)}`, i % 2 ? 'Nữ' : 'Nam']);
  const sheet = path.join(work, 'DS_thu_nghiem.xlsx');
  fs.writeFileSync(sheet, Buffer.from(await wb.xlsx.writeBuffer()));

  // Damaged as a clerk's might be after a disk fault: the last change still only in the WAL, which
  // a restore must keep aside with the file and never replay into the restored one.
  const damaged = path.join(work, 'template-damaged');
  fs.cpSync(dir, damaged, { recursive: true });
  const db = path.join(damaged, 'ttct.sqlite');
  const conn = openSqlite(db);
  conn.pragma('wal_autocheckpoint = 0');
  conn.prepare("UPDATE centre_profiles SET name = 'Chỉ trong WAL' WHERE valid_from = '2025-08-01'").run();
  const bytes = fs.readFileSync(db);
  const wal = fs.readFileSync(`${db}-wal`);
  conn.close();
  for (let i = 4096; i < bytes.length; i += 97) bytes[i] = 0xa5;
  fs.writeFileSync(db, bytes);
  fs.writeFileSync(`${db}-wal`, wal);
  fs.rmSync(`${db}-shm`, { force: true });
  return { dir, classId: c.id, backup, people, sheet, damaged, damagedBytes: bytes, damagedWal: wal };
}

interface Warm {
  child: ChildProcessWithoutNullStreams;
  ready: Promise<void>;
  out: string;
  err: string;
}

/**
 * One child always loading in the background: loading the app takes a child about a second (and
 * the import's reader worker another), which then overlaps the previous run and its checks instead
 * of adding to them.
 */
let spare: Warm | null = null;

function warm(sheet: string | undefined): Warm {
  const child = spawn(process.execPath, ['--import', 'tsx', CHILD, ...(sheet ? ['--prewarm', sheet] : [])], { cwd: ROOT, stdio: ['pipe', 'pipe', 'pipe'] });
  const w: Warm = { child, ready: Promise.resolve(), out: '', err: '' };
  w.ready = new Promise((resolve, reject) => {
    child.stdout.on('data', (d: Buffer) => {
      w.out += d.toString();
      if (w.out.startsWith('READY\n')) resolve();
    });
    child.stderr.on('data', (d: Buffer) => (w.err += d.toString()));
    child.on('exit', (code) => reject(new Error(`crash child exited ${code} before it was ready: ${w.err.slice(-2000)}`)));
  });
  w.ready.catch(() => undefined);
  return w;
}

interface Run {
  killed: boolean;
  /** From GO to DONE (or to the kill). */
  ms: number;
  steps: number | null;
}

/** Runs a job in the spare child; after GO, kills it after `killAfterMs` (null: lets it run, or die at its step). */
async function runChild(job: CrashJob, killAfterMs: number | null): Promise<Run> {
  // The next job is most likely the same operation: an import's child also loads the reader worker early.
  const sheet = job.operation === 'import' ? job.argument : undefined;
  const w = spare ?? warm(sheet);
  spare = warm(sheet);
  await w.ready;
  return new Promise((resolve, reject) => {
    const { child } = w;
    let wentAt = 0;
    let doneAt = 0;
    child.removeAllListeners('exit');
    child.stdout.on('data', () => {
      if (!wentAt && w.out.includes('GO\n')) {
        wentAt = performance.now();
        if (killAfterMs !== null) setTimeout(() => child.kill('SIGKILL'), killAfterMs);
      }
      if (!doneAt && w.out.includes('DONE\n')) doneAt = performance.now();
    });
    child.on('exit', (code, signal) => {
      const steps = /STEPS (\d+)/.exec(w.out);
      const ms = wentAt ? (doneAt || performance.now()) - wentAt : 0;
      if (signal === 'SIGKILL' && !doneAt) return resolve({ killed: true, ms, steps: null });
      if (code !== 0 && signal !== 'SIGKILL') return reject(new Error(`crash child ${job.operation} exited ${code}: ${w.err.slice(-2000)}`));
      resolve({ killed: false, ms, steps: steps ? Number(steps[1]) : null });
    });
    child.stdin.end(`${JSON.stringify(job)}\n`);
  });
}

/** Anything a restore leaves behind that the next start should have settled. */
function restoreLeftovers(dir: string): string[] {
  return fs.readdirSync(dir).filter((f) => f.includes('.restoring') || f.startsWith('restore-pending') || f.endsWith('.partial'));
}

/** The database file as the killed process left it, through a fresh read-only connection. */
function rawLook(dir: string): { integrity: string; version: number } {
  const raw = openSqlite(path.join(dir, 'ttct.sqlite'), { readonly: true, fileMustExist: true });
  try {
    const version = raw.pragma('user_version', { simple: true }) as number;
    try {
      return { integrity: raw.pragma('integrity_check', { simple: true }) as string, version };
    } catch (err) {
      return { integrity: String(err), version };
    }
  } finally {
    raw.close();
  }
}

async function startedOk(dir: string): Promise<AppCore> {
  const core = await open(dir);
  expect(core.problem).toBeNull();
  expect(core.db.pragma('integrity_check', { simple: true })).toBe('ok');
  return core;
}

type Check = (dir: string, killed: boolean) => Promise<void>;

interface Tally {
  kills: number;
  stepKills: number;
  runs: number;
  spanMs: number;
  steps: number | null;
}

/**
 * The operation once to the end (how long it writes for, and how many file-system steps it takes),
 * then killed at seeded random moments within that span until `randomKills` kills have landed (a
 * run that finished first narrows the span), and, with `everyStep`, once before each step.
 */
async function killRepeatedly(op: string, prepare: (dir: string) => { argument?: string }, check: Check, options: { everyStep?: boolean } = {}): Promise<Tally> {
  const full = path.join(work, `${op}-full`);
  const first = await runChild({ operation: op, dataDir: full, ...prepare(full) }, null);
  await check(full, false);
  fs.rmSync(full, { recursive: true, force: true });
  const tally: Tally = { kills: 0, stepKills: 0, runs: 1, spanMs: first.ms, steps: first.steps };
  let n = 0;
  const once = async (killAfterMs: number | null, killAtStep?: number): Promise<Run> => {
    const dir = path.join(work, `${op}-${n++}`);
    const run = await runChild({ operation: op, dataDir: dir, ...prepare(dir), ...(killAtStep ? { killAtStep } : {}) }, killAfterMs);
    tally.runs++;
    await check(dir, run.killed);
    fs.rmSync(dir, { recursive: true, force: true });
    return run;
  };
  if (options.everyStep) {
    for (let k = 1; k <= (first.steps ?? 0); k++) {
      if ((await once(null, k)).killed) tally.stepKills++;
    }
  }
  const randomKills = Math.max(options.everyStep ? 4 : 0, KILLS - tally.stepKills);
  let span = first.ms;
  for (let tries = 0; tally.kills < randomKills && tries < 3 * randomKills; tries++) {
    const run = await once(Math.round(random() * span * 0.9));
    if (run.killed) tally.kills++;
    else span = Math.min(span, run.ms);
  }
  tally.spanMs = span;
  console.info(`${op}: ${tally.kills} kills at random moments within ${Math.round(first.ms)} ms of writing, ${tally.stepKills} before each of ${first.steps} file-system steps, ${tally.runs} runs`);
  expect(tally.kills).toBe(randomKills);
  if (options.everyStep) expect(tally.stepKills).toBe(first.steps);
  return tally;
}

describe('killed at a random moment, the data folder opens on the right data', { timeout: 600_000 }, () => {
  let t: Template;
  const started = performance.now();
  beforeAll(async () => {
    t = await makeTemplate();
  }, 120_000);
  afterAll(() => {
    spare?.child.kill('SIGKILL');
    spare = null;
    fs.rmSync(work, { recursive: true, force: true });
    console.info(`crash test: ${Math.round((performance.now() - started) / 1000)} s`);
  });

  const copyOf = (from: string, dir: string): void => fs.cpSync(from, dir, { recursive: true });

  it('an import: all rows or none', async () => {
    await killRepeatedly(
      'import',
      (dir) => {
        copyOf(t.dir, dir);
        return { argument: t.sheet };
      },
      async (dir, killed) => {
        expect(rawLook(dir).integrity).toBe('ok');
        const core = await startedOk(dir);
        const n = (core.db.prepare('SELECT COUNT(*) AS n FROM people').get() as { n: number }).n;
        expect([t.people, t.people + IMPORT_ROWS]).toContain(n);
        if (!killed) expect(n).toBe(t.people + IMPORT_ROWS);
        core.close();
      },
    );
  });

  it('a batch of certificates: all issued with gap-free numbers, or none', async () => {
    await killRepeatedly(
      'issue',
      (dir) => {
        copyOf(t.dir, dir);
        return { argument: String(t.classId) };
      },
      async (dir, killed) => {
        expect(rawLook(dir).integrity).toBe('ok');
        const core = await startedOk(dir);
        const c = core.db
          .prepare('SELECT COUNT(*) AS n, MIN(seq) AS lo, MAX(seq) AS hi, COUNT(DISTINCT serial) AS serials FROM certificates')
          .get() as { n: number; lo: number; hi: number; serials: number };
        expect([0, LEARNERS]).toContain(c.n);
        if (c.n) expect(c).toEqual({ n: LEARNERS, lo: 1, hi: LEARNERS, serials: LEARNERS });
        if (!killed) expect(c.n).toBe(LEARNERS);
        core.close();
      },
    );
  });

  it('a migration from schema 12: the old version with its data, or the new one', async () => {
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
    await killRepeatedly(
      'backup',
      (dir) => {
        copyOf(t.dir, dir);
        return {};
      },
      async (dir, killed) => {
        expect(rawLook(dir).integrity).toBe('ok');
        const core = await startedOk(dir);
        const listed = core.listBackups();
        // Twenty manual backups, of which rotation keeps the newest fourteen.
        if (!killed) expect(listed.length).toBe(14);
        for (const b of listed) {
          const copy = openSqlite(path.join(core.backupsDir, b.file), { readonly: true, fileMustExist: true });
          expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
          expect(copy.prepare('SELECT COUNT(*) AS n FROM people').get()).toEqual({ n: t.people });
          copy.close();
        }
        expect(fs.readdirSync(core.backupsDir).filter((f) => f.endsWith('.partial'))).toEqual([]);
        core.close();
      },
    );
  });

  it('a restore over a working database: the old data or the restored with the old kept as a backup, never none', async () => {
    await killRepeatedly(
      'restore',
      (dir) => {
        copyOf(t.dir, dir);
        return { argument: t.backup };
      },
      async (dir, killed) => {
        // Before any start has settled it: the old database or the restored one, complete either way.
        expect(rawLook(dir).integrity).toBe('ok');
        const core = await startedOk(dir);
        const name = (await call<{ centreName: string }>(core, 'app.status', {})).centreName;
        expect(['Cũ', 'Sao lưu']).toContain(name);
        if (!killed) expect(name).toBe('Sao lưu');
        if (name === 'Sao lưu') {
          // What was replaced is there to go back to.
          const pre = core.listBackups().find((b) => b.kind === 'pre-restore')!;
          const kept = openSqlite(path.join(core.backupsDir, pre.file), { readonly: true, fileMustExist: true });
          expect(kept.prepare('SELECT name FROM centre_profiles ORDER BY valid_from DESC LIMIT 1').get()).toEqual({ name: 'Cũ' });
          kept.close();
        }
        expect(core.db.prepare('SELECT COUNT(*) AS n FROM people').get()).toEqual({ n: t.people });
        expect(restoreLeftovers(dir)).toEqual([]);
        core.close();
      },
      { everyStep: true },
    );
  });

  it('a restore from the recovery screen: the damaged file still there, or the restored data with the damaged file kept aside, never an empty database', async () => {
    await killRepeatedly(
      'restore-broken',
      (dir) => {
        copyOf(t.damaged, dir);
        return { argument: t.backup };
      },
      async (dir, killed) => {
        // Before any start has settled it: the damaged file untouched, or a complete database.
        const db = path.join(dir, 'ttct.sqlite');
        expect(fs.readFileSync(db).equals(t.damagedBytes) || rawLook(dir).integrity === 'ok').toBe(true);
        const core = await open(dir);
        if (core.problem) {
          // Cut off before the swap: the damaged file as it was, with its WAL, for another try.
          expect(killed).toBe(true);
          expect(core.problem.code).toBe('DB_CORRUPT');
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
