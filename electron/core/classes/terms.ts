import type { Database } from 'better-sqlite3-multiple-ciphers';
import { formatDate } from '../../../shared/domain/format';
import { AppError } from '../errors';
import { decisionWithNumber, insertDecision, partyTermsSetting, updateDecision } from './decision-store';

/**
 * Document numbers run from 01 for each document type within a Party committee term. The term
 * boundaries are a setting (`party_terms`: ISO start dates), defaulting to the five-year cycles.
 */
const DEFAULT_TERMS = ['2005-01-01', '2010-01-01', '2015-01-01', '2020-01-01', '2025-01-01', '2030-01-01', '2035-01-01'];

export function termStarts(db: Database): string[] {
  return [...(partyTermsSetting(db) ?? DEFAULT_TERMS)].sort();
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
  const clash = decisionWithNumber(db, term, d.number, d.existingId);
  if (clash) {
    throw new AppError('DUPLICATE_NUMBER', 'Số quyết định đã dùng.', {
      [d.field]: `Số ${decisionLabel(d.number, d.docCode)} đã dùng cho «${clash.subject}» ngày ${formatDate(clash.date)}`,
    });
  }
  const values = { term, number: d.number, date: d.date, subject: d.subject };
  if (d.existingId) {
    updateDecision(db, d.existingId, values);
    return d.existingId;
  }
  return insertDecision(db, { ...values, classId: d.classId, now: d.now });
}
