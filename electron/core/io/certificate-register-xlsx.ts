import { CERTIFICATE_STATUS_LABELS, type Certificate } from '../../../shared/contract/certificates';
import { registerNote } from '../documents/certificate-register';
import type { XlsxFile } from './class-lists-xlsx';
import { addTableSheet, excelDate, newWorkbook, workbookToBase64, type SheetColumn } from './xlsx-write';

/**
 * The certificate register of a year as a workbook: one typed row per number given, voided ones
 * included (dates as dates, serials as text, the status in words).
 */

export interface CertificateRegisterXlsxDoc {
  year: number;
  certificates: Certificate[];
}

const DATE = 'dd/mm/yyyy';
const TEXT = '@';

export async function certificateRegisterXlsx(doc: CertificateRegisterXlsxDoc): Promise<XlsxFile> {
  const list = [...doc.certificates].sort((a, b) => a.year - b.year || a.seq - b.seq);
  const byId = new Map(list.map((c) => [c.id, c]));
  const columns: SheetColumn<Certificate>[] = [
    { header: 'STT', width: 6, value: (_c, i) => i + 1 },
    { header: 'Số giấy', width: 16, value: (c) => c.serial, format: TEXT },
    { header: 'Vào sổ số', width: 12, value: (c) => c.registerNo, format: TEXT },
    { header: 'Họ và tên', width: 26, value: (c) => c.printed.fullName },
    { header: 'Ngày sinh', width: 12, value: (c) => excelDate(c.printed.birthDate), format: DATE },
    { header: 'Đơn vị', width: 28, value: (c) => c.printed.unitName },
    { header: 'Chương trình', width: 36, value: (c) => c.printed.programName },
    { header: 'Lớp', width: 40, value: (c) => c.printed.className },
    { header: 'Từ ngày', width: 12, value: (c) => excelDate(c.printed.startDate), format: DATE },
    { header: 'Đến ngày', width: 12, value: (c) => excelDate(c.printed.endDate), format: DATE },
    { header: 'Xếp loại', width: 12, value: (c) => c.printed.classification },
    { header: 'Ngày cấp', width: 12, value: (c) => excelDate(c.issueDate), format: DATE },
    { header: 'Người ký', width: 24, value: (c) => c.printed.signer.name },
    { header: 'Tình trạng', width: 14, value: (c) => CERTIFICATE_STATUS_LABELS[c.status] },
    { header: 'Lý do', width: 30, value: (c) => c.statusReason?.trim() || null },
    { header: 'Cấp lại bằng giấy số', width: 16, value: (c) => c.replacedBySerial, format: TEXT },
    { header: 'Số lần in', width: 9, value: (c) => c.printCount },
    { header: 'Hiệu lực đến', width: 12, value: (c) => excelDate(c.printed.validUntil), format: DATE },
    { header: 'Ghi chú', width: 40, value: (c) => registerNote(c, byId) || null },
  ];
  const wb = newWorkbook();
  addTableSheet(wb, `Sổ cấp GCN ${doc.year}`, columns, list);
  return { fileName: `so-cap-giay-chung-nhan-${doc.year}.xlsx`, dataBase64: await workbookToBase64(wb), rowCount: list.length };
}
