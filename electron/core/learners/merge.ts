import { personInput, type Person, type PersonData } from '../../../shared/contract/learners';
import { zodIssuesToFields } from '../../../shared/contract';
import { fieldMessage } from '../../../shared/contract/field-labels';
import { personData } from '../../../shared/domain/person-record';
import type { AppCore } from '../app-core';
import { audit } from '../audit-store';
import { AppError } from '../errors';
import { followMerges, unitNameOf } from '../units/store';
import * as store from './merge-store';
import { readPerson, writePeople } from './person-store';

const STATUS_RANK = { quan_chung: 1, du_bi: 2, chinh_thuc: 3 } as const;

function fuller(a: string, b: string): string {
  return a.trim() ? a : b;
}

/** The merged record: each field keeps the fuller value; the kept record wins a real disagreement. */
export function mergeData(kept: PersonData, removed: PersonData): PersonData {
  const birthDate =
    kept.birthDate && removed.birthDate
      ? removed.birthDate.length > kept.birthDate.length && removed.birthDate.startsWith(kept.birthDate.slice(0, 4))
        ? removed.birthDate
        : kept.birthDate
      : (kept.birthDate ?? removed.birthDate);
  const status =
    kept.partyStatus && removed.partyStatus
      ? STATUS_RANK[removed.partyStatus] > STATUS_RANK[kept.partyStatus]
        ? removed.partyStatus
        : kept.partyStatus
      : (kept.partyStatus ?? removed.partyStatus);
  const notes = [kept.notes, removed.notes].filter((n, i, all) => n.trim() && all.indexOf(n) === i).join(' | ');
  return {
    familyAndMiddle: fuller(kept.familyAndMiddle, removed.familyAndMiddle),
    given: fuller(kept.given, removed.given),
    sex: kept.sex ?? removed.sex,
    birthDate,
    ethnicityCode: kept.ethnicityCode ?? removed.ethnicityCode,
    religion: fuller(kept.religion, removed.religion),
    homePlace: fuller(kept.homePlace, removed.homePlace),
    communeCode: kept.communeCode ?? removed.communeCode,
    workplace: fuller(kept.workplace, removed.workplace),
    position: fuller(kept.position, removed.position),
    partyStatus: status,
    admissionDate: status === 'quan_chung' ? null : (kept.admissionDate ?? removed.admissionDate),
    confirmationDate: status === 'chinh_thuc' ? (kept.confirmationDate ?? removed.confirmationDate) : null,
    unitId: kept.unitId ?? removed.unitId,
    educationLevel: fuller(kept.educationLevel, removed.educationLevel),
    theoryLevel: kept.theoryLevel && kept.theoryLevel !== 'none' ? kept.theoryLevel : (removed.theoryLevel ?? kept.theoryLevel),
    citizenId: kept.citizenId ?? removed.citizenId,
    partyCard: fuller(kept.partyCard, removed.partyCard),
    phone: fuller(kept.phone, removed.phone),
    notes: notes.slice(0, 2000),
  };
}

function activePair(ctx: AppCore, keepId: number, removeId: number): { kept: Person; removed: Person } {
  if (keepId === removeId) throw new AppError('INVALID_INPUT', 'Không thể gộp một hồ sơ với chính nó.');
  const kept = readPerson(ctx.db, keepId);
  const removed = readPerson(ctx.db, removeId);
  if (!kept || !removed) throw new AppError('NOT_FOUND', 'Không tìm thấy hồ sơ cần gộp.');
  if (kept.mergedIntoId || removed.mergedIntoId) {
    throw new AppError('ALREADY_MERGED', 'Một trong hai hồ sơ đã được gộp vào hồ sơ khác.');
  }
  const shared = store.sharedClassName(ctx.db, keepId, removeId);
  if (shared) {
    // One person cannot sit in the same class twice: two records in one class are two people.
    throw new AppError('MERGE_CONFLICT', `Hai hồ sơ cùng học ${shared}, nên là hai người khác nhau; không gộp được.`);
  }
  return { kept, removed };
}

function checked(data: PersonData): PersonData {
  const r = personInput.safeParse(data);
  if (!r.success) {
    const first = Object.entries(zodIssuesToFields(r.error.issues))[0];
    throw new AppError(
      'MERGE_CONFLICT',
      `Hai hồ sơ có thông tin mâu thuẫn${first ? ` (${fieldMessage(first[0], first[1])})` : ''}; hãy sửa một hồ sơ trước khi gộp.`,
    );
  }
  return r.data;
}

export function previewMerge(ctx: AppCore, keepId: number, removeId: number): { kept: Person; removed: Person; result: Person } {
  const { kept, removed } = activePair(ctx, keepId, removeId);
  const data = checked(mergeData(personData(kept), personData(removed)));
  return { kept, removed, result: { ...kept, ...data, unitName: unitNameOf(ctx.db, data.unitId) } };
}

export function mergePeople(ctx: AppCore, keepId: number, removeId: number): { mergeId: number; person: Person } {
  const db = ctx.db;
  return db.transaction(() => {
    const { kept, removed } = activePair(ctx, keepId, removeId);
    const data = checked(mergeData(personData(kept), personData(removed)));
    const now = ctx.now().toISOString();
    const moved = store.moveReferences(db, removeId, keepId);
    writePeople(db, (w) => {
      w.update(keepId, data, unitNameOf(db, data.unitId), now);
      w.setMergedInto(removeId, keepId, now);
    });
    const mergeId = store.insertMerge(db, {
      keptId: keepId,
      removedId: removeId,
      keptBefore: personData(kept),
      keptAfter: data,
      moved,
      at: now,
      actor: ctx.actor,
    });
    const person = readPerson(db, keepId)!;
    audit(ctx, {
      action: 'update',
      entity: 'person',
      entityId: keepId,
      before: kept,
      after: person,
      reason: `Gộp hồ sơ #${removeId} (lần gộp #${mergeId})`,
    });
    audit(ctx, {
      action: 'update',
      entity: 'person',
      entityId: removeId,
      before: removed,
      reason: `Gộp vào hồ sơ #${keepId} (lần gộp #${mergeId})`,
    });
    return { mergeId, person };
  })();
}

/** Undo restores the kept record as it was before and brings the removed one back with its references. */
export function undoMerge(ctx: AppCore, mergeId: number): { kept: Person; restored: Person } {
  const db = ctx.db;
  return db.transaction(() => {
    const m = store.readMerge(db, mergeId);
    if (!m) throw new AppError('NOT_FOUND', 'Không tìm thấy lần gộp này.');
    if (m.undone_at) throw new AppError('ALREADY_UNDONE', 'Lần gộp này đã được hoàn tác.');
    if (store.hasLaterMerge(db, m)) {
      throw new AppError('UNDO_ORDER', 'Hồ sơ này đã được gộp thêm sau đó; hãy hoàn tác lần gộp gần nhất trước.');
    }
    const keptNow = readPerson(db, m.kept_id)!;
    const current = personData(keptNow);
    const beforeMerge = JSON.parse(m.kept_before_json) as PersonData;
    const mergedResult = m.kept_after_json ? (JSON.parse(m.kept_after_json) as PersonData) : null;
    // Three-way: a field still holding the merged value goes back; a field edited since keeps the edit.
    const restoredKept = Object.fromEntries(
      (Object.keys(current) as (keyof PersonData)[]).map((k) => [
        k,
        mergedResult && JSON.stringify(current[k]) !== JSON.stringify(mergedResult[k]) ? current[k] : beforeMerge[k],
      ]),
    ) as PersonData;
    if (restoredKept.unitId !== null) restoredKept.unitId = followMerges(db, restoredKept.unitId);
    const checkedKept = personInput.safeParse(restoredKept);
    if (!checkedKept.success) {
      throw new AppError('UNDO_CONFLICT', 'Hồ sơ đã được sửa sau khi gộp nên không tách lại được tự động; hãy sửa hồ sơ bằng tay.');
    }
    const removed = readPerson(db, m.removed_id)!;
    if (removed.citizenId) {
      if (
        store.citizenIdHeldElsewhere(db, removed.citizenId, [m.kept_id, m.removed_id]) ||
        checkedKept.data.citizenId === removed.citizenId
      ) {
        throw new AppError(
          'UNDO_CONFLICT',
          `Số CCCD ${removed.citizenId} của hồ sơ được tách ra nay đã thuộc hồ sơ khác; hãy sửa trước khi hoàn tác.`,
        );
      }
    }
    const now = ctx.now().toISOString();
    const moved = JSON.parse(m.moved_json) as Record<string, number[]>;
    if (!store.moveReferencesBack(db, moved, m.removed_id)) {
      throw new AppError('UNDO_CONFLICT', 'Không hoàn tác được: dữ liệu của lần gộp không hợp lệ.');
    }
    const removedData = personData(removed);
    if (removedData.unitId !== null) removedData.unitId = followMerges(db, removedData.unitId);
    writePeople(db, (w) => {
      w.update(m.kept_id, checkedKept.data, unitNameOf(db, checkedKept.data.unitId), now);
      w.update(m.removed_id, removedData, unitNameOf(db, removedData.unitId), now);
      w.setMergedInto(m.removed_id, null, now);
    });
    store.markMergeUndone(db, mergeId, now);
    const kept = readPerson(db, m.kept_id)!;
    const restored = readPerson(db, m.removed_id)!;
    // Edits made to the kept record after the merge are overwritten; the audit keeps them.
    audit(ctx, {
      action: 'update',
      entity: 'person',
      entityId: m.kept_id,
      before: keptNow,
      after: kept,
      reason: `Hoàn tác lần gộp #${mergeId}`,
    });
    audit(ctx, { action: 'restore', entity: 'person', entityId: m.removed_id, after: restored, reason: `Hoàn tác lần gộp #${mergeId}` });
    return { kept, restored };
  })();
}
