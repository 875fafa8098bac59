import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppCore } from '../../electron/core/app-core';
import { dispatch } from '../../electron/core/dispatch';
import { contract, type Channel, type Output, type Result } from '../../shared/contract';
import { makeDemo } from '../fixtures/demo';
import { mutate, mutation, usePools, validish, wild } from '../fixtures/fuzz-payloads';

/**
 * Every channel of the contract, called with random and malformed payloads on a demo database, as a
 * broken or hostile renderer could send them: any value at all, and values shaped like the channel's
 * input with fields swapped for wrong types, huge or broken strings, NaN and Infinity, huge or negative
 * numbers, deep nesting, prototype keys and very long arrays. A call may be accepted (a random payload
 * can be valid); it may never fail as INTERNAL, and a refusal is in Vietnamese and writes nothing.
 *
 * The channel list is the contract itself, so a channel added later is fuzzed with no change here.
 * The core has no print port: the two printing channels are fuzzed too, and answer "cannot print"
 * to a valid payload instead of opening a dialog.
 */

// Fixed, so a run is repeatable. When hunting, FUZZ_SEED=n tries other payloads and FUZZ_FINDINGS=file
// keeps the findings, the replayable payloads of the bad ones (file.jsonl) and every answer's code
// (file.codes, to see how deep the payloads get); what a hunt finds is kept below as a case.
const SEED = Number(process.env.FUZZ_SEED ?? 1212);
const HUNT = process.env.FUZZ_FINDINGS;
/** Payloads per channel: any value, the channel's shape broken, and values the schema accepts. */
const RUNS = { anyValue: 21, broken: 60, valid: 69 };
const THIS_YEAR = new Date().getFullYear();

/** Channels not fuzzed here, and why (none today; a reason must be written, as in the sweep test). */
const EXCLUDED = {} satisfies { [C in Channel]?: string };

const VIETNAMESE = /[àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ]/i;
/** zod's own wording (English, or its Vietnamese locale's "expected object, received string"). */
const MACHINE_WORDING = /Invalid|expected|received|Required|mong đợi|nhận được|\b(object|string|undefined|boolean|bigint|symbol)\b/;

// ---------------------------------------------------------------------------------------------
// Values from the demo database and real files, so that payloads reach records and parsers

const ID_TABLES: Record<string, string> = {
  programId: 'programs',
  personIds: 'people',
  keepId: 'people',
  removeId: 'people',
  aId: 'people',
  bId: 'people',
  unitId: 'units',
  parentId: 'units',
  fromId: 'units',
  intoId: 'units',
  defaultUnitId: 'units',
  lecturerId: 'lecturers',
  homeroomLecturerId: 'lecturers',
  venueId: 'venues',
  certificateId: 'certificates',
  certificateIds: 'certificates',
  planLineId: 'plan_lines',
  mergeId: 'person_merges',
};
/** What `id` names, by the channel's capability. */
const ID_OF: Record<string, string> = {
  programs: 'programs',
  learners: 'people',
  units: 'units',
  lecturers: 'lecturers',
  venues: 'venues',
  classes: 'classes',
  holidays: 'calendar_adjustments',
  plans: 'plan_lines',
  certificates: 'trusted_keys',
  reports: 'rollup_imports',
  timetable: 'sessions',
};

/** A text broken the way files get broken: cut short, a character changed, a part doubled, odd bytes added. */
function damaged(texts: string[]): fc.Arbitrary<string> {
  return fc
    .tuple(fc.constantFrom('', ...texts), fc.nat(), fc.constantFrom('cut', 'change', 'double', 'surrogate', 'bom', 'same'))
    .map(([t, at, how]) => {
      const i = t.length ? at % t.length : 0;
      if (how === 'cut') return t.slice(0, i);
      if (how === 'change') return `${t.slice(0, i)}${String.fromCharCode((t.charCodeAt(i) + 1) % 0x10000)}${t.slice(i + 1)}`;
      if (how === 'double') return `${t.slice(0, i)}${t.slice(Math.max(0, i - 50))}`;
      if (how === 'surrogate') return `${t.slice(0, i)}\uD800${t.slice(i)}`;
      if (how === 'bom') return `\uFEFF${t}`;
      return t;
    });
}

interface Files {
  importLists: string[];
  keyFiles: string[];
  rollups: string[];
}

function idsOf(sql: string, ...params: unknown[]): number[] {
  return core.db
    .prepare(sql)
    .pluck()
    .all(...params) as number[];
}

/**
 * Real records a command is given back, field by field, so that a payload mixes a record's own values
 * with generated ones (a program's topics as saved, with a new code, say).
 */
const RECORDS: { [C in Channel]?: (classId: number, programId: number) => Promise<object[]> } = {
  'programs.save': async (_c, programId) => [await must('programs.get', { id: programId })],
  'classes.save': async (classId) => [await must('classes.get', { id: classId })],
  'timetable.save': async (classId) => [{ classId, sessions: (await must('timetable.get', { classId })).sessions }],
  'timetable.check': async (classId) => [{ classId, sessions: (await must('timetable.get', { classId })).sessions }],
  'learners.save': async (classId) =>
    Promise.all(
      (await must('enrollments.list', { classId })).enrollments.slice(0, 3).map(async (e) => {
        const { person } = await must('learners.get', { id: e.personId });
        return { ...person, expectedUpdatedAt: person.updatedAt };
      }),
    ),
  'lecturers.save': async () => (await must('lecturers.list', { includeArchived: true })).slice(0, 5),
  'venues.save': async () => (await must('venues.list', { includeArchived: true })).slice(0, 5),
  'units.save': async () => (await must('units.list', { includeArchived: true })).slice(0, 10),
  'plans.saveLine': async () => (await must('plans.year', { year: THIS_YEAR - 1 })).lines,
  'centre.save': async () => [(await must('centre.get', {})).current!],
  'certificates.saveLayout': async (_c, programId) => [{ programId, layout: (await must('certificates.layout', { programId })).layout }],
  'certificates.layoutPreview': async (_c, programId) => [{ programId, layout: (await must('certificates.layout', { programId })).layout }],
};

/** Pools for one channel, around one class of the demo (its learners, sessions and certificates). */
async function poolsFor(channel: Channel, classId: number, files: Files): Promise<Map<string, unknown[]>> {
  const p = new Map<string, unknown[]>();
  for (const [key, table] of Object.entries(ID_TABLES)) p.set(key, idsOf(`SELECT id FROM ${table} ORDER BY id LIMIT 500`));
  const capability = channel.split('.')[0]!;
  if (ID_OF[capability]) p.set('id', idsOf(`SELECT id FROM ${ID_OF[capability]} ORDER BY id LIMIT 500`));
  const programId = idsOf('SELECT program_id FROM classes WHERE id = ?', classId);
  p.set('classId', [classId]);
  p.set('communeCode', communeCodes);
  p.set('site', core.db.prepare('SELECT place FROM class_sites WHERE class_id = ?').pluck().all(classId));
  p.set('programId', [...programId, ...p.get('programId')!]);
  p.set('topicId', idsOf('SELECT id FROM program_topics WHERE program_id = ?', programId[0]));
  p.set('enrollmentId', idsOf('SELECT id FROM enrollments WHERE class_id = ?', classId));
  p.set('enrollmentIds', p.get('enrollmentId')!);
  p.set('certificateIds', [...idsOf('SELECT id FROM certificates WHERE class_id = ?', classId), ...p.get('certificateIds')!.slice(0, 20)]);
  p.set('certificateId', p.get('certificateIds')!);
  if (channel === 'attendance.set') p.set('sessionId', idsOf('SELECT id FROM sessions WHERE class_id = ?', classId));
  if (channel.startsWith('timetable.')) p.set('id', idsOf('SELECT id FROM sessions WHERE class_id = ?', classId));
  p.set('code', [...(core.db.prepare('SELECT verification_code FROM certificates ORDER BY id LIMIT 20').pluck().all() as string[])]);
  if (channel === 'certificates.verify') p.set('code', fc.sample(damaged(p.get('code') as string[]), { seed: classId, numRuns: 40 }));
  if (channel === 'programs.save') p.delete('code');
  if (channel === 'backups.restore') {
    const list = await dispatch(core, 'backups.list', {});
    // Copies of the demo only: the daily copy was taken before the demo was made.
    p.set('file', list.ok ? (list.value as Output<'backups.list'>).filter((b) => b.kind === 'manual').map((b) => b.file) : []);
  }
  if (channel === 'certificates.addTrustedKey')
    p.set('fileText', [...files.keyFiles, ...fc.sample(damaged(files.keyFiles), { seed: classId, numRuns: 30 })]);
  if (channel === 'reports.importRollup')
    p.set('fileText', [...files.rollups, ...fc.sample(damaged(files.rollups), { seed: classId, numRuns: 30 })]);
  if (channel === 'imports.open') {
    const texts = files.importLists.map((b) => Buffer.from(b, 'base64').toString('latin1'));
    const broken = fc.sample(damaged(texts), { seed: classId, numRuns: 30 }).map((t) => Buffer.from(t, 'latin1').toString('base64'));
    p.set('dataBase64', [...files.importLists, ...broken]);
    p.set('fileName', ['ds.xlsx', 'ds.csv', 'DS chi bộ.XLSX', 'ds.xls', 'ds', '../../ds.csv']);
  }
  if (channel.startsWith('imports.') && channel !== 'imports.open') {
    // Fresh sessions: the fuzzing of commit and discard ends the ones it is given.
    const sessions: string[] = [];
    for (const dataBase64 of files.importLists) {
      const opened = await dispatch(core, 'imports.open', { fileName: 'ds.xlsx', dataBase64 });
      if (!opened.ok) throw new Error(opened.error.message);
      const o = opened.value as Output<'imports.open'>;
      const sheet = o.sheets[o.suggestedSheet]!;
      const mapping = sheet.columns.map((c) => c.mapping);
      const analysed = await dispatch(core, 'imports.analyze', {
        sessionId: o.sessionId,
        sheet: sheet.index,
        firstDataRow: sheet.firstDataRow,
        mapping,
        defaultUnitId: null,
      });
      if (!analysed.ok) throw new Error(analysed.error.message);
      sessions.push(o.sessionId);
      p.set('mapping', [...(p.get('mapping') ?? []), mapping]);
      p.set('sheet', [sheet.index]);
      p.set('firstDataRow', [sheet.firstDataRow]);
      p.set(
        'rowNumber',
        (analysed.value as Output<'imports.analyze'>).rows.map((r) => r.rowNumber),
      );
    }
    p.set('sessionId', sessions);
  }
  if (channel === 'reports.prepareStatus' || channel === 'reports.cancelPrepare') {
    const started = await dispatch(core, 'reports.prepare', { period: { kind: 'year', year: THIS_YEAR + 1 } });
    if (started.ok && (started.value as Output<'reports.prepare'>).jobId)
      p.set('jobId', [(started.value as Output<'reports.prepare'>).jobId!]);
  }
  for (const record of (await RECORDS[channel]?.(classId, programId[0]!)) ?? []) {
    for (const [key, value] of Object.entries(record)) if (value !== null) p.set(key, [...(p.get(key) ?? []), value]);
  }
  return p;
}

/**
 * The payloads for one channel, the same on every run: any value at all; the channel's shape with
 * fields broken; and values the schema accepts, with edge values, so the service itself is reached.
 */
async function payloads(channel: Channel, files: Files): Promise<unknown[]> {
  const schema = contract[channel].input;
  const seed = seedOf(channel);
  const classes = idsOf('SELECT id FROM classes ORDER BY id');
  const out: unknown[] = [];
  // Three rounds, each around another class of the demo (one planned, one running, one closed…).
  for (let round = 0; round < 3; round++) {
    const s = seed + 1000 * round;
    usePools(await poolsFor(channel, classes[Math.abs(s) % classes.length]!, files));
    const shaped = validish(schema, '', 0);
    const anyValue = fc.oneof(
      {
        weight: 2,
        arbitrary: fc.anything({
          maxDepth: 3,
          withBigInt: true,
          withDate: true,
          withMap: true,
          withSet: true,
          withTypedArray: true,
          withSparseArray: true,
          withNullPrototype: true,
          withUnicodeString: true,
        }),
      },
      { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
      { weight: 1, arbitrary: wild },
    );
    const broken = fc.tuple(shaped, fc.array(mutation, { minLength: 1, maxLength: 3 })).map(([v, ms]) => mutate(v, ms));
    const valid = Math.round(RUNS.valid / 3);
    const candidates = fc.sample(shaped, { seed: s + 2, numRuns: valid * 30 });
    const accepted = candidates.filter((v) => schema.safeParse(v).success).slice(0, valid);
    out.push(
      ...fc.sample(anyValue, { seed: s, numRuns: Math.round(RUNS.anyValue / 3) }),
      ...fc.sample(broken, { seed: s + 1, numRuns: Math.round(RUNS.broken / 3) }),
      ...accepted,
      // A schema the generator cannot satisfy still gets its share of shaped values.
      ...candidates.slice(0, valid - accepted.length),
    );
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Writes

/**
 * Counts committed writes: a temporary trigger on every table bumps a counter in the temp schema,
 * which rolls back with the transaction it ran in. A refused call must leave the count unchanged.
 */
function watchWrites(core: AppCore): () => number {
  const db = core.db;
  db.exec(
    'CREATE TEMP TABLE IF NOT EXISTS fuzz_writes (n INTEGER NOT NULL); INSERT INTO fuzz_writes SELECT 0 WHERE NOT EXISTS (SELECT 1 FROM fuzz_writes);',
  );
  const tables = db
    .prepare(`SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND sql NOT LIKE 'CREATE VIRTUAL%'`)
    .all() as { name: string }[];
  let watched = 0;
  for (const { name } of tables) {
    for (const op of ['INSERT', 'UPDATE', 'DELETE']) {
      try {
        db.exec(
          `CREATE TEMP TRIGGER IF NOT EXISTS "fuzz_${name}_${op}" AFTER ${op} ON main."${name}" BEGIN UPDATE fuzz_writes SET n = n + 1; END`,
        );
        watched++;
      } catch {
        // Shadow tables of the full-text index take no triggers; the table they index does.
      }
    }
  }
  expect(watched).toBeGreaterThan(30);
  return () => {
    const n = (core.db.prepare('SELECT n FROM fuzz_writes').get() as { n: number }).n;
    return n + 1e9 * (core.db.pragma('schema_version', { simple: true }) as number);
  };
}

// ---------------------------------------------------------------------------------------------

function describePayload(p: unknown): string {
  try {
    const s = JSON.stringify(p, (_k, v: unknown) =>
      typeof v === 'bigint'
        ? `${v}n`
        : typeof v === 'string' && v.length > 60
          ? `${v.slice(0, 20)}…(${v.length} chars)`
          : Array.isArray(v) && v.length > 20
            ? `[array of ${v.length}]`
            : v,
    );
    return (s ?? String(p)).slice(0, 400);
  } catch {
    return `${Object.prototype.toString.call(p)} (not JSON)`;
  }
}

function seedOf(channel: string): number {
  let h = SEED;
  for (const c of channel) h = (Math.imul(h, 31) + c.charCodeAt(0)) | 0;
  return h;
}

let core: AppCore;
let files: Files;
let communeCodes: string[];
let writes: () => number;
let total = 0;
let acceptedCalls = 0;
const started = performance.now();

async function must<C extends Channel>(channel: C, input: unknown): Promise<Output<C>> {
  const r = await dispatch(core, channel, input);
  if (!r.ok) throw new Error(`${channel}: ${r.error.message}`);
  return r.value as Output<C>;
}

/** Files as a clerk would give them: learner lists, another centre's key, a closed year's roll-up. */
async function realFiles(): Promise<Files> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('DS');
  ws.getCell('A1').value = 'DANH SÁCH HỌC VIÊN';
  ws.getRow(3).values = ['STT', 'Họ và tên', 'Ngày sinh', 'Giới tính', 'Dân tộc', 'Chi bộ', 'Số CCCD', 'Ngày vào Đảng'];
  const people: ExcelJS.CellValue[][] = [
    ['Nguyễn Văn An', new Date(Date.UTC(1990, 4, 12)), 'Nam', 'Kinh', 'Chi bộ thôn 3', '062090001234', '15/03/2020'],
    ['Trần Thị Bình', '02/09/1995', 'Nữ', 'Xơ Đăng', 'Chi bộ thôn 3', '062195004321', null],
    ['Y Hoa', '1998', 'nữ', 'Ba-na', '', null, '31/02/2020'],
    ['', '13/13/2000', 'X', 'Không rõ', 'Chi bộ mới', '12345', 'hôm qua'],
  ];
  people.forEach((r, i) => (ws.getRow(4 + i).values = [i + 1, ...r]));
  const xlsx = Buffer.from((await wb.xlsx.writeBuffer()) as ArrayBuffer).toString('base64');
  const csv = Buffer.from(
    'Họ và tên;Ngày sinh;Giới tính;Chi bộ\r\nLê Văn Cường;01/01/1980;Nam;Chi bộ 1\r\nPhạm Thị Dung;1985;Nữ;\r\n',
    'utf8',
  ).toString('base64');
  const { generateCentreKeys, publicKeyFileText } = await import('../../electron/core/certificates/signing');
  const own = await must('certificates.settings', {});
  const year = THIS_YEAR - 2;
  await must('reports.closeYear', { year });
  const rollup = await must('reports.exportRollup', { year });
  return {
    importLists: [xlsx, csv],
    keyFiles: [publicKeyFileText(generateCentreKeys().publicKeyPem, 'Trung tâm Chính trị xã bên'), own.publicKeyFile],
    rollups: [Buffer.from(rollup.dataBase64, 'base64').toString('utf8')],
  };
}

async function settle(): Promise<void> {
  for (let i = 0; core.jobs.running() > 0 && i < 300; i++) await new Promise((r) => setTimeout(r, 20));
}

describe('IPC fuzzing: every channel, random and malformed payloads', () => {
  beforeAll(async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ttct-fuzz-'));
    ({ core } = await makeDemo(dir, { people: 300, years: 2, thisYear: THIS_YEAR }));
    files = await realFiles();
    await must('backups.create', {});
    communeCodes = (await must('reference.communes', {})).filter((_, i) => i % 50 === 0).map((c) => c.code);
    writes = watchWrites(core);
  }, 120_000);

  afterAll(() => {
    console.log(
      `ipc-fuzz: ${total} payloads (${acceptedCalls} accepted) on ${Object.keys(contract).length} channels in ${Math.round((performance.now() - started) / 1000)} s`,
    );
    const dir = core?.dataDir;
    core?.close();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  const channels = (Object.keys(contract) as Channel[]).filter((c) => !(c in EXCLUDED));

  // What the fuzzing found, kept as cases (before the fuzzing changes the demo).
  describe('findings', () => {
    it('the write watcher sees a command write', async () => {
      const before = writes();
      const program = await must('programs.get', { id: 1 });
      const {
        id,
        code,
        name,
        targetLearners,
        outcome,
        validityMonths,
        maxAbsencePct,
        maxRetakes,
        typicalDays,
        fitStatuses,
        components,
        bands,
      } = program;
      await must('programs.save', {
        id,
        code,
        name,
        targetLearners,
        outcome,
        validityMonths,
        maxAbsencePct,
        maxRetakes,
        typicalDays,
        fitStatuses,
        components,
        bands,
        topics: program.topics,
      });
      expect(writes()).toBeGreaterThan(before);
    });

    it('timetable.generate from a start late in 2100, past the end of the holiday calendar, places what fits', async () => {
      const classId = idsOf("SELECT id FROM classes WHERE status = 'planned' ORDER BY id")[0] ?? 1;
      const r = await dispatch(core, 'timetable.generate', { classId, startDate: '2100-12-31', halves: ['chieu'], lecturerByTopic: {} });
      expect(r.ok ? null : r.error.code).not.toBe('INTERNAL');
      if (r.ok) expect((r.value as Output<'timetable.generate'>).problems[0]?.kind).toBe('not_placed');
    });

    it('programs.save without a topic a class was taught is refused, not an internal error', async () => {
      const programId = idsOf(
        'SELECT c.program_id FROM sessions s JOIN classes c ON c.id = s.class_id WHERE s.topic_id IS NOT NULL LIMIT 1',
      )[0]!;
      const program = await must('programs.get', { id: programId });
      const {
        id,
        code,
        name,
        targetLearners,
        outcome,
        validityMonths,
        maxAbsencePct,
        maxRetakes,
        typicalDays,
        fitStatuses,
        components,
        bands,
      } = program;
      const before = writes();
      const r = await dispatch(core, 'programs.save', {
        id,
        code,
        name,
        targetLearners,
        outcome,
        validityMonths,
        maxAbsencePct,
        maxRetakes,
        typicalDays,
        fitStatuses,
        components,
        bands,
        topics: program.topics.slice(1),
      });
      expect(r.ok ? null : [r.error.code, Object.keys(r.error.fields ?? {})]).toEqual(['IN_USE', ['topics']]);
      expect(writes()).toBe(before);
    });

    it('reports.pdf on a machine that cannot make PDFs writes nothing', async () => {
      for (const period of [
        { kind: 'year', year: THIS_YEAR - 1 },
        { kind: 'range', fromYear: THIS_YEAR - 2, toYear: THIS_YEAR + 20 },
      ]) {
        const before = writes();
        const r = await dispatch(core, 'reports.pdf', { period });
        expect([r.ok ? null : r.error.code, writes() - before], JSON.stringify(period)).toEqual(['PRINT_UNAVAILABLE', 0]);
      }
    });
  });

  it('fuzzes every channel of the contract', () => {
    expect(channels.length).toBe(Object.keys(contract).length - Object.keys(EXCLUDED).length);
    for (const reason of Object.values(EXCLUDED) as string[]) expect(reason.length).toBeGreaterThan(20);
  });

  for (const channel of channels) {
    it(
      channel,
      async () => {
        const findings: string[] = [];
        for (const payload of await payloads(channel, files)) {
          total++;
          const db = core.db;
          const before = writes();
          let r: Result<unknown>;
          try {
            r = await dispatch(core, channel, payload);
          } catch (err) {
            findings.push(`threw ${String(err)} for ${describePayload(payload)}`);
            continue;
          }
          await settle();
          if (core.db !== db) writes = watchWrites(core); // a restore opened the database again
          if (({} as Record<string, unknown>).polluted !== undefined)
            findings.push(`Object.prototype polluted by ${describePayload(payload)}`);
          if (HUNT)
            fs.appendFileSync(
              `${HUNT}.codes`,
              `${channel} ${r.ok ? 'OK' : `${r.error.code} ${JSON.stringify(r.error.fields ?? {}).slice(0, 200)}`}\n`,
            );
          if (r.ok) {
            acceptedCalls++;
            continue;
          }
          const e = r.error;
          const wrote = core.db === db && writes() !== before;
          const where = `${e.code} «${e.message.slice(0, 200)}» ${JSON.stringify(e.fields ?? {}).slice(0, 300)} for ${describePayload(payload)}`;
          if (e.code === 'INTERNAL') findings.push(`INTERNAL: ${where}`);
          if (wrote) findings.push(`refused but wrote: ${where}`);
          if (HUNT && (e.code === 'INTERNAL' || wrote)) {
            try {
              fs.appendFileSync(`${HUNT}.jsonl`, `${JSON.stringify([channel, payload])}\n`);
            } catch {
              // Not JSON (a BigInt, a cycle): the finding's text describes it.
            }
          }
          if (!VIETNAMESE.test(e.message)) findings.push(`message not Vietnamese: ${where}`);
          for (const [key, message] of Object.entries(e.fields ?? {})) {
            if (!VIETNAMESE.test(message) || MACHINE_WORDING.test(message)) findings.push(`field ${key} says «${message}»: ${where}`);
          }
        }
        if (HUNT) fs.appendFileSync(HUNT, findings.map((f) => `${channel}: ${f}\n`).join(''));
        expect(findings).toEqual([]);
      },
      60_000,
    );
  }
});
