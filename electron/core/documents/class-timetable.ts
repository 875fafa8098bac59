import { HALF_LABELS, weekdayName, type Half } from '../../../shared/domain/days';
import { formatDate } from '../../../shared/domain/format';
import { closingHtml, escapeHtml, partyHeaderHtml, partyPage, type ClassPaper } from './party-document';

export interface TimetableSession {
  date: string;
  half: Half;
  title: string;
  lecturerName: string | null;
  venueName: string | null;
}

export interface TimetableDoc extends ClassPaper {
  venueName: string | null;
  sessions: TimetableSession[];
}

const HALF_ORDER: Record<Half, number> = { sang: 0, chieu: 1 };

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

/**
 * The timetable's wording, shared by the HTML page and the Word file (docx-class-lists.ts) so that
 * both say the same. Plain text: the HTML escapes it.
 */
export function timetableWording(doc: TimetableDoc) {
  const venueOf = (s: TimetableSession) => s.venueName ?? doc.venueName ?? '';
  // The venue column is noise when the whole class sits in one hall: the line above the table says it.
  const showVenue = new Set(doc.sessions.map(venueOf)).size > 1;
  return {
    title: 'LỊCH HỌC',
    subject: doc.className,
    program: `Chương trình: ${doc.programName}`,
    dates: `(Từ ngày ${formatDate(doc.startDate)} đến ngày ${formatDate(doc.endDate)})`,
    venue: doc.venueName ? `Địa điểm: ${doc.venueName}` : null,
    showVenue,
    columns: ['Ngày', 'Buổi', 'Nội dung', 'Giảng viên', ...(showVenue ? ['Địa điểm'] : [])],
    /** A day's sessions, morning first; the day ("Thứ Hai" over "02/03/2026") is placed, not left to a narrow column. */
    days: groupByDay(doc.sessions).map((day) => ({
      weekday: weekdayName(day[0]!.date),
      date: formatDate(day[0]!.date),
      sessions: day.map((s) => ({ half: HALF_LABELS[s.half], title: s.title, lecturer: s.lecturerName ?? '', venue: venueOf(s) })),
    })),
    recipients: ['Giảng viên', 'Học viên', 'Lưu VP'],
  };
}

export function buildTimetableHtml(doc: TimetableDoc): string {
  const w = timetableWording(doc);
  // One tbody a day, so a morning and its afternoon never land on different sheets.
  const days = w.days.map((day) => {
    const rows = day.sessions.map((s, i) => {
      const dayCell = i === 0 ? `<td class="day" rowspan="${day.sessions.length}">${escapeHtml(day.weekday)}<br>${day.date}</td>` : '';
      const venueCell = w.showVenue ? `<td>${escapeHtml(s.venue)}</td>` : '';
      return `<tr>${dayCell}<td class="half">${s.half}</td><td>${escapeHtml(s.title)}</td><td>${escapeHtml(s.lecturer)}</td>${venueCell}</tr>`;
    });
    return `<tbody class="keep">${rows.join('')}</tbody>`;
  });

  const venueLine = w.venue ? `<div class="tt-venue">${escapeHtml(w.venue)}</div>` : '';
  const table = `<table class="grid timetable">
<colgroup><col class="c-day"><col class="c-half"><col><col class="c-lecturer">${w.showVenue ? '<col class="c-venue">' : ''}</colgroup>
<thead><tr>${w.columns.map((c) => `<th>${c}</th>`).join('')}</tr></thead>
${days.join('\n')}
</table>`;

  const bodyHtml = `${partyHeaderHtml(doc.body, { number: null, date: doc.date })}
<div class="doc-type">${w.title}</div>
<div class="doc-subject">${escapeHtml(w.subject)}</div>
<div class="tt-program">${escapeHtml(w.program)}</div>
<div class="tt-dates">${w.dates}</div>
${venueLine}
${table}
${closingHtml(doc.body, w.recipients)}`;

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
