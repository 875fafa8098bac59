import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { assertSupportedRuntime } from '../../electron/core/db/engine';

const root = path.resolve(__dirname, '../..');
const check = createRequire(__filename)(path.join(root, 'scripts/check-node.cjs')) as {
  REQUIRED: number;
  isSupported(v: string): boolean;
  message(v: string): string;
};

/** An older Node on this machine (Debian's /usr/bin/node is 20 here and on CI), or null. */
function oldNode(): string | null {
  for (const candidate of ['/usr/bin/node', '/usr/local/bin/node']) {
    if (!fs.existsSync(candidate)) continue;
    const version = execFileSync(candidate, ['-p', 'process.versions.node'], { encoding: 'utf8' }).trim();
    if (Number(version.split('.')[0]) < 24) return candidate;
  }
  return null;
}
const OLD_NODE = oldNode();
if (!OLD_NODE) console.warn('[node-version] no Node older than 24 on this machine: the old-Node runs are skipped');

describe('Node 24 is required, and an older Node is told so', () => {
  it('the npm scripts’ check accepts 24 and newer and explains anything older', () => {
    expect(check.REQUIRED).toBe(24);
    expect(check.isSupported('24.0.0')).toBe(true);
    expect(check.isSupported('v26.1.0')).toBe(true);
    expect(check.isSupported('22.12.0')).toBe(false);
    expect(check.isSupported('20.20.2')).toBe(false);
    const text = check.message('20.20.2');
    expect(text).toContain('Node 20.20.2');
    expect(text).toContain('Node.js 24');
    expect(text).toContain('. scripts/use-node.sh');
  });

  it('the core refuses to load the engine on an old Node (it would be a segmentation fault), but not inside Electron', () => {
    expect(() => assertSupportedRuntime({ ...process.versions, node: '20.20.2' })).toThrow(
      /Node\.js 24 or newer.*Node 20\.20\.2.*use-node\.sh/s,
    );
    expect(() => assertSupportedRuntime({ ...process.versions, node: '22.20.0', electron: '45.6.1' })).not.toThrow();
    expect(() => assertSupportedRuntime({ ...process.versions, node: '24.0.0' })).not.toThrow();
  });

  it.skipIf(!OLD_NODE)('npm test on an old Node stops at the first step with the message, exit code 1', () => {
    const r = spawnSync(OLD_NODE!, [path.join(root, 'scripts/check-node.cjs')], { encoding: 'utf8' });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('This project needs Node.js 24 or newer');
    expect(r.stderr).toContain('. scripts/use-node.sh');
  });

  it.skipIf(!OLD_NODE)('opening a database on an old Node ends with the message, not a crash', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ttct-oldnode-'));
    try {
      const r = spawnSync(
        OLD_NODE!,
        [
          path.join(root, 'node_modules/tsx/dist/cli.mjs'),
          path.join(root, 'tests/fixtures/open-on-old-node.ts'),
          path.join(dir, 'ttct.sqlite'),
          dir,
        ],
        {
          encoding: 'utf8',
          timeout: 60_000,
        },
      );
      expect(r.signal).toBeNull();
      expect(r.status).toBe(3);
      expect(r.stderr).toMatch(/needs Node\.js 24 or newer/);
      expect(fs.existsSync(path.join(dir, 'ttct.sqlite'))).toBe(false);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it.skipIf(!OLD_NODE || !fs.existsSync(path.join(root, '.tools/node24/node_modules/.bin/node')))(
    'scripts/use-node.sh puts Node 24 first on PATH where the machine’s Node is older',
    () => {
      const out = execFileSync('sh', ['-c', '. scripts/use-node.sh >/dev/null && node -p process.versions.node'], {
        cwd: root,
        encoding: 'utf8',
        env: { ...process.env, PATH: `${path.dirname(OLD_NODE!)}:/usr/bin:/bin` },
      });
      expect(Number(out.trim().split('.')[0])).toBeGreaterThanOrEqual(24);
    },
  );
});
