import type { Database } from 'better-sqlite3-multiple-ciphers';
import { readClerkName, writeClerkName } from './store';

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
