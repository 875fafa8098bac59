import { addMonths, format, parseISO } from 'date-fns';
import { printedSchema, type CertificatePrinted } from '../../../shared/contract/certificates';
import { issuingBodyOf } from '../documents/party-document';
import { signCertificate, type CentreKeys } from './signing';

/**
 * What a certificate freezes when it is issued (its printed snapshot) and the signed code its QR
 * carries: one builder for the issue and reissue screens, the demo generator, the bench's bulk rows
 * and the repair of damaged rows, so every certificate in a database has the same shape.
 */

export interface CentreHeader {
  superior: string;
  name: string;
  docCode: string;
  placeName: string;
  director: { name: string; title: string };
  deputies: { name: string; title: string }[];
}

export type SignerChoice = { kind: 'director' } | { kind: 'deputy'; index: number };

export type Signed = Pick<CertificatePrinted, 'signer' | 'issuingBody'>;

/** Who signs, under the Party header of the profile valid on the issue date; null if that deputy is not in it. */
export function signedBy(profile: CentreHeader, signer: SignerChoice): Signed | null {
  const issuingBody = issuingBodyOf(profile);
  const director = profile.director.title.toLocaleUpperCase('vi');
  if (signer.kind === 'director') return { issuingBody, signer: { lines: [director], name: profile.director.name } };
  const deputy = profile.deputies[signer.index];
  if (!deputy) return null;
  // The Party's form for a deputy signing on the director's behalf [HD 36-HD/VPTW].
  return { issuingBody, signer: { lines: [`KT. ${director}`, deputy.title.toLocaleUpperCase('vi')], name: deputy.name } };
}

export function validUntilFrom(validityMonths: number | null, issueDate: string): string | null {
  return validityMonths === null ? null : format(addMonths(parseISO(issueDate), validityMonths), 'yyyy-MM-dd');
}

export interface CertificateFacts {
  holder: { fullName: string; birthDate: string | null; unitName: string | null; classification: string | null };
  cls: { programName: string; name: string; startDate: string; endDate: string; validityMonths: number | null };
  issueDate: string;
  signed: Signed;
  serial: string;
  registerNo: string;
}

export function certificateRecord(facts: CertificateFacts, key: CentreKeys): { printed: CertificatePrinted; code: string } {
  const printed: CertificatePrinted = {
    fullName: facts.holder.fullName,
    birthDate: facts.holder.birthDate,
    unitName: facts.holder.unitName,
    programName: facts.cls.programName,
    className: facts.cls.name,
    startDate: facts.cls.startDate,
    endDate: facts.cls.endDate,
    classification: facts.holder.classification,
    signer: facts.signed.signer,
    placeName: facts.signed.issuingBody.placeName,
    validUntil: validUntilFrom(facts.cls.validityMonths, facts.issueDate),
    issuingBody: facts.signed.issuingBody,
  };
  return { printed, code: codeFor(facts, printed, key) };
}

/** The signed code of the QR: what the certificate says about whom, under which numbers. */
export function codeFor(
  numbers: { serial: string; registerNo: string; issueDate: string },
  printed: CertificatePrinted,
  key: CentreKeys,
): string {
  return signCertificate(
    {
      n: numbers.serial,
      r: numbers.registerNo,
      name: printed.fullName,
      birth: printed.birthDate ?? '',
      program: printed.programName,
      issued: numbers.issueDate,
    },
    key,
  );
}

export function hasCodeShape(code: string): boolean {
  return CODE_SHAPE.test(code);
}

const CODE_SHAPE = /^TTCT1\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/;

/**
 * What is wrong with a stored certificate row, in the clerk's words, or null, with the snapshot when it
 * is whole and otherwise the fields of it that are still good (a row from before a field was added keeps
 * everything else). Rows the app itself writes are always whole; a damaged one comes from elsewhere (an
 * old sample database, a hand edit). Cheap enough for a register of 100,000 rows: the code's shape is
 * checked here, its signature only when someone verifies it (or repairs the row).
 */
export function certificateRowProblem(
  printedJson: string,
  code: string,
): { printed: CertificatePrinted | null; kept: Partial<CertificatePrinted>; problem: string | null } {
  let parsed: unknown = null;
  try {
    parsed = JSON.parse(printedJson);
  } catch {
    // reported below
  }
  const whole = printedSchema.safeParse(parsed);
  const kept: Partial<CertificatePrinted> = {};
  if (whole.success) Object.assign(kept, whole.data);
  else if (parsed !== null && typeof parsed === 'object') {
    for (const [field, schema] of Object.entries(printedSchema.shape)) {
      const value = schema.safeParse((parsed as Record<string, unknown>)[field]);
      if (value.success && (parsed as Record<string, unknown>)[field] !== undefined) Object.assign(kept, { [field]: value.data });
    }
  }
  const problems: string[] = [];
  if (!whole.success) problems.push('thiếu nội dung in trên giấy (họ tên, ngày sinh, đơn vị, lớp, người ký)');
  if (!hasCodeShape(code)) problems.push('không có mã xác thực in trên giấy');
  return { printed: whole.success ? whole.data : null, kept, problem: problems.length ? `Bản ghi hỏng: ${problems.join('; ')}.` : null };
}
