import { describe, expect, it } from 'vitest';
import { person, setup } from './enrollments-fixtures';
import { invoke, ok, startCore } from './helpers';
import { refusal } from '../fixtures/builders';

describe('results', () => {
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

    expect(await refusal(core, 'results.recognise', { classId: c.id, decisionNumber: 9, decisionDate: '2026-03-10' })).toMatchObject({
      code: 'NOT_FINISHED',
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
    // The grid built before the decision is returned as it stands after it.
    expect(recognised).toEqual(await ok(core, 'results.grid', { classId: c.id }));
    expect((await ok(core, 'classes.get', { id: c.id })).status).toBe('results_recognised');

    const change = { classId: c.id, changes: [{ enrollmentId: eid(d.id), sessionId: sessions[0]!.id, mark: 'excused' as const }] };
    expect(await refusal(core, 'attendance.set', change)).toMatchObject({
      code: 'LOCKED_NEEDS_REASON',
      fields: { reason: 'Cần ghi lý do' },
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
    expect(await refusal(core, 'enrollments.add', { classId: c.id, personIds: [(await person(core, 'Mai Văn Mới')).id] })).toMatchObject({
      code: 'LOCKED',
    });
    expect(await refusal(core, 'enrollments.withdraw', { enrollmentId: eid(a.id), reason: 'x' })).toMatchObject({ code: 'LOCKED' });

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
    expect(await refusal(core, 'documents.preview', { kind: 'learnerList', classId: c.id })).toMatchObject({ code: 'NO_LEARNERS' });
    await ok(core, 'enrollments.add', { classId: c.id, personIds: [(await person(core, 'Trần Văn An')).id] });
    expect(await refusal(core, 'documents.preview', { kind: 'resultsDecision', classId: c.id })).toMatchObject({ code: 'NOT_RECOGNISED' });
    expect(await refusal(core, 'documents.xlsx', { kind: 'resultsList', classId: c.id })).toMatchObject({ code: 'NOT_RECOGNISED' });
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

  it('lets a batch see its own earlier changes: a failed first attempt and its retake together, then a pass clearing the retake', async () => {
    const core = await startCore();
    const c = await setup(core);
    const list = await ok(core, 'enrollments.add', { classId: c.id, personIds: [(await person(core, 'Trần Văn An')).id] });
    const enrollmentId = list.enrollments[0]!.id;
    const both = await ok(core, 'results.setScores', {
      classId: c.id,
      changes: [
        { enrollmentId, component: 0, attempt: 1, tenths: 40 },
        { enrollmentId, component: 0, attempt: 2, tenths: 65 },
      ],
    });
    expect(both.rows[0]!.scores[0]).toEqual({ first: 40, retake: 65 });
    const passed = await ok(core, 'results.setScores', {
      classId: c.id,
      changes: [
        { enrollmentId, component: 0, attempt: 1, tenths: 30 },
        { enrollmentId, component: 0, attempt: 1, tenths: 70 },
      ],
    });
    expect(passed.rows[0]!.scores[0]).toEqual({ first: 70, retake: null });
    const logged = core.db.prepare("SELECT before_json FROM audit_log WHERE entity = 'scores' ORDER BY id DESC LIMIT 1").get() as {
      before_json: string;
    };
    expect(JSON.parse(logged.before_json)).toEqual([
      { enrollmentId, component: 0, attempt: 1, tenths: 40 },
      { enrollmentId, component: 0, attempt: 1, tenths: 30 },
      { enrollmentId, component: 0, attempt: 2, tenths: 65 },
    ]);
  });
});
