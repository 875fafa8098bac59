import type { z } from 'zod';
import type { ClassRow, ClassStatus, classesChannels, classInput } from '../../../shared/contract/classes';
import { CLASS_STATUS_LABELS } from '../../../shared/contract/classes';
import { proposeClassName } from '../../../shared/domain/cohort';
import { formatDate } from '../../../shared/domain/format';
import type { AppCore } from '../app-core';
import { audit } from '../audit-store';
import { issuingBodyAt } from '../centre/store';
import { AppError } from '../errors';
import type { Handlers } from '../handler';
import { archivedAt } from '../lecturers/store';
import { isYearClosed, lineScope } from '../plans/store';
import { programFacts } from '../programs/store';
import { linkDecisionToClass, nextDecisionNumber } from './decision-store';
import * as store from './store';
import { saveDecision, termOf } from './terms';

/** The Party header that held on the class's date, frozen with the class. */
function issuingBody(ctx: AppCore, date: string): ClassRow['issuingBody'] {
  const body = issuingBodyAt(ctx.db, date);
  if (!body) {
    throw new AppError(
      'NO_PROFILE',
      `Chưa có hồ sơ trung tâm áp dụng cho ngày ${formatDate(date)}; hãy nhập hồ sơ của giai đoạn đó ở màn hình Hồ sơ trung tâm.`,
      {
        startDate: `Chưa có hồ sơ trung tâm cho ngày ${formatDate(date)}`,
      },
    );
  }
  return body;
}

function assertActive(ctx: AppCore, table: 'venues' | 'lecturers', id: number | null, field: string, what: string): void {
  if (id === null) return;
  const archived = archivedAt(ctx.db, table, id);
  if (archived === undefined) throw new AppError('INVALID_INPUT', `${what} không tồn tại.`, { [field]: `${what} không tồn tại` });
  if (archived) throw new AppError('INVALID_INPUT', `${what} đã lưu trữ, không dùng cho lớp mới.`, { [field]: `${what} đã lưu trữ` });
}

/** What the contract cannot see: the program, venue, lecturer and plan line as stored, the year, the timetable. */
function check(ctx: AppCore, input: z.output<typeof classInput>, before: ClassRow | null, year: number): void {
  const program = programFacts(ctx.db, input.programId);
  if (!program) throw new AppError('INVALID_INPUT', 'Chương trình không tồn tại.', { programId: 'Chương trình không tồn tại' });
  if (program.archivedAt && before?.programId !== input.programId) {
    throw new AppError('INVALID_INPUT', 'Chương trình đã lưu trữ.', { programId: 'Chương trình đã lưu trữ, không mở lớp mới' });
  }
  if (before?.venueId !== input.venueId) assertActive(ctx, 'venues', input.venueId, 'venueId', 'Địa điểm');
  if (before?.homeroomLecturerId !== input.homeroomLecturerId)
    assertActive(ctx, 'lecturers', input.homeroomLecturerId, 'homeroomLecturerId', 'Giảng viên chủ nhiệm');
  if (isYearClosed(ctx.db, year)) throw new AppError('YEAR_CLOSED', `Năm ${year} đã khóa sổ.`, { startDate: `Năm ${year} đã khóa sổ` });
  if (input.planLineId !== null) {
    const line = lineScope(ctx.db, input.planLineId);
    if (!line || line.programId !== input.programId || line.year !== year) {
      throw new AppError('INVALID_INPUT', 'Dòng kế hoạch không khớp với chương trình hoặc năm của lớp.', {
        planLineId: 'Không khớp chương trình hoặc năm',
      });
    }
  }
  if (before) {
    const outside = store.sessionsOutside(ctx.db, before.id, input.startDate, input.endDate);
    if (outside > 0) {
      throw new AppError('SESSIONS_OUTSIDE', `Có ${outside} buổi học nằm ngoài khoảng ngày mới; hãy sửa lịch học trước.`, {
        endDate: `${outside} buổi học nằm ngoài khoảng ngày này`,
      });
    }
  }
}

function save(ctx: AppCore, input: z.output<typeof classInput>): ClassRow {
  const db = ctx.db;
  return db.transaction(() => {
    const before = input.id === undefined ? null : store.getClass(db, input.id);
    const year = Number(input.startDate.slice(0, 4));
    check(ctx, input, before, year);
    const body = before && before.startDate === input.startDate ? before.issuingBody : issuingBody(ctx, input.startDate);
    const now = ctx.now().toISOString();

    // The opening decision is a numbered document: its number is unique for decisions in the term.
    let decisionId: number | null = null;
    if (input.openingDecisionNumber !== null && input.openingDecisionDate !== null) {
      decisionId = saveDecision(db, {
        existingId: before ? store.openingDecisionId(db, before.id) : null,
        number: input.openingDecisionNumber,
        date: input.openingDecisionDate,
        subject: `Quyết định mở ${input.name.charAt(0).toLocaleLowerCase('vi')}${input.name.slice(1)}`,
        classId: before?.id ?? null,
        docCode: body.docCode,
        field: 'openingDecisionNumber',
        now,
      });
    }
    const status: ClassStatus = before
      ? before.status === 'planned' && decisionId !== null
        ? 'opened'
        : before.status
      : decisionId !== null
        ? 'opened'
        : 'planned';
    const values: store.ClassValues = {
      program_id: input.programId,
      plan_line_id: input.planLineId,
      year,
      cohort_number: input.cohortNumber,
      cohort_numbering: input.cohortNumbering,
      name: input.name,
      start_date: input.startDate,
      end_date: input.endDate,
      venue_id: input.venueId,
      form: input.form,
      homeroom_lecturer_id: input.homeroomLecturerId,
      status,
      opening_decision_id: decisionId,
      issuing_body_json: JSON.stringify(body),
      capacity: input.capacity,
      now,
    };
    let id: number;
    if (before) {
      if (before.status === 'cancelled' || before.status === 'results_recognised' || before.status === 'certificates_issued') {
        throw new AppError('LOCKED', `Lớp ở trạng thái «${CLASS_STATUS_LABELS[before.status]}», không sửa được thông tin.`);
      }
      id = before.id;
      if (before.programId !== input.programId) {
        if (store.hasResults(db, id)) {
          throw new AppError('PROGRAM_IN_USE', 'Lớp đã có điểm danh hoặc điểm theo chương trình cũ; không đổi chương trình được.', {
            programId: 'Lớp đã có điểm danh hoặc điểm',
          });
        }
        // Nothing recorded yet: the new program's assessment scheme applies from now on.
        store.writeScheme(db, id, null);
      }
      store.updateClass(db, id, values);
    } else {
      id = store.insertClass(db, values);
      if (decisionId) linkDecisionToClass(db, decisionId, id);
    }
    store.replaceSites(db, id, input.sites);
    const after = store.getClass(db, id);
    audit(ctx, { action: before ? 'update' : 'create', entity: 'class', entityId: id, before: before ?? undefined, after });
    return after;
  })();
}

/** The lifecycle moves one way; results and certificates move the class on from their own screens. */
const NEXT: Partial<Record<ClassStatus, ClassStatus[]>> = {
  planned: ['opened', 'cancelled'],
  opened: ['running', 'cancelled'],
  running: ['finished', 'cancelled'],
};

function setStatus(ctx: AppCore, id: number, status: ClassStatus, reason: string | undefined): ClassRow {
  return ctx.db.transaction(() => {
    const before = store.getClass(ctx.db, id);
    if (isYearClosed(ctx.db, before.year))
      throw new AppError('YEAR_CLOSED', `Năm ${before.year} đã khóa sổ; không đổi trạng thái lớp của năm này được.`);
    if (!NEXT[before.status]?.includes(status)) {
      throw new AppError(
        'BAD_TRANSITION',
        `Không thể chuyển lớp từ «${CLASS_STATUS_LABELS[before.status]}» sang «${CLASS_STATUS_LABELS[status]}».`,
      );
    }
    if (status === 'opened' && before.openingDecisionNumber === null) {
      throw new AppError('NEEDS_DECISION', 'Cần nhập số và ngày quyết định mở lớp trước.', {
        openingDecisionNumber: 'Chưa có quyết định mở lớp',
      });
    }
    if (status === 'cancelled' && !reason?.trim())
      throw new AppError('NEEDS_REASON', 'Cần ghi lý do hủy lớp.', { reason: 'Cần ghi lý do hủy lớp' });
    store.writeStatus(ctx.db, id, status, status === 'cancelled' ? reason!.trim() : null, ctx.now().toISOString());
    const after = store.getClass(ctx.db, id);
    audit(ctx, { action: 'update', entity: 'class', entityId: id, before, after, ...(reason ? { reason } : {}) });
    return after;
  })();
}

export const classesHandlers: Handlers<typeof classesChannels> = {
  'classes.list': (ctx, input) => store.listClasses(ctx.db, input.year, input.programId),
  'classes.get': (ctx, input) => store.getClass(ctx.db, input.id),
  'classes.propose': (ctx, input) => {
    const program = programFacts(ctx.db, input.programId);
    if (!program) throw new AppError('NOT_FOUND', 'Không tìm thấy chương trình.');
    const year = Number(input.startDate.slice(0, 4));
    const cohortNumber = store.nextCohort(ctx.db, input.programId, year, input.cohortNumbering);
    return {
      cohortNumber,
      name: proposeClassName(program.name, cohortNumber, input.cohortNumbering, year),
      nextDecisionNumber: nextDecisionNumber(ctx.db, termOf(ctx.db, input.startDate)),
    };
  },
  'classes.save': (ctx, input) => save(ctx, input),
  'classes.setStatus': (ctx, input) => setStatus(ctx, input.id, input.status, input.reason),
};
