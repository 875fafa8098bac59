import { describe, expect, it } from 'vitest';
import type { AppCore } from '../../electron/core/app-core';
import type { PersonInput } from '../../shared/contract/learners';
import { invoke, ok, startCore } from './helpers';

const blank: PersonInput = {
  familyAndMiddle: '',
  given: '',
  sex: null,
  birthDate: null,
  ethnicityCode: null,
  religion: '',
  homePlace: '',
  communeCode: null,
  workplace: '',
  position: '',
  partyStatus: 'quan_chung',
  admissionDate: null,
  confirmationDate: null,
  unitId: null,
  educationLevel: '',
  theoryLevel: null,
  citizenId: '',
  partyCard: '',
  phone: '',
  notes: '',
};

function person(core: AppCore, name: string, extra: Partial<PersonInput> = {}) {
  const words = name.split(' ');
  return ok(core, 'learners.save', { ...blank, given: words.pop()!, familyAndMiddle: words.join(' '), ...extra });
}

/** An opened KND class (10 sessions over five days, one essay, 20 % absence allowed) with its timetable saved. */
async function setup(core: AppCore, capacity: number | null = 80) {
  await ok(core, 'centre.save', {
    validFrom: '2025-07-01',
    name: 'Trung tâm Chính trị xã Đắk Hà',
    superior: 'Đảng ủy xã Đắk Hà',
    docCode: 'TTCT',
    placeName: 'Đắk Hà',
    address: '',
    phone: '',
    director: { name: 'Nguyễn Văn An', title: 'Giám đốc' },
    deputies: [],
    areaCommunes: [],
    areaPartyOrgs: [],
  });
  const knd = (await ok(core, 'programs.list', { includeArchived: false })).find((p) => p.code === 'KND')!;
  const hall = await ok(core, 'venues.save', { name: 'Hội trường trung tâm', address: 'Thôn 3', communeCode: null, capacity: 80 });
  const c = await ok(core, 'classes.save', {
    programId: knd.id,
    planLineId: null,
    cohortNumber: 1,
    cohortNumbering: 'per_year',
    name: 'Lớp bồi dưỡng nhận thức về Đảng khóa I năm 2026',
    startDate: '2026-03-02',
    endDate: '2026-03-06',
    venueId: hall.id,
    form: 'full_time',
    homeroomLecturerId: null,
    capacity,
    sites: [],
    openingDecisionNumber: 3,
    openingDecisionDate: '2026-02-20',
  });
  const t = await ok(core, 'timetable.generate', {
    classId: c.id,
    startDate: '2026-03-02',
    halves: ['sang', 'chieu'],
    lecturerByTopic: {},
  });
  await ok(core, 'timetable.save', { classId: c.id, sessions: t.sessions, adjustClassDates: true });
  return c;
}

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
    expect(await invoke(core, 'enrollments.addUnit', { classId: c.id, unitId: empty.id })).toMatchObject({
      ok: false,
      error: { code: 'EMPTY_UNIT' },
    });
  });
});

describe('attendance and results', () => {
  it('counts absences against the limit, refuses marks for a withdrawn learner and deleting a marked session', async () => {
    const core = await startCore();
    const c = await setup(core);
    const [a, b, w] = [await person(core, 'Trần Văn An'), await person(core, 'Lê Văn Bảo'), await person(core, 'Ngô Thị Thu')];
    const list = await ok(core, 'enrollments.add', { classId: c.id, personIds: [a.id, b.id, w.id] });
    const eid = (pid: number) => list.enrollments.find((e) => e.personId === pid)!.id;
    const grid = await ok(core, 'attendance.grid', { classId: c.id });
    expect(grid.sessions).toHaveLength(10);
    expect(grid.maxAbsencePct).toBe(20);
    // An misses exactly two of ten (allowed), Bảo misses three (over the limit).
    const marks = (enrollmentId: number, absent: number) =>
      grid.sessions.map((s, i) => ({
        enrollmentId,
        sessionId: s.id,
        mark: i < absent ? (i === 0 ? ('excused' as const) : ('unexcused' as const)) : ('present' as const),
      }));
    const after = await ok(core, 'attendance.set', { classId: c.id, changes: [...marks(eid(a.id), 2), ...marks(eid(b.id), 3)] });
    expect(after.rows.map((r) => [r.fullName, r.absent, r.allowed, r.overLimit])).toEqual([
      ['Trần Văn An', 2, 2, false],
      ['Lê Văn Bảo', 3, 2, true],
      ['Ngô Thị Thu', 0, 2, false],
    ]);

    await ok(core, 'enrollments.withdraw', { enrollmentId: eid(w.id), reason: 'Đi công tác dài ngày' });
    const refused = await invoke(core, 'attendance.set', {
      classId: c.id,
      changes: [{ enrollmentId: eid(w.id), sessionId: grid.sessions[0]!.id, mark: 'present' }],
    });
    expect(refused).toMatchObject({ ok: false, error: { code: 'WITHDRAWN', message: 'Ngô Thị Thu đã thôi học; không điểm danh được.' } });

    const tt = await ok(core, 'timetable.get', { classId: c.id });
    const dropFirst = await invoke(core, 'timetable.save', { classId: c.id, sessions: tt.sessions.slice(1), adjustClassDates: false });
    expect(dropFirst).toMatchObject({ ok: false, error: { code: 'SESSION_HAS_ATTENDANCE' } });
    expect(!dropFirst.ok && dropFirst.error.message).toContain('Buổi sáng 02/03/2026 đã điểm danh');
  });

  it('grades with a retake, refuses recognition until complete, then locks changes behind a reason', async () => {
    const core = await startCore();
    const c = await setup(core);
    const [a, b, d, e] = [
      await person(core, 'Trần Văn An'),
      await person(core, 'Lê Văn Bảo'),
      await person(core, 'Phan Thị Diệu'),
      await person(core, 'Cao Văn Em'),
    ];
    const list = await ok(core, 'enrollments.add', { classId: c.id, personIds: [a.id, b.id, d.id, e.id] });
    const eid = (pid: number) => list.enrollments.find((e) => e.personId === pid)!.id;
    const sessions = (await ok(core, 'attendance.grid', { classId: c.id })).sessions;
    await ok(core, 'attendance.set', {
      classId: c.id,
      changes: [a, b, d, e].flatMap((p) =>
        sessions.map((s, i) => ({
          enrollmentId: eid(p.id),
          sessionId: s.id,
          mark: p === d && i < 3 ? ('unexcused' as const) : ('present' as const),
        })),
      ),
    });

    expect(
      await invoke(core, 'results.setScores', {
        classId: c.id,
        changes: [{ enrollmentId: eid(a.id), component: 0, attempt: 2, tenths: 70 }],
      }),
    ).toMatchObject({
      ok: false,
      error: { code: 'NO_RETAKE' },
    });
    await ok(core, 'results.setScores', {
      classId: c.id,
      changes: [
        { enrollmentId: eid(a.id), component: 0, attempt: 1, tenths: 85 },
        { enrollmentId: eid(b.id), component: 0, attempt: 1, tenths: 40 },
      ],
    });
    const bad = await invoke(core, 'results.setScores', {
      classId: c.id,
      changes: [{ enrollmentId: eid(a.id), component: 0, attempt: 1, tenths: 105 }],
    });
    expect(bad.ok).toBe(false);
    // A retake stands only over a failed first attempt: correcting the first to a pass removes it.
    await ok(core, 'results.setScores', { classId: c.id, changes: [{ enrollmentId: eid(b.id), component: 0, attempt: 2, tenths: 65 }] });
    const corrected = await ok(core, 'results.setScores', {
      classId: c.id,
      changes: [{ enrollmentId: eid(b.id), component: 0, attempt: 1, tenths: 60 }],
    });
    expect(corrected.rows[1]!.scores[0]).toEqual({ first: 60, retake: null });
    await ok(core, 'results.setScores', { classId: c.id, changes: [{ enrollmentId: eid(b.id), component: 0, attempt: 1, tenths: 40 }] });
    const graded = await ok(core, 'results.setScores', {
      classId: c.id,
      changes: [{ enrollmentId: eid(b.id), component: 0, attempt: 2, tenths: 65 }],
    });
    expect(graded.rows.map((r) => [r.fullName, r.result.status, r.result.finalTenths, r.result.classification])).toEqual([
      ['Trần Văn An', 'eligible', 85, 'Giỏi'],
      ['Lê Văn Bảo', 'eligible', 65, 'Trung bình'],
      ['Phan Thị Diệu', 'not_eligible', null, null],
      ['Cao Văn Em', 'incomplete', null, null],
    ]);

    expect(await invoke(core, 'results.recognise', { classId: c.id, decisionNumber: 9, decisionDate: '2026-03-10' })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FINISHED' },
    });
    await ok(core, 'classes.setStatus', { id: c.id, status: 'running' });
    await ok(core, 'classes.setStatus', { id: c.id, status: 'finished' });
    const incomplete = await invoke(core, 'results.recognise', { classId: c.id, decisionNumber: 9, decisionDate: '2026-03-10' });
    expect(incomplete).toMatchObject({ ok: false, error: { code: 'RESULTS_INCOMPLETE' } });
    expect(!incomplete.ok && incomplete.error.message).toContain('Cao Văn Em (chưa');
    expect((await ok(core, 'classes.get', { id: c.id })).status).toBe('finished');

    await ok(core, 'results.setScores', { classId: c.id, changes: [{ enrollmentId: eid(e.id), component: 0, attempt: 1, tenths: 90 }] });
    const recognised = await ok(core, 'results.recognise', { classId: c.id, decisionNumber: 9, decisionDate: '2026-03-10' });
    expect(recognised).toMatchObject({
      locked: true,
      decision: { number: 9, label: '09-QĐ/TTCT' },
      summary: { eligible: 3, notEligible: 1, incomplete: 0 },
    });
    expect(recognised.rows[2]!.result.reasons.join(' ')).toContain('Vắng');
    expect((await ok(core, 'classes.get', { id: c.id })).status).toBe('results_recognised');

    const change = { classId: c.id, changes: [{ enrollmentId: eid(d.id), sessionId: sessions[0]!.id, mark: 'excused' as const }] };
    expect(await invoke(core, 'attendance.set', change)).toMatchObject({
      ok: false,
      error: { code: 'LOCKED_NEEDS_REASON', fields: { reason: 'Cần ghi lý do' } },
    });
    await ok(core, 'attendance.set', { ...change, reason: 'Có giấy phép bổ sung' });
    const logged = core.db
      .prepare("SELECT reason, before_json FROM audit_log WHERE entity = 'attendance' ORDER BY id DESC LIMIT 1")
      .get() as { reason: string; before_json: string };
    expect(logged.reason).toBe('Có giấy phép bổ sung');
    expect(JSON.parse(logged.before_json)).toEqual([{ enrollmentId: eid(d.id), sessionId: sessions[0]!.id, mark: 'unexcused' }]);
    // A correction may change a mark or a score, never leave a hole in a recognised result.
    expect(
      await invoke(core, 'attendance.set', { ...change, changes: [{ ...change.changes[0]!, mark: null }], reason: 'x' }),
    ).toMatchObject({ ok: false, error: { code: 'LOCKED' } });
    expect(
      await invoke(core, 'results.setScores', {
        classId: c.id,
        changes: [{ enrollmentId: eid(a.id), component: 0, attempt: 1, tenths: null }],
        reason: 'x',
      }),
    ).toMatchObject({ ok: false, error: { code: 'LOCKED' } });
    expect(await invoke(core, 'enrollments.add', { classId: c.id, personIds: [(await person(core, 'Mai Văn Mới')).id] })).toMatchObject({
      ok: false,
      error: { code: 'LOCKED' },
    });
    expect(await invoke(core, 'enrollments.withdraw', { enrollmentId: eid(a.id), reason: 'x' })).toMatchObject({
      ok: false,
      error: { code: 'LOCKED' },
    });

    // The printouts and workbooks read the same data.
    const preview = async (kind: Parameters<typeof ok<'documents.preview'>>[2]['kind']) =>
      (await ok(core, 'documents.preview', { kind, classId: c.id })).html;
    const decision = await preview('resultsDecision');
    expect(decision).toContain('09-QĐ/TTCT');
    expect(decision).toContain('Công nhận 3/4 học viên');
    expect(decision).not.toContain('Phan Thị Diệu');
    expect(await preview('openingDecision')).toContain('cho 4 học viên (có danh sách kèm theo)');
    expect(await preview('learnerList')).toContain('Cao Văn Em');
    expect(await preview('scoreSheet')).toContain('8,5');
    expect(await preview('attendanceWeek')).toContain('Lê Văn Bảo');
    const summary = await preview('classSummary');
    expect(summary).toContain('Không đủ điều kiện công nhận');
    for (const kind of ['learnerList', 'attendance', 'scoreSheet', 'resultsList'] as const) {
      const file = await ok(core, 'documents.xlsx', { kind, classId: c.id });
      expect([kind, file.rowCount]).toEqual([kind, kind === 'resultsList' ? 3 : 4]);
      expect(file.fileName).toMatch(/^[a-z0-9-]+\.xlsx$/);
    }
  });

  it('refuses printouts that have nothing to show yet', async () => {
    const core = await startCore();
    const c = await setup(core);
    expect(await invoke(core, 'documents.preview', { kind: 'learnerList', classId: c.id })).toMatchObject({
      ok: false,
      error: { code: 'NO_LEARNERS' },
    });
    await ok(core, 'enrollments.add', { classId: c.id, personIds: [(await person(core, 'Trần Văn An')).id] });
    expect(await invoke(core, 'documents.preview', { kind: 'resultsDecision', classId: c.id })).toMatchObject({
      ok: false,
      error: { code: 'NOT_RECOGNISED' },
    });
    expect(await invoke(core, 'documents.xlsx', { kind: 'resultsList', classId: c.id })).toMatchObject({
      ok: false,
      error: { code: 'NOT_RECOGNISED' },
    });
  });

  it('refuses a new program for a class with marks, and takes the new scheme while nothing is recorded', async () => {
    const core = await startCore();
    const c = await setup(core);
    const cls = await ok(core, 'classes.get', { id: c.id });
    const dvm = (await ok(core, 'programs.list', { includeArchived: false })).find((p) => p.code === 'DVM')!;
    const save = (programId: number) =>
      invoke(core, 'classes.save', {
        id: c.id,
        programId,
        planLineId: null,
        cohortNumber: cls.cohortNumber,
        cohortNumbering: cls.cohortNumbering,
        name: cls.name,
        startDate: cls.startDate,
        endDate: cls.endDate,
        venueId: cls.venueId,
        form: cls.form,
        homeroomLecturerId: null,
        capacity: cls.capacity,
        sites: [],
        openingDecisionNumber: cls.openingDecisionNumber,
        openingDecisionDate: cls.openingDecisionDate,
      });
    const list = await ok(core, 'enrollments.add', { classId: c.id, personIds: [(await person(core, 'Trần Văn An')).id] });
    const grid = await ok(core, 'attendance.grid', { classId: c.id });
    expect((await save(dvm.id)).ok).toBe(true);
    expect((await ok(core, 'results.grid', { classId: c.id })).scheme.components).toEqual(
      (await ok(core, 'programs.get', { id: dvm.id })).components,
    );
    await ok(core, 'attendance.set', {
      classId: c.id,
      changes: [{ enrollmentId: list.enrollments[0]!.id, sessionId: grid.sessions[0]!.id, mark: 'present' }],
    });
    expect(await save(cls.programId)).toMatchObject({ ok: false, error: { code: 'PROGRAM_IN_USE' } });
  });

  it('freezes the class scheme with the first result written, never by reading, and keeps it when the program changes later', async () => {
    const core = await startCore();
    const c = await setup(core);
    const an = await person(core, 'Trần Văn An');
    await ok(core, 'enrollments.add', { classId: c.id, personIds: [an.id] });
    const read = await ok(core, 'results.grid', { classId: c.id });
    expect(core.db.prepare('SELECT scheme_json FROM classes WHERE id = ?').get(c.id)).toEqual({ scheme_json: null });
    core.db.prepare("UPDATE programs SET max_absence_pct = 40 WHERE code = 'KND'").run();
    const before = await ok(core, 'results.grid', { classId: c.id });
    expect(before.scheme.maxAbsencePct).toBe(40);
    expect(before.scheme.maxAbsencePct).not.toBe(read.scheme.maxAbsencePct);
    await ok(core, 'results.setScores', {
      classId: c.id,
      changes: [{ enrollmentId: before.rows[0]!.enrollmentId, component: 0, attempt: 1, tenths: 80 }],
    });
    core.db.prepare("UPDATE programs SET max_absence_pct = 50 WHERE code = 'KND'").run();
    expect((await ok(core, 'results.grid', { classId: c.id })).scheme).toEqual(before.scheme);
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
    expect(await invoke(core, 'learners.merge', { keepId: kept.id, removeId: dup.id })).toMatchObject({
      ok: false,
      error: { code: 'MERGE_CONFLICT' },
    });
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
    expect(await invoke(core, 'enrollments.setSite', { enrollmentIds: ids, site: 'Điểm cầu xã Ngọc Réo' })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT' },
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
