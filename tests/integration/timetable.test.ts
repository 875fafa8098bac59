import { describe, expect, it } from 'vitest';
import type { AppCore } from '../../electron/core/app-core';
import { cls, setup } from './class-fixtures';
import { invoke, ok, startCore } from './helpers';

/** The class's timetable generated from `startDate`, mornings and afternoons, with no lecturer chosen per topic. */
function generate(core: AppCore, classId: number, startDate: string) {
  return ok(core, 'timetable.generate', { classId, startDate, halves: ['sang', 'chieu'], lecturerByTopic: {} });
}

describe('timetables', () => {
  it('generates across Tết 2026, saves, adjusts the class dates and keeps session ids', async () => {
    const core = await startCore();
    const { knd, a, hall } = await setup(core);
    const c = await ok(core, 'classes.save', cls(knd.id, { venueId: hall.id, homeroomLecturerId: a.id }));
    const t = await generate(core, c.id, '2026-02-12');
    expect(t.sessions).toHaveLength(10);
    expect(t.sessions.some((s) => s.date >= '2026-02-14' && s.date <= '2026-02-22')).toBe(false);
    expect(t.problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(t.sessions[0]).toMatchObject({
      lecturerName: 'Trần Văn Ba',
      venueName: 'Hội trường trung tâm',
      title: 'Khái quát lịch sử Đảng Cộng sản Việt Nam',
    });
    const saved = await ok(core, 'timetable.save', { classId: c.id, sessions: t.sessions, adjustClassDates: true });
    expect(await ok(core, 'classes.get', { id: c.id })).toMatchObject({ startDate: '2026-02-12', endDate: '2026-02-25', sessionCount: 10 });
    const ids = saved.sessions.map((s) => s.id);
    const moved = saved.sessions.map((s, i) => (i === 9 ? { ...s, date: '2026-02-26' } : s));
    const again = await ok(core, 'timetable.save', { classId: c.id, sessions: moved, adjustClassDates: true });
    expect(again.sessions.map((s) => s.id)).toEqual(ids);
  });

  it('skips the day given back for Giỗ Tổ on a Sunday (nghỉ bù, Monday 27/04/2026)', async () => {
    const core = await startCore();
    const { knd, a, hall } = await setup(core);
    const c = await ok(core, 'classes.save', cls(knd.id, { venueId: hall.id, homeroomLecturerId: a.id }));
    const t = await generate(core, c.id, '2026-04-23');
    const dates = [...new Set(t.sessions.map((s) => s.date))];
    expect(dates).not.toContain('2026-04-27');
    expect(dates.slice(0, 3)).toEqual(['2026-04-23', '2026-04-24', '2026-04-28']);
    const year = await ok(core, 'holidays.year', { year: 2026 });
    expect(year.daysOff).toContainEqual({ date: '2026-04-27', name: 'Nghỉ bù Giỗ Tổ Hùng Vương (26/04)' });
  });

  it('reports every clash kind before saving, and refuses to save errors', async () => {
    const core = await startCore();
    const { knd, a, b, hall, room } = await setup(core);
    const first = await ok(core, 'classes.save', cls(knd.id, { venueId: hall.id, homeroomLecturerId: a.id }));
    const t1 = await generate(core, first.id, '2026-03-02');
    await ok(core, 'timetable.save', { classId: first.id, sessions: t1.sessions, adjustClassDates: true });
    const second = await ok(
      core,
      'classes.save',
      cls(knd.id, { cohortNumber: 2, name: 'Lớp khóa II', venueId: room.id, startDate: '2026-03-01', endDate: '2026-03-31' }),
    );
    const base = { topicId: null, title: 'Chuyên đề', venueId: room.id, periods: 4 };
    const check = await ok(core, 'timetable.check', {
      classId: second.id,
      sessions: [
        { ...base, date: '2026-03-02', half: 'sang', lecturerId: a.id },
        { ...base, date: '2026-03-02', half: 'chieu', lecturerId: b.id, venueId: hall.id },
        { ...base, date: '2026-03-02', half: 'chieu', lecturerId: b.id },
        { ...base, date: '2026-04-30', half: 'sang', lecturerId: b.id },
        { ...base, date: '2026-03-07', half: 'sang', lecturerId: b.id },
      ],
    });
    const kinds = check.problems.map((p) => `${p.index}:${p.kind}:${p.severity}`);
    // Problems point into the list as returned, sorted by date and half: 07/03 comes before 30/04.
    expect(kinds).toEqual([
      '0:lecturer_busy:error',
      '1:venue_busy:error',
      '2:class_overlap:error',
      '3:weekend:warning',
      '4:outside_dates:error',
      '4:holiday:warning',
    ]);
    expect(check.problems.find((p) => p.kind === 'lecturer_busy')?.message).toBe(
      'Giảng viên Trần Văn Ba đã có buổi dạy lớp «Lớp bồi dưỡng nhận thức về Đảng khóa I năm 2026» vào sáng 02/03/2026',
    );
    expect(check.problems.find((p) => p.kind === 'holiday')?.message).toBe('30/04/2026 là ngày nghỉ: Ngày Chiến thắng');
    const refused = await invoke(core, 'timetable.save', { classId: second.id, sessions: check.sessions, adjustClassDates: false });
    expect(refused).toMatchObject({ ok: false, error: { code: 'TIMETABLE_PROBLEMS' } });
    expect((await ok(core, 'timetable.get', { classId: second.id })).sessions).toHaveLength(0);
  });

  it('warns when a lecturer passes the yearly norm, and refuses an archived lecturer', async () => {
    const core = await startCore();
    const { knd, hall } = await setup(core);
    const small = await ok(core, 'lecturers.save', {
      familyAndMiddle: 'Lê Thị',
      given: 'Năm',
      kind: 'kiem_nhiem',
      role: 'khac',
      unit: 'Đảng ủy xã',
      position: 'Phó Bí thư',
      phone: '',
      normHours: 8,
      lecturingHours: 8,
    });
    const c = await ok(core, 'classes.save', cls(knd.id, { venueId: hall.id, homeroomLecturerId: small.id }));
    const t = await generate(core, c.id, '2026-03-02');
    expect(t.problems.find((p) => p.kind === 'norm')?.message).toBe('Giảng viên Lê Thị Năm: 40 giờ năm 2026, vượt định mức 8 giờ');
    await ok(core, 'lecturers.setArchived', { id: small.id, archived: true });
    const after = await ok(core, 'timetable.check', { classId: c.id, sessions: t.sessions.slice(0, 1) });
    expect(after.problems.some((p) => p.kind === 'archived' && p.severity === 'error')).toBe(true);
    const hours = await ok(core, 'lecturers.hours', { year: 2026 });
    expect(hours.find((h) => h.lecturer.id === small.id)?.periods).toBe(0);
  });
});
