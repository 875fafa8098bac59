import type { AppCore } from '../../electron/core/app-core';
import type { PersonInput } from '../../shared/contract/learners';
import { ok } from './helpers';

/** A recognised class to issue certificates for, shared by the certificate integration tests. */

export const blank: PersonInput = {
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

export async function person(core: AppCore, name: string, extra: Partial<PersonInput> = {}) {
  const words = name.split(' ');
  return ok(core, 'learners.save', { ...blank, given: words.pop()!, familyAndMiddle: words.join(' '), ...extra });
}

/** A KND class with results recognised by decision 09 on 10/03/2026: An 8,5, Bảo 6,5 pass; Diệu 4,0 fails. */
export async function recognisedClass(core: AppCore, name = 'Lớp bồi dưỡng nhận thức về Đảng khóa I năm 2026') {
  await ok(core, 'centre.save', {
    validFrom: '2025-07-01',
    name: 'Trung tâm Chính trị xã Đắk Hà',
    superior: 'Đảng ủy xã Đắk Hà',
    docCode: 'TTCT',
    placeName: 'Đắk Hà',
    address: '',
    phone: '',
    director: { name: 'Nguyễn Văn An', title: 'Giám đốc' },
    deputies: [{ name: 'Y Moan Niê', title: 'Phó Giám đốc' }],
    areaCommunes: [],
    areaPartyOrgs: [],
  });
  const knd = (await ok(core, 'programs.list', { includeArchived: false })).find((p) => p.code === 'KND')!;
  const hall = await ok(core, 'venues.save', { name: 'Hội trường', address: '', communeCode: null, capacity: 80 });
  const c = await ok(core, 'classes.save', {
    programId: knd.id,
    planLineId: null,
    cohortNumber: 1,
    cohortNumbering: 'per_year',
    name,
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
  const people = [
    await person(core, 'Trần Văn An', { birthDate: '1990-05-12' }),
    await person(core, 'Lê Văn Bảo', { birthDate: '1995' }),
    await person(core, 'Phan Thị Diệu'),
  ];
  const list = await ok(core, 'enrollments.add', { classId: c.id, personIds: people.map((p) => p.id) });
  const grid = await ok(core, 'attendance.grid', { classId: c.id });
  await ok(core, 'attendance.set', {
    classId: c.id,
    changes: list.enrollments.flatMap((e) => grid.sessions.map((s) => ({ enrollmentId: e.id, sessionId: s.id, mark: 'present' as const }))),
  });
  const score = new Map([
    [people[0]!.id, 85],
    [people[1]!.id, 65],
    [people[2]!.id, 40],
  ]);
  await ok(core, 'results.setScores', {
    classId: c.id,
    changes: list.enrollments.map((e) => ({ enrollmentId: e.id, component: 0, attempt: 1 as const, tenths: score.get(e.personId)! })),
  });
  await ok(core, 'classes.setStatus', { id: c.id, status: 'running' });
  await ok(core, 'classes.setStatus', { id: c.id, status: 'finished' });
  await ok(core, 'results.recognise', { classId: c.id, decisionNumber: 9, decisionDate: '2026-03-10' });
  const eid = (name: string) => list.enrollments.find((e) => e.fullName === name)!.id;
  return { c, people, eid };
}

/** Starts a PDF batch and follows it the way the screen does, until it finishes. */
export async function printBatch(core: AppCore, certificateIds: number[]) {
  const { jobId } = await ok(core, 'certificates.startBatch', { certificateIds, target: 'pdf' });
  for (;;) {
    const status = await ok(core, 'certificates.batchStatus', { jobId });
    if (status.status !== 'running') return status;
    await new Promise((r) => setTimeout(r, 50));
  }
}
