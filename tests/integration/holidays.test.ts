import { describe, expect, it } from 'vitest';
import { invoke, ok, startCore } from './helpers';

describe('holidays', () => {
  it('adds announced days by solar or lunar date, refusing a lunar date that does not exist', async () => {
    const core = await startCore();
    // 2025's twelfth lunar month has 29 days: there is no 30 Tết before Tết 2026.
    const missing = await invoke(core, 'holidays.addAdjustment', {
      lunar: { year: 2025, month: 12, day: 30, leap: false },
      kind: 'day_off',
      name: 'Nghỉ Tết',
    });
    expect(missing).toMatchObject({ ok: false, error: { code: 'LUNAR_DATE_MISSING' } });
    if (!missing.ok) expect(missing.error.message).toContain('Không có ngày 30 tháng Chạp năm 2025 âm lịch');
    const leap = await invoke(core, 'holidays.addAdjustment', {
      lunar: { year: 2026, month: 3, day: 1, leap: true },
      kind: 'day_off',
      name: 'x',
    });
    expect(leap).toMatchObject({ ok: false, error: { code: 'LUNAR_DATE_MISSING' } });
    expect(
      await ok(core, 'holidays.addAdjustment', {
        lunar: { year: 2026, month: 1, day: 5, leap: false },
        kind: 'day_off',
        name: 'Nghỉ bù Tết',
      }),
    ).toMatchObject({ date: '2026-02-21' });
    await ok(core, 'holidays.addAdjustment', { date: '2026-01-03', kind: 'working_day', name: 'Làm bù' });
    const year = await ok(core, 'holidays.year', { year: 2026 });
    expect(year.daysOff.map((d) => d.date)).toContain('2026-02-21');
    expect(year.workingDays.map((d) => d.date)).toEqual(['2026-01-03']);
    expect(year.defaults.find((d) => d.name === 'Giỗ Tổ Hùng Vương')?.date).toBe('2026-04-26');
  });
});
