import { addDays, weekday, type Half } from '../../../../shared/domain/days';

/** Weeks start on Monday, as on every Vietnamese wall calendar. */
export function mondayOf(iso: string): string {
  return addDays(iso, -((weekday(iso) + 6) % 7));
}

export function daysFrom(start: string, count: number): string[] {
  return Array.from({ length: count }, (_, i) => addDays(start, i));
}

export function firstOfMonth(iso: string): string {
  return `${iso.slice(0, 7)}-01`;
}

/** The first day of the month `n` months after the one holding `iso`. */
export function shiftMonth(iso: string, n: number): string {
  const index = Number(iso.slice(0, 4)) * 12 + Number(iso.slice(5, 7)) - 1 + n;
  return `${String(Math.floor(index / 12)).padStart(4, '0')}-${String((index % 12) + 1).padStart(2, '0')}-01`;
}

/** Six full weeks always hold a month, whatever weekday it starts on: the grid never changes height. */
export function monthGrid(iso: string): string[] {
  return daysFrom(mondayOf(firstOfMonth(iso)), 42);
}

export function yearsBetween(from: string, to: string): number[] {
  const years: number[] = [];
  for (let y = Number(from.slice(0, 4)); y <= Number(to.slice(0, 4)); y++) years.push(y);
  return years;
}

/** "2026-03-09" → "09/03". */
export function dayMonth(iso: string): string {
  return `${iso.slice(8, 10)}/${iso.slice(5, 7)}`;
}

export const sessionKey = (date: string, half: Half) => `${date}|${half}`;

/** A few distinct, print-safe hues so two classes on one day can be told apart at a glance. */
const CLASS_COLOURS = ['#a5161a', '#1d5fa8', '#2e7d32', '#8a6d00', '#6a1b9a', '#00796b'];
export function classColour(classId: number): string {
  return CLASS_COLOURS[classId % CLASS_COLOURS.length]!;
}

/**
 * Class names share a long head ("Lớp bồi dưỡng nhận thức về Đảng") and differ at the end
 * ("khóa I năm 2026"), so a line too short for the whole name must keep the end: the head is
 * what gets cut. The year is dropped from the tail, as the calendar already shows it.
 */
export function splitClassName(name: string): { head: string; tail: string } {
  const m = /^(.*?)\s+(kh(?:óa|oá)\s+\S+)(?:\s+năm\s+\d{4})?$/iu.exec(name);
  return m ? { head: m[1]!, tail: m[2]! } : { head: name, tail: '' };
}
