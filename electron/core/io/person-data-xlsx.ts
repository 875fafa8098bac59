import { CERTIFICATE_STATUS_LABELS } from '../../../shared/contract/certificates';
import { CLASS_FORM_LABELS, CLASS_STATUS_LABELS } from '../../../shared/contract/classes';
import { attendanceLines, certificateState, enrolmentState, personFacts, scoreLines } from '../documents/person-data';
import type { AuditLine } from '../learners/person-audit';
import type { CertificateData, EnrolmentData, PersonDataset } from '../learners/person-data';
import type { XlsxFile } from './class-lists-xlsx';
import { addTableSheet, excelDate, newWorkbook, workbookToBase64, type SheetColumn } from './xlsx-write';

/**
 * A person's data (Law 91/2025/QH15) as a workbook, one sheet per part of the printed summary:
 * typed cells (dates as dates, scores as numbers, ID numbers and serials as text), the log's
 * changes in words, one a line.
 */

const DATE = 'dd/mm/yyyy';
const TEXT = '@';

export const PERSON_DATA_SHEETS = ['Thông tin cá nhân', 'Lớp học', 'Kết quả', 'Giấy chứng nhận', 'Nhật ký thay đổi'] as const;

/** The clerk's wall-clock time of a UTC timestamp, as Excel keeps it (no zone): the same reading as on screen. */
function localDateTime(iso: string): Date | null {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return null;
  return new Date(Date.UTC(d.getFullYear(), d.getMonth(), d.getDate(), d.getHours(), d.getMinutes(), d.getSeconds()));
}

const stt = <T>(): SheetColumn<T> => ({ header: 'STT', width: 6, value: (_r, i) => i + 1 });
const orNull = (s: string | null | undefined) => (s ? s : null);

const classColumns: SheetColumn<EnrolmentData>[] = [
  stt(),
  { header: 'Lớp', width: 44, value: (e) => e.className },
  { header: 'Mã chương trình', width: 12, value: (e) => e.programCode, format: TEXT },
  { header: 'Chương trình', width: 40, value: (e) => e.programName },
  { header: 'Từ ngày', width: 12, value: (e) => excelDate(e.startDate), format: DATE },
  { header: 'Đến ngày', width: 12, value: (e) => excelDate(e.endDate), format: DATE },
  { header: 'Hình thức', width: 16, value: (e) => CLASS_FORM_LABELS[e.form] },
  { header: 'Tình trạng lớp', width: 20, value: (e) => CLASS_STATUS_LABELS[e.classStatus] },
  { header: 'Ngày ghi danh', width: 12, value: (e) => excelDate(e.enrolledAt.slice(0, 10)), format: DATE },
  { header: 'Học viên trong lớp', width: 22, value: (e) => enrolmentState(e)[0]! },
  { header: 'Lý do thôi học', width: 26, value: (e) => orNull(e.withdrawReason) },
  { header: 'Điểm cầu', width: 22, value: (e) => orNull(e.site) },
  { header: 'Lý do học không đúng đối tượng', width: 28, value: (e) => orNull(e.fitOverrideReason) },
];

const resultColumns: SheetColumn<EnrolmentData>[] = [
  stt(),
  { header: 'Lớp', width: 44, value: (e) => e.className },
  { header: 'Số buổi', width: 8, value: (e) => e.attendance.sessions },
  { header: 'Có mặt', width: 8, value: (e) => e.attendance.present },
  { header: 'Vắng có phép', width: 9, value: (e) => e.attendance.excused },
  { header: 'Vắng không phép', width: 9, value: (e) => e.attendance.unexcused },
  { header: 'Chưa điểm danh', width: 9, value: (e) => e.attendance.unmarked },
  { header: 'Được vắng tối đa', width: 9, value: (e) => e.attendance.allowedAbsences },
  { header: 'Chuyên cần', width: 26, value: (e) => attendanceLines(e).join('; ') },
  { header: 'Điểm thành phần', width: 34, value: (e) => orNull(scoreLines(e).join('; ')) },
  { header: 'Điểm tổng kết', width: 10, value: (e) => (e.finalTenths === null ? null : e.finalTenths / 10), format: '0.0' },
  { header: 'Xếp loại', width: 12, value: (e) => e.classification },
  { header: 'Kết quả', width: 30, value: (e) => e.result },
  { header: 'Quyết định công nhận', width: 16, value: (e) => e.decision?.label ?? null, format: TEXT },
  { header: 'Ngày quyết định', width: 12, value: (e) => excelDate(e.decision?.date ?? null), format: DATE },
  { header: 'Lý do chưa đạt', width: 34, value: (e) => orNull(e.reasons.join('; ')) },
  { header: 'Kỷ luật', width: 20, value: (e) => (e.discipline ? e.disciplineNote || 'Có' : null) },
];

const certificateColumns: SheetColumn<CertificateData>[] = [
  stt(),
  { header: 'Số giấy', width: 16, value: (c) => c.serial, format: TEXT },
  { header: 'Vào sổ số', width: 12, value: (c) => c.registerNo, format: TEXT },
  { header: 'Ngày cấp', width: 12, value: (c) => excelDate(c.issueDate), format: DATE },
  { header: 'Chương trình', width: 40, value: (c) => c.programName },
  { header: 'Lớp', width: 44, value: (c) => c.className },
  { header: 'Xếp loại', width: 12, value: (c) => c.classification },
  { header: 'Họ và tên in trên giấy', width: 24, value: (c) => c.printedName },
  { header: 'Ngày sinh in trên giấy', width: 12, value: (c) => excelDate(c.printedBirthDate), format: DATE },
  { header: 'Hiệu lực đến', width: 12, value: (c) => excelDate(c.validUntil), format: DATE },
  { header: 'Tình trạng', width: 14, value: (c) => CERTIFICATE_STATUS_LABELS[c.status] },
  { header: 'Lý do', width: 28, value: (c) => orNull(c.statusReason) },
  { header: 'Cấp lại thay giấy số', width: 16, value: (c) => c.replacesSerial, format: TEXT },
  { header: 'Cấp lại bằng giấy số', width: 16, value: (c) => c.replacedBySerial, format: TEXT },
  { header: 'Số lần in', width: 9, value: (c) => c.printCount },
  { header: 'Ghi chú', width: 36, value: (c) => orNull(certificateState(c).slice(1).join('; ')) },
];

const auditColumns: SheetColumn<AuditLine>[] = [
  stt(),
  { header: 'Thời điểm', width: 17, value: (a) => localDateTime(a.at), format: 'dd/mm/yyyy hh:mm' },
  { header: 'Người thực hiện', width: 18, value: (a) => a.actor },
  { header: 'Việc', width: 26, value: (a) => a.what },
  { header: 'Đối tượng', width: 36, value: (a) => orNull(a.subject) },
  { header: 'Nội dung thay đổi', width: 70, value: (a) => orNull(a.changes.join('\n')) },
  { header: 'Lý do', width: 36, value: (a) => a.reason },
];

export async function personDataXlsx(data: PersonDataset, fileStem: string): Promise<XlsxFile> {
  const wb = newWorkbook();
  const facts = personFacts(data.person);
  const [info, classes, results, certificates, log] = PERSON_DATA_SHEETS;
  addTableSheet(
    wb,
    info,
    [
      { header: 'Thông tin', width: 30, value: (f) => f.label },
      // As text: a CCCD keeps its leading zero, a partial birth date reads as written.
      { header: 'Nội dung', width: 60, value: (f) => orNull(f.value), format: TEXT },
    ],
    facts,
  );
  addTableSheet(wb, classes, classColumns, data.enrolments);
  addTableSheet(wb, results, resultColumns, data.enrolments);
  addTableSheet(wb, certificates, certificateColumns, data.certificates);
  const sheet = addTableSheet(wb, log, auditColumns, data.audit);
  for (const col of [5, 6, 7]) sheet.getColumn(col).alignment = { wrapText: true, vertical: 'top' };
  const rowCount = facts.length + data.enrolments.length * 2 + data.certificates.length + data.audit.length;
  return { fileName: `${fileStem}.xlsx`, dataBase64: await workbookToBase64(wb), rowCount };
}
