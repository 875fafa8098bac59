import type { AppCore } from '../../electron/core/app-core';
import type { PersonInput } from '../../shared/contract/learners';
import { blankPerson, ok, saveCentre } from '../fixtures/builders';
import { cls, oneDayClass } from './class-fixtures';

/** Nothing known about the Party membership unless said. */
const blank: PersonInput = { ...blankPerson, partyStatus: null };

/**
 * Two years of a small centre, whose figures the report tests compute by hand:
 *  - people: An (nữ, Kinh, 1990, quần chúng, Chi bộ thôn 1 → Đảng bộ xã, Ba Đình), Bình (nam, Thái, 1960,
 *    quần chúng, Chi bộ thôn 1, Ba Đình), Cúc (nữ, Thái, 2001, dự bị, Chi bộ Công an → Đảng bộ Công an,
 *    Ngọc Hà), Dũng (nothing known);
 *  - 2025: KND class A (02/03): An 8,5 (Giỏi), Bình 4,0 (not completed); An certified. Plan: KND 2 (Q1).
 *  - 2026: KND class B (02/03): Bình 7,0 (Khá), Cúc 9,5 (Xuất sắc), Dũng 6,0 (Trung bình); Bình and Cúc
 *    certified. DVM class C (05/10): Cúc 8,0 (Giỏi), An 5,5 (Trung bình). KND class D cancelled.
 *    Plan: KND 1 (Q1) + 1 (Q3), DVM 1 (Q4).
 */
export async function reportData(core: AppCore) {
  await saveCentre(core, { validFrom: '2020-01-01' });
  const programs = await ok(core, 'programs.list', { includeArchived: false });
  const knd = programs.find((p) => p.code === 'KND')!;
  const dvm = programs.find((p) => p.code === 'DVM')!;
  const b1 = await ok(core, 'units.save', { name: 'Đảng bộ xã Đắk Hà', kind: 'base', parentId: null, communeCode: null });
  const c1 = await ok(core, 'units.save', { name: 'Chi bộ thôn 1', kind: 'cell', parentId: b1.id, communeCode: null });
  const b2 = await ok(core, 'units.save', { name: 'Đảng bộ Công an xã', kind: 'base', parentId: null, communeCode: null });
  const c2 = await ok(core, 'units.save', { name: 'Chi bộ Công an', kind: 'cell', parentId: b2.id, communeCode: null });
  const person = (familyAndMiddle: string, given: string, extra: Partial<PersonInput>) =>
    ok(core, 'learners.save', { ...blank, familyAndMiddle, given, ...extra });
  const an = await person('Trần Thị', 'An', {
    sex: 'nu',
    birthDate: '1990',
    ethnicityCode: '01',
    partyStatus: 'quan_chung',
    unitId: c1.id,
    communeCode: '00004',
  });
  const binh = await person('Lò Văn', 'Bình', {
    sex: 'nam',
    birthDate: '1960-04-02',
    ethnicityCode: '03',
    partyStatus: 'quan_chung',
    unitId: c1.id,
    communeCode: '00004',
  });
  const cuc = await person('Lò Thị', 'Cúc', {
    sex: 'nu',
    birthDate: '2001-09-09',
    ethnicityCode: '03',
    partyStatus: 'du_bi',
    admissionDate: '2025-12-01',
    unitId: c2.id,
    communeCode: '00008',
  });
  const dung = await person('Phạm Văn', 'Dũng', {});
  const hall = await ok(core, 'venues.save', { name: 'Hội trường', address: '', communeCode: null, capacity: 80 });

  for (const [year, programId, quarter, planned] of [
    [2025, knd.id, 1, 2],
    [2026, knd.id, 1, 1],
    [2026, knd.id, 3, 1],
    [2026, dvm.id, 4, 1],
  ] as const) {
    await ok(core, 'plans.saveLine', {
      year,
      programId,
      quarter,
      communeCode: null,
      plannedClasses: planned,
      plannedLearners: 30,
      notes: '',
    });
  }

  let decision = 1;
  const runClass = async (programId: number, cohort: number, start: string, learners: [number, number][], certify: number[]) => {
    const c = await ok(
      core,
      'classes.save',
      cls(programId, {
        cohortNumber: cohort,
        name: `Lớp ${programId === knd.id ? 'KND' : 'DVM'} khóa ${cohort} năm ${start.slice(0, 4)}`,
        startDate: start,
        endDate: start,
        venueId: hall.id,
        openingDecisionNumber: decision++,
        openingDecisionDate: start,
      }),
    );
    const t = await ok(core, 'timetable.generate', { classId: c.id, startDate: start, halves: ['sang', 'chieu'], lecturerByTopic: {} });
    await ok(core, 'timetable.save', { classId: c.id, sessions: t.sessions, adjustClassDates: true });
    const list = await ok(core, 'enrollments.add', {
      classId: c.id,
      personIds: learners.map(([id]) => id),
      fitOverrideReason: 'Theo danh sách cấp ủy gửi',
    });
    const grid = await ok(core, 'attendance.grid', { classId: c.id });
    await ok(core, 'attendance.set', {
      classId: c.id,
      changes: list.enrollments.flatMap((e) =>
        grid.sessions.map((s) => ({ enrollmentId: e.id, sessionId: s.id, mark: 'present' as const })),
      ),
    });
    const score = new Map(learners);
    await ok(core, 'results.setScores', {
      classId: c.id,
      changes: list.enrollments.map((e) => ({ enrollmentId: e.id, component: 0, attempt: 1 as const, tenths: score.get(e.personId)! })),
    });
    await ok(core, 'classes.setStatus', { id: c.id, status: 'running' });
    await ok(core, 'classes.setStatus', { id: c.id, status: 'finished' });
    const saved = await ok(core, 'classes.get', { id: c.id });
    await ok(core, 'results.recognise', { classId: c.id, decisionNumber: decision++, decisionDate: saved.endDate });
    const eid = (personId: number) => list.enrollments.find((e) => e.personId === personId)!.id;
    if (certify.length > 0) {
      await ok(core, 'certificates.issue', {
        classId: c.id,
        issueDate: saved.endDate,
        signer: { kind: 'director' },
        enrollmentIds: certify.map(eid),
      });
    }
    return { id: c.id, eid };
  };
  const a = await runClass(
    knd.id,
    1,
    '2025-03-03',
    [
      [an.id, 85],
      [binh.id, 40],
    ],
    [an.id],
  );
  const b = await runClass(
    knd.id,
    1,
    '2026-03-02',
    [
      [binh.id, 70],
      [cuc.id, 95],
      [dung.id, 60],
    ],
    [binh.id, cuc.id],
  );
  const c = await runClass(
    dvm.id,
    1,
    '2026-10-05',
    [
      [cuc.id, 80],
      [an.id, 55],
    ],
    [],
  );
  const d = await ok(
    core,
    'classes.save',
    cls(knd.id, { cohortNumber: 2, name: 'Lớp KND khóa 2 năm 2026', startDate: '2026-05-04', endDate: '2026-05-08', venueId: hall.id }),
  );
  await ok(core, 'classes.setStatus', { id: d.id, status: 'cancelled', reason: 'Không đủ học viên' });
  return { knd, dvm, hall, people: { an, binh, cuc, dung }, units: { b1, b2, c1, c2 }, classes: { a, b, c, d } };
}

/**
 * A 2026 class of "Học tập, quán triệt nghị quyết" (NQ), a program without grading, attended and
 * recognised: An, Bình and Dũng complete it with no classification.
 */
export async function ungradedClass(core: AppCore, data: Awaited<ReturnType<typeof reportData>>) {
  const nq = (await ok(core, 'programs.list', { includeArchived: false })).find((p) => p.code === 'NQ')!;
  const start = '2026-06-01';
  const c = await oneDayClass(
    core,
    nq.id,
    { date: start, venueId: data.hall.id, session: 'Quán triệt nghị quyết' },
    { name: 'Lớp học tập nghị quyết khóa 1 năm 2026', openingDecisionNumber: 50, openingDecisionDate: start },
  );
  const { an, binh, dung } = data.people;
  const list = await ok(core, 'enrollments.add', {
    classId: c.id,
    personIds: [an.id, binh.id, dung.id],
    fitOverrideReason: 'Theo danh sách cấp ủy gửi',
  });
  const grid = await ok(core, 'attendance.grid', { classId: c.id });
  await ok(core, 'attendance.set', {
    classId: c.id,
    changes: list.enrollments.flatMap((e) => grid.sessions.map((s) => ({ enrollmentId: e.id, sessionId: s.id, mark: 'present' as const }))),
  });
  await ok(core, 'classes.setStatus', { id: c.id, status: 'running' });
  await ok(core, 'classes.setStatus', { id: c.id, status: 'finished' });
  await ok(core, 'results.recognise', { classId: c.id, decisionNumber: 51, decisionDate: start });
  return { nq, classId: c.id };
}
