import { dayNumberToIso, isoToDayNumber } from './lunar';

/** Calendar arithmetic on ISO dates through day numbers: no Date, no time zone. */
export function addDays(iso: string, days: number): string {
  return dayNumberToIso(isoToDayNumber(iso) + days);
}

export function daysBetween(from: string, to: string): number {
  return isoToDayNumber(to) - isoToDayNumber(from);
}

/** 0 = Sunday … 6 = Saturday. */
export function weekday(iso: string): number {
  return (isoToDayNumber(iso) + 1) % 7;
}

const NAMES = ['Chủ nhật', 'Thứ Hai', 'Thứ Ba', 'Thứ Tư', 'Thứ Năm', 'Thứ Sáu', 'Thứ Bảy'];

export function weekdayName(iso: string): string {
  return NAMES[weekday(iso)]!;
}

export type Half = 'sang' | 'chieu';
export const HALF_LABELS: Record<Half, string> = { sang: 'Sáng', chieu: 'Chiều' };
