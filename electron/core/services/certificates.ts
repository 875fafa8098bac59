import type { z } from 'zod';
import { printedSchema, type Certificate, type CertificatePrinted, type certificatesChannels } from '../../../shared/contract/certificates';
import { formatCertNumber } from '../../../shared/domain/cert-numbering';
import { formatDate } from '../../../shared/domain/format';
import type { AppCore } from '../app-core';
import { audit } from '../audit';
import { publicKeyFileText, verifyCertificateCode } from '../certificates/signing';
import {
  certificateRecord,
  certificateRowProblem,
  codeFor,
  hasCodeShape,
  signedBy,
  validUntilFrom,
  type Signed,
} from '../certificates/record';
import { todayInVietnam } from '../../../shared/domain/dates';
import { isYearClosed } from './plans';
import { AppError } from '../errors';
import { centreProfileAt } from './centre';
import { getClass } from './classes';
import { enrollmentRows, resultsGrid } from './enrollments';
import type { Handlers } from '../handler';
import { activeKey } from '../certificates/keys';
import { checkCodeOf } from '../certificates/check-code';
import { verifyCertificate } from '../certificates/verification';
import { nextNumber, nextSeq, patterns, setNextNumber } from '../certificates/next-number';

type Channels = typeof certificatesChannels;
type Signer = z.output<Channels['certificates.issue']['input']>['signer'];

function settings(ctx: AppCore) {
  const key = activeKey(ctx);
  const profile = centreProfileAt(ctx, todayInVietnam(ctx.now()));
  return {
    ...patterns(ctx),
    keyId: key.keyId,
    publicKeyPem: key.publicKeyPem,
    publicKeyFile: publicKeyFileText(key.publicKeyPem, profile?.name ?? ''),
  };
}

interface Row {
  id: number;
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

const SELECT = `SELECT c.*, (SELECT n.serial FROM certificates n WHERE n.replaces_id = c.id) AS replaced_by FROM certificates c`;

/**
 * A stored row as the contract has it. A damaged row (no printed snapshot, no code: rows the app never
 * writes, as in old sample databases) is still listed, marked with what is wrong and shown with the fields
 * it still has, the rest from what the person's and class's records say today, so one bad row never takes
 * a register down. Nothing is written back by reading.
 */
function toCertificate(ctx: AppCore, r: Row): Certificate {
  const { printed, kept, problem } = certificateRowProblem(r.printed_json, r.verification_code);
  return {
    id: r.id,
    personId: r.person_id,
    classId: r.class_id,
    year: r.year,
    seq: r.seq,
    serial: r.serial,
    registerNo: r.register_no,
    issueDate: r.issue_date,
    printed: printed ?? { ...rebuiltPrinted(ctx, r, liveProfile(ctx, r)), ...kept },
    status: r.status,
    statusReason: r.status_reason,
    replacesId: r.replaces_id,
    replacedBySerial: r.replaced_by,
    printCount: r.print_count,
    verificationCode: r.verification_code,
    checkCode: checkCodeOf(r.verification_code),
    damage: problem,
  };
}

/** The header a certificate of that date was issued under; for display only, the class's frozen one if none. */
function liveProfile(ctx: AppCore, r: Pick<Row, 'class_id' | 'issue_date'>): Signed {
  const profile = centreProfileAt(ctx, r.issue_date);
  if (profile) return signedBy(profile, { kind: 'director' })!;
  const body = getClass(ctx, r.class_id).issuingBody;
  return { issuingBody: body, signer: { lines: [body.directorTitle.toLocaleUpperCase('vi')], name: body.directorName } };
}

/** What a certificate of this row would say if issued from today's person, enrolment and class records. */
function rebuiltPrinted(ctx: AppCore, r: Pick<Row, 'id' | 'class_id' | 'issue_date'>, signed: Signed): CertificatePrinted {
  const e = ctx.db
    .prepare(
      `SELECT p.family_and_middle || ' ' || p.given AS full_name, p.birth_date, u.name AS unit_name, e.classification
         FROM certificates c JOIN people p ON p.id = c.person_id LEFT JOIN units u ON u.id = p.unit_id
         LEFT JOIN enrollments e ON e.id = c.enrollment_id WHERE c.id = ?`,
    )
    .get(r.id) as { full_name: string; birth_date: string | null; unit_name: string | null; classification: string | null };
  const cls = getClass(ctx, r.class_id);
  return {
    fullName: e.full_name,
    birthDate: e.birth_date,
    unitName: e.unit_name,
    programName: cls.programName,
    className: cls.name,
    startDate: cls.startDate,
    endDate: cls.endDate,
    classification: e.classification,
    signer: signed.signer,
    placeName: signed.issuingBody.placeName,
    validUntil: validUntilFrom(validityMonths(ctx, cls.programId), r.issue_date),
    issuingBody: signed.issuingBody,
  };
}

/**
 * The clerk's repair of one year's damaged rows. The fields a row still has are kept; a code that is
 * there must verify with this centre's key, and then what it signs (name, birth date, program) wins over
 * today's records; the rest comes from the person's, enrolment's and class's records under the director of
 * the profile valid on the issue date; a missing code is signed over the result. Numbers, dates and status
 * stay. A row whose code does not verify, whose kept words contradict its code, or that has no profile for
 * its date is left as it is and named. One audit entry per row, with the key that signed.
 */
function repair(ctx: AppCore, year: number) {
  return ctx.db.transaction(() => {
    const rows = ctx.db.prepare(`${SELECT} WHERE c.year = ? ORDER BY c.seq`).all(year) as Row[];
    const damaged = rows
      .map((r) => ({ ...r, kept: certificateRowProblem(r.printed_json, r.verification_code) }))
      .filter((r) => r.kept.problem !== null);
    const skipped: { serial: string; reason: string }[] = [];
    const serials: string[] = [];
    if (damaged.length === 0) return { repaired: 0, serials, skipped };
    const key = activeKey(ctx);
    const ownKeys = (ctx.db.prepare('SELECT public_pem FROM certificate_keys').all() as { public_pem: string }[]).map((k) => k.public_pem);
    const update = ctx.db.prepare('UPDATE certificates SET printed_json = ?, verification_code = ? WHERE id = ?');
    for (const r of damaged) {
      const { kept } = r.kept;
      const profile = centreProfileAt(ctx, r.issue_date);
      if (!profile) {
        skipped.push({ serial: r.serial, reason: `chưa có hồ sơ trung tâm áp dụng ngày cấp ${formatDate(r.issue_date)}` });
        continue;
      }
      let signedWords: Partial<CertificatePrinted> = {};
      if (hasCodeShape(r.verification_code)) {
        const v = verifyCertificateCode(r.verification_code, ownKeys);
        if (v.status !== 'genuine' || v.payload.n !== r.serial || v.payload.issued !== r.issue_date) {
          skipped.push({ serial: r.serial, reason: 'mã xác thực đã lưu không khớp chữ ký hoặc số giấy của trung tâm' });
          continue;
        }
        signedWords = { fullName: v.payload.name, birthDate: v.payload.birth || null, programName: v.payload.program };
        const contradicts = (Object.keys(signedWords) as (keyof typeof signedWords)[]).some((f) => f in kept && kept[f] !== signedWords[f]);
        if (contradicts) {
          skipped.push({ serial: r.serial, reason: 'nội dung còn lại không khớp với mã xác thực đã in' });
          continue;
        }
      }
      const printed = printedSchema.parse({ ...rebuiltPrinted(ctx, r, signedBy(profile, { kind: 'director' })!), ...signedWords, ...kept });
      const code = hasCodeShape(r.verification_code)
        ? r.verification_code
        : codeFor({ serial: r.serial, registerNo: r.register_no, issueDate: r.issue_date }, printed, key);
      update.run(JSON.stringify(printed), code, r.id);
      serials.push(r.serial);
      audit(ctx, {
        action: 'update',
        entity: 'certificate',
        entityId: r.id,
        before: { printed: r.printed_json, verificationCode: r.verification_code },
        after: { printed, verificationCode: code, signedWithKey: code === r.verification_code ? null : key.keyId },
        reason: 'Sửa bản ghi hỏng: giữ phần còn đúng, dựng lại phần thiếu từ mã xác thực và hồ sơ người học, lớp',
      });
    }
    return { repaired: serials.length, serials, skipped };
  })();
}

export function certificate(ctx: AppCore, id: number): Certificate {
  const r = ctx.db.prepare(`${SELECT} WHERE c.id = ?`).get(id) as Row | undefined;
  if (!r) throw new AppError('NOT_FOUND', 'Không tìm thấy giấy chứng nhận này.');
  return toCertificate(ctx, r);
}

/** Who signs, under the Party header valid on the issue date (both frozen with the certificate). */
function signerOf(ctx: AppCore, issueDate: string, signer: Signer): Pick<CertificatePrinted, 'signer' | 'issuingBody'> {
  const p = centreProfileAt(ctx, issueDate);
  if (!p)
    throw new AppError('NO_PROFILE', `Chưa có hồ sơ trung tâm áp dụng cho ngày ${formatDate(issueDate)}.`, {
      issueDate: 'Chưa có hồ sơ trung tâm cho ngày này',
    });
  const signed = signedBy(p, signer);
  if (!signed) throw new AppError('INVALID_INPUT', 'Hồ sơ trung tâm không có phó giám đốc này.', { signer: 'Chọn người ký' });
  return signed;
}

interface Candidate {
  enrollmentId: number;
  personId: number;
  fullName: string;
  birthDate: string | null;
  unitName: string | null;
  classification: string | null;
}

/** The class's learners whose results make them eligible, in list order. */
function candidates(ctx: AppCore, classId: number): { cls: ReturnType<typeof getClass>; eligible: Candidate[]; decisionDate: string } {
  const cls = getClass(ctx, classId);
  if (cls.status !== 'results_recognised' && cls.status !== 'certificates_issued') {
    throw new AppError('NOT_RECOGNISED', 'Lớp chưa công nhận kết quả; chỉ cấp giấy chứng nhận sau quyết định công nhận.');
  }
  const outcome = (ctx.db.prepare('SELECT outcome FROM programs WHERE id = ?').get(cls.programId) as { outcome: string }).outcome;
  if (outcome !== 'certificate') throw new AppError('NO_CERTIFICATE', 'Chương trình của lớp này không do trung tâm cấp giấy chứng nhận.');
  const grid = resultsGrid(ctx, classId);
  const people = new Map(enrollmentRows(ctx, classId).map((e) => [e.id, e]));
  const eligible = grid.rows
    .filter((r) => r.result.status === 'eligible')
    .map((r) => {
      const e = people.get(r.enrollmentId)!;
      return {
        enrollmentId: e.id,
        personId: e.personId,
        fullName: e.fullName,
        birthDate: e.birthDate,
        unitName: e.unitName,
        classification: r.result.classification,
      };
    });
  return { cls, eligible, decisionDate: grid.decision!.date };
}

function validityMonths(ctx: AppCore, programId: number): number | null {
  return (ctx.db.prepare('SELECT validity_months FROM programs WHERE id = ?').get(programId) as { validity_months: number | null })
    .validity_months;
}

/**
 * Writes one certificate. Callers run inside a transaction: numbers are taken from the table itself,
 * so a batch that fails half-way rolls back every number it took and leaves no gap.
 */
function insertCertificate(
  ctx: AppCore,
  c: {
    cls: ReturnType<typeof getClass>;
    who: Candidate;
    issueDate: string;
    signed: Pick<CertificatePrinted, 'signer' | 'issuingBody'>;
    replacesId: number | null;
  },
): number {
  const year = Number(c.issueDate.slice(0, 4));
  const p = patterns(ctx);
  const seq = nextSeq(ctx, year, p.yearly);
  const serial = formatCertNumber(p.serialPattern, { seq, year });
  const registerNo = formatCertNumber(p.registerPattern, { seq, year });
  const clash = ctx.db
    .prepare('SELECT serial, register_no FROM certificates WHERE serial = ? OR register_no = ?')
    .get(serial, registerNo) as { serial: string; register_no: string } | undefined;
  if (clash) {
    throw new AppError(
      'NUMBER_REPEATS',
      `Mẫu số sẽ cấp lại số đã có (${clash.serial === serial ? `số ${serial}` : `vào sổ số ${registerNo}`}); hãy thêm [năm] vào mẫu số hoặc đổi mẫu ở thẻ «Thiết lập» của trang Giấy chứng nhận. Chưa cấp giấy nào.`,
    );
  }
  const { printed, code } = certificateRecord(
    {
      holder: { fullName: c.who.fullName, birthDate: c.who.birthDate, unitName: c.who.unitName, classification: c.who.classification },
      cls: {
        programName: c.cls.programName,
        name: c.cls.name,
        startDate: c.cls.startDate,
        endDate: c.cls.endDate,
        validityMonths: validityMonths(ctx, c.cls.programId),
      },
      issueDate: c.issueDate,
      signed: c.signed,
      serial,
      registerNo,
    },
    activeKey(ctx),
  );
  return Number(
    ctx.db
      .prepare(
        `INSERT INTO certificates (enrollment_id, person_id, class_id, year, seq, serial, register_no, issue_date, printed_json, verification_code,
           status, replaces_id, created_at, actor) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'valid', ?, ?, ?)`,
      )
      .run(
        c.who.enrollmentId,
        c.who.personId,
        c.cls.id,
        year,
        seq,
        serial,
        registerNo,
        c.issueDate,
        JSON.stringify(printed),
        code,
        c.replacesId,
        ctx.now().toISOString(),
        ctx.actor,
      ).lastInsertRowid,
  );
}

function validFor(ctx: AppCore, enrollmentId: number): Row | undefined {
  return ctx.db.prepare(`${SELECT} WHERE c.enrollment_id = ? AND c.status = 'valid'`).get(enrollmentId) as Row | undefined;
}

function issue(ctx: AppCore, input: z.output<Channels['certificates.issue']['input']>) {
  return ctx.db.transaction(() => {
    const { cls, eligible, decisionDate } = candidates(ctx, input.classId);
    if (input.issueDate < decisionDate) {
      throw new AppError('INVALID_INPUT', `Ngày cấp trước ngày quyết định công nhận kết quả (${formatDate(decisionDate)}).`, {
        issueDate: 'Ngày cấp trước ngày công nhận kết quả',
      });
    }
    const byId = new Map(eligible.map((e) => [e.enrollmentId, e]));
    let chosen: Candidate[];
    if (input.enrollmentIds) {
      chosen = input.enrollmentIds.map((id) => {
        const who = byId.get(id);
        if (!who) {
          const name = enrollmentRows(ctx, input.classId).find((e) => e.id === id)?.fullName;
          throw new AppError(
            'NOT_ELIGIBLE',
            name
              ? `${name} không đủ điều kiện được cấp giấy chứng nhận; chưa cấp giấy nào.`
              : 'Có học viên không thuộc lớp này; hãy tải lại trang.',
          );
        }
        if (validFor(ctx, id))
          throw new AppError('ALREADY_ISSUED', `${who.fullName} đã có giấy chứng nhận; dùng «Cấp lại» nếu cần. Chưa cấp giấy nào.`);
        return who;
      });
    } else {
      chosen = eligible.filter((e) => !validFor(ctx, e.enrollmentId));
    }
    if (chosen.length === 0) throw new AppError('NOTHING_TO_ISSUE', 'Mọi học viên đủ điều kiện của lớp đã có giấy chứng nhận.');
    if (isYearClosed(ctx, cls.year) && !input.reason) {
      throw new AppError(
        'YEAR_CLOSED',
        `Năm ${cls.year} đã khóa sổ: cấp giấy cho lớp của năm này cần ghi lý do; số liệu năm ${cls.year} sẽ hiện là điều chỉnh trong báo cáo sau.`,
        {
          reason: 'Năm đã khóa sổ: cần ghi lý do',
        },
      );
    }
    const signed = signerOf(ctx, input.issueDate, input.signer);
    const ids = chosen.map((who) => insertCertificate(ctx, { cls, who, issueDate: input.issueDate, signed, replacesId: null }));
    if (eligible.every((e) => validFor(ctx, e.enrollmentId))) {
      ctx.db.prepare("UPDATE classes SET status = 'certificates_issued', updated_at = ? WHERE id = ?").run(ctx.now().toISOString(), cls.id);
    }
    const issued = ids.map((id) => certificate(ctx, id));
    audit(ctx, {
      action: 'create',
      entity: 'class_certificates',
      entityId: cls.id,
      after: { serials: issued.map((c) => c.serial), issueDate: input.issueDate },
      ...(input.reason ? { reason: input.reason } : {}),
    });
    return { issued };
  })();
}

function plan(ctx: AppCore, classId: number) {
  return ctx.db.transaction(() => {
    const { eligible, decisionDate } = candidates(ctx, classId);
    const p = patterns(ctx);
    // The number shown is the one the offered issue date (the decision's) would take.
    const year = Number(decisionDate.slice(0, 4));
    const seq = nextSeq(ctx, year, p.yearly);
    return {
      eligible: eligible.map((e) => {
        const r = validFor(ctx, e.enrollmentId);
        return {
          enrollmentId: e.enrollmentId,
          fullName: e.fullName,
          classification: e.classification,
          certificate: r ? toCertificate(ctx, r) : null,
        };
      }),
      nextSerial: formatCertNumber(p.serialPattern, { seq, year }),
      nextRegisterNo: formatCertNumber(p.registerPattern, { seq, year }),
      decisionDate,
    };
  })();
}

function setStatus(ctx: AppCore, id: number, status: 'reissued' | 'revoked', reason: string): Certificate {
  const before = certificate(ctx, id);
  if (before.status !== 'valid')
    throw new AppError('NOT_VALID', `Giấy số ${before.serial} đã ${before.status === 'revoked' ? 'bị thu hồi' : 'được cấp lại'}.`);
  ctx.db.prepare('UPDATE certificates SET status = ?, status_reason = ? WHERE id = ?').run(status, reason, id);
  return before;
}

function reissue(ctx: AppCore, input: z.output<Channels['certificates.reissue']['input']>): Certificate {
  return ctx.db.transaction(() => {
    const old = setStatus(ctx, input.certificateId, 'reissued', input.reason);
    const enrollmentId = (ctx.db.prepare('SELECT enrollment_id FROM certificates WHERE id = ?').get(old.id) as { enrollment_id: number })
      .enrollment_id;
    // The new certificate says what the record says now: a reissue usually corrects an error.
    const { cls, eligible } = candidates(ctx, old.classId);
    const who = eligible.find((e) => e.enrollmentId === enrollmentId);
    if (!who) throw new AppError('NOT_ELIGIBLE', 'Học viên không còn đủ điều kiện theo kết quả hiện tại; không cấp lại được.');
    const id = insertCertificate(ctx, {
      cls,
      who,
      issueDate: input.issueDate,
      signed: signerOf(ctx, input.issueDate, input.signer),
      replacesId: old.id,
    });
    const fresh = certificate(ctx, id);
    audit(ctx, {
      action: 'create',
      entity: 'certificate',
      entityId: id,
      before: old,
      after: fresh,
      reason: `Cấp lại giấy số ${old.serial}: ${input.reason}`,
    });
    return fresh;
  })();
}

function revoke(ctx: AppCore, id: number, reason: string): Certificate {
  return ctx.db.transaction(() => {
    const before = setStatus(ctx, id, 'revoked', reason);
    const after = certificate(ctx, id);
    audit(ctx, { action: 'update', entity: 'certificate', entityId: id, before, after, reason: `Thu hồi: ${reason}` });
    return after;
  })();
}

export const certificatesHandlers: Handlers<
  Pick<
    Channels,
    | 'certificates.settings'
    | 'certificates.saveSettings'
    | 'certificates.plan'
    | 'certificates.issue'
    | 'certificates.ofClass'
    | 'certificates.register'
    | 'certificates.reissue'
    | 'certificates.revoke'
    | 'certificates.verify'
    | 'certificates.repair'
    | 'certificates.nextNumber'
    | 'certificates.setNextNumber'
  >
> = {
  'certificates.settings': (ctx) => settings(ctx),
  'certificates.saveSettings': (ctx, input) => {
    ctx.db.transaction(() => {
      const upsert = ctx.db.prepare(
        'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
      );
      upsert.run('certificates.serialPattern', input.serialPattern);
      upsert.run('certificates.registerPattern', input.registerPattern);
      audit(ctx, { action: 'update', entity: 'settings', entityId: 'certificates', after: input });
    })();
    return settings(ctx);
  },
  'certificates.plan': (ctx, input) => plan(ctx, input.classId),
  'certificates.issue': (ctx, input) => issue(ctx, input),
  'certificates.ofClass': (ctx, input) =>
    (ctx.db.prepare(`${SELECT} WHERE c.class_id = ? ORDER BY c.seq`).all(input.classId) as Row[]).map((r) => toCertificate(ctx, r)),
  'certificates.register': (ctx, input) =>
    (ctx.db.prepare(`${SELECT} WHERE c.year = ? ORDER BY c.seq`).all(input.year) as Row[]).map((r) => toCertificate(ctx, r)),
  'certificates.reissue': (ctx, input) => reissue(ctx, input),
  'certificates.revoke': (ctx, input) => revoke(ctx, input.certificateId, input.reason),
  'certificates.verify': (ctx, input) => verifyCertificate(ctx, input),
  'certificates.repair': (ctx, input) => repair(ctx, input.year),
  'certificates.nextNumber': (ctx, input) => nextNumber(ctx, input.year),
  'certificates.setNextNumber': (ctx, input) => setNextNumber(ctx, input),
};
