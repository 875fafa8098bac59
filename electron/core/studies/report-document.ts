import { text, type Block, type Cell, type PartyDocumentModel } from '../documents/document-model';
import { closingHtml, escapeHtml, partyHeaderHtml, partyPage } from '../documents/party-document';
import { studyReportWording, type StudyReportDoc } from './report-wording';

/**
 * The participation report in the Party's format, as an HTML page (preview, PDF, print) and as the
 * model docx-party.ts lays out in Word: both from studyReportWording, so they read word for word alike.
 */

export function buildStudyReportHtml(doc: StudyReportDoc): { title: string; html: string } {
  const w = studyReportWording(doc);
  const cols = w.columns;
  const cell = (value: string, i: number, tag = 'td') =>
    `<${tag}${cols[i]!.align === 'center' ? ' class="center"' : ''}>${escapeHtml(value)}</${tag}>`;
  const rows = w.rows.map((r) => `<tr>${r.map((v, i) => cell(v, i)).join('')}</tr>`);
  // The total keeps the last row with it, so it never stands alone at the top of a page.
  const total = `<tr class="sum">${w.totalRow.map((v, i) => cell(v, i)).join('')}</tr>`;
  const last = rows.pop();
  const bodyHtml = `${partyHeaderHtml(doc.body, { number: null, date: doc.date })}
<div class="doc-type">${escapeHtml(w.docType)}</div>
${w.subjects.map((s) => `<div class="doc-subject">${escapeHtml(s)}</div>`).join('\n')}
<div class="dashes">-----</div>
${w.facts.map((f) => `<p>${escapeHtml(f)}</p>`).join('\n')}
<table class="grid participation"><colgroup>${cols.map((c) => `<col style="width:${c.width}mm">`).join('')}</colgroup>
<thead><tr>${cols.map((c) => `<th>${escapeHtml(c.header)}</th>`).join('')}</tr></thead>
<tbody>${rows.join('\n')}</tbody>
<tbody class="keep">${last ?? ''}${total}</tbody></table>
<p class="summary">${escapeHtml(w.summary)}</p>
${closingHtml(doc.body, w.recipients)}`;
  return { title: w.title, html: partyPage({ title: w.title, bodyHtml, orientation: 'portrait', extraCss: CSS }) };
}

const CSS = `
.doc-subject { text-wrap: balance; }
.grid.participation { margin-top: 3mm; font-size: 12pt; }
.grid.participation td { padding: 2pt 3pt; }
.grid.participation tr.sum td { font-weight: bold; }
p.summary { margin-top: 3mm; }
`;

export function studyReportModel(doc: StudyReportDoc): PartyDocumentModel {
  const w = studyReportWording(doc);
  const cells = (row: string[], bold?: boolean): Cell[] => row.map((v, i) => ({ text: v, align: w.columns[i]!.align, bold }));
  const centred = (value: string, extra: { size?: number } = {}): Block => ({
    kind: 'paragraph',
    align: 'center',
    bold: true,
    runs: [text(value)],
    ...extra,
  });
  return {
    body: doc.body,
    number: null,
    date: doc.date,
    orientation: 'portrait',
    blocks: [
      centred(w.docType, { size: 15 }),
      ...w.subjects.map((s) => centred(s)),
      { kind: 'paragraph', align: 'center', runs: [text('-----')] },
      ...w.facts.map((f): Block => ({ kind: 'paragraph', indent: true, runs: [text(f)] })),
      {
        kind: 'table',
        size: 12,
        widths: w.columns.map((c) => c.width),
        head: [w.columns.map((c) => ({ text: c.header, align: 'center' as const }))],
        rows: [...w.rows.map((r) => cells(r)), cells(w.totalRow, true)],
      },
      { kind: 'paragraph', indent: true, spaceBefore: 6, runs: [text(w.summary)] },
      { kind: 'closing', recipients: w.recipients },
    ],
  };
}
