import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { FuseState, FuseV1Options, getCurrentFuseWire } from '@electron/fuses';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import {
  CLASS_NAME,
  REQUIRE_ELECTRON,
  expectFirstStart,
  expectImportsIsolated,
  expectReopened,
  hasDisplay,
  roundTripAndPrint,
  tempDataDir,
} from './electron-fixtures';

/**
 * The packaged app as a clerk gets it: the unpacked folder electron-builder leaves beside the
 * installer (TTCT_PACKAGED_APP names its executable; the workflow sets it after packaging).
 *
 * Its fuses turn off `--inspect`, which Playwright's `_electron.launch` needs, so the untouched binary
 * is started with Chromium's remote-debugging port and driven over CDP: the renderer, the preload
 * bridge, IPC, the database and Electron's printing are all the shipped ones.
 */
const executable = process.env.TTCT_PACKAGED_APP ? path.resolve(process.env.TTCT_PACKAGED_APP) : null;
const reason =
  executable === null ? 'TTCT_PACKAGED_APP is not set (the workflow sets it after packaging)' : !hasDisplay() ? 'no display' : null;
if (reason) console.warn(`[packaged] SKIPPED: ${reason}`);
if (executable && !fs.existsSync(executable)) throw new Error(`TTCT_PACKAGED_APP=${executable} does not exist`);
if (reason && REQUIRE_ELECTRON && executable) throw new Error(`TTCT_REQUIRE_ELECTRON=1 but ${reason}`);

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

interface Running {
  child: ChildProcess;
  browser: Browser;
  page: Page;
}

async function start(dataDir: string): Promise<Running> {
  const port = await freePort();
  const child = spawn(executable!, [`--remote-debugging-port=${port}`], {
    env: { ...process.env, TTCT_DATA_DIR: dataDir },
    stdio: 'inherit',
  });
  const deadline = Date.now() + 60_000;
  let browser: Browser | null = null;
  while (!browser) {
    if (child.exitCode !== null) throw new Error(`the packaged app exited with ${child.exitCode} before its window opened`);
    try {
      browser = await chromium.connectOverCDP(`http://127.0.0.1:${port}`);
    } catch (err) {
      if (Date.now() > deadline) throw err;
      await new Promise((r) => setTimeout(r, 500));
    }
  }
  let page: Page | undefined;
  while (!page) {
    page = browser
      .contexts()
      .flatMap((c) => c.pages())
      .find((p) => p.url().startsWith('app://'));
    if (!page) {
      if (Date.now() > deadline) throw new Error('the packaged app opened no window on app://');
      await new Promise((r) => setTimeout(r, 250));
    }
  }
  await page.waitForLoadState('domcontentloaded');
  return { child, browser, page };
}

/** Closing the only window quits the app (window-all-closed closes the database first). */
async function quit(running: Running): Promise<number | null> {
  const exited = new Promise<number | null>((resolve) => running.child.once('exit', (code) => resolve(code)));
  const within = (ms: number) => Promise.race([exited, new Promise<'timeout'>((r) => setTimeout(() => r('timeout'), ms))]);
  // Electron lets a BrowserWindow's page close its own window; closing the CDP target is the fallback.
  await running.page.evaluate(() => window.close()).catch(() => undefined);
  let result = await within(10_000);
  if (result === 'timeout') {
    await running.page.close().catch(() => undefined);
    result = await within(20_000);
  }
  await running.browser.close().catch(() => undefined);
  if (result === 'timeout') {
    running.child.kill();
    throw new Error('the packaged app did not quit within 30 s of its window closing');
  }
  return result;
}

describe.skipIf(reason !== null)('the packaged app', () => {
  const data = tempDataDir();
  let running: Running | null = null;
  afterAll(() => {
    if (running && running.child.exitCode === null) running.child.kill();
    data.remove();
  });

  it('ships with the fuses set in electron-builder.yml', async () => {
    const wire = await getCurrentFuseWire(executable!);
    expect(wire[FuseV1Options.RunAsNode]).toBe(FuseState.DISABLE);
    expect(wire[FuseV1Options.EnableNodeOptionsEnvironmentVariable]).toBe(FuseState.DISABLE);
    expect(wire[FuseV1Options.EnableNodeCliInspectArguments]).toBe(FuseState.DISABLE);
    expect(wire[FuseV1Options.EnableCookieEncryption]).toBe(FuseState.ENABLE);
    expect(wire[FuseV1Options.EnableEmbeddedAsarIntegrityValidation]).toBe(FuseState.ENABLE);
    expect(wire[FuseV1Options.OnlyLoadAppFromAsar]).toBe(FuseState.ENABLE);
    expect(wire[FuseV1Options.GrantFileProtocolExtraPrivileges]).toBe(FuseState.DISABLE);
  });

  it('starts in a fresh data folder, answers over IPC, reads a list in its worker and refuses a merge bomb, prints a class timetable to PDF, quits and reopens the same data', async () => {
    running = await start(data.dir);
    await expectFirstStart(running.page, data.dir);
    expect(running.page.url()).toMatch(/^app:\/\/ttct\/index\.html/);
    await expectImportsIsolated(running.page);
    const { text } = await roundTripAndPrint(running.page);
    expect(text).toContain(CLASS_NAME);
    expect(text).toContain('LỊCH HỌC');
    expect(await quit(running)).toBe(0);

    running = await start(data.dir);
    await expectReopened(running.page);
    expect(await quit(running)).toBe(0);
  });
});
