import type { z } from 'zod';
import type { PlanLine, planLineInput, plansChannels, PlanSummary } from '../../../shared/contract/plans';
import type { AppCore } from '../app-core';
import { audit } from '../audit';
import { AppError } from '../errors';
import { communeByCode } from '../reference/communes';
import { classTallyByPlanLine, classTallyByProgram } from '../reports/counted-classes';
import type { Handlers } from '../handler';

interface LineRow {
  id: number;
  year: number;
  program_id: number;
  program_name: string;
  quarter: number | null;
  commune_code: string | null;
  place: string;
  planned_classes: number;
  planned_learners: number;
  notes: string;
}

const SELECT = `SELECT l.*, p.name AS program_name FROM plan_lines l JOIN programs p ON p.id = l.program_id`;

function toLines(ctx: AppCore, rows: LineRow[]): PlanLine[] {
  const tally = classTallyByPlanLine(
    ctx.db,
    rows.map((r) => r.id),
  );
  return rows.map((r) => {
    const t = tally.get(r.id)!;
    return { ...toLine(r), actualClasses: t.classes, actualLearners: t.learners, pendingClasses: t.pending };
  });
}

function toLine(r: LineRow): Omit<PlanLine, 'actualClasses' | 'actualLearners' | 'pendingClasses'> {
  return {
    id: r.id,
    year: r.year,
    programId: r.program_id,
    programName: r.program_name,
    quarter: r.quarter,
    communeCode: r.commune_code,
    place: r.place,
    plannedClasses: r.planned_classes,
    plannedLearners: r.planned_learners,
    notes: r.notes,
  };
}

export function isYearClosed(ctx: AppCore, year: number): boolean {
  return ctx.db.prepare('SELECT 1 FROM year_closures WHERE year = ?').get(year) !== undefined;
}

function assertOpen(ctx: AppCore, year: number): void {
  if (isYearClosed(ctx, year)) {
    throw new AppError('YEAR_CLOSED', `Năm ${year} đã khóa sổ; kế hoạch của năm này không thể thay đổi.`, {
      year: `Năm ${year} đã khóa sổ`,
    });
  }
}

function getLine(ctx: AppCore, id: number): PlanLine {
  const r = ctx.db.prepare(`${SELECT} WHERE l.id = ?`).get(id) as LineRow | undefined;
  if (!r) throw new AppError('NOT_FOUND', 'Không tìm thấy dòng kế hoạch.');
  return toLines(ctx, [r])[0]!;
}

function saveLine(ctx: AppCore, input: z.output<typeof planLineInput>): PlanLine {
  return ctx.db.transaction(() => {
    assertOpen(ctx, input.year);
    const program = ctx.db.prepare('SELECT archived_at FROM programs WHERE id = ?').get(input.programId) as
      { archived_at: string | null } | undefined;
    if (!program) throw new AppError('NOT_FOUND', 'Không tìm thấy chương trình.', { programId: 'Chương trình không tồn tại' });
    const commune = input.communeCode === null ? null : communeByCode(input.communeCode);
    if (input.communeCode !== null && !commune)
      throw new AppError('INVALID_INPUT', 'Xã, phường không có trong danh mục.', { communeCode: 'Không có trong danh mục 2025' });
    const place = commune ? commune.name : 'Tại trung tâm';
    const now = ctx.now().toISOString();
    const values = {
      year: input.year,
      program_id: input.programId,
      quarter: input.quarter,
      commune_code: input.communeCode,
      place,
      planned_classes: input.plannedClasses,
      planned_learners: input.plannedLearners,
      notes: input.notes,
      now,
    };
    if (input.id === undefined) {
      if (program.archived_at)
        throw new AppError('INVALID_INPUT', 'Chương trình đã lưu trữ.', { programId: 'Chương trình đã lưu trữ, không lập kế hoạch mới' });
      const id = Number(
        ctx.db
          .prepare(
            `INSERT INTO plan_lines (year, program_id, quarter, commune_code, place, planned_classes, planned_learners, notes, created_at, updated_at)
             VALUES (@year, @program_id, @quarter, @commune_code, @place, @planned_classes, @planned_learners, @notes, @now, @now)`,
          )
          .run(values).lastInsertRowid,
      );
      audit(ctx, { action: 'create', entity: 'plan_line', entityId: id, after: input });
      return getLine(ctx, id);
    }
    const before = getLine(ctx, input.id);
    assertOpen(ctx, before.year);
    ctx.db
      .prepare(
        `UPDATE plan_lines SET year = @year, program_id = @program_id, quarter = @quarter, commune_code = @commune_code, place = @place,
           planned_classes = @planned_classes, planned_learners = @planned_learners, notes = @notes, updated_at = @now WHERE id = @id`,
      )
      .run({ ...values, id: input.id });
    audit(ctx, { action: 'update', entity: 'plan_line', entityId: input.id, before, after: input });
    return getLine(ctx, input.id);
  })();
}

function year(ctx: AppCore, y: number) {
  const lines = toLines(ctx, ctx.db.prepare(`${SELECT} WHERE l.year = ? ORDER BY p.sort_order, l.quarter, l.id`).all(y) as LineRow[]);
  const byProgram = new Map<number, PlanSummary>();
  const summary = (programId: number, programName: string): PlanSummary => {
    let s = byProgram.get(programId);
    if (!s)
      byProgram.set(
        programId,
        (s = {
          programId,
          programName,
          plannedClasses: 0,
          plannedLearners: 0,
          actualClasses: 0,
          actualLearners: 0,
          pendingClasses: 0,
          pendingLearners: 0,
        }),
      );
    return s;
  };
  for (const l of lines) {
    const s = summary(l.programId, l.programName);
    s.plannedClasses += l.plannedClasses;
    s.plannedLearners += l.plannedLearners;
  }
  // The year's classes per program, from a plan line or not, counted exactly as the report counts them.
  const names = new Map(
    (ctx.db.prepare('SELECT id, name FROM programs').all() as { id: number; name: string }[]).map((p) => [p.id, p.name]),
  );
  for (const [programId, t] of classTallyByProgram(ctx.db, y)) {
    if (t.classes + t.pending === 0) continue;
    Object.assign(summary(programId, names.get(programId) ?? ''), {
      actualClasses: t.classes,
      actualLearners: t.learners,
      pendingClasses: t.pending,
      pendingLearners: t.pendingLearners,
    });
  }
  return { year: y, closed: isYearClosed(ctx, y), lines, byProgram: [...byProgram.values()] };
}

export const plansHandlers: Handlers<typeof plansChannels> = {
  'plans.year': (ctx, input) => year(ctx, input.year),
  'plans.saveLine': (ctx, input) => saveLine(ctx, input),
  'plans.deleteLine': (ctx, input) =>
    ctx.db.transaction(() => {
      const line = getLine(ctx, input.id);
      assertOpen(ctx, line.year);
      if (line.actualClasses + line.pendingClasses > 0) {
        const pending = line.pendingClasses > 0 ? ` (${line.pendingClasses} lớp dự kiến)` : '';
        throw new AppError(
          'IN_USE',
          `Đã có ${line.actualClasses + line.pendingClasses} lớp theo dòng kế hoạch này${pending}; không xóa được.`,
        );
      }
      ctx.db.prepare('UPDATE classes SET plan_line_id = NULL WHERE plan_line_id = ?').run(input.id);
      ctx.db.prepare('DELETE FROM plan_lines WHERE id = ?').run(input.id);
      audit(ctx, { action: 'delete', entity: 'plan_line', entityId: input.id, before: line });
      return { ok: true };
    })(),
  'plans.copyYear': (ctx, input) =>
    ctx.db.transaction(() => {
      assertOpen(ctx, input.to);
      if (input.from === input.to) throw new AppError('INVALID_INPUT', 'Chọn hai năm khác nhau.');
      const now = ctx.now().toISOString();
      const copied = ctx.db
        .prepare(
          `INSERT INTO plan_lines (year, program_id, quarter, commune_code, place, planned_classes, planned_learners, notes, created_at, updated_at)
           SELECT ?, l.program_id, l.quarter, l.commune_code, l.place, l.planned_classes, l.planned_learners, l.notes, ?, ?
           FROM plan_lines l JOIN programs p ON p.id = l.program_id WHERE l.year = ? AND p.archived_at IS NULL ORDER BY l.id`,
        )
        .run(input.to, now, now, input.from).changes;
      if (copied === 0) throw new AppError('NOTHING_TO_COPY', `Năm ${input.from} chưa có kế hoạch để sao chép.`);
      audit(ctx, { action: 'create', entity: 'plan', entityId: input.to, after: { copiedFrom: input.from, lines: copied } });
      return { copied };
    })(),
};
