import { chromium, type Browser } from 'playwright-core';
import type { PrintPort } from '../core/ports';

export interface ChromiumPrintPort extends PrintPort {
  close(): Promise<void>;
}

/** A headless Chromium on a locked-down machine (no background network, no sandbox as root); tests use it too. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/**
 * The browser host's printer: the same Chromium engine as Electron's printToPDF, driven through
 * Playwright. There is no printer behind it, so only PDFs come out.
 */
export function createChromiumPrintPort(options: { executablePath?: string } = {}): ChromiumPrintPort {
  const executablePath = options.executablePath ?? process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  let browser: Promise<Browser> | null = null;

  function launch(): Promise<Browser> {
    browser ??= chromium.launch({ executablePath, args: CHROMIUM_ARGS }).catch((err: unknown) => {
      // A failed start is not cached: the next job tries again.
      browser = null;
      throw err;
    });
    return browser;
  }

  return {
    canPrint: false,
    async toPdf(html: string): Promise<Buffer> {
      // A fresh context per job: nothing (cache, storage) carries from one document to the next.
      const context = await (await launch()).newContext();
      try {
        const page = await context.newPage();
        await page.setContent(html, { waitUntil: 'load' });
        // A string, because this project's Node typings have no DOM; the page's CSP does not apply to it.
        await page.evaluate('document.fonts.ready.then(() => true)');
        return await page.pdf({ preferCSSPageSize: true, printBackground: true });
      } finally {
        await context.close();
      }
    },
    async close(): Promise<void> {
      const pending = browser;
      browser = null;
      if (pending)
        await pending.then(
          (b) => b.close(),
          () => undefined,
        );
    },
  };
}
