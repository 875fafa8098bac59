import { addDays, HALF_LABELS, weekday, weekdayName, type Half } from '../../../shared/domain/days';
import { formatDate } from '../../../shared/domain/format';
import { upperVi } from '../../../shared/domain/text';
import { cell, LIST_CSS, titleHtml } from './list-parts';
import { escapeHtml, partyPage, type IssuingBody, type Orientation } from './party-document';

/** Attendance sheets the learners sign: a sheet per teaching day, or a week per landscape sheet. */

export interface AttendanceSession {
  id: number;
  date: string;
  half: Half;
  title: string;
}

export interface AttendanceSheetDoc {
  body: IssuingBody;
  className: string;
  /** 'day': a sheet per teaching day, Sáng and Chiều; 'week': a sheet per Monday–Sunday week, a box per session. */
  layout: 'day' | 'week';
  sessions: AttendanceSession[];
  learners: { fullName: string; unitName: string | null }[];
  /** Online classes: a set of sheets per connected site, each listing the learners there. */
  sites?: { name: string; learners: { fullName: string; unitName: string | null }[] }[];
}

const HALF_ORDER: Record<Half, number> = { sang: 0, chieu: 1 };
const SHORT_HALF: Record<Half, string> = { sang: 'S', chieu: 'C' };

function sortSessions(sessions: AttendanceSession[]): AttendanceSession[] {
  return [...sessions].sort((a, b) => a.date.localeCompare(b.date) || HALF_ORDER[a.half] - HALF_ORDER[b.half]);
}

function groupBy(sessions: AttendanceSession[], key: (s: AttendanceSession) => string): AttendanceSession[][] {
  const groups: AttendanceSession[][] = [];
  let lastKey: string | null = null;
  for (const s of sortSessions(sessions)) {
    const k = key(s);
    if (k === lastKey) groups[groups.length - 1]!.push(s);
    else groups.push([s]);
    lastKey = k;
  }
  return groups;
}

const mondayOf = (iso: string): string => addDays(iso, -((weekday(iso) + 6) % 7));

/** Without a date line: the sheet is a form filled in over the days it covers, not a dated letter. */
function formHeaderHtml(body: IssuingBody): string {
  return `<table class="party-header" role="presentation"><tr>
<td class="issuer"><div>${escapeHtml(upperVi(body.superior))}</div><div class="issuer-name">${escapeHtml(upperVi(body.centreName))}</div><div class="star">*</div></td>
<td class="party"><div><span class="party-name">ĐẢNG CỘNG SẢN VIỆT NAM</span></div></td>
</tr></table>`;
}

/** A signature column's head: "Sáng" over the topic (a day's sheet), or "T2" over "09/02" spanning its sessions (a week's). */
export interface SignHead {
  label: string;
  /** The second line: the date under a short weekday. */
  sub?: string;
  /** The session's topic, small and italic. */
  topic?: string;
  span: number;
}

/** One sheet to sign: a teaching day or a week, for one connected site (or the whole class). */
export interface AttendanceSheet {
  title: string;
  /** The line naming the site and the day or the week, repeated above the columns on every page. */
  caption: string;
  heads: SignHead[];
  /** The week's second header row: "S" / "C" under each day. */
  subHeads: string[] | null;
  /** How many boxes each learner signs. */
  count: number;
  learners: SheetLearner[];
}

const SHEET_TITLE = { day: 'DANH SÁCH HỌC VIÊN KÝ TÊN', week: 'BẢNG ĐIỂM DANH' };
/** The columns around the signature boxes. */
export const ATTENDANCE_COLUMNS = { stt: 'STT', name: 'Họ và tên', unit: 'Đơn vị', note: 'Ghi chú' };

function daySheet(day: AttendanceSession[]): Pick<AttendanceSheet, 'caption' | 'heads' | 'subHeads' | 'count'> {
  const date = day[0]!.date;
  return {
    caption: `${weekdayName(date)}, ngày ${formatDate(date)}`,
    heads: day.map((s) => ({ label: HALF_LABELS[s.half], topic: s.title, span: 1 })),
    subHeads: null,
    count: day.length,
  };
}

const SHORT_WEEKDAY = ['CN', 'T2', 'T3', 'T4', 'T5', 'T6', 'T7'];

function weekSheet(week: AttendanceSession[]): Pick<AttendanceSheet, 'caption' | 'heads' | 'subHeads' | 'count'> {
  const first = week[0]!.date;
  const last = week[week.length - 1]!.date;
  return {
    caption: `Từ ${weekdayName(first)}, ngày ${formatDate(first)} đến ${weekdayName(last)}, ngày ${formatDate(last)}`,
    // Short weekday over dd/MM: the full date would need a column too wide to leave room for names.
    heads: groupBy(week, (s) => s.date).map((d) => ({
      label: SHORT_WEEKDAY[weekday(d[0]!.date)]!,
      sub: formatDate(d[0]!.date).slice(0, 5),
      span: d.length,
    })),
    subHeads: week.map((s) => SHORT_HALF[s.half]),
    count: week.length,
  };
}

type SheetLearner = AttendanceSheetDoc['learners'][number];

/**
 * The sheets' wording and layout, shared by the HTML page and the Word file (docx-class-lists.ts) so
 * that both say the same: every site's set of sheets, a sheet per day or per week. Plain text.
 */
export function attendanceSheets(doc: AttendanceSheetDoc): { orientation: Orientation; sheets: AttendanceSheet[] } {
  const groups = doc.layout === 'day' ? groupBy(doc.sessions, (s) => s.date) : groupBy(doc.sessions, (s) => mondayOf(s.date));
  const parts: { site: string | null; learners: SheetLearner[] }[] = doc.sites?.length
    ? doc.sites.map((x) => ({ site: x.name, learners: x.learners }))
    : [{ site: null, learners: doc.learners }];
  const sheets = parts.flatMap((part) =>
    groups.map((g): AttendanceSheet => {
      const cols = doc.layout === 'day' ? daySheet(g) : weekSheet(g);
      return {
        ...cols,
        title: SHEET_TITLE[doc.layout],
        caption: `${part.site ? `${part.site} — ` : ''}${cols.caption}`,
        learners: part.learners,
      };
    }),
  );
  // A week of up to fourteen boxes only fits across a landscape sheet; a day's two boxes fit a portrait one.
  return { orientation: doc.layout === 'day' ? 'portrait' : 'landscape', sheets };
}

function attendancePageHtml(doc: AttendanceSheetDoc, sheet: AttendanceSheet, first: boolean): string {
  const span = 4 + sheet.count;
  const rowspan = sheet.subHeads ? ' rowspan="2"' : '';
  const blanks = '<td class="sign"></td>'.repeat(sheet.count);
  const rows = sheet.learners.map(
    (l, i) => `<tr><td class="center">${i + 1}</td>${cell(l.fullName)}${cell(l.unitName, 'unit')}${blanks}<td></td></tr>`,
  );
  const heads = sheet.heads
    .map((h) => {
      const colspan = h.span > 1 ? ` colspan="${h.span}"` : '';
      const sub = h.sub ? `<br>${escapeHtml(h.sub)}` : '';
      const topic = h.topic === undefined ? '' : `<div class="topic">${escapeHtml(h.topic)}</div>`;
      return `<th class="sign-head"${colspan}>${escapeHtml(h.label)}${sub}${topic}</th>`;
    })
    .join('');
  const c = ATTENDANCE_COLUMNS;
  return `<section${first ? '' : ' class="page-break"'}>
${formHeaderHtml(doc.body)}
${titleHtml(sheet.title, doc.className)}
<table class="grid attendance ${doc.layout}">
<colgroup><col class="c-stt"><col class="c-name"><col class="c-unit">${'<col>'.repeat(sheet.count)}<col class="c-note"></colgroup>
<thead>
<tr class="caption"><th colspan="${span}">${escapeHtml(sheet.caption)}</th></tr>
<tr><th${rowspan}>${c.stt}</th><th${rowspan}>${c.name}</th><th${rowspan}>${c.unit}</th>${heads}<th${rowspan}>${c.note}</th></tr>
${sheet.subHeads ? `<tr>${sheet.subHeads.map((h) => `<th class="sign-head">${h}</th>`).join('')}</tr>` : ''}
</thead>
<tbody>
${rows.join('\n')}
</tbody>
</table>
</section>`;
}

export function buildAttendanceSheetHtml(doc: AttendanceSheetDoc): string {
  const { orientation, sheets } = attendanceSheets(doc);
  const pages = sheets.map((sheet, i) => attendancePageHtml(doc, sheet, i === 0));
  const title = doc.layout === 'day' ? 'Danh sách học viên ký tên' : 'Bảng điểm danh';
  return partyPage({ title: `${title} - ${doc.className}`, bodyHtml: pages.join('\n'), orientation, extraCss: LIST_CSS + ATTENDANCE_CSS });
}

// The topic under "Sáng"/"Chiều" only tells the signers which session a box is for (the timetable
// has it in full), so it is cut at three lines rather than letting a long title push rows off the sheet.
const ATTENDANCE_CSS = `
.party-header { margin-bottom: 3mm; }
.attendance { font-size: 12pt; }
.attendance th { font-size: 11.5pt; }
.attendance .caption th { border: none; font-size: 13pt; text-align: center; padding: 0 0 2mm; }
.attendance .sign-head { font-size: 11pt; line-height: 1.15; padding: 2pt 1pt; }
.attendance .topic { font-size: 8.5pt; font-weight: normal; font-style: italic; line-height: 1.15; margin-top: 1pt;
  display: -webkit-box; -webkit-box-orient: vertical; -webkit-line-clamp: 3; overflow: hidden; }
.attendance tbody td { height: 10mm; padding-top: 1pt; padding-bottom: 1pt; }
.attendance td.unit { font-size: 10.5pt; line-height: 1.15; }
.c-name { width: 44mm; }
.c-unit { width: 32mm; }
.c-note { width: 18mm; }
.week .c-name { width: 50mm; }
.week .c-unit { width: 40mm; }
`;
