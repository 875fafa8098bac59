/**
 * Dates as clerks write them in Excel lists, read into ISO text. Old records often hold only a year
 * or a month, so the result may be partial: "YYYY", "YYYY-MM" or "YYYY-MM-DD".
 */
import { daysInMonth, todayInVietnam } from './dates';
import { formatDate } from './format';
import { cleanText, foldText } from './text';

export type LooseDateResult = { ok: true; value: string } | { ok: false; message: string };

export interface LooseDateOptions {
  /** The clock, for the two-digit-year pivot and the birth checks; defaults to the real one. */
  now?: Date;
  /** 'birth' refuses dates in the future and people under 14; 'event' (the default) only checks the range. */
  kind?: 'birth' | 'event';
}

const MIN_YEAR = 1900;
const MAX_YEAR = 2100;
/** The youngest learner a centre admits; a younger birth date is a typing slip (wrong year). */
const MIN_AGE = 14;
const DAY_MS = 86_400_000;
/** Last day Excel's 1900 date system can show within MAX_YEAR: 31/12/2100. */
const MAX_SERIAL = 73_415;
/** Excel counts a 29/02/1900 that never existed (a Lotus 1-2-3 bug it kept); that serial is 60. */
const FAKE_LEAP_DAY = 60;
const EXAMPLE = 'hãy ghi theo dạng ngày/tháng/năm, ví dụ 05/09/1975';

interface Parts {
  year: number;
  month?: number;
  day?: number;
}

function fail(message: string): LooseDateResult {
  return { ok: false, message };
}

function notUnderstood(shown: string): LooseDateResult {
  return fail(`Không hiểu ngày «${shown}»; ${EXAMPLE}`);
}

function pad2(n: number): string {
  return String(n).padStart(2, '0');
}

function toIso(p: Parts): string {
  if (p.month === undefined) return String(p.year);
  if (p.day === undefined) return `${p.year}-${pad2(p.month)}`;
  return `${p.year}-${pad2(p.month)}-${pad2(p.day)}`;
}

export function parseLooseDate(input: unknown, options: LooseDateOptions = {}): LooseDateResult {
  const now = options.now ?? new Date();
  const kind = options.kind ?? 'event';
  const today = todayInVietnam(now);
  let parts: Parts | LooseDateResult;
  let shown: string;
  if (input instanceof Date) {
    shown = Number.isNaN(input.getTime()) ? '' : formatDate(input.toISOString().slice(0, 10));
    parts = fromDate(input);
  } else if (typeof input === 'number') {
    shown = String(input);
    parts = fromNumber(input);
  } else if (typeof input === 'string') {
    shown = cleanText(input);
    if (!shown) return fail('Chưa ghi ngày');
    parts = fromText(shown, Number(today.slice(0, 4)));
  } else if (input === null || input === undefined) {
    return fail('Chưa ghi ngày');
  } else {
    return notUnderstood(String(input));
  }
  if ('ok' in parts) return parts;
  const checked = checkParts(parts, shown);
  if (checked) return checked;
  if (kind === 'birth') {
    const refusal = checkBirth(parts, today);
    if (refusal) return refusal;
  }
  return { ok: true, value: toIso(parts) };
}

/** ExcelJS gives dates as UTC midnight; a value a hair before midnight is float noise from the serial. */
function fromDate(d: Date): Parts | LooseDateResult {
  const ms = d.getTime();
  if (Number.isNaN(ms)) return fail('Ô ngày không hợp lệ');
  const timeOfDay = ((ms % DAY_MS) + DAY_MS) % DAY_MS;
  const snapped = timeOfDay > DAY_MS - 1000 ? ms + 1000 : ms;
  const u = new Date(snapped);
  return { year: u.getUTCFullYear(), month: u.getUTCMonth() + 1, day: u.getUTCDate() };
}

/**
 * A number cell is either a year typed as a number (1975) or an Excel serial. Serials 1900–2100
 * would be days in 1905, which no learner's record holds, so those integers are read as years.
 */
function fromNumber(n: number): Parts | LooseDateResult {
  if (!Number.isFinite(n)) return notUnderstood(String(n));
  if (Number.isInteger(n) && n >= MIN_YEAR && n <= MAX_YEAR) return { year: n };
  let whole = Math.floor(n);
  if (n - whole > 1 - 1e-6) whole += 1;
  if (whole < 1 || whole > MAX_SERIAL) {
    return fail(`Số ${String(n).replace('.', ',')} trong ô không phải là một ngày; ${EXAMPLE}`);
  }
  if (whole === FAKE_LEAP_DAY) return fail('29/02/1900 không phải là ngày có thật');
  // Serials before the fake leap day count from 31/12/1899, later ones from 30/12/1899.
  const epoch = whole < FAKE_LEAP_DAY ? Date.UTC(1899, 11, 31) : Date.UTC(1899, 11, 30);
  const u = new Date(epoch + whole * DAY_MS);
  return { year: u.getUTCFullYear(), month: u.getUTCMonth() + 1, day: u.getUTCDate() };
}

const SEP = '[/.\\-]';
const DAY_MONTH_YEAR = new RegExp(`^(\\d{1,2})${SEP}(\\d{1,2})${SEP}(\\d{2}|\\d{4})$`);
const YEAR_MONTH_DAY = new RegExp(`^(\\d{4})${SEP}(\\d{1,2})${SEP}(\\d{1,2})$`);
const MONTH_YEAR = new RegExp(`^(\\d{1,2})${SEP}(\\d{4})$`);
const YEAR_MONTH = new RegExp(`^(\\d{4})${SEP}(\\d{1,2})$`);
const YEAR = /^(\d{4})$/;

/**
 * Reduces the ways people write a date to digits and separators: "ngày 5 tháng 9 năm 1975",
 * "tháng 9/1975", "T9/1975", "năm 1975", "05 / 09 / 1975", a time Excel appended to a CSV date.
 */
function simplify(text: string): string {
  let s = foldText(text);
  s = s.replace(/[ t]\d{1,2}:\d{2}(:\d{2}(\.\d+)?)?\s*(am|pm|sa|ch|z|[+-]\d{2}:?\d{2})?$/, '');
  s = s.replace(/^(sinh ngay|ngay)\s*(?=\d)/, '');
  s = s.replace(/(\d)\s*(thang|nam)\s*(?=\d)/g, '$1/');
  s = s.replace(/^(thang|nam|t)\s*(?=\d)/, '');
  s = s.replace(/\s*([/.-])\s*/g, '$1');
  if (/^\d+( \d+){1,2}$/.test(s)) s = s.replace(/ /g, '/');
  return s;
}

function fromText(text: string, currentYear: number): Parts | LooseDateResult {
  const s = simplify(text);
  let m = DAY_MONTH_YEAR.exec(s);
  if (m) return { day: Number(m[1]), month: Number(m[2]), year: fullYear(m[3]!, currentYear) };
  m = YEAR_MONTH_DAY.exec(s);
  if (m) return { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
  m = MONTH_YEAR.exec(s);
  if (m) return { month: Number(m[1]), year: Number(m[2]) };
  m = YEAR_MONTH.exec(s);
  if (m) return { year: Number(m[1]), month: Number(m[2]) };
  m = YEAR.exec(s);
  if (m) return { year: Number(m[1]) };
  return notUnderstood(text);
}

/** "75" → 1975, "05" → 2005: a two-digit year past this year's belongs to the last century. */
function fullYear(digits: string, currentYear: number): number {
  const y = Number(digits);
  if (digits.length === 4) return y;
  return y > currentYear % 100 ? 1900 + y : 2000 + y;
}

function checkParts(p: Parts, shown: string): LooseDateResult | null {
  if (p.year < MIN_YEAR || p.year > MAX_YEAR) {
    return fail(`«${shown}»: năm ${p.year} không hợp lệ, chỉ nhận năm từ ${MIN_YEAR} đến ${MAX_YEAR}`);
  }
  if (p.month !== undefined && (p.month < 1 || p.month > 12)) {
    return fail(`${shown} không phải là ${p.day === undefined ? 'tháng' : 'ngày'} có thật`);
  }
  if (p.day !== undefined && p.month !== undefined && (p.day < 1 || p.day > daysInMonth(p.year, p.month))) {
    return fail(`${shown} không phải là ngày có thật`);
  }
  return null;
}

/**
 * A partial date is judged by its earliest possible day, so "2012" is accepted as long as someone
 * born on 01/01/2012 would be old enough: the clerk is not blocked by a record that may be right.
 */
function checkBirth(p: Parts, today: string): LooseDateResult | null {
  const earliest = `${p.year}-${pad2(p.month ?? 1)}-${pad2(p.day ?? 1)}`;
  const shown = formatDate(toIso(p));
  if (earliest > today) return fail(`Ngày sinh ${shown} ở sau ngày hôm nay; hãy kiểm tra lại năm sinh`);
  const youngest = `${Number(today.slice(0, 4)) - MIN_AGE}${today.slice(4)}`;
  if (earliest > youngest) {
    return fail(`Ngày sinh ${shown}: người học chưa đủ ${MIN_AGE} tuổi; hãy kiểm tra lại năm sinh`);
  }
  return null;
}
