import { formatPercent } from './format';
import { truncatedShare } from './shares';

/** Said where a base organisation has neither a «phải dự» count nor members for the year: never 0 %. */
export const MISSING_MEMBERS = 'Thiếu số đảng viên';

/** Said where a base organisation with members for the year sent no figures for a session. */
export const NOT_REPORTED = 'Chưa báo cáo';

/**
 * present / expected truncated to two decimals of the percentage: 94,996 % is «94,99%», never «95,00%»
 * against a target «trên 95%». Null without a denominator or with none expected.
 */
export function participationRate(present: number, expected: number | null): number | null {
  return expected === null ? null : truncatedShare(present, expected);
}

/** A participation rate as the committee writes it, «95,12%»; a missing denominator in words, no members «—». */
export function participationRateText(rate: number | null, expected: number | null): string {
  if (expected === null) return MISSING_MEMBERS;
  return rate === null ? '—' : formatPercent(rate, 2);
}
