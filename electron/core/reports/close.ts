import { CLASS_STATUS_LABELS } from '../../../shared/contract/classes';
import { todayInVietnam } from '../../../shared/domain/dates';
import type { AppCore } from '../app-core';
import { audit } from '../audit-store';
import { AppError } from '../errors';
import { classesOfYear, dropClassFigures, freezeLearner, insertClosure, learnersOfYear, yearHasData } from './close-store';
import { baseOrgOf, yearFigures } from './report';
import { closureOf, unitRows } from './store';

const DONE = new Set(['results_recognised', 'certificates_issued', 'cancelled']);

/** What keeps a year open: its classes whose results are not yet recognised (or that were not cancelled). */
export function yearBlockers(ctx: AppCore, year: number): string[] {
  return classesOfYear(ctx.db, year)
    .filter((r) => !DONE.has(r.status))
    .map((r) => `${r.name} (${CLASS_STATUS_LABELS[r.status].toLocaleLowerCase('vi')})`);
}

/**
 * Closes a year: its learners are frozen as they are now (later edits of a person leave the year's
 * composition as reported), and its figures are kept, so any later change — which needs a reason —
 * shows as an amendment in the next report.
 */
export function closeYear(ctx: AppCore, year: number): { year: number; closedAt: string } {
  const db = ctx.db;
  const today = todayInVietnam(ctx.now());
  // A closed year cannot reopen: closing before 31 December would shut the year's last classes out.
  if (year >= Number(today.slice(0, 4)))
    throw new AppError('YEAR_NOT_OVER', `Năm ${year} chưa kết thúc; khóa sổ từ ngày 01/01/${year + 1}.`);
  return db.transaction(() => {
    if (closureOf(db, year)) throw new AppError('ALREADY_CLOSED', `Năm ${year} đã khóa sổ.`);
    if (!yearHasData(db, year)) throw new AppError('EMPTY', `Năm ${year} không có kế hoạch hay lớp học nào để khóa sổ.`);
    const blockers = yearBlockers(ctx, year);
    if (blockers.length > 0) {
      const more = blockers.length > 5 ? ` và ${blockers.length - 5} lớp khác` : '';
      throw new AppError(
        'NOT_READY',
        `Chưa khóa sổ được năm ${year}: còn ${blockers.length} lớp chưa công nhận kết quả — ${blockers.slice(0, 5).join('; ')}${more}.`,
      );
    }
    const baseOf = baseOrgOf(unitRows(db));
    const learners = learnersOfYear(db, year);
    for (const l of learners) {
      const base = l.unit_id === null ? null : baseOf(l.unit_id);
      freezeLearner(db, year, l, { id: base?.id ?? l.unit_id, name: base?.name ?? null });
    }
    dropClassFigures(db, year);
    const figures = yearFigures(db, year);
    const closedAt = ctx.now().toISOString();
    insertClosure(db, year, closedAt, ctx.actor, JSON.stringify(figures));
    audit(ctx, {
      action: 'update',
      entity: 'year_closure',
      entityId: year,
      after: { year, learners: learners.length, total: figures.total },
    });
    return { year, closedAt };
  })();
}
