import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { dayNumberToIso, isoToDayNumber, leapMonthOf, lunarMonthLength, lunarToSolar, solarToLunar } from '../../shared/domain/lunar';

/**
 * amlich@0.0.2 is Hồ Ngọc Đức's own 2006 JavaScript, published unchanged: the same algorithm as
 * ours, written by someone else, with the zone passed in explicitly. Known faults outside 1968–2053
 * (it answers "day 0" for 2054-05-07 and 2062-04-09, and accepts any leap month in a year without
 * one), so it is an oracle for the range below only. It ships no types, hence the typed require.
 */
interface AmLich {
  /** → [day, month, year, leap (0|1)] */
  convertSolar2Lunar(dd: number, mm: number, yy: number, timeZone: number): [number, number, number, number];
  /** → [day, month, year], or [0, 0, 0] for a leap month the year lacks */
  convertLunar2Solar(dd: number, mm: number, yy: number, leap: number, timeZone: number): [number, number, number];
}
const amlich = createRequire(import.meta.url)('amlich') as AmLich;

const FIRST = isoToDayNumber('1968-01-01');
const LAST = isoToDayNumber('2053-12-31');

function iso(y: number, m: number, d: number): string {
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

describe('known Vietnamese dates', () => {
  it.each([
    [2024, '2024-02-10'],
    [2025, '2025-01-29'],
    [2026, '2026-02-17'],
  ])('Tết %i is %s', (year, date) => {
    expect(lunarToSolar(year, 1, 1)).toBe(date);
    expect(solarToLunar(date)).toEqual({ year, month: 1, day: 1, leap: false });
  });

  it.each([
    [2025, '2025-04-07'],
    [2026, '2026-04-26'],
  ])('Giỗ Tổ (10/3) %i is %s', (year, date) => {
    expect(lunarToSolar(year, 3, 10)).toBe(date);
    expect(solarToLunar(date)).toEqual({ year, month: 3, day: 10, leap: false });
  });

  it('knows the short month 12 before Tết 2025 (no 30 Tết) and the long one before Tết 2024', () => {
    expect(lunarMonthLength(2024, 12)).toBe(29);
    expect(lunarToSolar(2024, 12, 30)).toBeNull();
    expect(lunarToSolar(2024, 12, 29)).toBe('2025-01-28');
    expect(lunarMonthLength(2023, 12)).toBe(30);
    expect(lunarToSolar(2023, 12, 30)).toBe('2024-02-09');
  });
});

describe('Vietnam (UTC+7) against China (UTC+8)', () => {
  // Checked three ways: our code, amlich at each zone, and (by hand, not in the suite) the Chinese
  // library lunar-javascript, which gives 1985-02-20, 2007-02-18 and 2030-02-03.
  it.each([
    [1985, '1985-01-21', '1985-02-20'],
    [2007, '2007-02-17', '2007-02-18'],
    [2030, '2030-02-02', '2030-02-03'],
  ])('Tết %i: Vietnam %s, China %s', (year, vietnam, china) => {
    expect(lunarToSolar(year, 1, 1)).toBe(vietnam);
    expect(iso(...ymd(amlich.convertLunar2Solar(1, 1, year, 0, 7)))).toBe(vietnam);
    expect(iso(...ymd(amlich.convertLunar2Solar(1, 1, year, 0, 8)))).toBe(china);
    expect(solarToLunar(china)).not.toEqual({ year, month: 1, day: 1, leap: false });
  });

  it('gives 1985 a leap 2nd month to catch up with China, which had a leap 10th month in 1984', () => {
    expect(leapMonthOf(1984)).toBeNull();
    expect(leapMonthOf(1985)).toBe(2);
    expect(solarToLunar('1985-02-20')).toEqual({ year: 1985, month: 2, day: 1, leap: false });
  });

  function ymd([d, m, y]: [number, number, number]): [number, number, number] {
    return [y, m, d];
  }
});

describe('leap months', () => {
  it.each([
    [2020, 4],
    [2023, 2],
    [2025, 6],
    [2028, 5],
  ])('%i repeats month %i', (year, month) => {
    expect(leapMonthOf(year)).toBe(month);
  });

  it.each([2021, 2022, 2024, 2026, 2027])('%i has none', (year) => {
    expect(leapMonthOf(year)).toBeNull();
  });

  it('places the leap month right after the ordinary one', () => {
    expect(lunarToSolar(2023, 2, 1, true)).toBe('2023-03-22');
    expect(solarToLunar('2023-03-22')).toEqual({ year: 2023, month: 2, day: 1, leap: true });
    expect(solarToLunar('2023-03-21')).toEqual({ year: 2023, month: 2, day: 30, leap: false });
    expect(lunarToSolar(2025, 6, 1, true)).toBe('2025-07-25');
    expect(solarToLunar('2025-07-25')).toEqual({ year: 2025, month: 6, day: 1, leap: true });
  });

  it('gives every year 12 or 13 months and 353–385 days, the 13-month years exactly those with a leap month', () => {
    for (let year = 1968; year <= 2053; year++) {
      const days = isoToDayNumber(lunarToSolar(year + 1, 1, 1)!) - isoToDayNumber(lunarToSolar(year, 1, 1)!);
      const leap = leapMonthOf(year);
      let sum = 0;
      for (let month = 1; month <= 12; month++) {
        sum += lunarMonthLength(year, month)!;
        if (month === leap) sum += lunarMonthLength(year, month, true)!;
      }
      expect(sum).toBe(days);
      expect(days).toBeGreaterThanOrEqual(leap === null ? 353 : 383);
      expect(days).toBeLessThanOrEqual(leap === null ? 355 : 385);
    }
  });
});

describe('dates that do not exist', () => {
  it('returns null for day 30 of a 29-day month, or a leap month the year lacks', () => {
    expect(lunarMonthLength(2024, 12)).toBe(29);
    expect(lunarToSolar(2024, 12, 30)).toBeNull();
    expect(lunarToSolar(2025, 5, 1, true)).toBeNull(); // 2025 repeats month 6, not 5
    expect(lunarToSolar(2024, 1, 1, true)).toBeNull(); // 2024 repeats nothing
    expect(lunarMonthLength(2024, 1, true)).toBeNull();
  });

  it('returns null for days and months outside the calendar', () => {
    expect(lunarToSolar(2025, 1, 0)).toBeNull();
    expect(lunarToSolar(2025, 1, 31)).toBeNull();
    expect(lunarToSolar(2025, 13, 1)).toBeNull();
    expect(lunarToSolar(2025, 0, 1)).toBeNull();
    expect(lunarToSolar(2025, 1, 1.5)).toBeNull();
  });

  it('throws a RangeError outside 1900–2100 and for malformed solar dates', () => {
    expect(() => solarToLunar('1899-12-31')).toThrow(RangeError);
    expect(() => solarToLunar('2101-01-01')).toThrow(RangeError);
    expect(() => solarToLunar('2025-02-29')).toThrow(RangeError);
    expect(() => solarToLunar('2025-4-1')).toThrow(RangeError);
    expect(() => lunarToSolar(1899, 1, 1)).toThrow(RangeError);
    expect(() => lunarToSolar(2101, 1, 1)).toThrow(RangeError);
    expect(() => leapMonthOf(2101)).toThrow(RangeError);
    expect(() => lunarMonthLength(1899, 1)).toThrow(RangeError);
  });

  it('covers both ends of the range', () => {
    expect(solarToLunar('1900-01-01')).toEqual({ year: 1899, month: 12, day: 1, leap: false });
    expect(solarToLunar('1900-01-31')).toEqual({ year: 1900, month: 1, day: 1, leap: false });
    expect(solarToLunar('2100-12-31').year).toBe(2100);
    expect(lunarToSolar(1900, 1, 1)).toBe('1900-01-31');
  });
});

describe('whole-range checks, 1968-01-01 … 2053-12-31', () => {
  it('round-trips every day solar → lunar → solar', () => {
    for (let jdn = FIRST; jdn <= LAST; jdn++) {
      const date = dayNumberToIso(jdn);
      const l = solarToLunar(date);
      if (lunarToSolar(l.year, l.month, l.day, l.leap) !== date) {
        expect.fail(`${date} → ${JSON.stringify(l)} → ${lunarToSolar(l.year, l.month, l.day, l.leap)}`);
      }
    }
  });

  it('agrees with amlich (Hồ Ngọc Đức, UTC+7) on every solar day', () => {
    const mismatches: string[] = [];
    for (let jdn = FIRST; jdn <= LAST; jdn++) {
      const date = dayNumberToIso(jdn);
      const [y, m, d] = date.split('-').map(Number) as [number, number, number];
      const [ld, lm, ly, leap] = amlich.convertSolar2Lunar(d, m, y, 7);
      const ours = solarToLunar(date);
      if (ours.day !== ld || ours.month !== lm || ours.year !== ly || ours.leap !== (leap === 1)) {
        mismatches.push(`${date}: ours ${JSON.stringify(ours)}, amlich ${ld}/${lm}/${ly}${leap ? ' nhuận' : ''}`);
      }
    }
    expect(mismatches).toEqual([]);
  });

  it('agrees with amlich on every lunar date, and on which ones exist', () => {
    const mismatches: string[] = [];
    for (let year = 1968; year <= 2053; year++) {
      const leapMonth = leapMonthOf(year);
      for (let month = 1; month <= 12; month++) {
        for (const leap of month === leapMonth ? [false, true] : [false]) {
          for (let day = 1; day <= 30; day++) {
            const ours = lunarToSolar(year, month, day, leap);
            const [sd, sm, sy] = amlich.convertLunar2Solar(day, month, year, leap ? 1 : 0, 7);
            const theirs = iso(sy, sm, sd);
            if (ours !== null ? ours !== theirs : solarToLunar(theirs).day !== 1) {
              // amlich does not reject day 30 of a short month: it runs on into the next month's day 1.
              mismatches.push(`${day}/${month}${leap ? 'L' : ''}/${year}: ours ${ours}, amlich ${theirs}`);
            }
          }
        }
      }
    }
    expect(mismatches).toEqual([]);
  });
});

describe('independence from the host', () => {
  it('never consults Date, so the machine time zone cannot shift a day', () => {
    const source = fs.readFileSync(path.resolve(__dirname, '../../shared/domain/lunar.ts'), 'utf8');
    expect(source).not.toMatch(/new Date|Date\.\w+\(|getTimezoneOffset/);
  });
});
