import { describe, expect, it } from 'vitest';
import { invoke, ok } from './helpers';
import { savePerson } from './levels-fixtures';
import { fixture, levels } from './levels-world';
import { refusal } from '../fixtures/builders';

/**
 * Theory levels against a fixture computed by hand. Today is 15/06/2026.
 *
 * Units: Đảng bộ xã Bình Sơn (commune 21040) with Chi bộ thôn 1 under it; Đảng bộ xã An Phú (21034).
 * People (position; status; unit; declared level; what happens):
 *  An     Bí thư Đảng ủy xã                 chính thức  thôn 1 (Bình Sơn)  trung cấp
 *  Bình   Chủ tịch UBND xã                  chính thức  An Phú             sơ cấp; graduates trung cấp 20/05/2026 (nominated 2025)
 *  Cường  Phó Chủ tịch HĐND xã, Chủ tịch …  dự bị       thôn 1             none; external cao cấp diploma, year 2024 (no date)
 *  Dung   Phó Bí thư chi bộ thôn 2          chính thức  thôn 1             —; completes Sơ cấp at the centre (recognised 10/03/2026)
 *  Em     Chủ tịch Hội Nông dân xã          quần chúng  —                  —; no position group matches
 *  Giang  Bí thư chi bộ thôn 1              chính thức (admitted 01/02/2026) thôn 1; fails the Sơ cấp class; nominated 2025, still studying
 *  Hà     Đảng viên                         chính thức  thôn 1             sơ cấp
 * Targets (2025 and 2026 alike): T1 «Cán bộ chủ chốt cấp xã», all units, trung cấp, 100%;
 *                                T2 all Party members, Đảng bộ xã Bình Sơn, sơ cấp, 90%.
 */

describe('political-theory levels', () => {
  it('keeps each person’s history and the level as of today', async () => {
    const { core, people, sc } = await fixture('certificate');
    const dung = await ok(core, 'levels.history', { personId: people.dung.id });
    expect(dung.current).toBe('so_cap');
    expect(dung.entries).toMatchObject([{ source: 'centre', level: 'so_cap', date: '2026-03-10', diplomaNumber: null }]);
    expect(dung.entries[0]!.where).toBe('Lớp Sơ cấp lý luận chính trị khóa I năm 2026 (kết quả công nhận tại Quyết định số 09-QĐ/TTCT)');

    const binh = await ok(core, 'levels.history', { personId: people.binh.id });
    expect(binh.current).toBe('trung_cap');
    expect(binh.entries.map((e) => [e.source, e.level, e.date, e.diplomaNumber])).toEqual([
      ['provincial', 'trung_cap', '2026-05-20', 'TC-123'],
      ['declared', 'so_cap', null, null],
    ]);
    const cuong = await ok(core, 'levels.history', { personId: people.cuong.id });
    expect([cuong.current, cuong.entries.map((e) => [e.source, e.level, e.date])]).toEqual([
      'cao_cap',
      [
        ['external', 'cao_cap', '2024'],
        ['declared', 'none', null],
      ],
    ]);
    // Nominated but still studying: in the history, raising nothing.
    const giang = await ok(core, 'levels.history', { personId: people.giang.id });
    expect(giang.current).toBe('none');
    expect(giang.entries).toMatchObject([{ source: 'provincial', level: 'trung_cap', date: null, note: 'Được cử đi học — đang học' }]);

    // The diploma number is the certificate issued for the enrolment.
    const { issued } = await ok(core, 'certificates.issue', { classId: sc.classId, issueDate: '2026-03-12', signer: { kind: 'director' } });
    expect(issued).toHaveLength(1);
    const withNumber = await ok(core, 'levels.history', { personId: people.dung.id });
    expect(withNumber.entries[0]!.diplomaNumber).toBe(issued[0]!.serial);
  });

  it('falls back when a recognised Sơ cấp result is corrected', async () => {
    const { core, people, sc } = await fixture();
    const enrollmentId = sc.enrolmentOf(people.dung.id);
    await ok(core, 'results.setScores', {
      classId: sc.classId,
      reason: 'Nhập nhầm điểm',
      changes: [0, 1, 2].map((component) => ({ enrollmentId, component, attempt: 1 as const, tenths: 30 })),
    });
    const after = await ok(core, 'levels.history', { personId: people.dung.id });
    expect([after.current, after.entries]).toEqual(['none', []]);
  });

  it('brings a merged-away record’s diploma to the record kept, and refuses a new one on the merged-away record', async () => {
    const { core, people } = await fixture();
    const twin = await savePerson(ok, core, 'Hoàng Thị Dung', { birthDate: '1990-01-01' });
    await ok(core, 'levels.saveDiploma', {
      personId: twin.id,
      level: 'cu_nhan',
      school: 'Học viện Chính trị quốc gia Hồ Chí Minh',
      year: 2020,
      number: 'CN-7',
    });
    await ok(core, 'learners.merge', { keepId: people.dung.id, removeId: twin.id });
    const kept = await ok(core, 'levels.history', { personId: people.dung.id });
    expect([kept.current, kept.entries.map((e) => [e.source, e.level])]).toEqual([
      'cu_nhan',
      [
        ['centre', 'so_cap'],
        ['external', 'cu_nhan'],
      ],
    ]);
    // T2 (members of Bình Sơn, sơ cấp 90%): the merged-away record is not counted twice; Dung now holds cử nhân.
    const t2 = (await ok(core, 'levels.report', { year: 2026 })).targets[1]!;
    expect(t2.total).toMatchObject({ people: 5, levels: levels(1, 1, 1, 1, 1), achieved: 4 });
    expect(
      await invoke(core, 'levels.saveDiploma', { personId: twin.id, level: 'so_cap', school: 'Trường khác', year: 2021, number: '' }),
    ).toMatchObject({
      ok: false,
      error: { fields: { personId: 'Hồ sơ đã được gộp' } },
    });
  });

  it('reports 2026 as of today, against the targets', async () => {
    const { core } = await fixture();
    const r = await ok(core, 'levels.report', { year: 2026 });
    expect(r.asOf).toBe('2026-06-15');
    const [t1, t2] = r.targets;
    // T1: An (trung cấp) and Cường (cao cấp) in Bình Sơn; Bình (trung cấp since 20/05/2026) in An Phú. Em's position matches no group.
    expect(t1!.rows).toEqual([
      {
        communeName: 'Xã An Phú',
        baseUnitName: 'Đảng bộ xã An Phú',
        people: 1,
        levels: levels(0, 0, 1, 0, 0),
        achieved: 1,
        share: 1,
        gap: 0,
      },
      {
        communeName: 'Xã Bình Sơn',
        baseUnitName: 'Đảng bộ xã Bình Sơn',
        people: 2,
        levels: levels(0, 0, 1, 1, 0),
        achieved: 2,
        share: 1,
        gap: 0,
      },
    ]);
    expect(t1!.total).toMatchObject({ people: 3, achieved: 3, gap: 0 });
    // T2: An, Cường, Dung (sơ cấp from the centre), Giang (none: failed), Hà → 4 of 5 = 80%; 90% of 5 = 4,5 → 5 needed, gap 1.
    expect(t2!.rows).toEqual([
      {
        communeName: 'Xã Bình Sơn',
        baseUnitName: 'Đảng bộ xã Bình Sơn',
        people: 5,
        levels: levels(1, 2, 1, 1, 0),
        achieved: 4,
        share: 0.8,
        gap: 1,
      },
    ]);
    expect(t2!.scopeLabel).toBe('Đảng viên (Đảng bộ xã Bình Sơn): 90% có trình độ sơ cấp trở lên');
    expect(r.nominations).toEqual([]);
  });

  it('reports 2025 as of 31/12/2025: before the Sơ cấp class, the graduation and Giang’s admission', async () => {
    const { core } = await fixture();
    const r = await ok(core, 'levels.report', { year: 2025 });
    expect(r.asOf).toBe('2025-12-31');
    const [t1, t2] = r.targets;
    // Bình was still sơ cấp: 2 of 3; 100% of 3 → gap 1, all of it in An Phú.
    expect(t1!.rows.map((row) => [row.baseUnitName, row.people, row.achieved, row.share, row.gap])).toEqual([
      ['Đảng bộ xã An Phú', 1, 0, 0, 1],
      ['Đảng bộ xã Bình Sơn', 2, 2, 1, 0],
    ]);
    expect(t1!.total).toMatchObject({ people: 3, achieved: 2, gap: 1, levels: levels(0, 1, 1, 1, 0) });
    // Members then: An, Cường, Dung (none yet), Hà → 3 of 4 = 75%; 90% of 4 = 3,6 → 4 needed, gap 1.
    expect(t2!.total).toEqual({
      communeName: 'Cộng',
      baseUnitName: '',
      people: 4,
      levels: levels(1, 1, 1, 1, 0),
      achieved: 3,
      share: 0.75,
      gap: 1,
    });
    expect(r.nominations).toHaveLength(1);
    expect(r.nominations[0]!.people.map((p) => [p.fullName, p.result, p.baseUnitName])).toEqual([
      ['Lê Thị Bình', 'graduated', 'Đảng bộ xã An Phú'],
      ['Đỗ Thị Giang', 'studying', 'Đảng bộ xã Bình Sơn'],
    ]);
  });

  it('refuses a target over 100%, an unknown group or unit, and a duplicate, writing nothing', async () => {
    const { core, units, chuChot } = await fixture();
    const count = () => (core.db.prepare('SELECT count(*) AS n FROM theory_targets').get() as { n: number }).n;
    const audits = () => (core.db.prepare('SELECT count(*) AS n FROM audit_log').get() as { n: number }).n;
    const before = [count(), audits()];
    const over = await invoke(core, 'levels.saveTarget', { year: 2026, groupId: null, baseUnitId: null, minLevel: 'so_cap', percent: 101 });
    expect(over).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', fields: { percent: 'Tỷ lệ là số nguyên từ 0 đến 100' } } });
    const below = await invoke(core, 'levels.saveTarget', { year: 2026, groupId: null, baseUnitId: null, minLevel: 'so_cap', percent: -1 });
    expect(below).toMatchObject({ ok: false, error: { fields: { percent: 'Tỷ lệ là số nguyên từ 0 đến 100' } } });
    const unknown = await invoke(core, 'levels.saveTarget', {
      year: 2026,
      groupId: 9999,
      baseUnitId: units.thon1.id,
      minLevel: 'so_cap',
      percent: 50,
    });
    expect(unknown).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', fields: { groupId: 'Không có nhóm chức vụ này', baseUnitId: 'Không có tổ chức cơ sở đảng này' } },
    });
    const duplicate = await invoke(core, 'levels.saveTarget', {
      year: 2026,
      groupId: chuChot.id,
      baseUnitId: null,
      minLevel: 'trung_cap',
      percent: 80,
    });
    expect(duplicate).toMatchObject({ ok: false, error: { fields: { minLevel: 'Trùng với chỉ tiêu đã có' } } });
    expect([count(), audits()]).toEqual(before);
  });

  it('refuses a diploma dated before birth or in the future, or without a school, writing nothing', async () => {
    const { core, people } = await fixture();
    const count = () => (core.db.prepare('SELECT count(*) AS n FROM theory_diplomas').get() as { n: number }).n;
    const before = count();
    const diploma = { personId: people.binh.id, level: 'trung_cap' as const, school: 'Trường Chính trị tỉnh', year: 1975, number: '' };
    // Born 02/03/1975: the same year is fine by year, but not a day in February.
    expect(await refusal(core, 'levels.saveDiploma', { ...diploma, year: 1974 })).toMatchObject({
      code: 'INVALID_INPUT',
      fields: { year: 'Năm cấp bằng trước năm sinh (02/03/1975)' },
    });
    expect(await refusal(core, 'levels.saveDiploma', { ...diploma, issueDate: '1975-02-20' })).toMatchObject({
      fields: { issueDate: 'Ngày cấp trước ngày sinh (02/03/1975)' },
    });
    // Born "03/1975" (month only): February 1975 is before it.
    expect(await refusal(core, 'levels.saveDiploma', { ...diploma, personId: people.cuong.id, issueDate: '1975-02-28' })).toMatchObject({
      fields: { issueDate: 'Ngày cấp trước ngày sinh (03/1975)' },
    });
    expect(await refusal(core, 'levels.saveDiploma', { ...diploma, year: 2027 })).toMatchObject({
      fields: { year: 'Năm cấp bằng chưa đến' },
    });
    expect(await refusal(core, 'levels.saveDiploma', { ...diploma, year: 2020, school: '   ' })).toMatchObject({
      fields: { school: 'Không được để trống' },
    });
    expect(count()).toBe(before);
  });

  it('refuses to delete a position group a target uses, and matches titles as posts, not substrings', async () => {
    const { core, chuChot } = await fixture();
    expect(await refusal(core, 'levels.deleteGroup', { id: chuChot.id })).toMatchObject({ code: 'IN_USE' });
    const { positionMatcher } = await import('../../electron/core/levels/position-match');
    const bithuChiBo = positionMatcher(['Bí thư chi bộ']);
    expect(['Bí thư Chi bộ thôn 3', 'Trưởng thôn, bí thư chi bo', 'Phó Bí thư chi bộ thôn 2', 'Bí thư chi bộ'].map(bithuChiBo)).toEqual([
      true,
      true,
      false,
      true,
    ]);
  });
});
