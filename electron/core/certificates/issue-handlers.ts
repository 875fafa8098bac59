import type { z } from 'zod';
import type { Certificate, CertificatePrinted, certificatesChannels } from '../../../shared/contract/certificates';
import { formatDate } from '../../../shared/domain/format';
import type { AppCore } from '../app-core';
import { audit } from '../audit-store';
import { centreProfileAt } from '../centre/store';
import { enrollmentRows } from '../enrollments/store';
import { AppError } from '../errors';
import type { Handlers } from '../handler';
import { getClass } from '../classes/store';
import { eligibleLearners } from '../results/grid';
import { isYearClosed } from '../plans/store';
import { activeKey } from './keys';
import { nextSeq, numbersFor, patterns } from './next-number';
import { certificate, certificatesByIds, toCertificate, validityMonths } from './reading';
import { certificateRecord, signedBy } from './record';
import { certificateRow, insertCertificate, markClassIssued, numberHolder, programFacts, validRowsOfClass, writeStatus } from './store';

type Channels = typeof certificatesChannels;
type Signer = z.output<Channels['certificates.issue']['input']>['signer'];
type ClassRecord = ReturnType<typeof getClass>;

/** Who signs, under the Party header valid on the issue date (both frozen with the certificate). */
function signerOf(ctx: AppCore, issueDate: string, signer: Signer): Pick<CertificatePrinted, 'signer' | 'issuingBody'> {
  const p = centreProfileAt(ctx.db, issueDate);
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
function candidates(ctx: AppCore, classId: number): { cls: ClassRecord; eligible: Candidate[]; decisionDate: string } {
  const cls = getClass(ctx.db, classId);
  if (cls.status !== 'results_recognised' && cls.status !== 'certificates_issued') {
    throw new AppError('NOT_RECOGNISED', 'Lớp chưa công nhận kết quả; chỉ cấp giấy chứng nhận sau quyết định công nhận.');
  }
  if (programFacts(ctx.db, cls.programId)!.outcome !== 'certificate')
    throw new AppError('NO_CERTIFICATE', 'Chương trình của lớp này không do trung tâm cấp giấy chứng nhận.');
  const { grid, eligible } = eligibleLearners(ctx, classId);
  return {
    cls,
    eligible: eligible.map(({ row, learner: e }) => ({
      enrollmentId: e.id,
      personId: e.personId,
      fullName: e.fullName,
      birthDate: e.birthDate,
      unitName: e.unitName,
      classification: row.result.classification,
    })),
    decisionDate: grid.decision!.date,
  };
}

/**
 * Writes one certificate. Callers run inside a transaction: numbers are taken from the table itself,
 * so a batch that fails half-way rolls back every number it took and leaves no gap.
 */
function issueOne(
  ctx: AppCore,
  c: {
    cls: ClassRecord;
    who: Candidate;
    issueDate: string;
    signed: Pick<CertificatePrinted, 'signer' | 'issuingBody'>;
    replacesId: number | null;
  },
): number {
  const year = Number(c.issueDate.slice(0, 4));
  const p = patterns(ctx.db);
  const seq = nextSeq(ctx.db, year, p.yearly);
  const { serial, registerNo } = numbersFor(p, seq, year);
  const clash = numberHolder(ctx.db, serial, registerNo);
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
  return insertCertificate(ctx.db, {
    enrollmentId: c.who.enrollmentId,
    personId: c.who.personId,
    classId: c.cls.id,
    year,
    seq,
    serial,
    registerNo,
    issueDate: c.issueDate,
    printed,
    code,
    replacesId: c.replacesId,
    createdAt: ctx.now().toISOString(),
    actor: ctx.actor,
  });
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
    const valid = validRowsOfClass(ctx.db, cls.id);
    let chosen: Candidate[];
    if (input.enrollmentIds) {
      chosen = input.enrollmentIds.map((id) => {
        const who = byId.get(id);
        if (!who) {
          const name = enrollmentRows(ctx.db, input.classId).find((e) => e.id === id)?.fullName;
          throw new AppError(
            'NOT_ELIGIBLE',
            name
              ? `${name} không đủ điều kiện được cấp giấy chứng nhận; chưa cấp giấy nào.`
              : 'Có học viên không thuộc lớp này; hãy tải lại trang.',
          );
        }
        if (valid.has(id))
          throw new AppError('ALREADY_ISSUED', `${who.fullName} đã có giấy chứng nhận; dùng «Cấp lại» nếu cần. Chưa cấp giấy nào.`);
        return who;
      });
    } else {
      chosen = eligible.filter((e) => !valid.has(e.enrollmentId));
    }
    if (chosen.length === 0) throw new AppError('NOTHING_TO_ISSUE', 'Mọi học viên đủ điều kiện của lớp đã có giấy chứng nhận.');
    if (isYearClosed(ctx.db, cls.year) && !input.reason) {
      throw new AppError(
        'YEAR_CLOSED',
        `Năm ${cls.year} đã khóa sổ: cấp giấy cho lớp của năm này cần ghi lý do; số liệu năm ${cls.year} sẽ hiện là điều chỉnh trong báo cáo sau.`,
        {
          reason: 'Năm đã khóa sổ: cần ghi lý do',
        },
      );
    }
    const signed = signerOf(ctx, input.issueDate, input.signer);
    const ids = chosen.map((who) => issueOne(ctx, { cls, who, issueDate: input.issueDate, signed, replacesId: null }));
    const nowValid = validRowsOfClass(ctx.db, cls.id);
    if (eligible.every((e) => nowValid.has(e.enrollmentId))) markClassIssued(ctx.db, cls.id, ctx.now().toISOString());
    const issued = certificatesByIds(ctx, ids);
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
    const { cls, eligible, decisionDate } = candidates(ctx, classId);
    const p = patterns(ctx.db);
    // The number shown is the one the offered issue date (the decision's) would take.
    const year = Number(decisionDate.slice(0, 4));
    const { serial, registerNo } = numbersFor(p, nextSeq(ctx.db, year, p.yearly), year);
    const valid = validRowsOfClass(ctx.db, cls.id);
    return {
      eligible: eligible.map((e) => {
        const r = valid.get(e.enrollmentId);
        return {
          enrollmentId: e.enrollmentId,
          fullName: e.fullName,
          classification: e.classification,
          certificate: r ? toCertificate(ctx, r) : null,
        };
      }),
      nextSerial: serial,
      nextRegisterNo: registerNo,
      decisionDate,
    };
  })();
}

function setStatus(ctx: AppCore, id: number, status: 'reissued' | 'revoked', reason: string): Certificate {
  const before = certificate(ctx, id);
  if (before.status !== 'valid')
    throw new AppError('NOT_VALID', `Giấy số ${before.serial} đã ${before.status === 'revoked' ? 'bị thu hồi' : 'được cấp lại'}.`);
  writeStatus(ctx.db, id, status, reason);
  return before;
}

function reissue(ctx: AppCore, input: z.output<Channels['certificates.reissue']['input']>): Certificate {
  return ctx.db.transaction(() => {
    const old = setStatus(ctx, input.certificateId, 'reissued', input.reason);
    const enrollmentId = certificateRow(ctx.db, old.id)!.enrollment_id;
    // The new certificate says what the record says now: a reissue usually corrects an error.
    const { cls, eligible } = candidates(ctx, old.classId);
    const who = eligible.find((e) => e.enrollmentId === enrollmentId);
    if (!who) throw new AppError('NOT_ELIGIBLE', 'Học viên không còn đủ điều kiện theo kết quả hiện tại; không cấp lại được.');
    const id = issueOne(ctx, {
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

/** Issuing, reissuing and revoking: the register's changes. */
export const issueHandlers: Handlers<
  Pick<Channels, 'certificates.plan' | 'certificates.issue' | 'certificates.reissue' | 'certificates.revoke'>
> = {
  'certificates.plan': (ctx, input) => plan(ctx, input.classId),
  'certificates.issue': (ctx, input) => issue(ctx, input),
  'certificates.reissue': (ctx, input) => reissue(ctx, input),
  'certificates.revoke': (ctx, input) => revoke(ctx, input.certificateId, input.reason),
};
