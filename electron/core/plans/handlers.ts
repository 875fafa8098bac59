import { emptyPlanSummary, type PlanSummary, type plansChannels } from '../../../shared/contract/plans';
import type { AppCore } from '../app-core';
import { audit } from '../audit-store';
import { AppError, found } from '../errors';
import type { Handlers } from '../handler';
import { programFacts, programNames } from '../programs/store';
import { communeByCode } from '../reference/communes';
import { classTallyByProgram } from '../reports/counted-store';
import * as store from './store';

function assertOpen(ctx: AppCore, year: number): void {
  if (store.isYearClosed(ctx.db, year)) {
    throw new AppError('YEAR_CLOSED', `Năm ${year} đã khóa sổ; kế hoạch của năm này không thể thay đổi.`, {
      year: `Năm ${year} đã khóa sổ`,
    });
  }
}

const line = (ctx: AppCore, id: number) => found(store.lineById(ctx.db, id), 'Không tìm thấy dòng kế hoạch.');

function year(ctx: AppCore, y: number) {
  const lines = store.linesOfYear(ctx.db, y);
  const byProgram = new Map<number, PlanSummary>();
  const summary = (programId: number, programName: string): PlanSummary => {
    let s = byProgram.get(programId);
    if (!s) {
      s = emptyPlanSummary(programId, programName);
      byProgram.set(programId, s);
    }
    return s;
  };
  for (const l of lines) {
    const s = summary(l.programId, l.programName);
    s.plannedClasses += l.plannedClasses;
    s.plannedLearners += l.plannedLearners;
  }
  // The year's classes per program, from a plan line or not, counted exactly as the report counts them.
  const names = programNames(ctx.db);
  for (const [programId, t] of classTallyByProgram(ctx.db, y)) {
    if (t.classes + t.pending === 0) continue;
    Object.assign(summary(programId, names.get(programId) ?? ''), {
      actualClasses: t.classes,
      actualLearners: t.learners,
      pendingClasses: t.pending,
      pendingLearners: t.pendingLearners,
    });
  }
  return { year: y, closed: store.isYearClosed(ctx.db, y), lines, byProgram: [...byProgram.values()] };
}

export const plansHandlers: Handlers<typeof plansChannels> = {
  'plans.year': (ctx, input) => year(ctx, input.year),
  'plans.saveLine': (ctx, input) =>
    ctx.db.transaction(() => {
      assertOpen(ctx, input.year);
      const program = programFacts(ctx.db, input.programId);
      if (!program) throw new AppError('NOT_FOUND', 'Không tìm thấy chương trình.', { programId: 'Chương trình không tồn tại' });
      const commune = input.communeCode === null ? null : communeByCode(input.communeCode);
      if (input.communeCode !== null && !commune)
        throw new AppError('INVALID_INPUT', 'Xã, phường không có trong danh mục.', { communeCode: 'Không có trong danh mục 2025' });
      const place = commune ? commune.name : 'Tại trung tâm';
      const now = ctx.now().toISOString();
      if (input.id === undefined) {
        if (program.archivedAt)
          throw new AppError('INVALID_INPUT', 'Chương trình đã lưu trữ.', { programId: 'Chương trình đã lưu trữ, không lập kế hoạch mới' });
        const id = store.writeLine(ctx.db, input, place, now);
        audit(ctx, { action: 'create', entity: 'plan_line', entityId: id, after: input });
        return line(ctx, id);
      }
      const before = line(ctx, input.id);
      assertOpen(ctx, before.year);
      store.writeLine(ctx.db, input, place, now);
      audit(ctx, { action: 'update', entity: 'plan_line', entityId: input.id, before, after: input });
      return line(ctx, input.id);
    })(),
  'plans.deleteLine': (ctx, input) =>
    ctx.db.transaction(() => {
      const before = line(ctx, input.id);
      assertOpen(ctx, before.year);
      if (before.actualClasses + before.pendingClasses > 0) {
        const pending = before.pendingClasses > 0 ? ` (${before.pendingClasses} lớp dự kiến)` : '';
        throw new AppError(
          'IN_USE',
          `Đã có ${before.actualClasses + before.pendingClasses} lớp theo dòng kế hoạch này${pending}; không xóa được.`,
        );
      }
      store.deleteLine(ctx.db, input.id);
      audit(ctx, { action: 'delete', entity: 'plan_line', entityId: input.id, before });
      return { ok: true };
    })(),
  'plans.copyYear': (ctx, input) =>
    ctx.db.transaction(() => {
      assertOpen(ctx, input.to);
      if (input.from === input.to) throw new AppError('INVALID_INPUT', 'Chọn hai năm khác nhau.');
      const copied = store.copyLines(ctx.db, input.from, input.to, ctx.now().toISOString());
      if (copied === 0) throw new AppError('NOTHING_TO_COPY', `Năm ${input.from} chưa có kế hoạch để sao chép.`);
      audit(ctx, { action: 'create', entity: 'plan', entityId: input.to, after: { copiedFrom: input.from, lines: copied } });
      return { copied };
    })(),
};
