import type { Database } from 'better-sqlite3';

/**
 * Document numbers run from 01 for each document type within a Party committee term. The term
 * boundaries are a setting (`party_terms`: ISO start dates), defaulting to the five-year cycles.
 */
const DEFAULT_TERMS = ['2005-01-01', '2010-01-01', '2015-01-01', '2020-01-01', '2025-01-01', '2030-01-01', '2035-01-01'];

export function termStarts(db: Database): string[] {
  const row = db.prepare("SELECT value FROM settings WHERE key = 'party_terms'").get() as { value: string } | undefined;
  const list = row ? (JSON.parse(row.value) as string[]) : DEFAULT_TERMS;
  return [...list].sort();
}

/** The year the term containing `date` began (its key in the numbering). */
export function termOf(db: Database, date: string): number {
  const starts = termStarts(db).filter((s) => s <= date);
  return Number((starts[starts.length - 1] ?? date).slice(0, 4));
}

/** "Số 05-QĐ/TTCT": numbers below 10 keep a leading zero. */
export function decisionLabel(number: number, docCode: string): string {
  return `${String(number).padStart(2, '0')}-QĐ/${docCode}`;
}
