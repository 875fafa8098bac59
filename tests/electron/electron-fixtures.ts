import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import type { Channel, Input, Output } from '../../shared/contract';
import { CENTRE } from '../fixtures/builders';
import { CLASS_NAME, saveKndClass } from '../fixtures/knd-class';

export const ROOT = path.resolve(__dirname, '../..');

/**
 * On the hosted runners TTCT_REQUIRE_ELECTRON=1 turns a missing binary or display into a failure;
 * elsewhere (this build machine has no Electron binary) the Electron tests are skipped and say why.
 */
export const REQUIRE_ELECTRON = process.env.TTCT_REQUIRE_ELECTRON === '1';

/**
 * Finds the Electron binary without `require('electron')`, which would try to download it. On
 * machines where the download was skipped (ELECTRON_SKIP_BINARY_DOWNLOAD=1) there is none.
 */
export function electronBinary(): string | null {
  const pkg = path.join(ROOT, 'node_modules/electron');
  const pathTxt = path.join(pkg, 'path.txt');
  if (!fs.existsSync(pathTxt)) return null;
  const exe = path.join(process.env.ELECTRON_OVERRIDE_DIST_PATH ?? path.join(pkg, 'dist'), fs.readFileSync(pathTxt, 'utf8').trim());
  return fs.existsSync(exe) ? exe : null;
}

export function hasDisplay(): boolean {
  return process.platform !== 'linux' || Boolean(process.env.DISPLAY);
}

/** Decides whether a suite runs: returns the reason it cannot, after failing loudly where it must run. */
export function skipReason(missing: string | null): string | null {
  if (missing === null) return null;
  if (REQUIRE_ELECTRON) throw new Error(`TTCT_REQUIRE_ELECTRON=1 but ${missing}`);
  console.warn(`[electron] SKIPPED: ${missing}`);
  return missing;
}

export function tempDataDir(): { dir: string; remove(): void } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ttct-electron-'));
  return { dir, remove: () => fs.rmSync(dir, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 }) };
}

type Reply = { ok: true; value: unknown } | { ok: false; error: { code: string; message: string } };

/** One IPC round trip through the preload bridge, exactly as the renderer makes it; refusals included. */
export async function reply(page: Page, channel: string, input: unknown): Promise<Reply> {
  return (await page.evaluate(
    ([c, i]) => (window as unknown as { ttct: { invoke(c: string, i: unknown): Promise<unknown> } }).ttct.invoke(c, i),
    [channel, input] as const,
  )) as Reply;
}

export async function invoke<T = unknown>(page: Page, channel: string, input: unknown): Promise<T> {
  const reply_ = await reply(page, channel, input);
  if (!reply_.ok) throw new Error(`${channel}: ${JSON.stringify(reply_.error)}`);
  return reply_.value as T;
}

export { CLASS_NAME };

/** The recovery key shown at the first start, for the restart on a PC whose OS keeps no key (a Linux runner). */
let recoveryKey: string | null = null;

/**
 * First start on an empty folder: the Vietnamese welcome, the database created where it was told,
 * and the recovery sheet waiting; it is confirmed (as the clerk does by typing two groups back) and
 * the page reloaded so the tests that click find the app, not the sheet.
 */
export async function expectFirstStart(page: Page, dataDir: string): Promise<void> {
  await page.getByText('Chào mừng! Đây là lần đầu sử dụng phần mềm.').waitFor({ timeout: 30_000 });
  expect(await page.evaluate(() => document.documentElement.lang)).toBe('vi');
  expect(fs.existsSync(path.join(dataDir, 'ttct.sqlite'))).toBe(true);
  const sheet = await invoke<{ recoveryKey: string; confirmGroups: number[] }>(page, 'protection.recoverySheet', {});
  recoveryKey = sheet.recoveryKey;
  const status = await invoke<{ protection: { encrypted: boolean; keyStorage: string } }>(page, 'protection.confirmRecoveryKey', {
    groups: sheet.confirmGroups.map((g) => sheet.recoveryKey.split('-')[g - 1]),
  });
  expect(status.protection.encrypted).toBe(true);
  expect(fs.readFileSync(path.join(dataDir, 'ttct.sqlite')).subarray(0, 16).toString('latin1')).not.toBe('SQLite format 3\0');
  await page.reload();
  await page.getByText('Chào mừng! Đây là lần đầu sử dụng phần mềm.').waitFor({ timeout: 30_000 });
}

/** Where the OS keeps no key (Linux without a keyring), the next start asks for the recovery key: typed as the clerk would. */
async function unlockIfAsked(page: Page): Promise<void> {
  const status = await invoke<{ problem: { code: string } | null }>(page, 'app.status', {});
  if (status.problem?.code !== 'DB_LOCKED') return;
  expect(recoveryKey).not.toBeNull();
  await invoke(page, 'protection.unlock', { recoveryKey });
  await page.reload();
}

/**
 * Writes the centre's profile and a class with its timetable over IPC, reads them back, and prints
 * the class's timetable through the Electron printing path (a hidden window's printToPDF).
 */
export async function roundTripAndPrint(page: Page): Promise<{ pdf: Buffer; text: string }> {
  await invoke(page, 'centre.save', CENTRE);
  const centre = await invoke<{ current: { name: string } | null }>(page, 'centre.get', {});
  expect(centre.current?.name).toBe(CENTRE.name);
  const saved = await saveKndClass(<C extends Channel>(channel: C, input: Input<C>) => invoke<Output<C>>(page, channel, input), {
    hall: 80,
    class: 80,
  });
  const file = await invoke<{ fileName: string; dataBase64: string }>(page, 'documents.pdf', { kind: 'timetable', classId: saved.id });
  const pdf = Buffer.from(file.dataBase64, 'base64');
  expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  return { pdf, text: pdfText(pdf) };
}

/** pdftotext (poppler) reads the PDF as a clerk's viewer would; the runners install it. */
export function pdfText(pdf: Buffer): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ttct-pdf-'));
  try {
    const file = path.join(dir, 'doc.pdf');
    fs.writeFileSync(file, pdf);
    return execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** After a restart on the same folder: no first-start page, and the data written before is there. */
export async function expectReopened(page: Page): Promise<void> {
  await page.waitForFunction(() => 'ttct' in window, undefined, { timeout: 30_000 });
  await unlockIfAsked(page);
  // The title bar carries the centre's name once its profile is read from the database.
  await page.waitForFunction((name) => document.title.startsWith(name), CENTRE.name, { timeout: 30_000 });
  expect(await page.getByText('Chào mừng! Đây là lần đầu sử dụng phần mềm.').count()).toBe(0);
  const classes = await invoke<{ name: string }[]>(page, 'classes.list', { year: null, programId: null });
  expect(classes.map((c) => c.name)).toContain(CLASS_NAME);
}

/**
 * Lists are read in a worker thread (from app.asar in the packaged app): a real .xlsx is read, a
 * 2 KB merge bomb is refused in a moment, and the app goes on answering.
 */
export async function expectImportsIsolated(page: Page): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('DS');
  ws.addRow(['STT', 'Họ và tên', 'Ngày sinh']);
  ws.addRow([1, 'Nguyễn Văn An', '05/09/1975']);
  ws.addRow([2, 'Lê Thị Yến', '12/01/1980']);
  const list = Buffer.from(await wb.xlsx.writeBuffer());
  const opened = await invoke<{ sessionId: string; sheets: { dataRows: number }[] }>(page, 'imports.open', {
    fileName: 'ds.xlsx',
    dataBase64: list.toString('base64'),
  });
  expect(opened.sheets[0]?.dataRows).toBe(2);
  await invoke(page, 'imports.discard', { sessionId: opened.sessionId });

  const zip = await JSZip.loadAsync(list);
  const sheet = (await zip.file('xl/worksheets/sheet1.xml')!.async('string')).replace(
    '</worksheet>',
    '<mergeCells count="1"><mergeCell ref="A1:XFD1048576"/></mergeCells></worksheet>',
  );
  zip.file('xl/worksheets/sheet1.xml', sheet);
  const bomb = await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
  const started = Date.now();
  const refused = await reply(page, 'imports.open', { fileName: 'bom.xlsx', dataBase64: bomb.toString('base64') });
  expect(refused).toMatchObject({ ok: false, error: { code: 'IMPORT_TOO_COMPLEX' } });
  expect(Date.now() - started).toBeLessThan(10_000);
  expect((await invoke<{ appVersion: string }>(page, 'app.status', {})).appVersion).toBeTruthy();
}
