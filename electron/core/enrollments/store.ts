import type { Database } from 'better-sqlite3-multiple-ciphers';
import type { Enrollment } from '../../../shared/contract/enrollments';
import { ethnicityByCode } from '../../../shared/domain/ethnic-groups';
import type { PartyStatus } from '../../../shared/domain/learner-fields';
import { fullName } from '../../../shared/domain/text';
import { cachedStatement } from '../db/statements';

/** All SQL of the enrolments: who is in a class, joining, leaving, discipline and connected site. */

interface Row {
  id: number;
  person_id: number;
  family_and_middle: string;
  given: string;
  sex: Enrollment['sex'];
  birth_date: string | null;
  ethnicity_code: string | null;
  position: string;
  unit_name: string | null;
  party_status: Enrollment['partyStatus'];
  status: Enrollment['status'];
  withdraw_reason: string | null;
  fit_override_reason: string | null;
  discipline: number;
  discipline_note: string;
  site: string | null;
}

/** The class's learners in Vietnamese list order (given name, then family name). */
export function enrollmentRows(db: Database, classId: number): Enrollment[] {
  const rows = cachedStatement<[number], Row>(
    db,
    `SELECT e.*, p.family_and_middle, p.given, p.sex, p.birth_date, p.ethnicity_code, p.position, p.party_status, u.name AS unit_name
     FROM enrollments e JOIN people p ON p.id = e.person_id LEFT JOIN units u ON u.id = p.unit_id
     WHERE e.class_id = ? ORDER BY p.sort_key, p.id`,
  ).all(classId);
  return rows.map((r) => ({
    id: r.id,
    personId: r.person_id,
    fullName: fullName({ familyAndMiddle: r.family_and_middle, given: r.given }),
    familyAndMiddle: r.family_and_middle,
    given: r.given,
    sex: r.sex,
    birthDate: r.birth_date,
    ethnicityName: ethnicityByCode(r.ethnicity_code)?.name ?? null,
    position: r.position,
    unitName: r.unit_name,
    partyStatus: r.party_status,
    status: r.status,
    withdrawReason: r.withdraw_reason,
    fitOverrideReason: r.fit_override_reason,
    discipline: r.discipline === 1,
    disciplineNote: r.discipline_note,
    site: r.site,
  }));
}

export interface EnrollmentRef {
  id: number;
  classId: number;
  status: Enrollment['status'];
  discipline: boolean;
  disciplineNote: string;
}

/** The columns named as EnrollmentRef names them; `discipline` is still SQLite's 0 or 1. */
type RefRow = Omit<EnrollmentRef, 'discipline'> & { discipline: number };
const REF_SELECT = 'SELECT id, class_id AS classId, status, discipline, discipline_note AS disciplineNote FROM enrollments';

const toRef = (r: RefRow): EnrollmentRef => ({ ...r, discipline: r.discipline === 1 });

export function enrollmentRef(db: Database, enrollmentId: number): EnrollmentRef | null {
  const r = cachedStatement<[number], RefRow>(db, `${REF_SELECT} WHERE id = ?`).get(enrollmentId);
  return r ? toRef(r) : null;
}

/** The enrolments among `ids` that exist, in one query. */
export function enrollmentRefs(db: Database, ids: number[]): Map<number, EnrollmentRef> {
  const rows = cachedStatement<[string], RefRow>(db, `${REF_SELECT} WHERE id IN (SELECT value FROM json_each(?))`).all(JSON.stringify(ids));
  return new Map(rows.map((r) => [r.id, toRef(r)]));
}

export interface Candidate {
  id: number;
  name: string;
  partyStatus: PartyStatus | null;
}

/** The people among `ids` still in the registry (not merged away), in one query. */
export function enrolmentCandidates(db: Database, ids: number[]): Map<number, Candidate> {
  const rows = cachedStatement<[string], { id: number; family_and_middle: string; given: string; party_status: PartyStatus | null }>(
    db,
    `SELECT id, family_and_middle, given, party_status FROM people
     WHERE id IN (SELECT value FROM json_each(?)) AND merged_into_id IS NULL`,
  ).all(JSON.stringify(ids));
  return new Map(
    rows.map((p) => [
      p.id,
      { id: p.id, name: fullName({ familyAndMiddle: p.family_and_middle, given: p.given }), partyStatus: p.party_status },
    ]),
  );
}

/** Everyone who ever joined the class, by person: a withdrawn learner who comes back keeps the row. */
export function classMembership(db: Database, classId: number): Map<number, { id: number; status: Enrollment['status'] }> {
  const rows = cachedStatement<[number], { person_id: number; status: Enrollment['status']; id: number }>(
    db,
    'SELECT person_id, status, id FROM enrollments WHERE class_id = ?',
  ).all(classId);
  return new Map(rows.map((e) => [e.person_id, { id: e.id, status: e.status }]));
}

/** The Party statuses a program is meant for; empty means anyone. */
export function programFitStatuses(db: Database, programId: number): PartyStatus[] {
  const row = cachedStatement<[number], { fit_statuses: string }>(db, 'SELECT fit_statuses FROM programs WHERE id = ?').get(programId)!;
  return JSON.parse(row.fit_statuses) as PartyStatus[];
}

export function unitMemberIds(db: Database, unitId: number): number[] {
  return cachedStatement<[number], { id: number }>(db, 'SELECT id FROM people WHERE unit_id = ? AND merged_into_id IS NULL')
    .all(unitId)
    .map((r) => r.id);
}

export function insertEnrollment(db: Database, classId: number, personId: number, fitOverrideReason: string | null, now: string): void {
  cachedStatement(
    db,
    "INSERT INTO enrollments (class_id, person_id, status, fit_override_reason, created_at, updated_at) VALUES (?, ?, 'enrolled', ?, ?, ?)",
  ).run(classId, personId, fitOverrideReason, now, now);
}

export function rejoinEnrollment(db: Database, enrollmentId: number, fitOverrideReason: string | null, now: string): void {
  cachedStatement(
    db,
    "UPDATE enrollments SET status = 'enrolled', withdraw_reason = NULL, fit_override_reason = ?, updated_at = ? WHERE id = ?",
  ).run(fitOverrideReason, now, enrollmentId);
}

export function withdrawEnrollment(db: Database, enrollmentId: number, reason: string, now: string): void {
  cachedStatement(db, "UPDATE enrollments SET status = 'withdrawn', withdraw_reason = ?, updated_at = ? WHERE id = ?").run(
    reason,
    now,
    enrollmentId,
  );
}

export function writeDiscipline(db: Database, enrollmentId: number, discipline: boolean, note: string, now: string): void {
  cachedStatement(db, 'UPDATE enrollments SET discipline = ?, discipline_note = ?, updated_at = ? WHERE id = ?').run(
    discipline ? 1 : 0,
    note,
    now,
    enrollmentId,
  );
}

export function writeSite(db: Database, enrollmentIds: number[], site: string | null, now: string): void {
  cachedStatement(db, 'UPDATE enrollments SET site = ?, updated_at = ? WHERE id IN (SELECT value FROM json_each(?))').run(
    site,
    now,
    JSON.stringify(enrollmentIds),
  );
}
