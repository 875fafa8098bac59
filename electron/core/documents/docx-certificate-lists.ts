import {
  certificateReceiptWording,
  certificateRegisterWording,
  type CertificateReceiptDoc,
  type CertificateRegisterDoc,
} from './certificate-register';
import { text, type Cell, type PartyDocumentModel } from './document-model';
import { centred, head, listDocument } from './docx-models';

/**
 * The certificate lists as Word files — the year's register and the receipt list a class signs —
 * from the same wording functions as their HTML pages.
 */

/**
 * A number like "125/GCN-TTCT/2026" may break after a slash or a dash, as the PDF lets it (<wbr>):
 * a zero-width space marks the place for Word, which would otherwise break it only after the dash.
 */
const breakable = (serial: string) => serial.replace(/([/-])/g, '$1\u200b');

export function certificateRegisterModel(doc: CertificateRegisterDoc): PartyDocumentModel {
  const w = certificateRegisterWording(doc);
  const rows = w.rows.map((r, i): Cell[] => {
    // A voided number stays on its row, greyed in italics and struck through on the PDF.
    const voided = r.status !== 'valid';
    const style = { italic: voided };
    return [
      { text: String(i + 1), align: 'center', ...style },
      { text: breakable(r.serial), align: 'center', size: 10, ...style, strike: voided },
      { text: breakable(r.registerNo), align: 'center', size: 10, ...style },
      { text: r.fullName, ...style, strike: voided },
      { text: r.born, align: 'center', size: 10, ...style },
      { text: r.unit, size: 9.5, ...style },
      { text: r.className, size: 9.5, ...style },
      { text: r.classification, align: 'center', ...style },
      { text: r.issued, align: 'center', size: 10, ...style },
      { text: '' },
      { text: r.note, size: 9.5 },
    ];
  });
  return listDocument(doc, 'landscape', w.title, [
    {
      kind: 'table',
      size: 10.5,
      padding: 1.5,
      rowHeight: 9,
      // 252 mm across a landscape sheet; the class takes what the other columns (214 mm) leave.
      widths: [9, 24, 18, 36, 18, 25, 38, 16, 18, 20, 30],
      head: [w.columns.map((c) => head(c))],
      rows,
    },
    { kind: 'paragraph', align: 'left', italic: true, runs: [text(w.countLine)] },
    { kind: 'signature' },
  ]);
}

export function certificateReceiptModel(doc: CertificateReceiptDoc): PartyDocumentModel {
  const w = certificateReceiptWording(doc);
  return listDocument(doc, 'portrait', w.title, [
    centred(w.subject, { bold: true }),
    {
      kind: 'table',
      size: 12.5,
      // Each row tall enough to sign in; narrow margins keep «STT» on one line at 12,5 pt.
      rowHeight: 12,
      padding: 2,
      widths: [11, 50, 29, 23, 33, 19],
      head: [w.columns.map((c) => head(c))],
      rows: w.rows.map((r, i): Cell[] => [
        { text: String(i + 1), align: 'center' },
        { text: r.fullName },
        { text: breakable(r.serial), align: 'center', size: 11.5 },
        { text: r.issued, align: 'center', size: 11.5 },
        { text: '' },
        { text: '' },
      ]),
    },
    { kind: 'paragraph', align: 'left', italic: true, runs: [text(w.total)] },
    { kind: 'signature' },
  ]);
}
