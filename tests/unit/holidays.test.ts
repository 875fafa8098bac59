import { afterEach, describe, expect, it } from 'vitest';
import {
  ANNOUNCED_DAY_OFF_NAME,
  applyAdjustments,
  defaultDaysOff,
  defaultHolidays,
  type HolidayAdjustment,
  isWeekend,
} from '../../shared/domain/holidays';
import { lunarToSolar } from '../../shared/domain/lunar';

describe('defaultHolidays', () => {
  it('lists the eleven statutory days of 2025, sorted, with 29 Chạp as the last day of the old year', () => {
    expect(defaultHolidays(2025)).toEqual([
      { date: '2025-01-01', name: 'Tết Dương lịch' },
      { date: '2025-01-28', name: 'Tết Nguyên đán' },
      { date: '2025-01-29', name: 'Tết Nguyên đán' },
      { date: '2025-01-30', name: 'Tết Nguyên đán' },
      { date: '2025-01-31', name: 'Tết Nguyên đán' },
      { date: '2025-02-01', name: 'Tết Nguyên đán' },
      { date: '2025-04-07', name: 'Giỗ Tổ Hùng Vương' },
      { date: '2025-04-30', name: 'Ngày Chiến thắng' },
      { date: '2025-05-01', name: 'Ngày Quốc tế Lao động' },
      { date: '2025-09-01', name: 'Quốc khánh' },
      { date: '2025-09-02', name: 'Quốc khánh' },
    ]);
  });

  it('starts Tết 2024 on 30 Chạp (9 February), month 12 of Quý Mão having 30 days', () => {
    const tet = defaultHolidays(2024)
      .filter((h) => h.name === 'Tết Nguyên đán')
      .map((h) => h.date);
    expect(tet).toEqual(['2024-02-09', '2024-02-10', '2024-02-11', '2024-02-12', '2024-02-13']);
  });

  it('puts Tết 2026 on 16–20 February and Giỗ Tổ on 26 April', () => {
    const days = defaultHolidays(2026);
    expect(days.filter((h) => h.name === 'Tết Nguyên đán').map((h) => h.date)).toEqual([
      '2026-02-16',
      '2026-02-17',
      '2026-02-18',
      '2026-02-19',
      '2026-02-20',
    ]);
    expect(days.find((h) => h.name === 'Giỗ Tổ Hùng Vương')?.date).toBe('2026-04-26');
  });

  it('takes Giỗ Tổ from the ordinary third month in a year that also has a leap third month', () => {
    // 2031 repeats month 3; the anniversary stays in the first one.
    expect(defaultHolidays(2031).find((h) => h.name === 'Giỗ Tổ Hùng Vương')?.date).toBe('2031-04-01');
    expect(lunarToSolar(2031, 3, 10, true)).toBe('2031-04-30');
  });

  it('has eleven distinct, sorted days every year of the supported range but 1947', () => {
    for (let year = 1900; year <= 2100; year++) {
      const dates = defaultHolidays(year).map((h) => h.date);
      expect(new Set(dates).size).toBe(dates.length);
      expect(dates).toHaveLength(year === 1947 ? 10 : 11);
      expect([...dates].sort()).toEqual(dates);
      expect(dates.every((d) => d.startsWith(`${year}-`))).toBe(true);
    }
  });

  it('gives one day with both names when Giỗ Tổ falls on 30/4', () => {
    expect(defaultHolidays(1947).filter((h) => h.date === '1947-04-30')).toEqual([
      { date: '1947-04-30', name: 'Giỗ Tổ Hùng Vương; Ngày Chiến thắng' },
    ]);
  });

  it('throws a RangeError outside 1900–2100', () => {
    expect(() => defaultHolidays(1899)).toThrow(RangeError);
    expect(() => defaultHolidays(2101)).toThrow(RangeError);
  });
});

describe('applyAdjustments', () => {
  it('adds a swapped day off and returns the Saturday worked for it separately', () => {
    const defaults = defaultHolidays(2025);
    // Shaped like a typical announcement: take Friday 2/5 off, work Saturday 26/4 instead.
    const { daysOff, workingDays } = applyAdjustments(defaults, [
      { date: '2025-05-02', kind: 'day_off', name: 'Nghỉ hoán đổi' },
      { date: '2025-04-26', kind: 'working_day', name: 'Làm bù cho ngày 02/5' },
    ]);
    expect(daysOff).toHaveLength(12);
    expect(daysOff.find((h) => h.date === '2025-05-02')).toEqual({ date: '2025-05-02', name: 'Nghỉ hoán đổi' });
    expect(daysOff.map((h) => h.date)).toEqual([...daysOff.map((h) => h.date)].sort());
    expect(workingDays).toEqual([{ date: '2025-04-26', name: 'Làm bù cho ngày 02/5' }]);
  });

  it('moves the day beside Quốc khánh when the announcement picks 3/9 instead of 1/9 (as in 2024)', () => {
    const { daysOff } = applyAdjustments(defaultHolidays(2024), [
      { date: '2024-09-01', kind: 'not_holiday' },
      { date: '2024-09-03', kind: 'day_off', name: 'Quốc khánh' },
    ]);
    expect(daysOff.filter((h) => h.name === 'Quốc khánh').map((h) => h.date)).toEqual(['2024-09-02', '2024-09-03']);
    expect(daysOff).toHaveLength(11);
  });

  it('names an unnamed extra day off, and keeps the default name when a default day is re-announced', () => {
    const { daysOff } = applyAdjustments(defaultHolidays(2025), [
      { date: '2025-01-27', kind: 'day_off' },
      { date: '2025-01-29', kind: 'day_off' },
    ]);
    expect(daysOff.find((h) => h.date === '2025-01-27')?.name).toBe(ANNOUNCED_DAY_OFF_NAME);
    expect(daysOff.find((h) => h.date === '2025-01-29')?.name).toBe('Tết Nguyên đán');
    expect(daysOff).toHaveLength(12);
  });

  it('lets the later row win when a date is listed twice, and never reports a day both off and worked', () => {
    const adjustments: HolidayAdjustment[] = [
      { date: '2025-05-01', kind: 'working_day' },
      { date: '2025-05-03', kind: 'working_day' },
      { date: '2025-05-03', kind: 'day_off', name: 'Nghỉ bù' },
    ];
    const { daysOff, workingDays } = applyAdjustments(defaultHolidays(2025), adjustments);
    expect(workingDays).toEqual([{ date: '2025-05-01' }]);
    expect(daysOff.some((h) => h.date === '2025-05-01')).toBe(false);
    expect(daysOff.find((h) => h.date === '2025-05-03')?.name).toBe('Nghỉ bù');
  });

  it('leaves its inputs untouched and returns the defaults as they are when nothing is announced', () => {
    const defaults = defaultHolidays(2026);
    const copy = structuredClone(defaults);
    const adjustments: HolidayAdjustment[] = [{ date: '2026-02-16', kind: 'day_off', name: 'Đổi tên' }];
    applyAdjustments(defaults, adjustments);
    expect(defaults).toEqual(copy);
    expect(adjustments).toEqual([{ date: '2026-02-16', kind: 'day_off', name: 'Đổi tên' }]);
    expect(applyAdjustments(defaults, [])).toEqual({ daysOff: copy, workingDays: [] });
  });

  it('rejects a malformed date in the table', () => {
    expect(() => applyAdjustments([], [{ date: '2025-02-30', kind: 'day_off' }])).toThrow(RangeError);
    expect(() => applyAdjustments([], [{ date: '2/9/2025', kind: 'day_off' }])).toThrow(RangeError);
  });
});

describe('isWeekend', () => {
  const savedTz = process.env.TZ;
  afterEach(() => {
    if (savedTz === undefined) delete process.env.TZ;
    else process.env.TZ = savedTz;
  });

  it('knows Saturdays and Sundays', () => {
    expect(isWeekend('2025-01-25')).toBe(true); // Saturday
    expect(isWeekend('2025-01-26')).toBe(true); // Sunday
    expect(isWeekend('2025-01-27')).toBe(false); // Monday
    expect(isWeekend('2025-01-31')).toBe(false); // Friday
    expect(isWeekend('2000-01-01')).toBe(true); // Saturday
    expect(isWeekend('1900-01-01')).toBe(false); // Monday
  });

  it('agrees with the UTC weekday for every day of 1968–2053 whatever the host zone', () => {
    // UTC−11 and UTC+14 are where a local-time reading of the date would slip a day.
    for (const tz of ['Pacific/Pago_Pago', 'Pacific/Kiritimati', 'Asia/Ho_Chi_Minh']) {
      process.env.TZ = tz;
      for (let t = Date.UTC(1968, 0, 1); t <= Date.UTC(2053, 11, 31); t += 86_400_000) {
        const date = new Date(t).toISOString().slice(0, 10);
        const day = new Date(t).getUTCDay();
        if (isWeekend(date) !== (day === 0 || day === 6)) expect.fail(`${date} in ${tz}`);
      }
    }
  });

  it('throws a RangeError for a malformed date', () => {
    expect(() => isWeekend('2025-13-01')).toThrow(RangeError);
  });
});

describe('nghỉ bù (Labour Code art. 112(3))', () => {
  it('gives the next working day off for a holiday on a weekend', () => {
    const days = defaultDaysOff(2026);
    expect(days.find((h) => h.date === '2026-04-27')).toEqual({ date: '2026-04-27', name: 'Nghỉ bù Giỗ Tổ Hùng Vương (26/04)' });
    // 30/4 Friday, 1/5 Saturday 2027: Monday 3/5 off.
    expect(
      defaultDaysOff(2027)
        .filter((h) => h.date >= '2027-04-30' && h.date <= '2027-05-04')
        .map((h) => h.date),
    ).toEqual(['2027-04-30', '2027-05-01', '2027-05-03']);
  });

  it('skips days already off, and gives one day back per holiday', () => {
    // Tết 2027 (lunar 1/1 on Saturday 06/02): 05–09/02, two of them on the weekend → Wednesday 10 and Thursday 11.
    const tet = defaultDaysOff(2027)
      .filter((h) => h.date >= '2027-02-01' && h.date <= '2027-02-15')
      .map((h) => h.date);
    expect(tet).toEqual(['2027-02-05', '2027-02-06', '2027-02-07', '2027-02-08', '2027-02-09', '2027-02-10', '2027-02-11']);
    for (let year = 2020; year <= 2040; year++) {
      const days = defaultDaysOff(year);
      const given = days.filter((h) => h.name.startsWith('Nghỉ bù'));
      expect(given).toHaveLength(defaultHolidays(year).filter((h) => isWeekend(h.date)).length);
      expect(new Set(days.map((h) => h.date)).size).toBe(days.length);
      for (const g of given) expect(isWeekend(g.date)).toBe(false);
    }
  });

  it('stays under the announcements: a day given back can be cancelled or worked', () => {
    const { daysOff, workingDays } = applyAdjustments(defaultDaysOff(2026), [{ date: '2026-04-27', kind: 'working_day', name: 'Làm bù' }]);
    expect(daysOff.some((h) => h.date === '2026-04-27')).toBe(false);
    expect(workingDays).toEqual([{ date: '2026-04-27', name: 'Làm bù' }]);
  });
});
