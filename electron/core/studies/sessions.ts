import type { z } from 'zod';
import type { studyCountsInput, studyMembersInput, studySessionInput, StudyGridRow } from '../../../shared/contract/studies';
import { formatDate, formatNumber } from '../../../shared/domain/format';
import type { AppCore } from '../app-core';
import { audit } from '../audit-store';
import { AppError } from '../errors';
import { summaryOf } from './participation';
import {
  allUnits,
  baseOrgs,
  classExists,
  countsOf,
  deleteSession,
  insertSession,
  listFigures,
  membersOf,
  mergedIntoName,
  sessionById,
  sessionsOfYear,
  unitsWithFigures,
  updateSession,
  writeCounts,
  writeMembers,
  type UnitRow,
} from './store';

/** Saving sessions, their counts and the members per year: every refusal names its field, and nothing is written. */

const INVALID = 'Thông tin chưa hợp lệ, hãy xem các ô được đánh dấu.';

function sessionOrThrow(ctx: AppCore, id: number) {
  const s = sessionById(ctx.db, id);
  if (!s) throw new AppError('NOT_FOUND', 'Không tìm thấy buổi học tập này; hãy tải lại danh sách.');
  return s;
}

/** Why a unit cannot take figures of its own, or null when it can. */
function unitProblem(units: Map<number, UnitRow>, unitId: number): string | null {
  const u = units.get(unitId);
  if (!u) return 'Không có tổ chức này trong danh mục';
  if (u.mergedIntoId !== null) return `«${u.name}» đã hợp nhất vào «${units.get(u.mergedIntoId)?.name ?? 'tổ chức khác'}»`;
  if (u.kind !== 'base') {
    const parent = u.parentId === null ? null : units.get(u.parentId);
    return `«${u.name}» là chi bộ; nhập số liệu cho tổ chức cơ sở đảng${parent ? ` «${parent.name}»` : ''}`;
  }
  return null;
}

export function saveSession(ctx: AppCore, input: z.output<typeof studySessionInput>): { id: number } {
  const now = ctx.now().toISOString();
  return ctx.db.transaction(() => {
    const before = input.id === null ? null : sessionOrThrow(ctx, input.id);
    if (input.classId !== null) {
      const c = classExists(ctx.db, input.classId);
      if (!c) throw new AppError('INVALID_INPUT', INVALID, { classId: 'Không tìm thấy lớp này' });
      if (c.status === 'cancelled')
        throw new AppError('INVALID_INPUT', INVALID, { classId: `Lớp «${c.name}» đã hủy; không lấy danh sách được` });
      if (before && before.classId !== input.classId) {
        // Typed counts never sit under a list: the clerk removes them first, knowingly.
        const units = allUnits(ctx.db);
        const covered = listFigures(ctx.db, input.classId, units).byOrg;
        const clash = [...countsOf(ctx.db, before.id).keys()].find((u) => covered.has(u));
        if (clash !== undefined) {
          throw new AppError('INVALID_INPUT', INVALID, {
            classId: `Danh sách lớp này có học viên của «${units.get(clash)?.name}», tổ chức đã nhập số đếm; hãy xóa số đếm đó trước`,
          });
        }
      }
    }
    if (before && before.date.slice(0, 4) !== input.date.slice(0, 4)) {
      const problem = leaningCountsProblem(ctx, before.id, Number(input.date.slice(0, 4)));
      if (problem) throw new AppError('INVALID_INPUT', INVALID, { date: problem });
    }
    const values = { title: input.title, date: input.date, form: input.form, sites: input.sites, classId: input.classId, note: input.note };
    const id = before ? before.id : insertSession(ctx.db, values, now);
    if (before) updateSession(ctx.db, id, values, now);
    audit(ctx, { action: before ? 'update' : 'create', entity: 'study_session', entityId: id, before: before ?? undefined, after: values });
    return { id };
  })();
}

/**
 * Counts typed without «phải dự» lean on the members of the session's year: moved to another year,
 * they must find members there, and no fewer than those present.
 */
function leaningCountsProblem(ctx: AppCore, sessionId: number, year: number): string | null {
  const units = allUnits(ctx.db);
  const members = membersOf(ctx.db, year);
  for (const [unitId, c] of countsOf(ctx.db, sessionId)) {
    if (c.expected !== null) continue;
    const name = units.get(unitId)?.name ?? `#${unitId}`;
    const m = members.get(unitId);
    if (m === undefined)
      return `«${name}» có ${formatNumber(c.present)} đảng viên có mặt, không ghi số phải dự, mà năm ${year} chưa có số đảng viên của tổ chức này; hãy nhập số đảng viên năm ${year} hoặc ghi số phải dự trước`;
    if (c.present > m)
      return `«${name}» có ${formatNumber(c.present)} đảng viên có mặt, nhiều hơn số đảng viên năm ${year} (${formatNumber(m)}); hãy ghi số phải dự trước`;
  }
  return null;
}

export function removeSession(ctx: AppCore, id: number, reason: string): void {
  ctx.db.transaction(() => {
    const s = sessionOrThrow(ctx, id);
    const counts = Object.fromEntries(countsOf(ctx.db, id));
    deleteSession(ctx.db, id);
    audit(ctx, { action: 'delete', entity: 'study_session', entityId: id, before: { ...s, counts }, reason });
  })();
}

export function saveCounts(ctx: AppCore, input: z.output<typeof studyCountsInput>): { saved: number } {
  return ctx.db.transaction(() => {
    const session = sessionOrThrow(ctx, input.sessionId);
    const units = allUnits(ctx.db);
    const year = Number(session.date.slice(0, 4));
    const members = membersOf(ctx.db, year);
    const covered = session.classId === null ? new Map() : listFigures(ctx.db, session.classId, units).byOrg;
    const fields: Record<string, string> = {};
    const rows: { unitId: number; present: number | null; expected: number | null }[] = [];
    input.rows.forEach((r, i) => {
      const problem = unitProblem(units, r.unitId);
      if (problem) {
        fields[`rows.${i}.unitId`] = problem;
        return;
      }
      if (r.present === null) {
        rows.push({ unitId: r.unitId, present: null, expected: null });
        return;
      }
      if (covered.has(r.unitId)) {
        fields[`rows.${i}.present`] = `Số liệu của tổ chức này lấy theo danh sách lớp «${session.className}»; không nhập số đếm`;
        return;
      }
      const m = members.get(r.unitId);
      if (r.expected === null && m !== undefined && r.present > m) {
        fields[`rows.${i}.present`] = `Số có mặt (${formatNumber(r.present)}) lớn hơn số đảng viên năm ${year} (${formatNumber(m)})`;
        return;
      }
      rows.push({ unitId: r.unitId, present: r.present, expected: r.expected });
    });
    if (Object.keys(fields).length > 0) throw new AppError('INVALID_INPUT', INVALID, fields);
    const before = Object.fromEntries(countsOf(ctx.db, session.id));
    writeCounts(ctx.db, session.id, rows);
    audit(ctx, { action: 'update', entity: 'study_counts', entityId: session.id, before, after: rows });
    return { saved: rows.filter((r) => r.present !== null).length };
  })();
}

export function sessionGrid(ctx: AppCore, id: number): { session: ReturnType<typeof summaryOf>; rows: StudyGridRow[]; unassigned: number } {
  const session = sessionOrThrow(ctx, id);
  const units = allUnits(ctx.db);
  const year = Number(session.date.slice(0, 4));
  const members = membersOf(ctx.db, year);
  const counts = countsOf(ctx.db, id);
  const list =
    session.classId === null
      ? { byOrg: new Map<number, { present: number; expected: number }>(), unassigned: 0 }
      : listFigures(ctx.db, session.classId, units);
  const keep = new Set([...unitsWithFigures(ctx.db, year), ...list.byOrg.keys(), ...counts.keys()]);
  // A merged organisation shows only where this session holds its counts: read-only, so saving keeps them.
  const rows = baseOrgs(units, keep, new Set(counts.keys())).map((u): StudyGridRow => {
    const c = counts.get(u.id);
    const l = list.byOrg.get(u.id) ?? null;
    return {
      unitId: u.id,
      name: u.name,
      members: members.get(u.id) ?? null,
      present: l ? null : (c?.present ?? null),
      expected: l ? null : (c?.expected ?? null),
      list: l,
      mergedInto: mergedIntoName(units, u.id),
    };
  });
  return { session: summaryOf(ctx.db, session, units), rows, unassigned: list.unassigned };
}

export function membersTable(ctx: AppCore, year: number) {
  const units = allUnits(ctx.db);
  const now = membersOf(ctx.db, year);
  const previous = membersOf(ctx.db, year - 1);
  const rows = baseOrgs(units, unitsWithFigures(ctx.db, year)).map((u) => ({
    unitId: u.id,
    name: u.name,
    members: now.get(u.id) ?? null,
    previous: previous.get(u.id) ?? null,
  }));
  return { year, rows };
}

export function saveMembers(ctx: AppCore, input: z.output<typeof studyMembersInput>): { saved: number } {
  return ctx.db.transaction(() => {
    const units = allUnits(ctx.db);
    const fields: Record<string, string> = {};
    const seen = new Set<number>();
    // Counts typed without «phải dự» lean on these members: a smaller number would leave them above it.
    const leaning = sessionsOfYear(ctx.db, input.year).flatMap((s) =>
      [...countsOf(ctx.db, s.id)].filter(([, c]) => c.expected === null).map(([unitId, c]) => ({ s, unitId, present: c.present })),
    );
    input.rows.forEach((r, i) => {
      const problem = unitProblem(units, r.unitId) ?? (seen.has(r.unitId) ? 'Tổ chức này đã có ở dòng khác' : null);
      seen.add(r.unitId);
      if (problem) {
        fields[`rows.${i}.unitId`] = problem;
        return;
      }
      const over = r.members === null ? undefined : leaning.find((l) => l.unitId === r.unitId && l.present > r.members!);
      if (over)
        fields[`rows.${i}.members`] =
          `Buổi «${over.s.title}» ngày ${formatDate(over.s.date)} đã nhập ${formatNumber(over.present)} đảng viên có mặt, nhiều hơn số này`;
    });
    if (Object.keys(fields).length > 0) throw new AppError('INVALID_INPUT', INVALID, fields);
    const before = Object.fromEntries(membersOf(ctx.db, input.year));
    writeMembers(ctx.db, input.year, input.rows, ctx.now().toISOString());
    audit(ctx, { action: 'update', entity: 'study_members', entityId: input.year, before, after: input.rows });
    return { saved: input.rows.filter((r) => r.members !== null).length };
  })();
}
