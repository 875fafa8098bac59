import type { LevelReport, LevelReportRow } from '../../../shared/contract/levels';
import { NOMINEE_RESULT_LABELS } from '../../../shared/contract/levels';
import { formatDate } from '../../../shared/domain/format';
import { THEORY_LEVEL_LABELS, THEORY_LEVELS } from '../../../shared/domain/learner-fields';
import { addTableSheet, excelDate, newWorkbook, workbookToBase64, type SheetColumn } from '../io/xlsx-write';

/**
 * The level report as a workbook: one sheet per target (numbers as numbers, shares as fractions shown
 * in %) and one of the people sent to train that year, with the print set-up of every other export.
 */

const PERCENT = '0.00%';
type Row = LevelReportRow & { stt: number | null };

// Excel refuses sheet names over 31 characters or with []:*?/\ in them.
function sheetName(index: number, label: string, used: Set<string>): string {
  const base = `${index}. ${label}`
    .replace(/[[\]:*?/\\]/g, ' ')
    .slice(0, 31)
    .trim();
  let name = base;
  for (let n = 2; used.has(name); n++) name = `${base.slice(0, 27)} (${n})`;
  used.add(name);
  return name;
}

export async function levelReportXlsx(report: LevelReport, fileStem: string): Promise<{ fileName: string; dataBase64: string }> {
  const wb = newWorkbook();
  const used = new Set<string>();
  for (const [i, t] of report.targets.entries()) {
    const columns: SheetColumn<Row>[] = [
      { header: 'STT', width: 6, value: (r) => r.stt },
      { header: 'Xã, phường', width: 22, value: (r) => r.communeName },
      { header: 'Tổ chức cơ sở đảng', width: 36, value: (r) => r.baseUnitName },
      { header: 'Số người', width: 10, value: (r) => r.people },
      ...THEORY_LEVELS.map((l): SheetColumn<Row> => ({ header: THEORY_LEVEL_LABELS[l], width: 11, value: (r) => r.levels[l] })),
      { header: `Đạt (${THEORY_LEVEL_LABELS[t.minLevel].toLocaleLowerCase('vi')} trở lên)`, width: 14, value: (r) => r.achieved },
      { header: 'Tỷ lệ đạt', width: 10, value: (r) => r.share, format: PERCENT },
      { header: 'Chỉ tiêu', width: 10, value: () => t.percent / 100, format: '0%' },
      { header: 'Còn thiếu (người)', width: 12, value: (r) => r.gap },
    ];
    const rows: Row[] = [...t.rows.map((r, ri) => ({ ...r, stt: ri + 1 })), { ...t.total, stt: null }];
    const sheet = addTableSheet(wb, sheetName(i + 1, t.groupName ?? 'Đảng viên', used), columns, rows);
    sheet.getRow(rows.length + 1).font = { bold: true };
    sheet.headerFooter = {
      oddHeader: `&C&B${t.scopeLabel.replace(/&/g, '&&')} — tính đến ${formatDate(report.asOf)}`,
      oddFooter: '&CTrang &P/&N',
    };
  }
  type Sent = { n: LevelReport['nominations'][number]; p: LevelReport['nominations'][number]['people'][number] };
  const sent: Sent[] = report.nominations.flatMap((n) => n.people.map((p) => ({ n, p })));
  addTableSheet(
    wb,
    'Cử đi học',
    [
      { header: 'Trình độ', width: 12, value: (s: Sent) => THEORY_LEVEL_LABELS[s.n.level] },
      { header: 'Trường', width: 30, value: (s: Sent) => s.n.school },
      { header: 'Khóa học', width: 30, value: (s: Sent) => s.n.course },
      { header: 'Quyết định cử', width: 16, value: (s: Sent) => s.n.decisionNumber || null },
      { header: 'Ngày quyết định', width: 14, value: (s: Sent) => excelDate(s.n.decisionDate), format: 'dd/mm/yyyy' },
      { header: 'Họ và tên', width: 28, value: (s: Sent) => s.p.fullName },
      { header: 'Ngày sinh', width: 12, value: (s: Sent) => excelDate(s.p.birthDate), format: 'dd/mm/yyyy' },
      { header: 'Chức vụ', width: 30, value: (s: Sent) => s.p.position },
      { header: 'Tổ chức cơ sở đảng', width: 30, value: (s: Sent) => s.p.baseUnitName },
      { header: 'Kết quả', width: 16, value: (s: Sent) => NOMINEE_RESULT_LABELS[s.p.result] },
      { header: 'Số bằng', width: 14, value: (s: Sent) => s.p.diplomaNumber || null, format: '@' },
      { header: 'Ngày cấp bằng', width: 14, value: (s: Sent) => excelDate(s.p.diplomaDate), format: 'dd/mm/yyyy' },
    ],
    sent,
  );
  return { fileName: `${fileStem}.xlsx`, dataBase64: await workbookToBase64(wb) };
}
