import type { z } from 'zod';
import type { Enrollment, enrollmentsChannels } from '../../../shared/contract/enrollments';
import { evaluate, type AttendanceMark } from '../../../shared/domain/eligibility';
import { PARTY_STATUS_LABELS, type PartyStatus } from '../../../shared/domain/learner-fields';
import { formatNumber } from '../../../shared/domain/format';
import { fullName } from '../../../shared/domain/text';
import type { AppCore } from '../app-core';
import { audit } from '../audit';
import { AppError } from '../errors';
import { ethnicityByCode } from '../../../shared/domain/ethnic-groups';
import { decisionLabel, saveDecision } from '../classes/terms';
import { classScheme, freezeClassScheme } from '../classes/scheme';
import { getClass } from './classes';
import type { Handlers } from '../handler';

type Channels = typeof enrollmentsChannels;
type Out<C extends keyof Channels> = z.output<Channels[C]['output']>;

const LOCKED = new Set(['results_recognised', 'certificates_issued']);

function classFrame(ctx: AppCore, classId: number) {
  const c = getClass(ctx, classId);
  return { ...c, locked: LOCKED.has(c.status) };
}

interface Row {
  id: number;
  person_id: number;
  family_and_middle: string;
  given: string;
  sex: Enrollment['sex'];
  birth_date: string | null;
  ethnicity_code: string | null;
  position: string;
  unit_name: string | null;
  party_status: Enrollment['partyStatus'];
  status: Enrollment['status'];
  withdraw_reason: string | null;
  fit_override_reason: string | null;
  discipline: number;
  discipline_note: string;
  site: string | null;
}

/** The class's learners in Vietnamese list order (given name, then family name). */
export function enrollmentRows(ctx: AppCore, classId: number): Enrollment[] {
  const rows = ctx.db
    .prepare(
      `SELECT e.*, p.family_and_middle, p.given, p.sex, p.birth_date, p.ethnicity_code, p.position, p.party_status, u.name AS unit_name
       FROM enrollments e JOIN people p ON p.id = e.person_id LEFT JOIN units u ON u.id = p.unit_id
       WHERE e.class_id = ? ORDER BY p.sort_key, p.id`,
    )
    .all(classId) as Row[];
  return rows.map((r) => ({
    id: r.id,
    personId: r.person_id,
    fullName: fullName({ familyAndMiddle: r.family_and_middle, given: r.given }),
    familyAndMiddle: r.family_and_middle,
    given: r.given,
    sex: r.sex,
    birthDate: r.birth_date,
    ethnicityName: ethnicityByCode(r.ethnicity_code)?.name ?? null,
    position: r.position,
    unitName: r.unit_name,
    partyStatus: r.party_status,
    status: r.status,
    withdrawReason: r.withdraw_reason,
    fitOverrideReason: r.fit_override_reason,
    discipline: r.discipline === 1,
    disciplineNote: r.discipline_note,
    site: r.site,
  }));
}

/** Connected sites count only for online classes. */
function sitesOf(c: ReturnType<typeof classFrame>): string[] {
  return c.form === 'online' ? c.sites.map((s) => s.place) : [];
}

function list(ctx: AppCore, classId: number): Out<'enrollments.list'> {
  const c = classFrame(ctx, classId);
  const enrollments = enrollmentRows(ctx, classId);
  return {
    classId,
    sites: sitesOf(c),
    capacity: c.capacity,
    enrolled: enrollments.filter((e) => e.status === 'enrolled').length,
    enrollments,
  };
}

function setSite(ctx: AppCore, enrollmentIds: number[], site: string | null): Out<'enrollments.list'> {
  return ctx.db.transaction(() => {
    const rows = enrollmentIds.map((id) => enrollmentOf(ctx, id));
    const classId = rows[0]!.class_id;
    if (rows.some((e) => e.class_id !== classId))
      throw new AppError('INVALID_INPUT', 'Các học viên được chọn không cùng một lớp; hãy tải lại trang.');
    const c = classFrame(ctx, classId);
    if (c.form !== 'online') throw new AppError('INVALID_INPUT', 'Chỉ lớp trực tuyến mới chia theo điểm cầu.');
    if (site !== null && !sitesOf(c).includes(site)) {
      throw new AppError('INVALID_INPUT', `Lớp không có điểm cầu «${site}»; hãy thêm điểm cầu ở thông tin lớp.`, {
        site: 'Điểm cầu không có trong lớp',
      });
    }
    const update = ctx.db.prepare('UPDATE enrollments SET site = ?, updated_at = ? WHERE id = ?');
    const now = ctx.now().toISOString();
    for (const e of rows) update.run(site, now, e.id);
    audit(ctx, { action: 'update', entity: 'class_enrollments', entityId: classId, after: { site, enrollments: enrollmentIds } });
    return list(ctx, classId);
  })();
}

function names(rows: { name: string }[]): string {
  const shown = rows
    .slice(0, 5)
    .map((r) => r.name)
    .join(', ');
  return rows.length > 5 ? `${shown} và ${rows.length - 5} người khác` : shown;
}

/**
 * All or nothing: someone already in the class stops the batch; people the program is not meant for
 * (the admission course is for non-members, the new-member course for probationary members) need a
 * reason from the clerk.
 */
export function enrolPeople(ctx: AppCore, classId: number, personIds: number[], override: string | undefined): Out<'enrollments.add'> {
  const db = ctx.db;
  return db.transaction(() => {
    const c = classFrame(ctx, classId);
    if (c.locked || c.status === 'cancelled')
      throw new AppError('LOCKED', 'Lớp đã công nhận kết quả hoặc đã hủy; không ghi danh thêm được.');
    const ids = [...new Set(personIds)];
    const people = ids.map((id) => {
      const p = db.prepare('SELECT id, family_and_middle, given, party_status, merged_into_id FROM people WHERE id = ?').get(id) as
        | { id: number; family_and_middle: string; given: string; party_status: PartyStatus | null; merged_into_id: number | null }
        | undefined;
      if (!p || p.merged_into_id)
        throw new AppError('NOT_FOUND', 'Có người không còn trong sổ học viên (đã gộp hoặc xóa); hãy tải lại danh sách.');
      return { ...p, name: fullName({ familyAndMiddle: p.family_and_middle, given: p.given }) };
    });
    const existing = new Map(
      (
        db.prepare('SELECT person_id, status, id FROM enrollments WHERE class_id = ?').all(classId) as {
          person_id: number;
          status: string;
          id: number;
        }[]
      ).map((e) => [e.person_id, e]),
    );
    const already = people.filter((p) => existing.get(p.id)?.status === 'enrolled');
    if (already.length > 0) {
      throw new AppError('ALREADY_ENROLLED', `${names(already)} đã có trong lớp; chưa ghi danh ai.`);
    }
    const fit = JSON.parse(
      (db.prepare('SELECT fit_statuses FROM programs WHERE id = ?').get(c.programId) as { fit_statuses: string }).fit_statuses,
    ) as PartyStatus[];
    // An unknown status is not a mismatch: cells' lists for the admission course rarely say "quần chúng".
    const misfits = fit.length === 0 ? [] : people.filter((p) => p.party_status !== null && !fit.includes(p.party_status));
    if (misfits.length > 0 && !override?.trim()) {
      const meant = fit.map((s) => PARTY_STATUS_LABELS[s].toLocaleLowerCase('vi')).join(', ');
      throw new AppError(
        'FIT_WARNING',
        `Chương trình dành cho ${meant}; không đúng đối tượng: ${names(misfits.map((m) => ({ name: `${m.name} (${PARTY_STATUS_LABELS[m.party_status!].toLocaleLowerCase('vi')})` })))}. Ghi lý do nếu vẫn cho học.`,
      );
    }
    const now = ctx.now().toISOString();
    const misfit = new Set(misfits.map((m) => m.id));
    const insert = db.prepare(
      "INSERT INTO enrollments (class_id, person_id, status, fit_override_reason, created_at, updated_at) VALUES (?, ?, 'enrolled', ?, ?, ?)",
    );
    const rejoin = db.prepare(
      "UPDATE enrollments SET status = 'enrolled', withdraw_reason = NULL, fit_override_reason = ?, updated_at = ? WHERE id = ?",
    );
    for (const p of people) {
      const reason = misfit.has(p.id) ? override!.trim() : null;
      const before = existing.get(p.id);
      if (before) rejoin.run(reason, now, before.id);
      else insert.run(classId, p.id, reason, now, now);
    }
    audit(ctx, {
      action: 'create',
      entity: 'class_enrollments',
      entityId: classId,
      after: { added: people.map((p) => p.id) },
      ...(misfits.length ? { reason: `Không đúng đối tượng: ${override}` } : {}),
    });
    const result = list(ctx, classId);
    const capacityWarning =
      c.capacity !== null && result.enrolled > c.capacity
        ? `Lớp có ${formatNumber(result.enrolled)} học viên, vượt sĩ số tối đa ${formatNumber(c.capacity)}.`
        : null;
    return { ...result, added: people.length, capacityWarning };
  })();
}

function enrollmentOf(ctx: AppCore, enrollmentId: number) {
  const e = ctx.db.prepare('SELECT * FROM enrollments WHERE id = ?').get(enrollmentId) as
    { id: number; class_id: number; status: string; person_id: number } | undefined;
  if (!e) throw new AppError('NOT_FOUND', 'Không tìm thấy học viên này trong lớp.');
  return e;
}

/** After results are recognised a change needs a reason, and the audit log keeps it. */
function requireReasonIfLocked(locked: boolean, reason: string | undefined): void {
  if (locked && !reason?.trim()) {
    throw new AppError('LOCKED_NEEDS_REASON', 'Kết quả lớp đã được công nhận: cần ghi lý do cho thay đổi này.', {
      reason: 'Cần ghi lý do',
    });
  }
}

export function attendanceGrid(ctx: AppCore, classId: number): Out<'attendance.grid'> {
  const c = classFrame(ctx, classId);
  const scheme = classScheme(ctx, classId);
  const sessions = ctx.db
    .prepare("SELECT id, date, half, title FROM sessions WHERE class_id = ? ORDER BY date, half = 'chieu', position")
    .all(classId) as Out<'attendance.grid'>['sessions'];
  const index = new Map(sessions.map((s, i) => [s.id, i]));
  const marks = ctx.db
    .prepare(
      'SELECT a.enrollment_id, a.session_id, a.mark FROM attendance a JOIN enrollments e ON e.id = a.enrollment_id WHERE e.class_id = ?',
    )
    .all(classId) as { enrollment_id: number; session_id: number; mark: AttendanceMark }[];
  const byEnrollment = new Map<number, (AttendanceMark | null)[]>();
  for (const m of marks) {
    const row = byEnrollment.get(m.enrollment_id) ?? sessions.map(() => null);
    const i = index.get(m.session_id);
    if (i !== undefined) row[i] = m.mark;
    byEnrollment.set(m.enrollment_id, row);
  }
  const rows = enrollmentRows(ctx, classId).map((e) => {
    const row = byEnrollment.get(e.id) ?? sessions.map(() => null);
    const absent = row.filter((m) => m === 'excused' || m === 'unexcused').length;
    const allowed = Math.floor((scheme.maxAbsencePct * sessions.length) / 100);
    return {
      enrollmentId: e.id,
      fullName: e.fullName,
      birthDate: e.birthDate,
      unitName: e.unitName,
      site: e.site,
      withdrawn: e.status === 'withdrawn',
      marks: row,
      absent,
      allowed,
      overLimit: absent * 100 > scheme.maxAbsencePct * sessions.length,
    };
  });
  return { classId, locked: c.locked, maxAbsencePct: scheme.maxAbsencePct, sessions, sites: sitesOf(c), rows };
}

function setAttendance(ctx: AppCore, input: z.output<Channels['attendance.set']['input']>): Out<'attendance.grid'> {
  const db = ctx.db;
  return db.transaction(() => {
    const c = classFrame(ctx, input.classId);
    if (c.status === 'cancelled') throw new AppError('LOCKED', 'Lớp đã hủy.');
    requireReasonIfLocked(c.locked, input.reason);
    freezeClassScheme(ctx, input.classId);
    const sessions = new Set(
      (db.prepare('SELECT id FROM sessions WHERE class_id = ?').all(input.classId) as { id: number }[]).map((s) => s.id),
    );
    const enrollments = new Map(enrollmentRows(ctx, input.classId).map((e) => [e.id, e]));
    const upsert = db.prepare(
      'INSERT INTO attendance (enrollment_id, session_id, mark) VALUES (?, ?, ?) ON CONFLICT (enrollment_id, session_id) DO UPDATE SET mark = excluded.mark',
    );
    const remove = db.prepare('DELETE FROM attendance WHERE enrollment_id = ? AND session_id = ?');
    const current = db.prepare('SELECT mark FROM attendance WHERE enrollment_id = ? AND session_id = ?');
    const before: { enrollmentId: number; sessionId: number; mark: string | null }[] = [];
    for (const ch of input.changes) {
      const e = enrollments.get(ch.enrollmentId);
      if (!e) throw new AppError('INVALID_INPUT', 'Có học viên không thuộc lớp này; hãy tải lại trang.');
      if (!sessions.has(ch.sessionId)) throw new AppError('INVALID_INPUT', 'Lớp không có buổi học này; hãy tải lại lịch học.');
      if (e.status === 'withdrawn' && ch.mark !== null) throw new AppError('WITHDRAWN', `${e.fullName} đã thôi học; không điểm danh được.`);
      if (c.locked && ch.mark === null && e.status === 'enrolled') {
        // A recognised result rests on a complete roll: correct a mark, never leave a hole in it.
        throw new AppError('LOCKED', `Kết quả lớp đã được công nhận: không xóa được điểm danh của ${e.fullName}, chỉ sửa sang mức khác.`);
      }
      before.push({
        enrollmentId: ch.enrollmentId,
        sessionId: ch.sessionId,
        mark: (current.get(ch.enrollmentId, ch.sessionId) as { mark: string } | undefined)?.mark ?? null,
      });
      if (ch.mark === null) remove.run(ch.enrollmentId, ch.sessionId);
      else upsert.run(ch.enrollmentId, ch.sessionId, ch.mark);
    }
    audit(ctx, {
      action: 'update',
      entity: 'attendance',
      entityId: input.classId,
      before,
      after: input.changes,
      ...(c.locked ? { reason: input.reason } : {}),
    });
    if (c.locked) storeOutcomes(ctx, input.classId);
    return attendanceGrid(ctx, input.classId);
  })();
}

export function resultsGrid(ctx: AppCore, classId: number): Out<'results.grid'> {
  const c = classFrame(ctx, classId);
  const scheme = classScheme(ctx, classId);
  const attendance = attendanceGrid(ctx, classId);
  const scores = ctx.db
    .prepare(
      'SELECT s.enrollment_id, s.component, s.attempt, s.tenths FROM scores s JOIN enrollments e ON e.id = s.enrollment_id WHERE e.class_id = ?',
    )
    .all(classId) as { enrollment_id: number; component: number; attempt: 1 | 2; tenths: number }[];
  const byEnrollment = new Map<number, { first: number | null; retake: number | null }[]>();
  for (const s of scores) {
    const row = byEnrollment.get(s.enrollment_id) ?? scheme.components.map(() => ({ first: null, retake: null }));
    const cell = row[s.component];
    if (cell) cell[s.attempt === 1 ? 'first' : 'retake'] = s.tenths;
    byEnrollment.set(s.enrollment_id, row);
  }
  const enrollments = new Map(enrollmentRows(ctx, classId).map((e) => [e.id, e]));
  const rows = attendance.rows
    .filter((r) => !r.withdrawn)
    .map((r) => {
      const e = enrollments.get(r.enrollmentId)!;
      const s = byEnrollment.get(r.enrollmentId) ?? scheme.components.map(() => ({ first: null, retake: null }));
      return {
        enrollmentId: r.enrollmentId,
        fullName: r.fullName,
        scores: s,
        discipline: e.discipline,
        result: evaluate(scheme, { marks: r.marks, scores: s, discipline: e.discipline }),
      };
    });
  const decisionRow = ctx.db
    .prepare('SELECT d.number, d.date FROM classes c JOIN documents d ON d.id = c.results_decision_id WHERE c.id = ?')
    .get(classId) as { number: number; date: string } | undefined;
  return {
    classId,
    locked: c.locked,
    scheme,
    decision: decisionRow
      ? { number: decisionRow.number, label: decisionLabel(decisionRow.number, c.issuingBody.docCode), date: decisionRow.date }
      : null,
    rows,
    summary: {
      eligible: rows.filter((r) => r.result.status === 'eligible').length,
      notEligible: rows.filter((r) => r.result.status === 'not_eligible').length,
      incomplete: rows.filter((r) => r.result.status === 'incomplete').length,
    },
  };
}

function setScores(ctx: AppCore, input: z.output<Channels['results.setScores']['input']>): Out<'results.grid'> {
  const db = ctx.db;
  return db.transaction(() => {
    const c = classFrame(ctx, input.classId);
    if (c.status === 'cancelled') throw new AppError('LOCKED', 'Lớp đã hủy.');
    requireReasonIfLocked(c.locked, input.reason);
    const scheme = freezeClassScheme(ctx, input.classId);
    const enrollments = new Map(enrollmentRows(ctx, input.classId).map((e) => [e.id, e]));
    const first = db.prepare('SELECT tenths FROM scores WHERE enrollment_id = ? AND component = ? AND attempt = 1');
    const upsert = db.prepare(
      'INSERT INTO scores (enrollment_id, component, attempt, tenths) VALUES (?, ?, ?, ?) ON CONFLICT (enrollment_id, component, attempt) DO UPDATE SET tenths = excluded.tenths',
    );
    const remove = db.prepare('DELETE FROM scores WHERE enrollment_id = ? AND component = ? AND attempt = ?');
    const current = db.prepare('SELECT tenths FROM scores WHERE enrollment_id = ? AND component = ? AND attempt = ?');
    const before: { enrollmentId: number; component: number; attempt: number; tenths: number | null }[] = [];
    const after: typeof before = [];
    const record = (enrollmentId: number, component: number, attempt: number, tenths: number | null) => {
      before.push({
        enrollmentId,
        component,
        attempt,
        tenths: (current.get(enrollmentId, component, attempt) as { tenths: number } | undefined)?.tenths ?? null,
      });
      after.push({ enrollmentId, component, attempt, tenths });
    };
    for (const ch of input.changes) {
      const e = enrollments.get(ch.enrollmentId);
      if (!e) throw new AppError('INVALID_INPUT', 'Có học viên không thuộc lớp này; hãy tải lại trang.');
      if (e.status === 'withdrawn') throw new AppError('WITHDRAWN', `${e.fullName} đã thôi học; không nhập điểm được.`);
      const component = scheme.components[ch.component];
      if (!component) throw new AppError('INVALID_INPUT', 'Chương trình của lớp không có nội dung đánh giá này.');
      if (ch.attempt === 2 && ch.tenths !== null) {
        const f = (first.get(ch.enrollmentId, ch.component) as { tenths: number } | undefined)?.tenths;
        if (scheme.maxRetakes < 1) throw new AppError('NO_RETAKE', 'Chương trình không cho đánh giá lại.');
        if (f === undefined || f >= 50) {
          throw new AppError(
            'NO_RETAKE',
            `${e.fullName}: chỉ đánh giá lại khi điểm ${component.name.toLocaleLowerCase('vi')} lần đầu dưới 5,0.`,
          );
        }
      }
      if (c.locked && ch.attempt === 1 && ch.tenths === null) {
        throw new AppError('LOCKED', `Kết quả lớp đã được công nhận: không xóa được điểm của ${e.fullName}, chỉ sửa sang điểm khác.`);
      }
      record(ch.enrollmentId, ch.component, ch.attempt, ch.tenths);
      if (ch.tenths === null) remove.run(ch.enrollmentId, ch.component, ch.attempt);
      else upsert.run(ch.enrollmentId, ch.component, ch.attempt, ch.tenths);
      // A first attempt corrected to a pass (or cleared) leaves no failed attempt for a retake to replace.
      if (ch.attempt === 1 && (ch.tenths === null || ch.tenths >= 50) && current.get(ch.enrollmentId, ch.component, 2)) {
        record(ch.enrollmentId, ch.component, 2, null);
        remove.run(ch.enrollmentId, ch.component, 2);
      }
    }
    audit(ctx, {
      action: 'update',
      entity: 'scores',
      entityId: input.classId,
      before,
      after,
      ...(c.locked ? { reason: input.reason } : {}),
    });
    if (c.locked) storeOutcomes(ctx, input.classId);
    return resultsGrid(ctx, input.classId);
  })();
}

/**
 * Each enrolment's recognised outcome and classification, kept with it for the reports: written when
 * results are recognised and again after every correction to a recognised class.
 */
export function storeOutcomes(ctx: AppCore, classId: number): void {
  freezeClassScheme(ctx, classId);
  const grid = resultsGrid(ctx, classId);
  const set = ctx.db.prepare(
    'UPDATE enrollments SET outcome = ?, classification = ? WHERE id = ? AND (outcome IS NOT ? OR classification IS NOT ?)',
  );
  for (const r of grid.rows) {
    const completed = r.result.status === 'eligible';
    const classification = completed ? r.result.classification : null;
    set.run(
      completed ? 'completed' : 'not_completed',
      classification,
      r.enrollmentId,
      completed ? 'completed' : 'not_completed',
      classification,
    );
  }
}

/** Results are recognised by a numbered decision; attendance and scores lock with it. */
function recognise(ctx: AppCore, input: z.output<Channels['results.recognise']['input']>): Out<'results.grid'> {
  const db = ctx.db;
  return db.transaction(() => {
    const c = classFrame(ctx, input.classId);
    if (c.status !== 'finished') throw new AppError('NOT_FINISHED', 'Chỉ công nhận kết quả khi lớp đã kết thúc.');
    freezeClassScheme(ctx, input.classId);
    const grid = resultsGrid(ctx, input.classId);
    if (grid.rows.length === 0) throw new AppError('RESULTS_INCOMPLETE', 'Lớp chưa có học viên.');
    if (grid.rows[0]!.result.sessions === 0)
      throw new AppError('RESULTS_INCOMPLETE', 'Lớp chưa có lịch học nên chưa điểm danh được; hãy lập lịch học trước.');
    const incomplete = grid.rows.filter((r) => r.result.status === 'incomplete');
    if (incomplete.length > 0) {
      throw new AppError(
        'RESULTS_INCOMPLETE',
        `Còn ${incomplete.length} học viên chưa đủ điểm danh hoặc điểm: ${names(
          incomplete.map((r) => ({
            name: `${r.fullName} (${r.result.reasons
              .filter((x) => x.startsWith('Chưa'))
              .join('; ')
              .toLocaleLowerCase('vi')})`,
          })),
        )}.`,
      );
    }
    const decisionId = saveDecision(db, {
      existingId: null,
      number: input.decisionNumber,
      date: input.decisionDate,
      subject: `Quyết định công nhận kết quả học tập ${c.name.charAt(0).toLocaleLowerCase('vi')}${c.name.slice(1)}`,
      classId: input.classId,
      docCode: c.issuingBody.docCode,
      field: 'decisionNumber',
      now: ctx.now().toISOString(),
    });
    db.prepare("UPDATE classes SET results_decision_id = ?, status = 'results_recognised', updated_at = ? WHERE id = ?").run(
      decisionId,
      ctx.now().toISOString(),
      input.classId,
    );
    audit(ctx, {
      action: 'update',
      entity: 'class',
      entityId: input.classId,
      after: { recognised: grid.summary, decision: input.decisionNumber },
    });
    storeOutcomes(ctx, input.classId);
    return resultsGrid(ctx, input.classId);
  })();
}

export const enrollmentsHandlers: Handlers<Channels> = {
  'enrollments.list': (ctx, input) => list(ctx, input.classId),
  'enrollments.add': (ctx, input) => enrolPeople(ctx, input.classId, input.personIds, input.fitOverrideReason),
  'enrollments.addUnit': (ctx, input) => {
    const ids = (
      ctx.db.prepare('SELECT id FROM people WHERE unit_id = ? AND merged_into_id IS NULL').all(input.unitId) as { id: number }[]
    ).map((r) => r.id);
    if (ids.length === 0) throw new AppError('EMPTY_UNIT', 'Đơn vị này chưa có ai trong sổ học viên.');
    return enrolPeople(ctx, input.classId, ids, input.fitOverrideReason);
  },
  'enrollments.withdraw': (ctx, input) =>
    ctx.db.transaction(() => {
      const e = enrollmentOf(ctx, input.enrollmentId);
      const c = classFrame(ctx, e.class_id);
      if (c.locked) throw new AppError('LOCKED', 'Kết quả lớp đã được công nhận; không cho thôi học được nữa.');
      if (e.status === 'withdrawn') throw new AppError('ALREADY_WITHDRAWN', 'Học viên này đã thôi học.');
      ctx.db
        .prepare("UPDATE enrollments SET status = 'withdrawn', withdraw_reason = ?, updated_at = ? WHERE id = ?")
        .run(input.reason, ctx.now().toISOString(), e.id);
      audit(ctx, { action: 'update', entity: 'enrollment', entityId: e.id, reason: `Thôi học: ${input.reason}` });
      return list(ctx, e.class_id);
    })(),
  'enrollments.setDiscipline': (ctx, input) =>
    ctx.db.transaction(() => {
      const e = enrollmentOf(ctx, input.enrollmentId);
      const c = classFrame(ctx, e.class_id);
      requireReasonIfLocked(c.locked, input.reason);
      freezeClassScheme(ctx, e.class_id);
      const was = ctx.db.prepare('SELECT discipline, discipline_note FROM enrollments WHERE id = ?').get(e.id) as {
        discipline: number;
        discipline_note: string;
      };
      ctx.db
        .prepare('UPDATE enrollments SET discipline = ?, discipline_note = ?, updated_at = ? WHERE id = ?')
        .run(input.discipline ? 1 : 0, input.note, ctx.now().toISOString(), e.id);
      audit(ctx, {
        action: 'update',
        entity: 'enrollment',
        entityId: e.id,
        before: { discipline: was.discipline === 1, note: was.discipline_note },
        after: { discipline: input.discipline, note: input.note },
        ...(input.reason ? { reason: input.reason } : {}),
      });
      if (c.locked) storeOutcomes(ctx, e.class_id);
      return list(ctx, e.class_id);
    })(),
  'enrollments.setSite': (ctx, input) => setSite(ctx, input.enrollmentIds, input.site),
  'attendance.grid': (ctx, input) => attendanceGrid(ctx, input.classId),
  'attendance.set': (ctx, input) => setAttendance(ctx, input),
  'results.grid': (ctx, input) => resultsGrid(ctx, input.classId),
  'results.setScores': (ctx, input) => setScores(ctx, input),
  'results.recognise': (ctx, input) => recognise(ctx, input),
};
