import type { Database } from 'better-sqlite3-multiple-ciphers';
import { cachedStatement } from '../db/statements';

/** The certificate choices kept in `settings` beyond single values (db/settings.ts), and the programs' print layouts. */

/** Every setting whose key starts with the prefix, as stored. */
export function settingsWithPrefix(db: Database, prefix: string): { key: string; value: string }[] {
  return cachedStatement<[string], { key: string; value: string }>(db, "SELECT key, value FROM settings WHERE key LIKE ? || '%'").all(
    prefix,
  );
}

export function programExists(db: Database, programId: number): boolean {
  return cachedStatement<[number]>(db, 'SELECT 1 FROM programs WHERE id = ?').get(programId) !== undefined;
}

export function layoutJson(db: Database, programId: number): string | null {
  return (
    cachedStatement<[number], { layout_json: string }>(db, 'SELECT layout_json FROM certificate_layouts WHERE program_id = ?').get(
      programId,
    )?.layout_json ?? null
  );
}

export function writeLayout(db: Database, programId: number, layoutJson: string, now: string): void {
  cachedStatement(
    db,
    'INSERT INTO certificate_layouts (program_id, layout_json, updated_at) VALUES (?, ?, ?) ON CONFLICT (program_id) DO UPDATE SET layout_json = excluded.layout_json, updated_at = excluded.updated_at',
  ).run(programId, layoutJson, now);
}
