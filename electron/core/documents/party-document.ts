import { partyDateLine } from '../../../shared/domain/format';
import { upperVi } from '../../../shared/domain/text';
import { fontFaceCss } from './fonts';

/**
 * The frame every Party document shares [Hướng dẫn 36-HD/VPTW, 2018]: the header, the signature,
 * "Nơi nhận" and one A4 page style. The builders return whole HTML documents that the preview iframe,
 * printToPDF and the printer all read unchanged.
 */

/** Who issues a document, as stored with the class: a 2014 class keeps its district-era header. */
export interface IssuingBody {
  /** As stored: "ĐẢNG ỦY XÃ ĐẮK HÀ" or "HUYỆN ỦY ĐẮK HÀ". */
  superior: string;
  centreName: string;
  /** "TTCT". */
  docCode: string;
  placeName: string;
  directorName: string;
  directorTitle: string;
  /** A deputy signing on the director's behalf ("KT. GIÁM ĐỐC / PHÓ GIÁM ĐỐC"). */
  signerName?: string | null;
  signerTitle?: string | null;
}

export type Orientation = 'portrait' | 'landscape';

/** A paper about one class, under the header it goes out with. */
export interface ClassPaper {
  body: IssuingBody;
  /** The paper's own date (the date line), ISO. */
  date: string;
  /** "Lớp bồi dưỡng nhận thức về Đảng khóa I năm 2026". */
  className: string;
  programName: string;
  startDate: string;
  endDate: string;
}

/** The header of a centre profile version: what documents issued under it print. */
export function issuingBodyOf(profile: {
  superior: string;
  name: string;
  docCode: string;
  placeName: string;
  director: { name: string; title: string };
}): IssuingBody {
  return {
    superior: profile.superior,
    centreName: profile.name,
    docCode: profile.docCode,
    placeName: profile.placeName,
    directorName: profile.director.name,
    directorTitle: profile.director.title,
  };
}

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Every clerk-typed string goes through this: names like "<b>&" must print as typed, never as markup. */
export function escapeHtml(value: string): string {
  // NFC as well: a decomposed "ế" pasted from elsewhere would otherwise be drawn from two glyphs.
  return value.normalize('NFC').replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]!);
}

export function partyHeaderHtml(body: IssuingBody, doc: { number?: string | null; date: string }): string {
  const number = doc.number ? `<div class="doc-number">Số ${escapeHtml(doc.number)}</div>` : '';
  return `<table class="party-header" role="presentation"><tr>
<td class="issuer">
<div>${escapeHtml(upperVi(body.superior))}</div>
<div class="issuer-name">${escapeHtml(upperVi(body.centreName))}</div>
<div class="star">*</div>
${number}
</td>
<td class="party">
<div><span class="party-name">ĐẢNG CỘNG SẢN VIỆT NAM</span></div>
<div class="date-line">${escapeHtml(partyDateLine(body.placeName, doc.date))}</div>
</td>
</tr></table>`;
}

/** "GIÁM ĐỐC" and the director, or "KT. GIÁM ĐỐC / PHÓ GIÁM ĐỐC" and the deputy who signs. */
export function signatureText(body: IssuingBody): { lines: string[]; name: string } {
  const directorTitle = upperVi(body.directorTitle.trim() || 'Giám đốc');
  const deputy = body.signerName?.trim();
  const lines = deputy ? [`KT. ${directorTitle}`, upperVi(body.signerTitle?.trim() || 'Phó giám đốc')] : [directorTitle];
  return { lines, name: deputy || body.directorName };
}

export function signatureBlockHtml(body: IssuingBody): string {
  const { lines, name } = signatureText(body);
  return `<div class="signature">
${lines.map((l) => `<div class="signer-title">${escapeHtml(l)}</div>`).join('\n')}
<div class="sign-space"></div>
<div class="signer-name">${escapeHtml(name)}</div>
</div>`;
}

/** "Nơi nhận:" then one recipient a line; commas between and a full stop after the last, as typed by hand. */
export function recipientLines(lines: string[]): string[] {
  return lines.map((line, i) => `- ${line.trim().replace(/[,.;]+$/, '')}${i === lines.length - 1 ? '.' : ','}`);
}

export function recipientsHtml(lines: string[]): string {
  const items = recipientLines(lines).map((line) => `<div>${escapeHtml(line)}</div>`);
  return `<div class="recipients"><div class="recipients-label">Nơi nhận:</div>
${items.join('\n')}
</div>`;
}

/** Recipients on the left and the signature on the right, on one line as in the Party's model. */
export function closingHtml(body: IssuingBody, recipients: string[]): string {
  return `<table class="closing" role="presentation"><tr>
<td class="closing-left">${recipientsHtml(recipients)}</td>
<td class="closing-right">${signatureBlockHtml(body)}</td>
</tr></table>`;
}

// A committee's name in a sentence: "Ban Thường vụ" / "Thường trực" keep their own capitals, the
// committee word takes one ("Huyện ủy", "Đảng ủy xã"), and every word of the place name after it
// does too. "ủy" and the older "uỷ" are both in use.
const STANDING_BODY = /^(ban thường vụ|thường trực) /u;
const COMMITTEE =
  /^(?:đảng|huyện|thị|thành|quận|tỉnh) (?:ủy|uỷ|bộ)(?: (?:xã|phường|thị trấn|đặc khu|huyện|quận|thị xã|thành phố|tỉnh))?(?= |$)/u;

function capitalise(word: string): string {
  return word.charAt(0).toLocaleUpperCase('vi') + word.slice(1);
}

/**
 * The superior committee as written inside a sentence ("Đảng ủy xã Đắk Hà (b/c)"), since settings
 * usually hold it in capitals for the header. Text already in mixed case is the clerk's own
 * spelling and is kept.
 */
export function superiorInText(superior: string): string {
  const text = superior.normalize('NFC').trim().replace(/\s+/g, ' ');
  if (text !== upperVi(text)) return capitalise(text);
  let rest = text.toLocaleLowerCase('vi');
  const parts: string[] = [];
  const standing = STANDING_BODY.exec(rest)?.[1];
  if (standing) {
    parts.push(standing === 'ban thường vụ' ? 'Ban Thường vụ' : 'Thường trực');
    rest = rest.slice(standing.length + 1);
  }
  const committee = COMMITTEE.exec(rest)?.[0];
  if (committee) {
    parts.push(capitalise(committee));
    rest = rest.slice(committee.length).trim();
  }
  if (rest) parts.push(rest.split(' ').map(capitalise).join(' '));
  return parts.join(' ');
}

export interface PartyPageInput {
  title: string;
  bodyHtml: string;
  orientation: Orientation;
  extraCss?: string;
}

const CSP = "default-src 'none'; style-src 'unsafe-inline'; font-src data:; img-src data:";

const SHEET: Record<Orientation, { width: string; height: string }> = {
  portrait: { width: '210mm', height: '297mm' },
  landscape: { width: '297mm', height: '210mm' },
};

// Margins of HD 36 (top 20–25, bottom 20–25, left 30–35, right 15–20 mm); page numbers from page 2,
// centred at the top. The screen rules only make the preview iframe look like a sheet of paper.
function baseCss(orientation: Orientation): string {
  const sheet = SHEET[orientation];
  return `
@page { size: A4 ${orientation}; margin: 20mm 15mm 20mm 30mm; }
@page { @top-center { content: counter(page); font-family: Tinos, 'Times New Roman', serif; font-size: 13pt; vertical-align: bottom; padding-bottom: 4mm; } }
@page :first { @top-center { content: none; } }
* { box-sizing: border-box; }
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { margin: 0; font-family: Tinos, 'Times New Roman', serif; font-size: 14pt; line-height: 1.3; color: #000; background: #fff; }
@media screen {
  html { background: #9e9e9e; }
  body { width: ${sheet.width}; min-height: ${sheet.height}; margin: 8mm auto; padding: 20mm 15mm 20mm 30mm; box-shadow: 0 1mm 4mm rgba(0,0,0,.4); }
}
table { border-collapse: collapse; }
.party-header { width: 100%; table-layout: fixed; margin-bottom: 6mm; }
.party-header td { vertical-align: top; text-align: center; padding: 0; line-height: 1.25; }
.party-header .issuer { width: 45%; font-size: 14pt; padding-right: 2mm; }
.party-header .party { width: 55%; }
.issuer-name { font-weight: bold; }
.star { line-height: 1.1; }
.party-name { display: inline-block; font-weight: bold; font-size: 15pt; white-space: nowrap; border-bottom: 1px solid #000; padding-bottom: 1pt; }
.date-line { font-style: italic; font-size: 14pt; margin-top: 10pt; }
.doc-type { text-align: center; font-weight: bold; font-size: 15pt; margin-top: 4mm; }
.doc-subject { text-align: center; font-weight: bold; }
.dashes { text-align: center; line-height: 1; margin-bottom: 3mm; }
p { margin: 0 0 4pt; text-align: justify; text-indent: 10mm; }
.closing { width: 100%; table-layout: fixed; margin-top: 6mm; break-inside: avoid; }
.closing td { vertical-align: top; padding: 0; }
.closing-left { width: 50%; }
.closing-right { width: 50%; }
.recipients { font-size: 12pt; line-height: 1.2; }
.recipients-label { font-size: 14pt; text-decoration: underline; text-underline-offset: 2pt; }
.signature { text-align: center; break-inside: avoid; }
body > .signature { width: 50%; margin-left: 50%; margin-top: 6mm; }
.signer-title, .signer-name { font-weight: bold; }
.sign-space { height: 28mm; }
.grid { width: 100%; table-layout: fixed; font-size: 13pt; line-height: 1.25; }
.grid th, .grid td { border: 1px solid #000; padding: 3pt 4pt; vertical-align: top; }
.grid th { font-weight: bold; text-align: center; vertical-align: middle; }
.grid thead { display: table-header-group; }
.grid tr, .grid tbody.keep { break-inside: avoid; }
.center { text-align: center; }
.page-break { break-before: page; }
`;
}

/** The whole document: no script, nothing fetched, so the sandboxed preview and the PDF see the same page. */
export function partyPage(input: PartyPageInput): string {
  return `<!doctype html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${CSP}">
<title>${escapeHtml(input.title)}</title>
<style>
${fontFaceCss()}
${baseCss(input.orientation)}
${input.extraCss ?? ''}
</style>
</head>
<body>
${input.bodyHtml}
</body>
</html>
`;
}
