import type { Figures } from '../contract/reports';
import { formatNumber, formatPercent } from './format';

/**
 * The report's breakdowns, defined once for the screen, the PDF and the workbook: each column is a
 * count with its share of a stated base, so a committee reads "1.234 (45,6%)" everywhere alike.
 */

export interface BreakdownColumn {
  /** The heading above several columns ("Đảng viên", "Độ tuổi"). */
  group: string;
  header: string;
  /** The heading said in full, where there is no group above it (a workbook column). */
  fullHeader: string;
  count: (f: Figures) => number;
  /** What the share is of: enrolments for the composition, graded completions for the classification. */
  base: (f: Figures) => number;
}

/**
 * Completions that got a classification: those of programs that grade. A program without grading
 * completes its learners with no classification, so it stays out of the classification's base and
 * the shares add up to 100%.
 */
export function gradedCount(f: Figures): number {
  let n = 0;
  for (const v of Object.values(f.classifications)) n += v;
  return n;
}

export function share(part: number, whole: number): number | null {
  return whole > 0 ? part / whole : null;
}

/** "45,6%", or "—" when there is nothing to take a share of. */
export function shareText(part: number, whole: number): string {
  const s = share(part, whole);
  return s === null ? '—' : formatPercent(s, 1);
}

const enrolments = (f: Figures) => f.enrollments;

export function compositionColumns(ageBands: readonly string[]): BreakdownColumn[] {
  return [
    { group: 'Giới tính', header: 'Nữ', fullHeader: 'Nữ', count: (f) => f.women, base: enrolments },
    { group: 'Dân tộc', header: 'Dân tộc thiểu số', fullHeader: 'Dân tộc thiểu số', count: (f) => f.minority, base: enrolments },
    { group: 'Đảng viên', header: 'Chính thức', fullHeader: 'Đảng viên chính thức', count: (f) => f.party.chinh_thuc, base: enrolments },
    { group: 'Đảng viên', header: 'Dự bị', fullHeader: 'Đảng viên dự bị', count: (f) => f.party.du_bi, base: enrolments },
    { group: 'Đảng viên', header: 'Quần chúng', fullHeader: 'Quần chúng', count: (f) => f.party.quan_chung, base: enrolments },
    { group: 'Đảng viên', header: 'Chưa rõ', fullHeader: 'Chưa rõ đảng tịch', count: (f) => f.party.unknown, base: enrolments },
    ...ageBands.map((label, i): BreakdownColumn => ({
      group: 'Độ tuổi',
      header: label,
      fullHeader: label,
      count: (f) => f.ages[i] ?? 0,
      base: enrolments,
    })),
  ];
}

export function classificationColumns(labels: readonly string[]): BreakdownColumn[] {
  return labels.map((label) => ({
    group: 'Xếp loại',
    header: label,
    fullHeader: label,
    count: (f) => f.classifications[label] ?? 0,
    base: gradedCount,
  }));
}

/** The column groups in order, each with how many columns it spans: the upper header row. */
export function columnGroups(columns: readonly BreakdownColumn[]): { group: string; span: number }[] {
  const out: { group: string; span: number }[] = [];
  for (const c of columns) {
    const last = out[out.length - 1];
    if (last && last.group === c.group) last.span++;
    else out.push({ group: c.group, span: 1 });
  }
  return out;
}

/** The sentence under the classification table that says what its shares are of. */
export function classificationBaseText(total: Figures): string {
  const graded = gradedCount(total);
  const ungraded = total.completed - graded;
  const base = `Tỉ lệ xếp loại tính trên ${formatNumber(graded)} lượt học viên hoàn thành của các chương trình có xếp loại`;
  return ungraded > 0 ? `${base}; không tính ${formatNumber(ungraded)} lượt hoàn thành chương trình không xếp loại.` : `${base}.`;
}

/** What the units of the first table mean, said once under it. */
export const UNITS_NOTE =
  'Lượt học viên: mỗi người tính một lần cho mỗi lớp đã học. Số người: mỗi người chỉ tính một lần; người học nhiều chương trình được tính ở từng chương trình nhưng chỉ một lần ở dòng Cộng.';
