import type { ReportPeriod } from '../../../../shared/contract/reports';

/** The period lives in the address (?ky=nam&nam=2026): back returns to it, and a link can name it. */
export function periodFromParams(params: URLSearchParams, fallbackYear: number): ReportPeriod {
  const year = Number(params.get('nam')) || fallbackYear;
  const kind = params.get('ky');
  if (kind === '6-thang' || kind === '9-thang') return { kind: 'months', year, months: kind === '6-thang' ? 6 : 9 };
  if (kind === 'nhieu-nam') {
    const fromYear = Number(params.get('tu')) || fallbackYear - 4;
    const toYear = Number(params.get('den')) || fallbackYear;
    return { kind: 'range', fromYear, toYear };
  }
  return { kind: 'year', year };
}

export function periodToParams(p: ReportPeriod): Record<string, string> {
  if (p.kind === 'year') return { ky: 'nam', nam: String(p.year) };
  if (p.kind === 'months') return { ky: `${p.months}-thang`, nam: String(p.year) };
  return { ky: 'nhieu-nam', tu: String(p.fromYear), den: String(p.toYear) };
}

/** Party congress terms the clerks report on. */
export const PARTY_TERMS: [number, number][] = [
  [2010, 2015],
  [2015, 2020],
  [2020, 2025],
  [2025, 2030],
];
