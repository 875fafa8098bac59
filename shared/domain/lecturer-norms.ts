import { labelled, mapValues } from './labelled';

/**
 * Yearly teaching norms in standard hours [QĐ 1853-QĐ/BTGTW, 2010, art. 7], as defaults the clerk can
 * change per lecturer: the total norm and the part of it that is lecturing.
 */
export const { keys: LECTURER_KINDS, labels: LECTURER_KIND_LABELS } = labelled({
  chuyen_trach: 'Chuyên trách',
  kiem_nhiem: 'Kiêm nhiệm',
  bao_cao_vien: 'Báo cáo viên',
});
export type LecturerKind = (typeof LECTURER_KINDS)[number];

/** A role's default yearly norm and the lecturing part of it; null: no default, the clerk types them. */
interface Norms {
  norm: number | null;
  lecturing: number | null;
}

const ROLES = {
  giam_doc: { title: 'Giám đốc', norm: 40, lecturing: 30 },
  pho_giam_doc: { title: 'Phó Giám đốc', norm: 60, lecturing: 40 },
  giang_vien: { title: 'Giảng viên', norm: 120, lecturing: 90 },
  giang_vien_van_phong: { title: 'Giảng viên kiêm công tác văn phòng', norm: 90, lecturing: 45 },
  khac: { title: 'Khác', norm: null, lecturing: null },
};

export const { keys: LECTURER_ROLES, labels: LECTURER_ROLE_LABELS } = labelled(mapValues(ROLES, (r) => r.title));
export type LecturerRole = (typeof LECTURER_ROLES)[number];

export const DEFAULT_NORMS: Record<LecturerRole, Norms> = mapValues(ROLES, ({ norm, lecturing }) => ({ norm, lecturing }));

/** A session (buổi) is half a day of 4 periods (tiết); a period counts as one standard hour. */
export const PERIODS_PER_SESSION = 4;
