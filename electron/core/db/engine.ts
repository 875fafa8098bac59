import BetterSqlite3, { type Database, type Options } from 'better-sqlite3-multiple-ciphers';

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

/** Every connection the app makes goes through here: one engine, one place to set it up. */
export function openSqlite(file: string, options?: Options): Database {
  assertSupportedRuntime();
  return new BetterSqlite3(file, options);
}
