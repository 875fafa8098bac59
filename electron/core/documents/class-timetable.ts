import { HALF_LABELS, weekdayName, type Half } from '../../../shared/domain/days';
import { formatDate } from '../../../shared/domain/format';
import { closingHtml, escapeHtml, partyHeaderHtml, partyPage, type IssuingBody } from './party-document';

export interface TimetableSession {
  date: string;
  half: Half;
  title: string;
  lecturerName: string | null;
  venueName: string | null;
}

export interface TimetableDoc {
  body: IssuingBody;
  /** The document's own date (the date line), ISO. */
  date: string;
  /** "Lớp bồi dưỡng nhận thức về Đảng khóa I năm 2026". */
  className: string;
  programName: string;
  startDate: string;
  endDate: string;
  venueName: string | null;
  sessions: TimetableSession[];
}

const HALF_ORDER: Record<Half, number> = { sang: 0, chieu: 1 };

/** "Thứ Hai" over "02/03/2026": the break is placed, not left to a narrow column. */
function dayCellHtml(iso: string): string {
  return `${escapeHtml(weekdayName(iso))}<br>${formatDate(iso)}`;
}

function groupByDay(sessions: TimetableSession[]): TimetableSession[][] {
  const sorted = [...sessions].sort((a, b) => a.date.localeCompare(b.date) || HALF_ORDER[a.half] - HALF_ORDER[b.half]);
  const days: TimetableSession[][] = [];
  for (const s of sorted) {
    const last = days[days.length - 1];
    if (last && last[0]!.date === s.date) last.push(s);
    else days.push([s]);
  }
  return days;
}

export function buildTimetableHtml(doc: TimetableDoc): string {
  const venueOf = (s: TimetableSession) => s.venueName ?? doc.venueName ?? '';
  // The venue column is noise when the whole class sits in one hall: the line above the table says it.
  const showVenue = new Set(doc.sessions.map(venueOf)).size > 1;

  // One tbody a day, so a morning and its afternoon never land on different sheets.
  const days = groupByDay(doc.sessions).map((day) => {
    const rows = day.map((s, i) => {
      const dayCell = i === 0 ? `<td class="day" rowspan="${day.length}">${dayCellHtml(s.date)}</td>` : '';
      const venueCell = showVenue ? `<td>${escapeHtml(venueOf(s))}</td>` : '';
      return `<tr>${dayCell}<td class="half">${HALF_LABELS[s.half]}</td><td>${escapeHtml(s.title)}</td><td>${escapeHtml(s.lecturerName ?? '')}</td>${venueCell}</tr>`;
    });
    return `<tbody class="keep">${rows.join('')}</tbody>`;
  });

  const venueLine = doc.venueName ? `<div class="tt-venue">Địa điểm: ${escapeHtml(doc.venueName)}</div>` : '';
  const table = `<table class="grid timetable">
<colgroup><col class="c-day"><col class="c-half"><col><col class="c-lecturer">${showVenue ? '<col class="c-venue">' : ''}</colgroup>
<thead><tr><th>Ngày</th><th>Buổi</th><th>Nội dung</th><th>Giảng viên</th>${showVenue ? '<th>Địa điểm</th>' : ''}</tr></thead>
${days.join('\n')}
</table>`;

  const bodyHtml = `${partyHeaderHtml(doc.body, { number: null, date: doc.date })}
<div class="doc-type">LỊCH HỌC</div>
<div class="doc-subject">${escapeHtml(doc.className)}</div>
<div class="tt-program">Chương trình: ${escapeHtml(doc.programName)}</div>
<div class="tt-dates">(Từ ngày ${formatDate(doc.startDate)} đến ngày ${formatDate(doc.endDate)})</div>
${venueLine}
${table}
${closingHtml(doc.body, ['Giảng viên', 'Học viên', 'Lưu VP'])}`;

  return partyPage({ title: `Lịch học - ${doc.className}`, bodyHtml, orientation: 'portrait', extraCss: TIMETABLE_CSS });
}

const TIMETABLE_CSS = `
.tt-program, .tt-dates, .tt-venue { text-align: center; }
.tt-dates { font-style: italic; }
.timetable { margin-top: 4mm; font-size: 12pt; }
.timetable .day, .timetable .half { text-align: center; vertical-align: middle; }
.c-day { width: 26mm; }
.c-half { width: 15mm; }
.c-lecturer { width: 36mm; }
.c-venue { width: 32mm; }
`;
