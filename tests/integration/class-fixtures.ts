import type { AppCore } from '../../electron/core/app-core';
import type { ClassInput } from '../../shared/contract/classes';
import { CENTRE } from '../fixtures/builders';
import { classInput } from '../fixtures/class-input';
import { ok } from './helpers';

/** A centre profile, the KND program, two lecturers (Ba, Bốn) and two venues: what a class needs. */
export async function setup(core: AppCore) {
  await ok(core, 'centre.save', CENTRE);
  const programs = await ok(core, 'programs.list', { includeArchived: false });
  const knd = programs.find((p) => p.code === 'KND')!;
  const lecturer = (given: string, norm: number | null = 120) =>
    ok(core, 'lecturers.save', {
      familyAndMiddle: 'Trần Văn',
      given,
      kind: 'chuyen_trach',
      role: 'giang_vien',
      unit: 'Trung tâm',
      position: 'Giảng viên',
      phone: '',
      normHours: norm,
      lecturingHours: norm === null ? null : Math.min(norm, 90),
    });
  const a = await lecturer('Ba');
  const b = await lecturer('Bốn');
  const hall = await ok(core, 'venues.save', { name: 'Hội trường trung tâm', address: 'Thôn 3', communeCode: null, capacity: 80 });
  const room = await ok(core, 'venues.save', { name: 'Phòng học số 2', address: '', communeCode: null, capacity: 40 });
  return { knd, a, b, hall, room };
}

/** `classInput` of ../fixtures/class-input, by default «Lớp bồi dưỡng nhận thức về Đảng khóa I năm 2026» (12–28/02/2026). */
export function cls(programId: number, extra: Partial<ClassInput> = {}): ClassInput {
  return classInput(programId, {
    name: 'Lớp bồi dưỡng nhận thức về Đảng khóa I năm 2026',
    startDate: '2026-02-12',
    endDate: '2026-02-28',
    ...extra,
  });
}

/**
 * `cls`: a class held on one day, `date`, in the venue `venueId`, its timetable the one morning session of 4 periods
 * `session` (no topic, no lecturer) saved as is. `extra` names the class and says the rest.
 */
export async function oneDayClass(
  core: AppCore,
  programId: number,
  day: { date: string; venueId: number; session: string },
  extra: Partial<ClassInput> & Pick<ClassInput, 'name'>,
) {
  const { date, venueId, session } = day;
  const c = await ok(core, 'classes.save', cls(programId, { startDate: date, endDate: date, venueId, ...extra }));
  await ok(core, 'timetable.save', {
    classId: c.id,
    sessions: [{ date, half: 'sang', topicId: null, title: session, lecturerId: null, venueId, periods: 4 }],
    adjustClassDates: false,
  });
  return c;
}
