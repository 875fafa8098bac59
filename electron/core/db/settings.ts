import type { Database } from 'better-sqlite3-multiple-ciphers';
import { cachedStatement } from './statements';

/** The key/value settings table, read and written the same way by every capability that keeps a choice there. */
export function readSetting(db: Database, key: string): string | null {
  const row = cachedStatement<[string], { value: string }>(db, 'SELECT value FROM settings WHERE key = ?').get(key);
  return row?.value ?? null;
}

export function writeSetting(db: Database, key: string, value: string): void {
  cachedStatement(db, 'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(
    key,
    value,
  );
}

/** The migration the database is at (SQLite's user_version), 0 before the first. */
export function schemaVersion(db: Database): number {
  return db.pragma('user_version', { simple: true }) as number;
}
