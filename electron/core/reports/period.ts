import type { ReportPeriod } from '../../../shared/contract/reports';

export interface ResolvedPeriod {
  label: string;
  from: string;
  to: string;
  /** Calendar years the period touches. */
  years: number[];
  /** 6 or 9 for the first months of a year: plan lines count only for the quarters inside. */
  lastQuarter: number;
}

function span(fromYear: number, toYear: number): number[] {
  return Array.from({ length: toYear - fromYear + 1 }, (_, i) => fromYear + i);
}

export function resolvePeriod(p: ReportPeriod): ResolvedPeriod {
  if (p.kind === 'year') return { label: `Năm ${p.year}`, from: `${p.year}-01-01`, to: `${p.year}-12-31`, years: [p.year], lastQuarter: 4 };
  if (p.kind === 'months') {
    return {
      label: `${p.months} tháng đầu năm ${p.year}`,
      from: `${p.year}-01-01`,
      to: `${p.year}-${p.months === 6 ? '06-30' : '09-30'}`,
      years: [p.year],
      lastQuarter: p.months / 3,
    };
  }
  const label = p.fromYear === p.toYear ? `Năm ${p.fromYear}` : `Giai đoạn ${p.fromYear}–${p.toYear}`;
  return { label, from: `${p.fromYear}-01-01`, to: `${p.toYear}-12-31`, years: span(p.fromYear, p.toYear), lastQuarter: 4 };
}

/** The period just before, of the same length: the year before, the same months of the year before, the previous term. */
export function previousPeriod(p: ReportPeriod): ReportPeriod {
  if (p.kind === 'year') return { kind: 'year', year: p.year - 1 };
  if (p.kind === 'months') return { kind: 'months', year: p.year - 1, months: p.months };
  const length = p.toYear - p.fromYear + 1;
  return { kind: 'range', fromYear: p.fromYear - length, toYear: p.fromYear - 1 };
}

/** The share of a year's norm a period stands for. */
export function normFactor(p: ReportPeriod): number {
  if (p.kind === 'year') return 1;
  if (p.kind === 'months') return p.months / 12;
  return p.toYear - p.fromYear + 1;
}
