import { PDFDocument } from 'pdf-lib';
import { buildCertificatesHtml, type CertificatesDoc } from '../documents/certificate';
import type { JobControl } from '../jobs';
import type { PrintPort } from '../ports';

/**
 * Certificates go to Chromium this many at a time: 500 pages at once took Chromium to 1.5–2.1 GB,
 * and a chunk is also the step of the progress bar and the point where a cancel takes effect.
 */
export const CERTIFICATE_CHUNK = 50;

function chunksOf<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** One PDF from the chunks' PDFs, pages in order. */
export async function mergePdfs(parts: readonly Buffer[]): Promise<Buffer> {
  if (parts.length === 1) return parts[0]!;
  const out = await PDFDocument.create();
  for (const part of parts) {
    const src = await PDFDocument.load(part);
    for (const page of await out.copyPages(src, src.getPageIndices())) out.addPage(page);
  }
  return Buffer.from(await out.save());
}

/** The batch as one PDF, or null when the clerk cancelled before it was complete. */
export async function certificatesToPdf(port: PrintPort, doc: CertificatesDoc, control: JobControl): Promise<Buffer | null> {
  const parts: Buffer[] = [];
  let done = 0;
  for (const chunk of chunksOf(doc.certificates, CERTIFICATE_CHUNK)) {
    if (control.cancelled) return null;
    parts.push(await port.toPdf(buildCertificatesHtml({ ...doc, certificates: chunk })));
    done += chunk.length;
    control.progress(done);
  }
  if (control.cancelled) return null;
  return mergePdfs(parts);
}

/**
 * The batch to a printer, a print job per chunk; `sent` is told which certificates reached the
 * printer so they count as printed even if the clerk cancels half-way.
 */
export async function certificatesToPrinter<T>(
  port: PrintPort & { print: NonNullable<PrintPort['print']> },
  doc: CertificatesDoc,
  items: readonly T[],
  deviceName: string,
  control: JobControl,
  sent: (items: T[]) => void,
): Promise<number> {
  let done = 0;
  const chunks = chunksOf(doc.certificates, CERTIFICATE_CHUNK);
  for (let i = 0; i < chunks.length; i++) {
    if (control.cancelled) break;
    await port.print(buildCertificatesHtml({ ...doc, certificates: chunks[i]! }), { deviceName });
    sent(items.slice(i * CERTIFICATE_CHUNK, i * CERTIFICATE_CHUNK + chunks[i]!.length));
    done += chunks[i]!.length;
    control.progress(done);
  }
  return done;
}
