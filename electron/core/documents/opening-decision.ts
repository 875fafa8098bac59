import { formatDate, formatNumber } from '../../../shared/domain/format';
import { upperVi } from '../../../shared/domain/text';
import { BIRTH_HEAD_SUB, BIRTH_HEAD_TOP, birthCellsHtml, cell, DECISION_CSS, decisionHtml } from './list-parts';
import { escapeHtml, partyPage, superiorInText, type ClassPaper } from './party-document';

export interface DecisionLearner {
  fullName: string;
  sex: 'nam' | 'nu' | null;
  /** ISO, possibly partial ("1975-03", "1975"). */
  birthDate: string | null;
  unitName: string | null;
  position: string;
}

export interface OpeningDecisionDoc extends ClassPaper {
  /** "12-QĐ/TTCT". */
  number: string;
  venueName: string | null;
  homeroomName: string | null;
  /** In the order they are to be printed; empty means no list is attached. */
  learners: DecisionLearner[];
}

/**
 * "Lớp bồi dưỡng … khóa I" → "lớp bồi dưỡng … khóa I", so the subject reads "mở lớp bồi dưỡng …"
 * rather than "mở lớp Lớp bồi dưỡng …".
 */
export function classPhrase(className: string): string {
  const name = className.normalize('NFC').trim();
  const rest = /^lớp\s+/iu.exec(name) ? name.replace(/^lớp\s+/iu, '') : name;
  return `lớp ${rest}`;
}

/** The decision's wording, shared by the HTML page and the Word file so that both say the same. */
export function openingDecisionWording(doc: OpeningDecisionDoc) {
  const { body } = doc;
  const centre = body.centreName;
  const count = doc.learners.length;
  const who = count > 0 ? ` cho ${formatNumber(count)} học viên (có danh sách kèm theo)` : '';
  const homeroom = doc.homeroomName ? `Giao đồng chí ${doc.homeroomName} làm giáo viên chủ nhiệm lớp. ` : '';
  const articles: { lead?: string; text: string }[] = [
    { lead: 'Điều 1.', text: `Mở ${classPhrase(doc.className)} (chương trình ${doc.programName})${who}.` },
    { text: `Thời gian học: từ ngày ${formatDate(doc.startDate)} đến ngày ${formatDate(doc.endDate)}.` },
    ...(doc.venueName ? [{ text: `Địa điểm: ${doc.venueName}.` }] : []),
    { lead: 'Điều 2.', text: `${homeroom}Bộ phận giáo vụ tổ chức lớp học theo đúng chương trình.` },
    {
      lead: 'Điều 3.',
      text: 'Bộ phận giáo vụ, giảng viên, các chi bộ có học viên và các học viên có tên tại Điều 1 chịu trách nhiệm thi hành quyết định này./.',
    },
  ];
  return {
    subject: `về việc mở ${classPhrase(doc.className)}`,
    decider: upperVi(`${body.directorTitle.trim() || 'Giám đốc'} ${body.centreName}`),
    grounds: [
      `- Căn cứ Quy định về chức năng, nhiệm vụ, tổ chức bộ máy của ${centre};`,
      `- Căn cứ kế hoạch đào tạo, bồi dưỡng năm ${doc.startDate.slice(0, 4)} của ${centre};`,
      '- Xét đề nghị của bộ phận giáo vụ,',
    ],
    articles,
    recipients: ['Như Điều 3', `${superiorInText(body.superior)} (b/c)`, 'Lưu VP'],
    listTitles: ['DANH SÁCH HỌC VIÊN', upperVi(classPhrase(doc.className))],
    listNote: `(Kèm theo Quyết định số ${doc.number} ngày ${formatDate(doc.date)} của ${centre})`,
    listTotal: `(Danh sách có ${formatNumber(count)} học viên)`,
  };
}

function learnerRowHtml(l: DecisionLearner, i: number): string {
  return `<tr><td class="center">${i + 1}</td>${cell(l.fullName)}${birthCellsHtml(l.sex, l.birthDate)}${cell(l.position)}${cell(l.unitName)}</tr>`;
}

function learnerListHtml(doc: OpeningDecisionDoc): string {
  if (doc.learners.length === 0) return '';
  const wording = openingDecisionWording(doc);
  return `<section class="page-break">
${wording.listTitles.map((t) => `<div class="list-title">${escapeHtml(t)}</div>`).join('\n')}
<div class="list-note">${escapeHtml(wording.listNote)}</div>
<table class="grid learners">
<colgroup><col class="c-stt"><col class="c-name"><col class="c-born"><col class="c-born"><col class="c-position"><col></colgroup>
<thead>
<tr><th rowspan="2">STT</th><th rowspan="2">Họ và tên</th>${BIRTH_HEAD_TOP}<th rowspan="2">Chức vụ</th><th rowspan="2">Chi bộ, đơn vị</th></tr>
<tr>${BIRTH_HEAD_SUB}</tr>
</thead>
<tbody>
${doc.learners.map(learnerRowHtml).join('\n')}
</tbody>
</table>
<div class="list-total">${escapeHtml(wording.listTotal)}</div>
</section>`;
}

export function buildOpeningDecisionHtml(doc: OpeningDecisionDoc): string {
  const wording = openingDecisionWording(doc);
  const bodyHtml = decisionHtml(doc, [wording.subject], wording, learnerListHtml(doc));

  return partyPage({
    title: `Quyết định mở lớp - ${doc.className}`,
    bodyHtml,
    orientation: 'portrait',
    extraCss: DECISION_CSS + OPENING_CSS,
  });
}

const OPENING_CSS = `
.list-title { text-align: center; font-weight: bold; }
.list-note { text-align: center; font-style: italic; margin-bottom: 4mm; }
.list-total { font-style: italic; margin-top: 2mm; }
.learners { font-size: 12pt; }
.learners td { vertical-align: middle; }
.learners td.born { padding-left: 1pt; padding-right: 1pt; white-space: nowrap; }
.c-stt { width: 10mm; }
.c-name { width: 44mm; }
.c-born { width: 24mm; }
.c-position { width: 26mm; }
`;
