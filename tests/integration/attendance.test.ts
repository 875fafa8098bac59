import { describe, expect, it } from 'vitest';
import { person, setup } from './enrollments-fixtures';
import { invoke, ok, startCore } from './helpers';

describe('attendance', () => {
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
});
