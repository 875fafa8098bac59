import type { Lecturer } from '../../../../shared/contract/lecturers';
import { DEFAULT_NORMS, type LecturerKind, type LecturerRole } from '../../../../shared/domain/lecturer-norms';
import { formatNumber } from '../../../../shared/domain/format';

/** What the clerk is typing: the hour fields stay text so a half-typed value is never lost. */
export interface LecturerForm {
  id?: number;
  familyAndMiddle: string;
  given: string;
  kind: LecturerKind;
  /** Empty until chosen: the role decides the default norms, so it must be a deliberate choice. */
  role: LecturerRole | '';
  unit: string;
  position: string;
  phone: string;
  normHours: string;
  lecturingHours: string;
}

export const EMPTY_LECTURER: LecturerForm = {
  familyAndMiddle: '',
  given: '',
  kind: 'chuyen_trach',
  role: '',
  unit: '',
  position: '',
  phone: '',
  normHours: '',
  lecturingHours: '',
};

const hoursText = (n: number | null) => (n === null ? '' : String(n));

/** The record's own fields (its full name and archiving are not edited), with the hours as text. */
export function lecturerToForm(l: Lecturer): LecturerForm {
  const { fullName: _fullName, archivedAt: _archivedAt, ...fields } = l;
  return { ...fields, normHours: hoursText(l.normHours), lecturingHours: hoursText(l.lecturingHours) };
}

/**
 * The norm fields still "follow the role" when they are empty or hold exactly the previous role's
 * defaults: then a new role may overwrite them. Anything else was typed on purpose and is kept.
 */
export function withRole(f: LecturerForm, role: LecturerRole): LecturerForm {
  const previous = f.role === '' ? null : DEFAULT_NORMS[f.role];
  const untouched =
    (f.normHours.trim() === '' && f.lecturingHours.trim() === '') ||
    (previous !== null && f.normHours.trim() === hoursText(previous.norm) && f.lecturingHours.trim() === hoursText(previous.lecturing));
  if (!untouched) return { ...f, role };
  const d = DEFAULT_NORMS[role];
  return { ...f, role, normHours: hoursText(d.norm), lecturingHours: hoursText(d.lecturing) };
}

/** Text that is not a whole number becomes NaN, which the contract reports with its own message. */
function optionalInt(text: string): number | null {
  const t = text.trim();
  if (t === '') return null;
  return /^\d+$/.test(t) ? Number(t) : Number.NaN;
}

export function formToInput(f: LecturerForm) {
  return {
    ...(f.id === undefined ? {} : { id: f.id }),
    familyAndMiddle: f.familyAndMiddle,
    given: f.given,
    kind: f.kind,
    // An unchosen role goes out as undefined so the contract answers "Chọn chức danh" at the field.
    role: f.role === '' ? undefined : f.role,
    unit: f.unit,
    position: f.position,
    phone: f.phone,
    normHours: optionalInt(f.normHours),
    lecturingHours: optionalInt(f.lecturingHours),
  };
}

/** "120 (giảng 90)", "120", or "" when no norm applies. */
export function normLabel(norm: number | null, lecturing: number | null): string {
  if (norm === null) return lecturing === null ? '' : `giảng ${formatNumber(lecturing)}`;
  return lecturing === null ? formatNumber(norm) : `${formatNumber(norm)} (giảng ${formatNumber(lecturing)})`;
}
