import { formatPercent } from './format';

/** Said where a base organisation has neither a «phải dự» count nor members for the year: never 0 %. */
export const MISSING_MEMBERS = 'Thiếu số đảng viên';

/** A participation rate as the committee writes it, «95,12%»; a missing denominator in words, no members «—». */
export function participationRateText(rate: number | null, expected: number | null): string {
  if (expected === null) return MISSING_MEMBERS;
  return rate === null ? '—' : formatPercent(rate, 2);
}
