import type { Database } from 'better-sqlite3-multiple-ciphers';
import type { HolidayAdjustment } from '../../../shared/domain/holidays';
import { cachedStatement } from '../db/statements';

export type StoredAdjustment = HolidayAdjustment & { id: number; name: string };

export function adjustmentsOf(db: Database, year: number): StoredAdjustment[] {
  return cachedStatement<[string, string], StoredAdjustment>(
    db,
    'SELECT id, date, kind, name FROM calendar_adjustments WHERE date >= ? AND date <= ? ORDER BY date',
  ).all(`${year}-01-01`, `${year}-12-31`);
}

export function adjustmentById(db: Database, id: number): unknown {
  return cachedStatement(db, 'SELECT * FROM calendar_adjustments WHERE id = ?').get(id);
}

export function hasAdjustmentOn(db: Database, date: string): boolean {
  return cachedStatement(db, 'SELECT 1 FROM calendar_adjustments WHERE date = ?').get(date) !== undefined;
}

export function insertAdjustment(db: Database, a: { date: string; kind: HolidayAdjustment['kind']; name: string }, now: string): number {
  return Number(
    cachedStatement(db, 'INSERT INTO calendar_adjustments (date, kind, name, created_at) VALUES (?, ?, ?, ?)').run(
      a.date,
      a.kind,
      a.name,
      now,
    ).lastInsertRowid,
  );
}

export function deleteAdjustment(db: Database, id: number): void {
  cachedStatement(db, 'DELETE FROM calendar_adjustments WHERE id = ?').run(id);
}
