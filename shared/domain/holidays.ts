/**
 * Public holidays under the Labour Code 2019, art. 112 (in force from 2021), and the per-year
 * announcements that adjust them.
 *
 * The statute fixes only part of the calendar: the Tết days and the day next to Quốc khánh are
 * chosen by the Government each year, often together with swapped working days that make a long
 * break. So this module gives the default rule, and `applyAdjustments` lays a year's announced
 * table over it; the announcement always wins.
 */

import { dayNumberToIso, isoToDayNumber, lunarToSolar } from './lunar';

export interface Holiday {
  date: string;
  name: string;
}

export type AdjustmentKind = 'day_off' | 'working_day' | 'not_holiday';

export interface HolidayAdjustment {
  date: string;
  /**
   * day_off: an announced day off (a swapped or compensatory day, a Tết day other than the default);
   * working_day: a day worked in exchange (usually a Saturday), listed so timetables can use it;
   * not_holiday: a default day the announcement moved elsewhere.
   */
  kind: AdjustmentKind;
  name?: string;
}

export interface WorkingDay {
  date: string;
  name?: string;
}

export interface EffectiveHolidays {
  daysOff: Holiday[];
  workingDays: WorkingDay[];
}

export const HOLIDAY_NAMES = {
  newYear: 'Tết Dương lịch',
  tet: 'Tết Nguyên đán',
  hungKings: 'Giỗ Tổ Hùng Vương',
  victory: 'Ngày Chiến thắng',
  labour: 'Ngày Quốc tế Lao động',
  national: 'Quốc khánh',
} as const;

/** A derived day off in place of a holiday that fell on a weekend (nghỉ bù). */
export const COMPENSATORY_PREFIX = 'Nghỉ bù';

/** Shown for an announced day off that came without a name of its own. */
export const ANNOUNCED_DAY_OFF_NAME = 'Ngày nghỉ theo thông báo';

function byDate<T extends { date: string }>(a: T, b: T): number {
  return a.date < b.date ? -1 : a.date > b.date ? 1 : 0;
}

function solarDate(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function lunarDay(year: number, month: number, day: number): string {
  const iso = lunarToSolar(year, month, day);
  // Days 1–10 exist in every non-leap lunar month, so a null here would be a calendar bug.
  if (iso === null) throw new Error(`Lunar ${day}/${month}/${year} has no solar date`);
  return iso;
}

/**
 * The statutory days of `year` (1900–2100), before any announcement, sorted by date: eleven,
 * save for the rare year when two fall on the same date.
 * Tết is the last day of the old lunar year (30 Chạp, or 29 when month 12 is short) and 1–4 Giêng;
 * the day beside Quốc khánh defaults to 1/9. Giỗ Tổ is 10/3 of the ordinary third month, never
 * of a leap third month.
 */
export function defaultHolidays(year: number): Holiday[] {
  const tetDay = isoToDayNumber(lunarDay(year, 1, 1));
  const tet: Holiday[] = [];
  for (let offset = -1; offset <= 3; offset++) {
    tet.push({ date: dayNumberToIso(tetDay + offset), name: HOLIDAY_NAMES.tet });
  }
  const days: Holiday[] = [
    { date: solarDate(year, 1, 1), name: HOLIDAY_NAMES.newYear },
    ...tet,
    { date: lunarDay(year, 3, 10), name: HOLIDAY_NAMES.hungKings },
    { date: solarDate(year, 4, 30), name: HOLIDAY_NAMES.victory },
    { date: solarDate(year, 5, 1), name: HOLIDAY_NAMES.labour },
    { date: solarDate(year, 9, 1), name: HOLIDAY_NAMES.national },
    { date: solarDate(year, 9, 2), name: HOLIDAY_NAMES.national },
  ].sort(byDate);
  // Giỗ Tổ can land on 30/4 (in 1900–2100 only in 1947); one day off carries both names, since a
  // list of days off with a date twice would be counted twice.
  return days.reduce<Holiday[]>((out, h) => {
    const last = out.at(-1);
    if (last?.date === h.date) last.name = `${last.name}; ${h.name}`;
    else out.push(h);
    return out;
  }, []);
}

/**
 * Nghỉ bù [Labour Code 2019, art. 112(3)]: a holiday that falls on the weekly rest day (Saturday or
 * Sunday for public bodies) gives the next working day off: the next weekday that is neither a
 * holiday nor already a day given back (Giỗ Tổ on Sunday 26/04/2026 → Monday 27/04/2026; 30/4 and
 * 1/5/2027 on Friday and Saturday → Monday 3/5/2027). Returns the holidays with these days added,
 * sorted; the Government's announcements stay adjustments laid over them.
 */
export function withCompensatoryDays(holidays: readonly Holiday[]): Holiday[] {
  const off = new Set(holidays.map((h) => h.date));
  const added: Holiday[] = [];
  for (const h of [...holidays].sort(byDate)) {
    if (!isWeekend(h.date)) continue;
    let day = isoToDayNumber(h.date) + 1;
    while (isWeekend(dayNumberToIso(day)) || off.has(dayNumberToIso(day))) day++;
    const date = dayNumberToIso(day);
    off.add(date);
    added.push({ date, name: `${COMPENSATORY_PREFIX} ${h.name} (${h.date.slice(8, 10)}/${h.date.slice(5, 7)})` });
  }
  return [...holidays.map((h) => ({ ...h })), ...added].sort(byDate);
}

/** The year's days off before any announcement: the statutory days and the days given back for those on a weekend. */
export function defaultDaysOff(year: number): Holiday[] {
  return withCompensatoryDays(defaultHolidays(year));
}

/**
 * Lays a year's announced adjustments over the default days. Each date ends up in at most one
 * list: when the table names a date twice, the later row wins, as in an edited table the last
 * edit is the one meant. A day_off on a default day only renames it when a name is given.
 * Dates are validated; inputs are not modified.
 */
export function applyAdjustments(defaults: readonly Holiday[], adjustments: readonly HolidayAdjustment[]): EffectiveHolidays {
  const finalByDate = new Map<string, HolidayAdjustment>();
  for (const adj of adjustments) {
    isoToDayNumber(adj.date); // a mistyped row must fail loudly, not silently leave a holiday in place
    finalByDate.set(adj.date, adj);
  }

  const daysOff = new Map<string, Holiday>();
  for (const h of defaults) daysOff.set(h.date, { date: h.date, name: h.name });

  const workingDays: WorkingDay[] = [];
  for (const adj of finalByDate.values()) {
    switch (adj.kind) {
      case 'day_off': {
        const existing = daysOff.get(adj.date);
        daysOff.set(adj.date, { date: adj.date, name: adj.name ?? existing?.name ?? ANNOUNCED_DAY_OFF_NAME });
        break;
      }
      case 'not_holiday':
        daysOff.delete(adj.date);
        break;
      case 'working_day':
        daysOff.delete(adj.date);
        workingDays.push(adj.name === undefined ? { date: adj.date } : { date: adj.date, name: adj.name });
        break;
    }
  }
  return { daysOff: [...daysOff.values()].sort(byDate), workingDays: workingDays.sort(byDate) };
}

/** Saturday or Sunday, from the date's own Y-M-D: no clock, so no time zone can shift it. */
export function isWeekend(iso: string): boolean {
  // JDN + 1 is 0 on a Sunday and 6 on a Saturday.
  const weekday = (isoToDayNumber(iso) + 1) % 7;
  return weekday === 0 || weekday === 6;
}
