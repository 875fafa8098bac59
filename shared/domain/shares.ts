/**
 * A share as a ratio truncated (never rounded) to four decimals, i.e. two decimals of a percent:
 * 29.999 of 30.000 is 0,9999 (99,99%), not 100%, so a share never reads as reached while people
 * are still missing. Null when there is nobody to count.
 */
export function truncatedShare(numerator: number, denominator: number): number | null {
  if (denominator <= 0) return null;
  // Integer division on whole ten-thousandths: numerator·10000 is exact for any head count, and the
  // quotient of two exact integers is never rounded up across a whole number at these sizes.
  return Math.floor((numerator * 10_000) / denominator) / 10_000;
}
