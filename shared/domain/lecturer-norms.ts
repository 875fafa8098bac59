/**
 * Yearly teaching norms in standard hours [QĐ 1853-QĐ/BTGTW, 2010, art. 7], as defaults the clerk can
 * change per lecturer: the total norm and the part of it that is lecturing.
 */
export const LECTURER_KINDS = ['chuyen_trach', 'kiem_nhiem', 'bao_cao_vien'] as const;
export type LecturerKind = (typeof LECTURER_KINDS)[number];
export const LECTURER_KIND_LABELS: Record<LecturerKind, string> = {
  chuyen_trach: 'Chuyên trách',
  kiem_nhiem: 'Kiêm nhiệm',
  bao_cao_vien: 'Báo cáo viên',
};

export const LECTURER_ROLES = ['giam_doc', 'pho_giam_doc', 'giang_vien', 'giang_vien_van_phong', 'khac'] as const;
export type LecturerRole = (typeof LECTURER_ROLES)[number];
export const LECTURER_ROLE_LABELS: Record<LecturerRole, string> = {
  giam_doc: 'Giám đốc',
  pho_giam_doc: 'Phó Giám đốc',
  giang_vien: 'Giảng viên',
  giang_vien_van_phong: 'Giảng viên kiêm công tác văn phòng',
  khac: 'Khác',
};

export const DEFAULT_NORMS: Record<LecturerRole, { norm: number | null; lecturing: number | null }> = {
  giam_doc: { norm: 40, lecturing: 30 },
  pho_giam_doc: { norm: 60, lecturing: 40 },
  giang_vien: { norm: 120, lecturing: 90 },
  giang_vien_van_phong: { norm: 90, lecturing: 45 },
  khac: { norm: null, lecturing: null },
};

/** A session (buổi) is half a day of 4 periods (tiết); a period counts as one standard hour. */
export const PERIODS_PER_SESSION = 4;
