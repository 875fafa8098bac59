import type { ClassRow } from '../../../shared/contract/classes';
import type { Enrollment } from '../../../shared/contract/enrollments';
import type { Scheme } from '../../../shared/domain/eligibility';
import type { AppCore } from '../app-core';
import { classScheme, freezeClassScheme } from '../classes/scheme';
import { AppError } from '../errors';
import { getClass } from '../classes/store';
import { enrollmentRows } from './store';

/**
 * What enrolment, attendance and results all need of a class: whether it is locked, its connected sites, and
 * (loaded once per request, then shared by the grids built from it) its scheme and learners.
 */

const LOCKED = new Set(['results_recognised', 'certificates_issued']);

export type ClassFrame = ClassRow & { locked: boolean };

export function classFrame(ctx: AppCore, classId: number): ClassFrame {
  const c = getClass(ctx.db, classId);
  return { ...c, locked: LOCKED.has(c.status) };
}

/** Connected sites count only for online classes. */
export function sitesOf(c: ClassFrame): string[] {
  return c.form === 'online' ? c.sites.map((s) => s.place) : [];
}

export interface ClassRoll {
  frame: ClassFrame;
  scheme: Scheme;
  enrollments: Enrollment[];
}

/** `known` passes what the caller already loaded, so a write that froze the scheme does not read it again. */
export function classRoll(ctx: AppCore, classId: number, known: Partial<ClassRoll> = {}): ClassRoll {
  return {
    frame: known.frame ?? classFrame(ctx, classId),
    scheme: known.scheme ?? classScheme(ctx, classId),
    enrollments: known.enrollments ?? enrollmentRows(ctx.db, classId),
  };
}

/** After results are recognised a change needs a reason, and the audit log keeps it. */
export function requireReasonIfLocked(locked: boolean, reason: string | undefined): void {
  if (locked && !reason?.trim()) {
    throw new AppError('LOCKED_NEEDS_REASON', 'Kết quả lớp đã được công nhận: cần ghi lý do cho thay đổi này.', {
      reason: 'Cần ghi lý do',
    });
  }
}

/**
 * The class a batch of marks or scores writes to, inside the write's transaction: refused once cancelled, a reason
 * required once recognised, and the scheme frozen by this first result.
 */
export function rollToWrite(ctx: AppCore, classId: number, reason: string | undefined): ClassRoll {
  const frame = classFrame(ctx, classId);
  if (frame.status === 'cancelled') throw new AppError('LOCKED', 'Lớp đã hủy.');
  requireReasonIfLocked(frame.locked, reason);
  return classRoll(ctx, classId, { frame, scheme: freezeClassScheme(ctx, classId) });
}

/** Up to five names, then how many more. */
export function names(rows: { name: string }[]): string {
  const shown = rows
    .slice(0, 5)
    .map((r) => r.name)
    .join(', ');
  return rows.length > 5 ? `${shown} và ${rows.length - 5} người khác` : shown;
}
