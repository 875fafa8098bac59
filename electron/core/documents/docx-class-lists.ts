import { attendanceSheets, ATTENDANCE_COLUMNS, type AttendanceSheetDoc } from './attendance-sheet';
import { classSummaryWording, scoreSheetWording, type ClassSummaryDoc, type ScoreSheetDoc } from './class-lists';
import { timetableWording, type TimetableDoc } from './class-timetable';
import { text, type Block, type Cell, type PartyDocumentModel } from './document-model';
import { centred, head, listDocument } from './docx-models';

/**
 * The class's working documents as Word files — timetable, attendance sheets, score sheet and class
 * summary — built from the same wording functions as their HTML pages. Column widths in millimetres
 * follow the PDF's, summing to the 165 mm (portrait) or 252 mm (landscape) between the margins.
 */

const WIDTH = { portrait: 165, landscape: 252 };

export function timetableModel(doc: TimetableDoc): PartyDocumentModel {
  const w = timetableWording(doc);
  const fixed = [26, 15, 0, 36, ...(w.showVenue ? [32] : [])];
  const widths = fixed.map((x, i) => (i === 2 ? WIDTH.portrait - fixed.reduce((a, b) => a + b, 0) : x));
  const rows = w.days.flatMap((day) =>
    day.sessions.map((s, i): Cell[] => [
      ...(i === 0 ? [{ text: `${day.weekday}\n${day.date}`, align: 'center' as const, rowSpan: day.sessions.length }] : []),
      { text: s.half, align: 'center' },
      { text: s.title },
      { text: s.lecturer },
      ...(w.showVenue ? [{ text: s.venue }] : []),
    ]),
  );
  return listDocument(doc, 'portrait', w.title, [
    centred(w.subject, { bold: true }),
    centred(w.program),
    centred(w.dates, { italic: true }),
    ...(w.venue ? [centred(w.venue)] : []),
    { kind: 'table', size: 12, widths, head: [w.columns.map((c) => head(c))], rows },
    { kind: 'closing', recipients: w.recipients },
  ]);
}

export function attendanceModel(doc: AttendanceSheetDoc): PartyDocumentModel {
  const { orientation, sheets } = attendanceSheets(doc);
  const c = ATTENDANCE_COLUMNS;
  // Name and unit get more room across a landscape week; the boxes share what is left.
  const [name, unit] = doc.layout === 'day' ? [44, 32] : [50, 40];
  const blocks = sheets.flatMap((sheet, index): Block[] => {
    const box = (WIDTH[orientation] - 11 - name - unit - 18) / sheet.count;
    const rowSpan = sheet.subHeads ? 2 : undefined;
    const top: Cell[] = [
      head(c.stt, { rowSpan }),
      head(c.name, { rowSpan }),
      head(c.unit, { rowSpan }),
      ...sheet.heads.map((h): Cell => ({
        text: h.sub ? `${h.label}\n${h.sub}` : h.label,
        colSpan: h.span > 1 ? h.span : undefined,
        note: h.topic,
        noteSize: 8.5,
        size: 11,
      })),
      head(c.note, { rowSpan }),
    ];
    return [
      ...(index > 0 ? [{ kind: 'sheet' } as const] : []),
      centred(sheet.title, { bold: true, size: 15 }),
      centred(doc.className, { bold: true }),
      {
        kind: 'table',
        size: 12,
        rowHeight: 10,
        widths: [11, name, unit, ...Array<number>(sheet.count).fill(box), 18],
        head: [
          [{ text: sheet.caption, colSpan: 4 + sheet.count, borderless: true }],
          top,
          ...(sheet.subHeads ? [sheet.subHeads.map((h) => head(h, { size: 11 }))] : []),
        ],
        rows: sheet.learners.map((l, i): Cell[] => [
          { text: String(i + 1), align: 'center' },
          { text: l.fullName },
          { text: l.unitName ?? '', size: 10.5 },
          ...Array.from({ length: sheet.count + 1 }, () => ({ text: '' })),
        ]),
      },
    ];
  });
  // The sheet is a form filled in over the days it covers, not a dated letter.
  return { body: doc.body, number: null, date: '', dateLine: false, orientation, blocks };
}

export function scoreSheetModel(doc: ScoreSheetDoc): PartyDocumentModel {
  const w = scoreSheetWording(doc);
  const portrait = w.orientation === 'portrait';
  const fixed = portrait ? [11, 46, ...w.components.map(() => 19), 19, 25, 15] : [11, 55, ...w.components.map(() => 27), 21, 25, 18];
  const widths = [...fixed, WIDTH[w.orientation] - fixed.reduce((a, b) => a + b, 0)];
  return listDocument(doc, w.orientation, w.title, [
    centred(doc.className, { bold: true }),
    ...(w.sessionsLine ? [centred(w.sessionsLine, { italic: true })] : []),
    {
      kind: 'table',
      size: 12,
      widths,
      head: [
        [
          ...w.before.map((h) => head(h, { size: 11.5 })),
          ...w.components.map((c) => head(c.name, { size: 11.5, note: c.weight ?? undefined })),
          ...w.after.map((h) => head(h, { size: 11.5 })),
        ],
      ],
      rows: w.rows.map((r, i): Cell[] => [
        { text: String(i + 1), align: 'center' },
        { text: r.fullName },
        ...r.scores.map((sc): Cell => ({ text: sc.first, align: 'center', note: sc.retake ?? undefined })),
        { text: r.final, align: 'center' },
        { text: r.classification, align: 'center' },
        { text: r.absent, align: 'center' },
        { text: r.note, size: 10.5 },
      ]),
    },
    { kind: 'paragraph', align: 'left', italic: true, runs: [text(w.tally)] },
    { kind: 'signature' },
  ]);
}

export function classSummaryModel(doc: ClassSummaryDoc): PartyDocumentModel {
  const w = classSummaryWording(doc);
  const tables = w.breakdowns.map((b, i): Block[] => [
    // The PDF leaves 5 mm between rows of tallies.
    { kind: 'paragraph', align: 'left', bold: true, runs: [text(b.title)], spaceBefore: i > 1 ? 12 : undefined },
    {
      kind: 'table',
      size: 12.5,
      // Two tallies side by side with a 6 mm gap; the label takes what the numbers leave.
      widths: [(WIDTH.portrait - 6) / 2 - 37, 19, 18],
      head: [w.columns.map((c) => head(c, { size: 11.5 }))],
      rows: b.rows.map((r): Cell[] => [
        { text: r.label, bold: r.sum },
        { text: r.count, align: 'center', bold: r.sum },
        { text: r.ratio, align: 'center', bold: r.sum },
      ]),
    },
  ]);
  // Two tallies a row, as on the PDF.
  const pairs: Block[] = [];
  for (let i = 0; i < tables.length; i += 2) pairs.push({ kind: 'columns', gap: 6, columns: [tables[i]!, tables[i + 1] ?? []] });
  return listDocument(doc, 'portrait', w.title, [
    centred(w.subject, { bold: true }),
    centred(w.totalLine, { italic: true }),
    ...pairs,
    { kind: 'signature' },
  ]);
}
