import type { Database } from 'better-sqlite3-multiple-ciphers';
import { cachedStatement } from '../db/statements';

/** The SQL of roll-ups received from other centres, and of the keys that say who sent one. */

/** The key is this centre's own signing key. */
export function isOwnKey(db: Database, keyId: string): boolean {
  return cachedStatement(db, 'SELECT 1 FROM certificate_keys WHERE key_id = ?').get(keyId) !== undefined;
}

/** The centre a public key imported here belongs to, or null. */
export function trustedIssuer(db: Database, keyId: string): string | null {
  return cachedStatement<[string], { issuer: string }>(db, 'SELECT issuer FROM trusted_keys WHERE key_id = ?').get(keyId)?.issuer ?? null;
}

/** A roll-up of the same centre and year signed with another key, if any. */
export function otherKeyOf(db: Database, centreName: string, year: number, keyId: string): string | null {
  return (
    cachedStatement<[string, number, string], { centre_key_id: string }>(
      db,
      'SELECT centre_key_id FROM rollup_imports WHERE centre_name = ? AND year = ? AND centre_key_id <> ?',
    ).get(centreName, year, keyId)?.centre_key_id ?? null
  );
}

export function importedRollup(db: Database, keyId: string, year: number): { id: number; exported_at: string } | undefined {
  return cachedStatement<[string, number], { id: number; exported_at: string }>(
    db,
    'SELECT id, exported_at FROM rollup_imports WHERE centre_key_id = ? AND year = ?',
  ).get(keyId, year);
}

export interface RollupImport {
  keyId: string;
  centreName: string;
  year: number;
  exportedAt: string;
  summaryJson: string;
  importedAt: string;
}

export function updateRollup(db: Database, id: number, r: RollupImport): void {
  cachedStatement(db, 'UPDATE rollup_imports SET centre_name = ?, exported_at = ?, summary_json = ?, imported_at = ? WHERE id = ?').run(
    r.centreName,
    r.exportedAt,
    r.summaryJson,
    r.importedAt,
    id,
  );
}

export function insertRollup(db: Database, r: RollupImport): void {
  cachedStatement(
    db,
    'INSERT INTO rollup_imports (centre_key_id, centre_name, year, exported_at, summary_json, imported_at) VALUES (?, ?, ?, ?, ?, ?)',
  ).run(r.keyId, r.centreName, r.year, r.exportedAt, r.summaryJson, r.importedAt);
}

export interface RollupRowDb {
  id: number;
  centre_key_id: string;
  centre_name: string;
  exported_at: string;
  imported_at: string;
  summary_json: string;
}

export function rollupsOfYear(db: Database, year: number): RollupRowDb[] {
  return cachedStatement<[number], RollupRowDb>(
    db,
    'SELECT id, centre_key_id, centre_name, exported_at, imported_at, summary_json FROM rollup_imports WHERE year = ? ORDER BY centre_name',
  ).all(year);
}

export function rollupById(db: Database, id: number): { centre_name: string; year: number } | undefined {
  return cachedStatement<[number], { centre_name: string; year: number }>(
    db,
    'SELECT centre_name, year FROM rollup_imports WHERE id = ?',
  ).get(id);
}

export function deleteRollup(db: Database, id: number): void {
  cachedStatement(db, 'DELETE FROM rollup_imports WHERE id = ?').run(id);
}
