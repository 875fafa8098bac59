import { BrowserWindow } from 'electron';
import { AppError } from '../core/errors';
import type { PrintOptions, PrintPort } from '../core/ports';
import { withTempFile } from '../core/temp-files';
import { SECURE_WEB_PREFERENCES } from '../window';

// Chromium refuses URLs over 2 MiB; a long register would pass that, so it goes through a file.
const MAX_DATA_URL = 2 * 1024 * 1024 - 1024;

/**
 * Prints and saves PDFs in a hidden window per job, with scripts off and no preload: the document
 * is inert HTML built by electron/core/documents, and nothing of one job survives into the next.
 * A document too long for a data: URL goes through an owner-only file in the app's private temp
 * folder (`tempDir`, inside the data folder, never the shared OS temp folder), removed when the job
 * ends however it ends, and swept at the next start if the app died mid-job (issue 13).
 */
async function withDocument<T>(html: string, tempDir: string, job: (win: BrowserWindow) => Promise<T>): Promise<T> {
  const win = new BrowserWindow({
    show: false,
    webPreferences: { ...SECURE_WEB_PREFERENCES, javascript: false },
  });
  const close = () => {
    if (!win.isDestroyed()) win.destroy();
  };
  // A renderer that dies mid-job never calls back: the job fails instead of holding its file forever.
  const gone = new Promise<never>((_resolve, reject) => {
    win.webContents.once('render-process-gone', (_event, details) =>
      reject(new AppError('PRINT_FAILED', `Không in được văn bản (trình hiển thị dừng: ${details.reason}). Hãy thử lại.`)),
    );
  });
  gone.catch(() => undefined); // also when the window goes after the job is over
  const run = () => Promise.race([job(win), gone]);
  try {
    const url = `data:text/html;charset=utf-8;base64,${Buffer.from(html, 'utf8').toString('base64')}`;
    // Both resolve on did-finish-load; the load event waits for the embedded fonts, so no script is
    // needed to wait for document.fonts (checked with scripts off: the PDFs come out in Tinos).
    if (url.length <= MAX_DATA_URL) {
      await win.loadURL(url);
      return await run();
    }
    return await withTempFile(tempDir, html, async (file) => {
      try {
        await win.loadFile(file);
        return await run();
      } finally {
        // The window first, so nothing holds the file when it is removed (Windows would refuse).
        close();
      }
    });
  } finally {
    close();
  }
}

/** `tempDir`: the app's private temp folder (core/temp-files.ts privateTempPath). */
export function createElectronPrintPort(tempDir: string): PrintPort {
  return {
    canPrint: true,
    toPdf(html: string): Promise<Buffer> {
      return withDocument(html, tempDir, (win) => win.webContents.printToPDF({ preferCSSPageSize: true, printBackground: true }));
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
        tempDir,
        (win) =>
          new Promise<void>((resolve, reject) => {
            win.webContents.print({ ...target, printBackground: true }, (success, failureReason) => {
              // Closing the dialog without printing is the clerk's choice, not a failure; without a
              // dialog, a cancelled job is the printer's doing and nothing was printed.
              if (success || (!silent && /cancel/i.test(failureReason))) resolve();
              else
                reject(
                  new AppError(
                    'PRINT_FAILED',
                    `Không in được văn bản: ${failureReason || 'lỗi không xác định'}. Hãy kiểm tra máy in rồi thử lại.`,
                  ),
                );
            });
          }),
      );
    },
    async printers() {
      const list = await withDocument('<!doctype html><title>printers</title>', tempDir, (win) => win.webContents.getPrintersAsync());
      return list.map((p) => ({ name: p.name, displayName: p.displayName || p.name }));
    },
  };
}
