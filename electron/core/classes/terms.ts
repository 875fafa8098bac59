import type { Database } from 'better-sqlite3-multiple-ciphers';
import { formatDate } from '../../../shared/domain/format';
import { AppError } from '../errors';

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

/**
 * Records a numbered decision, or renumbers an existing one, refusing a number already used for a
 * decision in the same term. `field` names the form field that shows the clash.
 */
export function saveDecision(
  db: Database,
  d: {
    existingId: number | null;
    number: number;
    date: string;
    subject: string;
    classId: number | null;
    docCode: string;
    field: string;
    now: string;
  },
): number {
  const term = termOf(db, d.date);
  const clash = db
    .prepare("SELECT date, subject FROM documents WHERE type = 'QD' AND term_start = ? AND number = ? AND id IS NOT ?")
    .get(term, d.number, d.existingId) as { date: string; subject: string } | undefined;
  if (clash) {
    throw new AppError('DUPLICATE_NUMBER', 'Số quyết định đã dùng.', {
      [d.field]: `Số ${decisionLabel(d.number, d.docCode)} đã dùng cho «${clash.subject}» ngày ${formatDate(clash.date)}`,
    });
  }
  if (d.existingId) {
    db.prepare('UPDATE documents SET term_start = ?, number = ?, date = ?, subject = ? WHERE id = ?').run(
      term,
      d.number,
      d.date,
      d.subject,
      d.existingId,
    );
    return d.existingId;
  }
  return Number(
    db
      .prepare("INSERT INTO documents (type, term_start, number, date, subject, class_id, created_at) VALUES ('QD', ?, ?, ?, ?, ?, ?)")
      .run(term, d.number, d.date, d.subject, d.classId, d.now).lastInsertRowid,
  );
}
