import { CLASS_FORM_LABELS } from '../../../shared/contract/classes';
import { formatDate, formatNumber } from '../../../shared/domain/format';
import { escapeHtml, partyHeaderHtml, partyPage, signatureBlockHtml, type IssuingBody } from './party-document';

/**
 * «Giấy xác nhận quá trình học tập»: the centre certifies, at a person's request, every class they
 * took at the centre over the years, with dates, results and certificate numbers, under the Party
 * header and the director's signature. The record itself is read by services/learning-record.ts.
 */

export const LEARNING_RECORD_TITLE = 'GIẤY XÁC NHẬN QUÁ TRÌNH HỌC TẬP';

export interface LearningRecordClass {
  className: string;
  programName: string;
  startDate: string;
  endDate: string;
  form: keyof typeof CLASS_FORM_LABELS;
  /** "Hoàn thành, xếp loại Giỏi", "Thôi học", "Đang học"… */
  result: string;
  /** The decision that recognised the result: "09-QĐ/TTCT" and its date. */
  decision: { label: string; date: string } | null;
  /** The certificate now standing for this class, or a revoked one said as such. */
  certificate: { serial: string; issueDate: string; revoked: boolean } | null;
}

export interface LearningRecordDoc {
  body: IssuingBody;
  /** The date line: the day the confirmation is given. */
  date: string;
  person: {
    fullName: string;
    birthDate: string | null;
    unitName: string | null;
    communeName: string | null;
    workplace: string;
    position: string;
  };
  classes: LearningRecordClass[];
  /** What the person needs it for, as the clerk typed it; empty leaves the closing line without it. */
  purpose: string;
}

/** A partial birth date reads as the clerk knows it: "sinh năm 1975", "sinh tháng 05/1975". */
function bornLine(birthDate: string | null): string {
  if (!birthDate) return '';
  const word = birthDate.length === 4 ? 'năm' : birthDate.length === 7 ? 'tháng' : 'ngày';
  return `sinh ${word} ${formatDate(birthDate)}`;
}

function factLine(label: string, value: string): string {
  return value.trim() ? `<p class="fact">${escapeHtml(label)}: <span class="value">${escapeHtml(value.trim())}</span></p>` : '';
}

function certificateCell(c: LearningRecordClass['certificate']): string {
  if (!c) return '<td class="center">—</td>';
  const lines = [`Số <span class="serial">${escapeHtml(c.serial)}</span>`, `ngày ${formatDate(c.issueDate)}`, ...(c.revoked ? ['(đã thu hồi)'] : [])];
  return `<td class="small">${lines.map((l) => `<div>${l}</div>`).join('')}</td>`;
}

function resultCell(c: LearningRecordClass): string {
  const decision = c.decision
    ? `<div class="note">QĐ số <span class="nowrap">${escapeHtml(c.decision.label)}</span> ngày ${formatDate(c.decision.date)}</div>`
    : '';
  return `<td class="small"><div>${escapeHtml(c.result)}</div>${decision}</td>`;
}

function classesHtml(list: LearningRecordClass[]): string {
  const rows = list.map(
    (c, i) =>
      `<tr><td class="center">${i + 1}</td><td><div class="strong">${escapeHtml(c.className)}</div><div class="note">${escapeHtml(c.programName)}</div></td>` +
      `<td class="center nowrap small"><div>${formatDate(c.startDate)} –</div><div>${formatDate(c.endDate)}</div></td>` +
      `<td class="small">${escapeHtml(CLASS_FORM_LABELS[c.form])}</td>${resultCell(c)}${certificateCell(c.certificate)}</tr>`,
  );
  return `<table class="grid record"><colgroup><col class="c-stt"><col><col class="c-dates"><col class="c-form"><col class="c-result"><col class="c-cert"></colgroup>
<thead><tr><th>STT</th><th>Lớp học, chương trình</th><th>Thời gian</th><th>Hình thức</th><th>Kết quả</th><th>Giấy chứng nhận</th></tr></thead>
<tbody>
${rows.join('\n')}
</tbody></table>`;
}

export function buildLearningRecordHtml(doc: LearningRecordDoc): string {
  const { body, person: p } = doc;
  const born = bornLine(p.birthDate);
  const work = [p.position.trim(), p.workplace.trim()].filter(Boolean).join(', ');
  const purpose = doc.purpose.trim().replace(/[.;,]+$/, '');
  const bodyHtml = `${partyHeaderHtml(body, { number: null, date: doc.date })}
<div class="doc-type">${LEARNING_RECORD_TITLE}</div>
<div class="dashes">-----</div>
<p class="lead">${escapeHtml(body.centreName)} xác nhận:</p>
<p class="fact">Đồng chí: <span class="value">${escapeHtml(p.fullName)}</span>${born ? `, ${escapeHtml(born)}` : ''}</p>
${factLine('Chi bộ, đảng bộ', p.unitName ?? '')}
${factLine('Nơi ở', p.communeName ?? '')}
${factLine('Chức vụ, đơn vị công tác', work)}
<p class="lead">Đã tham gia ${formatNumber(doc.classes.length)} lớp học tại ${escapeHtml(body.centreName)}, cụ thể như sau:</p>
${classesHtml(doc.classes)}
<p class="closing-line">Giấy xác nhận này cấp theo đề nghị của đồng chí ${escapeHtml(p.fullName)}${purpose ? ` để ${escapeHtml(purpose)}` : ''}.</p>
${signatureBlockHtml(body)}`;
  return partyPage({ title: `Giấy xác nhận quá trình học tập - ${p.fullName}`, bodyHtml, orientation: 'portrait', extraCss: CSS });
}

// 165 mm across a portrait sheet: the class's name takes what the fixed columns leave (about 45 mm).
const CSS = `
p.lead { margin: 3mm 0 2mm; }
p.fact { text-indent: 10mm; margin: 0 0 1mm; }
p.fact .value { font-weight: bold; }
p.closing-line { margin-top: 4mm; }
.grid { font-size: 12pt; line-height: 1.2; }
.grid th, .grid td { padding: 2pt 3pt; }
.grid td.small, .grid .note { font-size: 11pt; }
.grid .note { font-style: italic; }
.grid .strong { font-weight: bold; }
.grid td.nowrap, .grid .nowrap { white-space: nowrap; }
.grid .serial { overflow-wrap: anywhere; }
.c-stt { width: 10mm; }
.c-dates { width: 24mm; }
.c-form { width: 22mm; }
.c-result { width: 36mm; }
.c-cert { width: 30mm; }
body > .signature { margin-top: 8mm; }
`;
