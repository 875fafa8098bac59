import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { _electron as electron } from 'playwright-core';
import { describe, expect, it } from 'vitest';

const root = path.resolve(__dirname, '../..');

/**
 * Finds the Electron binary without `require('electron')`, which would try to download it. On
 * machines where the download was skipped (ELECTRON_SKIP_BINARY_DOWNLOAD=1) there is none.
 */
function electronBinary(): string | null {
  const pkg = path.join(root, 'node_modules/electron');
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH;
  const pathTxt = path.join(pkg, 'path.txt');
  if (!fs.existsSync(pathTxt)) return null;
  const exe = path.join(override ?? path.join(pkg, 'dist'), fs.readFileSync(pathTxt, 'utf8').trim());
  return fs.existsSync(exe) ? exe : null;
}

const binary = electronBinary();
const canRun = binary !== null && (process.platform !== 'linux' || Boolean(process.env.DISPLAY));
if (!canRun) {
  console.warn(
    binary === null
      ? '[electron] SKIPPED: no Electron binary here (installed with ELECTRON_SKIP_BINARY_DOWNLOAD=1). Run on a machine with the binary to launch the real app.'
      : '[electron] SKIPPED: no display (set DISPLAY, e.g. under xvfb-run).',
  );
}

describe.skipIf(!canRun)('the real Electron app', () => {
  it('starts with an isolated data folder, a secure window and only window.ttct exposed', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ttct-electron-'));
    const app = await electron.launch({
      executablePath: binary!,
      args: [path.join(root, 'out/main/index.js')],
      env: { ...process.env, TTCT_DATA_DIR: dataDir },
    });
    try {
      const page = await app.firstWindow();
      await page.getByText('Chào mừng! Đây là lần đầu sử dụng phần mềm.').waitFor();
      // The options themselves are asserted in tests/integration/security.test.ts; here, their effect.
      const exposed = await page.evaluate(() => ({
        keys: Object.keys((window as unknown as { ttct: object }).ttct).sort(),
        require: typeof (globalThis as { require?: unknown }).require,
        process: typeof (globalThis as { process?: unknown }).process,
      }));
      expect(exposed).toEqual({ keys: ['invoke', 'on'], require: 'undefined', process: 'undefined' });
      const status = await page.evaluate(() => (window as unknown as { ttct: { invoke(c: string, i: unknown): Promise<unknown> } }).ttct.invoke('app.status', {}));
      expect(status).toMatchObject({ ok: true, value: { dataDir } });
      const before = page.url();
      await page.evaluate(() => {
        window.location.href = 'https://example.com/';
      });
      await page.waitForTimeout(500);
      expect(page.url()).toBe(before);
      expect(fs.existsSync(path.join(dataDir, 'ttct.sqlite'))).toBe(true);
    } finally {
      await app.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
