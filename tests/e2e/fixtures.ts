import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, expect } from 'vitest';
import { startHost, type Host } from '../../electron/browser-host/server';
import { CHROMIUM_ARGS } from '../../electron/browser-host/chromium-printing';
import type { AppCore } from '../../electron/core/app-core';
import { ok, saveCentre } from '../fixtures/builders';
import { personalDataInLogs } from '../fixtures/personal-data';
import { shot } from './pages/shots';

// TTCT_RENDERER: a build of one's own while others rebuild out/ (several people on one working tree).
const RENDERER = process.env.TTCT_RENDERER ?? path.resolve(__dirname, '../../out/renderer');
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export function requireBuild(): void {
  if (!fs.existsSync(path.join(RENDERER, 'index.html'))) {
    throw new Error('out/renderer is missing: run `npm run build` first (npm test does).');
  }
}

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
}

/** One Chromium per test file (the build must exist); returns a getter for the running browser. */
export function browserForFile(): () => Browser {
  let browser: Browser | null = null;
  beforeAll(async () => {
    requireBuild();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });
  return () => browser!;
}

/** The profile of a commune-era centre: without one the app opens on the first-start page. */
export async function saveCentreProfile(core: AppCore): Promise<void> {
  await saveCentre(core);
}

/** Data folders in use and what their logs have been found to hold (each finding is told once). */
const watched = new Set<string>();
const told = new Set<string>();
const personalDataFound: string[] = [];

function scanLogs(dir: string): void {
  for (const finding of personalDataInLogs(dir)) {
    if (told.has(`${dir}\n${finding}`)) continue;
    told.add(`${dir}\n${finding}`);
    personalDataFound.push(finding);
  }
}

/**
 * Issue 13: whatever a test typed, imported or printed, the log holds no name, CCCD or birth date
 * of the people in tests/fixtures/personal-data.ts. The logs of every data folder in use are read after
 * each test (a step of a journey sharing one folder too) and when the folder is removed; any find fails the test.
 */
afterEach(() => {
  for (const dir of watched) scanLogs(dir);
  const found = personalDataFound.splice(0);
  if (found.length) throw new Error(`Personal data in the log (issue 13): ${found.join('; ')}`);
});

/** An isolated data folder per test, like Actual's e2e fixtures; removed unless KEEP_E2E_DATA is set. */
export function dataFolder(): { dir: string; remove(): void } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ttct-e2e-'));
  watched.add(dir);
  return {
    dir,
    remove: () => {
      scanLogs(dir);
      watched.delete(dir);
      if (!process.env.KEEP_E2E_DATA) fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * The browser host on a data folder. On a new database the recovery sheet waits for confirmation and
 * its dialog covers every screen; a test about something else confirms it here, through the same
 * channels the dialog uses (`keepRecoverySheet` leaves it for the tests of the dialog itself).
 */
export async function startApp(dataDir: string, options: { now?: () => Date; keepRecoverySheet?: boolean } = {}): Promise<Host> {
  const { keepRecoverySheet, ...hostOptions } = options;
  const host = await startHost({ dataDir, rendererDir: RENDERER, appVersion: '0.1.0-e2e', ...hostOptions });
  if (!keepRecoverySheet) await confirmRecoverySheet(host.core);
  return host;
}

/** Confirms a pending recovery sheet as the clerk would (typing back the groups asked); returns its key, or null when none waits. */
export async function confirmRecoverySheet(core: AppCore): Promise<string | null> {
  const status = await ok(core, 'app.status', {});
  if (status.problem || !status.protection.recoveryKeyPending) return null;
  const sheet = await ok(core, 'protection.recoverySheet', {});
  const groups = sheet.recoveryKey.split('-');
  await ok(core, 'protection.confirmRecoveryKey', { groups: sheet.confirmGroups.map((g) => groups[g - 1] ?? '') });
  return sheet.recoveryKey;
}

/** Console errors and CSP violations make the test fail: a clean page is part of "done". */
export function watchConsole(page: Page): string[] {
  const problems: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(m.text());
  });
  page.on('pageerror', (e) => problems.push(e.message));
  page.on('response', (r) => {
    if (r.status() >= 400) problems.push(`HTTP ${r.status()} ${r.url()}`);
  });
  return problems;
}

/** A picture for the documentation run only (`npm run screenshots`); see pages/shots.ts. */
export async function screenshot(page: Page, name: string): Promise<void> {
  await shot(page, name);
}

/** Types a date into an MUI X date field the way a clerk does: click the day, then type ddMMyyyy. */
export async function typeDate(page: Page, label: string, ddmmyyyy: string, nth = 0): Promise<void> {
  const field = page.getByRole('group', { name: label }).nth(nth);
  const hidden = field.locator('input');
  // A key lost under load would otherwise surface only as a save that never happens, far from its cause.
  for (let attempt = 0; attempt < 3; attempt++) {
    await field.getByRole('spinbutton', { name: 'Ngày' }).click();
    await page.keyboard.type(ddmmyyyy.replace(/\D/g, ''));
    try {
      await expect.poll(() => hidden.inputValue(), { timeout: 2000 }).toBe(ddmmyyyy);
      return;
    } catch {
      // typed again from the first section, which selects and overwrites what is there
    }
  }
  throw new Error(`${label}: the field reads «${await hidden.inputValue()}», not ${ddmmyyyy}`);
}

/** Sets up data through the core exactly as the renderer would call it; a refusal fails the test. */
export { ok };

/** axe-core's critical and serious findings on the page as it is now, as "rule: what (where)" lines. */
export async function seriousAccessibilityProblems(page: Page): Promise<string[]> {
  // Legacy mode runs axe inside the page: the pages here come from browser.newPage(), whose context
  // cannot open the extra page the default mode uses; the app has no cross-origin frames to miss.
  // Its only frames are print previews, sandboxed without scripts: axe cannot run inside them (Chromium
  // logs the blocked attempt as a console error), so they are checked from the page (a title), not entered.
  const results = await new AxeBuilder({ page }).setLegacyMode(true).options({ iframes: false }).analyze();
  return results.violations
    .filter((v) => v.impact === 'critical' || v.impact === 'serious')
    .flatMap((v) =>
      v.nodes.map(
        (n) =>
          `${v.id}: ${v.help} (${n.target.join(' ')}: ${n.html.slice(0, 120)}${process.env.AXE_DETAIL ? ` ${n.failureSummary ?? ''}` : ''})`,
      ),
    );
}
