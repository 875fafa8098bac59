/**
 * The audit entries about one person, in words: their record, their enrolments, their certificates,
 * and their own part of the class-wide entries (enrolment, attendance, scores, issue, printing). A
 * change reads "Ngày sinh: 1990 → 12/05/1990", never as stored JSON; another learner's part of a
 * class entry is never shown.
 */
import type { Database } from 'better-sqlite3-multiple-ciphers';
import { ATTENDANCE_LABELS } from '../../../shared/contract/attendance';
import { CERTIFICATE_STATUS_LABELS } from '../../../shared/contract/certificates';
import { HALF_LABELS } from '../../../shared/domain/days';
import { ethnicityByCode } from '../../../shared/domain/ethnic-groups';
import { formatDate, formatNumber, formatScore } from '../../../shared/domain/format';
import { IMPORT_FIELDS, PARTY_STATUS_LABELS, SEX_LABELS, THEORY_LEVEL_LABELS } from '../../../shared/domain/learner-fields';
import { fullName } from '../../../shared/domain/text';
import { communeByCode } from '../reference/communes';
import type { CertificateData, EnrolmentData } from './person-data';
import { auditEntries, certificatePrintEntries, mergedInto, sessionDays, unitNames } from './person-data-store';

export interface AuditLine {
  id: number;
  /** ISO UTC timestamp. */
  at: string;
  actor: string;
  /** What was done: "Sửa hồ sơ", "Điểm danh", "Thu hồi giấy chứng nhận"… */
  what: string;
  /** What it was done to: "Hồ sơ học viên", a class's name, "Giấy số 12/2026/GCN". */
  subject: string;
  changes: string[];
  reason: string | null;
}

type Snapshot = Record<string, unknown>;

const EMPTY = '(trống)';
const CLASS_ENTITIES = ['class_enrollments', 'attendance', 'scores', 'class_certificates'];

function parse(text: string | null): unknown {
  if (text === null) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
const obj = (v: unknown): Snapshot | null => (v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Snapshot) : null);
const list = (v: unknown): Snapshot[] => (Array.isArray(v) ? v.map(obj).filter((x): x is Snapshot => x !== null) : []);
const text = (v: unknown): string => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : '');
const num = (v: unknown): number | null => (typeof v === 'number' ? v : null);
const labelOf = <K extends string>(labels: Record<K, string>, v: unknown): string =>
  typeof v === 'string' && v in labels ? labels[v as K] : text(v);

/** A person's fields as the registry names them, read from either snapshot shape (a record or a form's data). */
const PERSON_FIELDS: { label: string; value: (s: Snapshot, units: ReadonlyMap<number, string>) => string }[] = [
  {
    label: IMPORT_FIELDS.fullName,
    value: (s) => text(s.fullName) || fullName({ familyAndMiddle: text(s.familyAndMiddle), given: text(s.given) }),
  },
  { label: IMPORT_FIELDS.sex, value: (s) => labelOf(SEX_LABELS, s.sex) },
  { label: IMPORT_FIELDS.birthDate, value: (s) => formatDate(text(s.birthDate)) },
  { label: IMPORT_FIELDS.ethnicity, value: (s) => text(s.ethnicityName) || (ethnicityByCode(text(s.ethnicityCode))?.name ?? '') },
  { label: IMPORT_FIELDS.religion, value: (s) => text(s.religion) },
  { label: IMPORT_FIELDS.homePlace, value: (s) => text(s.homePlace) },
  { label: IMPORT_FIELDS.commune, value: (s) => text(s.communeName) || (communeByCode(text(s.communeCode))?.name ?? '') },
  { label: IMPORT_FIELDS.workplace, value: (s) => text(s.workplace) },
  { label: IMPORT_FIELDS.position, value: (s) => text(s.position) },
  { label: IMPORT_FIELDS.partyStatus, value: (s) => labelOf(PARTY_STATUS_LABELS, s.partyStatus) },
  { label: IMPORT_FIELDS.admissionDate, value: (s) => formatDate(text(s.admissionDate)) },
  { label: IMPORT_FIELDS.confirmationDate, value: (s) => formatDate(text(s.confirmationDate)) },
  {
    label: IMPORT_FIELDS.unit,
    value: (s, units) => text(s.unitName) || (num(s.unitId) === null ? '' : (units.get(num(s.unitId)!) ?? `Đơn vị số ${text(s.unitId)}`)),
  },
  { label: IMPORT_FIELDS.educationLevel, value: (s) => text(s.educationLevel) },
  { label: IMPORT_FIELDS.theoryLevel, value: (s) => labelOf(THEORY_LEVEL_LABELS, s.theoryLevel) },
  { label: IMPORT_FIELDS.citizenId, value: (s) => text(s.citizenId) },
  { label: IMPORT_FIELDS.partyCard, value: (s) => text(s.partyCard) },
  { label: IMPORT_FIELDS.phone, value: (s) => text(s.phone) },
  { label: IMPORT_FIELDS.notes, value: (s) => text(s.notes) },
  { label: 'Gộp vào hồ sơ số', value: (s) => text(s.mergedIntoId) },
];

const change = (label: string, from: string, to: string) => `${label}: ${from || EMPTY} → ${to || EMPTY}`;

function personChanges(before: Snapshot | null, after: Snapshot | null, units: ReadonlyMap<number, string>): string[] {
  if (!after) return [];
  if (!before) {
    return PERSON_FIELDS.flatMap((f) => {
      const v = f.value(after, units);
      return v ? [`${f.label}: ${v}`] : [];
    });
  }
  return PERSON_FIELDS.flatMap((f) => {
    const [a, b] = [f.value(before, units), f.value(after, units)];
    return a === b ? [] : [change(f.label, a, b)];
  });
}

const PERSON_WHAT: Record<string, string> = { create: 'Tạo hồ sơ', update: 'Sửa hồ sơ', restore: 'Khôi phục hồ sơ', delete: 'Xóa hồ sơ' };

/** Marks changed on many sessions read as one line per kind of change, with the dates when they are few. */
function attendanceChanges(
  parts: { sessionId: number; from: string; to: string }[],
  sessions: ReadonlyMap<number, { date: string; half: string }>,
): string[] {
  const groups = new Map<string, { date: string; half: string }[]>();
  for (const p of parts) {
    const key = change('Điểm danh', labelOf(ATTENDANCE_LABELS, p.from), labelOf(ATTENDANCE_LABELS, p.to));
    const s = sessions.get(p.sessionId) ?? { date: '', half: '' };
    groups.set(key, [...(groups.get(key) ?? []), s]);
  }
  return [...groups].map(([key, days]) => {
    const sorted = days.sort((a, b) => a.date.localeCompare(b.date) || b.half.localeCompare(a.half));
    const named = (d: { date: string; half: string }) => `${labelOf(HALF_LABELS, d.half)} ${formatDate(d.date)}`.trim() || 'một buổi';
    if (sorted.length <= 3) return `${key} (${sorted.map(named).join(', ')})`;
    return `${key} (${formatNumber(sorted.length)} buổi, từ ${formatDate(sorted[0]!.date)} đến ${formatDate(sorted.at(-1)!.date)})`;
  });
}

const score = (v: unknown) => (typeof v === 'number' ? formatScore(v) : '');

interface Known {
  personId: number;
  enrolments: EnrolmentData[];
  certificates: CertificateData[];
}

/** The entries about this person, oldest first, described. */
export function personAudit(db: Database, known: Known): AuditLine[] {
  const classIds = [...new Set(known.enrolments.map((e) => e.classId))];
  // Records merged into this one were the same person: their history, and the enrolments they brought, belong here.
  const people = new Set([known.personId, ...mergedInto(db, known.personId)]);
  const entries = [
    ...auditEntries(db, ['person'], [...people]),
    ...auditEntries(
      db,
      ['enrollment'],
      known.enrolments.map((e) => e.id),
    ),
    ...auditEntries(
      db,
      ['certificate'],
      known.certificates.map((c) => c.id),
    ),
    ...auditEntries(db, CLASS_ENTITIES, classIds),
    ...(known.certificates.length ? certificatePrintEntries(db) : []),
  ].sort((a, b) => a.id - b.id);

  const enrolmentIds = new Set(known.enrolments.map((e) => e.id));
  const classOf = new Map(known.enrolments.map((e) => [e.classId, e]));
  const enrolmentById = new Map(known.enrolments.map((e) => [e.id, e]));
  const serials = new Map(known.certificates.map((c) => [c.serial, c]));
  const certById = new Map(known.certificates.map((c) => [c.id, c]));
  const mine = (v: unknown) => list(v).filter((x) => enrolmentIds.has(num(x.enrollmentId) ?? -1));

  // What the descriptions need besides the entries: session dates and unit names, each in one read.
  const sessionIds = new Set<number>();
  const unitIds = new Set<number>();
  for (const e of entries) {
    if (e.entity === 'attendance')
      for (const x of [...mine(parse(e.before_json)), ...mine(parse(e.after_json))]) sessionIds.add(num(x.sessionId) ?? -1);
    if (e.entity === 'person')
      for (const s of [obj(parse(e.before_json)), obj(parse(e.after_json))])
        if (s && num(s.unitId) !== null && !text(s.unitName)) unitIds.add(num(s.unitId)!);
  }
  const sessions = sessionDays(db, [...sessionIds]);
  const units = unitNames(db, [...unitIds]);

  const lines: AuditLine[] = [];
  for (const e of entries) {
    const before = parse(e.before_json);
    const after = parse(e.after_json);
    const line = (what: string, subject: string, changes: string[]) =>
      lines.push({ id: e.id, at: e.at, actor: e.actor, what, subject, changes, reason: e.reason });
    const className = classOf.get(Number(e.entity_id))?.className ?? '';
    if (e.entity === 'person') {
      const own = Number(e.entity_id) === known.personId;
      line(
        PERSON_WHAT[e.action] ?? 'Thay đổi hồ sơ',
        own ? 'Hồ sơ học viên' : `Hồ sơ số ${text(e.entity_id)} (đã gộp vào hồ sơ này)`,
        personChanges(obj(before), obj(after), units),
      );
    } else if (e.entity === 'enrollment') {
      const b = obj(before);
      const a = obj(after);
      const changes =
        a && b
          ? [
              ...(a.discipline !== b.discipline ? [change('Kỷ luật', b.discipline ? 'Có' : 'Không', a.discipline ? 'Có' : 'Không')] : []),
              ...(text(a.note) !== text(b.note) ? [change('Ghi chú kỷ luật', text(b.note), text(a.note))] : []),
            ]
          : [];
      line(a ? 'Ghi nhận kỷ luật' : 'Thôi học', enrolmentById.get(Number(e.entity_id))?.className ?? '', changes);
    } else if (e.entity === 'class_enrollments') {
      const a = obj(after);
      if (a && Array.isArray(a.added) && a.added.some((id) => people.has(Number(id)))) line('Ghi danh vào lớp', className, []);
      else if (a && Array.isArray(a.enrollments) && a.enrollments.some((id) => enrolmentIds.has(Number(id))))
        line('Chọn điểm cầu', className, [change('Điểm cầu', '', text(a.site))]);
    } else if (e.entity === 'attendance') {
      const was = new Map(mine(before).map((x) => [`${text(x.enrollmentId)}:${text(x.sessionId)}`, text(x.mark)]));
      const parts = mine(after).map((x) => ({
        sessionId: num(x.sessionId) ?? -1,
        from: was.get(`${text(x.enrollmentId)}:${text(x.sessionId)}`) ?? '',
        to: text(x.mark),
      }));
      if (parts.length) line('Điểm danh', className, attendanceChanges(parts, sessions));
    } else if (e.entity === 'scores') {
      const components = classOf.get(Number(e.entity_id))?.scores ?? [];
      const was = mine(before);
      const parts = mine(after).map((x, i) => {
        const name = components[num(x.component) ?? -1]?.name ?? `thành phần ${text(x.component)}`;
        return change(
          `Điểm ${name.toLocaleLowerCase('vi')}${x.attempt === 2 ? ' (đánh giá lại)' : ''}`,
          score(was[i]?.tenths),
          score(x.tenths),
        );
      });
      if (parts.length) line('Nhập điểm', className, parts);
    } else if (e.entity === 'class_certificates') {
      const a = obj(after);
      const issued = (Array.isArray(a?.serials) ? a.serials : []).map(text).filter((s) => serials.has(s));
      for (const s of issued) line('Cấp giấy chứng nhận', className, [`Giấy số ${s}, ngày cấp ${formatDate(serials.get(s)!.issueDate)}`]);
    } else if (e.entity === 'certificate' && e.entity_id === null) {
      const a = obj(after);
      const printed = (Array.isArray(a?.printed) ? a.printed : []).map(text).filter((s) => serials.has(s));
      const how = a?.how === 'printer' ? 'in ra máy in' : a?.how === 'pdf' ? 'lưu tệp PDF' : '';
      if (printed.length) line('In giấy chứng nhận', printed.map((s) => `Giấy số ${s}`).join(', '), how ? [`Cách in: ${how}`] : []);
    } else if (e.entity === 'certificate') {
      const c = certById.get(Number(e.entity_id));
      const b = obj(before);
      const a = obj(after);
      const subject = c ? `Giấy số ${c.serial}` : '';
      if (e.action === 'create')
        line('Cấp lại giấy chứng nhận', subject, b ? [`Giấy số ${text(a?.serial) || c?.serial || ''} thay giấy số ${text(b.serial)}`] : []);
      else if (a && b && typeof a.status === 'string' && a.status !== b.status) {
        line(a.status === 'revoked' ? 'Thu hồi giấy chứng nhận' : 'Đổi tình trạng giấy chứng nhận', subject, [
          change('Tình trạng', labelOf(CERTIFICATE_STATUS_LABELS, b.status), labelOf(CERTIFICATE_STATUS_LABELS, a.status)),
        ]);
      } else line('Sửa bản ghi giấy chứng nhận', subject, []);
    }
  }
  return lines;
}
