/**
 * Everything the centre holds about one person, gathered for a data subject's request (Law on
 * Personal Data Protection 91/2025/QH15): the registry record, every class with its attendance and
 * results, the certificates, and the audit entries about them. Each set is read at once
 * (person-data-store.ts), and only this person's part of a class's entries is kept.
 */
import type { Database } from 'better-sqlite3-multiple-ciphers';
import type { Person } from '../../../shared/contract/learners';
import type { ClassStatus } from '../../../shared/contract/classes';
import type { Certificate } from '../../../shared/contract/certificates';
import { evaluate, type AttendanceMark, type Scheme } from '../../../shared/domain/eligibility';
import { AppError } from '../errors';
import { decisionLabel } from '../classes/terms';
import { personAudit, type AuditLine } from './person-audit';
import * as store from './person-data-store';
import type { EnrolmentRow } from './person-data-store';
import { readPerson } from './person-store';

export interface EnrolmentData {
  id: number;
  classId: number;
  className: string;
  programCode: string;
  programName: string;
  startDate: string;
  endDate: string;
  form: 'full_time' | 'weekend' | 'online';
  classStatus: ClassStatus;
  status: 'enrolled' | 'withdrawn';
  enrolledAt: string;
  withdrawReason: string | null;
  fitOverrideReason: string | null;
  site: string | null;
  discipline: boolean;
  disciplineNote: string;
  attendance: { sessions: number; present: number; excused: number; unexcused: number; unmarked: number; allowedAbsences: number };
  /** Per component of the class's scheme, in tenths. */
  scores: { name: string; weight: number; first: number | null; retake: number | null }[];
  finalTenths: number | null;
  classification: string | null;
  /** In words: recognised or not, eligible so far, withdrawn… */
  result: string;
  reasons: string[];
  decision: { label: string; date: string } | null;
}

export interface CertificateData {
  id: number;
  serial: string;
  registerNo: string;
  issueDate: string;
  status: Certificate['status'];
  statusReason: string | null;
  className: string;
  programName: string;
  /** As printed on the certificate, which may differ from today's record. */
  printedName: string | null;
  printedBirthDate: string | null;
  classification: string | null;
  validUntil: string | null;
  replacesSerial: string | null;
  replacedBySerial: string | null;
  printCount: number;
}

export interface PersonDataset {
  person: Person;
  enrolments: EnrolmentData[];
  certificates: CertificateData[];
  audit: AuditLine[];
}

const STATUS_WORDS = {
  eligible: 'Đủ điều kiện công nhận (chưa có quyết định)',
  not_eligible: 'Không đủ điều kiện công nhận',
  incomplete: 'Chưa đủ kết quả',
} as const;

function resultWords(e: EnrolmentRow, status: keyof typeof STATUS_WORDS, hasDecision: boolean): string {
  if (e.status === 'withdrawn') return 'Thôi học';
  if (e.class_status === 'cancelled') return 'Lớp đã hủy';
  if (hasDecision && e.outcome) return e.outcome === 'completed' ? 'Được công nhận hoàn thành' : 'Không được công nhận hoàn thành';
  return STATUS_WORDS[status];
}

function readEnrolments(db: Database, personId: number): EnrolmentData[] {
  const rows = store.enrolmentRows(db, personId);
  if (rows.length === 0) return [];
  const marks = store.markTallies(db, personId);
  const scores = store.scoreRows(db, personId);
  const tallies = new Map(marks.map((m) => [`${m.enrollment_id}:${m.mark}`, m.n]));
  const live = store.programSchemes(db, [...new Set(rows.filter((r) => !r.scheme_json).map((r) => r.program_id))]);
  return rows.map((r) => {
    const scheme: Scheme = r.scheme_json
      ? (JSON.parse(r.scheme_json) as Scheme)
      : (live.get(r.program_id) ?? { components: [], bands: [], maxAbsencePct: 0, maxRetakes: 0 });
    const count = (m: AttendanceMark) => tallies.get(`${r.id}:${m}`) ?? 0;
    const tally = { present: count('present'), excused: count('excused'), unexcused: count('unexcused') };
    const recorded = tally.present + tally.excused + tally.unexcused;
    const sessions = Math.max(r.session_count, recorded);
    const markList: (AttendanceMark | null)[] = [
      ...Array<AttendanceMark>(tally.present).fill('present'),
      ...Array<AttendanceMark>(tally.excused).fill('excused'),
      ...Array<AttendanceMark>(tally.unexcused).fill('unexcused'),
      ...Array<null>(sessions - recorded).fill(null),
    ];
    const cells = scheme.components.map(() => ({ first: null as number | null, retake: null as number | null }));
    for (const s of scores) {
      const c = s.enrollment_id === r.id ? cells[s.component] : undefined;
      if (c) c[s.attempt === 1 ? 'first' : 'retake'] = s.tenths;
    }
    const result = evaluate(scheme, { marks: markList, scores: cells, discipline: r.discipline === 1 });
    const decided = r.decision_number !== null && r.decision_date !== null;
    const docCode = (JSON.parse(r.issuing_body_json) as { docCode?: string }).docCode ?? '';
    const active = r.status === 'enrolled' && r.class_status !== 'cancelled';
    return {
      id: r.id,
      classId: r.class_id,
      className: r.class_name,
      programCode: r.program_code,
      programName: r.program_name,
      startDate: r.start_date,
      endDate: r.end_date,
      form: r.form,
      classStatus: r.class_status,
      status: r.status,
      enrolledAt: r.created_at,
      withdrawReason: r.withdraw_reason,
      fitOverrideReason: r.fit_override_reason,
      site: r.site,
      discipline: r.discipline === 1,
      disciplineNote: r.discipline_note,
      attendance: { sessions, ...tally, unmarked: sessions - recorded, allowedAbsences: result.allowedAbsences },
      scores: scheme.components.map((c, i) => ({ name: c.name, weight: c.weight, ...cells[i]! })),
      finalTenths: result.finalTenths,
      classification: active ? result.classification : null,
      result: resultWords(r, result.status, decided),
      reasons: active ? result.reasons : [],
      decision: decided ? { label: decisionLabel(r.decision_number!, docCode), date: r.decision_date! } : null,
    };
  });
}

/** What a stored snapshot says, or nothing of a damaged one: a request is never refused over it. */
function printedOf(text: string): Record<string, unknown> {
  try {
    const value = JSON.parse(text) as unknown;
    return value !== null && typeof value === 'object' ? (value as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);

function readCertificates(db: Database, personId: number): CertificateData[] {
  const rows = store.certificateRows(db, personId);
  return rows.map((r) => {
    const printed = printedOf(r.printed_json);
    return {
      id: r.id,
      serial: r.serial,
      registerNo: r.register_no,
      issueDate: r.issue_date,
      status: r.status,
      statusReason: r.status_reason,
      className: str(printed.className) ?? r.class_name,
      programName: str(printed.programName) ?? r.program_name,
      printedName: str(printed.fullName),
      printedBirthDate: str(printed.birthDate),
      classification: 'classification' in printed ? str(printed.classification) : r.classification,
      validUntil: str(printed.validUntil),
      replacesSerial: r.replaces_serial,
      replacedBySerial: r.replaced_by,
      printCount: r.print_count,
    };
  });
}

export function gatherPersonData(db: Database, personId: number): PersonDataset {
  const person = readPerson(db, personId);
  if (!person)
    throw new AppError('NOT_FOUND', 'Không tìm thấy hồ sơ học viên này; có thể hồ sơ đã bị xóa. Hãy tải lại danh sách học viên.');
  const enrolments = readEnrolments(db, personId);
  const certificates = readCertificates(db, personId);
  const audit = personAudit(db, { personId, enrolments, certificates });
  return { person, enrolments, certificates, audit };
}
