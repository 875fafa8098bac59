import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createChromiumPrintPort } from '../../electron/browser-host/chromium-printing';
import { generateCentreKeys, signCertificate } from '../../electron/core/certificates/signing';
import { CERTIFICATE_CHUNK, certificatesToPdf, certificatesToPrinter } from '../../electron/core/certificates/batch-printing';
import type { CertificatesDoc } from '../../electron/core/documents/certificate';
import type { JobControl } from '../../electron/core/jobs';
import { defaultCertificateLayout } from '../../shared/domain/certificate-layout';
import { CHROMIUM, communeBody } from '../fixtures/document-fixtures';
import { tempDir } from './helpers';

const keys = generateCentreKeys();
const GIVEN = ['An', 'Bảo', 'Chi', 'Dũng', 'Đào', 'Giang', 'Hà', 'Khánh', 'Lan', 'Minh'];

/** 120 certificates: three chunks, the last one short. */
function doc(count = 120): CertificatesDoc {
  return {
    body: communeBody,
    layout: defaultCertificateLayout(),
    offset: { x: 0, y: 0 },
    certificates: Array.from({ length: count }, (_, i) => {
      const serial = `${i + 1}/2026/GCN`;
      const fullName = `Nguyễn Văn ${GIVEN[i % GIVEN.length]!} ${i + 1}`;
      return {
        serial,
        registerNo: `2026.${String(i + 1).padStart(4, '0')}`,
        fullName,
        birthDate: '1990-05-12',
        unitName: 'Chi bộ thôn 1',
        programName: 'Bồi dưỡng lý luận chính trị dành cho đối tượng kết nạp Đảng',
        className: 'Lớp khóa I năm 2026',
        startDate: '2026-03-02',
        endDate: '2026-03-06',
        classification: 'Khá',
        issueDate: '2026-03-12',
        signer: { lines: ['GIÁM ĐỐC'], name: 'Nguyễn Văn An' },
        verificationCode: signCertificate(
          { n: serial, r: `2026.${i + 1}`, name: fullName, birth: '1990-05-12', program: 'KND', issued: '2026-03-12' },
          keys,
        ),
      };
    }),
  };
}

/** Progress as the job registry would record it, with a cancel that arrives after `cancelAfter` steps. */
function control(cancelAfter = Infinity): JobControl & { steps: number[] } {
  const steps: number[] = [];
  return {
    steps,
    progress: (done) => steps.push(done),
    get cancelled() {
      return steps.length >= cancelAfter;
    },
  };
}

const port = createChromiumPrintPort({ executablePath: CHROMIUM });
afterAll(() => port.close());

describe('printing a batch in chunks', () => {
  it('joins the chunks into one PDF with every page in register order', async () => {
    const c = control();
    const pdf = await certificatesToPdf(port, doc(), c);
    expect(c.steps).toEqual([CERTIFICATE_CHUNK, 2 * CERTIFICATE_CHUNK, 120]);
    const file = path.join(tempDir(), 'batch.pdf');
    fs.writeFileSync(file, pdf!);
    expect(execFileSync('pdfinfo', [file], { encoding: 'utf8' })).toMatch(/Pages:\s+120\n/);
    const pages = execFileSync('pdftotext', ['-raw', file, '-'], { encoding: 'utf8' }).split('\f');
    for (const n of [1, 50, 51, 100, 101, 120]) {
      expect(pages[n - 1]).toContain(`Số: ${n}/2026/GCN`);
      expect(pages[n - 1]).toContain(`${GIVEN[(n - 1) % GIVEN.length]} ${n}`);
    }
  }, 60_000);

  it('stops at the next chunk when cancelled and gives no PDF', async () => {
    let calls = 0;
    const counting = { canPrint: false, toPdf: (html: string) => (calls++, port.toPdf(html)) };
    const c = control(1);
    expect(await certificatesToPdf(counting, doc(), c)).toBeNull();
    expect(calls).toBe(1);
  }, 60_000);

  it('sends each chunk to the chosen printer and counts only what was sent before a cancel', async () => {
    // The Electron printer cannot exist here: this stands in for webContents.print and records the jobs.
    const jobs: { pages: number; deviceName: string | undefined }[] = [];
    const printer = {
      canPrint: true,
      toPdf: () => Promise.reject(new Error('not used')),
      print: (html: string, options?: { deviceName?: string }) => {
        jobs.push({ pages: html.split('class="sheet').length - 1, deviceName: options?.deviceName });
        return Promise.resolve();
      },
    };
    const sent: number[][] = [];
    const items = Array.from({ length: 120 }, (_, i) => i + 1);
    const done = await certificatesToPrinter(printer, doc(), items, 'HP LaserJet', control(2), (s) => sent.push(s));
    expect(done).toBe(100);
    expect(jobs).toEqual([
      { pages: 50, deviceName: 'HP LaserJet' },
      { pages: 50, deviceName: 'HP LaserJet' },
    ]);
    expect(sent.map((s) => [s[0], s.at(-1)])).toEqual([
      [1, 50],
      [51, 100],
    ]);
  });
});
