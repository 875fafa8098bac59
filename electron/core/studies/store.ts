import type { Database } from 'better-sqlite3-multiple-ciphers';
import { compareVi } from '../../../shared/domain/text';
import { cachedStatement } from '../db/statements';

/** All SQL of the resolution-study sessions: units, members per year, sessions, counts and class lists. */

export interface UnitRow {
  id: number;
  name: string;
  kind: 'base' | 'cell';
  parentId: number | null;
  mergedIntoId: number | null;
  archived: boolean;
}

export interface SessionRow {
  id: number;
  title: string;
  date: string;
  form: 'in_person' | 'online';
  sites: number | null;
  classId: number | null;
  className: string | null;
  note: string;
}

export interface Figures {
  present: number;
  expected: number;
}

export interface Counts {
  present: number;
  expected: number | null;
}

export function allUnits(db: Database): Map<number, UnitRow> {
  const rows = cachedStatement(db, 'SELECT id, name, kind, parent_id, merged_into_id, archived_at FROM units').all() as {
    id: number;
    name: string;
    kind: 'base' | 'cell';
    parent_id: number | null;
    merged_into_id: number | null;
    archived_at: string | null;
  }[];
  return new Map(
    rows.map((r) => [
      r.id,
      { id: r.id, name: r.name, kind: r.kind, parentId: r.parent_id, mergedIntoId: r.merged_into_id, archived: r.archived_at !== null },
    ]),
  );
}

function current(units: Map<number, UnitRow>, unitId: number): UnitRow | null {
  let unit = units.get(unitId) ?? null;
  for (let hops = 0; unit?.mergedIntoId && hops < 20; hops++) unit = units.get(unit.mergedIntoId) ?? null;
  return unit;
}

/** A person's base organisation: their unit if it is one, else the cell's parent (merges followed). */
export function baseOf(units: Map<number, UnitRow>, unitId: number | null): number | null {
  if (unitId === null) return null;
  const unit = current(units, unitId);
  if (!unit) return null;
  if (unit.kind === 'base') return unit.id;
  const parent = unit.parentId === null ? null : current(units, unit.parentId);
  return parent?.kind === 'base' ? parent.id : null;
}

/** A base organisation that can take figures: not merged into another. */
export function isLiveBase(units: Map<number, UnitRow>, unitId: number): boolean {
  const u = units.get(unitId);
  return !!u && u.kind === 'base' && u.mergedIntoId === null;
}

/**
 * Base organisations in name order: the current ones, archived ones only where `keep` holds figures,
 * and merged ones only where `merged` does (a session's counts typed before the merger stay visible).
 */
export function baseOrgs(
  units: Map<number, UnitRow>,
  keep: ReadonlySet<number> = new Set(),
  merged: ReadonlySet<number> = new Set(),
): UnitRow[] {
  return [...units.values()]
    .filter((u) => u.kind === 'base' && (u.mergedIntoId === null ? !u.archived || keep.has(u.id) : merged.has(u.id)))
    .sort((a, b) => compareVi(a.name, b.name) || a.id - b.id);
}

/** The live organisation a merged one ended up in (merges followed), or null when it was not merged. */
export function mergedIntoName(units: Map<number, UnitRow>, unitId: number): string | null {
  const u = units.get(unitId);
  if (!u || u.mergedIntoId === null) return null;
  return current(units, unitId)?.name ?? units.get(u.mergedIntoId)?.name ?? null;
}

export function membersOf(db: Database, year: number): Map<number, number> {
  const rows = cachedStatement(db, 'SELECT unit_id, members FROM study_members WHERE year = ?').all(year) as {
    unit_id: number;
    members: number;
  }[];
  return new Map(rows.map((r) => [r.unit_id, r.members]));
}

export function writeMembers(db: Database, year: number, rows: { unitId: number; members: number | null }[], now: string): void {
  const upsert = cachedStatement(
    db,
    'INSERT INTO study_members (unit_id, year, members, updated_at) VALUES (?, ?, ?, ?) ON CONFLICT (unit_id, year) DO UPDATE SET members = excluded.members, updated_at = excluded.updated_at',
  );
  const remove = cachedStatement(db, 'DELETE FROM study_members WHERE unit_id = ? AND year = ?');
  for (const r of rows) {
    if (r.members === null) remove.run(r.unitId, year);
    else upsert.run(r.unitId, year, r.members, now);
  }
}

/** A session as SessionRow names it: the columns are renamed in the query. */
const SESSION_SELECT = `SELECT s.id, s.title, s.date, s.form, s.sites, s.class_id AS classId, c.name AS className, s.note
  FROM study_sessions s LEFT JOIN classes c ON c.id = s.class_id`;

export function sessionById(db: Database, id: number): SessionRow | null {
  return cachedStatement<[number], SessionRow>(db, `${SESSION_SELECT} WHERE s.id = ?`).get(id) ?? null;
}

export function sessionsOfYear(db: Database, year: number): SessionRow[] {
  return cachedStatement<[string, string], SessionRow>(
    db,
    `${SESSION_SELECT} WHERE s.date BETWEEN ? AND ? ORDER BY s.date DESC, s.id DESC`,
  ).all(`${year}-01-01`, `${year}-12-31`);
}

export interface SessionValues {
  title: string;
  date: string;
  form: 'in_person' | 'online';
  sites: number | null;
  classId: number | null;
  note: string;
}

export function insertSession(db: Database, v: SessionValues, now: string): number {
  return Number(
    cachedStatement(
      db,
      'INSERT INTO study_sessions (title, date, form, sites, class_id, note, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
    ).run(v.title, v.date, v.form, v.sites, v.classId, v.note, now, now).lastInsertRowid,
  );
}

export function updateSession(db: Database, id: number, v: SessionValues, now: string): void {
  cachedStatement(
    db,
    'UPDATE study_sessions SET title = ?, date = ?, form = ?, sites = ?, class_id = ?, note = ?, updated_at = ? WHERE id = ?',
  ).run(v.title, v.date, v.form, v.sites, v.classId, v.note, now, id);
}

export function deleteSession(db: Database, id: number): void {
  cachedStatement(db, 'DELETE FROM study_counts WHERE session_id = ?').run(id);
  cachedStatement(db, 'DELETE FROM study_sessions WHERE id = ?').run(id);
}

export function countsOf(db: Database, sessionId: number): Map<number, Counts> {
  const rows = cachedStatement(db, 'SELECT unit_id, present, expected FROM study_counts WHERE session_id = ?').all(sessionId) as {
    unit_id: number;
    present: number;
    expected: number | null;
  }[];
  return new Map(rows.map((r) => [r.unit_id, { present: r.present, expected: r.expected }]));
}

/**
 * Replaces the counts of the organisations sent, and only those: a row with no present clears that
 * organisation's count; organisations not sent (merged ones shown read-only, say) keep theirs.
 */
export function writeCounts(
  db: Database,
  sessionId: number,
  rows: { unitId: number; present: number | null; expected: number | null }[],
): void {
  const remove = cachedStatement(db, 'DELETE FROM study_counts WHERE session_id = ? AND unit_id = ?');
  const insert = cachedStatement(db, 'INSERT INTO study_counts (session_id, unit_id, present, expected) VALUES (?, ?, ?, ?)');
  for (const r of rows) {
    remove.run(sessionId, r.unitId);
    if (r.present !== null) insert.run(sessionId, r.unitId, r.present, r.expected);
  }
}

/** Units that hold members or counts in a year: archived ones among them still show. */
export function unitsWithFigures(db: Database, year: number): Set<number> {
  const rows = cachedStatement(
    db,
    `SELECT unit_id FROM study_members WHERE year = ?
       UNION SELECT c.unit_id FROM study_counts c JOIN study_sessions s ON s.id = c.session_id WHERE s.date BETWEEN ? AND ?`,
  ).all(year, `${year}-01-01`, `${year}-12-31`) as { unit_id: number }[];
  return new Set(rows.map((r) => r.unit_id));
}

/**
 * A class list per base organisation: expected = people enrolled (not withdrawn), present = those
 * marked present at least once. People without a base organisation are counted apart.
 */
export function listFigures(
  db: Database,
  classId: number,
  units: Map<number, UnitRow>,
): { byOrg: Map<number, Figures>; unassigned: number } {
  const rows = cachedStatement(
    db,
    `SELECT p.unit_id, EXISTS (SELECT 1 FROM attendance a WHERE a.enrollment_id = e.id AND a.mark = 'present') AS present
       FROM enrollments e JOIN people p ON p.id = e.person_id
       WHERE e.class_id = ? AND e.status = 'enrolled'`,
  ).all(classId) as { unit_id: number | null; present: number }[];
  const byOrg = new Map<number, Figures>();
  let unassigned = 0;
  for (const r of rows) {
    const base = baseOf(units, r.unit_id);
    if (base === null) {
      unassigned++;
      continue;
    }
    const f = byOrg.get(base) ?? { present: 0, expected: 0 };
    f.expected++;
    if (r.present) f.present++;
    byOrg.set(base, f);
  }
  return { byOrg, unassigned };
}

export function classExists(db: Database, classId: number): { name: string; status: string } | null {
  return (
    (cachedStatement(db, 'SELECT name, status FROM classes WHERE id = ?').get(classId) as { name: string; status: string } | undefined) ??
    null
  );
}

export function linkableClasses(db: Database, year: number): { id: number; name: string; programCode: string; startDate: string }[] {
  return cachedStatement(
    db,
    `SELECT c.id, c.name, p.code AS programCode, c.start_date AS startDate FROM classes c JOIN programs p ON p.id = c.program_id
       WHERE c.status <> 'cancelled' AND c.start_date BETWEEN ? AND ?
       ORDER BY p.code <> 'NQ', c.start_date DESC, c.id DESC`,
  ).all(`${year}-01-01`, `${year}-12-31`) as { id: number; name: string; programCode: string; startDate: string }[];
}
