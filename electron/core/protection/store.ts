import crypto from 'node:crypto';
import type { Database } from 'better-sqlite3-multiple-ciphers';
import { readSetting } from '../db/settings';
import { cachedStatement } from '../db/statements';

const CENTRE_ID = 'centre_id';

/**
 * A random identity for the centre's database, made once: an off-PC backup carries it, so a backup
 * from another centre is told apart even when both centres have the same name.
 */
export function ensureCentreId(db: Database): string {
  const existing = readSetting(db, CENTRE_ID);
  if (existing !== null) return existing;
  const id = crypto.randomUUID();
  cachedStatement(db, 'INSERT INTO settings (key, value) VALUES (?, ?)').run(CENTRE_ID, id);
  return id;
}

export function centreIdOf(db: Database): string | null {
  return readSetting(db, CENTRE_ID);
}
