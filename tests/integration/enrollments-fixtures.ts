import type { AppCore } from '../../electron/core/app-core';
import { classWithTimetable, saveCentre, savePerson } from '../fixtures/builders';

/** What the enrolment, attendance and results tests start from. */

/** A person in the registry named "Họ đệm Tên", a non-member unless `extra` says otherwise. */
export const person = savePerson;

/** An opened KND class (10 sessions over five days, one essay, 20 % absence allowed) with its timetable saved. */
export async function setup(core: AppCore, capacity: number | null = 80) {
  await saveCentre(core);
  return classWithTimetable(core, { capacity, venue: { name: 'Hội trường trung tâm', address: 'Thôn 3' } });
}
