import type { KeyboardEvent } from 'react';
import { useSearchParams } from 'react-router';
import { todayInVietnam } from '../../../../shared/domain/dates';

/** "3" → 3; anything else (empty, "-1", "3,5") is not a head count and the schema says so at the field. */
export const headCount = (s: string): number | null => (s.trim() === '' ? null : /^\d+$/.test(s.trim()) ? Number(s.trim()) : Number.NaN);

/** The year the tab shows, kept in the address (?nam=2026) so "back" returns to it. */
export function useYearParam(): [number, (year: number) => void, URLSearchParams, (next: Record<string, string>) => void] {
  const [params, setParams] = useSearchParams();
  const thisYear = Number(todayInVietnam(new Date()).slice(0, 4));
  const raw = Number(params.get('nam'));
  const year = Number.isInteger(raw) && raw >= 1990 && raw <= 2100 ? raw : thisYear;
  const update = (next: Record<string, string>) => {
    const merged = Object.fromEntries(params);
    for (const [k, v] of Object.entries(next)) {
      if (v === '') delete merged[k];
      else merged[k] = v;
    }
    setParams(merged, { replace: true });
  };
  return [year, (y) => update({ nam: String(y) }), params, update];
}

/** A missing denominator stands out in dark amber: MUI's warning.dark is too light for body text on white (axe). */
export const MISSING_COLOR = '#8a4600';

/** Enter goes to the next field of a grid (its inputs marked with `data-<attribute>`), as Tab does; Shift+Enter back. */
export function nextField(attribute: string) {
  return (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.key !== 'Enter') return;
    e.preventDefault();
    const fields = [...document.querySelectorAll<HTMLInputElement>(`input[data-${attribute}]`)];
    fields[fields.indexOf(e.target as HTMLInputElement) + (e.shiftKey ? -1 : 1)]?.focus();
  };
}
