/**
 * The reads behind what the centre holds about one person (person-data.ts, person-audit.ts), their history
 * on the record page and their learning record: each set at once, whatever the number of classes.
 */
import type { Database } from 'better-sqlite3-multiple-ciphers';
import type { Certificate } from '../../../shared/contract/certificates';
import type { ClassStatus } from '../../../shared/contract/classes';
import type { AttendanceMark, Scheme } from '../../../shared/domain/eligibility';
import { cachedStatement } from '../db/statements';

const json = (values: readonly (number | string)[]) => JSON.stringify(values);

export interface EnrolmentRow {
  id: number;
  class_id: number;
  status: 'enrolled' | 'withdrawn';
  withdraw_reason: string | null;
  fit_override_reason: string | null;
  discipline: number;
  discipline_note: string;
  site: string | null;
  created_at: string;
  outcome: 'completed' | 'not_completed' | null;
  class_name: string;
  start_date: string;
  end_date: string;
  class_status: ClassStatus;
  form: 'full_time' | 'weekend' | 'online';
  scheme_json: string | null;
  program_id: number;
  program_code: string;
  program_name: string;
  issuing_body_json: string;
  decision_number: number | null;
  decision_date: string | null;
  session_count: number;
}

/** Every class the person was enrolled in, oldest first, with its program and results decision. */
export function enrolmentRows(db: Database, personId: number): EnrolmentRow[] {
  return cachedStatement(
    db,
    `SELECT e.id, e.class_id, e.status, e.withdraw_reason, e.fit_override_reason, e.discipline, e.discipline_note, e.site, e.created_at, e.outcome,
       c.name AS class_name, c.start_date, c.end_date, c.status AS class_status, c.form, c.scheme_json, c.program_id, c.issuing_body_json,
       p.code AS program_code, p.name AS program_name, d.number AS decision_number, d.date AS decision_date,
       (SELECT count(*) FROM sessions s WHERE s.class_id = c.id) AS session_count
     FROM enrollments e JOIN classes c ON c.id = e.class_id JOIN programs p ON p.id = c.program_id
     LEFT JOIN documents d ON d.id = c.results_decision_id
     WHERE e.person_id = ? ORDER BY c.start_date, c.id`,
  ).all(personId) as EnrolmentRow[];
}

/** The person's attendance marks counted per enrolment and mark. */
export function markTallies(db: Database, personId: number): { enrollment_id: number; mark: AttendanceMark; n: number }[] {
  return cachedStatement(
    db,
    'SELECT a.enrollment_id, a.mark, count(*) AS n FROM attendance a JOIN enrollments e ON e.id = a.enrollment_id WHERE e.person_id = ? GROUP BY a.enrollment_id, a.mark',
  ).all(personId) as { enrollment_id: number; mark: AttendanceMark; n: number }[];
}

export function scoreRows(db: Database, personId: number): { enrollment_id: number; component: number; attempt: 1 | 2; tenths: number }[] {
  return cachedStatement(
    db,
    'SELECT s.enrollment_id, s.component, s.attempt, s.tenths FROM scores s JOIN enrollments e ON e.id = s.enrollment_id WHERE e.person_id = ?',
  ).all(personId) as { enrollment_id: number; component: number; attempt: 1 | 2; tenths: number }[];
}

/** The schemes of classes not yet frozen are their programs' current ones, read for all such programs at once. */
export function programSchemes(db: Database, programIds: number[]): Map<number, Scheme> {
  const schemes = new Map<number, Scheme>();
  if (programIds.length === 0) return schemes;
  const ids = json(programIds);
  const programs = cachedStatement(
    db,
    'SELECT id, max_absence_pct, max_retakes FROM programs WHERE id IN (SELECT value FROM json_each(?))',
  ).all(ids) as { id: number; max_absence_pct: number; max_retakes: number }[];
  for (const p of programs) schemes.set(p.id, { components: [], bands: [], maxAbsencePct: p.max_absence_pct, maxRetakes: p.max_retakes });
  const components = cachedStatement(
    db,
    'SELECT program_id, name, weight FROM program_components WHERE program_id IN (SELECT value FROM json_each(?)) ORDER BY program_id, position',
  ).all(ids) as { program_id: number; name: string; weight: number }[];
  for (const c of components) schemes.get(c.program_id)?.components.push({ name: c.name, weight: c.weight });
  const bands = cachedStatement(
    db,
    'SELECT program_id, label, min_tenths AS min, max_tenths AS max FROM program_bands WHERE program_id IN (SELECT value FROM json_each(?)) ORDER BY program_id, position',
  ).all(ids) as { program_id: number; label: string; min: number; max: number }[];
  for (const b of bands) schemes.get(b.program_id)?.bands.push({ label: b.label, min: b.min, max: b.max });
  return schemes;
}

export interface CertificateRow {
  id: number;
  serial: string;
  register_no: string;
  issue_date: string;
  status: Certificate['status'];
  status_reason: string | null;
  printed_json: string;
  print_count: number;
  replaces_serial: string | null;
  replaced_by: string | null;
  class_name: string;
  program_name: string;
  classification: string | null;
}

/** Every certificate issued to the person, in issue order, with what it replaced and what replaced it. */
export function certificateRows(db: Database, personId: number): CertificateRow[] {
  return cachedStatement(
    db,
    `SELECT c.id, c.serial, c.register_no, c.issue_date, c.status, c.status_reason, c.printed_json, c.print_count,
       r.serial AS replaces_serial, (SELECT n.serial FROM certificates n WHERE n.replaces_id = c.id) AS replaced_by,
       cl.name AS class_name, p.name AS program_name, e.classification
     FROM certificates c JOIN classes cl ON cl.id = c.class_id JOIN programs p ON p.id = cl.program_id
     LEFT JOIN certificates r ON r.id = c.replaces_id LEFT JOIN enrollments e ON e.id = c.enrollment_id
     WHERE c.person_id = ? ORDER BY c.issue_date, c.year, c.seq`,
  ).all(personId) as CertificateRow[];
}

export interface AuditEntry {
  id: number;
  at: string;
  actor: string;
  action: string;
  entity: string;
  entity_id: string | null;
  before_json: string | null;
  after_json: string | null;
  reason: string | null;
}

const AUDIT_COLUMNS = 'id, at, actor, action, entity, entity_id, before_json, after_json, reason';

/** The audit entries about any of these ids of any of these entities. */
export function auditEntries(db: Database, entities: string[], ids: readonly number[]): AuditEntry[] {
  if (ids.length === 0) return [];
  return cachedStatement(
    db,
    `SELECT ${AUDIT_COLUMNS} FROM audit_log
     WHERE entity IN (SELECT value FROM json_each(?)) AND entity_id IN (SELECT value FROM json_each(?))`,
  ).all(json(entities), json(ids.map(String))) as AuditEntry[];
}

/** Printing is logged once per batch, naming the serials printed, under no one certificate. */
export function certificatePrintEntries(db: Database): AuditEntry[] {
  return cachedStatement(
    db,
    `SELECT ${AUDIT_COLUMNS} FROM audit_log WHERE entity = 'certificate' AND entity_id IS NULL`,
  ).all() as AuditEntry[];
}

/** The records merged into this one and not taken apart again. */
export function mergedInto(db: Database, personId: number): number[] {
  return cachedStatement(db, 'SELECT removed_id FROM person_merges WHERE kept_id = ? AND undone_at IS NULL')
    .pluck()
    .all(personId) as number[];
}

export function sessionDays(db: Database, ids: readonly number[]): Map<number, { date: string; half: string }> {
  if (ids.length === 0) return new Map();
  const rows = cachedStatement(db, 'SELECT id, date, half FROM sessions WHERE id IN (SELECT value FROM json_each(?))').all(json(ids)) as {
    id: number;
    date: string;
    half: string;
  }[];
  return new Map(rows.map((s) => [s.id, s]));
}

export function unitNames(db: Database, ids: readonly number[]): Map<number, string> {
  if (ids.length === 0) return new Map();
  const rows = cachedStatement(db, 'SELECT id, name FROM units WHERE id IN (SELECT value FROM json_each(?))').all(json(ids)) as {
    id: number;
    name: string;
  }[];
  return new Map(rows.map((u) => [u.id, u.name]));
}

/** The record page's history: the person's own audit entries (newest first), classes and certificates. */
export function historyRows(db: Database, personId: number) {
  return {
    entries: cachedStatement(
      db,
      "SELECT at, action, reason FROM audit_log WHERE entity = 'person' AND entity_id = ? ORDER BY id DESC LIMIT 200",
    ).all(String(personId)) as { at: string; action: string; reason: string | null }[],
    classes: cachedStatement(
      db,
      `SELECT c.name, c.start_date, c.end_date, e.status, e.withdraw_reason FROM enrollments e JOIN classes c ON c.id = e.class_id
       WHERE e.person_id = ? ORDER BY c.start_date DESC`,
    ).all(personId) as { name: string; start_date: string; end_date: string; status: string; withdraw_reason: string | null }[],
    certificates: cachedStatement(
      db,
      'SELECT serial, issue_date, status, printed_json FROM certificates WHERE person_id = ? ORDER BY issue_date DESC, seq DESC',
    ).all(personId) as { serial: string; issue_date: string; status: string; printed_json: string }[],
  };
}

export type LearningRecordRow = Pick<
  EnrolmentRow,
  | 'status'
  | 'outcome'
  | 'class_name'
  | 'start_date'
  | 'end_date'
  | 'class_status'
  | 'form'
  | 'program_name'
  | 'issuing_body_json'
  | 'decision_number'
  | 'decision_date'
> & { enrollment_id: number; classification: string | null };

/** The classes of a learning record (a cancelled class was never held), and the certificates that still stand or were revoked. */
export function learningRecordRows(db: Database, personId: number) {
  return {
    classes: cachedStatement(
      db,
      `SELECT e.id AS enrollment_id, e.status, e.outcome, e.classification, c.name AS class_name, c.start_date, c.end_date, c.status AS class_status,
         c.form, c.issuing_body_json, p.name AS program_name, d.number AS decision_number, d.date AS decision_date
       FROM enrollments e JOIN classes c ON c.id = e.class_id JOIN programs p ON p.id = c.program_id
       LEFT JOIN documents d ON d.id = c.results_decision_id
       WHERE e.person_id = ? AND c.status <> 'cancelled' ORDER BY c.start_date, c.end_date, c.id`,
    ).all(personId) as LearningRecordRow[],
    certificates: cachedStatement(
      db,
      "SELECT enrollment_id, serial, issue_date, status FROM certificates WHERE person_id = ? AND status <> 'reissued' ORDER BY issue_date, year, seq",
    ).all(personId) as { enrollment_id: number; serial: string; issue_date: string; status: 'valid' | 'revoked' }[],
  };
}
