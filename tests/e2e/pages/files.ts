import { execFileSync } from 'node:child_process';
import path from 'node:path';
import ExcelJS from 'exceljs';
import type { Download, Page } from 'playwright-core';

/** What a click downloads, as Playwright hands it over (its suggested name, its content). */
export async function downloadOf(page: Page, click: () => Promise<unknown>): Promise<Download> {
  const event = page.waitForEvent('download');
  await click();
  return event;
}

/** Saves what a click downloads as `file` and returns the path. */
export async function saveDownload(page: Page, click: () => Promise<unknown>, file: string): Promise<string> {
  await (await downloadOf(page, click)).saveAs(file);
  return file;
}

/** Clicks the button named `button` and saves the download as `dir/file`. */
export async function saveFromButton(page: Page, button: string, dir: string, file: string): Promise<string> {
  return saveDownload(page, () => page.getByRole('button', { name: button }).click(), path.join(dir, file));
}

/**
 * The text of a PDF as pdftotext reads it, whitespace collapsed (long lines wrap in a PDF). `raw` keeps the content
 * stream's order; without it pdftotext follows the layout.
 */
export function pdfText(file: string, options: { raw?: boolean } = {}): string {
  const args = options.raw === false ? [file, '-'] : ['-raw', '-enc', 'UTF-8', file, '-'];
  return execFileSync('pdftotext', args, { encoding: 'utf8' }).replace(/\s+/g, ' ');
}

/** Saves the PDF a click downloads and reads it back. */
export async function savePdf(page: Page, click: () => Promise<unknown>, file: string, options: { raw?: boolean } = {}) {
  const filePath = await saveDownload(page, click, file);
  return { filePath, text: pdfText(filePath, options) };
}

export async function readWorkbook(file: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb;
}
