import { addDays, HALF_LABELS, weekday, weekdayName, type Half } from '../../../shared/domain/days';
import { formatDate } from '../../../shared/domain/format';
import { upperVi } from '../../../shared/domain/text';
import { cell, LIST_CSS, titleHtml } from './class-lists';
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

interface SheetColumns {
  /** The line naming the day or the week, repeated above the columns on every sheet. */
  caption: string;
  /** Header rows' cells for the signature columns (first row, then an optional second row). */
  headTop: string;
  headSub: string | null;
  colgroup: string;
  count: number;
}

function dayColumns(day: AttendanceSession[]): SheetColumns {
  const date = day[0]!.date;
  return {
    caption: `${weekdayName(date)}, ngày ${formatDate(date)}`,
    headTop: day
      .map((s) => `<th class="sign-head">${HALF_LABELS[s.half]}<div class="topic">${escapeHtml(s.title)}</div></th>`)
      .join(''),
    headSub: null,
    colgroup: day.map(() => '<col>').join(''),
    count: day.length,
  };
}

const SHORT_WEEKDAY = ['CN', 'T2', 'T3', 'T4', 'T5', 'T6', 'T7'];

function weekColumns(week: AttendanceSession[]): SheetColumns {
  const first = week[0]!.date;
  const last = week[week.length - 1]!.date;
  const days = groupBy(week, (s) => s.date);
  return {
    caption: `Từ ${weekdayName(first)}, ngày ${formatDate(first)} đến ${weekdayName(last)}, ngày ${formatDate(last)}`,
    // Short weekday over dd/MM: the full date would need a column too wide to leave room for names.
    headTop: days
      .map((d) => `<th class="sign-head" colspan="${d.length}">${SHORT_WEEKDAY[weekday(d[0]!.date)]}<br>${formatDate(d[0]!.date).slice(0, 5)}</th>`)
      .join(''),
    headSub: week.map((s) => `<th class="sign-head">${SHORT_HALF[s.half]}</th>`).join(''),
    colgroup: week.map(() => '<col>').join(''),
    count: week.length,
  };
}

type SheetLearner = AttendanceSheetDoc['learners'][number];

function attendancePageHtml(doc: AttendanceSheetDoc, learners: SheetLearner[], site: string | null, cols: SheetColumns, first: boolean): string {
  const title = doc.layout === 'day' ? 'DANH SÁCH HỌC VIÊN KÝ TÊN' : 'BẢNG ĐIỂM DANH';
  const span = 4 + cols.count;
  const rowspan = cols.headSub ? ' rowspan="2"' : '';
  const blanks = '<td class="sign"></td>'.repeat(cols.count);
  const rows = learners.map(
    (l, i) => `<tr><td class="center">${i + 1}</td>${cell(l.fullName)}${cell(l.unitName, 'unit')}${blanks}<td></td></tr>`,
  );
  return `<section${first ? '' : ' class="page-break"'}>
${formHeaderHtml(doc.body)}
${titleHtml(title, doc.className)}
<table class="grid attendance ${doc.layout}">
<colgroup><col class="c-stt"><col class="c-name"><col class="c-unit">${cols.colgroup}<col class="c-note"></colgroup>
<thead>
<tr class="caption"><th colspan="${span}">${site ? `${escapeHtml(site)} — ` : ''}${escapeHtml(cols.caption)}</th></tr>
<tr><th${rowspan}>STT</th><th${rowspan}>Họ và tên</th><th${rowspan}>Đơn vị</th>${cols.headTop}<th${rowspan}>Ghi chú</th></tr>
${cols.headSub ? `<tr>${cols.headSub}</tr>` : ''}
</thead>
<tbody>
${rows.join('\n')}
</tbody>
</table>
</section>`;
}

export function buildAttendanceSheetHtml(doc: AttendanceSheetDoc): string {
  const groups = doc.layout === 'day' ? groupBy(doc.sessions, (s) => s.date) : groupBy(doc.sessions, (s) => mondayOf(s.date));
  const parts: { site: string | null; learners: SheetLearner[] }[] = doc.sites?.length
    ? doc.sites.map((x) => ({ site: x.name, learners: x.learners }))
    : [{ site: null, learners: doc.learners }];
  const pages = parts.flatMap((part, p) =>
    groups.map((g, i) => attendancePageHtml(doc, part.learners, part.site, doc.layout === 'day' ? dayColumns(g) : weekColumns(g), p === 0 && i === 0)),
  );
  const title = doc.layout === 'day' ? 'Danh sách học viên ký tên' : 'Bảng điểm danh';
  // A week of up to fourteen boxes only fits across a landscape sheet; a day's two boxes fit a portrait one.
  const orientation: Orientation = doc.layout === 'day' ? 'portrait' : 'landscape';
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
