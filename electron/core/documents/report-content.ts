import type { Figures, Report } from '../../../shared/contract/reports';
import { formatDate, formatNumber, formatPercent } from '../../../shared/domain/format';
import { classificationBaseText, shareText, UNITS_NOTE, type BreakdownColumn } from '../../../shared/domain/report-breakdown';
import {
  breakdownTables,
  lecturerColumns,
  overviewColumns,
  pct,
  placeColumns,
  type BreakdownTable,
  type PlaceFigures,
  type ProgramFigures,
  type TextColumn,
} from '../../../shared/domain/report-tables';
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

/** Columns defined with the screen's (report-tables.ts), as printed: the headings with their widths, and a row's cells. */
function printed<T>(columns: TextColumn<T>[]) {
  return {
    columns: columns.map((c): ReportColumn => ({ header: c.header, group: c.group, width: c.width })),
    cells: (row: T) => columns.map((c): ReportCell => ({ text: c.cell(row), align: c.align ?? 'right' })),
  };
}

/** A row per program, and the total's in bold. */
function programRows(report: Report, cells: (row: ProgramFigures) => ReportCell[]): ReportCell[][][] {
  return totalWithLast([...report.programs.map((p) => [cells(p)]), [asSum(cells({ name: 'Cộng', ...report.total }))]]);
}

/** Each program's row, and under it in italics the same figures of the previous period. */
function withPreviousRows(report: Report, programs: ProgramFigures[], cells: (f: Figures) => ReportCell[]): ReportCell[][][] {
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

export function reportContent(doc: ReportDoc) {
  const r = doc.report;
  const cur = r.period.label,
    prev = r.previous.label;
  const table = (columns: ReportColumn[], bodies: ReportCell[][][]): ReportPiece => ({ kind: 'table', columns, bodies });
  const overviewTable = printed(overviewColumns(r));
  const overview = table(overviewTable.columns, programRows(r, overviewTable.cells));
  const breakdownTable = ({ first, columns, programs }: BreakdownTable) =>
    table(
      [
        { header: 'Chương trình', width: 22 },
        { header: first.header, width: 8 },
        ...columns.map((c) => ({ group: c.group, header: c.header, width: pct(70 / columns.length) })),
      ],
      withPreviousRows(r, programs, (f) => [num(n(first.value(f))), ...columns.map((c) => countShare(c, f))]),
    );
  const breakdowns = breakdownTables(r);
  const classification: ReportPiece[] = breakdowns.classification
    ? [breakdownTable(breakdowns.classification), { kind: 'note', text: classificationBaseText(r.total.current) }]
    : [{ kind: 'paragraph', text: 'Các chương trình trong kỳ không xếp loại.' }];
  const places = (title: string, rows: PlaceFigures[]) => {
    const placeTable = printed(placeColumns(r, title));
    return table(
      placeTable.columns,
      rows.map((x) => [placeTable.cells(x)]),
    );
  };
  const lecturerTable = printed(lecturerColumns(r));
  const lecturers: ReportPiece = r.lecturers.length
    ? table(
        lecturerTable.columns,
        r.lecturers.map((l) => [lecturerTable.cells(l)]),
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
    breakdownTable(breakdowns.people),
    { kind: 'gap' },
    breakdownTable(breakdowns.ages),
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
