import type { AppCore } from '../../electron/core/app-core';
import type { PersonInput } from '../../shared/contract/learners';
import { CERTIFICATE_LEARNERS } from '../fixtures/personal-data';
import { ok, saveCentreProfile } from './fixtures';

const blank: PersonInput = {
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

/** Six learners with scores; Phan Thị Diệu (4,0) fails, the other five are recognised by decision 09 on 10/03/2026. */
export const LEARNERS: [string, string, number][] = CERTIFICATE_LEARNERS;

export async function recognisedClass(core: AppCore) {
  await saveCentreProfile(core);
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
    name: 'Lớp bồi dưỡng nhận thức về Đảng khóa I năm 2026',
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
  const people = [];
  for (const [name, birthDate] of LEARNERS) {
    const words = name.split(' ');
    people.push(await ok(core, 'learners.save', { ...blank, given: words.pop()!, familyAndMiddle: words.join(' '), birthDate }));
  }
  const list = await ok(core, 'enrollments.add', { classId: c.id, personIds: people.map((p) => p.id) });
  const grid = await ok(core, 'attendance.grid', { classId: c.id });
  await ok(core, 'attendance.set', {
    classId: c.id,
    changes: list.enrollments.flatMap((e) => grid.sessions.map((s) => ({ enrollmentId: e.id, sessionId: s.id, mark: 'present' as const }))),
  });
  const score = new Map(people.map((p, i) => [p.id, LEARNERS[i]![2]]));
  await ok(core, 'results.setScores', {
    classId: c.id,
    changes: list.enrollments.map((e) => ({ enrollmentId: e.id, component: 0, attempt: 1 as const, tenths: score.get(e.personId)! })),
  });
  await ok(core, 'classes.setStatus', { id: c.id, status: 'running' });
  await ok(core, 'classes.setStatus', { id: c.id, status: 'finished' });
  await ok(core, 'results.recognise', { classId: c.id, decisionNumber: 9, decisionDate: '2026-03-10' });
  return c;
}
