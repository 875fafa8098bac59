import type { Database } from 'better-sqlite3-multiple-ciphers';
import { applyAdjustments, defaultDaysOff, type EffectiveHolidays } from '../../../shared/domain/holidays';
import { adjustmentsOf } from './store';

export function effectiveHolidays(db: Database, year: number): EffectiveHolidays {
  return applyAdjustments(defaultDaysOff(year), adjustmentsOf(db, year));
}

/** Days off and swapped working days over the years a timetable can touch, as quick lookups. */
export function calendarLookup(db: Database, fromYear: number, toYear: number) {
  const off = new Map<string, string>();
  const working = new Set<string>();
  for (let y = fromYear; y <= toYear; y++) {
    const e = effectiveHolidays(db, y);
    for (const d of e.daysOff) off.set(d.date, d.name);
    for (const w of e.workingDays) working.add(w.date);
  }
  return {
    dayOffName: (iso: string) => off.get(iso) ?? null,
    isDayOff: (iso: string) => off.has(iso),
    isWorkingDay: (iso: string) => working.has(iso),
  };
}
