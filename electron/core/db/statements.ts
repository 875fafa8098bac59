import type { Database, Statement } from 'better-sqlite3-multiple-ciphers';

const caches = new WeakMap<Database, Map<string, Statement>>();

/**
 * A prepared statement reused for the life of the connection. Preparing costs more than running a
 * small indexed query, and imports run several per row over thousands of rows.
 */
export function sql(db: Database, text: string): Statement {
  let cache = caches.get(db);
  if (!cache) caches.set(db, (cache = new Map()));
  let stmt = cache.get(text);
  if (!stmt) cache.set(text, (stmt = db.prepare(text)));
  return stmt;
}
