import type { LevelReport } from '../../../shared/contract/levels';
import { closingHtml, escapeHtml, partyHeaderHtml, partyPage, type IssuingBody } from '../documents/party-document';
import { levelReportWording, nomineeCells, rowCells } from './level-wording';

/**
 * «BÁO CÁO Trình độ lý luận chính trị …» in the Party's format, landscape: the header, a table per
 * target by commune and base organisation with the total kept to its last row, then (from a new
 * page, so a list never starts under a heading left on the page before) who was sent to the
 * provincial school, and the signature. Words and cells come from level-wording.ts.
 */

export interface LevelReportDoc {
  body: IssuingBody;
  date: string;
  report: LevelReport;
}

const cell = (value: string, cls: string) => `<td class="${cls}">${escapeHtml(value)}</td>`;
// Columns after the three names are figures, right-aligned.
const cls = (i: number) => (i === 0 ? 'center' : i < 3 ? '' : 'num');

function grid(columns: { header: string; width: number }[], bodies: string[][][], sumLast: boolean): string {
  const total = columns.reduce((s, c) => s + c.width, 0);
  const cols = columns.map((c) => `<col style="width:${((100 * c.width) / total).toFixed(2)}%">`).join('');
  const head = `<tr>${columns.map((c) => `<th>${escapeHtml(c.header)}</th>`).join('')}</tr>`;
  const body = bodies
    .map((rows, b) => {
      const sum = sumLast && b === bodies.length - 1;
      return `<tbody${rows.length > 1 ? ' class="keep"' : ''}>${rows.map((r, ri) => `<tr${sum && ri === rows.length - 1 ? ' class="sum"' : ''}>${r.join('')}</tr>`).join('')}</tbody>`;
    })
    .join('\n');
  return `<table class="grid levels"><colgroup>${cols}</colgroup><thead>${head}</thead>\n${body}</table>`;
}

export function buildLevelReportHtml(doc: LevelReportDoc): string {
  const { report, body } = doc;
  const w = levelReportWording(report, body);
  const targets = report.targets.map((t, i) => {
    const bodies = t.rows.map((r, ri) => [rowCells(r, ri + 1, t.percent).map((v, ci) => cell(v, cls(ci)))]);
    const total = rowCells(t.total, null, t.percent).map((v, ci) => cell(v, cls(ci)));
    // The total never stands alone at the top of a page: it keeps the last row with it.
    const last = bodies.pop();
    bodies.push(last ? [...last, total] : [total]);
    const wt = w.targets[i]!;
    return `<h3>${escapeHtml(wt.heading)}</h3>\n<p>${escapeHtml(wt.verdict)}</p>\n${grid(wt.columns, bodies, true)}`;
  });
  const nominations = report.nominations.map((n, i) => {
    const wn = w.nominations[i]!;
    const rows = n.people.map((p, pi) => [nomineeCells(p, pi).map((v, ci) => cell(v, ci === 0 || ci === 2 ? 'center' : ''))]);
    return `<h3>${escapeHtml(wn.heading)}</h3>\n<p>${escapeHtml(wn.summary)}</p>\n${rows.length ? grid(w.nomineeColumns, rows, false) : ''}`;
  });
  const bodyHtml = `${partyHeaderHtml(body, { date: doc.date })}
<div class="doc-type">${escapeHtml(w.title)}</div>
<div class="doc-subject">${escapeHtml(w.subject)}</div>
<div class="as-of">${escapeHtml(w.asOfLine)}</div>
<div class="dashes">-----</div>
<h2>${escapeHtml(w.targetsHeading)}</h2>
${targets.length ? targets.join('\n') : `<p>${escapeHtml(w.noTargets)}</p>`}
<h2${targets.length ? ' class="page-break"' : ''}>${escapeHtml(w.nominationsHeading)}</h2>
<p>${escapeHtml(w.nominationsLead)}</p>
${nominations.join('\n')}
${closingHtml(body, w.recipients)}`;
  return partyPage({ title: w.pageTitle, bodyHtml, orientation: 'landscape', extraCss: LEVELS_CSS });
}

const LEVELS_CSS = `
.as-of { text-align: center; font-style: italic; }
h2 { font-size: 13.5pt; margin: 4mm 0 1.5mm; break-after: avoid; }
h3 { font-size: 13pt; margin: 3mm 0 1mm; break-after: avoid; }
.grid.levels { font-size: 11pt; line-height: 1.15; margin-bottom: 2mm; }
.grid.levels th { font-size: 10.5pt; padding: 2pt 3pt; }
.grid.levels td { padding: 1.5pt 3pt; }
.grid.levels td.num { text-align: right; }
.grid.levels tr.sum td { font-weight: bold; }
`;
