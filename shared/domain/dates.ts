/** Calendar dates as ISO text (YYYY-MM-DD) in the centre's own calendar, never the host's zone. */

export function isValidIsoDate(value: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return false;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  if (y < 1900 || y > 2100 || mo < 1 || mo > 12 || d < 1) return false;
  return d <= daysInMonth(y, mo);
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Today in Vietnam (UTC+7), whatever the machine's time zone is set to. */
export function todayInVietnam(now: Date = new Date()): string {
  return new Date(now.getTime() + 7 * 3600_000).toISOString().slice(0, 10);
}

/** Birth dates may be partial because old records hold only a year: YYYY, YYYY-MM or YYYY-MM-DD. */
export function isValidPartialDate(value: string): boolean {
  if (/^\d{4}$/.test(value)) return Number(value) >= 1900 && Number(value) <= 2100;
  const ym = /^(\d{4})-(\d{2})$/.exec(value);
  if (ym) return Number(ym[1]) >= 1900 && Number(ym[1]) <= 2100 && Number(ym[2]) >= 1 && Number(ym[2]) <= 12;
  return isValidIsoDate(value);
}
