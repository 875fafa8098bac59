import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createChromiumPrintPort, type ChromiumPrintPort } from '../../electron/browser-host/chromium-printing';
import { partyDocx } from '../../electron/core/documents/docx-party';
import type { PartyDocumentModel } from '../../electron/core/documents/document-model';
import { CHROMIUM, SCREENSHOTS } from '../fixtures/document-fixtures';

/**
 * The check every Word document passes: opened by LibreOffice Writer and printed to PDF, it must read
 * word for word as the app's own PDF of it — the .docx is the same document, only editable.
 */

export interface DocxCase {
  html: string;
  model: PartyDocumentModel;
  /** The fewest words the document must have, so that an empty pair of files cannot pass. */
  minWords?: number;
  /** A line only the Word file has (the report's note where the PDF has its charts); it must be there once. */
  wordOnly?: string;
}

/** The words with `line`'s words taken out where they stand; null when they are not there. */
function without(tokens: string[], line: string): string[] | null {
  const cut = line.split(/\s+/).filter(Boolean);
  const at = tokens.findIndex((_, i) => cut.every((w, k) => tokens[i + k] === w));
  return at < 0 ? null : [...tokens.slice(0, at), ...tokens.slice(at + cut.length)];
}

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
export const missingTools = [
  soffice && writer ? null : 'LibreOffice Writer',
  vietnameseTimes ? null : 'a Times New Roman font with Vietnamese (fonts-liberation2)',
  fs.existsSync(CHROMIUM) ? null : CHROMIUM,
  ...['pdftotext', 'pdfinfo', 'pdftoppm'].map((t) => (fs.existsSync(`/usr/bin/${t}`) ? null : t)),
].filter(Boolean);
if (missingTools.length)
  console.warn(
    `[docx] SKIPPED: missing ${missingTools.join(', ')} (apt-get install libreoffice-writer-nogui fonts-liberation2 chromium poppler-utils).`,
  );

/**
 * The words of a PDF, without what depends on where the pages break: the page numbers at the top of
 * pages 2 onwards and a table's header rows repeated there. Chromium and Writer break pages at
 * different rows; every word must still be there, in the same order.
 */
export function words(pdf: string, model: PartyDocumentModel): string[] {
  const heads = model.blocks.flatMap((b) =>
    b.kind === 'table' ? [b.head.flat().flatMap((c) => `${c.text} ${c.note ?? ''}`.split(/\s+/).filter(Boolean))] : [],
  );
  const text = execFileSync('pdftotext', ['-raw', '-enc', 'UTF-8', pdf, '-'], { encoding: 'utf8' });
  return text.split('\f').flatMap((page, i) => {
    // A zero-width space is where the .docx lets a serial number break; it is no part of the words.
    let tokens = page
      .normalize('NFC')
      .replace(/\u200b/g, '')
      .split(/\s+/)
      .filter(Boolean);
    if (i === 0) return tokens;
    if (tokens[0] === String(i + 1)) tokens = tokens.slice(1);
    const head = heads.find((h) => h.length > 0 && h.every((w, k) => tokens[k] === w));
    return head ? tokens.slice(head.length) : tokens;
  });
}

function attributes(xml: string, tag: string): Record<string, string> {
  const element = new RegExp(`<${tag} ([^>]*?)/?>`).exec(xml)?.[1] ?? '';
  return Object.fromEntries([...element.matchAll(/([\w:]+)="([^"]*)"/g)].map((m) => [m[1]!, m[2]!]));
}

export function pageSizes(pdf: string): string[] {
  const info = execFileSync('pdfinfo', ['-f', '1', '-l', '999', pdf], { encoding: 'utf8' });
  return [...info.matchAll(/^Page\s+\d+ size:\s+([\d.]+) x ([\d.]+) pts/gm)].map(
    (m) => `${Math.round(Number(m[1]))}x${Math.round(Number(m[2]))}`,
  );
}

/** Writer prints each .docx to a PDF of the same name in `dir`, with a profile of its own there (no first-run state shared). */
export function officeToPdf(dir: string, docx: string[]): void {
  execFileSync(
    soffice!,
    [
      `-env:UserInstallation=${pathToFileURL(path.join(dir, 'lo-profile')).href}`,
      '--headless',
      '--convert-to',
      'pdf',
      '--outdir',
      dir,
      ...docx,
    ],
    { stdio: 'pipe', timeout: 180_000 },
  );
}

/** The three checks, for each document: same words, same sheets, the Party's format in the file. */
export function describeDocxAgainstPdf(title: string, cases: Record<string, DocxCase | (() => Promise<DocxCase>)>): void {
  describe.skipIf(missingTools.length > 0)(title, () => {
    let port: ChromiumPrintPort;
    let dir: string;
    const files = new Map<string, { docx: string; app: string; office: string }>();
    const docs: Record<string, DocxCase> = {};

    beforeAll(async () => {
      // Documents read from a database are made here, not when the tests are listed.
      for (const [name, c] of Object.entries(cases)) docs[name] = typeof c === 'function' ? await c() : c;
      port = createChromiumPrintPort({ executablePath: CHROMIUM });
      dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ttct-docx-'));
      fs.mkdirSync(SCREENSHOTS, { recursive: true });
      for (const [name, doc] of Object.entries(docs)) {
        const app = path.join(dir, `${name}-app.pdf`);
        fs.writeFileSync(app, await port.toPdf(doc.html));
        const docx = path.join(dir, `${name}.docx`);
        fs.writeFileSync(docx, await partyDocx(doc.model, name));
        files.set(name, { docx, app, office: path.join(dir, `${name}.pdf`) });
      }
      officeToPdf(
        dir,
        [...files.values()].map((f) => f.docx),
      );
      for (const [name, f] of files) {
        execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '2', f.office, path.join(SCREENSHOTS, `docx-${name}`)]);
        execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '2', f.app, path.join(SCREENSHOTS, `docx-${name}-app`)]);
      }
    }, 240_000);

    afterAll(async () => {
      await port?.close();
      if (dir && process.env.KEEP_E2E_DATA) console.info(`[docx] files kept in ${dir}`);
      else if (dir) fs.rmSync(dir, { recursive: true, force: true });
    });

    it.each(Object.keys(cases))('%s reads word for word as the app’s PDF', (name) => {
      const f = files.get(name)!;
      const only = docs[name]!.wordOnly;
      const office = only ? without(words(f.office, docs[name]!.model), only) : words(f.office, docs[name]!.model);
      expect(office).not.toBeNull();
      if (!office) return;
      expect(office.length).toBeGreaterThan(docs[name]!.minWords ?? 200);
      expect(office).toEqual(words(f.app, docs[name]!.model));
    });

    it.each(Object.keys(cases))('%s is on A4 sheets in the PDF’s orientation', (name) => {
      const f = files.get(name)!;
      const sizes = new Set(pageSizes(f.office));
      expect([...sizes]).toEqual([...new Set(pageSizes(f.app))]);
      expect(['595x842', '842x595']).toContain([...sizes][0]);
    });

    it.each(Object.keys(cases))('%s is set in Times New Roman, 14 pt, with the Party’s margins', async (name) => {
      const zip = await JSZip.loadAsync(fs.readFileSync(files.get(name)!.docx));
      const styles = await zip.file('word/styles.xml')!.async('string');
      const document = await zip.file('word/document.xml')!.async('string');
      expect(styles).toMatch(/<w:rFonts w:ascii="Times New Roman"[^>]*w:hAnsi="Times New Roman"/);
      expect(styles).toContain('<w:sz w:val="28"/>');
      // Twips: 20 mm top and bottom, 30 mm left, 15 mm right; A4 is 11906 × 16838.
      expect(attributes(document, 'w:pgMar')).toMatchObject({ 'w:top': '1134', 'w:bottom': '1134', 'w:left': '1701', 'w:right': '850' });
      const size = attributes(document, 'w:pgSz');
      expect([size['w:w'], size['w:h']].sort()).toEqual(['11906', '16838']);
      // A list's header rows repeat on every page.
      if (docs[name]!.model.blocks.some((b) => b.kind === 'table')) expect(document).toContain('<w:tblHeader/>');
      // The header is the Party's, never the State's.
      expect(document).toContain('ĐẢNG CỘNG SẢN VIỆT NAM');
      expect(document).not.toContain('CỘNG HÒA XÃ HỘI');
    });
  });
}
