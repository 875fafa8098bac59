import { CLASS_FORM_LABELS } from '../../../shared/contract/classes';
import { formatDate, formatNumber } from '../../../shared/domain/format';
import { escapeHtml, partyHeaderHtml, partyPage, signatureBlockHtml, type IssuingBody } from './party-document';

/**
 * «Giấy xác nhận quá trình học tập»: the centre certifies, at a person's request, every class they
 * took at the centre over the years, with dates, results and certificate numbers, under the Party
 * header and the director's signature. The record itself is read by learners/learning-record-handlers.ts.
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

/**
 * The record's wording, shared by the HTML page and the Word file (docx-person-documents.ts) so that
 * both say the same. Plain text: the HTML escapes it. Each fact is a label and the value set in bold.
 */
export function learningRecordWording(doc: LearningRecordDoc) {
  const { body, person: p } = doc;
  const born = bornLine(p.birthDate);
  const work = [p.position.trim(), p.workplace.trim()].filter(Boolean).join(', ');
  const purpose = doc.purpose.trim().replace(/[.;,]+$/, '');
  const facts: { label: string; value: string; after: string }[] = [
    { label: 'Đồng chí', value: p.fullName, after: born ? `, ${born}` : '' },
    ...[
      { label: 'Chi bộ, đảng bộ', value: (p.unitName ?? '').trim(), after: '' },
      { label: 'Nơi ở', value: (p.communeName ?? '').trim(), after: '' },
      { label: 'Chức vụ, đơn vị công tác', value: work, after: '' },
    ].filter((f) => f.value),
  ];
  return {
    title: LEARNING_RECORD_TITLE,
    lead: `${body.centreName} xác nhận:`,
    facts,
    intro: `Đã tham gia ${formatNumber(doc.classes.length)} lớp học tại ${body.centreName}, cụ thể như sau:`,
    columns: ['STT', 'Lớp học, chương trình', 'Thời gian', 'Hình thức', 'Kết quả', 'Giấy chứng nhận'],
    rows: doc.classes.map((c) => ({
      className: c.className,
      programName: c.programName,
      dates: [`${formatDate(c.startDate)} –`, formatDate(c.endDate)],
      form: CLASS_FORM_LABELS[c.form],
      result: c.result,
      decision: c.decision ? { label: c.decision.label, date: formatDate(c.decision.date) } : null,
      /** Lines of the certificate cell; empty when none was issued (the cell shows a dash). */
      certificate: c.certificate
        ? {
            serial: c.certificate.serial,
            lines: [`ngày ${formatDate(c.certificate.issueDate)}`, ...(c.certificate.revoked ? ['(đã thu hồi)'] : [])],
          }
        : null,
    })),
    closing: `Giấy xác nhận này cấp theo đề nghị của đồng chí ${p.fullName}${purpose ? ` để ${purpose}` : ''}.`,
  };
}

type Wording = ReturnType<typeof learningRecordWording>;

function certificateCell(c: Wording['rows'][number]['certificate']): string {
  if (!c) return '<td class="center">—</td>';
  const lines = [`Số <span class="serial">${escapeHtml(c.serial)}</span>`, ...c.lines.map(escapeHtml)];
  return `<td class="small">${lines.map((l) => `<div>${l}</div>`).join('')}</td>`;
}

function resultCell(c: Wording['rows'][number]): string {
  const decision = c.decision
    ? `<div class="note">QĐ số <span class="nowrap">${escapeHtml(c.decision.label)}</span> ngày ${c.decision.date}</div>`
    : '';
  return `<td class="small"><div>${escapeHtml(c.result)}</div>${decision}</td>`;
}

function classesHtml(w: Wording): string {
  const rows = w.rows.map(
    (c, i) =>
      `<tr><td class="center">${i + 1}</td><td><div class="strong">${escapeHtml(c.className)}</div><div class="note">${escapeHtml(c.programName)}</div></td>` +
      `<td class="center nowrap small">${c.dates.map((d) => `<div>${d}</div>`).join('')}</td>` +
      `<td class="small">${escapeHtml(c.form)}</td>${resultCell(c)}${certificateCell(c.certificate)}</tr>`,
  );
  return `<table class="grid record"><colgroup><col class="c-stt"><col><col class="c-dates"><col class="c-form"><col class="c-result"><col class="c-cert"></colgroup>
<thead><tr>${w.columns.map((c) => `<th>${c}</th>`).join('')}</tr></thead>
<tbody>
${rows.join('\n')}
</tbody></table>`;
}

export function buildLearningRecordHtml(doc: LearningRecordDoc): string {
  const w = learningRecordWording(doc);
  const facts = w.facts.map(
    (f) => `<p class="fact">${escapeHtml(f.label)}: <span class="value">${escapeHtml(f.value)}</span>${escapeHtml(f.after)}</p>`,
  );
  const bodyHtml = `${partyHeaderHtml(doc.body, { number: null, date: doc.date })}
<div class="doc-type">${w.title}</div>
<div class="dashes">-----</div>
<p class="lead">${escapeHtml(w.lead)}</p>
${facts.join('\n')}
<p class="lead">${escapeHtml(w.intro)}</p>
${classesHtml(w)}
<p class="closing-line">${escapeHtml(w.closing)}</p>
${signatureBlockHtml(doc.body)}`;
  return partyPage({ title: `Giấy xác nhận quá trình học tập - ${doc.person.fullName}`, bodyHtml, orientation: 'portrait', extraCss: CSS });
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
