import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createChromiumPrintPort, type ChromiumPrintPort } from '../../electron/browser-host/chromium-printing';
import { buildLearnerListHtml, buildResultsDecisionHtml, type LearnerListDoc, type ListLearner, type ResultsDecisionDoc } from '../../electron/core/documents/class-lists';
import { learnerListModel, openingDecisionModel, resultsDecisionModel } from '../../electron/core/documents/docx-models';
import { partyDocx } from '../../electron/core/documents/docx-party';
import type { PartyDocumentModel } from '../../electron/core/documents/document-model';
import { buildOpeningDecisionHtml, type OpeningDecisionDoc } from '../../electron/core/documents/opening-decision';
import { CHROMIUM, SCREENSHOTS, TRICKY, communeBody } from './document-fixtures';
import { invoke, startCore } from './helpers';

/**
 * Each document the app saves as Word, opened by LibreOffice Writer and printed to PDF, must read
 * word for word as the app's own PDF of it: the .docx is the same document, only editable.
 */

const CLASS = 'Lớp bồi dưỡng lý luận chính trị dành cho đảng viên mới khóa I năm 2026';
const UNITS = ['Chi bộ thôn 1', 'Chi bộ thôn Kon Trang', 'Chi bộ Trường THCS Lê Lợi', 'Chi bộ Công an xã'];
const NAMES = ['Nguyễn Thị Thu Hằng', 'Trần Văn Dũng', 'Lê Thị Ngọc Ánh', 'Phạm Đức Phước', 'Hoàng Thị Tuyết', 'Võ Minh Khải', 'Đặng Quang Ưng'];

/** 40 learners: enough for the lists to run onto a second page, where the header rows repeat. */
const learners: ListLearner[] = Array.from({ length: 40 }, (_, i) => ({
  fullName: i === 3 ? TRICKY : `${NAMES[i % NAMES.length]} ${String.fromCharCode(65 + (i % 26))}`,
  sex: i === 5 ? null : i % 2 === 0 ? 'nu' : 'nam',
  birthDate: i === 7 ? '1990-05' : `${1980 + (i % 20)}-${String((i % 12) + 1).padStart(2, '0')}-${String((i % 27) + 1).padStart(2, '0')}`,
  ethnicityName: i % 5 === 0 ? 'Xơ Đăng' : 'Kinh',
  position: i % 3 === 0 ? 'Bí thư chi đoàn' : 'Đoàn viên',
  unitName: i === 9 ? null : UNITS[i % UNITS.length]!,
  partyStatus: i % 10 === 0 ? 'quan_chung' : 'du_bi',
}));

const body = { ...communeBody, signerName: 'Trần Thị Mai', signerTitle: 'Phó Giám đốc' };
const decision: OpeningDecisionDoc = {
  body,
  number: '12-QĐ/TTCT',
  date: '2026-02-05',
  className: CLASS,
  programName: 'Bồi dưỡng lý luận chính trị dành cho đảng viên mới',
  startDate: '2026-02-09',
  endDate: '2026-02-13',
  venueName: 'Hội trường Đảng ủy xã',
  homeroomName: 'Nguyễn Văn Bình',
  learners,
};
const list: LearnerListDoc = { body: communeBody, date: '2026-02-05', className: CLASS, learners };
const CLASSIFICATIONS = ['Xuất sắc', 'Giỏi', 'Khá', 'Trung bình'];
const results: ResultsDecisionDoc = {
  body,
  number: '15-QĐ/TTCT',
  date: '2026-02-16',
  className: CLASS,
  programName: decision.programName,
  startDate: decision.startDate,
  endDate: decision.endDate,
  outcome: 'certificate',
  // One learner with no final score yet, as a program without examinations leaves it.
  recognised: learners.map((l, i) => ({ ...l, finalTenths: i === 11 ? null : 50 + ((i * 7) % 51), classification: i === 11 ? null : CLASSIFICATIONS[i % 4]! })),
  total: 42,
};

const DOCS: Record<string, { html: string; model: PartyDocumentModel }> = {
  'opening-decision': { html: buildOpeningDecisionHtml(decision), model: openingDecisionModel(decision) },
  'learner-list': { html: buildLearnerListHtml(list), model: learnerListModel(list) },
  'results-decision': { html: buildResultsDecisionHtml(results), model: resultsDecisionModel(results) },
};
type Name = keyof typeof DOCS;

const soffice = ['/usr/bin/soffice', '/usr/lib/libreoffice/program/soffice'].find((bin) => fs.existsSync(bin)) ?? null;
// LibreOffice without Writer (only Calc installed) starts but cannot load a .docx.
const writer = fs.existsSync('/usr/lib/libreoffice/program/libswlo.so');
// Writer draws Times New Roman with a metric twin; the old Liberation 1.x lacks Vietnamese, and the letters it
// borrows from another font come out of pdftotext in the wrong order.
const vietnameseTimes = (() => {
  try {
    return /Liberation Serif|Times New Roman|Tinos/.test(execFileSync('fc-list', [':charset=1ea3', 'family'], { encoding: 'utf8' }));
  } catch {
    return false;
  }
})();
const missing = [soffice && writer ? null : 'LibreOffice Writer', vietnameseTimes ? null : 'a Times New Roman font with Vietnamese (fonts-liberation2)', fs.existsSync(CHROMIUM) ? null : CHROMIUM, ...['pdftotext', 'pdfinfo', 'pdftoppm'].map((t) => (fs.existsSync(`/usr/bin/${t}`) ? null : t))].filter(Boolean);
if (missing.length) console.warn(`[docx-documents] SKIPPED: missing ${missing.join(', ')} (apt-get install libreoffice-writer-nogui fonts-liberation2 chromium poppler-utils).`);

/**
 * The words of a PDF, without what depends on where the pages break: the page numbers at the top of
 * pages 2 onwards and the table's header rows repeated there. Chromium and Writer break pages at
 * different rows; every word must still be there, in the same order.
 */
function words(pdf: string, model: PartyDocumentModel): string[] {
  const head = model.blocks.flatMap((b) => (b.kind === 'table' ? b.head.flat().flatMap((c) => c.text.split(/\s+/)) : []));
  const text = execFileSync('pdftotext', ['-raw', '-enc', 'UTF-8', pdf, '-'], { encoding: 'utf8' });
  return text.split('\f').flatMap((page, i) => {
    let tokens = page.normalize('NFC').split(/\s+/).filter(Boolean);
    if (i === 0) return tokens;
    if (tokens[0] === String(i + 1)) tokens = tokens.slice(1);
    return head.length && head.every((w, k) => tokens[k] === w) ? tokens.slice(head.length) : tokens;
  });
}

function attributes(xml: string, tag: string): Record<string, string> {
  const element = new RegExp(`<${tag} ([^>]*?)/?>`).exec(xml)?.[1] ?? '';
  return Object.fromEntries([...element.matchAll(/([\w:]+)="([^"]*)"/g)].map((m) => [m[1]!, m[2]!]));
}

function pageSizes(pdf: string): string[] {
  const info = execFileSync('pdfinfo', ['-f', '1', '-l', '99', pdf], { encoding: 'utf8' });
  return [...info.matchAll(/^Page\s+\d+ size:\s+([\d.]+) x ([\d.]+) pts/gm)].map((m) => `${Math.round(Number(m[1]))}x${Math.round(Number(m[2]))}`);
}

describe.skipIf(missing.length > 0)('Word documents, opened by LibreOffice Writer', () => {
  let port: ChromiumPrintPort;
  let dir: string;
  const files = new Map<Name, { docx: string; app: string; office: string }>();

  beforeAll(async () => {
    port = createChromiumPrintPort({ executablePath: CHROMIUM });
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ttct-docx-'));
    fs.mkdirSync(SCREENSHOTS, { recursive: true });
    for (const [name, doc] of Object.entries(DOCS)) {
      const app = path.join(dir, `${name}-app.pdf`);
      fs.writeFileSync(app, await port.toPdf(doc.html));
      const docx = path.join(dir, `${name}.docx`);
      fs.writeFileSync(docx, await partyDocx(doc.model, name));
      files.set(name, { docx, app, office: path.join(dir, `${name}.pdf`) });
    }
    execFileSync(
      soffice!,
      [`-env:UserInstallation=${pathToFileURL(path.join(dir, 'lo-profile')).href}`, '--headless', '--convert-to', 'pdf', '--outdir', dir, ...[...files.values()].map((f) => f.docx)],
      { stdio: 'pipe', timeout: 120_000 },
    );
    for (const [name, f] of files) {
      execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '2', f.office, path.join(SCREENSHOTS, `docx-${name}`)]);
      execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '2', f.app, path.join(SCREENSHOTS, `docx-${name}-app`)]);
    }
  }, 180_000);

  afterAll(async () => {
    await port?.close();
    if (dir && process.env.KEEP_E2E_DATA) console.info(`[docx-documents] files kept in ${dir}`);
    else if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  it.each(Object.keys(DOCS))('%s reads word for word as the app’s PDF', (name) => {
    const f = files.get(name)!;
    const office = words(f.office, DOCS[name]!.model);
    expect(office.length).toBeGreaterThan(200);
    expect(office).toEqual(words(f.app, DOCS[name]!.model));
  });

  it.each(Object.keys(DOCS))('%s is on A4 sheets in the PDF’s orientation', (name) => {
    const f = files.get(name)!;
    const sizes = new Set(pageSizes(f.office));
    expect([...sizes]).toEqual([...new Set(pageSizes(f.app))]);
    expect(['595x842', '842x595']).toContain([...sizes][0]);
  });

  it.each(Object.keys(DOCS))('%s is set in Times New Roman, 14 pt, with the Party’s margins', async (name) => {
    const zip = await JSZip.loadAsync(fs.readFileSync(files.get(name)!.docx));
    const styles = await zip.file('word/styles.xml')!.async('string');
    const document = await zip.file('word/document.xml')!.async('string');
    expect(styles).toMatch(/<w:rFonts w:ascii="Times New Roman"[^>]*w:hAnsi="Times New Roman"/);
    expect(styles).toContain('<w:sz w:val="28"/>');
    // Twips: 20 mm top and bottom, 30 mm left, 15 mm right; A4 is 11906 × 16838.
    expect(attributes(document, 'w:pgMar')).toMatchObject({ 'w:top': '1134', 'w:bottom': '1134', 'w:left': '1701', 'w:right': '850' });
    const size = attributes(document, 'w:pgSz');
    expect([size['w:w'], size['w:h']].sort()).toEqual(['11906', '16838']);
    // The list's header rows repeat on every page.
    expect(document).toContain('<w:tblHeader/>');
    // The header is the Party's, never the State's.
    expect(document).toContain('ĐẢNG CỘNG SẢN VIỆT NAM');
    expect(document).not.toContain('CỘNG HÒA XÃ HỘI');
  });
});

describe('documents.docx', () => {
  it('refuses, in Vietnamese, a document not yet written for Word', async () => {
    const core = await startCore();
    const r = await invoke(core, 'documents.docx', { kind: 'scoreSheet', classId: 1 });
    expect(r.ok ? null : r.error.message).toBe('Bảng điểm chưa lưu được thành tệp Word; hãy lưu PDF.');
    core.close();
  });
});
