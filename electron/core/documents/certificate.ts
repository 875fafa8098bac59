import {
  certificateFrame,
  pageSizeMm,
  type CertificateField,
  type CertificateFieldKey,
  type CertificateLayout,
  type PrinterOffset,
} from '../../../shared/domain/certificate-layout';
import { formatDate, partyDateLine } from '../../../shared/domain/format';
import { upperVi } from '../../../shared/domain/text';
import { checkCodeOf } from '../certificates/check-code';
import { fontFaceCss } from './fonts';
import { mm, qrSvg } from './qr-svg';
import { escapeHtml, type IssuingBody } from './party-document';

/**
 * Certificates (giấy chứng nhận); the calibration page for pre-printed forms is in certificate-calibration.ts. One page per
 * certificate, the sheet exactly the paper's size with no printer margin, every field placed in
 * millimetres from the sheet's top left corner plus the printer's offset. The preview iframe shows
 * this same HTML, so what the clerk sees is what the printer gets.
 */

export interface CertificateToPrint {
  /** "12/GCN-TTCT", printed after "Số:". */
  serial: string;
  /** Printed after "Vào sổ số:". */
  registerNo: string;
  fullName: string;
  /** ISO, possibly partial ("1990-05", "1990"), or "" when unknown. */
  birthDate: string;
  unitName: string | null;
  programName: string;
  className: string;
  startDate: string;
  endDate: string;
  /** "Giỏi", "Đạt"…; null for a program without assessment ("Xếp loại" is then left out). */
  classification: string | null;
  issueDate: string;
  /** lines: ["KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC"] or ["GIÁM ĐỐC"]. */
  signer: { lines: string[]; name: string };
  /** The signed code the QR carries (electron/core/certificates/signing.ts). */
  verificationCode: string;
  /** The short code printed after "Mã tra cứu:"; made from verificationCode unless given (a sample sheet). */
  checkCode?: string;
}

export { qrSvg };

export interface CertificatesDoc {
  body: IssuingBody;
  layout: CertificateLayout;
  offset: PrinterOffset;
  certificates: CertificateToPrint[];
}

const CSP = "default-src 'none'; style-src 'unsafe-inline'; font-src data:; img-src data:";
const PT_TO_MM = 25.4 / 72;
const LINE_HEIGHT = 1.25;

export function page(title: string, width: number, height: number, css: string, body: string): string {
  return `<!doctype html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${CSP}">
<title>${escapeHtml(title)}</title>
<style>
${fontFaceCss()}
@page { size: ${width}mm ${height}mm; margin: 0; }
* { box-sizing: border-box; }
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { margin: 0; font-family: Tinos, 'Times New Roman', serif; color: #000; background: #fff; }
.sheet { position: relative; width: ${width}mm; height: ${height}mm; overflow: hidden; break-after: page; background: #fff; }
.sheet:last-child { break-after: auto; }
@media screen {
  html { background: #9e9e9e; }
  body { background: transparent; padding: 8mm 0; }
  .sheet { margin: 0 auto 8mm; box-shadow: 0 1mm 4mm rgba(0,0,0,.4); }
}
${css}
</style>
</head>
<body>
${body}
</body>
</html>
`;
}

// ---------------------------------------------------------------------------------------------
// Certificates

const CERT_CSS = `
.content { position: absolute; }
.field { position: absolute; line-height: ${LINE_HEIGHT}; overflow-wrap: break-word; }
.field.one-line { white-space: nowrap; }
.field .label { font-weight: normal; font-style: normal; }
.frame-border { position: absolute; border: 1.2mm double #000; }
.frame-border::after { content: ''; position: absolute; inset: 0.8mm; border: 0.25mm solid #000; }
.frame-image { position: absolute; left: 0; top: 0; }
.header { position: absolute; text-align: center; line-height: 1.25; }
.issuer-name { font-weight: bold; }
.party-name { display: inline-block; font-weight: bold; white-space: nowrap; border-bottom: 0.3mm solid #000; padding-bottom: 0.3mm; }
.title { position: absolute; left: 0; text-align: center; font-weight: bold; letter-spacing: 0.04em; line-height: 1.2; }
.qr { position: absolute; display: block; }
`;

/** A rough advance width (in em) of Tinos, enough to shrink a line that would not fit. */
function estimateEm(text: string, bold: boolean): number {
  let em = 0;
  for (const ch of text.normalize('NFD').replace(/\p{M}/gu, '')) {
    if (ch === ' ') em += 0.25;
    else if (/[0-9]/.test(ch)) em += 0.5;
    else if (/[ilj.,:;'!|]/.test(ch)) em += 0.28;
    else if (/[mwMW]/.test(ch)) em += 0.85;
    else if (ch === ch.toLocaleUpperCase('vi') && ch !== ch.toLocaleLowerCase('vi')) em += 0.7;
    else em += 0.47;
  }
  return bold ? em * 1.06 : em;
}

/** Fields whose values may wrap onto a second or third line; the others stay on one line. */
const WRAPS: ReadonlySet<CertificateFieldKey> = new Set(['fullName', 'unitName', 'programName', 'className']);

export function lineHeightMm(fontSize: number): number {
  return fontSize * LINE_HEIGHT * PT_TO_MM;
}

/**
 * How many lines a field may use before it runs into the next field below it (one whose width
 * overlaps), or the bottom of the page: at most three.
 */
export function linesAvailable(field: CertificateField, layout: CertificateLayout): number {
  if (!WRAPS.has(field.key)) return 1;
  const { height } = pageSizeMm(layout.paper, layout.orientation);
  let next = height;
  for (const other of layout.fields) {
    if (other === field || other.y <= field.y) continue;
    if (other.x >= field.x + field.width || other.x + other.width <= field.x) continue;
    next = Math.min(next, other.y);
  }
  return Math.max(1, Math.min(3, Math.floor((next - field.y) / lineHeightMm(field.fontSize) + 0.1)));
}

/** The font size that keeps the text within its lines (never below 70 % of the chosen size). */
function fittedSize(field: CertificateField, plain: string, lines: number): number {
  const widthMm = estimateEm(plain, field.bold) * field.fontSize * PT_TO_MM;
  const room = field.width * lines * (lines > 1 ? 0.9 : 1);
  if (widthMm <= room) return field.fontSize;
  return Math.max(field.fontSize * 0.7, Math.floor((field.fontSize * room * 10) / widthMm) / 10);
}

interface FieldText {
  /** What is printed, HTML-escaped, labels in their own span. */
  html: string;
  /** The same without markup, for fitting. */
  plain: string;
  /** Lines printed one under another (signer's title). */
  lines?: number;
}

function labelled(full: boolean, label: string, value: string): FieldText {
  const v = escapeHtml(value);
  return full ? { html: `<span class="label">${escapeHtml(label)}</span>${v}`, plain: label + value } : { html: v, plain: value };
}

function fieldText(key: Exclude<CertificateFieldKey, 'qr'>, c: CertificateToPrint, body: IssuingBody, full: boolean): FieldText | null {
  switch (key) {
    case 'fullName':
      return labelled(full, 'Chứng nhận đồng chí: ', c.fullName.trim());
    case 'birthDate':
      return c.birthDate ? labelled(full, 'Sinh ngày: ', formatDate(c.birthDate)) : null;
    case 'unitName':
      return c.unitName?.trim() ? labelled(full, 'Đơn vị: ', c.unitName.trim()) : null;
    case 'programName':
      return labelled(full, 'Đã hoàn thành chương trình: ', c.programName.trim());
    case 'className':
      return labelled(false, '', c.className.trim());
    case 'classDates':
      return full
        ? labelled(false, '', `Từ ngày ${formatDate(c.startDate)} đến ngày ${formatDate(c.endDate)}`)
        : labelled(false, '', `${formatDate(c.startDate)} – ${formatDate(c.endDate)}`);
    case 'classification':
      return c.classification?.trim() ? labelled(full, 'Xếp loại: ', c.classification.trim()) : null;
    case 'issueDateLine':
      return labelled(false, '', partyDateLine(body.placeName.trim(), c.issueDate));
    case 'signerTitle': {
      const lines = c.signer.lines.map((l) => upperVi(l.trim())).filter(Boolean);
      if (!lines.length) return null;
      return {
        html: lines.map(escapeHtml).join('<br>'),
        plain: lines.reduce((a, b) => (a.length >= b.length ? a : b)),
        lines: lines.length,
      };
    }
    case 'signerName':
      return labelled(false, '', c.signer.name.trim());
    case 'serial':
      return labelled(full, 'Số: ', c.serial.trim());
    case 'registerNo':
      return labelled(full, 'Vào sổ số: ', c.registerNo.trim());
    case 'checkCode': {
      const code = c.checkCode ?? checkCodeOf(c.verificationCode);
      // Also on a pre-printed form: the form has no words for a code it did not know about.
      return code ? labelled(true, 'Mã tra cứu: ', code) : null;
    }
  }
}

function fieldHtml(field: CertificateField, lines: number, c: CertificateToPrint, body: IssuingBody, full: boolean): string {
  const at = `left:${mm(field.x)};top:${mm(field.y)};`;
  if (field.key === 'qr') return c.verificationCode ? qrSvg(c.verificationCode, field.width, at) : '';
  const text = fieldText(field.key, c, body, full);
  if (!text) return '';
  const oneLine = text.lines !== undefined || lines === 1;
  const size = fittedSize(field, text.plain, oneLine ? 1 : lines);
  let style =
    `${at}width:${mm(field.width)};font-size:${size}pt;text-align:${field.align};` +
    `font-weight:${field.bold ? 'bold' : 'normal'};font-style:${field.italic ? 'italic' : 'normal'};`;
  // In the full design a program name that fits one line sits in the middle of the two lines kept
  // for it, so the lines above and below stay evenly spaced. On a form the top stays where placed.
  if (full && !oneLine) style += `height:${mm(lines * lineHeightMm(size))};display:flex;align-items:center;`;
  const inner = full && !oneLine ? `<div style="width:100%">${text.html}</div>` : text.html;
  return `<div class="field${oneLine ? ' one-line' : ''}" data-field="${field.key}" style="${style}">${inner}</div>`;
}

function fullDesignHtml(doc: CertificatesDoc): string {
  const { layout, body } = doc;
  const frame = certificateFrame(layout.paper, layout.orientation);
  const parts: string[] = [];
  // The image itself is in the page's style once (imageCss); each sheet only places it.
  if (imageUrl(layout)) parts.push(`<div class="frame-image" style="width:${mm(frame.width)};height:${mm(frame.height)};"></div>`);
  if (layout.border) {
    const inset = frame.borderInset;
    parts.push(
      `<div class="frame-border" style="left:${mm(inset)};top:${mm(inset)};width:${mm(frame.width - 2 * inset)};height:${mm(frame.height - 2 * inset)};"></div>`,
    );
  }
  const h = frame.header;
  const box = (b: { x: number; width: number }) => `left:${mm(b.x)};top:${mm(h.top)};width:${mm(b.width)};font-size:${h.fontSize}pt;`;
  parts.push(`<div class="header issuer" style="${box(h.issuer)}">
<div>${escapeHtml(upperVi(body.superior.trim()))}</div>
<div class="issuer-name">${escapeHtml(upperVi(body.centreName.trim()))}</div>
<div>*</div>
</div>`);
  parts.push(
    `<div class="header party" style="${box(h.party)}"><span class="party-name" style="font-size:${Math.round(h.fontSize * 1.1 * 2) / 2}pt">ĐẢNG CỘNG SẢN VIỆT NAM</span></div>`,
  );
  parts.push(
    `<div class="title" style="top:${mm(frame.title.top)};width:${mm(frame.width)};font-size:${frame.title.fontSize}pt;">GIẤY CHỨNG NHẬN</div>`,
  );
  return parts.join('\n');
}

function imageUrl(layout: CertificateLayout): string | null {
  const image = layout.imageDataUrl;
  return image && /^data:image\/(png|jpeg);base64,[A-Za-z0-9+/=]+$/.test(image) ? image : null;
}

/** A 2 MB image repeated on 500 sheets would make a 1 GB page: it is written once, as the class's background. */
function imageCss(layout: CertificateLayout): string {
  const url = layout.mode === 'full' ? imageUrl(layout) : null;
  return url
    ? `.frame-image { background-image: url("${url}"); background-size: contain; background-repeat: no-repeat; background-position: center; }`
    : '';
}

/**
 * A layout saved before the short code existed has no place for it: it prints on the line under the
 * register number (or the serial), in the same style, or else under the QR. A layout that places it
 * itself is followed.
 */
function withCheckCode(layout: CertificateLayout): CertificateField[] {
  if (layout.fields.some((f) => f.key === 'checkCode')) return layout.fields;
  const anchor = layout.fields.find((f) => f.key === 'registerNo') ?? layout.fields.find((f) => f.key === 'serial');
  const { height } = pageSizeMm(layout.paper, layout.orientation);
  if (anchor) {
    const y = anchor.y + lineHeightMm(anchor.fontSize);
    if (y + lineHeightMm(anchor.fontSize) <= height) return [...layout.fields, { ...anchor, key: 'checkCode', y, bold: false }];
  }
  const qr = layout.fields.find((f) => f.key === 'qr');
  if (qr && qr.y + qr.width + 4 <= height) {
    return [
      ...layout.fields,
      {
        ...qr,
        key: 'checkCode',
        y: qr.y + qr.width + 0.5,
        width: Math.max(qr.width, 40),
        fontSize: 9,
        bold: false,
        italic: false,
        align: 'left',
      },
    ];
  }
  return layout.fields;
}

/** One page per certificate: the whole design on plain paper, or only the values on a pre-printed form. */
export function buildCertificatesHtml(doc: CertificatesDoc): string {
  if (doc.certificates.length === 0) throw new Error('No certificates to print');
  const { layout, offset } = doc;
  const { width, height } = pageSizeMm(layout.paper, layout.orientation);
  const full = layout.mode === 'full';
  const design = full ? fullDesignHtml(doc) : '';
  const fields = withCheckCode(layout);
  const room = fields.map((f) => linesAvailable(f, layout));
  const sheets = doc.certificates.map((c) => {
    const printed = fields.map((f, i) => fieldHtml(f, room[i]!, c, doc.body, full)).filter(Boolean);
    return `<section class="sheet"><div class="content" style="left:${mm(offset.x)};top:${mm(offset.y)};width:${mm(width)};height:${mm(height)};">
${design}
${printed.join('\n')}
</div></section>`;
  });
  return page('Giấy chứng nhận', width, height, CERT_CSS + imageCss(layout), sheets.join('\n'));
}
