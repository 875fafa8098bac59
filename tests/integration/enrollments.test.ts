import { describe, expect, it } from 'vitest';
import { person, setup } from './enrollments-fixtures';
import { invoke, ok, startCore } from './helpers';
import { refusal } from '../fixtures/builders';

describe('enrolment', () => {
  it('enrols all or nothing, lists in Vietnamese order, and warns about the wrong audience and a full class', async () => {
    const core = await startCore();
    const c = await setup(core, 3);
    const an = await person(core, 'Trần Văn An');
    const yen = await person(core, 'Lê Thị Yến');
    const dung = await person(core, 'Phạm Văn Dũng');
    const first = await ok(core, 'enrollments.add', { classId: c.id, personIds: [yen.id, an.id, dung.id] });
    expect(first.enrollments.map((e) => e.fullName)).toEqual(['Trần Văn An', 'Phạm Văn Dũng', 'Lê Thị Yến']);
    expect(first).toMatchObject({ added: 3, enrolled: 3, capacityWarning: null });

    const again = await invoke(core, 'enrollments.add', { classId: c.id, personIds: [an.id] });
    expect(again).toMatchObject({
      ok: false,
      error: { code: 'ALREADY_ENROLLED', message: 'Trần Văn An đã có trong lớp; chưa ghi danh ai.' },
    });

    const member = await person(core, 'Hoàng Văn Bình', { partyStatus: 'du_bi', admissionDate: '2025-05-19' });
    const fresh = await person(core, 'Võ Thị Cúc');
    const misfit = await invoke(core, 'enrollments.add', { classId: c.id, personIds: [fresh.id, member.id] });
    expect(misfit).toMatchObject({ ok: false, error: { code: 'FIT_WARNING' } });
    expect(!misfit.ok && misfit.error.message).toContain('Hoàng Văn Bình (đảng viên dự bị)');
    expect((await ok(core, 'enrollments.list', { classId: c.id })).enrolled).toBe(3);

    const forced = await ok(core, 'enrollments.add', {
      classId: c.id,
      personIds: [fresh.id, member.id],
      fitOverrideReason: 'Chi bộ đề nghị học lại',
    });
    expect(forced.capacityWarning).toBe('Lớp có 5 học viên, vượt sĩ số tối đa 3.');
    expect(forced.enrollments.find((e) => e.personId === member.id)?.fitOverrideReason).toBe('Chi bộ đề nghị học lại');
    expect(forced.enrollments.find((e) => e.personId === fresh.id)?.fitOverrideReason).toBeNull();

    const history = await ok(core, 'learners.get', { id: an.id });
    expect(history.history[0]).toMatchObject({
      kind: 'class',
      text: 'Lớp bồi dưỡng nhận thức về Đảng khóa I năm 2026 (02/03/2026 – 06/03/2026)',
    });
  });

  it('enrols a whole Party cell and refuses an empty one', async () => {
    const core = await startCore();
    const c = await setup(core);
    const cell = await ok(core, 'units.save', { name: 'Chi bộ thôn 3', kind: 'cell', parentId: null, communeCode: null });
    const empty = await ok(core, 'units.save', { name: 'Chi bộ thôn 4', kind: 'cell', parentId: null, communeCode: null });
    await person(core, 'Nguyễn Văn Hải', { unitId: cell.id });
    await person(core, 'Đỗ Thị Hoa', { unitId: cell.id });
    expect(await ok(core, 'enrollments.addUnit', { classId: c.id, unitId: cell.id })).toMatchObject({ added: 2, enrolled: 2 });
    expect(await refusal(core, 'enrollments.addUnit', { classId: c.id, unitId: empty.id })).toMatchObject({ code: 'EMPTY_UNIT' });
  });
});

describe('merging learners who are enrolled', () => {
  it('moves the enrolment to the kept record and back on undo, and refuses two records in one class', async () => {
    const core = await startCore();
    const c = await setup(core);
    const kept = await person(core, 'Trần Văn An', { birthDate: '1990-01-01' });
    const dup = await person(core, 'Trần Văn An', { birthDate: '1990-01-01', phone: '0905123456' });
    await ok(core, 'enrollments.add', { classId: c.id, personIds: [dup.id] });
    const merge = await ok(core, 'learners.merge', { keepId: kept.id, removeId: dup.id });
    expect((await ok(core, 'enrollments.list', { classId: c.id })).enrollments.map((e) => e.personId)).toEqual([kept.id]);
    await ok(core, 'learners.undoMerge', { mergeId: merge.mergeId });
    expect((await ok(core, 'enrollments.list', { classId: c.id })).enrollments.map((e) => e.personId)).toEqual([dup.id]);

    await ok(core, 'enrollments.add', { classId: c.id, personIds: [kept.id] });
    expect(await refusal(core, 'learners.merge', { keepId: kept.id, removeId: dup.id })).toMatchObject({ code: 'MERGE_CONFLICT' });
  });
});

describe('online classes', () => {
  it('keeps each learner at a connected site, and refuses a site the class does not have', async () => {
    const core = await startCore();
    const c = await setup(core);
    const saved = await ok(core, 'classes.get', { id: c.id });
    const { id: _id, status: _s, ...rest } = saved;
    void _id;
    void _s;
    const list = await ok(core, 'enrollments.add', {
      classId: c.id,
      personIds: [(await person(core, 'Trần Văn An')).id, (await person(core, 'Lê Văn Bảo')).id],
    });
    const ids = list.enrollments.map((e) => e.id);
    expect(list.sites).toEqual([]);
    expect(await refusal(core, 'enrollments.setSite', { enrollmentIds: ids, site: 'Điểm cầu xã Ngọc Réo' })).toMatchObject({
      code: 'INVALID_INPUT',
    });
    await ok(core, 'classes.save', {
      id: c.id,
      programId: rest.programId,
      planLineId: null,
      cohortNumber: rest.cohortNumber,
      cohortNumbering: rest.cohortNumbering,
      name: rest.name,
      startDate: rest.startDate,
      endDate: rest.endDate,
      venueId: null,
      form: 'online',
      homeroomLecturerId: null,
      capacity: rest.capacity,
      sites: [
        { place: 'Điểm cầu trung tâm', contact: '' },
        { place: 'Điểm cầu xã Ngọc Réo', contact: 'Anh Hùng' },
      ],
      openingDecisionNumber: rest.openingDecisionNumber,
      openingDecisionDate: rest.openingDecisionDate,
    });
    const bad = await invoke(core, 'enrollments.setSite', { enrollmentIds: ids, site: 'Điểm cầu xã khác' });
    expect(bad).toMatchObject({ ok: false, error: { fields: { site: 'Điểm cầu không có trong lớp' } } });
    const after = await ok(core, 'enrollments.setSite', { enrollmentIds: [ids[1]!], site: 'Điểm cầu xã Ngọc Réo' });
    expect(after.sites).toEqual(['Điểm cầu trung tâm', 'Điểm cầu xã Ngọc Réo']);
    expect(after.enrollments.map((e) => [e.fullName, e.site])).toEqual([
      ['Trần Văn An', null],
      ['Lê Văn Bảo', 'Điểm cầu xã Ngọc Réo'],
    ]);
    expect((await ok(core, 'attendance.grid', { classId: c.id })).rows.map((r) => r.site)).toEqual([null, 'Điểm cầu xã Ngọc Réo']);
    // Each site signs its own sheets; a learner not yet placed is not left off.
    const sheets = (await ok(core, 'documents.preview', { kind: 'attendanceWeek', classId: c.id })).html;
    const ngocReo = sheets.indexOf('Điểm cầu xã Ngọc Réo — ');
    const unplaced = sheets.indexOf('Chưa chọn điểm cầu — ');
    expect(ngocReo).toBeGreaterThan(-1);
    expect(unplaced).toBeGreaterThan(ngocReo);
    expect(sheets.slice(ngocReo, unplaced)).toContain('Lê Văn Bảo');
    expect(sheets.slice(ngocReo, unplaced)).not.toContain('Trần Văn An');
    expect(sheets.slice(unplaced)).toContain('Trần Văn An');
    expect(sheets).not.toContain('Điểm cầu trung tâm — ');
  });
});
