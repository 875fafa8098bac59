import { describe, expect, it } from 'vitest';
import { scopePeople } from '../../electron/core/levels/store';
import { levelReportWording } from '../../electron/core/levels/level-wording';
import { truncatedShare } from '../../shared/domain/shares';
import { ok } from './helpers';
import { blankPerson, savePerson } from './levels-fixtures';
import { fixture, levels } from './levels-world';

/**
 * The review of the levels capability: merged organisations and people, the level written on a record
 * counted from the day it was written, one row per organisation, truncated shares, and who the report
 * reads. Today is 15/06/2026; the fixture is described in levels.test.ts.
 */

const sinceOf = (core: Awaited<ReturnType<typeof fixture>>['core'], id: number) =>
  (core.db.prepare('SELECT theory_level_since AS d FROM people WHERE id = ?').get(id) as { d: string | null }).d;

describe('political-theory levels after review', () => {
  it('moves a merged organisation’s targets to the one kept, dropping a duplicate, and counts them there', async () => {
    const { core, units, chuChot } = await fixture();
    // An Phú's own targets for 2026: one new to Bình Sơn, one Bình Sơn already has (members, sơ cấp).
    const own = await ok(core, 'levels.saveTarget', {
      year: 2026,
      groupId: chuChot.id,
      baseUnitId: units.anPhu.id,
      minLevel: 'cao_cap',
      percent: 50,
    });
    const dup = await ok(core, 'levels.saveTarget', {
      year: 2026,
      groupId: null,
      baseUnitId: units.anPhu.id,
      minLevel: 'so_cap',
      percent: 60,
    });
    await ok(core, 'units.merge', { fromId: units.anPhu.id, intoId: units.binhSon.id, date: '2026-06-01' });
    const targets = await ok(core, 'levels.targets', { year: 2026 });
    expect(targets.map((t) => [t.id, t.baseUnitName, t.minLevel, t.percent])).toEqual([
      [targets[0]!.id, null, 'trung_cap', 100],
      [targets[1]!.id, 'Đảng bộ xã Bình Sơn', 'so_cap', 90],
      [own.id, 'Đảng bộ xã Bình Sơn', 'cao_cap', 50],
    ]);
    const audit = core.db
      .prepare("SELECT action, reason FROM audit_log WHERE entity = 'theory_target' AND entity_id = ? ORDER BY id")
      .all(String(dup.id));
    expect(audit).toEqual([
      { action: 'create', reason: null },
      { action: 'delete', reason: 'Sáp nhập: tổ chức được giữ đã có chỉ tiêu này (90%)' },
    ]);
    // Chủ chốt in Bình Sơn now: An (trung cấp), Bình (trung cấp, moved from An Phú), Cường (cao cấp) → 1 of 3 at cao cấp.
    const report = await ok(core, 'levels.report', { year: 2026 });
    expect(report.targets[2]!.total).toMatchObject({ people: 3, levels: levels(0, 0, 2, 1, 0), achieved: 1, share: 0.3333, gap: 1 });
    // A target still naming the merged organisation (written before this rule) counts the organisation it became.
    core.db.prepare('UPDATE theory_targets SET base_unit_id = ? WHERE id = ?').run(units.anPhu.id, own.id);
    const again = await ok(core, 'levels.report', { year: 2026 });
    expect(again.targets[2]!).toMatchObject({ baseUnitName: 'Đảng bộ xã Bình Sơn', total: { people: 3, achieved: 1 } });
  });

  it('counts a level written on the record from the day it was written, and shows that day', async () => {
    const { core, units, people } = await fixture();
    // Written today: trung cấp from 15/06/2026, so still «none» at the end of 2025.
    const lan = await savePerson(ok, core, 'Lý Thị Lan', {
      partyStatus: 'chinh_thuc',
      admissionDate: '2000-01-01',
      position: 'Chủ tịch UBND xã',
      unitId: units.binhSon.id,
      theoryLevel: 'trung_cap',
    });
    expect(sinceOf(core, lan.id)).toBe('2026-06-15');
    const history = await ok(core, 'levels.history', { personId: lan.id });
    expect([history.current, history.entries]).toMatchObject([
      'trung_cap',
      [{ source: 'declared', level: 'trung_cap', date: '2026-06-15' }],
    ]);
    const t1of = async (year: number) => (await ok(core, 'levels.report', { year })).targets[0]!.total;
    expect(await t1of(2025)).toMatchObject({ people: 4, achieved: 2, levels: levels(1, 1, 1, 1, 0) });
    expect(await t1of(2026)).toMatchObject({ people: 4, achieved: 4, levels: levels(0, 0, 3, 1, 0) });
    // Editing something else keeps a record's day (and keeps an old record undated); changing the level moves it.
    const anInput = {
      ...blankPerson,
      familyAndMiddle: 'Trần Văn',
      given: 'An',
      birthDate: '1970',
      partyStatus: 'chinh_thuc' as const,
      admissionDate: '2000-01-01',
      position: 'Bí thư Đảng ủy xã',
      unitId: units.thon1.id,
    };
    await ok(core, 'learners.save', { ...anInput, id: people.an.id, theoryLevel: 'trung_cap', phone: '0912345678' });
    expect(sinceOf(core, people.an.id)).toBeNull();
    await ok(core, 'learners.save', { ...anInput, id: people.an.id, theoryLevel: 'cao_cap' });
    expect(sinceOf(core, people.an.id)).toBe('2026-06-15');
    await ok(core, 'learners.save', { ...anInput, id: people.an.id, theoryLevel: null });
    expect(sinceOf(core, people.an.id)).toBeNull();
  });

  it('counts the level written on a merged-away record for the record kept', async () => {
    const { core, people } = await fixture();
    // Dung's twin declared cao cấp on an old record; Dung's own record has no level (only the centre's sơ cấp).
    const twin = await savePerson(ok, core, 'Hoàng Thị Dung', { birthDate: '1990-01-01', theoryLevel: 'cao_cap' });
    core.db.prepare('UPDATE people SET theory_level_since = NULL WHERE id = ?').run(twin.id);
    await ok(core, 'learners.merge', { keepId: people.dung.id, removeId: twin.id });
    // The merge copies the level onto the kept record today; the twin's undated level still counts before that.
    core.db.prepare('UPDATE people SET theory_level = NULL, theory_level_since = NULL WHERE id = ?').run(people.dung.id);
    const kept = await ok(core, 'levels.history', { personId: people.dung.id });
    expect([kept.current, kept.entries.map((e) => [e.source, e.level, e.date])]).toEqual([
      'cao_cap',
      [
        ['centre', 'so_cap', '2026-03-10'],
        ['declared', 'cao_cap', null],
      ],
    ]);
    // T2 of 2025 (members of Bình Sơn): Dung now counts at cao cấp — 4 of 4 members then reach sơ cấp.
    const t2 = (await ok(core, 'levels.report', { year: 2025 })).targets[1]!;
    expect(t2.total).toMatchObject({ people: 4, levels: levels(0, 1, 1, 2, 0), achieved: 4 });
  });

  it('puts a whole organisation under «Chưa rõ xã, phường» when it has no commune', async () => {
    const { core } = await fixture();
    const police = await ok(core, 'units.save', { name: 'Đảng bộ Công an xã', kind: 'base', parentId: null, communeCode: null });
    for (const [name, commune] of [
      ['Mai Văn Tâm', '21040'],
      ['Cao Thị Yến', '21034'],
      ['Đinh Văn Sơn', null],
    ] as const) {
      await savePerson(ok, core, name, {
        partyStatus: 'chinh_thuc',
        admissionDate: '2010-01-01',
        position: 'Đảng viên',
        unitId: police.id,
        communeCode: commune,
      });
    }
    await ok(core, 'levels.saveTarget', { year: 2026, groupId: null, baseUnitId: police.id, minLevel: 'so_cap', percent: 50 });
    const rows = (await ok(core, 'levels.report', { year: 2026 })).targets[2]!.rows;
    expect(rows.map((r) => [r.communeName, r.baseUnitName, r.people])).toEqual([['Chưa rõ xã, phường', 'Đảng bộ Công an xã', 3]]);
  });

  it('truncates shares, never rounding one up to a target not reached', async () => {
    expect([
      truncatedShare(29_999, 30_000),
      truncatedShare(18_999, 20_000),
      truncatedShare(2, 3),
      truncatedShare(1, 1),
      truncatedShare(0, 0),
    ]).toEqual([0.9999, 0.9499, 0.6666, 1, null]);
    const { core } = await fixture();
    // T1 of 2025: 2 of 3 → 66,66% (rounding would print 66,67%).
    const report = await ok(core, 'levels.report', { year: 2025 });
    expect(report.targets[0]!.total.share).toBe(0.6666);
    const wording = levelReportWording(report, { superior: 'Đảng ủy xã Bình Sơn' } as Parameters<typeof levelReportWording>[1]);
    expect(wording.targets[0]!.verdict).toContain('(66,66%)');
  });

  it('reads only the people the targets can concern', async () => {
    const { core } = await fixture();
    const read = (withPositions: boolean) => [...scopePeople(core.db, withPositions)].map((p) => p.id).length;
    // Members: An, Bình, Cường, Dung, Giang, Hà; with positions also Em (quần chúng, Chủ tịch Hội Nông dân xã).
    await savePerson(ok, core, 'Người Không Liên Quan', {});
    expect([read(false), read(true)]).toEqual([6, 7]);
  });
});
