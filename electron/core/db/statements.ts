import type { Database, Statement } from 'better-sqlite3-multiple-ciphers';

/**
 * A prepared statement reused for the life of the connection: every connection keeps its statements
 * (db/engine.ts), so this is `db.prepare` under the name the import code has always used.
 */
export function sql(db: Database, text: string): Statement {
  return db.prepare(text);
}
