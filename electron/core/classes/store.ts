import type { Database } from 'better-sqlite3-multiple-ciphers';
import type { ClassRow, ClassStatus } from '../../../shared/contract/classes';
import type { Scheme } from '../../../shared/domain/eligibility';
import { fullName } from '../../../shared/domain/text';
import { cachedStatement } from '../db/statements';
import { AppError } from '../errors';
import { decisionLabel } from './terms';

/** The columns a save writes. */
export interface ClassColumns {
  program_id: number;
  plan_line_id: number | null;
  year: number;
  cohort_number: number;
  cohort_numbering: ClassRow['cohortNumbering'];
  name: string;
  start_date: string;
  end_date: string;
  venue_id: number | null;
  form: ClassRow['form'];
  homeroom_lecturer_id: number | null;
  status: ClassStatus;
  opening_decision_id: number | null;
  issuing_body_json: string;
  capacity: number | null;
}

interface Row extends ClassColumns {
  id: number;
  program_name: string;
  venue_name: string | null;
  homeroom_family: string | null;
  homeroom_given: string | null;
  cancel_reason: string | null;
  decision_number: number | null;
  decision_date: string | null;
  session_count: number;
}

const SELECT = `SELECT c.*, p.name AS program_name, v.name AS venue_name, l.family_and_middle AS homeroom_family, l.given AS homeroom_given,
  d.number AS decision_number, d.date AS decision_date,
  (SELECT count(*) FROM sessions s WHERE s.class_id = c.id) AS session_count
  FROM classes c JOIN programs p ON p.id = c.program_id
  LEFT JOIN venues v ON v.id = c.venue_id
  LEFT JOIN lecturers l ON l.id = c.homeroom_lecturer_id
  LEFT JOIN documents d ON d.id = c.opening_decision_id`;

/** The sites of all the classes at once, each class's in order. */
function sitesOf(db: Database, classIds: readonly number[]): Map<number, ClassRow['sites']> {
  const sites = new Map<number, ClassRow['sites']>(classIds.map((id) => [id, []]));
  if (classIds.length === 0) return sites;
  const rows = cachedStatement<[string], { class_id: number; place: string; contact: string }>(
    db,
    'SELECT class_id, place, contact FROM class_sites WHERE class_id IN (SELECT value FROM json_each(?)) ORDER BY class_id, position',
  ).all(JSON.stringify(classIds));
  for (const r of rows) sites.get(r.class_id)!.push({ place: r.place, contact: r.contact });
  return sites;
}

function toClasses(db: Database, rows: readonly Row[]): ClassRow[] {
  const sites = sitesOf(
    db,
    rows.map((r) => r.id),
  );
  return rows.map((r) => {
    const body = JSON.parse(r.issuing_body_json) as ClassRow['issuingBody'];
    return {
      id: r.id,
      programId: r.program_id,
      programName: r.program_name,
      planLineId: r.plan_line_id,
      year: r.year,
      cohortNumber: r.cohort_number,
      cohortNumbering: r.cohort_numbering,
      name: r.name,
      startDate: r.start_date,
      endDate: r.end_date,
      venueId: r.venue_id,
      venueName: r.venue_name,
      form: r.form,
      homeroomLecturerId: r.homeroom_lecturer_id,
      homeroomName: r.homeroom_given ? fullName({ familyAndMiddle: r.homeroom_family ?? '', given: r.homeroom_given }) : null,
      capacity: r.capacity,
      status: r.status,
      cancelReason: r.cancel_reason,
      sites: sites.get(r.id)!,
      openingDecisionNumber: r.decision_number,
      openingDecisionDate: r.decision_date,
      openingDecisionLabel: r.decision_number === null ? null : decisionLabel(r.decision_number, body.docCode),
      issuingBody: body,
      sessionCount: r.session_count,
    };
  });
}

export function classById(db: Database, id: number): ClassRow | null {
  const r = cachedStatement<[number], Row>(db, `${SELECT} WHERE c.id = ?`).get(id);
  return r ? toClasses(db, [r])[0]! : null;
}

/** The class, or NOT_FOUND: for callers that were handed a class id. */
export function getClass(db: Database, id: number): ClassRow {
  const c = classById(db, id);
  if (!c) throw new AppError('NOT_FOUND', 'Không tìm thấy lớp học.');
  return c;
}

export function listClasses(db: Database, year: number | null, programId: number | null): ClassRow[] {
  const rows = cachedStatement<(number | null)[], Row>(
    db,
    `${SELECT} WHERE (? IS NULL OR c.year = ?) AND (? IS NULL OR c.program_id = ?) ORDER BY c.start_date DESC, c.id DESC`,
  ).all(year, year, programId, programId);
  return toClasses(db, rows);
}

/** The next cohort number of the program: within the year, or across years for continuous numbering. */
export function nextCohort(db: Database, programId: number, year: number, numbering: ClassRow['cohortNumbering']): number {
  const sql = `SELECT coalesce(max(cohort_number), 0) + 1 AS n FROM classes WHERE program_id = ? AND cohort_numbering = ?`;
  const r =
    numbering === 'per_year'
      ? cachedStatement<[number, string, number], { n: number }>(db, `${sql} AND year = ?`).get(programId, numbering, year)
      : cachedStatement<[number, string], { n: number }>(db, sql).get(programId, numbering);
  return r!.n;
}

export function openingDecisionId(db: Database, classId: number): number | null {
  return (
    cachedStatement<[number], { d: number | null }>(db, 'SELECT opening_decision_id AS d FROM classes WHERE id = ?').get(classId)?.d ?? null
  );
}

/** How many of the class's sessions fall outside the dates. */
export function sessionsOutside(db: Database, classId: number, startDate: string, endDate: string): number {
  return cachedStatement<[number, string, string], { n: number }>(
    db,
    'SELECT count(*) AS n FROM sessions WHERE class_id = ? AND (date < ? OR date > ?)',
  ).get(classId, startDate, endDate)!.n;
}

/** Whether attendance or a score was recorded for any learner of the class. */
export function hasResults(db: Database, classId: number): boolean {
  return (
    cachedStatement(
      db,
      `SELECT 1 FROM enrollments e WHERE e.class_id = ? AND (EXISTS (SELECT 1 FROM attendance a WHERE a.enrollment_id = e.id)
         OR EXISTS (SELECT 1 FROM scores s WHERE s.enrollment_id = e.id)) LIMIT 1`,
    ).get(classId) !== undefined
  );
}

export type ClassValues = ClassColumns & { now: string };

export function insertClass(db: Database, values: ClassValues): number {
  return Number(
    cachedStatement(
      db,
      `INSERT INTO classes (program_id, plan_line_id, year, cohort_number, cohort_numbering, name, start_date, end_date, venue_id, form,
         homeroom_lecturer_id, status, opening_decision_id, issuing_body_json, capacity, created_at, updated_at)
       VALUES (@program_id, @plan_line_id, @year, @cohort_number, @cohort_numbering, @name, @start_date, @end_date, @venue_id, @form,
         @homeroom_lecturer_id, @status, @opening_decision_id, @issuing_body_json, @capacity, @now, @now)`,
    ).run(values).lastInsertRowid,
  );
}

export function updateClass(db: Database, id: number, values: ClassValues): void {
  cachedStatement(
    db,
    `UPDATE classes SET program_id = @program_id, plan_line_id = @plan_line_id, year = @year, cohort_number = @cohort_number,
       cohort_numbering = @cohort_numbering, name = @name, start_date = @start_date, end_date = @end_date, venue_id = @venue_id,
       form = @form, homeroom_lecturer_id = @homeroom_lecturer_id, status = @status, opening_decision_id = @opening_decision_id,
       issuing_body_json = @issuing_body_json, capacity = @capacity, updated_at = @now WHERE id = @id`,
  ).run({ ...values, id });
}

export function replaceSites(db: Database, classId: number, sites: ClassRow['sites']): void {
  cachedStatement(db, 'DELETE FROM class_sites WHERE class_id = ?').run(classId);
  const site = cachedStatement(db, 'INSERT INTO class_sites (class_id, position, place, contact) VALUES (?, ?, ?, ?)');
  sites.forEach((s, i) => site.run(classId, i + 1, s.place, s.contact));
}

export function writeStatus(db: Database, id: number, status: ClassStatus, cancelReason: string | null, now: string): void {
  cachedStatement(db, 'UPDATE classes SET status = ?, cancel_reason = ?, updated_at = ? WHERE id = ?').run(status, cancelReason, now, id);
}

/** The timetable moved the class: its dates follow its first and last session. */
export function writeDates(db: Database, id: number, startDate: string, endDate: string, now: string): void {
  cachedStatement(db, 'UPDATE classes SET start_date = ?, end_date = ?, updated_at = ? WHERE id = ?').run(startDate, endDate, now, id);
}

// ---- the class's frozen assessment scheme (scheme.ts)

export function storedScheme(db: Database, classId: number): { scheme: Scheme | null; programId: number } {
  const row = cachedStatement<[number], { scheme_json: string | null; program_id: number }>(
    db,
    'SELECT scheme_json, program_id FROM classes WHERE id = ?',
  ).get(classId)!;
  return { scheme: row.scheme_json ? (JSON.parse(row.scheme_json) as Scheme) : null, programId: row.program_id };
}

/** Null lets the program's scheme apply again (a class whose program changed before anything was recorded). */
export function writeScheme(db: Database, classId: number, scheme: Scheme | null): void {
  cachedStatement(db, 'UPDATE classes SET scheme_json = ? WHERE id = ?').run(scheme === null ? null : JSON.stringify(scheme), classId);
}
