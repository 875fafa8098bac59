import type { Database } from 'better-sqlite3-multiple-ciphers';

/**
 * The name of the clerk using the app, set in the app (the office PC often has one shared Windows account,
 * or "root" on a Linux box, which says nothing about who merged two people). It is kept in the database,
 * so a restored backup or another PC keeps it with the data it describes.
 */
const KEY = 'clerk_name';

export function readClerkName(db: Database): string | null {
  const row = db.prepare('SELECT value FROM settings WHERE key = ?').get(KEY) as { value: string } | undefined;
  const name = row?.value.trim();
  return name ? name : null;
}

export function writeClerkName(db: Database, name: string): void {
  db.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(
    KEY,
    name.trim(),
  );
}

/** The actor of changes on a connection, read once per connection (a restore opens a new one). */
export class ClerkName {
  private cache: { db: Database; name: string | null } | null = null;

  constructor(private readonly osUser: string) {}

  actorOn(db: Database | null): string {
    if (!db) return this.osUser;
    if (this.cache?.db !== db) this.cache = { db, name: readClerkName(db) };
    return this.cache.name ?? this.osUser;
  }

  set(db: Database, name: string): void {
    writeClerkName(db, name);
    this.cache = null;
  }
}
