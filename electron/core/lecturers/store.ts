import type { Database } from 'better-sqlite3-multiple-ciphers';
import type { z } from 'zod';
import type { Lecturer, lecturerInput, Venue, venueInput } from '../../../shared/contract/lecturers';
import { foldText } from '../../../shared/domain/text';
import { nameFields } from '../db/name-columns';
import { cachedStatement } from '../db/statements';
import { communeByCode } from '../reference/communes';

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

interface VenueRow {
  id: number;
  name: string;
  address: string;
  commune_code: string | null;
  capacity: number | null;
  archived_at: string | null;
}

function toLecturer(r: LecturerRow): Lecturer {
  return {
    id: r.id,
    ...nameFields(r),
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

/** Lecturers and venues are kept alike: one row per id, archived rather than deleted. */
type Table = 'lecturers' | 'venues';

const ORDER: Record<Table, string> = {
  lecturers: 'archived_at IS NOT NULL, given, family_and_middle',
  venues: 'archived_at IS NOT NULL, name_key',
};

function rowsOf<R>(db: Database, table: Table, includeArchived: boolean): R[] {
  return cachedStatement<[number], R>(db, `SELECT * FROM ${table} WHERE ? OR archived_at IS NULL ORDER BY ${ORDER[table]}`).all(
    includeArchived ? 1 : 0,
  );
}

function rowById<R>(db: Database, table: Table, id: number): R | undefined {
  return cachedStatement<[number], R>(db, `SELECT * FROM ${table} WHERE id = ?`).get(id);
}

/** Every row of `ids` at once (nulls and ids not found are left out). */
function rowsByIds<R extends { id: number }>(db: Database, table: Table, ids: Iterable<number | null>): Map<number, R> {
  const list = [...new Set(ids)].filter((id) => id !== null);
  if (list.length === 0) return new Map();
  const rows = cachedStatement<[string], R>(db, `SELECT * FROM ${table} WHERE id IN (SELECT value FROM json_each(?))`).all(
    JSON.stringify(list),
  );
  return new Map(rows.map((r) => [r.id, r]));
}

/**
 * Adds a row (`id` undefined) or rewrites one, stamping created_at / updated_at. The SQL is built from the
 * column names, which are fixed per table, so each table caches one INSERT and one UPDATE.
 */
function writeRow(db: Database, table: Table, id: number | undefined, values: Record<string, string | number | null>, now: string): number {
  const columns = Object.keys(values);
  if (id === undefined) {
    const sql = `INSERT INTO ${table} (${columns.join(', ')}, created_at, updated_at) VALUES (${columns.map((c) => `@${c}`).join(', ')}, @now, @now)`;
    return Number(cachedStatement(db, sql).run({ ...values, now }).lastInsertRowid);
  }
  cachedStatement(db, `UPDATE ${table} SET ${columns.map((c) => `${c} = @${c}`).join(', ')}, updated_at = @now WHERE id = @id`).run({
    ...values,
    now,
    id,
  });
  return id;
}

/** Whether the row was there to change. */
export function setArchived(db: Database, table: Table, id: number, archived: boolean, now: string): boolean {
  return (
    cachedStatement(db, `UPDATE ${table} SET archived_at = ?, updated_at = ? WHERE id = ?`).run(archived ? now : null, now, id).changes > 0
  );
}

/** When the lecturer or venue was archived; undefined when there is none with that id. */
export function archivedAt(db: Database, table: Table, id: number): string | null | undefined {
  return rowById<{ archived_at: string | null }>(db, table, id)?.archived_at;
}

// ---- lecturers

export const listLecturers = (db: Database, includeArchived: boolean): Lecturer[] =>
  rowsOf<LecturerRow>(db, 'lecturers', includeArchived).map(toLecturer);

export function lecturerById(db: Database, id: number): Lecturer | null {
  const r = rowById<LecturerRow>(db, 'lecturers', id);
  return r ? toLecturer(r) : null;
}

export function lecturersByIds(db: Database, ids: Iterable<number | null>): Map<number, Lecturer> {
  return new Map([...rowsByIds<LecturerRow>(db, 'lecturers', ids)].map(([id, r]) => [id, toLecturer(r)]));
}

type LecturerData = z.output<typeof lecturerInput>;

/** The lecturer's new id, or `l.id` once updated. */
export function writeLecturer(db: Database, l: LecturerData, now: string): number {
  const values = {
    family_and_middle: l.familyAndMiddle,
    given: l.given,
    kind: l.kind,
    role: l.role,
    unit: l.unit,
    position: l.position,
    phone: l.phone,
    norm_hours: l.normHours,
    lecturing_hours: l.lecturingHours,
  };
  return writeRow(db, 'lecturers', l.id, values, now);
}

/** Each lecturer's sessions and periods in a year (cancelled classes do not count). */
export function lecturerHours(db: Database, year: number) {
  const rows = cachedStatement<[string, string], LecturerRow & { sessions: number; periods: number; classes: number }>(
    db,
    `SELECT l.*, count(s.id) AS sessions, coalesce(sum(s.periods), 0) AS periods, count(DISTINCT s.class_id) AS classes
     FROM lecturers l
     LEFT JOIN sessions s ON s.lecturer_id = l.id AND s.date >= ? AND s.date <= ?
       AND s.class_id IN (SELECT id FROM classes WHERE status != 'cancelled')
     GROUP BY l.id ORDER BY l.archived_at IS NOT NULL, l.kind, l.given, l.family_and_middle`,
  ).all(`${year}-01-01`, `${year}-12-31`);
  return rows.map((r) => ({ lecturer: toLecturer(r), sessions: r.sessions, periods: r.periods, classes: r.classes }));
}

// ---- venues

export const listVenues = (db: Database, includeArchived: boolean): Venue[] => rowsOf<VenueRow>(db, 'venues', includeArchived).map(toVenue);

export function venueById(db: Database, id: number): Venue | null {
  const r = rowById<VenueRow>(db, 'venues', id);
  return r ? toVenue(r) : null;
}

export function venuesByIds(db: Database, ids: Iterable<number | null>): Map<number, Venue> {
  return new Map([...rowsByIds<VenueRow>(db, 'venues', ids)].map(([id, r]) => [id, toVenue(r)]));
}

/** Another venue in use under the same name (compared folded), other than `exceptId`. */
export function venueNameTaken(db: Database, name: string, exceptId: number | null): boolean {
  return (
    cachedStatement(db, 'SELECT id FROM venues WHERE name_key = ? AND id IS NOT ? AND archived_at IS NULL').get(
      foldText(name),
      exceptId,
    ) !== undefined
  );
}

/** The venue's new id, or `v.id` once updated. */
export function writeVenue(db: Database, v: z.output<typeof venueInput>, now: string): number {
  const values = { name: v.name, name_key: foldText(v.name), address: v.address, commune_code: v.communeCode, capacity: v.capacity };
  return writeRow(db, 'venues', v.id, values, now);
}
