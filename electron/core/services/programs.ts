import type { z } from 'zod';
import { foldText } from '../../../shared/domain/text';
import type { Program, ProgramSummary, programInput, programsChannels } from '../../../shared/contract/programs';
import type { AppCore } from '../app-core';
import { audit } from '../audit';
import { AppError } from '../errors';
import type { Handlers } from '../handler';

type ProgramData = z.output<typeof programInput>;

interface ProgramRow {
  id: number;
  code: string;
  name: string;
  target_learners: string;
  outcome: Program['outcome'];
  validity_months: number | null;
  max_absence_pct: number;
  max_retakes: number;
  typical_days: number | null;
  fit_statuses: string;
  grants_level: Program['grantsLevel'];
  archived_at: string | null;
  updated_at: string;
}

export function getProgram(ctx: AppCore, id: number): Program {
  const row = ctx.db.prepare('SELECT * FROM programs WHERE id = ?').get(id) as ProgramRow | undefined;
  if (!row) throw new AppError('NOT_FOUND', 'Không tìm thấy chương trình (có thể đã bị xóa khỏi dữ liệu).');
  const topics = ctx.db
    .prepare('SELECT id, title, sessions FROM program_topics WHERE program_id = ? ORDER BY position')
    .all(id) as Program['topics'];
  const components = ctx.db
    .prepare('SELECT name, weight FROM program_components WHERE program_id = ? ORDER BY position')
    .all(id) as Program['components'];
  const bands = ctx.db
    .prepare('SELECT label, min_tenths AS min, max_tenths AS max FROM program_bands WHERE program_id = ? ORDER BY position')
    .all(id) as Program['bands'];
  return {
    id: row.id,
    code: row.code,
    name: row.name,
    targetLearners: row.target_learners,
    outcome: row.outcome,
    validityMonths: row.validity_months,
    maxAbsencePct: row.max_absence_pct,
    maxRetakes: row.max_retakes,
    typicalDays: row.typical_days,
    fitStatuses: JSON.parse(row.fit_statuses) as Program['fitStatuses'],
    grantsLevel: row.grants_level,
    topics,
    components,
    bands,
    archivedAt: row.archived_at,
    updatedAt: row.updated_at,
  };
}

function listPrograms(ctx: AppCore, includeArchived: boolean): ProgramSummary[] {
  const rows = ctx.db
    .prepare(
      `SELECT p.id, p.code, p.name, p.outcome, p.max_absence_pct AS maxAbsencePct, p.validity_months AS validityMonths,
         p.archived_at AS archivedAt,
         (SELECT count(*) FROM program_topics t WHERE t.program_id = p.id) AS topicCount,
         (SELECT coalesce(sum(sessions), 0) FROM program_topics t WHERE t.program_id = p.id) AS sessionCount,
         EXISTS (SELECT 1 FROM program_components c WHERE c.program_id = p.id) AS assessed
       FROM programs p
       WHERE ? OR p.archived_at IS NULL
       ORDER BY p.archived_at IS NOT NULL, p.sort_order, p.id`,
    )
    .all(includeArchived ? 1 : 0) as (Omit<ProgramSummary, 'assessed'> & { assessed: number })[];
  return rows.map((r) => ({ ...r, assessed: r.assessed === 1 }));
}

function saveProgram(ctx: AppCore, input: ProgramData): Program {
  const db = ctx.db;
  const now = ctx.now().toISOString();
  const codeKey = foldText(input.code);

  return db.transaction(() => {
    const clash = db.prepare('SELECT id, name FROM programs WHERE code_key = ? AND id IS NOT ?').get(codeKey, input.id ?? null) as
      { id: number; name: string } | undefined;
    if (clash) {
      throw new AppError('DUPLICATE_CODE', 'Mã chương trình đã được dùng.', {
        code: `Mã "${input.code}" đã dùng cho chương trình «${clash.name}»`,
      });
    }
    const before = input.id === undefined ? undefined : getProgram(ctx, input.id);
    const values = {
      code: input.code,
      code_key: codeKey,
      name: input.name,
      target_learners: input.targetLearners,
      outcome: input.outcome,
      validity_months: input.validityMonths,
      max_absence_pct: input.maxAbsencePct,
      max_retakes: input.maxRetakes,
      typical_days: input.typicalDays,
      fit_statuses: JSON.stringify([...new Set(input.fitStatuses)]),
      grants_level: input.grantsLevel,
      now,
    };
    let id: number;
    if (before) {
      id = before.id;
      db.prepare(
        `UPDATE programs SET code = @code, code_key = @code_key, name = @name, target_learners = @target_learners,
           outcome = @outcome, validity_months = @validity_months, max_absence_pct = @max_absence_pct,
           max_retakes = @max_retakes, typical_days = @typical_days, fit_statuses = @fit_statuses, grants_level = @grants_level, updated_at = @now
         WHERE id = @id`,
      ).run({ ...values, id });
    } else {
      const order = (db.prepare('SELECT coalesce(max(sort_order), 0) + 1 AS n FROM programs').get() as { n: number }).n;
      id = Number(
        db
          .prepare(
            `INSERT INTO programs (code, code_key, name, target_learners, outcome, validity_months, max_absence_pct,
               max_retakes, typical_days, fit_statuses, grants_level, sort_order, archived_at, created_at, updated_at)
             VALUES (@code, @code_key, @name, @target_learners, @outcome, @validity_months, @max_absence_pct,
               @max_retakes, @typical_days, @fit_statuses, @grants_level, @order, NULL, @now, @now)`,
          )
          .run({ ...values, order }).lastInsertRowid,
      );
    }
    syncTopics(ctx, id, input.topics);
    db.prepare('DELETE FROM program_components WHERE program_id = ?').run(id);
    const insertComponent = db.prepare('INSERT INTO program_components (program_id, position, name, weight) VALUES (?, ?, ?, ?)');
    input.components.forEach((c, i) => insertComponent.run(id, i + 1, c.name, c.weight));
    db.prepare('DELETE FROM program_bands WHERE program_id = ?').run(id);
    const insertBand = db.prepare('INSERT INTO program_bands (program_id, position, label, min_tenths, max_tenths) VALUES (?, ?, ?, ?, ?)');
    [...input.bands].sort((a, b) => b.min - a.min).forEach((b, i) => insertBand.run(id, i + 1, b.label, b.min, b.max));

    const after = getProgram(ctx, id);
    audit(ctx, { action: before ? 'update' : 'create', entity: 'program', entityId: id, before, after });
    return after;
  })();
}

/** Keeps the ids of topics that stay (later records point at them), so reordering never re-creates a topic. */
function syncTopics(ctx: AppCore, programId: number, topics: ProgramData['topics']): void {
  const db = ctx.db;
  const existing = new Set(
    (db.prepare('SELECT id FROM program_topics WHERE program_id = ?').all(programId) as { id: number }[]).map((r) => r.id),
  );
  topics.forEach((t, i) => {
    if (t.id !== undefined && !existing.has(t.id)) {
      throw new AppError('INVALID_INPUT', 'Chuyên đề không thuộc chương trình này; hãy tải lại trang.', {
        [`topics.${i}.title`]: 'Chuyên đề không thuộc chương trình này',
      });
    }
  });
  const kept = new Set(topics.flatMap((t) => (t.id === undefined ? [] : [t.id])));
  // A class's timetable points at its topics: a topic taught already stays (its title can change).
  const taught = db.prepare(
    'SELECT t.title, c.name FROM program_topics t JOIN sessions s ON s.topic_id = t.id JOIN classes c ON c.id = s.class_id WHERE t.id = ? LIMIT 1',
  );
  for (const topicId of existing) {
    const used = kept.has(topicId) ? undefined : (taught.get(topicId) as { title: string; name: string } | undefined);
    if (used) {
      throw new AppError('IN_USE', `Chuyên đề «${used.title}» đã có trong lịch học của ${used.name}; không xóa được, chỉ sửa tên được.`, {
        topics: `Chuyên đề «${used.title}» đã được dạy, không xóa được`,
      });
    }
  }
  // Positions are unique per program: park the kept rows on negative positions before renumbering.
  db.prepare('UPDATE program_topics SET position = -position WHERE program_id = ?').run(programId);
  const remove = db.prepare('DELETE FROM program_topics WHERE id = ?');
  for (const topicId of existing) if (!kept.has(topicId)) remove.run(topicId);
  const update = db.prepare('UPDATE program_topics SET position = ?, title = ?, sessions = ? WHERE id = ?');
  const insert = db.prepare('INSERT INTO program_topics (program_id, position, title, sessions) VALUES (?, ?, ?, ?)');
  topics.forEach((t, i) => {
    if (t.id !== undefined) update.run(i + 1, t.title, t.sessions, t.id);
    else insert.run(programId, i + 1, t.title, t.sessions);
  });
}

function setArchived(ctx: AppCore, id: number, archived: boolean): Program {
  return ctx.db.transaction(() => {
    const before = getProgram(ctx, id);
    ctx.db
      .prepare('UPDATE programs SET archived_at = ?, updated_at = ? WHERE id = ?')
      .run(archived ? ctx.now().toISOString() : null, ctx.now().toISOString(), id);
    const after = getProgram(ctx, id);
    audit(ctx, { action: archived ? 'archive' : 'unarchive', entity: 'program', entityId: id, before, after });
    return after;
  })();
}

export const programsHandlers: Handlers<typeof programsChannels> = {
  'programs.list': (ctx, input) => listPrograms(ctx, input.includeArchived),
  'programs.get': (ctx, input) => getProgram(ctx, input.id),
  'programs.save': (ctx, input) => saveProgram(ctx, input),
  'programs.setArchived': (ctx, input) => setArchived(ctx, input.id, input.archived),
};
