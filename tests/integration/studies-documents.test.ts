import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createChromiumPrintPort, type ChromiumPrintPort } from '../../electron/browser-host/chromium-printing';
import type { AppCore } from '../../electron/core/app-core';
import { CHROMIUM, SCREENSHOTS } from '../fixtures/document-fixtures';
import { missingTools, officeToPdf } from './docx-check';
import { ok, startCore } from './helpers';
import { studyData, typeCounts } from './studies-fixtures';

/**
 * The participation report as Word: opened by LibreOffice Writer and printed to PDF, it reads word for
 * word as the app's own PDF of it (page numbers and repeated table headers aside), in the Party format.
 */

const HEAD = ['STT', 'Tổ chức cơ sở đảng', 'Số buổi', 'Phải dự', 'Có mặt', 'Tỷ lệ', 'Ghi chú'];

function words(pdf: string): string[] {
  const head = HEAD.flatMap((h) => h.split(/\s+/));
  const text = execFileSync('pdftotext', ['-raw', '-enc', 'UTF-8', pdf, '-'], { encoding: 'utf8' });
  return text.split('\f').flatMap((page, i) => {
    let tokens = page.normalize('NFC').split(/\s+/).filter(Boolean);
    if (i === 0) return tokens;
    if (tokens[0] === String(i + 1)) tokens = tokens.slice(1);
    return head.every((w, k) => tokens[k] === w) ? tokens.slice(head.length) : tokens;
  });
}

// Skipped without the tools the other Word checks need (LibreOffice Writer, a Vietnamese Times, Chromium, poppler).
describe.skipIf(missingTools.length > 0)('the participation report in Word, opened by LibreOffice Writer', () => {
  let port: ChromiumPrintPort;
  let core: AppCore;
  let dir: string;
  const files = { docx: '', app: '', office: '' };

  beforeAll(async () => {
    port = createChromiumPrintPort({ executablePath: CHROMIUM });
    core = await startCore(undefined, () => new Date('2026-12-20T03:00:00Z'));
    const f = await studyData(core);
    await typeCounts(core, f);
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ttct-studies-docx-'));
    const scope = { kind: 'year' as const, year: 2026 };
    const preview = await ok(core, 'studies.preview', { scope });
    files.app = path.join(dir, 'app.pdf');
    fs.writeFileSync(files.app, await port.toPdf(preview.html));
    const docx = await ok(core, 'studies.docx', { scope });
    expect(docx.fileName).toBe('ty-le-hoc-tap-nghi-quyet-nam-2026.docx');
    files.docx = path.join(dir, 'studies.docx');
    files.office = path.join(dir, 'studies.pdf');
    fs.writeFileSync(files.docx, Buffer.from(docx.dataBase64, 'base64'));
    officeToPdf(dir, [files.docx]);
    fs.mkdirSync(SCREENSHOTS, { recursive: true });
    execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', files.office, path.join(SCREENSHOTS, 'docx-studies')]);
    execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', files.app, path.join(SCREENSHOTS, 'docx-studies-app')]);
  }, 180_000);

  afterAll(async () => {
    await port?.close();
    core?.close();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('reads word for word as the app’s PDF, with the rates and the missing organisation in words', () => {
    const office = words(files.office);
    expect(office).toEqual(words(files.app));
    const text = office.join(' ');
    expect(text).toContain('Đảng bộ xã Đắk Hà 1 4 3 75,00%');
    expect(text).toContain('Đảng bộ Quân sự xã 1 — 10 Thiếu số đảng viên');
    expect(text).toContain('Cộng 61 57 93,44% Chưa tính 1 tổ chức thiếu số đảng viên');
    expect(text).toContain('đạt 93,44%');
  });

  it('is set in Times New Roman with the Party header and margins', async () => {
    const zip = await JSZip.loadAsync(fs.readFileSync(files.docx));
    const document = await zip.file('word/document.xml')!.async('string');
    const styles = await zip.file('word/styles.xml')!.async('string');
    expect(styles).toMatch(/<w:rFonts w:ascii="Times New Roman"/);
    expect(document).toContain('ĐẢNG CỘNG SẢN VIỆT NAM');
    expect(document).toContain('<w:tblHeader/>');
    const margins = /<w:pgMar ([^>]*)\/>/.exec(document)?.[1] ?? '';
    for (const m of ['w:top="1134"', 'w:bottom="1134"', 'w:left="1701"', 'w:right="850"']) expect(margins).toContain(m);
  });
});
