import type { z } from 'zod';
import type { Lecturer, lecturerInput, lecturersChannels, Venue, venueInput } from '../../../shared/contract/lecturers';
import { foldText, fullName } from '../../../shared/domain/text';
import type { AppCore } from '../app-core';
import { audit } from '../audit';
import { AppError } from '../errors';
import { communeByCode } from '../reference/communes';
import type { Handlers } from '../handler';

interface LecturerRow {
  id: number;
  family_and_middle: string;
  given: string;
  kind: Lecturer['kind'];
  role: Lecturer['role'];
  unit: string;
  position: string;
  phone: string;
  norm_hours: number | null;
  lecturing_hours: number | null;
  archived_at: string | null;
}

function toLecturer(r: LecturerRow): Lecturer {
  return {
    id: r.id,
    familyAndMiddle: r.family_and_middle,
    given: r.given,
    fullName: fullName({ familyAndMiddle: r.family_and_middle, given: r.given }),
    kind: r.kind,
    role: r.role,
    unit: r.unit,
    position: r.position,
    phone: r.phone,
    normHours: r.norm_hours,
    lecturingHours: r.lecturing_hours,
    archivedAt: r.archived_at,
  };
}

export function getLecturer(ctx: AppCore, id: number): Lecturer {
  const r = ctx.db.prepare('SELECT * FROM lecturers WHERE id = ?').get(id) as LecturerRow | undefined;
  if (!r) throw new AppError('NOT_FOUND', 'Không tìm thấy giảng viên.');
  return toLecturer(r);
}

function saveLecturer(ctx: AppCore, input: z.output<typeof lecturerInput>): Lecturer {
  return ctx.db.transaction(() => {
    const now = ctx.now().toISOString();
    const values = {
      family_and_middle: input.familyAndMiddle,
      given: input.given,
      kind: input.kind,
      role: input.role,
      unit: input.unit,
      position: input.position,
      phone: input.phone,
      norm_hours: input.normHours,
      lecturing_hours: input.lecturingHours,
      now,
    };
    if (input.id === undefined) {
      const id = Number(
        ctx.db
          .prepare(
            `INSERT INTO lecturers (family_and_middle, given, kind, role, unit, position, phone, norm_hours, lecturing_hours, created_at, updated_at)
             VALUES (@family_and_middle, @given, @kind, @role, @unit, @position, @phone, @norm_hours, @lecturing_hours, @now, @now)`,
          )
          .run(values).lastInsertRowid,
      );
      const after = getLecturer(ctx, id);
      audit(ctx, { action: 'create', entity: 'lecturer', entityId: id, after });
      return after;
    }
    const before = getLecturer(ctx, input.id);
    ctx.db
      .prepare(
        `UPDATE lecturers SET family_and_middle = @family_and_middle, given = @given, kind = @kind, role = @role, unit = @unit,
           position = @position, phone = @phone, norm_hours = @norm_hours, lecturing_hours = @lecturing_hours, updated_at = @now WHERE id = @id`,
      )
      .run({ ...values, id: input.id });
    const after = getLecturer(ctx, input.id);
    audit(ctx, { action: 'update', entity: 'lecturer', entityId: input.id, before, after });
    return after;
  })();
}

interface VenueRow {
  id: number;
  name: string;
  address: string;
  commune_code: string | null;
  capacity: number | null;
  archived_at: string | null;
}

function toVenue(r: VenueRow): Venue {
  return {
    id: r.id,
    name: r.name,
    address: r.address,
    communeCode: r.commune_code,
    communeName: communeByCode(r.commune_code)?.name ?? null,
    capacity: r.capacity,
    archivedAt: r.archived_at,
  };
}

export function getVenue(ctx: AppCore, id: number): Venue {
  const r = ctx.db.prepare('SELECT * FROM venues WHERE id = ?').get(id) as VenueRow | undefined;
  if (!r) throw new AppError('NOT_FOUND', 'Không tìm thấy địa điểm.');
  return toVenue(r);
}

function saveVenue(ctx: AppCore, input: z.output<typeof venueInput>): Venue {
  return ctx.db.transaction(() => {
    const now = ctx.now().toISOString();
    const key = foldText(input.name);
    const clash = ctx.db
      .prepare('SELECT id FROM venues WHERE name_key = ? AND id IS NOT ? AND archived_at IS NULL')
      .get(key, input.id ?? null);
    if (clash) throw new AppError('DUPLICATE_NAME', 'Tên địa điểm đã có.', { name: `Đã có địa điểm «${input.name}»` });
    if (input.communeCode && !communeByCode(input.communeCode)) {
      throw new AppError('INVALID_INPUT', 'Xã, phường không có trong danh mục.', { communeCode: 'Không có trong danh mục 2025' });
    }
    const values = {
      name: input.name,
      name_key: key,
      address: input.address,
      commune_code: input.communeCode,
      capacity: input.capacity,
      now,
    };
    if (input.id === undefined) {
      const id = Number(
        ctx.db
          .prepare(
            `INSERT INTO venues (name, name_key, address, commune_code, capacity, created_at, updated_at)
             VALUES (@name, @name_key, @address, @commune_code, @capacity, @now, @now)`,
          )
          .run(values).lastInsertRowid,
      );
      audit(ctx, { action: 'create', entity: 'venue', entityId: id, after: input });
      return getVenue(ctx, id);
    }
    const before = getVenue(ctx, input.id);
    ctx.db
      .prepare(
        `UPDATE venues SET name = @name, name_key = @name_key, address = @address, commune_code = @commune_code,
           capacity = @capacity, updated_at = @now WHERE id = @id`,
      )
      .run({ ...values, id: input.id });
    audit(ctx, { action: 'update', entity: 'venue', entityId: input.id, before, after: input });
    return getVenue(ctx, input.id);
  })();
}

function setArchived(ctx: AppCore, table: 'lecturers' | 'venues', id: number, archived: boolean): void {
  ctx.db.transaction(() => {
    const changed = ctx.db
      .prepare(`UPDATE ${table} SET archived_at = ?, updated_at = ? WHERE id = ?`)
      .run(archived ? ctx.now().toISOString() : null, ctx.now().toISOString(), id).changes;
    if (changed === 0) throw new AppError('NOT_FOUND', 'Không tìm thấy bản ghi.');
    audit(ctx, { action: archived ? 'archive' : 'unarchive', entity: table === 'lecturers' ? 'lecturer' : 'venue', entityId: id });
  })();
}

/** Each lecturer's sessions and periods in a year (cancelled classes do not count). */
function hours(ctx: AppCore, year: number) {
  const rows = ctx.db
    .prepare(
      `SELECT l.*, count(s.id) AS sessions, coalesce(sum(s.periods), 0) AS periods, count(DISTINCT s.class_id) AS classes
       FROM lecturers l
       LEFT JOIN sessions s ON s.lecturer_id = l.id AND s.date >= ? AND s.date <= ?
         AND s.class_id IN (SELECT id FROM classes WHERE status != 'cancelled')
       GROUP BY l.id ORDER BY l.archived_at IS NOT NULL, l.kind, l.given, l.family_and_middle`,
    )
    .all(`${year}-01-01`, `${year}-12-31`) as (LecturerRow & { sessions: number; periods: number; classes: number })[];
  return rows.map((r) => ({ lecturer: toLecturer(r), sessions: r.sessions, periods: r.periods, classes: r.classes }));
}

export const lecturersHandlers: Handlers<typeof lecturersChannels> = {
  'lecturers.list': (ctx, input) =>
    (
      ctx.db
        .prepare('SELECT * FROM lecturers WHERE ? OR archived_at IS NULL ORDER BY archived_at IS NOT NULL, given, family_and_middle')
        .all(input.includeArchived ? 1 : 0) as LecturerRow[]
    ).map(toLecturer),
  'lecturers.save': (ctx, input) => saveLecturer(ctx, input),
  'lecturers.setArchived': (ctx, input) => {
    setArchived(ctx, 'lecturers', input.id, input.archived);
    return getLecturer(ctx, input.id);
  },
  'lecturers.hours': (ctx, input) => hours(ctx, input.year),
  'venues.list': (ctx, input) =>
    (
      ctx.db
        .prepare('SELECT * FROM venues WHERE ? OR archived_at IS NULL ORDER BY archived_at IS NOT NULL, name_key')
        .all(input.includeArchived ? 1 : 0) as VenueRow[]
    ).map(toVenue),
  'venues.save': (ctx, input) => saveVenue(ctx, input),
  'venues.setArchived': (ctx, input) => {
    setArchived(ctx, 'venues', input.id, input.archived);
    return getVenue(ctx, input.id);
  },
};
