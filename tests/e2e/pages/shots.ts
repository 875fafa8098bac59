import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { Locator, Page } from 'playwright-core';

/**
 * Pictures of the screens are for the user guide and the issue threads, never compared: they are taken only in the
 * documentation run (`npm run screenshots`, which sets TTCT_SCREENSHOTS=1), so an ordinary run spends no time on them.
 */
export const SCREENSHOTS = path.resolve(__dirname, '..', 'screenshots');
const ON = process.env.TTCT_SCREENSHOTS === '1';

/**
 * The page as the clerk sees it, saved as screenshots/<name>.png. `of` shoots one element; `viewport` only the window;
 * `prepare` runs only in the documentation run, for moves that serve the picture (scrolling a chart into view).
 */
export async function shot(
  page: Page,
  name: string,
  options: { of?: Locator; viewport?: boolean; prepare?: () => Promise<unknown> } = {},
): Promise<void> {
  if (!ON) return;
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  await options.prepare?.();
  const file = path.join(SCREENSHOTS, `${name}.png`);
  if (options.of) await options.of.screenshot({ path: file });
  else await page.screenshot({ path: file, fullPage: !options.viewport });
}

/** Pages of a saved PDF as pictures screenshots/<name>-<n>.png (older pictures of that name removed first). */
export function shotPdf(pdf: string, name: string, options: { pages?: [number, number]; dpi?: number } = {}): void {
  if (!ON) return;
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  for (const old of fs.readdirSync(SCREENSHOTS).filter((f) => f.startsWith(`${name}-`))) fs.rmSync(path.join(SCREENSHOTS, old));
  const range = options.pages ? ['-f', String(options.pages[0]), '-l', String(options.pages[1])] : [];
  execFileSync('pdftoppm', ['-png', '-r', String(options.dpi ?? 70), ...range, pdf, path.join(SCREENSHOTS, name)]);
}
