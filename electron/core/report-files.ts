import { todayInVietnam } from '../../shared/domain/dates';
import type { AppCore } from './app-core';
import { issuingBodyAt } from './centre/store';
import type { IssuingBody } from './documents/party-document';
import type { PartyDocumentModel } from './documents/document-model';
import { partyDocx } from './documents/docx-party';
import { AppError } from './errors';
import type { PrintOptions } from './ports';

/**
 * The PDF, Word and print answers of the reports (training, levels, studies, the recovery sheet): each
 * builds its document, then names the file after the report. One place so they refuse and name alike.
 */

export interface SavedFile {
  fileName: string;
  dataBase64: string;
}

/** A report goes out under today's header, signed by today's director: it is sent now. */
export function todaysHeader(ctx: AppCore): { body: IssuingBody; date: string } {
  const date = todayInVietnam(ctx.now());
  const body = issuingBodyAt(ctx.db, date);
  if (!body) throw new AppError('NO_PROFILE', 'Chưa có hồ sơ trung tâm; hãy nhập ở màn hình Hồ sơ trung tâm.');
  return { body, date };
}

/** The port is asked first: a machine that cannot make PDFs refuses before anything is computed. */
export async function pdfFile(ctx: AppCore, build: () => { fileName: string; html: string }): Promise<SavedFile> {
  const port = ctx.printing();
  const { fileName, html } = build();
  return { fileName, dataBase64: (await port.toPdf(html)).toString('base64') };
}

/** What a preview shows of a built printable: its title and the very HTML that is printed. */
export function previewOf(d: { title: string; html: string }): { title: string; html: string } {
  return { title: d.title, html: d.html };
}

/** The PDF of a printable already built: its own refusals (no such record, not recognised) came before the port's. */
export async function builtPdf(ctx: AppCore, d: { fileName: string; html: string }): Promise<SavedFile> {
  return { fileName: d.fileName, dataBase64: (await ctx.printing().toPdf(d.html)).toString('base64') };
}

export async function docxFile(fileName: string, model: PartyDocumentModel, title: string): Promise<SavedFile> {
  return { fileName, dataBase64: (await partyDocx(model, title)).toString('base64') };
}

export async function printHtml(ctx: AppCore, html: () => string, options?: PrintOptions): Promise<{ printed: true }> {
  const port = ctx.printing();
  if (!port.canPrint || !port.print) throw new AppError('PRINT_UNAVAILABLE', 'Máy này không in trực tiếp được; hãy lưu PDF rồi in.');
  // Without options the dialog decides, as the print calls did before this helper.
  await (options ? port.print(html(), options) : port.print(html()));
  return { printed: true };
}
