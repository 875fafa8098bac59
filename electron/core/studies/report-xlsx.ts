import { studyRateText, studyRowNote, studyTotalNote, type StudyReport, type StudyReportRow } from '../../../shared/contract/studies';
import { formatNumber } from '../../../shared/domain/format';
import { addTableSheet, newWorkbook, workbookToBase64, type SheetColumn } from '../io/xlsx-write';
import { studyFileStem } from './report-wording';

/**
 * The participation report as a workbook: present and expected as numbers, the rate as a fraction
 * shown «95,12%» by Excel (already truncated to two decimals of the percentage, so Excel's rounding
 * cannot lift 94,996 % to 95,00 %), a missing denominator or «Chưa báo cáo» in words (never 0 %),
 * and the total under the rows.
 */

type Line = { stt: number | null; row: StudyReportRow | null; total: StudyReport['total'] | null; sessions: number };

const PERCENT = '0.00%';

export async function studyReportXlsx(report: StudyReport): Promise<{ fileName: string; dataBase64: string }> {
  const wb = newWorkbook();
  const scope = report.scope.kind;
  const lines: Line[] = [
    ...report.rows.map((row, i) => ({ stt: i + 1, row, total: null, sessions: row.sessions })),
    { stt: null, row: null, total: report.total, sessions: report.rows.reduce((s, r) => s + r.sessions, 0) },
  ];
  const columns: SheetColumn<Line>[] = [
    { header: 'STT', width: 6, value: (l) => l.stt },
    { header: report.rowLabel, width: 44, value: (l) => (l.row ? l.row.label : 'Cộng') },
    ...(scope === 'year' ? [{ header: 'Số buổi', width: 9, value: (l: Line) => (l.row ? l.sessions : null) }] : []),
    ...(scope === 'org'
      ? [{ header: 'Ngày', width: 12, value: (l: Line) => (l.row ? l.row.detail : `${formatNumber(l.sessions)} buổi`) }]
      : []),
    { header: 'Phải dự', width: 10, value: (l) => (l.row ? l.row.expected : l.total!.expected) },
    { header: 'Có mặt', width: 10, value: (l) => (l.row ? (l.row.source === 'none' ? null : l.row.present) : l.total!.present) },
    {
      header: 'Tỷ lệ',
      width: 18,
      format: PERCENT,
      value: (l) => (l.row ? (l.row.rate === null ? studyRateText(l.row) : l.row.rate) : l.total!.rate),
    },
    {
      header: 'Ghi chú',
      width: 40,
      value: (l) => (l.row ? studyRowNote(l.row) : studyTotalNote(report) || null),
    },
  ];
  const sheet = addTableSheet(wb, 'Tỷ lệ tham gia', columns, lines);
  sheet.getRow(lines.length + 1).font = { bold: true };
  const about = wb.addWorksheet('Thông tin');
  about.columns = [{ width: 110 }];
  for (const line of ['Tỷ lệ đảng viên tham gia học tập, quán triệt nghị quyết', report.heading, ...report.facts]) about.addRow([line]);
  about.getRow(1).font = { bold: true };
  return { fileName: `${studyFileStem(report)}.xlsx`, dataBase64: await workbookToBase64(wb) };
}
