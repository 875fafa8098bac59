import { formatDate, formatNumber } from '../../../shared/domain/format';
import { upperVi } from '../../../shared/domain/text';
import { closingHtml, escapeHtml, partyHeaderHtml, partyPage, superiorInText, type IssuingBody } from './party-document';

export interface DecisionLearner {
  fullName: string;
  sex: 'nam' | 'nu' | null;
  /** ISO, possibly partial ("1975-03", "1975"). */
  birthDate: string | null;
  unitName: string | null;
  position: string;
}

export interface OpeningDecisionDoc {
  body: IssuingBody;
  /** "12-QĐ/TTCT". */
  number: string;
  date: string;
  className: string;
  programName: string;
  startDate: string;
  endDate: string;
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

function p(html: string): string {
  return `<p>${html}</p>`;
}

function articlesHtml(doc: OpeningDecisionDoc): string {
  const count = doc.learners.length;
  const who = count > 0 ? ` cho ${formatNumber(count)} học viên (có danh sách kèm theo)` : '';
  const article1 = [
    p(`<b>Điều 1.</b> Mở ${escapeHtml(classPhrase(doc.className))} (chương trình ${escapeHtml(doc.programName)})${who}.`),
    p(`Thời gian học: từ ngày ${formatDate(doc.startDate)} đến ngày ${formatDate(doc.endDate)}.`),
    doc.venueName ? p(`Địa điểm: ${escapeHtml(doc.venueName)}.`) : '',
  ];
  const homeroom = doc.homeroomName ? `Giao đồng chí ${escapeHtml(doc.homeroomName)} làm giáo viên chủ nhiệm lớp. ` : '';
  const article2 = p(`<b>Điều 2.</b> ${homeroom}Bộ phận giáo vụ tổ chức lớp học theo đúng chương trình.`);
  const article3 = p(
    '<b>Điều 3.</b> Bộ phận giáo vụ, giảng viên, các chi bộ có học viên và các học viên có tên tại Điều 1 chịu trách nhiệm thi hành quyết định này./.',
  );
  return [...article1, article2, article3].join('\n');
}

function learnerRowHtml(l: DecisionLearner, i: number): string {
  const born = escapeHtml(formatDate(l.birthDate));
  // The Party form writes the birth date under "Nam" or "Nữ"; with the sex unknown it spans both.
  const birthCells =
    l.sex === 'nam'
      ? `<td class="center born">${born}</td><td></td>`
      : l.sex === 'nu'
        ? `<td></td><td class="center born">${born}</td>`
        : `<td class="center born" colspan="2">${born}</td>`;
  return `<tr><td class="center">${i + 1}</td><td>${escapeHtml(l.fullName)}</td>${birthCells}<td>${escapeHtml(l.position)}</td><td>${escapeHtml(l.unitName ?? '')}</td></tr>`;
}

function learnerListHtml(doc: OpeningDecisionDoc): string {
  if (doc.learners.length === 0) return '';
  return `<section class="page-break">
<div class="list-title">DANH SÁCH HỌC VIÊN</div>
<div class="list-title">${escapeHtml(upperVi(classPhrase(doc.className)))}</div>
<div class="list-note">(Kèm theo Quyết định số ${escapeHtml(doc.number)} ngày ${formatDate(doc.date)} của ${escapeHtml(doc.body.centreName)})</div>
<table class="grid learners">
<colgroup><col class="c-stt"><col class="c-name"><col class="c-born"><col class="c-born"><col class="c-position"><col></colgroup>
<thead>
<tr><th rowspan="2">STT</th><th rowspan="2">Họ và tên</th><th colspan="2">Ngày sinh</th><th rowspan="2">Chức vụ</th><th rowspan="2">Chi bộ, đơn vị</th></tr>
<tr><th>Nam</th><th>Nữ</th></tr>
</thead>
<tbody>
${doc.learners.map(learnerRowHtml).join('\n')}
</tbody>
</table>
<div class="list-total">(Danh sách có ${formatNumber(doc.learners.length)} học viên)</div>
</section>`;
}

export function buildOpeningDecisionHtml(doc: OpeningDecisionDoc): string {
  const { body } = doc;
  const year = doc.startDate.slice(0, 4);
  const centre = escapeHtml(body.centreName);
  const grounds = [
    `- Căn cứ Quy định về chức năng, nhiệm vụ, tổ chức bộ máy của ${centre};`,
    `- Căn cứ kế hoạch đào tạo, bồi dưỡng năm ${escapeHtml(year)} của ${centre};`,
    '- Xét đề nghị của bộ phận giáo vụ,',
  ];
  const bodyHtml = `${partyHeaderHtml(body, { number: doc.number, date: doc.date })}
<div class="doc-type">QUYẾT ĐỊNH</div>
<div class="doc-subject">về việc mở ${escapeHtml(classPhrase(doc.className))}</div>
<div class="dashes">-----</div>
<div class="decider">${escapeHtml(upperVi(`${body.directorTitle.trim() || 'Giám đốc'} ${body.centreName}`))}</div>
<div class="grounds">
${grounds.map(p).join('\n')}
</div>
<div class="decides">QUYẾT ĐỊNH:</div>
${articlesHtml(doc)}
${closingHtml(body, ['Như Điều 3', `${superiorInText(body.superior)} (b/c)`, 'Lưu VP'])}
${learnerListHtml(doc)}`;

  return partyPage({ title: `Quyết định mở lớp - ${doc.className}`, bodyHtml, orientation: 'portrait', extraCss: DECISION_CSS });
}

const DECISION_CSS = `
.decider, .decides { text-align: center; font-weight: bold; }
.decider { margin: 2mm 0 3mm; }
.decides { margin: 3mm 0; }
.grounds p { font-style: italic; }
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
