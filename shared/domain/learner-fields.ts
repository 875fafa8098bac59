/** Values and labels of a person's record, shared by the registry, the import and every printout. */
import { labelled } from './labelled';

export const { keys: SEXES, labels: SEX_LABELS } = labelled({ nam: 'Nam', nu: 'Nữ' });
export type Sex = (typeof SEXES)[number];

export const { keys: PARTY_STATUSES, labels: PARTY_STATUS_LABELS } = labelled({
  quan_chung: 'Quần chúng',
  du_bi: 'Đảng viên dự bị',
  chinh_thuc: 'Đảng viên chính thức',
});
export type PartyStatus = (typeof PARTY_STATUSES)[number];

export const { keys: THEORY_LEVELS, labels: THEORY_LEVEL_LABELS } = labelled({
  none: 'Chưa qua đào tạo',
  so_cap: 'Sơ cấp',
  trung_cap: 'Trung cấp',
  cao_cap: 'Cao cấp',
  cu_nhan: 'Cử nhân',
});
export type TheoryLevel = (typeof THEORY_LEVELS)[number];

/**
 * Columns an imported list can fill. A list has either `fullName` or the pair `familyAndMiddle` +
 * `given`; the birth date is either one column or split by sex (`birthDateMale` / `birthDateFemale`,
 * the common form where the date is written under the person's sex).
 */
export const IMPORT_FIELDS = {
  fullName: 'Họ và tên',
  familyAndMiddle: 'Họ và chữ đệm',
  given: 'Tên',
  sex: 'Giới tính',
  birthDate: 'Ngày sinh',
  birthDateMale: 'Ngày sinh (Nam)',
  birthDateFemale: 'Ngày sinh (Nữ)',
  ethnicity: 'Dân tộc',
  religion: 'Tôn giáo',
  homePlace: 'Quê quán',
  commune: 'Xã, phường nơi ở',
  workplace: 'Đơn vị công tác',
  position: 'Chức vụ',
  partyStatus: 'Đảng viên / quần chúng',
  admissionDate: 'Ngày vào Đảng',
  confirmationDate: 'Ngày chính thức',
  unit: 'Chi bộ, đảng bộ',
  educationLevel: 'Trình độ học vấn, chuyên môn',
  theoryLevel: 'Trình độ lý luận chính trị',
  citizenId: 'Số CCCD',
  partyCard: 'Số thẻ đảng viên',
  phone: 'Điện thoại',
  notes: 'Ghi chú',
} as const;
export type ImportField = keyof typeof IMPORT_FIELDS;
export const IMPORT_FIELD_KEYS = Object.keys(IMPORT_FIELDS) as ImportField[];
