/** Cohort names: "Lớp bồi dưỡng lý luận chính trị dành cho đảng viên mới khóa II năm 2026" or "… khóa 62". */

export function toRoman(n: number): string {
  if (!Number.isInteger(n) || n < 1 || n > 3999) throw new RangeError(`No Roman numeral for ${n}`);
  const table: [number, string][] = [
    [1000, 'M'],
    [900, 'CM'],
    [500, 'D'],
    [400, 'CD'],
    [100, 'C'],
    [90, 'XC'],
    [50, 'L'],
    [40, 'XL'],
    [10, 'X'],
    [9, 'IX'],
    [5, 'V'],
    [4, 'IV'],
    [1, 'I'],
  ];
  let out = '';
  for (const [value, numeral] of table) {
    while (n >= value) {
      out += numeral;
      n -= value;
    }
  }
  return out;
}

export type CohortNumbering = 'per_year' | 'continuous';

/** The program's printed name becomes the class name: "Sơ cấp lý luận chính trị" → "Lớp sơ cấp lý luận chính trị …". */
export function proposeClassName(programName: string, cohort: number, numbering: CohortNumbering, year: number): string {
  const lowered = programName.charAt(0).toLocaleLowerCase('vi') + programName.slice(1);
  return numbering === 'per_year' ? `Lớp ${lowered} khóa ${toRoman(cohort)} năm ${year}` : `Lớp ${lowered} khóa ${cohort}`;
}
