import type { enrollmentsChannels } from '../../../shared/contract/enrollments';
import type { AppCore } from '../app-core';
import { audit } from '../audit-store';
import { freezeClassScheme } from '../classes/scheme';
import { AppError, found } from '../errors';
import type { Handlers } from '../handler';
import { resultsGridOf } from '../results/grid';
import { saveOutcomes } from '../results/store';
import { classFrame, classRoll, requireReasonIfLocked, sitesOf } from './class-frame';
import { enrollmentList, enrolPeople, listOf } from './enrol';
import { enrollmentRef, enrollmentRefs, unitMemberIds, withdrawEnrollment, writeDiscipline, writeSite } from './store';

const enrollmentOf = (ctx: AppCore, enrollmentId: number) =>
  found(enrollmentRef(ctx.db, enrollmentId), 'Không tìm thấy học viên này trong lớp.');

export const enrollmentsHandlers: Handlers<typeof enrollmentsChannels> = {
  'enrollments.list': (ctx, input) => enrollmentList(ctx, input.classId),
  'enrollments.add': (ctx, input) => enrolPeople(ctx, input.classId, input.personIds, input.fitOverrideReason),
  'enrollments.addUnit': (ctx, input) => {
    const ids = unitMemberIds(ctx.db, input.unitId);
    if (ids.length === 0) throw new AppError('EMPTY_UNIT', 'Đơn vị này chưa có ai trong sổ học viên.');
    return enrolPeople(ctx, input.classId, ids, input.fitOverrideReason);
  },
  'enrollments.withdraw': (ctx, input) =>
    ctx.db.transaction(() => {
      const e = enrollmentOf(ctx, input.enrollmentId);
      const c = classFrame(ctx, e.classId);
      if (c.locked) throw new AppError('LOCKED', 'Kết quả lớp đã được công nhận; không cho thôi học được nữa.');
      if (e.status === 'withdrawn') throw new AppError('ALREADY_WITHDRAWN', 'Học viên này đã thôi học.');
      withdrawEnrollment(ctx.db, e.id, input.reason, ctx.now().toISOString());
      audit(ctx, { action: 'update', entity: 'enrollment', entityId: e.id, reason: `Thôi học: ${input.reason}` });
      return enrollmentList(ctx, e.classId, c);
    })(),
  'enrollments.setDiscipline': (ctx, input) =>
    ctx.db.transaction(() => {
      const e = enrollmentOf(ctx, input.enrollmentId);
      const c = classFrame(ctx, e.classId);
      requireReasonIfLocked(c.locked, input.reason);
      const scheme = freezeClassScheme(ctx, e.classId);
      writeDiscipline(ctx.db, e.id, input.discipline, input.note, ctx.now().toISOString());
      audit(ctx, {
        action: 'update',
        entity: 'enrollment',
        entityId: e.id,
        before: { discipline: e.discipline, note: e.disciplineNote },
        after: { discipline: input.discipline, note: input.note },
        ...(input.reason ? { reason: input.reason } : {}),
      });
      const roll = classRoll(ctx, e.classId, { frame: c, scheme });
      if (c.locked) saveOutcomes(ctx.db, resultsGridOf(ctx.db, roll));
      return listOf(c, roll.enrollments);
    })(),
  'enrollments.setSite': (ctx, input) =>
    ctx.db.transaction(() => {
      const found = enrollmentRefs(ctx.db, input.enrollmentIds);
      const rows = input.enrollmentIds.map((id) => found.get(id) ?? enrollmentOf(ctx, id));
      const classId = rows[0]!.classId;
      if (rows.some((e) => e.classId !== classId))
        throw new AppError('INVALID_INPUT', 'Các học viên được chọn không cùng một lớp; hãy tải lại trang.');
      const c = classFrame(ctx, classId);
      if (c.form !== 'online') throw new AppError('INVALID_INPUT', 'Chỉ lớp trực tuyến mới chia theo điểm cầu.');
      if (input.site !== null && !sitesOf(c).includes(input.site)) {
        throw new AppError('INVALID_INPUT', `Lớp không có điểm cầu «${input.site}»; hãy thêm điểm cầu ở thông tin lớp.`, {
          site: 'Điểm cầu không có trong lớp',
        });
      }
      writeSite(ctx.db, input.enrollmentIds, input.site, ctx.now().toISOString());
      audit(ctx, {
        action: 'update',
        entity: 'class_enrollments',
        entityId: classId,
        after: { site: input.site, enrollments: input.enrollmentIds },
      });
      return enrollmentList(ctx, classId, c);
    })(),
};
