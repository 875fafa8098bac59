import type { AppCore } from '../../electron/core/app-core';
import { ok } from './helpers';

/** A class with its timetable and one learner, enough for every document but the results decision. */
export async function smallClass(core: AppCore) {
  await ok(core, 'centre.save', {
    validFrom: '2025-07-01',
    name: 'Trung tâm Chính trị xã Đắk Hà',
    superior: 'Đảng ủy xã Đắk Hà',
    docCode: 'TTCT',
    placeName: 'Đắk Hà',
    address: '',
    phone: '',
    director: { name: 'Nguyễn Văn An', title: 'Giám đốc' },
    deputies: [],
    areaCommunes: [],
    areaPartyOrgs: [],
  });
  const knd = (await ok(core, 'programs.list', { includeArchived: false })).find((p) => p.code === 'KND')!;
  const hall = await ok(core, 'venues.save', { name: 'Hội trường trung tâm', address: 'Thôn 3', communeCode: null, capacity: 80 });
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
    capacity: null,
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
  const person = await ok(core, 'learners.save', {
    familyAndMiddle: 'Trần Văn',
    given: 'An',
    sex: 'nam',
    birthDate: '1990-04-02',
    ethnicityCode: null,
    religion: '',
    homePlace: '',
    communeCode: null,
    workplace: '',
    position: 'Đoàn viên',
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
  });
  await ok(core, 'enrollments.add', { classId: c.id, personIds: [person.id] });
  return { ...c, personId: person.id };
}
