import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { mergeHandlers } from '../../electron/core/handlers';

/**
 * The shape of a capability (issue 16, DESIGN.md): contract file = core folder = feature folder = test file(s), all
 * SQL in stores, handlers that never call another capability's handlers. Checked on the files as text, so a move that
 * breaks the shape fails here before a reviewer has to notice.
 */

const root = path.resolve(__dirname, '../..');
const rel = (...parts: string[]) => path.join(root, ...parts);

function filesUnder(dir: string, pattern = /\.(ts|tsx|mts)$/): string[] {
  if (!fs.existsSync(rel(dir))) return [];
  return fs.readdirSync(rel(dir), { withFileTypes: true }).flatMap((entry) => {
    const file = path.posix.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' || entry.name === 'screenshots' ? [] : filesUnder(file, pattern);
    return pattern.test(entry.name) ? [file] : [];
  });
}

/** Contract files that are not capabilities: shared schemas, field labels, the index. */
const NOT_CAPABILITIES = new Set(['common', 'field-labels', 'index']);
/** Channel prefixes a capability owns besides its own name. */
const OTHER_PREFIXES: Record<string, string[]> = { lecturers: ['venues'] };
/** Where a capability's screens live when it is not renderer/src/features/<capability>. */
const FEATURE_HOME: Record<string, string> = { app: 'renderer/src/app' };

const capabilities = fs
  .readdirSync(rel('shared/contract'))
  .filter((f) => f.endsWith('.ts'))
  .map((f) => f.slice(0, -3))
  .filter((name) => !NOT_CAPABILITIES.has(name))
  .sort();

const stripComments = (text: string) => text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`])\/\/.*$/gm, '$1');

const SQL = [
  /\.(?:prepare|pragma)\s*\(/,
  /\.exec\s*\(\s*[`'"]/,
  /\bSELECT\b[\s\S]{1,600}?\bFROM\b/,
  /\bINSERT\s+(?:OR\s+[A-Z]+\s+)?INTO\b/,
  /\bUPDATE\s+\w+\s+SET\b/,
  /\bDELETE\s+FROM\b/,
];

export function holdsSql(text: string): boolean {
  const code = stripComments(text);
  return SQL.some((re) => re.test(code));
}

const isStore = (file: string) => /(^|\/)(store|[\w-]+-store)\.ts$/.test(file);
const isHandlers = (file: string) => /(^|\/)(handlers|[\w-]+-handlers)\.ts$/.test(file);
/** The capability folder a core file sits in (`electron/core/<capability>/…`), or null. */
const capabilityOf = (file: string) => /^electron\/core\/([\w-]+)\//.exec(file)?.[1] ?? null;

function relativeImports(file: string): string[] {
  const text = stripComments(fs.readFileSync(rel(file), 'utf8'));
  return [...text.matchAll(/(?:import|export)[^'"]*?from\s+['"](\.[^'"]+)['"]|import\s*\(\s*['"](\.[^'"]+)['"]\s*\)/g)].map((m) => {
    const spec = (m[1] ?? m[2])!;
    return path.posix.normalize(path.posix.join(path.posix.dirname(file), spec)).replace(/(\.ts)?$/, '.ts');
  });
}

export function handlerImportViolations(file: string, imports: string[]): string[] {
  const own = capabilityOf(file);
  // electron/core/handlers.ts is the registry: joining every capability's map is its one job.
  if (own === null) return [];
  return imports.filter((target) => isHandlers(target) && capabilityOf(target) !== null && capabilityOf(target) !== own);
}

const coreFiles = filesUnder('electron/core', /\.ts$/);

describe('the shape of a capability (issue 16)', () => {
  it('SQL stands only in stores and in electron/core/db', () => {
    const outside = coreFiles.filter((f) => !f.startsWith('electron/core/db/') && !isStore(f) && holdsSql(fs.readFileSync(rel(f), 'utf8')));
    expect(outside).toEqual([]);
  });

  it('a handler never imports another capability’s handlers, a store never imports handlers', () => {
    const crossing = coreFiles.filter(isHandlers).flatMap((f) => handlerImportViolations(f, relativeImports(f)).map((t) => `${f} → ${t}`));
    const storeToHandlers = coreFiles.filter(isStore).flatMap((f) =>
      relativeImports(f)
        .filter(isHandlers)
        .map((t) => `${f} → ${t}`),
    );
    expect([...crossing, ...storeToHandlers]).toEqual([]);
  });

  it('the old services folder is gone and nothing imports it', () => {
    expect(fs.existsSync(rel('electron/core/services'))).toBe(false);
    const importers = [...coreFiles, ...filesUnder('tests'), ...filesUnder('scripts')].filter((f) =>
      /from\s+['"][^'"]*core\/services\//.test(fs.readFileSync(rel(f), 'utf8')),
    );
    expect(importers).toEqual([]);
  });

  it.each(capabilities)('%s has its contract, core folder, feature folder and tests', async (cap) => {
    const missing: string[] = [];
    if (!fs.existsSync(rel('electron/core', cap, 'handlers.ts'))) missing.push(`electron/core/${cap}/handlers.ts`);
    const feature = FEATURE_HOME[cap] ?? `renderer/src/features/${cap}`;
    if (!fs.existsSync(rel(feature))) missing.push(feature);
    const testName = new RegExp(`^${cap}(-[\\w-]+)?\\.test\\.ts$`);
    const tests = ['unit', 'integration', 'e2e'].flatMap((d) => filesUnder(`tests/${d}`).filter((f) => testName.test(path.basename(f))));
    if (tests.length === 0) missing.push(`tests/*/${cap}.test.ts`);
    expect(missing).toEqual([]);

    const camel = cap.replace(/-(\w)/g, (_, c: string) => c.toUpperCase());
    const contractModule = (await import(`../../shared/contract/${cap}.ts`)) as Record<string, Record<string, unknown>>;
    const handlersModule = (await import(`../../electron/core/${cap}/handlers.ts`)) as Record<string, Record<string, unknown>>;
    const channels = Object.keys(contractModule[`${camel}Channels`] ?? {}).sort();
    expect(channels.length, `${cap}Channels`).toBeGreaterThan(0);
    expect(Object.keys(handlersModule[`${camel}Handlers`] ?? {}).sort()).toEqual(channels);
    const prefixes = [cap, ...(OTHER_PREFIXES[cap] ?? [])];
    expect(channels.filter((c) => !prefixes.includes(c.split('.')[0]!))).toEqual([]);
  });

  it('every core capability folder and every feature folder belongs to a contract file', () => {
    const coreFolders = fs
      .readdirSync(rel('electron/core'), { withFileTypes: true })
      .filter((e) => e.isDirectory() && fs.existsSync(rel('electron/core', e.name, 'handlers.ts')))
      .map((e) => e.name);
    const features = fs.readdirSync(rel('renderer/src/features'));
    expect([...coreFolders, ...features].filter((name) => !capabilities.includes(name))).toEqual([]);
  });

  it('no source file is longer than 400 lines', () => {
    const long = ['electron', 'shared', 'renderer/src', 'tests', 'scripts']
      .flatMap((d) => filesUnder(d, /\.(ts|tsx|mts|mjs|cjs)$/))
      .map((f) => ({ f, lines: fs.readFileSync(rel(f), 'utf8').split('\n').length - 1 }))
      .filter((x) => x.lines > 400)
      .map((x) => `${x.f}: ${x.lines}`);
    expect(long).toEqual([]);
  });
});

describe('the checkers themselves', () => {
  it('see SQL in code but not in comments or Vietnamese text', () => {
    expect(holdsSql("db.prepare('SELECT 1')")).toBe(true);
    expect(holdsSql('const q = `SELECT id\n  FROM people WHERE x = ?`;')).toBe(true);
    expect(holdsSql("run('UPDATE classes SET status = ?')")).toBe(true);
    expect(holdsSql("ctx.db.exec('DELETE FROM x')")).toBe(true);
    expect(holdsSql('const m = /a(b)/.exec(text);')).toBe(false);
    expect(holdsSql('// SELECT the rows FROM the grid\nconst x = 1;')).toBe(false);
    expect(holdsSql("const msg = 'Chọn lớp từ danh sách';")).toBe(false);
  });
  it('see a handler importing another capability’s handlers', () => {
    expect(handlerImportViolations('electron/core/levels/handlers.ts', ['electron/core/learners/handlers.ts'])).toHaveLength(1);
    expect(handlerImportViolations('electron/core/levels/handlers.ts', ['electron/core/learners/store.ts'])).toEqual([]);
    expect(handlerImportViolations('electron/core/certificates/handlers.ts', ['electron/core/certificates/printing-handlers.ts'])).toEqual(
      [],
    );
  });
  it('let the registry join every capability', () => {
    expect(handlerImportViolations('electron/core/handlers.ts', ['electron/core/learners/handlers.ts'])).toEqual([]);
  });
  it('mergeHandlers refuses a channel claimed twice', () => {
    const a = { 'x.one': () => 1 };
    expect(() => mergeHandlers(a, { 'x.one': () => 2 })).toThrow(/x\.one/);
    expect(Object.keys(mergeHandlers(a, { 'x.two': () => 2 }))).toEqual(['x.one', 'x.two']);
  });
});
