import type { AppCore } from '../../electron/core/app-core';
import type { Channel, Input, Output } from '../../shared/contract';
import type { PersonInput } from '../../shared/contract/learners';
import * as builders from '../fixtures/builders';

/**
 * A Sơ cấp class with its results recognised, built through the channels the way a clerk works
 * (shared by the integration and e2e tests of theory levels; each passes its own `ok`).
 */

type Ok = <C extends Channel>(core: AppCore, channel: C, input: Input<C>) => Promise<Output<C>>;

export const blankPerson: PersonInput = builders.blankPerson;

export async function savePerson(_ok: Ok, core: AppCore, name: string, extra: Partial<PersonInput> = {}) {
  return builders.savePerson(core, name, extra);
}

export async function saveCentre(_ok: Ok, core: AppCore) {
  await builders.saveCentre(core, {
    validFrom: '2025-01-01',
    name: 'Trung tâm Chính trị xã Bình Sơn',
    superior: 'Đảng ủy xã Bình Sơn',
    placeName: 'Bình Sơn',
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
  const c = await builders.classWithTimetable(core, {
    program: 'SC',
    name: 'Lớp Sơ cấp lý luận chính trị khóa I năm 2026',
    venue: { name: 'Hội trường Trung tâm', address: '' },
  });
  const enrolled = await builders.recognise(core, c.id, scores, 3);
  const enrolmentOf = (personId: number) => enrolled.find((e) => e.personId === personId)!.id;
  return { classId: c.id, enrolmentOf };
}
