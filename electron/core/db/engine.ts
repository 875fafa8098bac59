import BetterSqlite3, { type Database, type Options, type Statement } from 'better-sqlite3-multiple-ciphers';

/** The engine's Node-API build needs Node 22+ (the project requires 24); Electron carries its own Node. */
export const MIN_NODE_MAJOR = 24;

/**
 * On an older Node the engine's native module crashes the whole process (a segmentation fault, no
 * message), so the version is checked before the module is first loaded.
 */
export function assertSupportedRuntime(versions: NodeJS.ProcessVersions = process.versions): void {
  if (versions.electron) return;
  const major = Number(versions.node.split('.')[0]);
  if (major < MIN_NODE_MAJOR) {
    throw new Error(
      `This needs Node.js ${MIN_NODE_MAJOR} or newer to open the database; this is Node ${versions.node}. ` +
        'Run `. scripts/use-node.sh` from the repository root (see the README), or install Node.js 24 LTS.',
    );
  }
}

const STATEMENT_CACHE = 1000;

/**
 * Every `db.prepare(sql)` returns a statement kept for the life of the connection (least recently
 * used dropped past 1,000). Compiling SQL against this schema (its triggers keep the report caches
 * fresh) costs more than running most of the app's queries, and services prepare inline: issuing a
 * class's certificates spent four fifths of its time preparing. A statement still being iterated is
 * never handed out twice, and a reused one comes back in the default mode (not plucked, raw or
 * expanded); SQLite recompiles a kept statement by itself after a schema change. Statements must not
 * be bound for good (`stmt.bind`), which would leak into the next use.
 */
function cacheStatements(db: Database): Database {
  const compile = db.prepare.bind(db);
  const cache = new Map<string, Statement>();
  db.prepare = ((source: string) => {
    const kept = cache.get(source);
    if (kept && !kept.busy) {
      cache.delete(source);
      cache.set(source, kept);
      // Modes stick to a statement: whoever used it last may have plucked or raw-ed it.
      if (kept.reader) kept.pluck(false).expand(false).raw(false);
      return kept;
    }
    const fresh = compile(source);
    if (!kept) {
      cache.set(source, fresh);
      if (cache.size > STATEMENT_CACHE) cache.delete(cache.keys().next().value!);
    }
    return fresh;
  }) as Database['prepare'];
  return db;
}

/** A database key: 32 bytes (see protection/recovery-key.ts), or null for a plain file. */
export type DbKey = Buffer | null;

/**
 * SQLCipher 4's format (AES-256, HMAC-SHA512 per page), so the files open in any SQLCipher tool
 * with the key. The key is given raw (`x'…'`): it is already 256 random-derived bits, and SQLCipher's
 * own password hashing would cost a quarter of a second on every connection.
 */
export function applyKey(db: Database, key: Buffer, pragma: 'key' | 'rekey' = 'key'): void {
  if (key.length !== 32) throw new Error('A database key is 32 bytes');
  db.pragma("cipher = 'sqlcipher'");
  db.pragma('legacy = 4');
  db.pragma(`${pragma} = "x'${key.toString('hex')}'"`);
}

/**
 * Every connection the app makes goes through here: one engine, one place to set it up. With a key
 * the connection reads and writes the encrypted format; a wrong key (or none, on an encrypted
 * file) fails at the first read with SQLITE_NOTADB.
 */
export function openSqlite(file: string, options?: Options, key: DbKey = null): Database {
  assertSupportedRuntime();
  const db = new BetterSqlite3(file, options);
  if (key) {
    try {
      applyKey(db, key);
    } catch (err) {
      db.close();
      throw err;
    }
  }
  return cacheStatements(db);
}
