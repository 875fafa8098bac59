import { execFileSync } from 'node:child_process';
import QRCode from 'qrcode';
import { beforeAll, describe, expect, it } from 'vitest';
import { generateCentreKeys, signCertificate } from '../../electron/core/certificates/signing';
import { buildCertificatesHtml, type CertificateToPrint } from '../../electron/core/documents/certificate';
import { buildCalibrationHtml } from '../../electron/core/documents/certificate-calibration';
import {
  CERTIFICATE_FIELD_KEYS,
  certificateLayoutSchema,
  defaultCertificateLayout,
  IMAGE_INVALID_MESSAGE,
  pageSizeMm,
  printerOffsetSchema,
  type CertificateLayout,
} from '../../shared/domain/certificate-layout';
import { pdfPrinter, pdfToolsMissing, type PrintedPdf } from '../fixtures/pdf-printer';
import { TRICKY, communeBody as body } from '../fixtures/document-fixtures';

const PROGRAM = 'Bồi dưỡng lý luận chính trị dành cho đảng viên mới';
const CLASS = 'Lớp bồi dưỡng lý luận chính trị dành cho đảng viên mới khóa I năm 2026';
const keys = generateCentreKeys();

function cert(
  serial: number,
  fullName: string,
  birthDate: string,
  unitName: string | null,
  classification: string | null,
): CertificateToPrint {
  const s = `${serial}/GCN-TTCT`;
  const r = `${String(serial + 100).padStart(4, '0')}/2026`;
  return {
    serial: s,
    registerNo: r,
    fullName,
    birthDate,
    unitName,
    programName: PROGRAM,
    className: CLASS,
    startDate: '2026-01-22',
    endDate: '2026-01-28',
    classification,
    issueDate: '2026-02-05',
    signer:
      serial === 14
        ? { lines: ['GIÁM ĐỐC'], name: 'Nguyễn Văn Thành' }
        : { lines: ['KT. GIÁM ĐỐC', 'PHÓ GIÁM ĐỐC'], name: 'Trần Thị Hồng Nhung' },
    verificationCode: signCertificate({ n: s, r, name: fullName, birth: birthDate, program: PROGRAM, issued: '2026-02-05' }, keys),
  };
}

const certificates: CertificateToPrint[] = [
  cert(12, "Rơ Châm H'Luyến", '2001-11-03', 'Chi bộ thôn Đắk Mút', 'Giỏi'),
  cert(13, TRICKY, '1990-05', null, 'Khá'),
  cert(14, 'Nguyễn Thị Thu Hằng', '1985', 'Chi bộ Trường THCS Lê Lợi', null),
];

const fullLayout = defaultCertificateLayout();
const preprinted: CertificateLayout = { ...fullLayout, mode: 'preprinted' };
const noOffset = { x: 0, y: 0 };

// A 1 × 1 PNG and a JPEG header: enough for the magic-byte check.
const PNG_1PX = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=';

describe('certificate layouts (schema)', () => {
  it('the default is a valid A5 landscape plain-paper design with every field placed', () => {
    const l = defaultCertificateLayout();
    expect(l).toMatchObject({ paper: 'A5', orientation: 'landscape', mode: 'full', border: true, imageDataUrl: null });
    expect(l.fields.map((f) => f.key).sort()).toEqual([...CERTIFICATE_FIELD_KEYS].sort());
    for (const paper of ['A4', 'A5'] as const) {
      for (const orientation of ['landscape', 'portrait'] as const) {
        const d = defaultCertificateLayout(paper, orientation);
        expect(certificateLayoutSchema.safeParse(d).success, `${paper} ${orientation}`).toBe(true);
      }
    }
    expect(pageSizeMm('A5', 'landscape')).toEqual({ width: 210, height: 148 });
    expect(pageSizeMm('A4', 'portrait')).toEqual({ width: 210, height: 297 });
  });

  it('refuses fields off the page, bad font sizes, duplicate fields, and anything but PNG or JPEG', () => {
    const messages = (l: unknown) => {
      const r = certificateLayoutSchema.safeParse(l);
      return r.success ? [] : r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    };
    const base = defaultCertificateLayout();
    const moved = { ...base, fields: base.fields.map((f) => (f.key === 'serial' ? { ...f, x: 180 } : f)) };
    expect(messages(moved).join()).toMatch(/fields\.11\.width: «Số» vượt quá mép phải trang \(rộng 210 mm\)/);
    const low = { ...base, fields: base.fields.map((f) => (f.key === 'qr' ? { ...f, y: 130 } : f)) };
    expect(messages(low).join()).toMatch(/«Mã QR» vượt quá mép dưới trang/);
    const big = { ...base, fields: base.fields.map((f, i) => (i === 0 ? { ...f, fontSize: 41 } : f)) };
    expect(messages(big).join()).toContain('Cỡ chữ từ 6 đến 40 pt');
    expect(messages({ ...base, fields: base.fields.map((f, i) => (i === 1 ? { ...f, key: 'fullName' } : f)) })).toEqual([
      'fields.1.key: Trường «Họ và tên» đã có trên mẫu',
    ]);
    expect(messages({ ...base, fields: base.fields.map((f, i) => (i === 0 ? { ...f, x: -1 } : f)) }).join()).toContain('không được âm');

    expect(messages({ ...base, imageDataUrl: PNG_1PX })).toEqual([]);
    expect(messages({ ...base, imageDataUrl: 'data:image/jpeg;base64,/9j/4AAQSkZJRgABAQ==' })).toEqual([]);
    for (const bad of [
      'data:image/svg+xml;base64,PHN2ZyB4bWxucz0iaHR0cDovL3d3dy53My5vcmcvMjAwMC9zdmciLz4=',
      'data:image/png;base64,PHN2ZyB4bWxucz0iaHR0cDovL3d3dy53My5vcmcvMjAwMC9zdmciLz4=', // an SVG called PNG
      'https://example.org/logo.png',
      'data:image/png,raw',
      'data:image/gif;base64,R0lGODlhAQABAAAAACw=',
    ]) {
      expect(messages({ ...base, imageDataUrl: bad })).toEqual([`imageDataUrl: ${IMAGE_INVALID_MESSAGE}`]);
    }
    const huge = `data:image/png;base64,iVBORw0KGgoA${'A'.repeat(2_900_000)}`;
    expect(messages({ ...base, imageDataUrl: huge })).toEqual(['imageDataUrl: Ảnh quá lớn (tối đa 2 MB)']);

    expect(printerOffsetSchema.safeParse({ x: 20, y: -20 }).success).toBe(true);
    expect(printerOffsetSchema.safeParse({ x: 20.5, y: 0 }).error?.issues[0]?.message).toBe('Độ lệch từ -20 đến 20 mm');
  });
});

describe('certificate HTML', () => {
  const html = buildCertificatesHtml({ body, layout: fullLayout, offset: noOffset, certificates });

  it('is self-contained: strict CSP, no script, fonts embedded, page size from the layout', () => {
    expect(html).toContain(`content="default-src 'none'; style-src 'unsafe-inline'; font-src data:; img-src data:"`);
    expect(html).not.toMatch(/<script|https?:\/\/(?!www\.w3\.org\/2000\/svg)/);
    expect(html).toContain("font-family:'Tinos'");
    expect(html).toContain('@page { size: 210mm 148mm; margin: 0; }');
    expect(html.match(/<section class="sheet">/g)).toHaveLength(3);
  });

  it('escapes names and prints partial birth dates as written', () => {
    expect(html).toContain('Lê Văn &lt;b&gt;&amp; Tú');
    expect(html).not.toContain('<b>&');
    expect(html).toContain('Sinh ngày: </span>03/11/2001');
    expect(html).toContain('Sinh ngày: </span>05/1990');
    expect(html).toContain('Sinh ngày: </span>1985');
  });

  it('draws each QR as an SVG path with the module count of its code', () => {
    const svgs = [...html.matchAll(/<svg class="qr"[^>]*viewBox="0 0 (\d+) \1"[^>]*data-modules="(\d+)"/g)];
    expect(svgs).toHaveLength(3);
    certificates.forEach((c, i) => {
      const n = QRCode.create(c.verificationCode, { errorCorrectionLevel: 'M' }).modules.size;
      expect(Number(svgs[i]![2])).toBe(n);
      expect(Number(svgs[i]![1])).toBe(n + 8);
      // Signed codes are 300-odd characters: version 13–17 (69–85 modules) at medium correction.
      expect(n).toBeGreaterThanOrEqual(69);
      expect(n).toBeLessThanOrEqual(85);
    });
  });

  it('shrinks a value too long for its room instead of running into the next line', () => {
    const long = {
      ...certificates[0]!,
      fullName: 'Tôn Nữ Thị Hoàng Mai Phương Thảo Nguyên Khánh Linh Bảo Ngọc',
      programName: `${PROGRAM} và cập nhật kiến thức mới về công tác xây dựng Đảng, chính quyền, Mặt trận Tổ quốc và các đoàn thể`,
    };
    const h = buildCertificatesHtml({ body, layout: fullLayout, offset: noOffset, certificates: [long] });
    const size = (key: string) => Number(new RegExp(`data-field="${key}" style="[^"]*font-size:([\\d.]+)pt`).exec(h)![1]);
    expect(size('fullName')).toBeLessThan(14);
    expect(size('programName')).toBeLessThan(13);
    expect(size('birthDate')).toBe(13);
    // The program keeps two lines (the class starts 12 mm lower); the name stays on one.
    expect(h).toMatch(/class="field" data-field="programName"/);
    expect(h).toMatch(/class="field one-line" data-field="fullName"/);
  });

  it('adds the printer offset to every position', () => {
    const shifted = buildCertificatesHtml({ body, layout: preprinted, offset: { x: 5, y: -2.5 }, certificates });
    expect(shifted).toContain('class="content" style="left:5mm;top:-2.5mm;');
  });

  it('leaves out "Xếp loại" and the unit when there is none; the image only in the full design', () => {
    const one = (c: CertificateToPrint, layout = fullLayout) =>
      buildCertificatesHtml({ body, layout, offset: noOffset, certificates: [c] });
    expect(one(certificates[2]!)).not.toContain('Xếp loại');
    expect(one(certificates[1]!)).not.toContain('Đơn vị:');
    const withImage = { ...fullLayout, imageDataUrl: PNG_1PX };
    expect(one(certificates[0]!, withImage)).toContain(`background-image: url("${PNG_1PX}")`);
    expect(one(certificates[0]!, { ...withImage, mode: 'preprinted' })).not.toContain(PNG_1PX);
    // Written once however many sheets: a large image must not multiply the page.
    const many = buildCertificatesHtml({ body, layout: withImage, offset: noOffset, certificates });
    expect(many.split(PNG_1PX).length - 1).toBe(1);
    expect(many.split('class="frame-image"').length - 1).toBe(certificates.length);
    expect(() => buildCertificatesHtml({ body, layout: fullLayout, offset: noOffset, certificates: [] })).toThrow();
  });
});

describe.skipIf(pdfToolsMissing('certificates'))('certificates as PDF (Chromium, read back with poppler)', () => {
  const printer = pdfPrinter('certificates', 'ttct-certs-', 'layout');
  const pdfs = new Map<string, PrintedPdf>();

  beforeAll(async () => {
    const jobs: [string, string][] = [
      ['full', buildCertificatesHtml({ body, layout: fullLayout, offset: noOffset, certificates })],
      ['preprinted', buildCertificatesHtml({ body, layout: preprinted, offset: noOffset, certificates })],
      ['preprinted-shifted', buildCertificatesHtml({ body, layout: preprinted, offset: { x: 5, y: 0 }, certificates })],
      [
        'full-a4-portrait',
        buildCertificatesHtml({ body, layout: defaultCertificateLayout('A4', 'portrait'), offset: noOffset, certificates }),
      ],
      ['calibration', buildCalibrationHtml({ layout: preprinted, offset: { x: 1.5, y: -2 } })],
    ];
    for (const [name, html] of jobs) pdfs.set(name, await printer.print(name, html));
    const png = (name: string, out: string) => printer.screenshot(pdfs.get(name)!, 1, out, 100);
    png('full', 'doc-certificate-full');
    png('preprinted', 'doc-certificate-preprinted');
    png('calibration', 'doc-certificate-calibration');
    png('full-a4-portrait', 'doc-certificate-a4-portrait');
  }, 90_000);

  function flat(name: string): string {
    return pdfs.get(name)!.text.replace(/\s+/g, ' ');
  }
  /** Chromium rounds the PDF page to whole points: 595.3 × 419.5 comes out as 595 × 420. */
  function expectSize(name: string, w: number, h: number) {
    const [pw, ph] = pageSizePt(name);
    expect(Math.abs(pw - w), `${name} width ${pw}`).toBeLessThan(1);
    expect(Math.abs(ph - h), `${name} height ${ph}`).toBeLessThan(1);
  }
  function pageSizePt(name: string): [number, number] {
    const m = /^Page size:\s+([\d.]+) x ([\d.]+) pts/m.exec(pdfs.get(name)!.info)!;
    return [Number(m[1]), Number(m[2])];
  }

  it('one A5 landscape page per certificate, in Tinos', () => {
    for (const name of ['full', 'preprinted', 'preprinted-shifted']) {
      expect(pdfs.get(name)!.pageCount, name).toBe(3);
      expectSize(name, 595.3, 419.5);
    }
    expect(pdfs.get('full-a4-portrait')!.pageCount).toBe(3);
    expectSize('full-a4-portrait', 595.3, 841.9);
    const fonts = execFileSync('pdffonts', [pdfs.get('full')!.file], { encoding: 'utf8' });
    expect(fonts).toMatch(/Tinos/);
    expect(fonts).not.toMatch(/DejaVu|Liberation|Noto/);
  });

  it('the full design: Party header, title, wording and every value, each on its own page', () => {
    const pages = pdfs
      .get('full')!
      .text.split('\f')
      .map((p) => p.replace(/\s+/g, ' '));
    const first = pages[0]!;
    for (const phrase of [
      'ĐẢNG ỦY XÃ ĐẮK HÀ',
      'TRUNG TÂM CHÍNH TRỊ',
      'ĐẢNG CỘNG SẢN VIỆT NAM',
      'GIẤY CHỨNG NHẬN',
      "Chứng nhận đồng chí: Rơ Châm H'Luyến",
      'Sinh ngày: 03/11/2001',
      'Đơn vị: Chi bộ thôn Đắk Mút',
      `Đã hoàn thành chương trình: ${PROGRAM}`,
      CLASS,
      'Từ ngày 22/01/2026 đến ngày 28/01/2026',
      'Xếp loại: Giỏi',
      'Đắk Hà, ngày 05 tháng 02 năm 2026',
      'KT. GIÁM ĐỐC',
      'PHÓ GIÁM ĐỐC',
      'Trần Thị Hồng Nhung',
      'Số: 12/GCN-TTCT',
      'Vào sổ số: 0112/2026',
    ]) {
      expect(first, phrase).toContain(phrase);
    }
    expect(pages[1]).toContain('Chứng nhận đồng chí: Lê Văn <b>& Tú');
    expect(pages[1]).toContain('Sinh ngày: 05/1990');
    expect(pages[1]).toContain('Số: 13/GCN-TTCT');
    expect(pages[1]).not.toContain('Đơn vị:');
    expect(pages[2]).toContain('Sinh ngày: 1985');
    expect(pages[2]).toContain('Vào sổ số: 0114/2026');
    expect(pages[2]).not.toContain('Xếp loại');
    expect(pages[2]).not.toContain('PHÓ GIÁM ĐỐC');
    expect(flat('full-a4-portrait')).toContain('GIẤY CHỨNG NHẬN');
  });

  it('the pre-printed form gets only the values', () => {
    const t = flat('preprinted');
    for (const value of [
      "Rơ Châm H'Luyến",
      'Lê Văn <b>& Tú',
      'Nguyễn Thị Thu Hằng',
      '12/GCN-TTCT',
      '13/GCN-TTCT',
      '0114/2026',
      'Giỏi',
      'Khá',
      PROGRAM,
      '03/11/2001',
      '22/01/2026 – 28/01/2026',
    ]) {
      expect(t, value).toContain(value);
    }
    for (const wording of [
      'GIẤY CHỨNG NHẬN',
      'ĐẢNG CỘNG SẢN',
      'TRUNG TÂM',
      'Chứng nhận đồng chí',
      'Sinh ngày',
      'Đơn vị:',
      'Đã hoàn thành',
      'Xếp loại',
      'Số:',
      'Vào sổ',
    ]) {
      expect(t, wording).not.toContain(wording);
    }
  });

  it('a +5 mm offset moves what is printed 5 mm to the right', () => {
    const xMin = (name: string, word: string) => {
      const bbox = execFileSync('pdftotext', ['-bbox', '-f', '1', '-l', '1', pdfs.get(name)!.file, '-'], { encoding: 'utf8' });
      const m = new RegExp(`<word xMin="([\\d.]+)" yMin="([\\d.]+)"[^>]*>${word}</word>`).exec(bbox);
      expect(m, word).not.toBeNull();
      return [Number(m![1]), Number(m![2])];
    };
    const [x0, y0] = xMin('preprinted', '12/GCN-TTCT');
    const [x1, y1] = xMin('preprinted-shifted', '12/GCN-TTCT');
    expect(x1! - x0!).toBeCloseTo((5 * 72) / 25.4, 0);
    expect(y1).toBeCloseTo(y0!, 1);
    // Where the layout says: the serial's box starts 12 mm from the left edge.
    expect(x0).toBeCloseTo((12 * 72) / 25.4, 0);
  });

  it('the calibration page: ruler, a crosshair per field named in Vietnamese, the offset', () => {
    expect(pdfs.get('calibration')!.pageCount).toBe(1);
    expectSize('calibration', 595.3, 419.5);
    const t = flat('calibration');
    expect(t).toContain('TRANG CÂN CHỈNH MÁY IN');
    expect(t).toContain('Độ lệch máy in: ngang +1,5 mm, dọc −2 mm');
    for (const name of ['Họ và tên (15; 39)', 'Ngày sinh', 'Đơn vị', 'Xếp loại', 'Mã QR', 'Vào sổ số', 'Họ tên người ký'])
      expect(t, name).toContain(name);
    for (const n of ['10', '50', '100', '200']) expect(t).toContain(n);
  });
});
