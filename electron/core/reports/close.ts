import { CLASS_STATUS_LABELS } from '../../../shared/contract/classes';
import { todayInVietnam } from '../../../shared/domain/dates';
import type { AppCore } from '../app-core';
import { audit } from '../audit';
import { AppError } from '../errors';
import { baseOrgOf, yearFigures, type UnitRow } from './report';

const DONE = new Set(['results_recognised', 'certificates_issued', 'cancelled']);

/** What keeps a year open: its classes whose results are not yet recognised (or that were not cancelled). */
export function yearBlockers(ctx: AppCore, year: number): string[] {
  const rows = ctx.db
    .prepare('SELECT name, status FROM classes WHERE start_date >= ? AND start_date <= ? ORDER BY start_date, name')
    .all(`${year}-01-01`, `${year}-12-31`) as { name: string; status: keyof typeof CLASS_STATUS_LABELS }[];
  return rows.filter((r) => !DONE.has(r.status)).map((r) => `${r.name} (${CLASS_STATUS_LABELS[r.status].toLocaleLowerCase('vi')})`);
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
    if (db.prepare('SELECT 1 FROM year_closures WHERE year = ?').get(year)) throw new AppError('ALREADY_CLOSED', `Năm ${year} đã khóa sổ.`);
    const hasData = db
      .prepare('SELECT 1 FROM classes WHERE year = ? UNION ALL SELECT 1 FROM plan_lines WHERE year = ? LIMIT 1')
      .get(year, year);
    if (!hasData) throw new AppError('EMPTY', `Năm ${year} không có kế hoạch hay lớp học nào để khóa sổ.`);
    const blockers = yearBlockers(ctx, year);
    if (blockers.length > 0) {
      const more = blockers.length > 5 ? ` và ${blockers.length - 5} lớp khác` : '';
      throw new AppError(
        'NOT_READY',
        `Chưa khóa sổ được năm ${year}: còn ${blockers.length} lớp chưa công nhận kết quả — ${blockers.slice(0, 5).join('; ')}${more}.`,
      );
    }
    const units = new Map(
      (db.prepare('SELECT id, name, kind, parent_id, merged_into_id FROM units').all() as UnitRow[]).map((u) => [u.id, u]),
    );
    const baseOf = baseOrgOf(units);
    const insert = db.prepare(
      'INSERT INTO closed_year_learners (enrollment_id, year, person_id, sex, minority, party_status, birth_year, commune_code, base_unit_id, base_unit_name) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
    );
    const learners = db
      .prepare(
        `SELECT e.id, e.person_id, p.sex, (p.ethnicity_code IS NOT NULL AND p.ethnicity_code <> '01') AS minority, p.party_status, p.birth_year, p.commune_code, p.unit_id
         FROM enrollments e JOIN classes c ON c.id = e.class_id JOIN people p ON p.id = e.person_id
         WHERE c.start_date >= ? AND c.start_date <= ? AND c.status != 'cancelled' AND e.status = 'enrolled'`,
      )
      .all(`${year}-01-01`, `${year}-12-31`) as {
      id: number;
      person_id: number;
      sex: string | null;
      minority: number;
      party_status: string | null;
      birth_year: number | null;
      commune_code: string | null;
      unit_id: number | null;
    }[];
    for (const l of learners) {
      const base = l.unit_id === null ? null : baseOf(l.unit_id);
      insert.run(
        l.id,
        year,
        l.person_id,
        l.sex,
        l.minority,
        l.party_status,
        l.birth_year,
        l.commune_code,
        base?.id ?? l.unit_id,
        base?.name ?? null,
      );
    }
    db.prepare('DELETE FROM class_figures WHERE class_id IN (SELECT id FROM classes WHERE start_date >= ? AND start_date <= ?)').run(
      `${year}-01-01`,
      `${year}-12-31`,
    );
    const figures = yearFigures(db, year);
    const closedAt = ctx.now().toISOString();
    db.prepare('INSERT INTO year_closures (year, closed_at, actor, figures_json) VALUES (?, ?, ?, ?)').run(
      year,
      closedAt,
      ctx.actor,
      JSON.stringify(figures),
    );
    audit(ctx, {
      action: 'update',
      entity: 'year_closure',
      entityId: year,
      after: { year, learners: learners.length, total: figures.total },
    });
    return { year, closedAt };
  })();
}
