import type { z } from 'zod';
import type { Unit, unitInput, unitsChannels } from '../../../shared/contract/units';
import { compareVi, foldText } from '../../../shared/domain/text';
import type { AppCore } from '../app-core';
import { audit } from '../audit-store';
import { AppError, found } from '../errors';
import type { Handlers } from '../handler';
import { communeByCode } from '../reference/communes';
import * as store from './store';

const getUnit = (ctx: AppCore, id: number): Unit => found(store.readUnit(ctx.db, id), 'Không tìm thấy đơn vị.');

function checkSave(ctx: AppCore, input: z.output<typeof unitInput>): void {
  if (store.unitNameTaken(ctx.db, foldText(input.name), input.id ?? null)) {
    throw new AppError('DUPLICATE_NAME', 'Tên đơn vị đã có.', { name: `Đã có đơn vị tên «${input.name}»` });
  }
  if (input.communeCode && !communeByCode(input.communeCode)) {
    throw new AppError('INVALID_INPUT', 'Xã, phường không có trong danh mục.', { communeCode: 'Không có trong danh mục 2025' });
  }
  if (input.parentId !== null) {
    const parent = store.unitState(ctx.db, input.parentId);
    if (!parent || parent.kind !== 'base' || parent.archivedAt || input.parentId === input.id) {
      throw new AppError('INVALID_INPUT', 'Đơn vị cấp trên không hợp lệ.', {
        parentId: 'Chọn một tổ chức cơ sở đảng đang hoạt động',
      });
    }
  }
}

function save(ctx: AppCore, input: z.output<typeof unitInput>): Unit {
  const db = ctx.db;
  return db.transaction(() => {
    const now = ctx.now().toISOString();
    checkSave(ctx, input);
    if (input.id === undefined) {
      const id = store.insertUnit(db, input.name, input.kind, input.parentId, input.communeCode, now);
      const unit = getUnit(ctx, id);
      audit(ctx, { action: 'create', entity: 'unit', entityId: id, after: unit });
      return unit;
    }
    const before = getUnit(ctx, input.id);
    if (before.name !== input.name) store.addFormerName(db, input.id, before.name, now.slice(0, 10));
    if (before.kind === 'base' && input.kind === 'cell') {
      const children = store.activeChildCount(db, input.id);
      if (children > 0) {
        throw new AppError('INVALID_INPUT', 'Đơn vị đang có chi bộ trực thuộc.', {
          kind: `Đang có ${children} chi bộ trực thuộc, không chuyển thành chi bộ được`,
        });
      }
    }
    store.updateUnit(db, input.id, input, now);
    if (before.name !== input.name) store.refreshMemberSearchText(db, input.id);
    const after = getUnit(ctx, input.id);
    audit(ctx, { action: 'update', entity: 'unit', entityId: input.id, before, after });
    return after;
  })();
}

/**
 * Theory-level targets set for the merged organisation now measure the one it joined. Where the kept
 * organisation already has the same target (year, group, level), its own stays and the merged one's is
 * removed: two targets for one scope could not both hold. Each move and removal is audited.
 */
function moveTheoryTargets(ctx: AppCore, fromId: number, baseId: number | null, now: string): void {
  if (baseId === null) return;
  for (const t of store.theoryTargetsOf(ctx.db, fromId)) {
    const kept = store.sameScopeTarget(ctx.db, baseId, t);
    const before = { ...t, base_unit_id: fromId };
    if (kept) {
      store.deleteTheoryTarget(ctx.db, t.id);
      audit(ctx, {
        action: 'delete',
        entity: 'theory_target',
        entityId: t.id,
        before,
        reason: `Sáp nhập: tổ chức được giữ đã có chỉ tiêu này (${kept.percent}%)`,
      });
    } else {
      store.moveTheoryTarget(ctx.db, t.id, baseId, now);
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
    const base = into.kind === 'base' ? intoId : into.parentId;
    const moved = store.mergeUnitRows(db, fromId, intoId, base, `${date}T00:00:00.000Z`, now);
    moveTheoryTargets(ctx, fromId, base, now);
    store.refreshMemberSearchText(db, intoId);
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
    const units = store.listUnits(ctx.db, input.includeArchived);
    // Each base organisation followed by its cells, in Vietnamese order ("thôn 2" before "thôn 10"); archived last.
    units.sort(
      (a, b) =>
        Number(a.archivedAt !== null) - Number(b.archivedAt !== null) ||
        compareVi(a.groupName, b.groupName) ||
        Number(a.kind === 'cell') - Number(b.kind === 'cell') ||
        compareVi(a.name, b.name),
    );
    return units.map(({ groupName: _group, ...unit }) => unit);
  },
  'units.save': (ctx, input) => save(ctx, input),
  'units.merge': (ctx, input) => merge(ctx, input.fromId, input.intoId, input.date),
  'units.setArchived': (ctx, input) =>
    ctx.db.transaction(() => {
      const before = getUnit(ctx, input.id);
      if (!input.archived && before.mergedIntoId !== null) {
        throw new AppError('MERGED', `«${before.name}» đã sáp nhập vào «${before.mergedIntoName}»; không dùng lại được.`);
      }
      const now = ctx.now().toISOString();
      store.setUnitArchived(ctx.db, input.id, input.archived ? now : null, now);
      const after = getUnit(ctx, input.id);
      audit(ctx, { action: input.archived ? 'archive' : 'unarchive', entity: 'unit', entityId: input.id, before, after });
      return after;
    })(),
};
