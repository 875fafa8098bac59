import type { Figures, Report } from '../../../shared/contract/reports';
import { formatDate, formatNumber, formatPercent } from '../../../shared/domain/format';
import { programShortName } from '../../../shared/domain/program-label';
import {
  classificationBaseText,
  classificationColumns,
  compositionColumns,
  gradedCount,
  shareText,
  UNITS_NOTE,
  type BreakdownColumn,
} from '../../../shared/domain/report-breakdown';
import { superiorInText, type IssuingBody } from './party-document';

/**
 * The yearly report's content — headings, sentences, tables as plain text cells — shared by the HTML
 * page (report.ts) and the Word file (docx-report.ts) so that both say the same.
 */

export interface ReportDoc {
  body: IssuingBody;
  date: string;
  report: Report;
}

export interface ReportCell {
  /** A '\n' breaks the line. */
  text: string;
  align: 'left' | 'right' | 'center';
  /** The total's row, in bold. */
  sum?: boolean;
  /** The previous period's row under a program's, in smaller italics. */
  prev?: boolean;
  /** "(50,0%)" after the count, kept whole when the cell wraps. */
  share?: string;
}

export interface ReportColumn {
  header: string;
  /** Columns side by side with the same group share one heading cell above theirs. */
  group?: string;
  /** Percent of the line. */
  width: number;
}

export type ReportPiece =
  | { kind: 'heading'; text: string }
  | { kind: 'paragraph'; text: string }
  | { kind: 'note'; text: string }
  /** Rows grouped in bodies: a program's row and its previous period's under it never part across pages. */
  | { kind: 'table'; columns: ReportColumn[]; bodies: ReportCell[][][] }
  | { kind: 'gap' }
  /** The bar charts: SVG on the PDF. */
  | { kind: 'charts' };

const n = (v: number) => formatNumber(v);
const num = (text: string): ReportCell => ({ text, align: 'right' });
const name = (text: string): ReportCell => ({ text, align: 'left' });

/** The total never stands alone at the top of a page: it keeps the last row with it. */
function totalWithLast(bodies: ReportCell[][][]): ReportCell[][][] {
  if (bodies.length < 2) return bodies;
  return [...bodies.slice(0, -2), [...bodies[bodies.length - 2]!, ...bodies[bodies.length - 1]!]];
}

const asSum = (cells: ReportCell[]) => cells.map((c) => ({ ...c, sum: true }));

function programRows(report: Report, cells: (f: Figures, prev: Figures) => ReportCell[]): ReportCell[][][] {
  return totalWithLast([
    ...report.programs.map((p) => [[name(p.name), ...cells(p.current, p.previous)]]),
    [asSum([name('Cộng'), ...cells(report.total.current, report.total.previous)])],
  ]);
}

type Named = { name: string; current: Figures; previous: Figures };

/** Each program's row, and under it in italics the same figures of the previous period. */
function withPreviousRows(report: Report, programs: Named[], cells: (f: Figures) => ReportCell[]): ReportCell[][][] {
  const rows = [...programs, { name: 'Cộng', ...report.total }];
  return totalWithLast(
    rows.map((p, i) => {
      const main = [name(p.name), ...cells(p.current)];
      const prev = [name(report.previous.label), ...cells(p.previous)].map((c) => ({ ...c, prev: true }));
      return [i === rows.length - 1 ? asSum(main) : main, prev];
    }),
  );
}

/** "60 (50,0%)": count and share. */
function countShare(c: BreakdownColumn, f: Figures): ReportCell {
  const base = c.base(f);
  const count = c.count(f);
  return base > 0 ? { ...num(n(count)), share: `(${shareText(count, base)})` } : num(n(count));
}

const pct = (value: number) => Number(value.toFixed(2));

export function reportContent(doc: ReportDoc) {
  const r = doc.report;
  const cur = r.period.label,
    prev = r.previous.label;
  const planShare = (f: Figures) => (f.planned > 0 ? formatPercent(f.opened / f.planned, 2) : '—');
  const table = (columns: ReportColumn[], bodies: ReportCell[][][]): ReportPiece => ({ kind: 'table', columns, bodies });
  const overview = table(
    [
      { header: 'Chương trình', width: 27 },
      { group: 'Số lớp', header: 'Kế hoạch', width: 7 },
      { group: 'Số lớp', header: 'Đã mở', width: 7 },
      { group: 'Số lớp', header: '% kế hoạch', width: 8.5 },
      { group: 'Lượt học viên', header: 'Học', width: 7.5 },
      { group: 'Lượt học viên', header: 'Hoàn thành', width: 8.5 },
      { group: 'Lượt học viên', header: 'Cấp GCN', width: 7.5 },
      { header: 'Số người', width: 8 },
      { group: prev, header: 'Lớp mở', width: 8 },
      { group: prev, header: 'Lượt học viên', width: 11 },
    ],
    programRows(r, (f, p) =>
      [f.planned, f.opened]
        .map((v) => num(n(v)))
        .concat([num(planShare(f)), ...[f.enrollments, f.completed, f.certified, f.people, p.opened, p.enrollments].map((v) => num(n(v)))]),
    ),
  );
  const breakdownTable = (columns: BreakdownColumn[], programs: Named[], first: { header: string; value: (f: Figures) => number }) =>
    table(
      [
        { header: 'Chương trình', width: 22 },
        { header: first.header, width: 8 },
        ...columns.map((c) => ({ group: c.group, header: c.header, width: pct(70 / columns.length) })),
      ],
      withPreviousRows(r, programs, (f) => [num(n(first.value(f))), ...columns.map((c) => countShare(c, f))]),
    );
  const composition = compositionColumns(r.ageBands);
  const ageStart = composition.findIndex((c) => c.group === 'Độ tuổi');
  const enrolled = { header: 'Lượt học viên', value: (f: Figures) => f.enrollments };
  const graded = r.programs.filter((p) => gradedCount(p.current) + gradedCount(p.previous) > 0);
  const classification: ReportPiece[] = r.classificationLabels.length
    ? [
        breakdownTable(classificationColumns(r.classificationLabels), graded, { header: 'Hoàn thành có xếp loại', value: gradedCount }),
        { kind: 'note', text: classificationBaseText(r.total.current) },
      ]
    : [{ kind: 'paragraph', text: 'Các chương trình trong kỳ không xếp loại.' }];
  // Per program (by its short name) for the period, then the period's total and the previous one's.
  const places = (title: string, rows: { name: string; current: number; previous: number; byProgram: Record<string, number> }[]) =>
    table(
      [
        { header: title, width: 26 },
        ...r.programs.map((p) => ({
          group: 'Lượt học viên theo chương trình',
          header: programShortName(p.name),
          width: pct(56 / r.programs.length),
        })),
        { header: `Cộng ${cur}`, width: 9 },
        { header: prev, width: 9 },
      ],
      rows.map((x) => [
        [name(x.name), ...r.programs.map((p) => num(n(x.byProgram[String(p.programId)] ?? 0))), num(n(x.current)), num(n(x.previous))],
      ]),
    );
  const lecturers: ReportPiece = r.lecturers.length
    ? table(
        [
          { header: 'Giảng viên', width: 40 },
          ...['Số tiết', 'Định mức', '% định mức', `Số tiết ${prev}`].map((header) => ({ header, width: 15 })),
        ],
        r.lecturers.map((l) => [
          [
            name(l.name),
            num(n(l.periods)),
            num(l.norm === null ? '—' : n(l.norm)),
            num(l.percent === null ? '—' : formatPercent(l.percent / 100, 1)),
            num(n(l.previousPeriods)),
          ],
        ]),
      )
    : { kind: 'paragraph', text: 'Không có buổi giảng nào được phân công trong kỳ.' };
  const amendments: ReportPiece[] = r.amendments.length
    ? [
        { kind: 'heading', text: 'VI. ĐIỀU CHỈNH SỐ LIỆU CÁC NĂM ĐÃ KHÓA SỔ' },
        table(
          (
            [
              ['Năm', 7],
              ['Chương trình', 25],
              ['Chỉ tiêu', 16],
              ['Đã báo cáo', 10],
              ['Nay là', 10],
              ['Lý do', 32],
            ] as const
          ).map(([header, width]) => ({ header, width })),
          r.amendments.map((a) => [
            [
              { text: String(a.year), align: 'center' },
              name(a.program),
              name(a.figure),
              num(n(a.before)),
              num(n(a.after)),
              name(a.reasons.join('\n') || 'Không ghi lý do'),
            ],
          ]),
        ),
      ]
    : [];
  const t = r.total.current;
  const lower = (s: string) => s.toLocaleLowerCase('vi');
  const summary =
    `Trong ${lower(cur)}, Trung tâm mở ${n(t.opened)} lớp${t.planned ? ` trên ${n(t.planned)} lớp theo kế hoạch, đạt ${formatPercent(t.opened / t.planned, 2)}` : ''}, ` +
    `với ${n(t.enrollments)} lượt học viên (${n(t.people)} người); ${n(t.completed)} lượt hoàn thành chương trình, ${n(t.certified)} lượt được cấp giấy chứng nhận. ` +
    `So với ${lower(prev)}: ${n(r.total.previous.opened)} lớp, ${n(r.total.previous.enrollments)} lượt học viên.`;
  const pieces: ReportPiece[] = [
    { kind: 'heading', text: 'I. KẾT QUẢ CHUNG' },
    { kind: 'paragraph', text: summary },
    overview,
    { kind: 'note', text: UNITS_NOTE },
    ...(r.pendingClasses > 0
      ? [{ kind: 'note', text: `Chưa tính ${n(r.pendingClasses)} lớp dự kiến chưa có quyết định mở lớp.` } as const]
      : []),
    { kind: 'charts' },
    { kind: 'heading', text: 'II. THÀNH PHẦN HỌC VIÊN' },
    { kind: 'note', text: 'Số lượt và tỉ lệ trên tổng lượt học viên của từng dòng.' },
    breakdownTable(composition.slice(0, ageStart), r.programs, enrolled),
    { kind: 'gap' },
    breakdownTable(composition.slice(ageStart), r.programs, enrolled),
    { kind: 'heading', text: 'III. KẾT QUẢ HỌC TẬP' },
    ...classification,
    { kind: 'heading', text: 'IV. HỌC VIÊN THEO ĐỊA BÀN VÀ TỔ CHỨC CƠ SỞ ĐẢNG' },
    places('Xã, phường', r.communes),
    { kind: 'gap' },
    places('Tổ chức cơ sở đảng', r.baseOrgs),
    { kind: 'heading', text: 'V. GIẢNG DẠY' },
    lecturers,
    ...amendments,
  ];
  const dates = `${formatDate(r.period.from)} – ${formatDate(r.period.to)}`;
  return {
    // The number is left for the clerk to write in by hand once the report is registered.
    number: `${'\u00a0'.repeat(8)}-BC/${doc.body.docCode}`,
    title: 'BÁO CÁO',
    subject: `Kết quả công tác đào tạo, bồi dưỡng ${lower(cur)}`,
    legend: `Kỳ báo cáo: ${cur} (${dates}); so sánh với ${lower(prev)}.`,
    pieces,
    recipients: [`${superiorInText(doc.body.superior)} (b/c)`, 'Lưu Trung tâm'],
    pageTitle: `Báo cáo kết quả đào tạo, bồi dưỡng — ${cur}`,
  };
}
