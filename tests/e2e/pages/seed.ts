import type { AppCore } from '../../../electron/core/app-core';
import type { Input } from '../../../shared/contract';
import { ok } from '../../fixtures/builders';
import { classInput } from '../../fixtures/class-input';

/**
 * Records the e2e journeys set up behind the scenes, as the class pages would: the same lecturer, hall and KND
 * class were typed out in several files. (A person: tests/fixtures/builders.ts `personInput`.)
 */

/** Trần Thị Lan, a full-time lecturer of the centre with the lecturer's norms. */
export function saveLecturerLan(core: AppCore) {
  return ok(core, 'lecturers.save', {
    familyAndMiddle: 'Trần Thị',
    given: 'Lan',
    kind: 'chuyen_trach',
    role: 'giang_vien',
    unit: 'Trung tâm Chính trị',
    position: 'Giảng viên',
    phone: '',
    normHours: 120,
    lecturingHours: 90,
  });
}

/** The centre's hall, 80 seats. */
export function saveHall(core: AppCore) {
  return ok(core, 'venues.save', { name: 'Hội trường trung tâm', address: 'Thôn 3, xã Đắk Hà', communeCode: null, capacity: 80 });
}

export function kndProgram(core: AppCore) {
  return programByCode(core, 'KND');
}

export async function programByCode(core: AppCore, code: string) {
  return (await ok(core, 'programs.list', { includeArchived: false })).find((p) => p.code === code)!;
}

type ClassInput = Input<'classes.save'>;

/** A KND class of cohort 1, full-time, 80 seats, not yet opened by decision: `input` says the rest. */
export async function saveKndClass(core: AppCore, input: Partial<ClassInput> & Pick<ClassInput, 'name' | 'startDate' | 'endDate'>) {
  return ok(core, 'classes.save', classInput((await kndProgram(core)).id, input));
}

/** The class's timetable generated from `startDate`, mornings and afternoons, and saved (class dates follow). */
export async function saveTimetable(core: AppCore, classId: number, startDate: string) {
  const t = await ok(core, 'timetable.generate', { classId, startDate, halves: ['sang', 'chieu'], lecturerByTopic: {} });
  return ok(core, 'timetable.save', { classId, sessions: t.sessions, adjustClassDates: true });
}
