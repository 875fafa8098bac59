import { closingHtml, escapeHtml, partyHeaderHtml, partyPage } from './party-document';
import { reportChartsHtml } from './report-charts';
import { reportContent, type ReportCell, type ReportColumn, type ReportDoc, type ReportPiece } from './report-content';

export type { ReportDoc } from './report-content';

/**
 * "BÁO CÁO Kết quả công tác đào tạo, bồi dưỡng …" in the Party's format: the header, the title, a
 * section per table with the previous period beside the current one, bar charts drawn as SVG, the
 * amendments to closed years, and the signature. Landscape, so the tables keep their columns; rows
 * are kept low and each table's header repeats on every page it runs onto. The content is
 * report-content.ts's, shared with the Word file.
 */

function headRows(cols: ReportColumn[]): string {
  if (!cols.some((c) => c.group)) return `<tr>${cols.map((c) => `<th>${escapeHtml(c.header)}</th>`).join('')}</tr>`;
  const top: string[] = [];
  for (let i = 0; i < cols.length;) {
    const c = cols[i]!;
    if (!c.group) {
      top.push(`<th rowspan="2">${escapeHtml(c.header)}</th>`);
      i++;
      continue;
    }
    let span = 1;
    while (cols[i + span]?.group === c.group) span++;
    top.push(`<th colspan="${span}">${escapeHtml(c.group)}</th>`);
    i += span;
  }
  return `<tr>${top.join('')}</tr><tr>${cols
    .filter((c) => c.group)
    .map((c) => `<th>${escapeHtml(c.header)}</th>`)
    .join('')}</tr>`;
}

function cellHtml(c: ReportCell): string {
  const cls = [c.align === 'right' ? 'num' : c.align === 'center' ? 'center' : '', c.sum ? 'sum' : '', c.prev ? 'prev' : '']
    .filter(Boolean)
    .join(' ');
  const text = escapeHtml(c.text).replace(/\n/g, '<br>');
  // Count and share each kept whole when the cell wraps.
  const inner = c.share ? `<span class="nw">${text}</span> <span class="nw share">${escapeHtml(c.share)}</span>` : text;
  return `<td${cls ? ` class="${cls}"` : ''}>${inner}</td>`;
}

function tableHtml(cols: ReportColumn[], bodies: ReportCell[][][]): string {
  return `<table class="grid report"><colgroup>${cols.map((c) => `<col style="width:${c.width}%">`).join('')}</colgroup><thead>${headRows(cols)}</thead>
${bodies.map((rows) => `<tbody${rows.length > 1 ? ' class="keep"' : ''}>${rows.map((r) => `<tr>${r.map(cellHtml).join('')}</tr>`).join('')}</tbody>`).join('\n')}</table>`;
}

function pieceHtml(piece: ReportPiece, doc: ReportDoc): string {
  if (piece.kind === 'heading') return `<h2>${escapeHtml(piece.text)}</h2>`;
  if (piece.kind === 'paragraph') return `<p>${escapeHtml(piece.text)}</p>`;
  if (piece.kind === 'note') return `<p class="note">${escapeHtml(piece.text)}</p>`;
  if (piece.kind === 'gap') return '<div class="gap"></div>';
  if (piece.kind === 'charts') return reportChartsHtml(doc.report);
  return tableHtml(piece.columns, piece.bodies);
}

export function buildReportHtml(doc: ReportDoc): string {
  const w = reportContent(doc);
  const bodyHtml = `${partyHeaderHtml(doc.body, { number: w.number, date: doc.date })}
<div class="doc-type">${w.title}</div>
<div class="doc-subject">${escapeHtml(w.subject)}</div>
<div class="dashes">-----</div>
<p class="legend">${escapeHtml(w.legend)}</p>
${w.pieces.map((p) => pieceHtml(p, doc)).join('\n')}
${closingHtml(doc.body, w.recipients)}`;
  return partyPage({ title: w.pageTitle, bodyHtml, orientation: 'landscape', extraCss: REPORT_CSS });
}

const REPORT_CSS = `
h2 { font-size: 13.5pt; margin: 4mm 0 1.5mm; break-after: avoid; }
.legend { text-indent: 0; font-style: italic; text-align: center; }
p.note { text-indent: 0; font-size: 11pt; font-style: italic; margin: 1mm 0 2mm; }
.grid.report { font-size: 11pt; line-height: 1.15; }
.grid.report th { font-size: 10.5pt; padding: 2pt 3pt; }
.grid.report td { padding: 1.5pt 3pt; }
.grid.report td.num { text-align: right; }
.grid.report td.sum { font-weight: bold; }
.grid.report td.prev { font-style: italic; font-size: 10pt; padding-left: 8pt; }
.grid.report .nw { white-space: nowrap; }
.grid.report .share { font-size: 9.5pt; }
.charts { display: grid; grid-template-columns: 1fr 1fr; gap: 3mm 6mm; margin-top: 3mm; }
.chart-box { break-inside: avoid; }
.chart { width: 100%; height: auto; max-height: 75mm; font-family: Tinos, 'Times New Roman', serif; }
.gap { height: 3mm; }
`;
