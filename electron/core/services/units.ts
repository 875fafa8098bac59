import type { z } from 'zod';
import type { Unit, unitInput, unitsChannels } from '../../../shared/contract/learners';
import { compareVi, foldText } from '../../../shared/domain/text';
import type { AppCore } from '../app-core';
import { audit } from '../audit';
import { AppError } from '../errors';
import { communeByCode } from '../reference/communes';
import { insertUnit, refreshMemberSearchText } from '../learners/units-store';
import { bumpRegistryVersion } from '../learners/person-store';
import type { Handlers } from '../handler';

interface UnitRow {
  id: number;
  name: string;
  kind: Unit['kind'];
  parent_id: number | null;
  parent_name: string | null;
  commune_code: string | null;
  merged_into_id: number | null;
  merged_into_name: string | null;
  archived_at: string | null;
  member_count: number;
}

const SELECT = `SELECT u.*, p.name AS parent_name, m.name AS merged_into_name,
  (SELECT count(*) FROM people x WHERE x.unit_id = u.id AND x.merged_into_id IS NULL) AS member_count
  FROM units u LEFT JOIN units p ON p.id = u.parent_id LEFT JOIN units m ON m.id = u.merged_into_id`;

function toUnit(ctx: AppCore, r: UnitRow): Unit {
  const formerNames = ctx.db
    .prepare('SELECT name, valid_to AS validTo FROM unit_names WHERE unit_id = ? ORDER BY valid_to DESC')
    .all(r.id) as Unit['formerNames'];
  return {
    id: r.id,
    name: r.name,
    kind: r.kind,
    parentId: r.parent_id,
    parentName: r.parent_name,
    communeCode: r.commune_code,
    communeName: communeByCode(r.commune_code)?.name ?? null,
    mergedIntoId: r.merged_into_id,
    mergedIntoName: r.merged_into_name,
    archivedAt: r.archived_at,
    formerNames,
    memberCount: r.member_count,
  };
}

export function getUnit(ctx: AppCore, id: number): Unit {
  const r = ctx.db.prepare(`${SELECT} WHERE u.id = ?`).get(id) as UnitRow | undefined;
  if (!r) throw new AppError('NOT_FOUND', 'Không tìm thấy đơn vị.');
  return toUnit(ctx, r);
}

function save(ctx: AppCore, input: z.output<typeof unitInput>): Unit {
  const db = ctx.db;
  return db.transaction(() => {
    const now = ctx.now().toISOString();
    const key = foldText(input.name);
    const clash = db
      .prepare('SELECT id FROM units WHERE name_key = ? AND id IS NOT ? AND archived_at IS NULL')
      .get(key, input.id ?? null) as { id: number } | undefined;
    if (clash) throw new AppError('DUPLICATE_NAME', 'Tên đơn vị đã có.', { name: `Đã có đơn vị tên «${input.name}»` });
    if (input.communeCode && !communeByCode(input.communeCode)) {
      throw new AppError('INVALID_INPUT', 'Xã, phường không có trong danh mục.', { communeCode: 'Không có trong danh mục 2025' });
    }
    if (input.parentId !== null) {
      const parent = db.prepare('SELECT kind, archived_at FROM units WHERE id = ?').get(input.parentId) as
        { kind: string; archived_at: string | null } | undefined;
      if (!parent || parent.kind !== 'base' || parent.archived_at || input.parentId === input.id) {
        throw new AppError('INVALID_INPUT', 'Đơn vị cấp trên không hợp lệ.', {
          parentId: 'Chọn một tổ chức cơ sở đảng đang hoạt động',
        });
      }
    }
    if (input.id === undefined) {
      const id = insertUnit(db, input.name, input.kind, input.parentId, input.communeCode, now);
      const unit = getUnit(ctx, id);
      audit(ctx, { action: 'create', entity: 'unit', entityId: id, after: unit });
      return unit;
    }
    const before = getUnit(ctx, input.id);
    if (before.name !== input.name) {
      // The old name stays findable (old lists, history) and is shown under the unit.
      db.prepare('INSERT INTO unit_names (unit_id, name, name_key, valid_to) VALUES (?, ?, ?, ?)').run(
        input.id,
        before.name,
        foldText(before.name),
        now.slice(0, 10),
      );
    }
    if (before.kind === 'base' && input.kind === 'cell') {
      const children = (
        db.prepare('SELECT count(*) AS n FROM units WHERE parent_id = ? AND archived_at IS NULL').get(input.id) as { n: number }
      ).n;
      if (children > 0) {
        throw new AppError('INVALID_INPUT', 'Đơn vị đang có chi bộ trực thuộc.', {
          kind: `Đang có ${children} chi bộ trực thuộc, không chuyển thành chi bộ được`,
        });
      }
    }
    db.prepare('UPDATE units SET name = ?, name_key = ?, kind = ?, parent_id = ?, commune_code = ?, updated_at = ? WHERE id = ?').run(
      input.name,
      key,
      input.kind,
      input.parentId,
      input.communeCode,
      now,
      input.id,
    );
    bumpRegistryVersion(db);
    if (before.name !== input.name) refreshMemberSearchText(db, input.id);
    const after = getUnit(ctx, input.id);
    audit(ctx, { action: 'update', entity: 'unit', entityId: input.id, before, after });
    return after;
  })();
}

type TargetRow = { id: number; year: number; group_id: number | null; min_level: string; percent: number };

/**
 * Theory-level targets set for the merged organisation now measure the one it joined. Where the kept
 * organisation already has the same target (year, group, level), its own stays and the merged one's is
 * removed: two targets for one scope could not both hold. Each move and removal is audited.
 */
function moveTheoryTargets(ctx: AppCore, fromId: number, baseId: number | null, now: string): void {
  if (baseId === null) return;
  const db = ctx.db;
  const rows = db
    .prepare('SELECT id, year, group_id, min_level, percent FROM theory_targets WHERE base_unit_id = ?')
    .all(fromId) as TargetRow[];
  const clash = db.prepare(
    'SELECT id, percent FROM theory_targets WHERE base_unit_id = ? AND year = ? AND group_id IS ? AND min_level = ?',
  );
  for (const t of rows) {
    const kept = clash.get(baseId, t.year, t.group_id, t.min_level) as { id: number; percent: number } | undefined;
    const before = { ...t, base_unit_id: fromId };
    if (kept) {
      db.prepare('DELETE FROM theory_targets WHERE id = ?').run(t.id);
      audit(ctx, {
        action: 'delete',
        entity: 'theory_target',
        entityId: t.id,
        before,
        reason: `Sáp nhập: tổ chức được giữ đã có chỉ tiêu này (${kept.percent}%)`,
      });
    } else {
      db.prepare('UPDATE theory_targets SET base_unit_id = ?, updated_at = ? WHERE id = ?').run(baseId, now, t.id);
      audit(ctx, {
        action: 'update',
        entity: 'theory_target',
        entityId: t.id,
        before,
        after: { ...t, base_unit_id: baseId },
        reason: 'Sáp nhập tổ chức cơ sở đảng',
      });
    }
  }
}

/** Members move to the unit it joined; the merged unit stays, archived, with its name and history. */
function merge(ctx: AppCore, fromId: number, intoId: number, date: string): Unit {
  const db = ctx.db;
  return db.transaction(() => {
    if (fromId === intoId) throw new AppError('INVALID_INPUT', 'Chọn hai đơn vị khác nhau để sáp nhập.');
    const from = getUnit(ctx, fromId);
    const into = getUnit(ctx, intoId);
    if (from.archivedAt || into.archivedAt) throw new AppError('INVALID_INPUT', 'Chỉ sáp nhập các đơn vị đang hoạt động.');
    if (into.parentId === fromId) {
      throw new AppError('INVALID_INPUT', `«${into.name}» trực thuộc «${from.name}»: không sáp nhập một đơn vị vào chi bộ của chính nó.`);
    }
    const now = ctx.now().toISOString();
    const moved = db.prepare('UPDATE people SET unit_id = ?, updated_at = ? WHERE unit_id = ?').run(intoId, now, fromId).changes;
    db.prepare('UPDATE units SET parent_id = ? WHERE parent_id = ?').run(into.kind === 'base' ? intoId : into.parentId, fromId);
    db.prepare('UPDATE units SET merged_into_id = ?, archived_at = ?, updated_at = ? WHERE id = ?').run(
      intoId,
      `${date}T00:00:00.000Z`,
      now,
      fromId,
    );
    moveTheoryTargets(ctx, fromId, into.kind === 'base' ? intoId : into.parentId, now);
    refreshMemberSearchText(db, intoId);
    bumpRegistryVersion(db);
    const after = getUnit(ctx, intoId);
    audit(ctx, {
      action: 'update',
      entity: 'unit',
      entityId: fromId,
      before: from,
      after: getUnit(ctx, fromId),
      reason: `Sáp nhập vào «${into.name}» từ ngày ${date}; chuyển ${moved} người`,
    });
    return after;
  })();
}

export const unitsHandlers: Handlers<typeof unitsChannels> = {
  'units.list': (ctx, input) => {
    const rows = ctx.db.prepare(`${SELECT} WHERE ? OR u.archived_at IS NULL`).all(input.includeArchived ? 1 : 0) as UnitRow[];
    // Each base organisation followed by its cells, in Vietnamese order ("thôn 2" before "thôn 10"); archived last.
    const group = (r: UnitRow) => r.parent_name ?? r.name;
    rows.sort(
      (a, b) =>
        Number(a.archived_at !== null) - Number(b.archived_at !== null) ||
        compareVi(group(a), group(b)) ||
        Number(a.kind === 'cell') - Number(b.kind === 'cell') ||
        compareVi(a.name, b.name),
    );
    return rows.map((r) => toUnit(ctx, r));
  },
  'units.save': (ctx, input) => save(ctx, input),
  'units.merge': (ctx, input) => merge(ctx, input.fromId, input.intoId, input.date),
  'units.setArchived': (ctx, input) =>
    ctx.db.transaction(() => {
      const before = getUnit(ctx, input.id);
      if (!input.archived && before.mergedIntoId !== null) {
        throw new AppError('MERGED', `«${before.name}» đã sáp nhập vào «${before.mergedIntoName}»; không dùng lại được.`);
      }
      bumpRegistryVersion(ctx.db);
      ctx.db
        .prepare('UPDATE units SET archived_at = ?, updated_at = ? WHERE id = ?')
        .run(input.archived ? ctx.now().toISOString() : null, ctx.now().toISOString(), input.id);
      const after = getUnit(ctx, input.id);
      audit(ctx, { action: input.archived ? 'archive' : 'unarchive', entity: 'unit', entityId: input.id, before, after });
      return after;
    })(),
};
