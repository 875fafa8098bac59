import { execFileSync } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { chromium } from 'playwright-core';
import { makeRandom, samplePerson } from '../electron/core/demo/generate';
import { CHROMIUM_ARGS, createChromiumPrintPort } from '../electron/browser-host/chromium-printing';
import { buildCertificatesHtml, type CertificateToPrint } from '../electron/core/documents/certificate';
import { generateCentreKeys, signCertificate } from '../electron/core/certificates/signing';
import { CERTIFICATE_CHUNK, certificatesToPdf } from '../electron/core/certificates/batch-printing';
import { defaultCertificateLayout } from '../shared/domain/certificate-layout';
import { CHROMIUM, communeBody } from '../tests/fixtures/document-fixtures';
import { emit } from './bench-common';

/**
 * 500 A5 certificates into one PDF through the app's printing code (builder + the browser host's
 * Chromium print port), and Chromium alone printing the same HTML, so the app's overhead shows.
 */
export async function benchCertificates(): Promise<void> {
  const keys = generateCentreKeys();
  const rnd = makeRandom(7);
  const used = new Set<string>();
  const certificates: CertificateToPrint[] = Array.from({ length: 500 }, (_, i) => {
    const p = samplePerson(rnd, { id: 1, name: 'Chi bộ thôn Kon Trang', communeCode: null }, '062', used).data;
    const serial = `${i + 1}/2026/GCN`;
    const registerNo = `2026.${String(i + 1).padStart(4, '0')}`;
    const fullName = `${p.familyAndMiddle} ${p.given}`;
    const birthDate = p.birthDate ?? '';
    const programName = 'Bồi dưỡng lý luận chính trị dành cho đối tượng kết nạp Đảng';
    return {
      serial,
      registerNo,
      fullName,
      birthDate,
      unitName: 'Chi bộ thôn Kon Trang',
      programName,
      className: `Lớp bồi dưỡng nhận thức về Đảng khóa ${1 + (i % 12)} năm 2026`,
      startDate: '2026-03-02',
      endDate: '2026-03-06',
      classification: ['Xuất sắc', 'Giỏi', 'Khá', 'Trung bình'][i % 4]!,
      issueDate: '2026-03-12',
      signer: { lines: ['KT. GIÁM ĐỐC', 'PHÓ GIÁM ĐỐC'], name: 'Y Moan Niê' },
      verificationCode: signCertificate(
        { n: serial, r: registerNo, name: fullName, birth: birthDate, program: programName, issued: '2026-03-12' },
        keys,
      ),
    };
  });
  let peak = process.memoryUsage().rss;
  let chromiumPeak = 0;
  // Chromium's processes hold the pages while printing: their summed RSS is the memory the clerk's PC needs.
  const chromiumRss = () => {
    try {
      return (
        execFileSync('ps', ['-C', 'chromium', '-o', 'rss='], { encoding: 'utf8' })
          .split('\n')
          .reduce((a, l) => a + (Number(l.trim()) || 0), 0) * 1024
      );
    } catch {
      return 0;
    }
  };
  const sampler = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
    chromiumPeak = Math.max(chromiumPeak, chromiumRss());
  }, 200);
  const port = createChromiumPrintPort({ executablePath: CHROMIUM });
  try {
    // Warm the browser so both measurements start from a running Chromium.
    await port.toPdf(
      buildCertificatesHtml({
        body: communeBody,
        layout: defaultCertificateLayout(),
        offset: { x: 0, y: 0 },
        certificates: certificates.slice(0, 1),
      }),
    );
    const doc = { body: communeBody, layout: defaultCertificateLayout(), offset: { x: 0, y: 0 }, certificates };
    const t0 = performance.now();
    const html = buildCertificatesHtml(doc);
    const buildMs = performance.now() - t0;
    // The app's path: chunks of CERTIFICATE_CHUNK through Chromium, joined into one PDF.
    const t00 = performance.now();
    const pdf = (await certificatesToPdf(port, doc, { progress: () => undefined, cancelled: false }))!;
    const appMs = performance.now() - t00;
    emit('certificates.batch500_pdf_ms', appMs, {
      goal: 20_000,
      chunk: CERTIFICATE_CHUNK,
      buildAllHtmlMs: Math.round(buildMs),
      pdfBytes: pdf.length,
      htmlBytes: html.length,
      nodePeakRssMb: Math.round(peak / 2 ** 20),
      chromiumPeakRssMb: Math.round(chromiumPeak / 2 ** 20),
    });
    peak = process.memoryUsage().rss;
    chromiumPeak = 0;
    const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
    try {
      const page = await browser.newPage();
      const t1 = performance.now();
      await page.setContent(html, { waitUntil: 'load' });
      const staticPdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
      emit('certificates.batch500_static_pdf_ms', performance.now() - t1, {
        pdfBytes: staticPdf.length,
        nodePeakRssMb: Math.round(peak / 2 ** 20),
        chromiumPeakRssMb: Math.round(chromiumPeak / 2 ** 20),
      });
    } finally {
      await browser.close();
    }
  } finally {
    clearInterval(sampler);
    await port.close();
  }
}

// v3: certificates carry real snapshots and signed codes (certificates/record.ts), issued after their
// class under the profile valid then, as the app issues them.
