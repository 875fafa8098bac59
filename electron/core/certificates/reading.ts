import type { Certificate, CertificatePrinted } from '../../../shared/contract/certificates';
import type { AppCore } from '../app-core';
import { centreProfileAt } from '../centre/store';
import { AppError } from '../errors';
import { getClass } from '../classes/store';
import { checkCodeOf } from './check-code';
import { certificateRowProblem, signedBy, validUntilFrom, type Signed } from './record';
import { certificateRow, certificateRowsByIds, holderNow, programFacts, type CertificateRow } from './store';

/**
 * A stored row as the contract has it. A damaged row (no printed snapshot, no code: rows the app never
 * writes, as in old sample databases) is still listed, marked with what is wrong and shown with the fields
 * it still has, the rest from what the person's and class's records say today, so one bad row never takes
 * a register down. Nothing is written back by reading.
 */
export function toCertificate(ctx: AppCore, r: CertificateRow): Certificate {
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

export function certificate(ctx: AppCore, id: number): Certificate {
  const r = certificateRow(ctx.db, id);
  if (!r) throw new AppError('NOT_FOUND', 'Không tìm thấy giấy chứng nhận này.');
  return toCertificate(ctx, r);
}

/** These certificates, read at once, in the order of the ids; a missing one is refused as certificate() refuses it. */
export function certificatesByIds(ctx: AppCore, ids: readonly number[]): Certificate[] {
  const rows = new Map(certificateRowsByIds(ctx.db, ids).map((r) => [r.id, r]));
  return ids.map((id) => {
    const r = rows.get(id);
    if (!r) throw new AppError('NOT_FOUND', 'Không tìm thấy giấy chứng nhận này.');
    return toCertificate(ctx, r);
  });
}

/** The header a certificate of that date was issued under; for display only, the class's frozen one if none. */
function liveProfile(ctx: AppCore, r: Pick<CertificateRow, 'class_id' | 'issue_date'>): Signed {
  const profile = centreProfileAt(ctx.db, r.issue_date);
  if (profile) return signedBy(profile, { kind: 'director' })!;
  const body = getClass(ctx.db, r.class_id).issuingBody;
  return { issuingBody: body, signer: { lines: [body.directorTitle.toLocaleUpperCase('vi')], name: body.directorName } };
}

export function validityMonths(ctx: AppCore, programId: number): number | null {
  return programFacts(ctx.db, programId)!.validity_months;
}

/** What a certificate of this row would say if issued from today's person, enrolment and class records. */
export function rebuiltPrinted(
  ctx: AppCore,
  r: Pick<CertificateRow, 'id' | 'class_id' | 'issue_date'>,
  signed: Signed,
): CertificatePrinted {
  const e = holderNow(ctx.db, r.id);
  const cls = getClass(ctx.db, r.class_id);
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
