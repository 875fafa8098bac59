import type { z } from 'zod';
import type { AttendanceGrid, attendanceChannels } from '../../../shared/contract/attendance';
import type { AppCore } from '../app-core';
import { audit } from '../audit-store';
import { rollToWrite } from '../enrollments/class-frame';
import { AppError } from '../errors';
import type { Handlers } from '../handler';
import { resultsGridOf } from '../results/grid';
import { saveOutcomes } from '../results/store';
import { attendanceGrid, attendanceGridOf } from './grid';
import { classMarks, classSessions, writeMark } from './store';

type SetInput = z.output<(typeof attendanceChannels)['attendance.set']['input']>;

function setAttendance(ctx: AppCore, input: SetInput): AttendanceGrid {
  const db = ctx.db;
  return db.transaction(() => {
    const roll = rollToWrite(ctx, input.classId, input.reason);
    const c = roll.frame;
    const sessions = new Set(classSessions(db, input.classId).map((s) => s.id));
    const enrollments = new Map(roll.enrollments.map((e) => [e.id, e]));
    const key = (enrollmentId: number, sessionId: number) => `${enrollmentId}:${sessionId}`;
    const current = new Map<string, string>(classMarks(db, input.classId).map((m) => [key(m.enrollment_id, m.session_id), m.mark]));
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
      const k = key(ch.enrollmentId, ch.sessionId);
      before.push({ enrollmentId: ch.enrollmentId, sessionId: ch.sessionId, mark: current.get(k) ?? null });
      writeMark(db, ch.enrollmentId, ch.sessionId, ch.mark);
      if (ch.mark === null) current.delete(k);
      else current.set(k, ch.mark);
    }
    audit(ctx, {
      action: 'update',
      entity: 'attendance',
      entityId: input.classId,
      before,
      after: input.changes,
      ...(c.locked ? { reason: input.reason } : {}),
    });
    const grid = attendanceGridOf(db, roll);
    if (c.locked) saveOutcomes(db, resultsGridOf(db, roll, grid));
    return grid;
  })();
}

export const attendanceHandlers: Handlers<typeof attendanceChannels> = {
  'attendance.grid': (ctx, input) => attendanceGrid(ctx, input.classId),
  'attendance.set': (ctx, input) => setAttendance(ctx, input),
};
