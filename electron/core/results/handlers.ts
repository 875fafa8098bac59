import type { z } from 'zod';
import type { ResultsGrid, resultsChannels } from '../../../shared/contract/results';
import type { AppCore } from '../app-core';
import { audit } from '../audit-store';
import { freezeClassScheme } from '../classes/scheme';
import { decisionLabel, saveDecision } from '../classes/terms';
import { classFrame, classRoll, names, rollToWrite } from '../enrollments/class-frame';
import { AppError } from '../errors';
import type { Handlers } from '../handler';
import { resultsGrid, resultsGridOf } from './grid';
import { classScores, markRecognised, saveOutcomes, writeScore } from './store';

type Input<C extends keyof typeof resultsChannels> = z.output<(typeof resultsChannels)[C]['input']>;

interface ScoreChange {
  enrollmentId: number;
  component: number;
  attempt: number;
  tenths: number | null;
}

function setScores(ctx: AppCore, input: Input<'results.setScores'>): ResultsGrid {
  const db = ctx.db;
  return db.transaction(() => {
    const roll = rollToWrite(ctx, input.classId, input.reason);
    const { frame: c, scheme } = roll;
    const enrollments = new Map(roll.enrollments.map((e) => [e.id, e]));
    // Scores as they stand, kept current while the batch writes so a later change sees an earlier one.
    const key = (enrollmentId: number, component: number, attempt: number) => `${enrollmentId}:${component}:${attempt}`;
    const current = new Map(classScores(db, input.classId).map((s) => [key(s.enrollment_id, s.component, s.attempt), s.tenths]));
    const before: ScoreChange[] = [];
    const after: ScoreChange[] = [];
    const write = (enrollmentId: number, component: number, attempt: number, tenths: number | null) => {
      const k = key(enrollmentId, component, attempt);
      before.push({ enrollmentId, component, attempt, tenths: current.get(k) ?? null });
      after.push({ enrollmentId, component, attempt, tenths });
      writeScore(db, enrollmentId, component, attempt, tenths);
      if (tenths === null) current.delete(k);
      else current.set(k, tenths);
    };
    for (const ch of input.changes) {
      const e = enrollments.get(ch.enrollmentId);
      if (!e) throw new AppError('INVALID_INPUT', 'Có học viên không thuộc lớp này; hãy tải lại trang.');
      if (e.status === 'withdrawn') throw new AppError('WITHDRAWN', `${e.fullName} đã thôi học; không nhập điểm được.`);
      const component = scheme.components[ch.component];
      if (!component) throw new AppError('INVALID_INPUT', 'Chương trình của lớp không có nội dung đánh giá này.');
      if (ch.attempt === 2 && ch.tenths !== null) {
        const f = current.get(key(ch.enrollmentId, ch.component, 1));
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
      write(ch.enrollmentId, ch.component, ch.attempt, ch.tenths);
      // A first attempt corrected to a pass (or cleared) leaves no failed attempt for a retake to replace.
      if (ch.attempt === 1 && (ch.tenths === null || ch.tenths >= 50) && current.has(key(ch.enrollmentId, ch.component, 2))) {
        write(ch.enrollmentId, ch.component, 2, null);
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
    const grid = resultsGridOf(db, roll);
    if (c.locked) saveOutcomes(db, grid);
    return grid;
  })();
}

function incompleteMessage(incomplete: ResultsGrid['rows']): string {
  const why = (r: ResultsGrid['rows'][number]) =>
    r.result.reasons
      .filter((x) => x.startsWith('Chưa'))
      .join('; ')
      .toLocaleLowerCase('vi');
  return `Còn ${incomplete.length} học viên chưa đủ điểm danh hoặc điểm: ${names(incomplete.map((r) => ({ name: `${r.fullName} (${why(r)})` })))}.`;
}

/** Results are recognised by a numbered decision; attendance and scores lock with it. */
function recognise(ctx: AppCore, input: Input<'results.recognise'>): ResultsGrid {
  const db = ctx.db;
  return db.transaction(() => {
    const c = classFrame(ctx, input.classId);
    if (c.status !== 'finished') throw new AppError('NOT_FINISHED', 'Chỉ công nhận kết quả khi lớp đã kết thúc.');
    const grid = resultsGridOf(db, classRoll(ctx, input.classId, { frame: c, scheme: freezeClassScheme(ctx, input.classId) }));
    if (grid.rows.length === 0) throw new AppError('RESULTS_INCOMPLETE', 'Lớp chưa có học viên.');
    if (grid.rows[0]!.result.sessions === 0)
      throw new AppError('RESULTS_INCOMPLETE', 'Lớp chưa có lịch học nên chưa điểm danh được; hãy lập lịch học trước.');
    const incomplete = grid.rows.filter((r) => r.result.status === 'incomplete');
    if (incomplete.length > 0) throw new AppError('RESULTS_INCOMPLETE', incompleteMessage(incomplete));
    const now = ctx.now().toISOString();
    const decisionId = saveDecision(db, {
      existingId: null,
      number: input.decisionNumber,
      date: input.decisionDate,
      subject: `Quyết định công nhận kết quả học tập ${c.name.charAt(0).toLocaleLowerCase('vi')}${c.name.slice(1)}`,
      classId: input.classId,
      docCode: c.issuingBody.docCode,
      field: 'decisionNumber',
      now,
    });
    markRecognised(db, input.classId, decisionId, now);
    audit(ctx, {
      action: 'update',
      entity: 'class',
      entityId: input.classId,
      after: { recognised: grid.summary, decision: input.decisionNumber },
    });
    saveOutcomes(db, grid);
    // Recognising changes the lock and the decision, not a single result: the grid built above stands.
    const decision = {
      number: input.decisionNumber,
      label: decisionLabel(input.decisionNumber, c.issuingBody.docCode),
      date: input.decisionDate,
    };
    return { ...grid, locked: true, decision };
  })();
}

export const resultsHandlers: Handlers<typeof resultsChannels> = {
  'results.grid': (ctx, input) => resultsGrid(ctx, input.classId),
  'results.setScores': (ctx, input) => setScores(ctx, input),
  'results.recognise': (ctx, input) => recognise(ctx, input),
};
