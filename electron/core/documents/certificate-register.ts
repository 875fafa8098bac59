import type { Certificate } from '../../../shared/contract/certificates';
import { formatDate, formatNumber } from '../../../shared/domain/format';
import { cell, listBodyHtml } from './list-parts';
import { escapeHtml, partyHeaderHtml, partyPage, signatureBlockHtml, type IssuingBody } from './party-document';

/**
 * The certificate register (sổ cấp giấy chứng nhận) for a year and the receipt list a class signs
 * when the certificates are handed over. The register keeps reissued and revoked numbers on their
 * rows, marked and explained, so an auditor sees no gap in the numbers.
 */

// ---------------------------------------------------------------------------------------------
// Shared pieces

/** A number like "125/GCN-TTCT/2026" may break after a slash or a dash, never inside a run of digits. */
function serialCell(text: string, cls: string): string {
  return `<td class="${cls}">${escapeHtml(text).replace(/([/-])/g, '$1<wbr>')}</td>`;
}

const LIST_CSS = `
.doc-subject { margin-bottom: 4mm; text-wrap: balance; }
.list-total { font-style: italic; margin-top: 2mm; }
.grid tr.list-end td { border: none; padding: 0; font-size: 14pt; line-height: 1.3; text-align: left; font-style: normal; text-decoration: none; }
.list-end .signature { width: 50%; margin-left: 50%; margin-top: 4mm; }
.grid td { vertical-align: middle; }
.grid td.nowrap { white-space: nowrap; }
.grid td.born { white-space: nowrap; text-align: center; padding-left: 1pt; padding-right: 1pt; }
.c-stt { width: 10mm; }
`;

// ---------------------------------------------------------------------------------------------
// The register

export interface CertificateRegisterDoc {
  body: IssuingBody;
  year: number;
  /** The date line of the printout. */
  date: string;
  certificates: Certificate[];
}

/** The note an auditor reads: what became of a voided number, what a reissue replaced, reprints. */
export function registerNote(c: Certificate, replaced: ReadonlyMap<number, Certificate>): string {
  const reason = c.statusReason?.trim();
  const parts: string[] = [];
  if (c.status === 'reissued') {
    const by = c.replacedBySerial ? `Đã cấp lại bằng giấy số ${c.replacedBySerial}` : 'Đã cấp lại';
    parts.push(reason ? `${by}: ${reason}` : by);
  } else if (c.status === 'revoked') {
    parts.push(reason ? `Thu hồi: ${reason}` : 'Thu hồi');
  }
  const old = c.replacesId === null ? undefined : replaced.get(c.replacesId);
  if (old) parts.push(`Cấp lại thay giấy số ${old.serial}`);
  // printCount counts every print, the first included: three prints are two reprints.
  if (c.printCount > 1) parts.push(`In lại ${formatNumber(c.printCount - 1)} lần`);
  return parts.join('; ');
}

export function registerCountLine(certificates: readonly Certificate[]): string {
  const n = (s: Certificate['status']) => formatNumber(certificates.filter((c) => c.status === s).length);
  return `Sổ có ${formatNumber(certificates.length)} giấy; còn hiệu lực ${n('valid')}, cấp lại ${n('reissued')}, thu hồi ${n('revoked')}.`;
}

/** In the order the numbers were given, so a missing number would show as a gap. */
function inRegisterOrder(certificates: readonly Certificate[]): Certificate[] {
  return [...certificates].sort((a, b) => a.year - b.year || a.seq - b.seq);
}

/**
 * The register's wording, shared by the HTML page and the Word file (docx-certificate-lists.ts) so
 * that both say the same. Plain text: the HTML escapes it. A voided row is marked `void`.
 */
export function certificateRegisterWording(doc: CertificateRegisterDoc) {
  const list = inRegisterOrder(doc.certificates);
  const byId = new Map(list.map((c) => [c.id, c]));
  return {
    title: `SỔ CẤP GIẤY CHỨNG NHẬN NĂM ${doc.year}`,
    columns: [
      'STT',
      'Số giấy',
      'Vào sổ số',
      'Họ và tên',
      'Ngày sinh',
      'Đơn vị',
      'Lớp',
      'Xếp loại',
      'Ngày cấp',
      'Người\nnhận ký',
      'Ghi chú',
    ],
    rows: list.map((c) => ({
      status: c.status,
      serial: c.serial,
      registerNo: c.registerNo,
      fullName: c.printed.fullName,
      born: formatDate(c.printed.birthDate),
      unit: c.printed.unitName ?? '',
      className: c.printed.className,
      classification: c.printed.classification ?? '',
      issued: formatDate(c.issueDate),
      note: registerNote(c, byId),
    })),
    countLine: registerCountLine(list),
  };
}

export function buildCertificateRegisterHtml(doc: CertificateRegisterDoc): string {
  const w = certificateRegisterWording(doc);
  const rows = w.rows.map((r, i) => {
    const cls = r.status === 'valid' ? '' : ` class="void ${r.status}"`;
    return `<tr${cls}><td class="center">${i + 1}</td>${serialCell(r.serial, 'serial')}${serialCell(r.registerNo, 'serial')}${cell(r.fullName, 'name')}${cell(r.born, 'born')}${cell(r.unit, 'small')}${cell(r.className, 'small')}${cell(r.classification, 'center')}${cell(r.issued, 'born')}<td class="sign"></td>${cell(r.note, 'note')}</tr>`;
  });
  const bodyHtml = `${partyHeaderHtml(doc.body, { number: null, date: doc.date })}
<div class="doc-type">${w.title}</div>
<div class="doc-subject"></div>
<table class="grid register">
<colgroup><col class="c-stt"><col class="c-serial"><col class="c-regno"><col class="c-name"><col class="c-date"><col class="c-unit"><col><col class="c-class"><col class="c-date"><col class="c-sign"><col class="c-note"></colgroup>
<thead><tr>${w.columns.map((c) => `<th>${c.replace('\n', '<br>')}</th>`).join('')}</tr></thead>
${listBodyHtml(rows, 11, `<div class="list-total">${escapeHtml(w.countLine)}</div>`, signatureBlockHtml(doc.body))}
</table>`;
  return partyPage({
    title: `Sổ cấp giấy chứng nhận năm ${doc.year}`,
    bodyHtml,
    orientation: 'landscape',
    extraCss: LIST_CSS + REGISTER_CSS,
  });
}

// 252 mm across a landscape sheet: the class takes what the other columns (214 mm) leave.
const REGISTER_CSS = `
.doc-subject { margin-bottom: 3mm; }
.register { font-size: 10.5pt; line-height: 1.2; }
.register th { font-size: 10.5pt; line-height: 1.15; padding: 2pt 2pt; }
.register td { padding: 2pt 3pt; }
.register td.serial { text-align: center; font-size: 10pt; padding-left: 1pt; padding-right: 1pt; }
.register td.born { font-size: 10pt; }
.register td.small, .register td.note { font-size: 9.5pt; line-height: 1.1; }
.register td.sign { height: 9mm; }
.register tr.void td:not(.note) { font-style: italic; color: #444; }
.register tr.void td.serial, .register tr.void td.name { text-decoration: line-through; }
.c-stt { width: 9mm; }
.c-serial { width: 24mm; }
.c-regno { width: 18mm; }
.c-name { width: 36mm; }
.c-date { width: 18mm; }
.c-unit { width: 25mm; }
.c-class { width: 16mm; }
.c-sign { width: 20mm; }
.c-note { width: 30mm; }
`;

// ---------------------------------------------------------------------------------------------
// The receipt list a class signs

export interface CertificateReceiptDoc {
  body: IssuingBody;
  date: string;
  className: string;
  /** In print order; only the valid ones are listed: a voided number is not handed over. */
  certificates: Certificate[];
}

/** The receipt list's wording, shared by the HTML page and the Word file; only valid certificates are handed over. */
export function certificateReceiptWording(doc: CertificateReceiptDoc) {
  const valid = doc.certificates.filter((c) => c.status === 'valid');
  return {
    title: 'DANH SÁCH NHẬN GIẤY CHỨNG NHẬN',
    subject: doc.className,
    columns: ['STT', 'Họ và tên', 'Số giấy', 'Ngày cấp', 'Ký nhận', 'Ghi chú'],
    rows: valid.map((c) => ({ fullName: c.printed.fullName, serial: c.serial, issued: formatDate(c.issueDate) })),
    total: `(Danh sách có ${formatNumber(valid.length)} học viên)`,
  };
}

export function buildCertificateReceiptHtml(doc: CertificateReceiptDoc): string {
  const w = certificateReceiptWording(doc);
  const rows = w.rows.map(
    (r, i) =>
      `<tr><td class="center">${i + 1}</td>${cell(r.fullName)}${serialCell(r.serial, 'serial')}${cell(r.issued, 'born')}<td class="sign"></td><td></td></tr>`,
  );
  const bodyHtml = `${partyHeaderHtml(doc.body, { number: null, date: doc.date })}
<div class="doc-type">${w.title}</div>
<div class="doc-subject">${escapeHtml(w.subject)}</div>
<table class="grid receipt">
<colgroup><col class="c-stt"><col class="c-name"><col class="c-serial"><col class="c-date"><col class="c-sign"><col></colgroup>
<thead><tr>${w.columns.map((c) => `<th>${c}</th>`).join('')}</tr></thead>
${listBodyHtml(rows, 6, `<div class="list-total">${w.total}</div>`, signatureBlockHtml(doc.body))}
</table>`;
  return partyPage({
    title: `Danh sách nhận giấy chứng nhận - ${doc.className}`,
    bodyHtml,
    orientation: 'portrait',
    extraCss: LIST_CSS + RECEIPT_CSS,
  });
}

// 165 mm across a portrait sheet; each row tall enough to sign in.
const RECEIPT_CSS = `
.receipt { font-size: 12.5pt; }
.receipt tbody tr:not(.list-end) td { height: 12mm; }
.receipt td.serial, .receipt td.born { font-size: 11.5pt; text-align: center; }
.receipt td.serial { padding-left: 1pt; padding-right: 1pt; }
.c-name { width: 50mm; }
.c-serial { width: 29mm; }
.c-date { width: 23mm; }
.c-sign { width: 33mm; }
`;
