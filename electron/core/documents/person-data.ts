import { CERTIFICATE_STATUS_LABELS } from '../../../shared/contract/certificates';
import { CLASS_FORM_LABELS, CLASS_STATUS_LABELS } from '../../../shared/contract/classes';
import type { Person } from '../../../shared/contract/learners';
import { formatDate, formatDateTime, formatNumber, formatScore } from '../../../shared/domain/format';
import { IMPORT_FIELDS, PARTY_STATUS_LABELS, SEX_LABELS, THEORY_LEVEL_LABELS } from '../../../shared/domain/learner-fields';
import type { CertificateData, EnrolmentData, PersonDataset } from '../learners/person-data';
import { escapeHtml, partyHeaderHtml, partyPage, signatureBlockHtml, type IssuingBody } from './party-document';

/**
 * The summary of a person's data given on their request (Law 91/2025/QH15): the registry record,
 * the classes, the results, the certificates and the log of changes, under the centre's Party
 * header and the director's signature. The workbook (io/person-data-xlsx.ts) shares the wording.
 */

export interface PersonDataDoc {
  body: IssuingBody;
  /** The date line: the day the summary is given. */
  date: string;
  data: PersonDataset;
}

export const PERSON_DATA_TITLE = 'PHIẾU TỔNG HỢP DỮ LIỆU CÁ NHÂN';
export const LAW_NOTE = 'Luật Bảo vệ dữ liệu cá nhân số 91/2025/QH15';

/** The record as label and value, in the order of the registry's form; empty values stay as blank lines. */
export function personFacts(p: Person): { label: string; value: string }[] {
  return [
    { label: IMPORT_FIELDS.fullName, value: p.fullName },
    { label: 'Mã hồ sơ', value: String(p.id) },
    { label: IMPORT_FIELDS.sex, value: p.sex ? SEX_LABELS[p.sex] : '' },
    { label: IMPORT_FIELDS.birthDate, value: formatDate(p.birthDate) },
    { label: IMPORT_FIELDS.ethnicity, value: p.ethnicityName ?? '' },
    { label: IMPORT_FIELDS.religion, value: p.religion },
    { label: IMPORT_FIELDS.homePlace, value: p.homePlace },
    { label: IMPORT_FIELDS.commune, value: p.communeName ?? '' },
    { label: IMPORT_FIELDS.citizenId, value: p.citizenId ?? '' },
    { label: IMPORT_FIELDS.phone, value: p.phone },
    { label: IMPORT_FIELDS.workplace, value: p.workplace },
    { label: IMPORT_FIELDS.position, value: p.position },
    { label: IMPORT_FIELDS.educationLevel, value: p.educationLevel },
    { label: IMPORT_FIELDS.theoryLevel, value: p.theoryLevel ? THEORY_LEVEL_LABELS[p.theoryLevel] : '' },
    { label: IMPORT_FIELDS.partyStatus, value: p.partyStatus ? PARTY_STATUS_LABELS[p.partyStatus] : '' },
    { label: IMPORT_FIELDS.admissionDate, value: formatDate(p.admissionDate) },
    { label: IMPORT_FIELDS.confirmationDate, value: formatDate(p.confirmationDate) },
    { label: IMPORT_FIELDS.unit, value: p.unitName ?? '' },
    { label: IMPORT_FIELDS.partyCard, value: p.partyCard },
    { label: IMPORT_FIELDS.notes, value: p.notes },
    ...(p.mergedIntoId === null ? [] : [{ label: 'Đã gộp vào hồ sơ số', value: String(p.mergedIntoId) }]),
    { label: 'Hồ sơ lập lúc', value: formatDateTime(p.createdAt) },
    { label: 'Cập nhật lần cuối', value: formatDateTime(p.updatedAt) },
  ];
}

/** "Thôi học: chuyển công tác", "Điểm cầu: …": how the person stood in the class. */
export function enrolmentState(e: EnrolmentData): string[] {
  return [
    e.status === 'withdrawn'
      ? `Thôi học${e.withdrawReason ? `: ${e.withdrawReason}` : ''}`
      : e.classStatus === 'cancelled'
        ? 'Lớp đã hủy'
        : 'Có trong danh sách lớp',
    ...(e.site ? [`Điểm cầu: ${e.site}`] : []),
    ...(e.fitOverrideReason ? [`Học không đúng đối tượng, lý do: ${e.fitOverrideReason}`] : []),
  ];
}

export function attendanceLines(e: EnrolmentData): string[] {
  const a = e.attendance;
  if (a.sessions === 0) return ['Lớp chưa có lịch học'];
  return [
    `Có mặt ${formatNumber(a.present)}/${formatNumber(a.sessions)} buổi`,
    ...(a.excused || a.unexcused ? [`Vắng có phép ${formatNumber(a.excused)}, không phép ${formatNumber(a.unexcused)}`] : []),
    ...(a.unmarked ? [`Chưa điểm danh ${formatNumber(a.unmarked)} buổi`] : []),
  ];
}

export function scoreLines(e: EnrolmentData): string[] {
  return e.scores
    .filter((s) => s.first !== null || s.retake !== null)
    .map(
      (s) =>
        `${s.name}: ${s.first === null ? '' : formatScore(s.first)}${s.retake === null ? '' : ` (đánh giá lại ${formatScore(s.retake)})`}`,
    );
}

/** The result in words, the decision that recognised it (its number kept on one line), and why it fell short. */
function resultCell(e: EnrolmentData): string {
  const decision = e.decision
    ? [`<div>Quyết định số <span class="nowrap">${escapeHtml(e.decision.label)}</span> ngày ${formatDate(e.decision.date)}</div>`]
    : [];
  const rest = [...e.reasons, ...(e.discipline ? [`Kỷ luật${e.disciplineNote ? `: ${e.disciplineNote}` : ''}`] : [])];
  return `<td class="small"><div>${escapeHtml(e.result)}</div>${decision.join('')}${rest.map((l) => `<div>${escapeHtml(l)}</div>`).join('')}</td>`;
}

export function certificateState(c: CertificateData): string[] {
  return [
    CERTIFICATE_STATUS_LABELS[c.status] + (c.status === 'valid' && c.validUntil ? ` đến ${formatDate(c.validUntil)}` : ''),
    ...(c.statusReason ? [`Lý do: ${c.statusReason}`] : []),
    ...(c.replacedBySerial ? [`Cấp lại bằng giấy số ${c.replacedBySerial}`] : []),
    ...(c.replacesSerial ? [`Cấp lại thay giấy số ${c.replacesSerial}`] : []),
  ];
}

function addressing(p: Person): string {
  return p.sex === 'nam' ? 'ông' : p.sex === 'nu' ? 'bà' : 'ông (bà)';
}

/** Lines of one cell, each escaped; the first may be set apart (a class's name over its program). */
function linesCell(lines: string[], cls = '', firstClass = ''): string {
  const html = lines.map((l, i) => `<div${i === 0 && firstClass ? ` class="${firstClass}"` : ''}>${escapeHtml(l)}</div>`).join('');
  return `<td${cls ? ` class="${cls}"` : ''}>${html}</td>`;
}

const none = '<p class="none">Không có dữ liệu.</p>';

/** A numbered table of one part of the data, under its column widths and headings; an empty part says so. */
function numberedTable<T>(head: string, items: T[], cells: (item: T) => string): string {
  if (items.length === 0) return none;
  return `${head}
<tbody>
${items.map((item, i) => `<tr><td class="center">${i + 1}</td>${cells(item)}</tr>`).join('\n')}
</tbody></table>`;
}

function factsHtml(p: Person): string {
  const rows = personFacts(p).map((f) => `<tr><th scope="row">${escapeHtml(f.label)}</th><td>${escapeHtml(f.value)}</td></tr>`);
  return `<table class="grid facts"><colgroup><col class="c-label"><col></colgroup><tbody>
${rows.join('\n')}
</tbody></table>`;
}

const CLASSES_HEAD = `<table class="grid classes"><colgroup><col class="c-stt"><col><col class="c-dates"><col class="c-form"><col class="c-state"></colgroup>
<thead><tr><th>STT</th><th>Lớp học</th><th>Thời gian</th><th>Hình thức, tình trạng lớp</th><th>Học viên trong lớp</th></tr></thead>`;

const classCells = (e: EnrolmentData): string =>
  `${linesCell([e.className, `${e.programName} (${e.programCode})`], '', 'strong')}${linesCell([`${formatDate(e.startDate)} –`, formatDate(e.endDate)], 'center nowrap')}${linesCell([CLASS_FORM_LABELS[e.form], CLASS_STATUS_LABELS[e.classStatus]], 'small')}${linesCell(enrolmentState(e), 'small')}`;

const RESULTS_HEAD = `<table class="grid results"><colgroup><col class="c-stt"><col><col class="c-att"><col class="c-scores"><col class="c-final"><col class="c-grade"><col class="c-result"></colgroup>
<thead><tr><th>STT</th><th>Lớp học</th><th>Chuyên cần</th><th>Điểm thành phần</th><th>Điểm tổng kết</th><th>Xếp loại</th><th>Kết quả</th></tr></thead>`;

const resultCells = (e: EnrolmentData): string =>
  `${linesCell([e.className])}${linesCell(attendanceLines(e), 'small')}${linesCell(scoreLines(e), 'small')}<td class="center">${escapeHtml(e.finalTenths === null ? '' : formatScore(e.finalTenths))}</td><td class="center">${escapeHtml(e.classification ?? '')}</td>${resultCell(e)}`;

const CERTIFICATES_HEAD = `<table class="grid certs"><colgroup><col class="c-stt"><col class="c-serial"><col class="c-date"><col><col class="c-grade"><col class="c-cert-state"></colgroup>
<thead><tr><th>STT</th><th>Số giấy</th><th>Ngày cấp</th><th>Chương trình, lớp</th><th>Xếp loại</th><th>Tình trạng</th></tr></thead>`;

const certificateCells = (c: CertificateData): string =>
  `${linesCell([c.serial, `Vào sổ số ${c.registerNo}`], 'serial', 'strong')}<td class="center nowrap">${formatDate(c.issueDate)}</td>${linesCell([c.programName, c.className], 'small')}<td class="center">${escapeHtml(c.classification ?? '')}</td>${linesCell(certificateState(c), 'small')}`;

const AUDIT_HEAD = `<table class="grid log"><colgroup><col class="c-stt"><col class="c-when"><col class="c-who"><col class="c-what"><col></colgroup>
<thead><tr><th>STT</th><th>Thời điểm</th><th>Người thực hiện</th><th>Việc</th><th>Nội dung thay đổi</th></tr></thead>`;

function auditCells(a: PersonDataset['audit'][number]): string {
  const changes = [
    ...a.changes.map((c) => `<div>${escapeHtml(c)}</div>`),
    ...(a.reason ? [`<div class="reason">Lý do: ${escapeHtml(a.reason)}</div>`] : []),
  ].join('');
  return `${linesCell(formatDateTime(a.at).split(' '), 'center small nowrap')}<td class="small">${escapeHtml(a.actor)}</td>${linesCell([a.what, ...(a.subject ? [a.subject] : [])], 'small', 'strong')}<td class="small">${changes}</td>`;
}

export function buildPersonDataHtml(doc: PersonDataDoc): string {
  const { body, data } = doc;
  const p = data.person;
  // Results exist only for classes the person stayed in and that were held.
  const attended = data.enrolments.filter((e) => e.status === 'enrolled' && e.classStatus !== 'cancelled');
  const bodyHtml = `${partyHeaderHtml(body, { number: null, date: doc.date })}
<div class="doc-type">${PERSON_DATA_TITLE}</div>
<div class="doc-subject">của ${escapeHtml(addressing(p))} ${escapeHtml(p.fullName)}</div>
<div class="dashes">-----</div>
<p class="lead">${escapeHtml(body.centreName)} cung cấp toàn bộ dữ liệu cá nhân đang lưu giữ về ${escapeHtml(addressing(p))} ${escapeHtml(p.fullName)} đến ngày ${formatDate(doc.date)}, theo yêu cầu của chủ thể dữ liệu (${LAW_NOTE}).</p>
<h2>I. THÔNG TIN CÁ NHÂN</h2>
${factsHtml(p)}
<h2>II. CÁC LỚP ĐÃ THAM GIA (${formatNumber(data.enrolments.length)})</h2>
${numberedTable(CLASSES_HEAD, data.enrolments, classCells)}
<h2>III. KẾT QUẢ HỌC TẬP</h2>
${numberedTable(RESULTS_HEAD, attended, resultCells)}
<h2>IV. GIẤY CHỨNG NHẬN (${formatNumber(data.certificates.length)})</h2>
${numberedTable(CERTIFICATES_HEAD, data.certificates, certificateCells)}
<h2>V. NHẬT KÝ THAY ĐỔI DỮ LIỆU (${formatNumber(data.audit.length)})</h2>
${numberedTable(AUDIT_HEAD, data.audit, auditCells)}
${signatureBlockHtml(body)}`;
  return partyPage({ title: `Dữ liệu cá nhân - ${p.fullName}`, bodyHtml, orientation: 'portrait', extraCss: CSS });
}

// 165 mm across a portrait sheet.
const CSS = `
.doc-subject { text-wrap: balance; }
p.lead { margin: 2mm 0 3mm; }
h2 { font-size: 13pt; font-weight: bold; margin: 5mm 0 2mm; break-after: avoid; }
p.none { text-indent: 0; font-style: italic; }
.grid { font-size: 11.5pt; line-height: 1.2; }
.grid th, .grid td { padding: 2pt 3pt; }
.grid td.small { font-size: 10.5pt; }
.grid td.nowrap, .grid .nowrap { white-space: nowrap; }
.grid td.serial { font-size: 10.5pt; overflow-wrap: anywhere; }
.grid .strong { font-weight: bold; }
.grid .reason { font-style: italic; }
.facts th { text-align: left; font-weight: normal; vertical-align: top; }
.facts td { font-weight: bold; }
.c-label { width: 58mm; }
.c-stt { width: 9mm; }
.c-dates { width: 23mm; }
.c-form { width: 32mm; }
.c-state { width: 38mm; }
.c-att { width: 28mm; }
.c-scores { width: 26mm; }
.c-final { width: 14mm; }
.c-grade { width: 17mm; }
.c-result { width: 38mm; }
.c-serial { width: 30mm; }
.c-date { width: 22mm; }
.c-cert-state { width: 34mm; }
.c-when { width: 21mm; }
.c-who { width: 22mm; }
.c-what { width: 38mm; }
body > .signature { margin-top: 8mm; }
`;
