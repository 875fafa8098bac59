import type { Database } from 'better-sqlite3-multiple-ciphers';
import { cachedStatement } from '../db/statements';

/** The Party committee terms set by the centre (ISO start dates), or null when left at the default. */
export function partyTermsSetting(db: Database): string[] | null {
  const row = cachedStatement<[], { value: string }>(db, "SELECT value FROM settings WHERE key = 'party_terms'").get();
  return row ? (JSON.parse(row.value) as string[]) : null;
}

/** The next decision number free in the term. */
export function nextDecisionNumber(db: Database, term: number): number {
  return cachedStatement<[number], { n: number }>(
    db,
    "SELECT coalesce(max(number), 0) + 1 AS n FROM documents WHERE type = 'QD' AND term_start = ?",
  ).get(term)!.n;
}

/** Another decision of the term with this number, other than `exceptId`. */
export function decisionWithNumber(
  db: Database,
  term: number,
  number: number,
  exceptId: number | null,
): { date: string; subject: string } | undefined {
  return cachedStatement<[number, number, number | null], { date: string; subject: string }>(
    db,
    "SELECT date, subject FROM documents WHERE type = 'QD' AND term_start = ? AND number = ? AND id IS NOT ?",
  ).get(term, number, exceptId);
}

export interface DecisionValues {
  term: number;
  number: number;
  date: string;
  subject: string;
}

export function updateDecision(db: Database, id: number, d: DecisionValues): void {
  cachedStatement(db, 'UPDATE documents SET term_start = ?, number = ?, date = ?, subject = ? WHERE id = ?').run(
    d.term,
    d.number,
    d.date,
    d.subject,
    id,
  );
}

export function insertDecision(db: Database, d: DecisionValues & { classId: number | null; now: string }): number {
  return Number(
    cachedStatement(
      db,
      "INSERT INTO documents (type, term_start, number, date, subject, class_id, created_at) VALUES ('QD', ?, ?, ?, ?, ?, ?)",
    ).run(d.term, d.number, d.date, d.subject, d.classId, d.now).lastInsertRowid,
  );
}

/** A decision recorded before its class existed is tied to it once the class is written. */
export function linkDecisionToClass(db: Database, decisionId: number, classId: number): void {
  cachedStatement(db, 'UPDATE documents SET class_id = ? WHERE id = ?').run(classId, decisionId);
}
