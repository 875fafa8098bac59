/**
 * The Vietnamese lunar calendar (âm lịch), computed rather than tabulated.
 *
 * Method: Hồ Ngọc Đức's — true new moons and the sun's longitude from Jean Meeus's formulas
 * ("Astronomical Algorithms", 1998), with every "which day is it" decision taken at UTC+7. The zone is
 * what separates this calendar from China's (UTC+8): a new moon or solar term that falls between
 * 23:00 and 24:00 Beijing time lands on a different day, which moved Tết in 1985, 2007 and 2030.
 * All arithmetic is on Julian day numbers (JDN, integers); Date is never used, so the host's zone
 * cannot leak in.
 */

export interface LunarDate {
  year: number;
  month: number;
  day: number;
  leap: boolean;
}

/** Vietnam has reckoned its official calendar at 105°E since 1968. */
const TIME_ZONE_HOURS = 7;

export const LUNAR_MIN_YEAR = 1900;
export const LUNAR_MAX_YEAR = 2100;

// ---------------------------------------------------------------------------------------------
// Civil dates ↔ Julian day numbers

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Gregorian Y-M-D → JDN, by integer arithmetic valid for any year after 4800 BC. */
function ymdToJdn(y: number, m: number, d: number): number {
  // Counting years from March puts the leap day at the end, so month lengths follow one formula.
  const a = Math.floor((14 - m) / 12);
  const yy = y + 4800 - a;
  const mm = m + 12 * a - 3;
  return d + Math.floor((153 * mm + 2) / 5) + 365 * yy + Math.floor(yy / 4) - Math.floor(yy / 100) + Math.floor(yy / 400) - 32045;
}

function jdnToYmd(jdn: number): [number, number, number] {
  const a = jdn + 32044;
  const b = Math.floor((4 * a + 3) / 146097);
  const c = a - Math.floor((146097 * b) / 4);
  const d = Math.floor((4 * c + 3) / 1461);
  const e = c - Math.floor((1461 * d) / 4);
  const m = Math.floor((5 * e + 2) / 153);
  return [100 * b + d - 4800 + Math.floor(m / 10), m + 3 - 12 * Math.floor(m / 10), e - Math.floor((153 * m + 2) / 5) + 1];
}

/** "YYYY-MM-DD" → JDN; a malformed or impossible date (2025-02-29) is a RangeError. */
export function isoToDayNumber(iso: string): number {
  const match = ISO_DATE.exec(iso);
  if (match) {
    const y = Number(match[1]);
    const m = Number(match[2]);
    const d = Number(match[3]);
    const jdn = ymdToJdn(y, m, d);
    // Going back and forth rejects 31/4 or 29/2 in a common year without a month-length table.
    const [y2, m2, d2] = jdnToYmd(jdn);
    if (y2 === y && m2 === m && d2 === d) return jdn;
  }
  throw new RangeError(`Not a calendar date (YYYY-MM-DD): ${iso}`);
}

export function dayNumberToIso(jdn: number): string {
  const [y, m, d] = jdnToYmd(jdn);
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

// ---------------------------------------------------------------------------------------------
// Astronomy (Meeus). These are Hồ Ngọc Đức's low-order series, kept so that we reproduce his
// reference calendar; their error is minutes. Against a full ephemeris (astronomy-engine) they give
// the same calendar for every day of 1968–2053; the first disagreements, in 2072 and 2085, are new
// moons within a minute of midnight, closer than ΔT can yet be predicted for those decades.

const DEG = Math.PI / 180;
const SYNODIC_MONTH = 29.530588853;

/** Instant (Julian day, UT) of the k-th new moon after the one of 1900-01-01 13:52 UT (JD 2415021.077). */
function newMoonInstant(k: number): number {
  const t = k / 1236.85; // Julian centuries since 1900 January 0.5
  const t2 = t * t;
  const t3 = t2 * t;
  let mean = 2415020.75933 + 29.53058868 * k + 0.0001178 * t2 - 0.000000155 * t3;
  mean += 0.00033 * Math.sin((166.56 + 132.87 * t - 0.009173 * t2) * DEG);
  const sunAnomaly = (359.2242 + 29.10535608 * k - 0.0000333 * t2 - 0.00000347 * t3) * DEG;
  const moonAnomaly = (306.0253 + 385.81691806 * k + 0.0107306 * t2 + 0.00001236 * t3) * DEG;
  const latitudeArg = (21.2964 + 390.67050646 * k - 0.0016528 * t2 - 0.00000239 * t3) * DEG;
  const correction =
    (0.1734 - 0.000393 * t) * Math.sin(sunAnomaly) +
    0.0021 * Math.sin(2 * sunAnomaly) -
    0.4068 * Math.sin(moonAnomaly) +
    0.0161 * Math.sin(2 * moonAnomaly) -
    0.0004 * Math.sin(3 * moonAnomaly) +
    0.0104 * Math.sin(2 * latitudeArg) -
    0.0051 * Math.sin(sunAnomaly + moonAnomaly) -
    0.0074 * Math.sin(sunAnomaly - moonAnomaly) +
    0.0004 * Math.sin(2 * latitudeArg + sunAnomaly) -
    0.0004 * Math.sin(2 * latitudeArg - sunAnomaly) -
    0.0006 * Math.sin(2 * latitudeArg + moonAnomaly) +
    0.001 * Math.sin(2 * latitudeArg - moonAnomaly) +
    0.0005 * Math.sin(2 * moonAnomaly + sunAnomaly);
  // The series give dynamical time; ΔT (days) brings the instant back to UT.
  const deltaT =
    t < -11 ? 0.001 + 0.000839 * t + 0.0002261 * t2 - 0.00000845 * t3 - 0.000000081 * t * t3 : -0.000278 + 0.000265 * t + 0.000262 * t2;
  return mean + correction - deltaT;
}

/** JDN of the local (UTC+7) civil day on which the k-th new moon falls. */
function newMoonDay(k: number): number {
  // A JD starts at noon UT; +0.5 moves the boundary to midnight UT, then the zone offset to local midnight.
  return Math.floor(newMoonInstant(k) + 0.5 + TIME_ZONE_HOURS / 24);
}

/** The sun's true longitude, degrees in [0, 360), at the instant jd (UT). */
function sunLongitude(jd: number): number {
  const t = (jd - 2451545.0) / 36525; // Julian centuries since J2000.0
  const t2 = t * t;
  const anomaly = (357.5291 + 35999.0503 * t - 0.0001559 * t2 - 0.00000048 * t * t2) * DEG;
  const meanLongitude = 280.46645 + 36000.76983 * t + 0.0003032 * t2;
  const centre =
    (1.9146 - 0.004817 * t - 0.000014 * t2) * Math.sin(anomaly) +
    (0.019993 - 0.000101 * t) * Math.sin(2 * anomaly) +
    0.00029 * Math.sin(3 * anomaly);
  const longitude = (meanLongitude + centre) % 360;
  return longitude < 0 ? longitude + 360 : longitude;
}

/**
 * Which 30° sector (0 = from the March equinox … 9 = from the winter solstice) the sun is in at the
 * local midnight that starts day `jdn`. A lunar month holds a major solar term (trung khí) exactly
 * when the sector at its first day differs from the sector at the next month's first day.
 */
function sunSector(jdn: number): number {
  return Math.floor(sunLongitude(jdn - 0.5 - TIME_ZONE_HOURS / 24) / 30);
}

/** Lunation index and first day of lunar month 11 (the month holding the winter solstice) of year y. */
function month11(y: number): { k: number; start: number } {
  // k lands on the last new moon before 31 December, give or take one: the mean month is only a guide.
  const k = Math.floor((ymdToJdn(y, 12, 31) - 2415021) / SYNODIC_MONTH);
  const start = newMoonDay(k);
  // Sector 9 or more already at that new moon means the solstice came earlier: month 11 is the one before.
  return sunSector(start) >= 9 ? { k: k - 1, start: newMoonDay(k - 1) } : { k, start };
}

// ---------------------------------------------------------------------------------------------
// The month table: every lunar month from before 1900-01-01 to after the end of lunar 2100, built
// once on first use (≈2,500 months, a few milliseconds) so that each lookup is a binary search.

interface MonthStart {
  start: number;
  year: number;
  month: number;
  leap: boolean;
}

interface Table {
  /** Sorted by start; the last entry is a sentinel that only bounds the month before it. */
  months: MonthStart[];
  byLabel: Map<number, number>;
  leapMonth: Map<number, number>;
}

let table: Table | null = null;

function labelKey(year: number, month: number, leap: boolean): number {
  return year * 32 + month * 2 + (leap ? 1 : 0);
}

function buildTable(): Table {
  const months: MonthStart[] = [];
  const leapMonth = new Map<number, number>();
  // A "window" runs from month 11 of one solar year to the day before month 11 of the next: the
  // stretch between two winter solstices that the leap-month rule looks at.
  let from = month11(LUNAR_MIN_YEAR - 1);
  for (let y = LUNAR_MIN_YEAR; y <= LUNAR_MAX_YEAR + 1; y++) {
    const to = month11(y);
    const count = to.k - from.k;
    // Thirteen new moons between solstices: the first month with no major solar term repeats the
    // number of the month before it. Offset 0 is month 11 itself, which always holds the solstice.
    let leapOffset = -1;
    if (count === 13) {
      for (let off = 1; off < count; off++) {
        if (sunSector(newMoonDay(from.k + off)) === sunSector(newMoonDay(from.k + off + 1))) {
          leapOffset = off;
          break;
        }
      }
    }
    for (let off = 0; off < count; off++) {
      const ordinal = leapOffset >= 0 && off >= leapOffset ? off - 1 : off; // 0 → month 11, 2 → month 1
      const month = ((ordinal + 10) % 12) + 1;
      const leap = off === leapOffset;
      // Months 11 and 12 at the head of the window come before Tết, so they close the previous lunar year.
      const year = ordinal < 2 ? y - 1 : y;
      months.push({ start: newMoonDay(from.k + off), year, month, leap });
      if (leap) leapMonth.set(year, month);
    }
    from = to;
  }
  months.push({ start: from.start, year: LUNAR_MAX_YEAR + 1, month: 11, leap: false });

  const byLabel = new Map<number, number>();
  months.forEach((m, i) => byLabel.set(labelKey(m.year, m.month, m.leap), i));
  return { months, byLabel, leapMonth };
}

function getTable(): Table {
  table ??= buildTable();
  return table;
}

function checkLunarYear(year: number): void {
  if (!Number.isInteger(year) || year < LUNAR_MIN_YEAR || year > LUNAR_MAX_YEAR) {
    throw new RangeError(`Lunar year outside ${LUNAR_MIN_YEAR}–${LUNAR_MAX_YEAR}: ${year}`);
  }
}

/** The month's table index, or -1 when that year has no such month (a leap month it lacks, month 13). */
function monthIndex(year: number, month: number, leap: boolean): number {
  checkLunarYear(year);
  if (!Number.isInteger(month) || month < 1 || month > 12) return -1;
  return getTable().byLabel.get(labelKey(year, month, leap)) ?? -1;
}

// ---------------------------------------------------------------------------------------------
// Public API

/** Solar (Gregorian) date → Vietnamese lunar date. Solar years 1900–2100; anything else is a RangeError. */
export function solarToLunar(iso: string): LunarDate {
  const jdn = isoToDayNumber(iso);
  const y = Number(iso.slice(0, 4));
  if (y < LUNAR_MIN_YEAR || y > LUNAR_MAX_YEAR) {
    throw new RangeError(`Solar year outside ${LUNAR_MIN_YEAR}–${LUNAR_MAX_YEAR}: ${iso}`);
  }
  const { months } = getTable();
  let lo = 0;
  let hi = months.length - 2; // the sentinel never starts a month we report
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (months[mid]!.start <= jdn) lo = mid;
    else hi = mid - 1;
  }
  const m = months[lo]!;
  return { year: m.year, month: m.month, day: jdn - m.start + 1, leap: m.leap };
}

/**
 * Lunar date → solar ISO date, or null when that date does not exist: day 30 of a 29-day month, a
 * leap month the year does not have, month or day out of 1–12 / 1–30. Lunar years 1900–2100 (the
 * tail of lunar 2100 runs into January 2101); other years are a RangeError.
 */
export function lunarToSolar(year: number, month: number, day: number, leap = false): string | null {
  const i = monthIndex(year, month, leap);
  if (i < 0 || !Number.isInteger(day) || day < 1) return null;
  const { months } = getTable();
  const start = months[i]!.start;
  return day <= months[i + 1]!.start - start ? dayNumberToIso(start + day - 1) : null;
}

/** 29 or 30; null when that year has no such month (typically a leap month it lacks). */
export function lunarMonthLength(year: number, month: number, leap = false): number | null {
  const i = monthIndex(year, month, leap);
  if (i < 0) return null;
  const { months } = getTable();
  return months[i + 1]!.start - months[i]!.start;
}

/** The number of the month that lunar `year` repeats as a leap month (tháng nhuận), or null. */
export function leapMonthOf(year: number): number | null {
  checkLunarYear(year);
  return getTable().leapMonth.get(year) ?? null;
}
