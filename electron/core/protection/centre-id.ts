import crypto from 'node:crypto';
import type { Database } from 'better-sqlite3-multiple-ciphers';

/**
 * A random identity for the centre's database, made once: an off-PC backup carries it, so a backup
 * from another centre is told apart even when both centres have the same name.
 */
export function ensureCentreId(db: Database): string {
  const row = db.prepare("SELECT value FROM settings WHERE key = 'centre_id'").get() as { value: string } | undefined;
  if (row) return row.value;
  const id = crypto.randomUUID();
  db.prepare("INSERT INTO settings (key, value) VALUES ('centre_id', ?)").run(id);
  return id;
}

export function centreIdOf(db: Database): string | null {
  const row = db.prepare("SELECT value FROM settings WHERE key = 'centre_id'").get() as { value: string } | undefined;
  return row?.value ?? null;
}
