import type { Page } from 'playwright-core';
import { savePdf } from './files';

/** A tab of the class page («Học viên», «Điểm danh», «Kết quả», «In văn bản»…), by the start of its name. */
export async function classTab(page: Page, name: string | RegExp): Promise<void> {
  await page.getByRole('tab', { name }).click();
}

/** A cell of the «Điểm danh» tab's grid by its name: «<learner>, sáng 12/02: có mặt» for a mark, «<learner>: vắng 1/10 buổi» for the total. */
export function attendanceCell(page: Page, name: string | RegExp) {
  return page.getByRole('grid', { name: 'Điểm danh' }).getByRole('gridcell', { name });
}

/** Picks a printout on the class's «In văn bản» tab and waits for its preview. */
export async function chooseDocument(page: Page, label: string): Promise<void> {
  await page.getByRole('combobox', { name: 'Văn bản' }).click();
  await page.getByRole('option', { name: label, exact: true }).click();
  await page.locator(`iframe[title^="Xem trước"]`).first().waitFor();
}

/** The preview's frame (the very HTML that becomes the PDF). */
export function preview(page: Page) {
  return page.frameLocator('iframe[title^="Xem trước"]');
}

/** On «In văn bản»: picks a document, waits for its heading in the preview, saves the PDF and reads it back. */
export async function printDocument(page: Page, label: string, heading: string, file: string, options: { raw?: boolean } = {}) {
  await classTab(page, 'In văn bản');
  await chooseDocument(page, label);
  await preview(page).getByText(heading, { exact: true }).first().waitFor();
  return savePdf(page, () => page.getByRole('button', { name: 'Lưu PDF' }).click(), file, options);
}
