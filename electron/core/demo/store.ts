import type { Database } from 'better-sqlite3-multiple-ciphers';
import { writeSetting } from '../db/settings';
import { cachedStatement } from '../db/statements';

/**
 * The demo's reads of the sample registry (whom to enrol, nominate, count) and the bench's bulk writes,
 * which skip the handlers on purpose: twenty years of classes through them would take hours.
 */

export function markDemo(db: Database): void {
  writeSetting(db, 'demo', 'true');
}

/** SQLite's page cache, raised for a bulk run (random-key inserts into five indexes) and set back after. */
export function cacheSize(db: Database, size?: number): number {
  if (size !== undefined) db.pragma(`cache_size = ${size}`);
  return db.pragma('cache_size', { simple: true }) as number;
}

export function baseUnitIds(db: Database): number[] {
  return cachedStatement<[], { id: number }>(db, "SELECT id FROM units WHERE kind = 'base'")
    .all()
    .map((r) => r.id);
}

/** The first full members of a base organisation's cells, in id order. */
export function cellMembersOf(db: Database, baseId: number, limit: number): number[] {
  return cachedStatement<[number, number], { id: number }>(
    db,
    `SELECT p.id FROM units c JOIN people p ON p.unit_id = c.id
      WHERE c.parent_id = ? AND p.party_status = 'chinh_thuc' AND p.merged_into_id IS NULL ORDER BY p.id LIMIT ?`,
  )
    .all(baseId, limit)
    .map((r) => r.id);
}

export function setPosition(db: Database, personId: number, position: string): void {
  cachedStatement(db, 'UPDATE people SET position = ? WHERE id = ?').run(position, personId);
}

/** Current people whose Party status is one of these (or unknown); everyone when none is named. */
export function peopleFitting(db: Database, statuses: readonly string[]): number[] {
  const fit = statuses.length ? `AND (party_status IS NULL OR party_status IN (${statuses.map(() => '?').join(',')}))` : '';
  return cachedStatement<string[], { id: number }>(db, `SELECT id FROM people WHERE merged_into_id IS NULL ${fit} ORDER BY id`)
    .all(...statuses)
    .map((r) => r.id);
}

/** Commune leaders below Trung cấp: the people a nomination to the provincial school is about. */
export function nominationCandidates(db: Database): number[] {
  return cachedStatement<[], { id: number }>(
    db,
    `SELECT id FROM people WHERE merged_into_id IS NULL AND party_status = 'chinh_thuc'
        AND (position LIKE 'Chủ tịch%' OR position LIKE 'Phó Chủ tịch%' OR position LIKE '%Bí thư%')
        AND (theory_level IS NULL OR theory_level IN ('none', 'so_cap')) ORDER BY id`,
  )
    .all()
    .map((r) => r.id);
}

/** Each current base organisation with its Party members (its own and its cells'). */
export function baseOrgMembers(db: Database): { id: number; members: number }[] {
  return cachedStatement<[], { id: number; members: number }>(
    db,
    `SELECT b.id, count(DISTINCT p.id) AS members
       FROM units b
       LEFT JOIN units c ON c.parent_id = b.id
       LEFT JOIN people p ON p.unit_id IN (b.id, c.id) AND p.merged_into_id IS NULL AND p.party_status IN ('du_bi', 'chinh_thuc')
      WHERE b.kind = 'base' AND b.merged_into_id IS NULL AND b.archived_at IS NULL
      GROUP BY b.id ORDER BY b.id`,
  ).all();
}

// ---- the bench's bulk history

export interface BenchProgram {
  id: number;
  code: string;
  name: string;
  outcome: string;
  validity_months: number | null;
}

export function benchPrograms(db: Database): BenchProgram[] {
  return cachedStatement<[], BenchProgram>(db, 'SELECT id, code, name, outcome, validity_months FROM programs ORDER BY id').all();
}

/** Each program's passing classification labels, in band order. */
export function passingLabels(db: Database): Map<number, string[]> {
  const bands = new Map<number, string[]>();
  const rows = cachedStatement<[], { program_id: number; label: string }>(
    db,
    "SELECT program_id, label FROM program_bands WHERE label <> 'Không đạt' ORDER BY position",
  ).all();
  for (const b of rows) bands.set(b.program_id, [...(bands.get(b.program_id) ?? []), b.label]);
  return bands;
}

export function maxPersonId(db: Database): number {
  return cachedStatement<[], { m: number }>(db, 'SELECT max(id) AS m FROM people').get()!.m;
}

export function holderOf(db: Database, personId: number): { full_name: string; birth_date: string | null; unit_name: string | null } {
  return cachedStatement<[number], { full_name: string; birth_date: string | null; unit_name: string | null }>(
    db,
    "SELECT p.family_and_middle || ' ' || p.given AS full_name, p.birth_date, u.name AS unit_name FROM people p LEFT JOIN units u ON u.id = p.unit_id WHERE p.id = ?",
  ).get(personId)!;
}

/** The rows a finished class leaves behind, written straight into their tables. */
export function benchWriters(db: Database) {
  const id = (r: { lastInsertRowid: number | bigint }) => Number(r.lastInsertRowid);
  return {
    lecturer: (given: string, now: string) =>
      id(
        cachedStatement(
          db,
          "INSERT INTO lecturers (family_and_middle, given, kind, role, unit, position, phone, norm_hours, lecturing_hours, created_at, updated_at) VALUES (?, ?, 'kiem_nhiem', 'giang_vien', '', '', '', 280, 140, ?, ?)",
        ).run('Giảng viên', given, now, now),
      ),
    plan: (year: number, programId: number, quarter: number, classes: number, now: string) =>
      cachedStatement(
        db,
        'INSERT INTO plan_lines (year, program_id, quarter, commune_code, place, planned_classes, planned_learners, notes, created_at, updated_at) VALUES (?, ?, ?, NULL, ?, ?, ?, ?, ?, ?)',
      ).run(year, programId, quarter, 'Tại trung tâm', classes, 200, '', now, now),
    klass: (
      c: { programId: number; year: number; cohort: number; name: string; start: string; status: string; body: string },
      now: string,
    ) =>
      id(
        cachedStatement(
          db,
          `INSERT INTO classes (program_id, plan_line_id, year, cohort_number, cohort_numbering, name, start_date, end_date, venue_id, form, homeroom_lecturer_id, status, issuing_body_json, capacity, created_at, updated_at)
           VALUES (?, NULL, ?, ?, 'per_year', ?, ?, ?, NULL, 'full_time', NULL, ?, ?, 80, ?, ?)`,
        ).run(c.programId, c.year, c.cohort, c.name, c.start, c.start, c.status, c.body, now, now),
      ),
    enrol: (classId: number, personId: number, outcome: string, classification: string | null, now: string) =>
      id(
        cachedStatement(
          db,
          "INSERT INTO enrollments (class_id, person_id, status, discipline, discipline_note, created_at, updated_at, outcome, classification) VALUES (?, ?, 'enrolled', 0, '', ?, ?, ?, ?)",
        ).run(classId, personId, now, now, outcome, classification),
      ),
    cert: (values: unknown[]) =>
      cachedStatement(
        db,
        "INSERT INTO certificates (enrollment_id, person_id, class_id, year, seq, serial, register_no, issue_date, printed_json, verification_code, status, created_at, actor) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'valid', ?, 'bench')",
      ).run(...values),
    session: (classId: number, date: string, half: string, title: string, lecturerId: number, position: number) =>
      cachedStatement(
        db,
        'INSERT INTO sessions (class_id, date, half, topic_id, title, lecturer_id, venue_id, periods, position) VALUES (?, ?, ?, NULL, ?, ?, NULL, 5, ?)',
      ).run(classId, date, half, title, lecturerId, position),
  };
}
