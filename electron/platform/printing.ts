import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { BrowserWindow } from 'electron';
import { AppError } from '../core/errors';
import type { PrintOptions, PrintPort } from '../core/ports';
import { SECURE_WEB_PREFERENCES } from '../window';

// Chromium refuses URLs over 2 MiB; a long register would pass that, so it goes through a file.
const MAX_DATA_URL = 2 * 1024 * 1024 - 1024;

/**
 * Prints and saves PDFs in a hidden window per job, with scripts off and no preload: the document
 * is inert HTML built by electron/core/documents, and nothing of one job survives into the next.
 */
async function withDocument<T>(html: string, job: (win: BrowserWindow) => Promise<T>): Promise<T> {
  const win = new BrowserWindow({
    show: false,
    webPreferences: { ...SECURE_WEB_PREFERENCES, javascript: false },
  });
  let tempFile: string | null = null;
  try {
    const url = `data:text/html;charset=utf-8;base64,${Buffer.from(html, 'utf8').toString('base64')}`;
    // Both resolve on did-finish-load; the load event waits for the embedded fonts, so no script is
    // needed to wait for document.fonts (checked with scripts off: the PDFs come out in Tinos).
    if (url.length <= MAX_DATA_URL) {
      await win.loadURL(url);
    } else {
      tempFile = path.join(os.tmpdir(), `ttct-print-${crypto.randomUUID()}.html`);
      fs.writeFileSync(tempFile, html, 'utf8');
      await win.loadFile(tempFile);
    }
    return await job(win);
  } finally {
    if (!win.isDestroyed()) win.destroy();
    if (tempFile) fs.rmSync(tempFile, { force: true });
  }
}

export function createElectronPrintPort(): PrintPort {
  return {
    canPrint: true,
    toPdf(html: string): Promise<Buffer> {
      return withDocument(html, (win) => win.webContents.printToPDF({ preferCSSPageSize: true, printBackground: true }));
    },
    print(html: string, options?: PrintOptions): Promise<void> {
      // A batch names the printer the clerk chose on screen and goes without a dialog per chunk, on the
      // layout's own paper at full size with no margins, so millimetre positions land on the form.
      const silent = Boolean(options?.deviceName);
      const target = silent
        ? {
            silent: true,
            deviceName: options!.deviceName!,
            ...(options?.paper ? { pageSize: options.paper, landscape: options.landscape ?? false } : {}),
            margins: { marginType: 'none' as const },
            scaleFactor: 100,
          }
        : { silent: false };
      return withDocument(
        html,
        (win) =>
          new Promise<void>((resolve, reject) => {
            win.webContents.print({ ...target, printBackground: true }, (success, failureReason) => {
              // Closing the dialog without printing is the clerk's choice, not a failure; without a
              // dialog, a cancelled job is the printer's doing and nothing was printed.
              if (success || (!silent && /cancel/i.test(failureReason))) resolve();
              else reject(new AppError('PRINT_FAILED', `Không in được văn bản: ${failureReason || 'lỗi không xác định'}. Hãy kiểm tra máy in rồi thử lại.`));
            });
          }),
      );
    },
    async printers() {
      const list = await withDocument('<!doctype html><title>printers</title>', (win) => win.webContents.getPrintersAsync());
      return list.map((p) => ({ name: p.name, displayName: p.displayName || p.name }));
    },
  };
}
