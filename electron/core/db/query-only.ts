import type { Database } from 'better-sqlite3-multiple-ciphers';

/** Runs a read with the connection refusing writes, so a query channel that writes is caught as the bug it is. */
export function whileQueryOnly<T>(db: Database, read: () => T): T {
  db.pragma('query_only = ON');
  try {
    return read();
  } finally {
    db.pragma('query_only = OFF');
  }
}
