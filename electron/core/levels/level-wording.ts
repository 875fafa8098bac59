import { NOMINEE_RESULT_LABELS, NOMINEE_RESULTS, type LevelReport, type LevelReportRow } from '../../../shared/contract/levels';
import { formatDate, formatNumber, formatPercent } from '../../../shared/domain/format';
import { THEORY_LEVEL_LABELS, THEORY_LEVELS } from '../../../shared/domain/learner-fields';
import { superiorInText, type IssuingBody } from '../documents/party-document';

/**
 * The level report's words and table cells, shared by the HTML page (level-document.ts), the Word
 * model (level-docx.ts) and the screen's column names, so the PDF and the .docx cannot say different
 * things. Plain text: the HTML escapes it where it prints.
 */

export const ROMAN = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X'];

/** The columns of a target's table, left to right, with their widths in millimetres on a landscape A4 sheet. */
export function targetColumns(minLevelLabel: string): { header: string; width: number }[] {
  return [
    { header: 'STT', width: 12 },
    { header: 'Xã, phường', width: 26 },
    { header: 'Tổ chức cơ sở đảng', width: 44 },
    { header: 'Số người', width: 15 },
    ...THEORY_LEVELS.map((l) => ({ header: THEORY_LEVEL_LABELS[l], width: l === 'none' ? 20 : 16 })),
    { header: `Đạt (${minLevelLabel.toLocaleLowerCase('vi')} trở lên)`, width: 22 },
    { header: 'Tỷ lệ đạt', width: 17 },
    { header: 'Chỉ tiêu', width: 14 },
    { header: 'Còn thiếu (người)', width: 17 },
  ];
}

export const shareText = (share: number | null) => (share === null ? '—' : formatPercent(share, 2));

/** One table row's cells as printed; the total row has no number and names itself in the commune column. */
export function rowCells(row: LevelReportRow, index: number | null, percent: number): string[] {
  return [
    index === null ? '' : String(index),
    row.communeName,
    row.baseUnitName,
    formatNumber(row.people),
    ...THEORY_LEVELS.map((l) => formatNumber(row.levels[l])),
    formatNumber(row.achieved),
    shareText(row.share),
    `${percent}%`,
    formatNumber(row.gap),
  ];
}

export function levelReportWording(report: LevelReport, body: IssuingBody) {
  const asOf = formatDate(report.asOf);
  const targets = report.targets.map((t, i) => {
    const label = THEORY_LEVEL_LABELS[t.minLevel];
    const verdict =
      t.total.people === 0
        ? 'Chưa có người nào thuộc đối tượng của chỉ tiêu này trong dữ liệu.'
        : `Có ${formatNumber(t.total.achieved)}/${formatNumber(t.total.people)} người đạt trình độ ${label.toLocaleLowerCase('vi')} trở lên (${shareText(t.total.share)}), ` +
          (t.total.gap === 0 ? `đạt chỉ tiêu ${t.percent}%.` : `chỉ tiêu ${t.percent}%: còn thiếu ${formatNumber(t.total.gap)} người.`);
    return { heading: `${i + 1}. ${t.scopeLabel}`, verdict, columns: targetColumns(label) };
  });
  const nominations = report.nominations.map((n, i) => {
    const counts = NOMINEE_RESULTS.map((r) => [r, n.people.filter((p) => p.result === r).length] as const)
      .filter(([, c]) => c > 0)
      .map(([r, c]) => `${NOMINEE_RESULT_LABELS[r].toLocaleLowerCase('vi')} ${formatNumber(c)}`);
    const decision = n.decisionNumber
      ? ` (Quyết định số ${n.decisionNumber}${n.decisionDate ? ` ngày ${formatDate(n.decisionDate)}` : ''})`
      : '';
    return {
      heading: `${i + 1}. ${THEORY_LEVEL_LABELS[n.level]} lý luận chính trị — ${n.school}, ${n.course}${decision}`,
      summary: `Cử ${formatNumber(n.people.length)} người${counts.length ? `: ${counts.join(', ')}` : ''}.`,
    };
  });
  const sent = report.nominations.reduce((s, n) => s + n.people.length, 0);
  return {
    title: 'BÁO CÁO',
    subject: `Trình độ lý luận chính trị của cán bộ, đảng viên năm ${report.year}`,
    asOfLine: `(Số liệu tính đến ngày ${asOf})`,
    targetsHeading: 'I. TRÌNH ĐỘ LÝ LUẬN CHÍNH TRỊ SO VỚI CHỈ TIÊU',
    noTargets: `Chưa nhập chỉ tiêu nào cho năm ${report.year}.`,
    targets,
    nominationsHeading: `II. CỬ ĐI ĐÀO TẠO LÝ LUẬN CHÍNH TRỊ NĂM ${report.year}`,
    nominationsLead:
      sent === 0
        ? `Năm ${report.year} chưa cử người nào đi đào tạo tại trường chính trị tỉnh.`
        : `Năm ${report.year} đã cử ${formatNumber(sent)} lượt cán bộ, đảng viên đi đào tạo:`,
    nominations,
    nomineeColumns: [
      { header: 'STT', width: 12 },
      { header: 'Họ và tên', width: 50 },
      { header: 'Ngày sinh', width: 24 },
      { header: 'Chức vụ', width: 56 },
      { header: 'Tổ chức cơ sở đảng', width: 50 },
      { header: 'Kết quả', width: 30 },
      { header: 'Số bằng, ngày cấp', width: 30 },
    ],
    recipients: [`${superiorInText(body.superior)} (b/c)`, 'Ban Tổ chức', 'Lưu Trung tâm'],
    pageTitle: `Báo cáo trình độ lý luận chính trị năm ${report.year}`,
  };
}

export function nomineeCells(p: LevelReport['nominations'][number]['people'][number], index: number): string[] {
  const diploma = p.result === 'graduated' ? `${p.diplomaNumber}${p.diplomaDate ? `, ${formatDate(p.diplomaDate)}` : ''}` : '';
  return [
    String(index + 1),
    p.fullName,
    formatDate(p.birthDate),
    p.position,
    p.baseUnitName ?? '',
    NOMINEE_RESULT_LABELS[p.result],
    diploma,
  ];
}
