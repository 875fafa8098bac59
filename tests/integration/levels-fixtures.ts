import type { AppCore } from '../../electron/core/app-core';
import type { Channel, Input, Output } from '../../shared/contract';
import type { PersonInput } from '../../shared/contract/learners';

/**
 * A Sơ cấp class with its results recognised, built through the channels the way a clerk works
 * (shared by the integration and e2e tests of theory levels; each passes its own `ok`).
 */

type Ok = <C extends Channel>(core: AppCore, channel: C, input: Input<C>) => Promise<Output<C>>;

export const blankPerson: PersonInput = {
  familyAndMiddle: '',
  given: '',
  sex: null,
  birthDate: null,
  ethnicityCode: null,
  religion: '',
  homePlace: '',
  communeCode: null,
  workplace: '',
  position: '',
  partyStatus: 'quan_chung',
  admissionDate: null,
  confirmationDate: null,
  unitId: null,
  educationLevel: '',
  theoryLevel: null,
  citizenId: '',
  partyCard: '',
  phone: '',
  notes: '',
};

export async function savePerson(ok: Ok, core: AppCore, name: string, extra: Partial<PersonInput> = {}) {
  const words = name.split(' ');
  return ok(core, 'learners.save', { ...blankPerson, given: words.pop()!, familyAndMiddle: words.join(' '), ...extra });
}

export async function saveCentre(ok: Ok, core: AppCore) {
  await ok(core, 'centre.save', {
    validFrom: '2025-01-01',
    name: 'Trung tâm Chính trị xã Bình Sơn',
    superior: 'Đảng ủy xã Bình Sơn',
    docCode: 'TTCT',
    placeName: 'Bình Sơn',
    address: '',
    phone: '',
    director: { name: 'Nguyễn Văn An', title: 'Giám đốc' },
    deputies: [],
    areaCommunes: [],
    areaPartyOrgs: [],
  });
}

/**
 * «Lớp Sơ cấp lý luận chính trị khóa I năm 2026» (2–13/03/2026), results recognised by decision 09 on
 * 10/03/2026; `scores` gives each person's mark in tenths for all three assessments (≥ 50 passes).
 * The seeded program gives a diploma the app does not issue; `certificate` makes the centre issue its own.
 */
export async function recognisedSoCapClass(
  ok: Ok,
  core: AppCore,
  scores: [number, number][],
  outcome: 'diploma' | 'certificate' = 'diploma',
) {
  const sc = (await ok(core, 'programs.list', { includeArchived: false })).find((p) => p.code === 'SC')!;
  const program = await ok(core, 'programs.get', { id: sc.id });
  // The seeded program has no topics yet; a centre adds its own before the first class.
  const { id: _id, archivedAt: _a, updatedAt: _u, ...rest } = program;
  await ok(core, 'programs.save', { ...rest, id: program.id, outcome, topics: [{ title: 'Chủ nghĩa Mác – Lênin', sessions: 2 }] });
  const hall = await ok(core, 'venues.save', { name: 'Hội trường Trung tâm', address: '', communeCode: null, capacity: 80 });
  const c = await ok(core, 'classes.save', {
    programId: sc.id,
    planLineId: null,
    cohortNumber: 1,
    cohortNumbering: 'per_year',
    name: 'Lớp Sơ cấp lý luận chính trị khóa I năm 2026',
    startDate: '2026-03-02',
    endDate: '2026-03-06',
    venueId: hall.id,
    form: 'full_time',
    homeroomLecturerId: null,
    capacity: 80,
    sites: [],
    openingDecisionNumber: 3,
    openingDecisionDate: '2026-02-20',
  });
  const t = await ok(core, 'timetable.generate', {
    classId: c.id,
    startDate: '2026-03-02',
    halves: ['sang', 'chieu'],
    lecturerByTopic: {},
  });
  await ok(core, 'timetable.save', { classId: c.id, sessions: t.sessions, adjustClassDates: true });
  const list = await ok(core, 'enrollments.add', { classId: c.id, personIds: scores.map(([id]) => id) });
  const grid = await ok(core, 'attendance.grid', { classId: c.id });
  await ok(core, 'attendance.set', {
    classId: c.id,
    changes: list.enrollments.flatMap((e) => grid.sessions.map((s) => ({ enrollmentId: e.id, sessionId: s.id, mark: 'present' as const }))),
  });
  const score = new Map(scores);
  await ok(core, 'results.setScores', {
    classId: c.id,
    changes: list.enrollments.flatMap((e) =>
      [0, 1, 2].map((component) => ({ enrollmentId: e.id, component, attempt: 1 as const, tenths: score.get(e.personId)! })),
    ),
  });
  await ok(core, 'classes.setStatus', { id: c.id, status: 'running' });
  await ok(core, 'classes.setStatus', { id: c.id, status: 'finished' });
  await ok(core, 'results.recognise', { classId: c.id, decisionNumber: 9, decisionDate: '2026-03-10' });
  const enrolmentOf = (personId: number) => list.enrollments.find((e) => e.personId === personId)!.id;
  return { classId: c.id, enrolmentOf };
}
