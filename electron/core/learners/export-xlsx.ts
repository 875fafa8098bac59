import type { Person } from '../../../shared/contract/learners';
import { PARTY_STATUS_LABELS, SEX_LABELS, THEORY_LEVEL_LABELS } from '../../../shared/domain/learner-fields';
import { addTableSheet, excelDate, newWorkbook, workbookToBase64 } from '../io/xlsx-write';

/** The registry list as a workbook, one row per person with Vietnamese headers, real dates and IDs as text. */
export async function peopleWorkbook(people: Person[], fileName: string) {
  const wb = newWorkbook();
  addTableSheet<Person>(
    wb,
    'Học viên',
    [
      { header: 'STT', width: 6, value: (_p, i) => i + 1 },
      { header: 'Họ và chữ đệm', width: 22, value: (p) => p.familyAndMiddle },
      { header: 'Tên', width: 10, value: (p) => p.given },
      { header: 'Giới tính', width: 9, value: (p) => (p.sex ? SEX_LABELS[p.sex] : null) },
      { header: 'Ngày sinh', width: 12, value: (p) => excelDate(p.birthDate), format: 'dd/mm/yyyy' },
      { header: 'Dân tộc', width: 10, value: (p) => p.ethnicityName },
      { header: 'Tôn giáo', width: 10, value: (p) => p.religion || null },
      { header: 'Quê quán', width: 22, value: (p) => p.homePlace || null },
      { header: 'Xã, phường nơi ở', width: 20, value: (p) => p.communeName },
      { header: 'Đơn vị công tác', width: 24, value: (p) => p.workplace || null },
      { header: 'Chức vụ', width: 18, value: (p) => p.position || null },
      { header: 'Đảng viên', width: 14, value: (p) => (p.partyStatus ? PARTY_STATUS_LABELS[p.partyStatus] : null) },
      { header: 'Ngày vào Đảng', width: 12, value: (p) => excelDate(p.admissionDate), format: 'dd/mm/yyyy' },
      { header: 'Ngày chính thức', width: 12, value: (p) => excelDate(p.confirmationDate), format: 'dd/mm/yyyy' },
      { header: 'Chi bộ, đảng bộ', width: 24, value: (p) => p.unitName },
      { header: 'Trình độ học vấn, chuyên môn', width: 18, value: (p) => p.educationLevel || null },
      { header: 'Lý luận chính trị', width: 12, value: (p) => (p.theoryLevel ? THEORY_LEVEL_LABELS[p.theoryLevel] : null) },
      { header: 'Số CCCD', width: 15, value: (p) => p.citizenId, format: '@' },
      { header: 'Số thẻ đảng viên', width: 14, value: (p) => p.partyCard || null, format: '@' },
      { header: 'Điện thoại', width: 13, value: (p) => p.phone || null, format: '@' },
      { header: 'Ghi chú', width: 24, value: (p) => p.notes || null },
    ],
    people,
  );
  return { fileName, dataBase64: await workbookToBase64(wb), rowCount: people.length };
}
