import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(__dirname, '../..');

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of fs.readdirSync(path.join(root, dir), { withFileTypes: true })) {
    const rel = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...sourceFiles(rel));
    else if (/\.(ts|tsx)$/.test(entry.name)) out.push(rel);
  }
  return out;
}

function importsOf(file: string): string[] {
  const text = fs.readFileSync(path.join(root, file), 'utf8');
  const specs = [
    ...text.matchAll(
      /(?:import|export)[^'"]*?from\s+['"]([^'"]+)['"]|import\s*\(\s*['"]([^'"]+)['"]\s*\)|require\(\s*['"]([^'"]+)['"]\s*\)/g,
    ),
  ];
  return specs.map((m) => m[1] ?? m[2] ?? m[3]!).filter(Boolean);
}

/** Where an import lands, as a top-level folder of the repo ('electron', 'shared', …) or the package name. */
function target(file: string, spec: string): string {
  if (!spec.startsWith('.')) return spec;
  const abs = path.resolve(path.dirname(path.join(root, file)), spec);
  return path.relative(root, abs).split(path.sep).slice(0, 2).join('/');
}

function violations(dir: string, forbidden: (t: string) => boolean): string[] {
  return sourceFiles(dir).flatMap((f) =>
    importsOf(f)
      .filter((s) => forbidden(target(f, s)))
      .map((s) => `${f} imports ${s}`),
  );
}

describe('one-way dependencies (DESIGN.md)', () => {
  it('electron/core never imports electron or the renderer', () => {
    expect(violations('electron/core', (t) => t === 'electron' || t.startsWith('renderer'))).toEqual([]);
  });
  it('the renderer never imports electron/ or the electron package', () => {
    expect(violations('renderer/src', (t) => t === 'electron' || t.startsWith('electron/'))).toEqual([]);
  });
  it('shared imports neither side', () => {
    expect(violations('shared', (t) => t === 'electron' || t.startsWith('electron/') || t.startsWith('renderer'))).toEqual([]);
  });
  it('nothing imports the renderer', () => {
    expect(violations('electron', (t) => t.startsWith('renderer'))).toEqual([]);
    expect(violations('shared', (t) => t.startsWith('renderer'))).toEqual([]);
  });
  it('the checker itself sees a forbidden import', () => {
    const fake = 'electron/core/x.ts';
    expect(target(fake, '../../renderer/src/api')).toBe('renderer/src');
    expect(target(fake, 'electron')).toBe('electron');
    expect(target('renderer/src/a.ts', '../../electron/core/app-core')).toBe('electron/core');
  });
});
