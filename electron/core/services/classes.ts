import type { z } from 'zod';
import type { ClassRow, ClassStatus, classesChannels, classInput } from '../../../shared/contract/classes';
import { CLASS_STATUS_LABELS } from '../../../shared/contract/classes';
import { proposeClassName } from '../../../shared/domain/cohort';
import { formatDate } from '../../../shared/domain/format';
import { fullName } from '../../../shared/domain/text';
import type { AppCore } from '../app-core';
import { audit } from '../audit';
import { AppError } from '../errors';
import { decisionLabel, saveDecision, termOf } from '../classes/terms';
import { centreProfileAt } from './centre';
import { isYearClosed } from './plans';
import type { Handlers } from '../handler';

interface Row {
  id: number;
  program_id: number;
  program_name: string;
  plan_line_id: number | null;
  year: number;
  cohort_number: number;
  cohort_numbering: ClassRow['cohortNumbering'];
  name: string;
  start_date: string;
  end_date: string;
  venue_id: number | null;
  venue_name: string | null;
  form: ClassRow['form'];
  homeroom_lecturer_id: number | null;
  homeroom_family: string | null;
  homeroom_given: string | null;
  capacity: number | null;
  status: ClassStatus;
  cancel_reason: string | null;
  decision_number: number | null;
  decision_date: string | null;
  issuing_body_json: string;
  session_count: number;
}

const SELECT = `SELECT c.*, p.name AS program_name, v.name AS venue_name, l.family_and_middle AS homeroom_family, l.given AS homeroom_given,
  d.number AS decision_number, d.date AS decision_date,
  (SELECT count(*) FROM sessions s WHERE s.class_id = c.id) AS session_count
  FROM classes c JOIN programs p ON p.id = c.program_id
  LEFT JOIN venues v ON v.id = c.venue_id
  LEFT JOIN lecturers l ON l.id = c.homeroom_lecturer_id
  LEFT JOIN documents d ON d.id = c.opening_decision_id`;

function toClass(ctx: AppCore, r: Row): ClassRow {
  const body = JSON.parse(r.issuing_body_json) as ClassRow['issuingBody'];
  const sites = ctx.db
    .prepare('SELECT place, contact FROM class_sites WHERE class_id = ? ORDER BY position')
    .all(r.id) as ClassRow['sites'];
  return {
    id: r.id,
    programId: r.program_id,
    programName: r.program_name,
    planLineId: r.plan_line_id,
    year: r.year,
    cohortNumber: r.cohort_number,
    cohortNumbering: r.cohort_numbering,
    name: r.name,
    startDate: r.start_date,
    endDate: r.end_date,
    venueId: r.venue_id,
    venueName: r.venue_name,
    form: r.form,
    homeroomLecturerId: r.homeroom_lecturer_id,
    homeroomName: r.homeroom_given ? fullName({ familyAndMiddle: r.homeroom_family ?? '', given: r.homeroom_given }) : null,
    capacity: r.capacity,
    status: r.status,
    cancelReason: r.cancel_reason,
    sites,
    openingDecisionNumber: r.decision_number,
    openingDecisionDate: r.decision_date,
    openingDecisionLabel: r.decision_number === null ? null : decisionLabel(r.decision_number, body.docCode),
    issuingBody: body,
    sessionCount: r.session_count,
  };
}

export function getClass(ctx: AppCore, id: number): ClassRow {
  const r = ctx.db.prepare(`${SELECT} WHERE c.id = ?`).get(id) as Row | undefined;
  if (!r) throw new AppError('NOT_FOUND', 'Không tìm thấy lớp học.');
  return toClass(ctx, r);
}

/** The Party header that held on the class's date, frozen with the class. */
function issuingBody(ctx: AppCore, date: string): ClassRow['issuingBody'] {
  const p = centreProfileAt(ctx, date);
  if (!p) {
    throw new AppError(
      'NO_PROFILE',
      `Chưa có hồ sơ trung tâm áp dụng cho ngày ${formatDate(date)}; hãy nhập hồ sơ của giai đoạn đó ở màn hình Hồ sơ trung tâm.`,
      {
        startDate: `Chưa có hồ sơ trung tâm cho ngày ${formatDate(date)}`,
      },
    );
  }
  return {
    superior: p.superior,
    centreName: p.name,
    docCode: p.docCode,
    placeName: p.placeName,
    directorName: p.director.name,
    directorTitle: p.director.title,
  };
}

function nextCohort(ctx: AppCore, programId: number, year: number, numbering: 'per_year' | 'continuous', exceptId: number | null): number {
  const r = ctx.db
    .prepare(
      `SELECT coalesce(max(cohort_number), 0) + 1 AS n FROM classes WHERE program_id = ? AND cohort_numbering = ? AND id IS NOT ?
       ${numbering === 'per_year' ? 'AND year = ?' : ''}`,
    )
    .get(programId, numbering, exceptId, ...(numbering === 'per_year' ? [year] : [])) as { n: number };
  return r.n;
}

function nextDecisionNumber(ctx: AppCore, date: string): number {
  const r = ctx.db
    .prepare("SELECT coalesce(max(number), 0) + 1 AS n FROM documents WHERE type = 'QD' AND term_start = ?")
    .get(termOf(ctx.db, date)) as {
    n: number;
  };
  return r.n;
}

function assertActive(ctx: AppCore, table: 'venues' | 'lecturers', id: number | null, field: string, what: string): void {
  if (id === null) return;
  const r = ctx.db.prepare(`SELECT archived_at FROM ${table} WHERE id = ?`).get(id) as { archived_at: string | null } | undefined;
  if (!r) throw new AppError('INVALID_INPUT', `${what} không tồn tại.`, { [field]: `${what} không tồn tại` });
  if (r.archived_at) throw new AppError('INVALID_INPUT', `${what} đã lưu trữ, không dùng cho lớp mới.`, { [field]: `${what} đã lưu trữ` });
}

function save(ctx: AppCore, input: z.output<typeof classInput>): ClassRow {
  const db = ctx.db;
  return db.transaction(() => {
    const before = input.id === undefined ? null : getClass(ctx, input.id);
    const program = db.prepare('SELECT archived_at FROM programs WHERE id = ?').get(input.programId) as
      { archived_at: string | null } | undefined;
    if (!program) throw new AppError('INVALID_INPUT', 'Chương trình không tồn tại.', { programId: 'Chương trình không tồn tại' });
    if (program.archived_at && before?.programId !== input.programId) {
      throw new AppError('INVALID_INPUT', 'Chương trình đã lưu trữ.', { programId: 'Chương trình đã lưu trữ, không mở lớp mới' });
    }
    if (before?.venueId !== input.venueId) assertActive(ctx, 'venues', input.venueId, 'venueId', 'Địa điểm');
    if (before?.homeroomLecturerId !== input.homeroomLecturerId)
      assertActive(ctx, 'lecturers', input.homeroomLecturerId, 'homeroomLecturerId', 'Giảng viên chủ nhiệm');
    const year = Number(input.startDate.slice(0, 4));
    if (isYearClosed(ctx, year)) throw new AppError('YEAR_CLOSED', `Năm ${year} đã khóa sổ.`, { startDate: `Năm ${year} đã khóa sổ` });
    if (input.planLineId !== null) {
      const line = db.prepare('SELECT program_id, year FROM plan_lines WHERE id = ?').get(input.planLineId) as
        { program_id: number; year: number } | undefined;
      if (!line || line.program_id !== input.programId || line.year !== year) {
        throw new AppError('INVALID_INPUT', 'Dòng kế hoạch không khớp với chương trình hoặc năm của lớp.', {
          planLineId: 'Không khớp chương trình hoặc năm',
        });
      }
    }
    if (before) {
      const outside = db
        .prepare('SELECT count(*) AS n FROM sessions WHERE class_id = ? AND (date < ? OR date > ?)')
        .get(before.id, input.startDate, input.endDate) as { n: number };
      if (outside.n > 0) {
        throw new AppError('SESSIONS_OUTSIDE', `Có ${outside.n} buổi học nằm ngoài khoảng ngày mới; hãy sửa lịch học trước.`, {
          endDate: `${outside.n} buổi học nằm ngoài khoảng ngày này`,
        });
      }
    }
    const body = before && before.startDate === input.startDate ? before.issuingBody : issuingBody(ctx, input.startDate);
    const now = ctx.now().toISOString();

    // The opening decision is a numbered document: its number is unique for decisions in the term.
    let decisionId: number | null = null;
    if (input.openingDecisionNumber !== null && input.openingDecisionDate !== null) {
      const existingId = before
        ? (db.prepare('SELECT opening_decision_id AS d FROM classes WHERE id = ?').get(before.id) as { d: number | null }).d
        : null;
      decisionId = saveDecision(db, {
        existingId,
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
    const values = {
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
        const recorded = db
          .prepare(
            `SELECT 1 FROM enrollments e WHERE e.class_id = ? AND (EXISTS (SELECT 1 FROM attendance a WHERE a.enrollment_id = e.id)
               OR EXISTS (SELECT 1 FROM scores s WHERE s.enrollment_id = e.id)) LIMIT 1`,
          )
          .get(id);
        if (recorded) {
          throw new AppError('PROGRAM_IN_USE', 'Lớp đã có điểm danh hoặc điểm theo chương trình cũ; không đổi chương trình được.', {
            programId: 'Lớp đã có điểm danh hoặc điểm',
          });
        }
        // Nothing recorded yet: the new program's assessment scheme applies from now on.
        db.prepare('UPDATE classes SET scheme_json = NULL WHERE id = ?').run(id);
      }
      db.prepare(
        `UPDATE classes SET program_id = @program_id, plan_line_id = @plan_line_id, year = @year, cohort_number = @cohort_number,
           cohort_numbering = @cohort_numbering, name = @name, start_date = @start_date, end_date = @end_date, venue_id = @venue_id,
           form = @form, homeroom_lecturer_id = @homeroom_lecturer_id, status = @status, opening_decision_id = @opening_decision_id,
           issuing_body_json = @issuing_body_json, capacity = @capacity, updated_at = @now WHERE id = @id`,
      ).run({ ...values, id });
    } else {
      id = Number(
        db
          .prepare(
            `INSERT INTO classes (program_id, plan_line_id, year, cohort_number, cohort_numbering, name, start_date, end_date, venue_id, form,
               homeroom_lecturer_id, status, opening_decision_id, issuing_body_json, capacity, created_at, updated_at)
             VALUES (@program_id, @plan_line_id, @year, @cohort_number, @cohort_numbering, @name, @start_date, @end_date, @venue_id, @form,
               @homeroom_lecturer_id, @status, @opening_decision_id, @issuing_body_json, @capacity, @now, @now)`,
          )
          .run(values).lastInsertRowid,
      );
      if (decisionId) db.prepare('UPDATE documents SET class_id = ? WHERE id = ?').run(id, decisionId);
    }
    db.prepare('DELETE FROM class_sites WHERE class_id = ?').run(id);
    const site = db.prepare('INSERT INTO class_sites (class_id, position, place, contact) VALUES (?, ?, ?, ?)');
    input.sites.forEach((s, i) => site.run(id, i + 1, s.place, s.contact));
    const after = getClass(ctx, id);
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
    const before = getClass(ctx, id);
    if (isYearClosed(ctx, before.year))
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
    ctx.db
      .prepare('UPDATE classes SET status = ?, cancel_reason = ?, updated_at = ? WHERE id = ?')
      .run(status, status === 'cancelled' ? reason!.trim() : null, ctx.now().toISOString(), id);
    const after = getClass(ctx, id);
    audit(ctx, { action: 'update', entity: 'class', entityId: id, before, after, ...(reason ? { reason } : {}) });
    return after;
  })();
}

export const classesHandlers: Handlers<
  Pick<typeof classesChannels, 'classes.list' | 'classes.get' | 'classes.propose' | 'classes.save' | 'classes.setStatus'>
> = {
  'classes.list': (ctx, input) =>
    (
      ctx.db
        .prepare(`${SELECT} WHERE (? IS NULL OR c.year = ?) AND (? IS NULL OR c.program_id = ?) ORDER BY c.start_date DESC, c.id DESC`)
        .all(input.year, input.year, input.programId, input.programId) as Row[]
    ).map((r) => toClass(ctx, r)),
  'classes.get': (ctx, input) => getClass(ctx, input.id),
  'classes.propose': (ctx, input) => {
    const program = ctx.db.prepare('SELECT name FROM programs WHERE id = ?').get(input.programId) as { name: string } | undefined;
    if (!program) throw new AppError('NOT_FOUND', 'Không tìm thấy chương trình.');
    const year = Number(input.startDate.slice(0, 4));
    const cohortNumber = nextCohort(ctx, input.programId, year, input.cohortNumbering, null);
    return {
      cohortNumber,
      name: proposeClassName(program.name, cohortNumber, input.cohortNumbering, year),
      nextDecisionNumber: nextDecisionNumber(ctx, input.startDate),
    };
  },
  'classes.save': (ctx, input) => save(ctx, input),
  'classes.setStatus': (ctx, input) => setStatus(ctx, input.id, input.status, input.reason),
};
