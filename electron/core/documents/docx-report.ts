import { text, type Block, type Cell, type PartyDocumentModel } from './document-model';
import { centred, head } from './docx-models';
import { reportContent, type ReportCell, type ReportColumn, type ReportDoc } from './report-content';

/**
 * The yearly report as a Word file, from the same content as its HTML page. The bar charts stay on
 * the PDF: drawn as SVG there, they would reach Word only as pictures a clerk cannot edit, and every
 * figure they show is in the tables; a line says where to find them.
 */

export const CHARTS_IN_PDF = '(Các biểu đồ có trong bản PDF của báo cáo; số liệu của biểu đồ đều ở các bảng.)';

/** 252 mm across a landscape sheet. */
const LINE = 252;

function headRows(cols: ReportColumn[]): Cell[][] {
  const size = { size: 10.5 };
  if (!cols.some((c) => c.group)) return [cols.map((c) => head(c.header, size))];
  const top: Cell[] = [];
  for (let i = 0; i < cols.length;) {
    const c = cols[i]!;
    if (!c.group) {
      top.push(head(c.header, { ...size, rowSpan: 2 }));
      i++;
      continue;
    }
    let span = 1;
    while (cols[i + span]?.group === c.group) span++;
    top.push(head(c.group, { ...size, colSpan: span }));
    i += span;
  }
  return [top, cols.filter((c) => c.group).map((c) => head(c.header, size))];
}

function cell(c: ReportCell): Cell {
  return {
    text: c.share ? `${c.text} ${c.share}` : c.text,
    align: c.align,
    bold: c.sum,
    italic: c.prev,
    size: c.prev ? 10 : undefined,
  };
}

export function reportModel(doc: ReportDoc): PartyDocumentModel {
  const w = reportContent(doc);
  const blocks = w.pieces.map((piece): Block => {
    if (piece.kind === 'heading')
      return { kind: 'paragraph', align: 'left', bold: true, size: 13.5, spaceBefore: 10, runs: [text(piece.text)] };
    if (piece.kind === 'paragraph') return { kind: 'paragraph', runs: [text(piece.text)] };
    if (piece.kind === 'note') return { kind: 'paragraph', align: 'left', italic: true, size: 11, runs: [text(piece.text)] };
    if (piece.kind === 'gap') return { kind: 'paragraph', align: 'left', size: 6, runs: [] };
    if (piece.kind === 'charts') return { kind: 'paragraph', align: 'left', italic: true, size: 11, runs: [text(CHARTS_IN_PDF)] };
    return {
      kind: 'table',
      size: 11,
      padding: 2,
      widths: piece.columns.map((c) => (c.width * LINE) / 100),
      head: headRows(piece.columns),
      rows: piece.bodies.flat().map((row) => row.map(cell)),
      // The rows of one body stay on one page, as on the PDF: a program's row and its previous year's, the total and the last row.
      keepWithNext: piece.bodies.flatMap((rows) => rows.map((_, i) => i < rows.length - 1)),
    };
  });
  return {
    body: doc.body,
    number: w.number,
    date: doc.date,
    orientation: 'landscape',
    blocks: [
      centred(w.title, { bold: true, size: 15, spaceBefore: 6 }),
      centred(w.subject, { bold: true }),
      centred('-----'),
      centred(w.legend, { italic: true }),
      ...blocks,
      { kind: 'closing', recipients: w.recipients },
    ],
  };
}
