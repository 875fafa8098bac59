/** Classification bands on the 10-point scale, in tenths: a band covers min ≤ score < max (the top band includes 10). */
import { formatScore } from './format';

export interface Band {
  label: string;
  min: number;
  max: number;
}

export interface BandProblem {
  index: number;
  field: 'min' | 'max' | 'label';
  message: string;
}

/** Finds overlaps, gaps and bad bounds so every score from 0 to 10 falls in exactly one band. */
export function checkBands(bands: readonly Band[]): BandProblem[] {
  const problems: BandProblem[] = [];
  bands.forEach((b, index) => {
    if (b.min >= b.max) {
      problems.push({ index, field: 'max', message: `Điểm "đến" phải lớn hơn điểm "từ" (${formatScore(b.min)})` });
    }
  });
  if (problems.length > 0 || bands.length === 0) return problems;

  const order = bands.map((b, index) => ({ ...b, index })).sort((a, b) => a.min - b.min || a.max - b.max);
  const first = order[0]!;
  if (first.min !== 0) {
    problems.push({ index: first.index, field: 'min', message: `Còn hở khoảng điểm từ 0,0 đến ${formatScore(first.min)}` });
  }
  for (let i = 1; i < order.length; i++) {
    const prev = order[i - 1]!;
    const cur = order[i]!;
    if (cur.min < prev.max) {
      problems.push({
        index: cur.index,
        field: 'min',
        message: `Khoảng điểm chồng lên «${prev.label}» (${formatScore(prev.min)}–${formatScore(prev.max)})`,
      });
    } else if (cur.min > prev.max) {
      problems.push({
        index: cur.index,
        field: 'min',
        message: `Còn hở khoảng điểm từ ${formatScore(prev.max)} đến ${formatScore(cur.min)}`,
      });
    }
  }
  const last = order[order.length - 1]!;
  if (last.max !== 100) {
    problems.push({ index: last.index, field: 'max', message: `Còn hở khoảng điểm từ ${formatScore(last.max)} đến 10,0` });
  }
  return problems;
}

/** The band a score falls in, or null when there are no bands. */
export function classify(bands: readonly Band[], tenths: number): Band | null {
  return bands.find((b) => tenths >= b.min && (tenths < b.max || (b.max === 100 && tenths === 100))) ?? null;
}

export const DEFAULT_BANDS: Band[] = [
  { label: 'Xuất sắc', min: 90, max: 100 },
  { label: 'Giỏi', min: 80, max: 90 },
  { label: 'Khá', min: 70, max: 80 },
  { label: 'Trung bình', min: 50, max: 70 },
  { label: 'Không đạt', min: 0, max: 50 },
];

export const PASS_FAIL_BANDS: Band[] = [
  { label: 'Đạt', min: 50, max: 100 },
  { label: 'Không đạt', min: 0, max: 50 },
];
