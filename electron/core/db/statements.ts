import type { Database, Statement } from 'better-sqlite3-multiple-ciphers';

const caches = new WeakMap<Database, Map<string, Statement>>();

/**
 * A statement prepared once per connection: preparing costs more than running the small queries the stores make,
 * and the stores make them on every call. Keyed by the SQL text, so a store passes a constant string. Not for
 * `.iterate()` that can re-enter the same statement (SQLite allows one open cursor per statement).
 */
export function cachedStatement<Params extends unknown[] | object = unknown[], Row = unknown>(
  db: Database,
  sql: string,
): Statement<Params, Row> {
  let cache = caches.get(db);
  if (!cache) caches.set(db, (cache = new Map()));
  let statement = cache.get(sql);
  if (!statement) cache.set(sql, (statement = db.prepare(sql)));
  return statement as unknown as Statement<Params, Row>;
}
