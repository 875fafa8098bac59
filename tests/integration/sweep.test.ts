import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createChromiumPrintPort, type ChromiumPrintPort } from '../../electron/browser-host/chromium-printing';
import type { AppCore } from '../../electron/core/app-core';
import { dispatch } from '../../electron/core/dispatch';
import { contract, type Channel, type Input, type Output, type Result } from '../../shared/contract';
import { DOCUMENT_KINDS, DOCX_KINDS, SPREADSHEET_KINDS } from '../../shared/contract/documents';
import { makeDemo } from '../fixtures/demo';
import { CHROMIUM } from './document-fixtures';

/**
 * Every channel of the contract, called on a sample database made as `npm run demo` makes one
 * (300 people, two past years of classes made through the channels): each query with valid inputs
 * taken from the data, then the commands a clerk runs on such records. Each call must be answered ok
 * with an output that passes the contract. The channel list comes from the contract itself: a channel
 * added later with no case here, and no written reason, fails the first test.
 */

const THIS_YEAR = new Date().getFullYear();
const TODAY = new Date().toISOString().slice(0, 10);

interface Data {
  years: number[];
  programs: Output<'programs.list'>;
  classes: Output<'classes.list'>;
  people: number[];
  units: Output<'units.list'>;
  lecturers: Output<'lecturers.list'>;
  venues: Output<'venues.list'>;
  certificates: Output<'certificates.register'>;
  /** A class of the current year, opened with a timetable and learners, made by the commands. */
  openClassId: number | null;
}

type Cases = { [C in Channel]?: (d: Data) => Input<C>[] | Promise<Input<C>[]> };

/** Channels the sweep does not call here, and why. */
const EXCLUDED = {
  'documents.print':
    'sends a document to a printer through the system dialog: Electron only (the browser host cannot print); tests/electron covers the Electron printing path',
  'reports.print':
    'sends the report to a printer through the system dialog: Electron only (the browser host cannot print), as documents.print',
  'protection.recoverySheetPrint': 'sends the recovery sheet to a printer: Electron only, as documents.print',
  'learners.learningRecordPrint': 'sends the learning record to a printer through the system dialog: Electron only, as documents.print',
  'studies.print': 'sends the participation report to a printer through the system dialog: Electron only, as documents.print',
} satisfies { [C in Channel]?: string };

const QUERIES = {
  'app.status': () => [{}],
  'backups.list': () => [{}],
  // A backup on this PC, as a clerk may pick one by hand (the off-PC copy is made after the sheet is confirmed, below).
  'backups.inspectFile': async () => [{ path: path.join(core.backupsDir, (await ok('backups.create', {})).file) }],
  'protection.recoverySheet': () => [{}],
  'centre.get': () => [{}],
  'centre.profileAt': (d) => [{ date: TODAY }, ...d.years.map((y) => ({ date: `${y}-06-30` }))],
  'programs.list': () => [{ includeArchived: false }, { includeArchived: true }],
  'programs.get': (d) => d.programs.map((p) => ({ id: p.id })),
  'learners.search': (d) => [
    { q: '', limit: 50 },
    { q: 'nguyen', limit: 50 },
    { q: 'thi', limit: 20 },
    { q: '19', limit: 20 },
    { q: '', limit: 20, filters: { unitId: d.units.find((u) => u.kind === 'cell')!.id } },
  ],
  'learners.count': () => [{ q: '' }, { q: 'nguyen' }],
  'learners.get': (d) => d.people.map((id) => ({ id })),
  'learners.exportXlsx': () => [{ q: '', filters: {} }],
  // People with certificates (classes, results, audit entries) and people with none.
  'learners.personDataXlsx': (d) =>
    [...new Set([...d.certificates.slice(0, 5).map((c) => c.personId), ...d.people.slice(0, 5)])].map((id) => ({ id })),
  'learners.personDataPdf': (d) => [d.certificates[0]!.personId, d.people[0]!].map((id) => ({ id })),
  // People with classes only: someone with none is refused (nothing to certify), as tests/integration/learning-record covers.
  'learners.learningRecordPreview': (d) => [...new Set(d.certificates.slice(0, 10).map((c) => c.personId))].map((id) => ({ id })),
  'learners.learningRecordPdf': (d) => [{ id: d.certificates[0]!.personId, purpose: 'bổ sung hồ sơ cán bộ' }],
  'learners.learningRecordDocx': (d) => [{ id: d.certificates[0]!.personId, purpose: 'bổ sung hồ sơ cán bộ' }],
  'learners.duplicates': () => [{}],
  'learners.mergePreview': (d) => [{ keepId: d.people[0]!, removeId: d.people[1]! }],
  'learners.merges': () => [{}],
  'units.list': () => [{ includeArchived: false }, { includeArchived: true }],
  'reference.communes': () => [{}],
  'lecturers.list': () => [{ includeArchived: false }, { includeArchived: true }],
  'lecturers.hours': (d) => d.years.map((year) => ({ year })),
  'venues.list': () => [{ includeArchived: false }, { includeArchived: true }],
  'plans.year': (d) => d.years.map((year) => ({ year })),
  'classes.list': (d) => [
    { year: null, programId: null },
    ...d.years.map((year) => ({ year, programId: null })),
    { year: null, programId: d.programs[0]!.id },
  ],
  'classes.get': (d) => d.classes.map((c) => ({ id: c.id })),
  'classes.propose': (d) => d.programs.map((p) => ({ programId: p.id, startDate: TODAY, cohortNumbering: 'per_year' as const })),
  'timetable.get': (d) => d.classes.map((c) => ({ classId: c.id })),
  'timetable.check': async (d) =>
    Promise.all(
      d.classes.slice(0, 3).map(async (c) => ({
        classId: c.id,
        sessions: (await ok('timetable.get', { classId: c.id })).sessions.map((s) => ({
          id: s.id,
          date: s.date,
          half: s.half,
          topicId: s.topicId,
          title: s.title,
          lecturerId: s.lecturerId,
          venueId: s.venueId,
          periods: s.periods,
        })),
      })),
    ),
  'calendar.sessions': (d) => [
    // The calendar shows at most two months at a time.
    ...d.years.flatMap((y) =>
      [`${y}-01-01`, `${y}-05-01`, `${y}-10-01`].map((from) => ({
        from,
        to: from.replace(/-01$/, '-28').replace(/-(\d\d)-28$/, (_, m: string) => `-${String(Number(m) + 1).padStart(2, '0')}-28`),
        lecturerId: null,
        venueId: null,
      })),
    ),
    { from: `${d.years[0]}-03-01`, to: `${d.years[0]}-04-30`, lecturerId: d.lecturers[0]!.id, venueId: null },
    { from: `${d.years[0]}-03-01`, to: `${d.years[0]}-04-30`, lecturerId: null, venueId: d.venues[0]!.id },
  ],
  'holidays.year': (d) => [...d.years, THIS_YEAR].map((year) => ({ year })),
  'documents.preview': (d) => d.classes.flatMap((c) => DOCUMENT_KINDS.map((kind) => ({ kind, classId: c.id }))),
  // Chromium renders each PDF: every kind for one class of each stage.
  'documents.pdf': (d) => stageSamples(d).flatMap((classId) => DOCUMENT_KINDS.map((kind) => ({ kind, classId }))),
  'documents.docx': (d) => stageSamples(d).flatMap((classId) => DOCX_KINDS.map((kind) => ({ kind, classId }))),
  'documents.xlsx': (d) => d.classes.flatMap((c) => SPREADSHEET_KINDS.map((kind) => ({ kind, classId: c.id }))),
  'enrollments.list': (d) => d.classes.map((c) => ({ classId: c.id })),
  'attendance.grid': (d) => d.classes.map((c) => ({ classId: c.id })),
  'results.grid': (d) => d.classes.map((c) => ({ classId: c.id })),
  'certificates.settings': () => [{}],
  'certificates.plan': (d) => certificateClasses(d).map((classId) => ({ classId })),
  'certificates.ofClass': (d) => d.classes.map((c) => ({ classId: c.id })),
  'certificates.register': (d) => [...d.years, THIS_YEAR].map((year) => ({ year })),
  'certificates.nextNumber': (d) => [...d.years, THIS_YEAR].map((year) => ({ year })),
  'certificates.layout': (d) => d.programs.map((p) => ({ programId: p.id })),
  'certificates.offset': () => [{}],
  'certificates.preview': (d) => [{ certificateIds: d.certificates.slice(0, 5).map((c) => c.id) }],
  'certificates.printers': () => [{}],
  'certificates.layoutPreview': async (d) => [
    { programId: certificateProgram(d), layout: (await ok('certificates.layout', { programId: certificateProgram(d) })).layout },
  ],
  'certificates.calibration': (d) => [{ programId: certificateProgram(d) }],
  'certificates.calibrationPdf': (d) => [{ programId: certificateProgram(d) }],
  'certificates.listPreview': (d) => [
    ...d.years.map((year) => ({ kind: 'register' as const, year })),
    ...certificateClasses(d).map((classId) => ({ kind: 'receipt' as const, classId })),
  ],
  'certificates.listPdf': (d) => [
    { kind: 'register' as const, year: d.years[0]! },
    { kind: 'receipt' as const, classId: certificateClasses(d)[0]! },
  ],
  'certificates.listDocx': (d) => [
    { kind: 'register' as const, year: d.years[0]! },
    { kind: 'receipt' as const, classId: certificateClasses(d)[0]! },
  ],
  'certificates.registerXlsx': (d) => d.years.map((year) => ({ year })),
  'certificates.verify': (d) => d.certificates.slice(0, 10).map((c) => ({ code: c.verificationCode })),
  'certificates.trustedKeys': () => [{}],
  'reports.get': (d) => [
    ...d.years.map((year) => ({ period: { kind: 'year' as const, year } })),
    { period: { kind: 'range' as const, fromYear: d.years[0]!, toYear: THIS_YEAR } },
    { period: { kind: 'months' as const, year: d.years[1]!, months: 6 as const } },
  ],
  'reports.xlsx': (d) => [{ period: { kind: 'year' as const, year: d.years[0]! } }],
  'reports.preview': (d) => d.years.map((year) => ({ period: { kind: 'year' as const, year } })),
  'reports.pdf': (d) => [{ period: { kind: 'year' as const, year: d.years[1]! } }],
  'reports.docx': (d) => [{ period: { kind: 'year' as const, year: d.years[1]! } }],
  'reports.settings': () => [{}],
  'reports.years': () => [{}],
  'reports.rollup': (d) => d.years.map((year) => ({ year })),
  'levels.history': (d) => d.people.map((personId) => ({ personId })),
  'levels.groups': () => [{}],
  'levels.targets': (d) => [...d.years, THIS_YEAR].map((year) => ({ year })),
  'levels.nominations': (d) => [...d.years, THIS_YEAR].map((year) => ({ year })),
  'levels.report': (d) => [...d.years, THIS_YEAR].map((year) => ({ year })),
  'levels.preview': () => [{ year: THIS_YEAR }],
  'levels.pdf': () => [{ year: THIS_YEAR }],
  'levels.xlsx': () => [{ year: THIS_YEAR }],
  'levels.docx': () => [{ year: THIS_YEAR }],
  'studies.list': (d) => [...d.years, THIS_YEAR].map((year) => ({ year })),
  'studies.classes': (d) => [...d.years, THIS_YEAR].map((year) => ({ year })),
  'studies.baseOrgs': () => [{}],
  'studies.members': (d) => [...d.years, THIS_YEAR].map((year) => ({ year })),
  'studies.get': async (d) => [{ id: await studySession(d) }],
  'studies.report': async (d) => [
    { scope: { kind: 'session' as const, id: await studySession(d) } },
    ...[...d.years, THIS_YEAR].map((year) => ({ scope: { kind: 'year' as const, year } })),
    { scope: { kind: 'org' as const, unitId: d.units.find((u) => u.kind === 'base')!.id, year: d.years[d.years.length - 1]! } },
  ],
  'studies.preview': async (d) => [
    { scope: { kind: 'session' as const, id: await studySession(d) } },
    { scope: { kind: 'year' as const, year: d.years[0]! } },
  ],
  'studies.pdf': async (d) => [{ scope: { kind: 'session' as const, id: await studySession(d) } }],
  'studies.docx': async (d) => [{ scope: { kind: 'session' as const, id: await studySession(d) } }],
  'studies.xlsx': async (d) => [
    { scope: { kind: 'session' as const, id: await studySession(d) } },
    { scope: { kind: 'year' as const, year: d.years[0]! } },
  ],
} satisfies Cases;

let studySessionId: Promise<number> | null = null;
/** A study session of last year linked to a class with a list, with counts typed for one base organisation it does not cover. */
function studySession(d: Data): Promise<number> {
  studySessionId ??= (async () => {
    const year = d.years[d.years.length - 1]!;
    const cls = d.classes.find((c) => c.status === 'certificates_issued' && c.year === year) ?? null;
    const { id } = await ok('studies.save', {
      id: null,
      title: 'Học tập, quán triệt nghị quyết',
      date: `${year}-06-15`,
      form: 'online',
      sites: 25,
      classId: cls?.id ?? null,
      note: '',
    });
    const covered = new Set((await ok('studies.get', { id })).rows.filter((r) => r.list).map((r) => r.unitId));
    const base = d.units.find((u) => u.kind === 'base' && !covered.has(u.id));
    if (base) await ok('studies.saveCounts', { sessionId: id, rows: [{ unitId: base.id, present: 30, expected: 32 }] });
    return id;
  })();
  return studySessionId;
}

let core: AppCore;
let printing: ChromiumPrintPort;
let data: Data;
const answered = new Map<Channel, number>();

async function call<C extends Channel>(channel: C, input: Input<C>): Promise<Result<Output<C>>> {
  const r = (await dispatch(core, channel, input)) as Result<Output<C>>;
  if (r.ok) answered.set(channel, (answered.get(channel) ?? 0) + 1);
  return r;
}

async function ok<C extends Channel>(channel: C, input: Input<C>): Promise<Output<C>> {
  const r = await call(channel, input);
  if (!r.ok) throw new Error(`${channel} ${JSON.stringify(input).slice(0, 300)} → ${r.error.code}: ${r.error.message}`);
  // The dispatcher validated the output already; parse again so a wrongly typed test cannot hide it.
  contract[channel].output.parse(r.value);
  return r.value;
}

function certificateClasses(d: Data): number[] {
  return d.classes.filter((c) => c.status === 'certificates_issued').map((c) => c.id);
}
function certificateProgram(d: Data): number {
  return d.classes.find((c) => c.status === 'certificates_issued')!.programId;
}
/** One class per lifecycle stage present in the data. */
function stageSamples(d: Data): number[] {
  const byStatus = new Map<string, number>();
  for (const c of d.classes) if (!byStatus.has(c.status)) byStatus.set(c.status, c.id);
  return [...byStatus.values()];
}

async function collect(): Promise<Data> {
  const years = (await ok('reports.years', {}))
    .map((y) => y.year)
    .filter((y) => y < THIS_YEAR)
    .sort();
  const people = (await ok('learners.search', { q: '', limit: 100 })).rows.map((r) => r.id);
  return {
    years,
    programs: await ok('programs.list', { includeArchived: false }),
    classes: await ok('classes.list', { year: null, programId: null }),
    people: people.filter((_, i) => i % 10 === 0),
    units: await ok('units.list', { includeArchived: false }),
    lecturers: await ok('lecturers.list', { includeArchived: false }),
    venues: await ok('venues.list', { includeArchived: false }),
    certificates: (await Promise.all(years.map((year) => ok('certificates.register', { year })))).flat(),
    openClassId: null,
  };
}

describe('every channel on demo data', () => {
  beforeAll(async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ttct-sweep-'));
    printing = createChromiumPrintPort({ executablePath: CHROMIUM });
    ({ core } = await makeDemo(dir, { people: 300, years: 2, thisYear: THIS_YEAR, printing }));
    data = await collect();
  }, 120_000);
  afterAll(async () => {
    const dir = core?.dataDir;
    core?.close();
    await printing?.close();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('has a case, or a written reason, for every channel of the contract', () => {
    const covered = new Set<string>([...Object.keys(QUERIES), ...COMMAND_CHANNELS, ...Object.keys(EXCLUDED)]);
    expect(Object.keys(contract).filter((c) => !covered.has(c))).toEqual([]);
    expect([...covered].filter((c) => !(c in contract))).toEqual([]);
    for (const reason of Object.values(EXCLUDED)) expect(reason.length).toBeGreaterThan(20);
  });

  it('the demo is real: two years of classes, every certificate whole, verifying as genuine', async () => {
    expect(data.years).toEqual([THIS_YEAR - 2, THIS_YEAR - 1]);
    expect(data.classes.length).toBeGreaterThanOrEqual(10);
    expect(data.certificates.length).toBeGreaterThan(100);
    expect(data.certificates.filter((c) => c.damage !== null)).toEqual([]);
    for (const c of data.certificates.slice(0, 20)) {
      const v = await ok('certificates.verify', { code: c.verificationCode });
      expect([v.status, v.certificate?.serial]).toEqual(['genuine', c.serial]);
    }
  });

  it('answers every query ok, with outputs that pass the contract', async () => {
    const failures: string[] = [];
    for (const [channel, inputs] of Object.entries(QUERIES) as [Channel, (d: Data) => unknown[] | Promise<unknown[]>][]) {
      const list = await inputs(data);
      expect(list.length, channel).toBeGreaterThan(0);
      for (const input of list) {
        const r = await dispatch(core, channel, input);
        if (!r.ok) failures.push(`${channel} ${JSON.stringify(input).slice(0, 200)} → ${r.error.code}: ${r.error.message}`);
        else answered.set(channel, (answered.get(channel) ?? 0) + 1);
      }
    }
    expect(failures).toEqual([]);
  }, 240_000);

  it('runs the clerk’s commands on demo records', async () => {
    await runCommands();
    expect(COMMAND_CHANNELS.filter((c) => !answered.has(c))).toEqual([]);
  }, 240_000);
});

const COMMAND_CHANNELS = [
  'app.reportError',
  'centre.save',
  'programs.save',
  'programs.setArchived',
  'learners.save',
  'learners.dismissDuplicate',
  'learners.merge',
  'learners.undoMerge',
  'units.save',
  'units.merge',
  'units.setArchived',
  'imports.open',
  'imports.analyze',
  'imports.updateRow',
  'imports.setRowAction',
  'imports.problemsXlsx',
  'imports.commit',
  'imports.discard',
  'lecturers.save',
  'lecturers.setArchived',
  'venues.save',
  'venues.setArchived',
  'plans.saveLine',
  'plans.deleteLine',
  'plans.copyYear',
  'classes.save',
  'classes.setStatus',
  'timetable.generate',
  'timetable.save',
  'holidays.addAdjustment',
  'holidays.removeAdjustment',
  'enrollments.add',
  'enrollments.addUnit',
  'enrollments.withdraw',
  'enrollments.setDiscipline',
  'enrollments.setSite',
  'attendance.set',
  'results.setScores',
  'results.recognise',
  'certificates.saveSettings',
  'certificates.setNextNumber',
  'certificates.issue',
  'certificates.reissue',
  'certificates.revoke',
  'certificates.repair',
  'certificates.saveLayout',
  'certificates.saveOffset',
  'certificates.startBatch',
  'certificates.batchStatus',
  'certificates.cancelBatch',
  'certificates.addTrustedKey',
  'certificates.removeTrustedKey',
  'reports.prepare',
  'reports.prepareStatus',
  'reports.cancelPrepare',
  'reports.saveSettings',
  'reports.closeYear',
  'reports.exportRollup',
  'reports.importRollup',
  'reports.removeRollup',
  'backups.create',
  'backups.restore',
  'backups.exportOffsite',
  'backups.restoreFile',
  'backups.setReminder',
  'app.chooseFolder',
  'app.chooseBackupFile',
  'protection.recoverySheetPdf',
  'protection.confirmRecoveryKey',
  'protection.newRecoveryKey',
  'protection.unlock',
  'app.setClerkName',
  'levels.saveDiploma',
  'levels.deleteDiploma',
  'levels.saveGroup',
  'levels.deleteGroup',
  'levels.saveTarget',
  'levels.deleteTarget',
  'levels.saveNomination',
  'levels.deleteNomination',
  'studies.save',
  'studies.remove',
  'studies.saveCounts',
  'studies.saveMembers',
] as const satisfies readonly Channel[];

// The same check at compile time: adding a channel to the contract breaks the type check here first.
type Uncovered = Exclude<Channel, keyof typeof QUERIES | (typeof COMMAND_CHANNELS)[number] | keyof typeof EXCLUDED>;
const everyChannelCovered: [Uncovered] extends [never] ? true : Uncovered = true;
void everyChannelCovered;

async function runCommands(): Promise<void> {
  const d = data;
  await ok('app.reportError', { message: 'sweep: a renderer error report', where: 'sweep' });
  await ok('app.setClerkName', { name: 'Nguyễn Thị Văn Thư' });
  const centre = (await ok('centre.get', {})).current!;
  await ok('centre.save', {
    validFrom: TODAY,
    name: centre.name,
    superior: centre.superior,
    docCode: centre.docCode,
    placeName: centre.placeName,
    address: centre.address,
    phone: centre.phone,
    director: centre.director,
    deputies: centre.deputies,
    areaCommunes: centre.areaCommunes,
    areaPartyOrgs: centre.areaPartyOrgs,
  });

  // Programs: saved back as they are, archived and restored.
  const program = await ok('programs.get', { id: d.programs[d.programs.length - 1]!.id });
  await ok('programs.save', {
    id: program.id,
    code: program.code,
    name: program.name,
    targetLearners: program.targetLearners,
    outcome: program.outcome,
    validityMonths: program.validityMonths,
    maxAbsencePct: program.maxAbsencePct,
    maxRetakes: program.maxRetakes,
    typicalDays: program.typicalDays,
    fitStatuses: program.fitStatuses,
    topics: program.topics.map(({ id: _id, ...t }) => t),
    components: program.components,
    bands: program.bands,
  });
  await ok('programs.setArchived', { id: program.id, archived: true });
  await ok('programs.setArchived', { id: program.id, archived: false });

  // People: an edit, a dismissed pair, a merge and its undo.
  const person = await ok('learners.get', { id: d.people[2]! });
  const {
    id: _pid,
    fullName: _f,
    ethnicityName: _e,
    communeName: _c,
    unitName: _u,
    mergedIntoId: _m,
    createdAt: _ca,
    updatedAt,
    ...fields
  } = person.person;
  await ok('learners.save', {
    ...fields,
    id: person.person.id,
    expectedUpdatedAt: updatedAt,
    citizenId: fields.citizenId ?? '',
    notes: 'Ghi chú của lượt kiểm tra',
  });
  const [a, b] = await twoPeopleNotInOneClass();
  await ok('learners.dismissDuplicate', { aId: a, bId: b });
  const merged = await ok('learners.merge', { keepId: a, removeId: b });
  await ok('learners.undoMerge', { mergeId: merged.mergeId });

  // Units: a rename kept as it was, an archive and back, a merge of two cells of one base.
  const cells = d.units.filter((u) => u.kind === 'cell');
  const cell = cells[0]!;
  await ok('units.save', { id: cell.id, name: cell.name, kind: cell.kind, parentId: cell.parentId, communeCode: cell.communeCode });
  const spare = cells.find((u) => u.parentId === cell.parentId && u.id !== cell.id && u.memberCount === 0) ?? cells[cells.length - 1]!;
  await ok('units.setArchived', { id: spare.id, archived: true });
  await ok('units.setArchived', { id: spare.id, archived: false });
  await ok('units.merge', {
    fromId: spare.id,
    intoId: cells.find((u) => u.parentId === spare.parentId && u.id !== spare.id)!.id,
    date: TODAY,
  });

  // An exported list imported back: everyone is already in the registry, nobody is added twice.
  const exported = await ok('learners.exportXlsx', { q: 'nguyen', filters: {} });
  const opened = await ok('imports.open', { fileName: exported.fileName, dataBase64: exported.dataBase64 });
  const sheet = opened.sheets[opened.suggestedSheet]!;
  const analysis = await ok('imports.analyze', {
    sessionId: opened.sessionId,
    sheet: sheet.index,
    firstDataRow: sheet.firstDataRow,
    mapping: sheet.columns.map((c) => c.mapping),
    defaultUnitId: null,
  });
  const first = analysis.rows[0]!;
  await ok('imports.updateRow', { sessionId: opened.sessionId, rowNumber: first.rowNumber, values: first.values });
  await ok('imports.setRowAction', { sessionId: opened.sessionId, rowNumber: first.rowNumber, action: 'auto' });
  await ok('imports.problemsXlsx', { sessionId: opened.sessionId });
  const before = await ok('learners.count', { q: '' });
  const committed = await ok('imports.commit', { sessionId: opened.sessionId });
  expect(committed).toMatchObject({ created: 0, skipped: 0 });
  expect(await ok('learners.count', { q: '' })).toEqual(before);
  const again = await ok('imports.open', { fileName: exported.fileName, dataBase64: exported.dataBase64 });
  await ok('imports.discard', { sessionId: again.sessionId });

  // Catalogues and plans.
  const lecturer = d.lecturers[0]!;
  await ok('lecturers.save', {
    id: lecturer.id,
    familyAndMiddle: lecturer.familyAndMiddle,
    given: lecturer.given,
    kind: lecturer.kind,
    role: lecturer.role,
    unit: lecturer.unit,
    position: lecturer.position,
    phone: lecturer.phone,
    normHours: lecturer.normHours,
    lecturingHours: lecturer.lecturingHours,
  });
  const extra = await ok('lecturers.save', {
    familyAndMiddle: 'Đinh Văn',
    given: 'Kiểm',
    kind: 'bao_cao_vien',
    role: 'khac',
    unit: '',
    position: '',
    phone: '',
    normHours: null,
    lecturingHours: null,
  });
  await ok('lecturers.setArchived', { id: extra.id, archived: true });
  const room = await ok('venues.save', { name: 'Phòng họp thôn 5', address: 'Thôn 5', communeCode: null, capacity: 30 });
  await ok('venues.setArchived', { id: room.id, archived: true });
  const line = await ok('plans.saveLine', {
    year: THIS_YEAR,
    programId: certificateProgram(d),
    quarter: 4,
    communeCode: null,
    plannedClasses: 1,
    plannedLearners: 40,
    notes: 'Lớp cuối năm',
  });
  const temp = await ok('plans.saveLine', {
    year: THIS_YEAR,
    programId: d.programs[0]!.id,
    quarter: null,
    communeCode: null,
    plannedClasses: 1,
    plannedLearners: 30,
    notes: '',
  });
  await ok('plans.deleteLine', { id: temp.id });
  await ok('plans.copyYear', { from: d.years[1]!, to: THIS_YEAR + 1 });
  const adjustment = await ok('holidays.addAdjustment', { date: `${THIS_YEAR}-12-31`, kind: 'day_off', name: 'Nghỉ bù (kiểm tra)' });
  await ok('holidays.removeAdjustment', { id: adjustment.id });

  // A class of this year from plan to certificates, online at two sites.
  const start = mondayInNovember();
  const proposal = await ok('classes.propose', { programId: line.programId, startDate: start, cohortNumbering: 'per_year' });
  const cls = await ok('classes.save', {
    programId: line.programId,
    planLineId: line.id,
    cohortNumber: proposal.cohortNumber,
    cohortNumbering: 'per_year',
    name: proposal.name,
    startDate: start,
    endDate: start,
    venueId: null,
    form: 'online',
    homeroomLecturerId: null,
    capacity: 80,
    sites: [
      { place: 'Điểm cầu trung tâm', contact: '' },
      { place: 'Điểm cầu xã', contact: '' },
    ],
    openingDecisionNumber: proposal.nextDecisionNumber,
    openingDecisionDate: start,
  });
  d.openClassId = cls.id;
  const generated = await ok('timetable.generate', { classId: cls.id, startDate: start, halves: ['sang', 'chieu'], lecturerByTopic: {} });
  await ok('timetable.save', { classId: cls.id, sessions: generated.sessions, adjustClassDates: true });
  const fits = await peopleFor(cls.programId, 12);
  const list = await ok('enrollments.add', { classId: cls.id, personIds: fits.slice(0, 10) });
  const freeCell = await cellWithFitPeopleNotIn(cls.id, cls.programId);
  expect(freeCell, 'a Party cell whose members fit the program').not.toBeNull();
  await ok('enrollments.addUnit', { classId: cls.id, unitId: freeCell! });
  const enrolled = (await ok('enrollments.list', { classId: cls.id })).enrollments;
  await ok('enrollments.withdraw', { enrollmentId: enrolled[enrolled.length - 1]!.id, reason: 'Chuyển công tác' });
  await ok('enrollments.setDiscipline', { enrollmentId: list.enrollments[1]!.id, discipline: false, note: '' });
  await ok('enrollments.setSite', { enrollmentIds: list.enrollments.slice(0, 5).map((e) => e.id), site: 'Điểm cầu xã' });
  const grid = await ok('attendance.grid', { classId: cls.id });
  const active = (await ok('enrollments.list', { classId: cls.id })).enrollments.filter((e) => e.status === 'enrolled');
  await ok('attendance.set', {
    classId: cls.id,
    changes: active.flatMap((e) => grid.sessions.map((s) => ({ enrollmentId: e.id, sessionId: s.id, mark: 'present' as const }))),
  });
  const results = await ok('results.grid', { classId: cls.id });
  await ok('results.setScores', {
    classId: cls.id,
    changes: active.flatMap((e) =>
      results.scheme.components.map((_, component) => ({ enrollmentId: e.id, component, attempt: 1 as const, tenths: 80 })),
    ),
  });
  await ok('classes.setStatus', { id: cls.id, status: 'running' });
  await ok('classes.setStatus', { id: cls.id, status: 'finished' });
  const decision = await ok('classes.propose', { programId: cls.programId, startDate: start, cohortNumbering: 'per_year' });
  await ok('results.recognise', { classId: cls.id, decisionNumber: decision.nextDecisionNumber, decisionDate: TODAY });
  const settings = await ok('certificates.settings', {});
  await ok('certificates.saveSettings', { serialPattern: settings.serialPattern, registerPattern: settings.registerPattern });
  // Numbering continued from a paper register: the class's certificates start where the clerk said.
  const next = await ok('certificates.nextNumber', { year: Number(TODAY.slice(0, 4)) });
  await ok('certificates.setNextNumber', { year: next.year, nextSeq: next.nextSeq + 5 });
  const issued = await ok('certificates.issue', { classId: cls.id, issueDate: TODAY, signer: { kind: 'deputy', index: 0 } });
  expect(issued.issued[0]!.seq).toBe(next.nextSeq + 5);
  expect(issued.issued.length).toBe(active.length);
  for (const kind of ['learnerList', 'resultsDecision', 'classSummary'] as const) await ok('documents.pdf', { kind, classId: cls.id });
  // The Word list of a class made through the commands, named as its PDF is.
  const word = await ok('documents.docx', { kind: 'learnerList', classId: cls.id });
  expect(word.fileName).toMatch(/^danh-sach-hoc-vien-.+\.docx$/);

  // Demo certificates: reissued, revoked, verified; nothing left to repair.
  const [toReissue, toRevoke] = d.certificates.filter((c) => c.status === 'valid');
  const reissued = await ok('certificates.reissue', {
    certificateId: toReissue!.id,
    reason: 'Sai ngày sinh',
    issueDate: TODAY,
    signer: { kind: 'director' },
  });
  expect((await ok('certificates.verify', { code: reissued.verificationCode })).status).toBe('genuine');
  const revoked = await ok('certificates.revoke', { certificateId: toRevoke!.id, reason: 'Cấp nhầm người' });
  expect(revoked.status).toBe('revoked');
  const register = await ok('certificates.register', { year: toRevoke!.year });
  expect(register.find((c) => c.id === toRevoke!.id)?.status).toBe('revoked');
  expect(await ok('certificates.repair', { year: toRevoke!.year })).toEqual({ repaired: 0, serials: [], skipped: [] });
  const layout = await ok('certificates.layout', { programId: cls.programId });
  await ok('certificates.saveLayout', { programId: cls.programId, layout: layout.layout });
  const offset = await ok('certificates.offset', {});
  await ok('certificates.saveOffset', offset);
  const job = await ok('certificates.startBatch', { certificateIds: issued.issued.map((c) => c.id), target: 'pdf' });
  let status = await ok('certificates.batchStatus', { jobId: job.jobId });
  for (let i = 0; status.status === 'running' && i < 600; i++) {
    await new Promise((r) => setTimeout(r, 100));
    status = await ok('certificates.batchStatus', { jobId: job.jobId });
  }
  expect(status.status).toBe('done');
  await ok('certificates.cancelBatch', { jobId: job.jobId });
  const other = await otherCentreKeyFile();
  const trusted = await ok('certificates.addTrustedKey', { issuer: 'Trung tâm Chính trị xã bên', fileText: other });
  await ok('certificates.removeTrustedKey', { id: trusted.id });

  // Reports: background preparation, settings, the close of a past year and its roll-up.
  const prepared = await ok('reports.prepare', { period: { kind: 'range', fromYear: d.years[0]!, toYear: THIS_YEAR } });
  if (prepared.jobId) {
    await ok('reports.prepareStatus', { jobId: prepared.jobId });
    await ok('reports.cancelPrepare', { jobId: prepared.jobId });
  } else {
    const started = await ok('reports.prepare', { period: { kind: 'year', year: THIS_YEAR + 1 } });
    expect(started.jobId, 'a period with nothing cached starts a job').not.toBeNull();
  }
  const ages = await ok('reports.settings', {});
  await ok('reports.saveSettings', { ageBounds: ages.ageBounds });
  await ok('reports.closeYear', { year: d.years[0]! });
  const rollup = await ok('reports.exportRollup', { year: d.years[0]! });
  await ok('reports.importRollup', { fileText: Buffer.from(rollup.dataBase64, 'base64').toString('utf8') });
  const centres = (await ok('reports.rollup', { year: d.years[0]! })).centres;
  await ok('reports.removeRollup', { id: centres[0]!.id, reason: 'Nhập thử' });

  // Political-theory levels: a diploma, a group with a target, a nomination with a graduate; then each removed.
  const diploma = await ok('levels.saveDiploma', {
    personId: d.people[0]!,
    level: 'trung_cap',
    school: 'Trường Chính trị tỉnh',
    year: THIS_YEAR,
    number: 'TC-1',
  });
  await ok('levels.deleteDiploma', { id: diploma.id });
  const group = await ok('levels.saveGroup', { name: 'Trưởng thôn', titles: ['Trưởng thôn', 'Trưởng bản'] });
  const target = await ok('levels.saveTarget', { year: THIS_YEAR, groupId: group.id, baseUnitId: null, minLevel: 'so_cap', percent: 80 });
  await ok('levels.deleteTarget', { id: target.id });
  await ok('levels.deleteGroup', { id: group.id });
  const nomination = await ok('levels.saveNomination', {
    year: THIS_YEAR,
    level: 'trung_cap',
    school: 'Trường Chính trị tỉnh',
    course: 'Khóa 45, hệ không tập trung',
    decisionNumber: '12-QĐ/TTCT',
    people: [
      { personId: d.people[1]!, result: 'graduated', diplomaNumber: 'TC-2', diplomaDate: TODAY },
      { personId: d.people[2]!, result: 'studying' },
    ],
  });
  await ok('levels.deleteNomination', { id: nomination.id });

  // Resolution-study sessions: members per base organisation copied from last year, a session with counts, then removed.
  const members = await ok('studies.members', { year: THIS_YEAR });
  await ok('studies.saveMembers', { year: THIS_YEAR, rows: members.rows.map((r) => ({ unitId: r.unitId, members: r.previous ?? 40 })) });
  const study = await ok('studies.save', {
    id: null,
    title: 'Quán triệt nghị quyết',
    date: TODAY,
    form: 'in_person',
    sites: null,
    classId: null,
    note: '',
  });
  await ok('studies.saveCounts', {
    sessionId: study.id,
    rows: members.rows.slice(0, 3).map((r) => ({ unitId: r.unitId, present: 20, expected: null })),
  });
  await ok('studies.remove', { id: study.id, reason: 'Nhập thử' });

  // Backups, and a restore of the one just made (once the report job started above has ended: a restore waits for jobs).
  await expect.poll(() => core.jobs.running(), { timeout: 60_000 }).toBe(0);
  const backup = await ok('backups.create', {});
  await ok('backups.restore', { file: backup.file });
  expect((await ok('app.status', {})).problem).toBeNull();

  // Keys and copies off the PC: the sheet confirmed, a copy to a folder and back, a new key, the recovery screen's unlock.
  await ok('backups.setReminder', { days: 7 });
  await ok('app.chooseFolder', {});
  await ok('app.chooseBackupFile', {});
  const recovery = await ok('protection.recoverySheet', {});
  await ok('protection.recoverySheetPdf', {});
  await ok('protection.confirmRecoveryKey', { groups: recovery.confirmGroups.map((g) => recovery.recoveryKey.split('-')[g - 1]!) });
  const off = await ok('backups.exportOffsite', { folder: fs.mkdtempSync(path.join(os.tmpdir(), 'ttct-usb-')) });
  await ok('backups.restoreFile', { path: off.path });
  await ok('protection.newRecoveryKey', {});
  await ok('protection.unlock', { recoveryKey: (await ok('protection.recoverySheet', {})).recoveryKey });
  expect((await ok('app.status', {})).protection).toMatchObject({ encrypted: true, recoveryKeyPending: true });
}

async function twoPeopleNotInOneClass(): Promise<[number, number]> {
  const rows = core.db
    .prepare(
      `SELECT p.id FROM people p WHERE p.merged_into_id IS NULL AND NOT EXISTS (SELECT 1 FROM enrollments e WHERE e.person_id = p.id)
       AND NOT EXISTS (SELECT 1 FROM certificates c WHERE c.person_id = p.id) ORDER BY p.id LIMIT 2`,
    )
    .all() as { id: number }[];
  return [rows[0]!.id, rows[1]!.id];
}

async function peopleFor(programId: number, n: number): Promise<number[]> {
  const fit = (await ok('programs.get', { id: programId })).fitStatuses;
  const rows = core.db
    .prepare(
      `SELECT id FROM people WHERE merged_into_id IS NULL ${fit.length ? `AND party_status IN (${fit.map(() => '?').join(',')})` : ''} ORDER BY id DESC LIMIT ?`,
    )
    .all(...fit, n) as { id: number }[];
  return rows.map((r) => r.id);
}

/** A cell whose members all fit the program and none of whom is in the class (a whole cell enrols at once). */
async function cellWithFitPeopleNotIn(classId: number, programId: number): Promise<number | null> {
  const fit = (await ok('programs.get', { id: programId })).fitStatuses;
  const row = core.db
    .prepare(
      `SELECT u.id FROM units u WHERE u.kind = 'cell' AND EXISTS (SELECT 1 FROM people p WHERE p.unit_id = u.id AND p.merged_into_id IS NULL)
         AND NOT EXISTS (SELECT 1 FROM people p WHERE p.unit_id = u.id AND p.merged_into_id IS NULL AND (
           p.id IN (SELECT person_id FROM enrollments WHERE class_id = ?)
           ${fit.length ? `OR p.party_status IS NULL OR p.party_status NOT IN (${fit.map(() => '?').join(',')})` : ''}))
       ORDER BY (SELECT count(*) FROM people p WHERE p.unit_id = u.id) LIMIT 1`,
    )
    .get(classId, ...fit) as { id: number } | undefined;
  return row?.id ?? null;
}

function mondayInNovember(): string {
  const d = new Date(Date.UTC(THIS_YEAR, 10, 2));
  while (d.getUTCDay() !== 1) d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

/** Another centre's public key file, as its clerk would send it. */
async function otherCentreKeyFile(): Promise<string> {
  const { generateCentreKeys, publicKeyFileText } = await import('../../electron/core/certificates/signing');
  return publicKeyFileText(generateCentreKeys().publicKeyPem, 'Trung tâm Chính trị xã bên');
}
