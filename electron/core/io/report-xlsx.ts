import type { Figures, Report } from '../../../shared/contract/reports';
import { programShortName } from '../../../shared/domain/program-label';
import {
  classificationColumns,
  compositionColumns,
  gradedCount,
  share,
  type BreakdownColumn,
} from '../../../shared/domain/report-breakdown';
import type { XlsxFile } from './class-lists-xlsx';
import { addTableSheet, newWorkbook, workbookToBase64, type SheetColumn } from './xlsx-write';

/**
 * The report as a workbook: one sheet per table, numbers as numbers (percentages as fractions shown
 * with %), Vietnamese headers, the print set-up of every other export.
 */

type ProgramRow = { name: string; current: Figures; previous: Figures };

/** "&" starts a code in Excel's header text; a literal one is doubled. */
function xlsxHeaderText(text: string): string {
  return text.replace(/&/g, '&&');
}
const PERCENT = '0.00%';

function programRows(report: Report): ProgramRow[] {
  return [...report.programs, { name: 'Cộng', ...report.total }];
}

export async function reportXlsx(report: Report, fileStem: string): Promise<XlsxFile> {
  const wb = newWorkbook();
  const rows = programRows(report);
  const prev = report.previous.label;
  const ratio = (part: number, whole: number) => (whole > 0 ? part / whole : null);

  const overview: SheetColumn<ProgramRow>[] = [
    { header: 'Chương trình', width: 44, value: (r) => r.name },
    { header: 'Kế hoạch (lớp)', width: 12, value: (r) => r.current.planned },
    { header: 'Mở (lớp)', width: 10, value: (r) => r.current.opened },
    { header: '% kế hoạch', width: 11, value: (r) => ratio(r.current.opened, r.current.planned), format: PERCENT },
    { header: 'Lượt học viên', width: 13, value: (r) => r.current.enrollments },
    { header: 'Lượt hoàn thành', width: 13, value: (r) => r.current.completed },
    { header: 'Lượt cấp giấy chứng nhận', width: 14, value: (r) => r.current.certified },
    { header: 'Số người (mỗi người một lần)', width: 16, value: (r) => r.current.people },
    { header: `Kế hoạch ${prev}`, width: 14, value: (r) => r.previous.planned },
    { header: `Mở ${prev}`, width: 12, value: (r) => r.previous.opened },
    { header: `Lượt học viên ${prev}`, width: 16, value: (r) => r.previous.enrollments },
    { header: `Lượt hoàn thành ${prev}`, width: 16, value: (r) => r.previous.completed },
    { header: `Lượt cấp GCN ${prev}`, width: 14, value: (r) => r.previous.certified },
    { header: `Số người ${prev}`, width: 14, value: (r) => r.previous.people },
  ];
  addTableSheet(wb, 'Tổng hợp', overview, rows);

  // Each breakdown as a count and its share (a fraction shown in %), side by side.
  const breakdown = (c: BreakdownColumn): SheetColumn<ProgramRow>[] => [
    { header: c.fullHeader, width: 12, value: (r) => c.count(r.current) },
    {
      header: `Tỉ lệ ${c.fullHeader.toLocaleLowerCase('vi')}`,
      width: 10,
      value: (r) => share(c.count(r.current), c.base(r.current)),
      format: PERCENT,
    },
  ];
  addTableSheet(
    wb,
    'Thành phần',
    [
      { header: 'Chương trình', width: 44, value: (r) => r.name },
      { header: 'Lượt học viên', width: 13, value: (r) => r.current.enrollments },
      ...compositionColumns(report.ageBands).flatMap(breakdown),
    ],
    rows,
  );

  if (report.classificationLabels.length > 0) {
    // Only programs that grade, so the shares of each row and of the total add up to 100%.
    const graded = [...report.programs.filter((p) => gradedCount(p.current) > 0), { name: 'Cộng', ...report.total }];
    addTableSheet(
      wb,
      'Xếp loại',
      [
        { header: 'Chương trình', width: 44, value: (r: ProgramRow) => r.name },
        { header: 'Hoàn thành có xếp loại', width: 14, value: (r: ProgramRow) => gradedCount(r.current) },
        ...classificationColumns(report.classificationLabels).flatMap(breakdown),
      ],
      graded,
    );
  }
  type Place = { name: string; current: number; previous: number; byProgram: Record<string, number> };
  const places = (title: string): SheetColumn<Place>[] => [
    { header: title, width: 44, value: (r) => r.name },
    ...report.programs.map((p): SheetColumn<Place> => ({
      header: programShortName(p.name),
      width: 14,
      value: (r) => r.byProgram[String(p.programId)] ?? 0,
    })),
    { header: `Lượt học viên ${report.period.label}`, width: 18, value: (r) => r.current },
    { header: `Lượt học viên ${prev}`, width: 18, value: (r) => r.previous },
  ];
  addTableSheet(wb, 'Theo xã phường', places('Xã, phường'), report.communes);
  addTableSheet(wb, 'Theo tổ chức cơ sở đảng', places('Tổ chức cơ sở đảng'), report.baseOrgs);
  addTableSheet(
    wb,
    'Giờ giảng',
    [
      { header: 'Giảng viên', width: 30, value: (l: Report['lecturers'][number]) => l.name },
      { header: 'Số tiết', width: 10, value: (l: Report['lecturers'][number]) => l.periods },
      { header: 'Định mức', width: 10, value: (l: Report['lecturers'][number]) => l.norm },
      {
        header: '% định mức',
        width: 11,
        value: (l: Report['lecturers'][number]) => (l.percent === null ? null : l.percent / 100),
        format: PERCENT,
      },
      { header: `Số tiết ${prev}`, width: 14, value: (l: Report['lecturers'][number]) => l.previousPeriods },
    ],
    report.lecturers,
  );
  type YearRow = Report['years'][number];
  addTableSheet(
    wb,
    'Theo năm',
    [
      { header: 'Năm', width: 8, value: (y: YearRow) => y.year },
      ...report.programs.flatMap((p, i): SheetColumn<YearRow>[] => [
        { header: `${programShortName(p.name)}: lớp`, width: 14, value: (y) => y.programs[i]?.classes ?? 0 },
        { header: `${programShortName(p.name)}: lượt học viên`, width: 16, value: (y) => y.programs[i]?.enrollments ?? 0 },
      ]),
    ],
    report.years,
  );
  if (report.amendments.length > 0) {
    type A = Report['amendments'][number];
    addTableSheet(
      wb,
      'Điều chỉnh',
      [
        { header: 'Năm', width: 8, value: (a: A) => a.year },
        { header: 'Chương trình', width: 40, value: (a: A) => a.program },
        { header: 'Chỉ tiêu', width: 24, value: (a: A) => a.figure },
        { header: 'Đã báo cáo', width: 12, value: (a: A) => a.before },
        { header: 'Nay là', width: 10, value: (a: A) => a.after },
        { header: 'Lý do', width: 60, value: (a: A) => a.reasons.join('; ') || null },
      ],
      report.amendments,
    );
  }
  // Printed sheets say what they are and which page: the sheets themselves start with their headers.
  for (const sheet of wb.worksheets) {
    sheet.headerFooter = {
      oddHeader: `&C&B${xlsxHeaderText(`Báo cáo kết quả đào tạo, bồi dưỡng — ${report.period.label} — ${sheet.name}`)}`,
      oddFooter: '&CTrang &P/&N',
    };
  }
  return { fileName: `${fileStem}.xlsx`, dataBase64: await workbookToBase64(wb), rowCount: rows.length };
}
