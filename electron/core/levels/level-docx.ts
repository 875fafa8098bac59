import type { LevelReport } from '../../../shared/contract/levels';
import { text, type Block, type Cell, type PartyDocumentModel } from '../documents/document-model';
import type { LevelReportDoc } from './level-document';
import { levelReportWording, nomineeCells, rowCells } from './level-wording';

/** The level report as a Word model for docx-party.ts, from the same wording and cells as the HTML page. */

function centred(value: string, style: { bold?: boolean; italic?: boolean; size?: number; spaceBefore?: number } = {}): Block {
  const { size, spaceBefore, ...run } = style;
  return { kind: 'paragraph', align: 'center', runs: [text(value, run)], size, spaceBefore };
}

const heading = (value: string, size = 13.5, pageBreakBefore = false): Block => ({
  kind: 'paragraph',
  align: 'left',
  runs: [text(value, { bold: true })],
  size,
  spaceBefore: 6,
  pageBreakBefore,
});
const para = (value: string): Block => ({ kind: 'paragraph', runs: [text(value)] });
const align = (i: number, nameColumns: number): Cell['align'] => (i === 0 || i >= nameColumns ? 'center' : 'left');

function table(columns: { header: string; width: number }[], rows: string[][], nameColumns: number, boldLast: boolean): Block {
  return {
    kind: 'table',
    size: 11,
    widths: columns.map((c) => c.width),
    head: [columns.map((c) => ({ text: c.header, align: 'center' as const }))],
    rows: rows.map((r, ri) => r.map((v, i) => ({ text: v, align: align(i, nameColumns), bold: boldLast && ri === rows.length - 1 }))),
  };
}

export function levelReportModel(doc: LevelReportDoc): PartyDocumentModel {
  const { report, body } = doc;
  const w = levelReportWording(report, body);
  const targets = report.targets.flatMap((t: LevelReport['targets'][number], i) => {
    const wt = w.targets[i]!;
    const rows = [...t.rows.map((r, ri) => rowCells(r, ri + 1, t.percent)), rowCells(t.total, null, t.percent)];
    return [heading(wt.heading, 13), para(wt.verdict), table(wt.columns, rows, 3, true)];
  });
  const nominations = report.nominations.flatMap((n, i) => {
    const wn = w.nominations[i]!;
    return [
      heading(wn.heading, 13),
      para(wn.summary),
      ...(n.people.length ? [table(w.nomineeColumns, n.people.map(nomineeCells), 5, false)] : []),
    ];
  });
  return {
    body,
    number: null,
    date: doc.date,
    orientation: 'landscape',
    blocks: [
      centred(w.title, { bold: true, size: 15 }),
      centred(w.subject, { bold: true }),
      centred(w.asOfLine, { italic: true }),
      centred('-----'),
      heading(w.targetsHeading),
      ...(targets.length ? targets : [para(w.noTargets)]),
      heading(w.nominationsHeading, 13.5, targets.length > 0),
      para(w.nominationsLead),
      ...nominations,
      { kind: 'closing', recipients: w.recipients },
    ],
  };
}
