/** Vietnamese number, percentage and date formatting: 1.234,5 · 134,5% · 05/09/2026. */

const numberFormats = new Map<number, Intl.NumberFormat>();

function numberFormat(decimals: number): Intl.NumberFormat {
  let f = numberFormats.get(decimals);
  if (!f) {
    f = new Intl.NumberFormat('vi-VN', { minimumFractionDigits: decimals, maximumFractionDigits: decimals });
    numberFormats.set(decimals, f);
  }
  return f;
}

/** 1234.5 → "1.234,5"; integers print without decimals unless asked. */
export function formatNumber(value: number, decimals?: number): string {
  if (decimals === undefined) {
    decimals = Number.isInteger(value) ? 0 : 1;
  }
  return numberFormat(decimals).format(value);
}

/** 1.345 → "134,5%" (the ratio, not the percent, is passed in). */
export function formatPercent(ratio: number, decimals = 1): string {
  return `${formatNumber(ratio * 100, decimals)}%`;
}

/** Score stored in tenths (75) → "7,5". */
export function formatScore(tenths: number): string {
  return formatNumber(tenths / 10, 1);
}

/** Accepts "7,5", "7.5", " 10 " → 75; anything else (or more than one decimal) → null. */
export function parseScore(text: string): number | null {
  const t = text.trim().replace(',', '.');
  if (!/^\d{1,2}(\.\d)?$/.test(t)) return null;
  const tenths = Math.round(Number(t) * 10);
  return tenths >= 0 && tenths <= 100 ? tenths : null;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function pad2(n: number): string {
  return String(n).padStart(2, '0');
}

/** "2026-09-05" → "05/09/2026"; partial birth dates "1975-03" → "03/1975", "1975" → "1975". */
export function formatDate(iso: string | null | undefined): string {
  if (!iso) return '';
  const full = ISO_DATE.exec(iso);
  if (full) return `${full[3]}/${full[2]}/${full[1]}`;
  const ym = /^(\d{4})-(\d{2})$/.exec(iso);
  if (ym) return `${ym[2]}/${ym[1]}`;
  return /^\d{4}$/.test(iso) ? iso : iso;
}

/** An ISO UTC timestamp shown in the clerk's local time: "21/11/2026 15:04". */
export function formatDateTime(isoTimestamp: string | null | undefined): string {
  if (!isoTimestamp) return '';
  const d = new Date(isoTimestamp);
  if (Number.isNaN(d.getTime())) return '';
  return `${pad2(d.getDate())}/${pad2(d.getMonth() + 1)}/${d.getFullYear()} ${pad2(d.getHours())}:${pad2(d.getMinutes())}`;
}

/**
 * The Party date line [HD 36-HD/VPTW]: "Đắk Hà, ngày 05 tháng 9 năm 2026" — day below 10 and
 * months 1–2 take a leading zero, other months do not.
 */
export function partyDateLine(place: string, iso: string): string {
  return `${place}, ${vietnameseLongDate(iso)}`;
}

export function vietnameseLongDate(iso: string): string {
  const m = ISO_DATE.exec(iso);
  if (!m) throw new Error(`Not an ISO date: ${iso}`);
  const day = Number(m[3]);
  const month = Number(m[2]);
  const monthText = month <= 2 ? pad2(month) : String(month);
  return `ngày ${pad2(day)} tháng ${monthText} năm ${m[1]}`;
}
