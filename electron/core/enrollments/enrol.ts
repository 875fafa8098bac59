import type { EnrolOutcome, EnrollmentList } from '../../../shared/contract/enrollments';
import { formatNumber } from '../../../shared/domain/format';
import { PARTY_STATUS_LABELS, type PartyStatus } from '../../../shared/domain/learner-fields';
import type { AppCore } from '../app-core';
import { audit } from '../audit-store';
import { AppError } from '../errors';
import { classFrame, names, sitesOf, type ClassFrame } from './class-frame';
import {
  classMembership,
  enrolmentCandidates,
  enrollmentRows,
  insertEnrollment,
  programFitStatuses,
  rejoinEnrollment,
  type Candidate,
} from './store';

/** The list the enrolment tab shows, from rows the caller already holds. */
export function listOf(c: ClassFrame, enrollments: EnrollmentList['enrollments']): EnrollmentList {
  return {
    classId: c.id,
    sites: sitesOf(c),
    capacity: c.capacity,
    enrolled: enrollments.filter((e) => e.status === 'enrolled').length,
    enrollments,
  };
}

export function enrollmentList(ctx: AppCore, classId: number, frame = classFrame(ctx, classId)): EnrollmentList {
  return listOf(frame, enrollmentRows(ctx.db, classId));
}

const lower = (s: PartyStatus) => PARTY_STATUS_LABELS[s].toLocaleLowerCase('vi');

/** People the program is not meant for; an unknown status is not a mismatch (cells' lists rarely say "quần chúng"). */
function misfitsOf(fit: PartyStatus[], people: Candidate[], override: string | undefined): Candidate[] {
  const misfits = fit.length === 0 ? [] : people.filter((p) => p.partyStatus !== null && !fit.includes(p.partyStatus));
  if (misfits.length > 0 && !override?.trim()) {
    throw new AppError(
      'FIT_WARNING',
      `Chương trình dành cho ${fit.map(lower).join(', ')}; không đúng đối tượng: ${names(misfits.map((m) => ({ name: `${m.name} (${lower(m.partyStatus!)})` })))}. Ghi lý do nếu vẫn cho học.`,
    );
  }
  return misfits;
}

/**
 * All or nothing: someone already in the class stops the batch; people the program is not meant for
 * (the admission course is for non-members, the new-member course for probationary members) need a
 * reason from the clerk.
 */
export function enrolPeople(ctx: AppCore, classId: number, personIds: number[], override: string | undefined): EnrolOutcome {
  const db = ctx.db;
  return db.transaction(() => {
    const c = classFrame(ctx, classId);
    if (c.locked || c.status === 'cancelled')
      throw new AppError('LOCKED', 'Lớp đã công nhận kết quả hoặc đã hủy; không ghi danh thêm được.');
    const ids = [...new Set(personIds)];
    const found = enrolmentCandidates(db, ids);
    const people = ids.map((id) => {
      const p = found.get(id);
      if (!p) throw new AppError('NOT_FOUND', 'Có người không còn trong sổ học viên (đã gộp hoặc xóa); hãy tải lại danh sách.');
      return p;
    });
    const existing = classMembership(db, classId);
    const already = people.filter((p) => existing.get(p.id)?.status === 'enrolled');
    if (already.length > 0) {
      throw new AppError('ALREADY_ENROLLED', `${names(already)} đã có trong lớp; chưa ghi danh ai.`);
    }
    const misfits = misfitsOf(programFitStatuses(db, c.programId), people, override);
    const now = ctx.now().toISOString();
    const misfit = new Set(misfits.map((m) => m.id));
    for (const p of people) {
      const reason = misfit.has(p.id) ? override!.trim() : null;
      const before = existing.get(p.id);
      if (before) rejoinEnrollment(db, before.id, reason, now);
      else insertEnrollment(db, classId, p.id, reason, now);
    }
    audit(ctx, {
      action: 'create',
      entity: 'class_enrollments',
      entityId: classId,
      after: { added: people.map((p) => p.id) },
      ...(misfits.length ? { reason: `Không đúng đối tượng: ${override}` } : {}),
    });
    const result = enrollmentList(ctx, classId, c);
    const capacityWarning =
      c.capacity !== null && result.enrolled > c.capacity
        ? `Lớp có ${formatNumber(result.enrolled)} học viên, vượt sĩ số tối đa ${formatNumber(c.capacity)}.`
        : null;
    return { ...result, added: people.length, capacityWarning };
  })();
}
