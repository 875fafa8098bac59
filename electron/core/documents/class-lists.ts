import { formatNumber, formatPercent, formatScore } from '../../../shared/domain/format';
import type { PartyStatus, Sex } from '../../../shared/domain/learner-fields';
import { upperVi } from '../../../shared/domain/text';
import { classPhrase } from './opening-decision';
import { resultsDecisionWording } from './results-decision';
import {
  BIRTH_HEAD_SUB,
  BIRTH_HEAD_TOP,
  birthCellsHtml,
  cell,
  countLine,
  DECISION_CSS,
  decisionHtml,
  LIST_CSS,
  listBodyHtml,
  PARTY_STATUS_SHORT,
  titleHtml,
} from './list-parts';
import {
  escapeHtml,
  partyHeaderHtml,
  partyPage,
  signatureBlockHtml,
  type ClassPaper,
  type IssuingBody,
  type Orientation,
} from './party-document';

/**
 * The lists a clerk prints for a class besides the timetable and the opening decision: learner list,
 * score sheet, results decision with its list, and the class summary (attendance sheets to sign are in
 * attendance-sheet.ts).
 */

// ---------------------------------------------------------------------------------------------
// Learner list

export interface ListLearner {
  fullName: string;
  sex: Sex | null;
  /** ISO, possibly partial ("1975-03", "1975"). */
  birthDate: string | null;
  ethnicityName: string | null;
  position: string;
  unitName: string | null;
  partyStatus: PartyStatus | null;
}

export interface LearnerListDoc {
  body: IssuingBody;
  date: string;
  className: string;
  /** In print order: the caller sorts them the Vietnamese way. */
  learners: ListLearner[];
}

export function buildLearnerListHtml(doc: LearnerListDoc): string {
  const rows = doc.learners.map(
    (l, i) =>
      `<tr><td class="center">${i + 1}</td>${cell(l.fullName)}${birthCellsHtml(l.sex, l.birthDate)}${cell(l.ethnicityName, 'center')}${cell(l.position)}${cell(l.unitName)}${cell(l.partyStatus ? PARTY_STATUS_SHORT[l.partyStatus] : '', 'center')}</tr>`,
  );
  const bodyHtml = `${partyHeaderHtml(doc.body, { number: null, date: doc.date })}
${titleHtml('DANH SÁCH HỌC VIÊN', doc.className)}
<table class="grid learner-list">
<colgroup><col class="c-stt"><col class="c-name"><col class="c-born"><col class="c-born"><col class="c-ethnicity"><col class="c-position"><col><col class="c-party"></colgroup>
<thead>
<tr><th rowspan="2">STT</th><th rowspan="2">Họ và tên</th>${BIRTH_HEAD_TOP}<th rowspan="2">Dân tộc</th><th rowspan="2">Chức vụ</th><th rowspan="2">Chi bộ, đơn vị</th><th rowspan="2">Đảng viên</th></tr>
<tr>${BIRTH_HEAD_SUB}</tr>
</thead>
${listBodyHtml(rows, 8, countLine(doc.learners.length), signatureBlockHtml(doc.body))}
</table>`;
  // Eight columns do not fit the 165 mm of a portrait sheet without cutting names in two.
  return partyPage({
    title: `Danh sách học viên - ${doc.className}`,
    bodyHtml,
    orientation: 'landscape',
    extraCss: LIST_CSS + LEARNER_LIST_CSS,
  });
}

const LEARNER_LIST_CSS = `
.learner-list { font-size: 12pt; }
.c-name { width: 52mm; }
.c-ethnicity { width: 22mm; }
.c-position { width: 34mm; }
.c-party { width: 26mm; }
`;

// ---------------------------------------------------------------------------------------------
// Score sheet

export interface ScoreRow {
  fullName: string;
  /** Per component, in tenths: the first attempt and the re-assessment. */
  scores: { first: number | null; retake: number | null }[];
  finalTenths: number | null;
  classification: string | null;
  absent: number;
  sessions: number;
  eligible: 'eligible' | 'not_eligible' | 'incomplete';
  reasons: string[];
}

export interface ScoreSheetDoc {
  body: IssuingBody;
  date: string;
  className: string;
  /** Weight in percent of the final score. */
  components: { name: string; weight: number }[];
  rows: ScoreRow[];
}

/**
 * The score sheet's wording, shared by the HTML page and the Word file (docx-class-lists.ts) so that
 * both say the same. Plain text: the HTML escapes it.
 */
export function scoreSheetWording(doc: ScoreSheetDoc) {
  const weighted = doc.components.length > 1;
  const eligible = doc.rows.filter((r) => r.eligible === 'eligible').length;
  const notEligible = doc.rows.filter((r) => r.eligible === 'not_eligible').length;
  const incomplete = doc.rows.length - eligible - notEligible;
  const sessions = doc.rows[0]?.sessions;
  return {
    title: 'BẢNG ĐIỂM',
    sessionsLine: sessions === undefined ? null : `Số buổi học: ${formatNumber(sessions)}`,
    /** The weight under each component's name, when there is more than one. */
    components: doc.components.map((c) => ({ name: c.name, weight: weighted ? `(${formatNumber(c.weight)}%)` : null })),
    before: ['STT', 'Họ và tên'],
    after: ['Điểm tổng kết', 'Xếp loại', 'Số buổi vắng', 'Ghi chú'],
    rows: doc.rows.map((r) => ({
      fullName: r.fullName,
      scores: doc.components.map((_, k) => {
        const sc = r.scores[k];
        return {
          first: sc?.first == null ? '' : formatScore(sc.first),
          retake: sc?.retake == null ? null : `(lần 2: ${formatScore(sc.retake)})`,
        };
      }),
      final: r.finalTenths === null ? '' : formatScore(r.finalTenths),
      classification: r.classification ?? '',
      absent: formatNumber(r.absent),
      note: r.eligible === 'eligible' ? '' : r.reasons.join('; '),
    })),
    tally:
      `Tổng số ${formatNumber(doc.rows.length)} học viên; đủ điều kiện công nhận: ${formatNumber(eligible)}; ` +
      `không đủ điều kiện: ${formatNumber(notEligible)}${incomplete > 0 ? `; chưa đủ điểm, điểm danh: ${formatNumber(incomplete)}` : ''}.`,
    // From two components on, the reasons column would shrink to a word a line on a portrait sheet.
    orientation: (weighted ? 'landscape' : 'portrait') as Orientation,
  };
}

export function buildScoreSheetHtml(doc: ScoreSheetDoc): string {
  const w = scoreSheetWording(doc);
  const componentHeads = w.components
    .map((c) => `<th>${escapeHtml(c.name)}${c.weight ? `<div class="weight">${c.weight}</div>` : ''}</th>`)
    .join('');
  const rows = w.rows.map((r, i) => {
    const scores = r.scores
      .map((sc) => `<td class="num">${sc.first}${sc.retake ? `<div class="retake">${sc.retake}</div>` : ''}</td>`)
      .join('');
    return `<tr><td class="center">${i + 1}</td>${cell(r.fullName)}${scores}<td class="num">${r.final}</td>${cell(r.classification, 'center nowrap')}<td class="num">${r.absent}</td>${cell(r.note, 'note')}</tr>`;
  });
  const sessionsLine = w.sessionsLine === null ? '' : `<div class="sheet-info">${w.sessionsLine}</div>`;
  const th = (labels: string[]) => labels.map((l) => `<th>${l}</th>`).join('');
  const bodyHtml = `${partyHeaderHtml(doc.body, { number: null, date: doc.date })}
${titleHtml(w.title, doc.className)}
${sessionsLine}
<table class="grid scores${doc.components.length > 1 ? '' : ' portrait'}">
<colgroup><col class="c-stt"><col class="c-name">${doc.components.map(() => '<col class="c-score">').join('')}<col class="c-final"><col class="c-class"><col class="c-absent"><col></colgroup>
<thead><tr>${th(w.before)}${componentHeads}${th(w.after)}</tr></thead>
${listBodyHtml(rows, doc.components.length + 6, `<div class="list-total">${w.tally}</div>`, signatureBlockHtml(doc.body))}
</table>`;
  return partyPage({ title: `Bảng điểm - ${doc.className}`, bodyHtml, orientation: w.orientation, extraCss: LIST_CSS + SCORE_CSS });
}

const SCORE_CSS = `
.sheet-info { text-align: center; font-style: italic; margin: -2mm 0 3mm; }
.scores { font-size: 12pt; }
.scores th { font-size: 11.5pt; line-height: 1.15; }
.scores .weight { font-weight: normal; font-style: italic; font-size: 10.5pt; }
.scores .retake { font-size: 10pt; font-style: italic; }
.scores td.note { font-size: 10.5pt; line-height: 1.15; }
.c-name { width: 55mm; }
.c-score { width: 27mm; }
.c-final { width: 21mm; }
.c-class { width: 25mm; }
.c-absent { width: 18mm; }
/* Portrait (one component): the reasons column needs about 35 mm to stay readable. */
.scores.portrait col.c-name { width: 46mm; }
.scores.portrait col.c-score { width: 19mm; }
.scores.portrait col.c-final { width: 19mm; }
.scores.portrait col.c-absent { width: 15mm; }
`;

// ---------------------------------------------------------------------------------------------
// Results decision and its list

export interface RecognisedLearner {
  fullName: string;
  sex: Sex | null;
  birthDate: string | null;
  unitName: string | null;
  finalTenths: number | null;
  classification: string | null;
}

export interface ResultsDecisionDoc extends ClassPaper {
  /** "15-QĐ/TTCT". */
  number: string;
  /** What the program leads to: only a certificate is issued by this decision. */
  outcome: 'certificate' | 'diploma' | 'external' | 'none';
  recognised: RecognisedLearner[];
  /** Learners who finished the class, recognised or not: the "27/30" of Article 1. */
  total: number;
}

function recognisedListHtml(doc: ResultsDecisionDoc): string {
  if (doc.recognised.length === 0) return '';
  const wording = resultsDecisionWording(doc);
  const rows = doc.recognised.map(
    (l, i) =>
      `<tr><td class="center">${i + 1}</td>${cell(l.fullName)}${birthCellsHtml(l.sex, l.birthDate)}${cell(l.unitName)}<td class="num">${l.finalTenths === null ? '' : formatScore(l.finalTenths)}</td>${cell(l.classification, 'center nowrap')}</tr>`,
  );
  return `<section class="page-break">
${wording.listTitles.map((t) => `<div class="list-title">${escapeHtml(t)}</div>`).join('\n')}
<div class="list-note">${escapeHtml(wording.listNote)}</div>
<table class="grid recognised">
<colgroup><col class="c-stt"><col class="c-name"><col class="c-born"><col class="c-born"><col><col class="c-score"><col class="c-class"></colgroup>
<thead>
<tr><th rowspan="2">STT</th><th rowspan="2">Họ và tên</th>${BIRTH_HEAD_TOP}<th rowspan="2">Chi bộ, đơn vị</th><th rowspan="2">Điểm</th><th rowspan="2">Xếp loại</th></tr>
<tr>${BIRTH_HEAD_SUB}</tr>
</thead>
${listBodyHtml(rows, 7, `<div class="list-total">${escapeHtml(wording.listTotal)}</div>`)}
</table>
</section>`;
}

export function buildResultsDecisionHtml(doc: ResultsDecisionDoc): string {
  const wording = resultsDecisionWording(doc);
  const bodyHtml = decisionHtml(doc, wording.subjects, wording, recognisedListHtml(doc));
  return partyPage({
    title: `Quyết định công nhận kết quả học tập - ${doc.className}`,
    bodyHtml,
    orientation: 'portrait',
    extraCss: LIST_CSS + DECISION_CSS + RESULTS_CSS,
  });
}

const RESULTS_CSS = `
.doc-subject { margin-bottom: 0; }
.recognised { font-size: 12pt; }
.c-name { width: 40mm; }
.c-score { width: 13mm; }
.c-class { width: 24mm; }
`;

// ---------------------------------------------------------------------------------------------
// Class summary

export interface SummaryBreakdown {
  /** "Theo giới tính". */
  title: string;
  rows: { label: string; count: number }[];
}

export interface ClassSummaryDoc {
  body: IssuingBody;
  date: string;
  className: string;
  total: number;
  breakdowns: SummaryBreakdown[];
}

function ratio(count: number, total: number): string {
  return total > 0 ? formatPercent(count / total, 1) : '';
}

/**
 * The class summary's wording, shared by the HTML page and the Word file (docx-class-lists.ts) so
 * that both say the same. Plain text: the HTML escapes it.
 */
export function classSummaryWording(doc: ClassSummaryDoc) {
  return {
    title: 'TỔNG HỢP KẾT QUẢ',
    subject: upperVi(classPhrase(doc.className)),
    totalLine: `Tổng số học viên: ${formatNumber(doc.total)}`,
    columns: ['Nội dung', 'Số lượng', 'Tỉ lệ'],
    breakdowns: doc.breakdowns.map((b, i) => {
      const sum = b.rows.reduce((acc, r) => acc + r.count, 0);
      return {
        title: `${i + 1}. ${b.title}`,
        rows: [
          ...b.rows.map((r) => ({ label: r.label, count: formatNumber(r.count), ratio: ratio(r.count, doc.total), sum: false })),
          { label: 'Cộng', count: formatNumber(sum), ratio: ratio(sum, doc.total), sum: true },
        ],
      };
    }),
  };
}

export function buildClassSummaryHtml(doc: ClassSummaryDoc): string {
  const w = classSummaryWording(doc);
  const breakdowns = w.breakdowns.map((b) => {
    const rows = b.rows.map(
      (r) => `<tr${r.sum ? ' class="sum"' : ''}>${cell(r.label)}<td class="num">${r.count}</td><td class="num">${r.ratio}</td></tr>`,
    );
    return `<div class="breakdown">
<div class="breakdown-title">${escapeHtml(b.title)}</div>
<table class="grid summary">
<colgroup><col><col class="c-count"><col class="c-ratio"></colgroup>
<thead><tr>${w.columns.map((c) => `<th>${c}</th>`).join('')}</tr></thead>
<tbody>
${rows.join('\n')}
</tbody>
</table>
</div>`;
  });
  const bodyHtml = `${partyHeaderHtml(doc.body, { number: null, date: doc.date })}
<div class="doc-type">${w.title}</div>
<div class="doc-subject">${escapeHtml(w.subject)}</div>
<div class="sheet-info">${w.totalLine}</div>
<div class="breakdowns">
${breakdowns.join('\n')}
</div>
${signatureBlockHtml(doc.body)}`;
  return partyPage({ title: `Tổng hợp kết quả - ${doc.className}`, bodyHtml, orientation: 'portrait', extraCss: LIST_CSS + SUMMARY_CSS });
}

const SUMMARY_CSS = `
.doc-subject { margin-bottom: 2mm; }
.sheet-info { text-align: center; font-style: italic; margin-bottom: 3mm; }
.breakdowns { display: grid; grid-template-columns: 1fr 1fr; gap: 5mm 6mm; margin-bottom: 2mm; }
.breakdown { break-inside: avoid; }
.breakdown-title { font-weight: bold; margin-bottom: 1mm; }
.summary { font-size: 12.5pt; }
.summary th { font-size: 12pt; padding-left: 1pt; padding-right: 1pt; }
.summary tr.sum td { font-weight: bold; }
.c-count { width: 19mm; }
.c-ratio { width: 18mm; }
`;
