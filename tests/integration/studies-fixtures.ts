import type { AppCore } from '../../electron/core/app-core';
import type { PersonInput } from '../../shared/contract/learners';
import { blankPerson, ok, saveCentre } from '../fixtures/builders';
import { oneDayClass } from './class-fixtures';

/** Nothing known about the Party membership unless said. */
const blank: PersonInput = { ...blankPerson, partyStatus: null };

/**
 * A commune centre with four base organisations and one study session of 2026, figured by hand:
 *  - members 2026: Đảng bộ xã 40, Công an 20, Trường 37, Quân sự none;
 *  - the session is linked to an NQ class whose list holds Đảng bộ xã (through its Chi bộ thôn 1):
 *    four enrolled, three present at least once (one only absent), one withdrawn (not counted), and one
 *    person with no unit (counted apart);
 *  - counts typed: Công an 19 (expected empty → its 20 members), Trường 35/37, Quân sự 10 (no expected,
 *    no members: missing).
 * Rates: Đảng bộ xã 3/4 = 75,00%, Trường 35/37 = 94,59%, Công an 19/20 = 95,00%, Quân sự missing;
 * total 57/61 = 93,44%, one organisation missing.
 */
export async function studyData(core: AppCore) {
  await saveCentre(core, { validFrom: '2020-01-01' });
  const unit = (name: string, kind: 'base' | 'cell', parentId: number | null = null) =>
    ok(core, 'units.save', { name, kind, parentId, communeCode: null });
  const xa = await unit('Đảng bộ xã Đắk Hà', 'base');
  const thon1 = await unit('Chi bộ thôn 1', 'cell', xa.id);
  const congAn = await unit('Đảng bộ Công an xã', 'base');
  const truong = await unit('Đảng bộ Trường THCS Lê Lợi', 'base');
  const quanSu = await unit('Đảng bộ Quân sự xã', 'base');

  const nq = (await ok(core, 'programs.list', { includeArchived: false })).find((p) => p.code === 'NQ')!;
  const hall = await ok(core, 'venues.save', { name: 'Hội trường Đảng ủy xã', address: '', communeCode: null, capacity: 200 });
  const start = '2026-03-05';
  const cls = await oneDayClass(
    core,
    nq.id,
    { date: start, venueId: hall.id, session: 'Quán triệt Nghị quyết Đại hội XIV' },
    { name: 'Lớp học tập Nghị quyết Đại hội XIV năm 2026', capacity: 200, openingDecisionNumber: 5, openingDecisionDate: '2026-03-01' },
  );
  const person = (familyAndMiddle: string, given: string, unitId: number | null) =>
    ok(core, 'learners.save', { ...blank, familyAndMiddle, given, partyStatus: 'chinh_thuc', unitId });
  const listed = [
    await person('Trần Văn', 'An', thon1.id),
    await person('Lê Thị', 'Bình', thon1.id),
    await person('Phạm Văn', 'Cường', xa.id),
    await person('Hoàng Thị', 'Dung', thon1.id),
    await person('Võ Văn', 'Em', thon1.id),
    await person('Đinh Thị', 'Giang', null),
  ];
  const list = await ok(core, 'enrollments.add', {
    classId: cls.id,
    personIds: listed.map((p) => p.id),
    fitOverrideReason: 'Theo danh sách cấp ủy gửi',
  });
  const eid = (personId: number) => list.enrollments.find((e) => e.personId === personId)!.id;
  const grid = await ok(core, 'attendance.grid', { classId: cls.id });
  const sessionId = grid.sessions[0]!.id;
  // An, Bình, Cường present; Dung absent; Em withdrawn; Giang (no unit) present.
  await ok(core, 'attendance.set', {
    classId: cls.id,
    changes: [
      ...[listed[0]!, listed[1]!, listed[2]!, listed[5]!].map((p) => ({ enrollmentId: eid(p.id), sessionId, mark: 'present' as const })),
      { enrollmentId: eid(listed[3]!.id), sessionId, mark: 'unexcused' as const },
    ],
  });
  await ok(core, 'enrollments.withdraw', { enrollmentId: eid(listed[4]!.id), reason: 'Chuyển công tác' });

  await ok(core, 'studies.saveMembers', {
    year: 2026,
    rows: [
      { unitId: xa.id, members: 40 },
      { unitId: congAn.id, members: 20 },
      { unitId: truong.id, members: 37 },
      { unitId: quanSu.id, members: null },
    ],
  });
  const session = await ok(core, 'studies.save', {
    id: null,
    title: 'Hội nghị học tập, quán triệt Nghị quyết Đại hội XIV của Đảng',
    date: start,
    form: 'online',
    sites: 25,
    classId: cls.id,
    note: '',
  });
  return { units: { xa, thon1, congAn, truong, quanSu }, classId: cls.id, sessionId: session.id, people: listed };
}

export type StudyData = Awaited<ReturnType<typeof studyData>>;

/** The counts typed for the organisations the class list does not cover: Công an 19, Trường 35 of 37, Quân sự 10. */
const TYPED_COUNTS = {
  congAn: { present: 19, expected: null },
  truong: { present: 35, expected: 37 },
  quanSu: { present: 10, expected: null },
};

/** Types the counts of TYPED_COUNTS for the session, of the organisations `units` (all three unless said). */
export function typeCounts(core: AppCore, f: StudyData, units: (keyof typeof TYPED_COUNTS)[] = ['congAn', 'truong', 'quanSu']) {
  return ok(core, 'studies.saveCounts', {
    sessionId: f.sessionId,
    rows: units.map((unit) => ({ unitId: f.units[unit].id, ...TYPED_COUNTS[unit] })),
  });
}

/** A second session of 2026 (10/09, in person), with no class list and nothing counted yet. */
export function secondSession(core: AppCore) {
  return ok(core, 'studies.save', {
    id: null,
    title: 'Học tập chuyên đề năm 2026',
    date: '2026-09-10',
    form: 'in_person',
    sites: null,
    classId: null,
    note: '',
  });
}
