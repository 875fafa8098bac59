import fs from 'node:fs';
import path from 'node:path';
import { _electron as electron, type ElectronApplication, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CLASS_NAME,
  ROOT,
  electronBinary,
  expectFirstStart,
  expectImportsIsolated,
  expectReopened,
  hasDisplay,
  invoke,
  roundTripAndPrint,
  skipReason,
  tempDataDir,
} from './electron-fixtures';

const binary = electronBinary();
const skip = skipReason(
  binary === null
    ? 'no Electron binary here (installed with ELECTRON_SKIP_BINARY_DOWNLOAD=1); the hosted-runner workflow runs these tests'
    : !hasDisplay()
      ? 'no display (set DISPLAY, e.g. under xvfb-run)'
      : !fs.existsSync(path.join(ROOT, 'out/main/index.js'))
        ? 'out/main/index.js is missing: run `npm run build` first (npm test does)'
        : null,
);

async function launch(dataDir: string): Promise<{ app: ElectronApplication; page: Page }> {
  const app = await electron.launch({
    executablePath: binary!,
    args: [path.join(ROOT, 'out/main/index.js')],
    env: { ...process.env, TTCT_DATA_DIR: dataDir },
  });
  const page = await app.firstWindow();
  await page.waitForLoadState('domcontentloaded');
  return { app, page };
}

/**
 * The real Electron app built from this tree (out/), what the browser host cannot show: the preload
 * bridge, app:// serving, the sender check, navigation/new-window/permission denial, the save dialog
 * and printing through Electron's own printToPDF. One data folder for the file, in order.
 */
describe.skipIf(skip !== null)('the real Electron app', () => {
  const data = tempDataDir();
  let app: ElectronApplication;
  let page: Page;

  beforeAll(async () => {
    ({ app, page } = await launch(data.dir));
  });
  afterAll(async () => {
    await app?.close().catch(() => undefined);
    data.remove();
  });

  it('starts on an empty folder in Vietnamese, from app://, creating the database there', async () => {
    await expectFirstStart(page, data.dir);
    expect(page.url()).toMatch(/^app:\/\/ttct\/index\.html/);
  });

  it('reads a list in the reader worker of the built app and refuses a merge bomb, still answering', async () => {
    await expectImportsIsolated(page);
  });

  it('exposes only window.ttct { invoke, on } to the page, and no Node', async () => {
    const exposed = await page.evaluate(() => ({
      keys: Object.keys((window as unknown as { ttct: object }).ttct).sort(),
      require: typeof (globalThis as { require?: unknown }).require,
      process: typeof (globalThis as { process?: unknown }).process,
      ipc: typeof (globalThis as { ipcRenderer?: unknown }).ipcRenderer,
    }));
    expect(exposed).toEqual({ keys: ['invoke', 'on'], require: 'undefined', process: 'undefined', ipc: 'undefined' });
    const status = await invoke<{ dataDir: string }>(page, 'app.status', {});
    expect(status.dataDir).toBe(data.dir);
    // The bridge refuses anything that is not a channel name before it reaches the main process.
    const refused = await page.evaluate(() =>
      (window as unknown as { ttct: { invoke(c: string, i: unknown): Promise<unknown> } }).ttct.invoke('../x', {}).then(
        () => 'answered',
        () => 'refused',
      ),
    );
    expect(refused).toBe('refused');
  });

  it('serves only the built renderer over app://', async () => {
    const statuses = await page.evaluate(async () => {
      const get = (u: string) =>
        fetch(u).then(
          (r) => r.status,
          () => 0,
        );
      return {
        index: await get('app://ttct/index.html'),
        outside: await get('app://ttct/%2e%2e/main/index.js'),
        otherHost: await get('app://elsewhere/index.html'),
      };
    });
    expect(statuses.index).toBe(200);
    expect(statuses.outside).not.toBe(200);
    expect(statuses.otherHost).not.toBe(200);
  });

  it('writes and reads over IPC, and prints a class document to PDF through Electron', async () => {
    const { text } = await roundTripAndPrint(page);
    expect(text).toContain(CLASS_NAME);
    expect(text).toContain('ĐẢNG CỘNG SẢN VIỆT NAM');
    expect(text).toContain('LỊCH HỌC');
  });

  it('answers a call from any other window with FORBIDDEN, even with the same preload and page', async () => {
    const reply = await app.evaluate(
      async ({ BrowserWindow }, preload) => {
        const other = new BrowserWindow({ show: false, webPreferences: { preload, contextIsolation: true, sandbox: true } });
        try {
          await other.loadURL('app://ttct/index.html');
          return await other.webContents.executeJavaScript("window.ttct.invoke('app.status', {})");
        } finally {
          other.destroy();
        }
      },
      path.join(ROOT, 'out/preload/index.js'),
    );
    expect(reply).toEqual({ ok: false, error: { code: 'FORBIDDEN', message: 'Yêu cầu không hợp lệ.' } });
  });

  it('denies navigation away, new windows and permission requests', async () => {
    const before = page.url();
    await page.evaluate(() => {
      window.location.href = 'https://example.com/';
    });
    await page.waitForTimeout(500);
    expect(page.url()).toBe(before);
    const opened = await page.evaluate(() => window.open('app://ttct/index.html') === null);
    expect(opened).toBe(true);
    expect(app.windows()).toHaveLength(1);
    expect(await page.evaluate(() => Notification.requestPermission())).toBe('denied');
    const media = await page.evaluate(() =>
      navigator.mediaDevices.getUserMedia({ audio: true }).then(
        () => 'granted',
        (e: Error) => e.name,
      ),
    );
    expect(media).not.toBe('granted');
  });

  it('saves an export where the save dialog says', async () => {
    const target = path.join(data.dir, 'xuat', 'danh-sach-hoc-vien.xlsx');
    fs.mkdirSync(path.dirname(target), { recursive: true });
    const asked = await app.evaluate(({ dialog }, file) => {
      const calls: unknown[] = [];
      (globalThis as { __saveDialogCalls?: unknown[] }).__saveDialogCalls = calls;
      dialog.showSaveDialogSync = ((...args: unknown[]) => {
        calls.push(args[args.length - 1]);
        return file;
      }) as typeof dialog.showSaveDialogSync;
      return true;
    }, target);
    expect(asked).toBe(true);
    await page.evaluate(() => {
      window.location.hash = '#/learners';
    });
    await page.getByRole('button', { name: 'Xuất Excel' }).click();
    await expect.poll(() => fs.existsSync(target) && fs.statSync(target).size > 0, { timeout: 20_000 }).toBe(true);
    await expect.poll(() => fs.readFileSync(target).subarray(0, 2).toString('latin1'), { timeout: 10_000 }).toBe('PK');
    const calls = await app.evaluate(
      () => (globalThis as { __saveDialogCalls?: { defaultPath?: string; filters?: unknown[] }[] }).__saveDialogCalls,
    );
    expect(calls?.[0]?.defaultPath).toMatch(/\.xlsx$/);
  });

  it('quits, and opens the same database again on the next start', async () => {
    await app.close();
    ({ app, page } = await launch(data.dir));
    await expectReopened(page);
  });
});
