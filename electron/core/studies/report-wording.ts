import { studyRateText, studyRowNote, studyTotalNote, type StudyReport, type StudyReportRow } from '../../../shared/contract/studies';
import { formatNumber, formatPercent } from '../../../shared/domain/format';
import { superiorInText, type IssuingBody } from '../documents/party-document';

/**
 * The participation report's words, shared by the screen's file names, the HTML page (PDF, print)
 * and the Word file, so that the three cannot say different things. Plain text: the HTML escapes it.
 */

export interface StudyReportDoc {
  body: IssuingBody;
  /** The day the report is made: it goes out now. */
  date: string;
  report: StudyReport;
}

export interface WordingColumn {
  header: string;
  /** Millimetres on a portrait sheet (165 mm across). */
  width: number;
  align: 'left' | 'center';
}

export function studyReportWording(doc: StudyReportDoc) {
  const { report } = doc;
  const scope = report.scope.kind;
  const unitWord = scope === 'org' ? 'buổi' : 'tổ chức';
  const detail = scope === 'year' ? 'Số buổi' : scope === 'org' ? 'Ngày' : null;
  const columns: WordingColumn[] = [
    { header: 'STT', width: 12, align: 'center' },
    { header: report.rowLabel, width: detail ? 46 : 64, align: 'left' },
    ...(detail ? [{ header: detail, width: 18, align: 'center' as const }] : []),
    { header: 'Phải dự', width: 18, align: 'center' },
    { header: 'Có mặt', width: 18, align: 'center' },
    { header: 'Tỷ lệ', width: 25, align: 'center' },
    { header: 'Ghi chú', width: 28, align: 'left' },
  ];
  const detailCell = (r: StudyReportRow) => (scope === 'year' ? formatNumber(r.sessions) : r.detail);
  const rows = report.rows.map((r, i) => [
    String(i + 1),
    r.label,
    ...(detail ? [detailCell(r)] : []),
    r.expected === null ? '—' : formatNumber(r.expected),
    r.source === 'none' ? '—' : formatNumber(r.present),
    studyRateText(r),
    studyRowNote(r),
  ]);
  const t = report.total;
  const missingNote = studyTotalNote(report);
  const totalSessions = report.rows.reduce((s, r) => s + r.sessions, 0);
  const totalRow = [
    '',
    'Cộng',
    ...(detail ? [scope === 'year' ? '' : `${formatNumber(totalSessions)} buổi`] : []),
    formatNumber(t.expected),
    formatNumber(t.present),
    t.rate === null ? '—' : formatPercent(t.rate, 2),
    missingNote,
  ];
  const summary =
    t.rows === 0
      ? 'Chưa có số liệu tham gia học tập, quán triệt.'
      : `Tổng số đảng viên tham gia học tập, quán triệt: ${formatNumber(t.present)}/${formatNumber(t.expected)}` +
        (t.rate === null ? '.' : `, đạt ${formatPercent(t.rate, 2)}.`) +
        (t.missing > 0
          ? ` Chưa tính ${formatNumber(t.missing)} ${unitWord} thiếu số đảng viên (không có số phải dự, cũng không có số đảng viên của năm).`
          : '') +
        (t.notReported > 0 ? ` ${formatNumber(t.notReported)} tổ chức có đảng viên năm nay chưa báo cáo số liệu, chưa tính vào tổng.` : '');
  return {
    title: `Tỷ lệ tham gia học tập, quán triệt — ${report.heading}`,
    docType: 'BÁO CÁO',
    subjects: ['Kết quả đảng viên tham gia học tập, quán triệt nghị quyết', report.heading],
    facts: [
      ...report.facts,
      `Các ${unitWord} xếp theo tỷ lệ tham gia từ thấp đến cao; ${unitWord} thiếu số đảng viên xếp cuối${t.notReported > 0 ? ', sau cùng là tổ chức chưa báo cáo' : ''}.`,
    ],
    columns,
    rows,
    totalRow,
    summary,
    recipients: [`${superiorInText(doc.body.superior)} (b/c)`, 'Lưu Trung tâm'],
  };
}

/** «ty-le-hoc-tap-nghi-quyet-nam-2026»: ASCII names travel safely by e-mail and USB. */
export function studyFileStem(report: StudyReport): string {
  const s = report.scope;
  if (s.kind === 'session') return `ty-le-hoc-tap-buoi-${s.id}`;
  if (s.kind === 'year') return `ty-le-hoc-tap-nghi-quyet-nam-${s.year}`;
  return `ty-le-hoc-tap-to-chuc-${s.unitId}-nam-${s.year}`;
}
