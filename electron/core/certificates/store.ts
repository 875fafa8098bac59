import type { Database } from 'better-sqlite3-multiple-ciphers';
import type { Certificate, CertificatePrinted } from '../../../shared/contract/certificates';
import { cachedStatement } from '../db/statements';

/**
 * All SQL on the certificates table, with the program and class facts issuing reads: rows in, rows out.
 * Sets are read with one query (ids passed as a JSON list), never one query a certificate.
 */

export interface CertificateRow {
  id: number;
  enrollment_id: number;
  person_id: number;
  class_id: number;
  year: number;
  seq: number;
  serial: string;
  register_no: string;
  issue_date: string;
  printed_json: string;
  verification_code: string;
  status: Certificate['status'];
  status_reason: string | null;
  replaces_id: number | null;
  replaced_by: string | null;
  print_count: number;
}

const COLUMNS = `c.*, (SELECT n.serial FROM certificates n WHERE n.replaces_id = c.id) AS replaced_by`;
const SELECT = `SELECT ${COLUMNS} FROM certificates c`;

export function certificateRow(db: Database, id: number): CertificateRow | undefined {
  return cachedStatement<[number], CertificateRow>(db, `${SELECT} WHERE c.id = ?`).get(id);
}

/** The rows of these ids that exist, in no particular order. */
export function certificateRowsByIds(db: Database, ids: readonly number[]): CertificateRow[] {
  return cachedStatement<[string], CertificateRow>(db, `${SELECT} WHERE c.id IN (SELECT value FROM json_each(?))`).all(JSON.stringify(ids));
}

/** A batch to print, each row with its class's program (the layout belongs to the program). */
export function printRowsByIds(db: Database, ids: readonly number[]): (CertificateRow & { program_id: number })[] {
  return cachedStatement<[string], CertificateRow & { program_id: number }>(
    db,
    `SELECT ${COLUMNS}, cl.program_id FROM certificates c JOIN classes cl ON cl.id = c.class_id
      WHERE c.id IN (SELECT value FROM json_each(?))`,
  ).all(JSON.stringify(ids));
}

/** A class's certificates by sequence number, as its tab lists them. */
export function rowsOfClass(db: Database, classId: number): CertificateRow[] {
  return cachedStatement<[number], CertificateRow>(db, `${SELECT} WHERE c.class_id = ? ORDER BY c.seq`).all(classId);
}

/** A class's certificates in register order (a reissue may fall in a later year), for its receipt list. */
export function rowsOfClassInRegister(db: Database, classId: number): CertificateRow[] {
  return cachedStatement<[number], CertificateRow>(db, `${SELECT} WHERE c.class_id = ? ORDER BY c.year, c.seq`).all(classId);
}

export function rowsOfYear(db: Database, year: number): CertificateRow[] {
  return cachedStatement<[number], CertificateRow>(db, `${SELECT} WHERE c.year = ? ORDER BY c.seq`).all(year);
}

/** The valid certificates of a class's enrolments, by enrolment. */
export function validRowsOfClass(db: Database, classId: number): Map<number, CertificateRow> {
  const rows = cachedStatement<[number], CertificateRow>(
    db,
    `${SELECT} WHERE c.enrollment_id IN (SELECT id FROM enrollments WHERE class_id = ?) AND c.status = 'valid'`,
  ).all(classId);
  return new Map(rows.map((r) => [r.enrollment_id, r]));
}

/** Status now, by id, for a batch that checks nothing was voided while it printed. */
export function statusesOf(db: Database, ids: readonly number[]): Map<number, Certificate['status']> {
  const rows = cachedStatement<[string], { id: number; status: Certificate['status'] }>(
    db,
    'SELECT id, status FROM certificates WHERE id IN (SELECT value FROM json_each(?))',
  ).all(JSON.stringify(ids));
  return new Map(rows.map((r) => [r.id, r.status]));
}

/** Who the certificate is for, as the person's, unit's and enrolment's records say today. */
interface HolderRow {
  full_name: string;
  birth_date: string | null;
  unit_name: string | null;
  classification: string | null;
}

export function holderNow(db: Database, id: number): HolderRow {
  return cachedStatement<[number], HolderRow>(
    db,
    `SELECT p.family_and_middle || ' ' || p.given AS full_name, p.birth_date, u.name AS unit_name, e.classification
       FROM certificates c JOIN people p ON p.id = c.person_id LEFT JOIN units u ON u.id = p.unit_id
       LEFT JOIN enrollments e ON e.id = c.enrollment_id WHERE c.id = ?`,
  ).get(id)!;
}

/** A certificate already carrying this serial or register number, whatever pattern it was issued under. */
export function numberHolder(
  db: Database,
  serial: string,
  registerNo: string,
): { serial: string; register_no: string; year: number } | undefined {
  return cachedStatement<[string, string], { serial: string; register_no: string; year: number }>(
    db,
    'SELECT serial, register_no, year FROM certificates WHERE serial = ? OR register_no = ? LIMIT 1',
  ).get(serial, registerNo);
}

/** The highest number issued that the year's sequence continues from: that year's, or any year's when it runs on. */
export function lastIssued(db: Database, year: number, yearly: boolean): { seq: number; serial: string; year: number } | null {
  const sql = yearly
    ? 'SELECT seq, serial, year FROM certificates WHERE year = ? ORDER BY seq DESC, id DESC LIMIT 1'
    : 'SELECT seq, serial, year FROM certificates WHERE ? IS NOT NULL ORDER BY seq DESC, id DESC LIMIT 1';
  return cachedStatement<[number], { seq: number; serial: string; year: number }>(db, sql).get(year) ?? null;
}

export function idBySerial(db: Database, serial: string): number | null {
  return cachedStatement<[string], { id: number }>(db, 'SELECT id FROM certificates WHERE serial = ?').get(serial)?.id ?? null;
}

/** Serial first, then register number, exactly as typed (indexed). */
export function idsByNumber(db: Database, number: string): number[] {
  return cachedStatement<[string, string], { id: number }>(
    db,
    'SELECT id FROM certificates WHERE serial = ? UNION ALL SELECT id FROM certificates WHERE register_no = ?',
  )
    .all(number, number)
    .map((r) => r.id);
}

/** Spaces and the case of A–Z aside: reads the whole register. */
export function idsByLooseNumber(db: Database, compact: string): number[] {
  return cachedStatement<[string, string], { id: number }>(
    db,
    `SELECT id, 0 AS o FROM certificates WHERE replace(serial, ' ', '') = ? COLLATE NOCASE
     UNION ALL SELECT id, 1 FROM certificates WHERE replace(register_no, ' ', '') = ? COLLATE NOCASE ORDER BY o LIMIT 20`,
  )
    .all(compact, compact)
    .map((r) => r.id);
}

export interface NewCertificate {
  enrollmentId: number;
  personId: number;
  classId: number;
  year: number;
  seq: number;
  serial: string;
  registerNo: string;
  issueDate: string;
  printed: CertificatePrinted;
  code: string;
  replacesId: number | null;
  createdAt: string;
  actor: string;
}

export function insertCertificate(db: Database, c: NewCertificate): number {
  const info = cachedStatement(
    db,
    `INSERT INTO certificates (enrollment_id, person_id, class_id, year, seq, serial, register_no, issue_date, printed_json, verification_code,
       status, replaces_id, created_at, actor) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'valid', ?, ?, ?)`,
  ).run(
    c.enrollmentId,
    c.personId,
    c.classId,
    c.year,
    c.seq,
    c.serial,
    c.registerNo,
    c.issueDate,
    JSON.stringify(c.printed),
    c.code,
    c.replacesId,
    c.createdAt,
    c.actor,
  );
  return Number(info.lastInsertRowid);
}

export function writeStatus(db: Database, id: number, status: 'reissued' | 'revoked', reason: string): void {
  cachedStatement(db, 'UPDATE certificates SET status = ?, status_reason = ? WHERE id = ?').run(status, reason, id);
}

export function writeRepaired(db: Database, id: number, printed: CertificatePrinted, code: string): void {
  cachedStatement(db, 'UPDATE certificates SET printed_json = ?, verification_code = ? WHERE id = ?').run(
    JSON.stringify(printed),
    code,
    id,
  );
}

export function bumpPrintCount(db: Database, ids: readonly number[]): void {
  cachedStatement(db, 'UPDATE certificates SET print_count = print_count + 1 WHERE id IN (SELECT value FROM json_each(?))').run(
    JSON.stringify(ids),
  );
}

// ---- the program and class facts issuing and printing read

export interface ProgramFacts {
  name: string;
  outcome: string;
  validity_months: number | null;
}

export function programFacts(db: Database, programId: number): ProgramFacts | undefined {
  return cachedStatement<[number], ProgramFacts>(db, 'SELECT name, outcome, validity_months FROM programs WHERE id = ?').get(programId);
}

export function markClassIssued(db: Database, classId: number, now: string): void {
  cachedStatement(db, "UPDATE classes SET status = 'certificates_issued', updated_at = ? WHERE id = ?").run(now, classId);
}
