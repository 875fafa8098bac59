import { ok, startCore } from './helpers';
import { recognisedSoCapClass, saveCentre, savePerson } from './levels-fixtures';

/** The theory-levels fixture of levels.test.ts (described there), shared with the other levels tests. Today is 15/06/2026. */

export const NOW = () => new Date('2026-06-15T03:00:00Z');

export async function fixture(outcome: 'diploma' | 'certificate' = 'diploma') {
  const core = await startCore(undefined, NOW);
  await saveCentre(ok, core);
  const binhSon = await ok(core, 'units.save', { name: 'Đảng bộ xã Bình Sơn', kind: 'base', parentId: null, communeCode: '21040' });
  const thon1 = await ok(core, 'units.save', { name: 'Chi bộ thôn 1', kind: 'cell', parentId: binhSon.id, communeCode: null });
  const anPhu = await ok(core, 'units.save', { name: 'Đảng bộ xã An Phú', kind: 'base', parentId: null, communeCode: '21034' });
  const member = { partyStatus: 'chinh_thuc' as const, admissionDate: '2000-01-01' };
  const an = await savePerson(ok, core, 'Trần Văn An', {
    ...member,
    position: 'Bí thư Đảng ủy xã',
    unitId: thon1.id,
    theoryLevel: 'trung_cap',
    birthDate: '1970',
  });
  const binh = await savePerson(ok, core, 'Lê Thị Bình', {
    ...member,
    position: 'Chủ tịch UBND xã',
    unitId: anPhu.id,
    theoryLevel: 'so_cap',
    birthDate: '1975-03-02',
  });
  const cuong = await savePerson(ok, core, 'Phạm Văn Cường', {
    partyStatus: 'du_bi',
    admissionDate: '2025-06-01',
    position: 'Phó Chủ tịch HĐND xã, Chủ tịch Hội Nông dân',
    unitId: thon1.id,
    theoryLevel: 'none',
    birthDate: '1975-03',
  });
  const dung = await savePerson(ok, core, 'Hoàng Thị Dung', {
    ...member,
    position: 'Phó Bí thư chi bộ thôn 2',
    unitId: thon1.id,
    birthDate: '1990-01-01',
  });
  const em = await savePerson(ok, core, 'Vũ Văn Em', { position: 'Chủ tịch Hội Nông dân xã', birthDate: '1980' });
  const giang = await savePerson(ok, core, 'Đỗ Thị Giang', {
    partyStatus: 'chinh_thuc',
    admissionDate: '2026-02-01',
    position: 'Bí thư chi bộ thôn 1',
    unitId: thon1.id,
    birthDate: '1992',
  });
  const ha = await savePerson(ok, core, 'Ngô Văn Hà', { ...member, position: 'Đảng viên', unitId: thon1.id, theoryLevel: 'so_cap' });
  // Records from before levels were dated: what they declare counts in every year (a level written now counts from today).
  core.db.prepare('UPDATE people SET theory_level_since = NULL').run();
  const sc = await recognisedSoCapClass(
    ok,
    core,
    [
      [dung.id, 80],
      [giang.id, 40],
    ],
    outcome,
  );
  await ok(core, 'levels.saveDiploma', {
    personId: cuong.id,
    level: 'cao_cap',
    school: 'Học viện Chính trị khu vực III',
    year: 2024,
    number: 'CC-0457',
  });
  await ok(core, 'levels.saveNomination', {
    year: 2025,
    level: 'trung_cap',
    school: 'Trường Chính trị tỉnh',
    course: 'Khóa 45, hệ không tập trung',
    decisionNumber: '112-QĐ/ĐU',
    decisionDate: '2025-03-01',
    people: [
      { personId: binh.id, result: 'graduated', diplomaNumber: 'TC-123', diplomaDate: '2026-05-20' },
      { personId: giang.id, result: 'studying' },
    ],
  });
  const groups = await ok(core, 'levels.groups', {});
  const chuChot = groups.find((g) => g.name === 'Cán bộ chủ chốt cấp xã')!;
  for (const year of [2025, 2026]) {
    await ok(core, 'levels.saveTarget', { year, groupId: chuChot.id, baseUnitId: null, minLevel: 'trung_cap', percent: 100 });
    await ok(core, 'levels.saveTarget', { year, groupId: null, baseUnitId: binhSon.id, minLevel: 'so_cap', percent: 90 });
  }
  return { core, units: { binhSon, thon1, anPhu }, people: { an, binh, cuong, dung, em, giang, ha }, sc, chuChot };
}

export const levels = (none: number, so_cap: number, trung_cap: number, cao_cap: number, cu_nhan: number) => ({
  none,
  so_cap,
  trung_cap,
  cao_cap,
  cu_nhan,
});
