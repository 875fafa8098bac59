import path from 'node:path';
import { DOCUMENT_KINDS, DOCX_KINDS, SPREADSHEET_KINDS } from '../../shared/contract/documents';
import { certificateClasses, certificateProgram, ok, stageSamples, sweep, THIS_YEAR, TODAY, type Cases, type Data } from './sweep-calls';

/** The sweep's queries (tests/integration/sweep.test.ts): for each, valid inputs taken from the demo data. */

export const QUERIES = {
  'app.status': () => [{}],
  'backups.list': () => [{}],
  // A backup on this PC, as a clerk may pick one by hand (the off-PC copy is made after the sheet is confirmed, below).
  'backups.inspectFile': async () => [{ path: path.join(sweep.core.backupsDir, (await ok('backups.create', {})).file) }],
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
