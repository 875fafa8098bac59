import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect } from 'vitest';
import { createChromiumPrintPort, type ChromiumPrintPort } from '../../electron/browser-host/chromium-printing';
import { AppCore } from '../../electron/core/app-core';
import { createLogger } from '../../electron/core/log';
import { fileKeyProtection } from '../../electron/core/ports';
import { CHROMIUM, SCREENSHOTS } from '../fixtures/document-fixtures';
import { tempDir } from './helpers';

/** A core that prints through Chromium, seeded once and read by every test of a file, and the PDFs read back with poppler. */

/** What the PDF checks lack here (Chromium, poppler's tools); said once, so a skipped check is never silent. */
export function missingPdfTools(label: string): string[] {
  const tools = ['pdftotext', 'pdftoppm'].filter((t) => !fs.existsSync(`/usr/bin/${t}`));
  const missing = [...(fs.existsSync(CHROMIUM) ? [] : [CHROMIUM]), ...tools];
  if (missing.length)
    console.warn(`[${label}] PDF checks SKIPPED: missing ${missing.join(', ')} (apt-get install chromium poppler-utils).`);
  return missing;
}

/**
 * Starts the file's core before its tests (printing through Chromium unless `missing` says it is not there), hands it to
 * `seed`, and closes it with its data folder after them. Not tempDir(): that one is removed after each test.
 */
export function coreForFile(prefix: string, missing: string[], seed: (core: AppCore) => Promise<void>, timeout: number): void {
  let port: ChromiumPrintPort | undefined;
  let dataDir = '';
  let core: AppCore | undefined;
  beforeAll(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
    port = missing.length ? undefined : createChromiumPrintPort({ executablePath: CHROMIUM });
    core = await AppCore.start({
      dataDir,
      log: createLogger(path.join(dataDir, 'logs')),
      appVersion: '0.0.0-test',
      keys: fileKeyProtection,
      ...(port ? { printing: port } : {}),
    });
    await seed(core);
  }, timeout);
  afterAll(async () => {
    core?.close();
    await port?.close();
    if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
  });
}

/** The PDF's text with its white space squashed, after keeping a screenshot of it named `shot` for a reader to look at. */
export function pdfText(file: { fileName: string; dataBase64: string }, shot: string): string {
  const pdf = path.join(tempDir('ttct-pdf-'), file.fileName);
  fs.writeFileSync(pdf, Buffer.from(file.dataBase64, 'base64'));
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  execFileSync('pdftoppm', ['-png', '-r', '60', pdf, path.join(SCREENSHOTS, shot)]);
  return execFileSync('pdftotext', ['-raw', '-enc', 'UTF-8', pdf, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
}

/** The document's text says every one of `has` and none of `lacks`. */
export function expectText(text: string, has: string[], lacks: string[] = []): void {
  for (const s of has) expect(text).toContain(s);
  for (const s of lacks) expect(text).not.toContain(s);
}
