import { PDFDocument } from 'pdf-lib';
import { buildCertificatesHtml, type CertificatesDoc } from '../documents/certificate';
import type { JobControl } from '../jobs';
import type { PrintOptions, PrintPort } from '../ports';

/**
 * Certificates go to Chromium this many at a time: 500 pages at once took Chromium to 1.5–2.1 GB,
 * and a chunk is also the step of the progress bar and the point where a cancel takes effect.
 */
export const CERTIFICATE_CHUNK = 50;

/** Called before each chunk with its place in the batch; throws to stop (a certificate voided meanwhile). */
export type ChunkCheck = (from: number, to: number) => void;

function chunksOf<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** One PDF from the chunks' PDFs, pages in order. */
export async function mergePdfs(parts: readonly Buffer[], title: string): Promise<Buffer> {
  if (parts.length === 1) return parts[0]!;
  const out = await PDFDocument.create();
  out.setTitle(title);
  out.setLanguage('vi');
  for (const part of parts) {
    const src = await PDFDocument.load(part);
    for (const page of await out.copyPages(src, src.getPageIndices())) out.addPage(page);
  }
  return Buffer.from(await out.save());
}

/** The batch as one PDF, or null when the clerk cancelled before it was complete. */
export async function certificatesToPdf(
  port: PrintPort,
  doc: CertificatesDoc,
  control: JobControl,
  check?: ChunkCheck,
): Promise<Buffer | null> {
  const parts: Buffer[] = [];
  let done = 0;
  for (const chunk of chunksOf(doc.certificates, CERTIFICATE_CHUNK)) {
    if (control.cancelled) return null;
    check?.(done, done + chunk.length);
    parts.push(await port.toPdf(buildCertificatesHtml({ ...doc, certificates: chunk })));
    done += chunk.length;
    control.progress(done);
  }
  if (control.cancelled) return null;
  return mergePdfs(parts, 'Giấy chứng nhận');
}

/**
 * The batch to a printer, a print job per chunk on the layout's paper; `sent` is told which
 * certificates reached the printer so they count as printed even if the clerk stops the rest or the
 * printer fails later.
 */
export async function certificatesToPrinter<T>(
  port: PrintPort & { print: NonNullable<PrintPort['print']> },
  doc: CertificatesDoc,
  items: readonly T[],
  deviceName: string,
  control: JobControl,
  sent: (items: T[]) => void,
  check?: ChunkCheck,
): Promise<number> {
  let done = 0;
  const options: PrintOptions = { deviceName, paper: doc.layout.paper, landscape: doc.layout.orientation === 'landscape' };
  for (const chunk of chunksOf(doc.certificates, CERTIFICATE_CHUNK)) {
    if (control.cancelled) break;
    check?.(done, done + chunk.length);
    await port.print(buildCertificatesHtml({ ...doc, certificates: chunk }), options);
    sent(items.slice(done, done + chunk.length));
    done += chunk.length;
    control.progress(done);
  }
  return done;
}
