import type { AppCore } from '../../electron/core/app-core';
import type { ClassInput } from '../../shared/contract/classes';
import { CENTRE } from '../fixtures/builders';
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

export function cls(programId: number, extra: Partial<ClassInput> = {}): ClassInput {
  return {
    programId,
    planLineId: null,
    cohortNumber: 1,
    cohortNumbering: 'per_year',
    name: 'Lớp bồi dưỡng nhận thức về Đảng khóa I năm 2026',
    startDate: '2026-02-12',
    endDate: '2026-02-28',
    venueId: null,
    form: 'full_time',
    homeroomLecturerId: null,
    capacity: 80,
    sites: [],
    openingDecisionNumber: null,
    openingDecisionDate: null,
    ...extra,
  };
}
