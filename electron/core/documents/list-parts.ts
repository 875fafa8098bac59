import { formatDate, formatNumber } from '../../../shared/domain/format';
import type { PartyStatus, Sex } from '../../../shared/domain/learner-fields';
import { closingHtml, escapeHtml, partyHeaderHtml, type IssuingBody } from './party-document';

/** The pieces the class lists, the decisions and the certificate lists share. */

/**
 * The Party's lists write the birth date under "Nam" or "Nữ" rather than a sex column; with the sex
 * unknown the date spans both, so nobody has to guess.
 */
export function birthCellsHtml(sex: Sex | null, birthDate: string | null): string {
  const born = escapeHtml(formatDate(birthDate));
  if (sex === 'nam') return `<td class="center born">${born}</td><td></td>`;
  if (sex === 'nu') return `<td></td><td class="center born">${born}</td>`;
  return `<td class="center born" colspan="2">${born}</td>`;
}

/** The two header rows' share of the birth columns: "Ngày sinh" over "Nam" | "Nữ". */
export const BIRTH_HEAD_TOP = '<th colspan="2">Ngày sinh</th>';
export const BIRTH_HEAD_SUB = '<th>Nam</th><th>Nữ</th>';

// The column is headed "Đảng viên", so the long labels would repeat the word in every row.
export const PARTY_STATUS_SHORT: Record<PartyStatus, string> = { chinh_thuc: 'Chính thức', du_bi: 'Dự bị', quan_chung: 'Quần chúng' };

export function cell(text: string | null | undefined, cls = ''): string {
  return `<td${cls ? ` class="${cls}"` : ''}>${escapeHtml(text ?? '')}</td>`;
}

export function titleHtml(type: string, subject: string): string {
  return `<div class="doc-type">${escapeHtml(type)}</div>
<div class="doc-subject">${escapeHtml(subject)}</div>`;
}

/**
 * The rows of a list, with the line under it and the signature as a borderless last row. The last
 * rows and that ending share an unbreakable tbody: otherwise the signature can land alone on a
 * sheet of its own, which Chromium does not prevent with break-before: avoid after a table.
 */
export function listBodyHtml(rows: string[], columns: number, ...ending: string[]): string {
  const kept = Math.min(2, rows.length);
  const head = rows.slice(0, rows.length - kept);
  const tail = rows.slice(rows.length - kept);
  const end = `<tr class="list-end"><td colspan="${columns}">${ending.join('\n')}</td></tr>`;
  return `${head.length ? `<tbody>\n${head.join('\n')}\n</tbody>\n` : ''}<tbody class="keep">\n${[...tail, end].join('\n')}\n</tbody>`;
}

export function countLine(n: number): string {
  return `<div class="list-total">(Danh sách có ${formatNumber(n)} học viên)</div>`;
}

export const LIST_CSS = `
.doc-subject { margin-bottom: 4mm; }
.doc-subject, .list-title { text-wrap: balance; }
.list-title { text-align: center; font-weight: bold; }
.list-note { text-align: center; font-style: italic; margin-bottom: 4mm; }
.list-total { font-style: italic; margin-top: 2mm; }
.grid tr.list-end td { border: none; padding: 0; font-size: 14pt; line-height: 1.3; text-align: left; }
.list-end .signature { width: 50%; margin-left: 50%; margin-top: 4mm; }
.grid td { vertical-align: middle; }
.grid td.born { padding-left: 1pt; padding-right: 1pt; white-space: nowrap; }
.grid td.nowrap { white-space: nowrap; }
.grid td.num { text-align: center; white-space: nowrap; }
.c-stt { width: 11mm; }
.c-born { width: 22mm; }
`;

function p(html: string): string {
  return `<p>${html}</p>`;
}

/**
 * A decision: the header with its number and date, its subject lines, what every decision says (the
 * decider, the grounds, the articles, then "Nơi nhận" and the signature), then the list it decides on.
 */
export function decisionHtml(
  doc: { body: IssuingBody; number: string; date: string },
  subjects: string[],
  w: { decider: string; grounds: string[]; articles: { lead?: string; text: string }[]; recipients: string[] },
  listHtml: string,
): string {
  return `${partyHeaderHtml(doc.body, { number: doc.number, date: doc.date })}
<div class="doc-type">QUYẾT ĐỊNH</div>
${subjects.map((t) => `<div class="doc-subject">${escapeHtml(t)}</div>`).join('\n')}
<div class="dashes">-----</div>
<div class="decider">${escapeHtml(w.decider)}</div>
<div class="grounds">
${w.grounds.map((g) => p(escapeHtml(g))).join('\n')}
</div>
<div class="decides">QUYẾT ĐỊNH:</div>
${w.articles.map((a) => p(`${a.lead ? `<b>${a.lead}</b> ` : ''}${escapeHtml(a.text)}`)).join('\n')}
${closingHtml(doc.body, w.recipients)}
${listHtml}`;
}

export const DECISION_CSS = `
.decider, .decides { text-align: center; font-weight: bold; }
.decider { margin: 2mm 0 3mm; }
.decides { margin: 3mm 0; }
.grounds p { font-style: italic; }
`;
