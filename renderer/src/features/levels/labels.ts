import type { HistoryEntry } from '../../../../shared/contract/levels';
import { formatDate, formatPercent } from '../../../../shared/domain/format';
import { THEORY_LEVEL_LABELS, type TheoryLevel } from '../../../../shared/domain/learner-fields';

/** Words the levels screens share. */

export const SOURCE_LABELS: Record<HistoryEntry['source'], string> = {
  declared: 'Khai trong hồ sơ',
  centre: 'Học tại Trung tâm',
  external: 'Bằng ngoài Trung tâm',
  provincial: 'Cử đi học tại trường chính trị',
};

export function levelText(level: TheoryLevel, equivalent = false): string {
  return `${THEORY_LEVEL_LABELS[level]}${equivalent ? ' (tương đương)' : ''}`;
}

/** A history date: a full date as dd/MM/yyyy, a year alone as «năm 2024». */
export function historyDate(date: string | null): string {
  if (!date) return '';
  return /^\d{4}$/.test(date) ? `năm ${date}` : formatDate(date);
}

export const shareText = (share: number | null) => (share === null ? '—' : formatPercent(share, 2));

export const thisYear = () => new Date().getFullYear();
