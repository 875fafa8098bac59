import type { AppCore } from '../../electron/core/app-core';
import { classWithTimetable, saveCentre, savePerson } from '../fixtures/builders';
import { ok } from './helpers';

/** A class with its timetable and one learner, enough for every document but the results decision. */
export async function smallClass(core: AppCore) {
  await saveCentre(core);
  const c = await classWithTimetable(core, { capacity: null, venue: { name: 'Hội trường trung tâm', address: 'Thôn 3' } });
  const person = await savePerson(core, 'Trần Văn An', { sex: 'nam', birthDate: '1990-04-02', position: 'Đoàn viên' });
  await ok(core, 'enrollments.add', { classId: c.id, personIds: [person.id] });
  return { ...c, personId: person.id };
}
