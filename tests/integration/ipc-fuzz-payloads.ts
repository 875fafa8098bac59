import fc from 'fast-check';
import type { AppCore } from '../../electron/core/app-core';
import { dispatch } from '../../electron/core/dispatch';
import { contract, type Channel, type Output } from '../../shared/contract';
import { mutate, mutation, usePools, validish, wild } from '../fixtures/fuzz-payloads';

/** The payloads of the IPC fuzz test (tests/integration/ipc-fuzz.test.ts) for each channel, from the demo's records and real files. */

export const SEED = Number(process.env.FUZZ_SEED ?? 1212);
/** Payloads per channel: any value, the channel's shape broken, and values the schema accepts. */
export const RUNS = { anyValue: 21, broken: 60, valid: 69 };
export const THIS_YEAR = new Date().getFullYear();

/** The demo the payloads are drawn from, set by the test before any call. */
export const fuzz = { core: null as unknown as AppCore, communeCodes: [] as string[] };

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

export interface Files {
  importLists: string[];
  keyFiles: string[];
  rollups: string[];
}

export function idsOf(sql: string, ...params: unknown[]): number[] {
  return fuzz.core.db
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
  p.set('communeCode', fuzz.communeCodes);
  p.set('site', fuzz.core.db.prepare('SELECT place FROM class_sites WHERE class_id = ?').pluck().all(classId));
  p.set('programId', [...programId, ...p.get('programId')!]);
  p.set('topicId', idsOf('SELECT id FROM program_topics WHERE program_id = ?', programId[0]));
  p.set('enrollmentId', idsOf('SELECT id FROM enrollments WHERE class_id = ?', classId));
  p.set('enrollmentIds', p.get('enrollmentId')!);
  p.set('certificateIds', [...idsOf('SELECT id FROM certificates WHERE class_id = ?', classId), ...p.get('certificateIds')!.slice(0, 20)]);
  p.set('certificateId', p.get('certificateIds')!);
  if (channel === 'attendance.set') p.set('sessionId', idsOf('SELECT id FROM sessions WHERE class_id = ?', classId));
  if (channel.startsWith('timetable.')) p.set('id', idsOf('SELECT id FROM sessions WHERE class_id = ?', classId));
  p.set('code', [...(fuzz.core.db.prepare('SELECT verification_code FROM certificates ORDER BY id LIMIT 20').pluck().all() as string[])]);
  if (channel === 'certificates.verify') p.set('code', fc.sample(damaged(p.get('code') as string[]), { seed: classId, numRuns: 40 }));
  if (channel === 'programs.save') p.delete('code');
  if (channel === 'backups.restore') {
    const list = await dispatch(fuzz.core, 'backups.list', {});
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
      const opened = await dispatch(fuzz.core, 'imports.open', { fileName: 'ds.xlsx', dataBase64 });
      if (!opened.ok) throw new Error(opened.error.message);
      const o = opened.value as Output<'imports.open'>;
      const sheet = o.sheets[o.suggestedSheet]!;
      const mapping = sheet.columns.map((c) => c.mapping);
      const analysed = await dispatch(fuzz.core, 'imports.analyze', {
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
    const started = await dispatch(fuzz.core, 'reports.prepare', { period: { kind: 'year', year: THIS_YEAR + 1 } });
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
export async function payloads(channel: Channel, files: Files): Promise<unknown[]> {
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

export function seedOf(channel: string): number {
  let h = SEED;
  for (const c of channel) h = (Math.imul(h, 31) + c.charCodeAt(0)) | 0;
  return h;
}

export async function must<C extends Channel>(channel: C, input: unknown): Promise<Output<C>> {
  const r = await dispatch(fuzz.core, channel, input);
  if (!r.ok) throw new Error(`${channel}: ${r.error.message}`);
  return r.value as Output<C>;
}
