import { describe, expect, it } from 'vitest';
import { cls, setup } from './class-fixtures';
import { ok, startCore } from './helpers';

describe('calendar', () => {
  it('shows the centre, a lecturer or a venue calendar', async () => {
    const core = await startCore();
    const { knd, a, hall } = await setup(core);
    const c = await ok(core, 'classes.save', cls(knd.id, { venueId: hall.id, homeroomLecturerId: a.id }));
    const t = await ok(core, 'timetable.generate', { classId: c.id, startDate: '2026-03-02', halves: ['sang'], lecturerByTopic: {} });
    await ok(core, 'timetable.save', { classId: c.id, sessions: t.sessions, adjustClassDates: true });
    const week = await ok(core, 'calendar.sessions', { from: '2026-03-02', to: '2026-03-08', lecturerId: a.id, venueId: null });
    expect(week.map((s) => s.date)).toEqual(['2026-03-02', '2026-03-03', '2026-03-04', '2026-03-05', '2026-03-06']);
    expect(await ok(core, 'calendar.sessions', { from: '2026-03-02', to: '2026-03-08', lecturerId: null, venueId: 99 })).toEqual([]);
    expect((await ok(core, 'lecturers.hours', { year: 2026 })).find((h) => h.lecturer.id === a.id)).toMatchObject({
      sessions: 10,
      periods: 40,
      classes: 1,
    });
  });
});
