import { z } from 'zod';
import {
  classIdInput,
  empty,
  id,
  isoDate,
  jobIdInput,
  jobStartSchema,
  jobStateSchema,
  previewSchema,
  requiredText,
  savedFileSchema,
  text,
  type ChannelDef,
} from './common';
import { patternError, storedPattern } from '../domain/cert-numbering';
import { formatNumber } from '../domain/format';
import { certificateLayoutSchema, printerOffsetSchema } from '../domain/certificate-layout';
import { labelled } from '../domain/labelled';
import { issuingBodySchema } from './classes';
import { fileOutput } from './learners';

/**
 * The clerk writes a pattern with readable parts («[số]/[năm]/GCN»); it is kept in the stored form
 * («{seq}/{year}/GCN») that numbering has always read, which is also what the length limit counts.
 */
const pattern = z
  .string()
  .overwrite((s) => s.trim().normalize('NFC'))
  .superRefine((p, ctx) => {
    const problem = patternError(p);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  })
  .transform((p) => storedPattern(p));

export const certificateSettingsInput = z.object({ serialPattern: pattern, registerPattern: pattern });

export const certificateSettingsSchema = z.object({
  serialPattern: z.string(),
  registerPattern: z.string(),
  /** True when both patterns carry the year: the sequence then restarts each January. */
  yearly: z.boolean(),
  keyId: z.string(),
  publicKeyPem: z.string(),
  /** What "Lưu khóa công khai" saves: the centre's name, then the key. */
  publicKeyFile: z.string(),
});

/** Far beyond any centre's register, and short enough to print on a form. */
export const NEXT_SEQ_MAX = 999_999;

const numberingYear = z
  .number({ error: 'Nhập năm bằng chữ số, ví dụ 2026' })
  .int('Năm phải là số nguyên')
  .min(1990, 'Năm phải từ 1990 đến 2100')
  .max(2100, 'Năm phải từ 1990 đến 2100');

/** Where a year's certificate numbering continues, set to carry on a paper register. */
export const setNextNumberInput = z.object({
  year: numberingYear,
  nextSeq: z
    .number({ error: 'Nhập số giấy tiếp theo bằng chữ số, ví dụ 125' })
    .int('Số giấy tiếp theo phải là số nguyên, không có phần lẻ')
    .min(1, 'Số giấy tiếp theo phải từ 1 trở lên')
    .max(NEXT_SEQ_MAX, `Số giấy tiếp theo không được lớn hơn ${formatNumber(NEXT_SEQ_MAX)}`),
});

export const nextNumberSchema = z.object({
  year: z.number(),
  /** Whether the sequence restarts each January (both patterns carry the year) or runs on across years. */
  yearly: z.boolean(),
  nextSeq: z.number(),
  nextSerial: z.string(),
  nextRegisterNo: z.string(),
  /** The highest number issued that this year's sequence continues from: that year's, or any year's when it runs on. */
  lastIssued: z.object({ seq: z.number(), serial: z.string(), year: z.number() }).nullable(),
  /** The number the clerk set to continue a paper register, when one applies. */
  floor: z.number().nullable(),
});
export type NextNumber = z.infer<typeof nextNumberSchema>;

export const trustedKeySchema = z.object({ id, keyId: z.string(), issuer: z.string(), addedAt: z.string() });

export const { keys: CERTIFICATE_STATUSES, labels: CERTIFICATE_STATUS_LABELS } = labelled({
  valid: 'Còn hiệu lực',
  reissued: 'Đã cấp lại',
  revoked: 'Đã thu hồi',
});

/** What the certificate says, frozen when it is issued. */
export const printedSchema = z.object({
  fullName: z.string(),
  birthDate: z.string().nullable(),
  unitName: z.string().nullable(),
  programName: z.string(),
  className: z.string(),
  startDate: z.string(),
  endDate: z.string(),
  classification: z.string().nullable(),
  signer: z.object({ lines: z.array(z.string()), name: z.string() }),
  placeName: z.string(),
  validUntil: z.string().nullable(),
  /** The Party header valid on the issue date. */
  issuingBody: issuingBodySchema,
});
export type CertificatePrinted = z.infer<typeof printedSchema>;

export const certificateSchema = z.object({
  id,
  personId: id,
  classId: id,
  year: z.number(),
  seq: z.number(),
  serial: z.string(),
  registerNo: z.string(),
  issueDate: z.string(),
  printed: printedSchema,
  status: z.enum(CERTIFICATE_STATUSES),
  statusReason: z.string().nullable(),
  replacesId: id.nullable(),
  replacedBySerial: z.string().nullable(),
  printCount: z.number(),
  verificationCode: z.string(),
  /** The short code printed beside the numbers («7K3M-Q9XD»), made from the signed code; null on a damaged row. */
  checkCode: z.string().nullable(),
  /**
   * What is wrong with a damaged stored row (no printed snapshot or no code, as in old sample
   * databases), or null. Such a row is shown with today's person and class records until repaired.
   */
  damage: z.string().nullable(),
});
export type Certificate = z.infer<typeof certificateSchema>;

const signer = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('director') }),
  /** "KT. GIÁM ĐỐC / PHÓ GIÁM ĐỐC" with the deputy's name, by their place in the profile valid on the issue date. */
  z.object({ kind: z.literal('deputy'), index: z.number().int().min(0).max(5) }),
]);

const batch = z.object({ certificateIds: z.array(id).min(1, 'Chưa chọn giấy nào').max(2000, 'Tối đa 2.000 giấy mỗi lần in') });

/** The register of a year (sổ cấp giấy chứng nhận), or a class's receipt list with signature boxes. */
const listRequest = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('register'), year: z.number().int().min(1990).max(2100) }),
  z.object({ kind: z.literal('receipt'), classId: id }),
]);

export const certificatesChannels = {
  'certificates.settings': { input: empty, output: certificateSettingsSchema },
  'certificates.saveSettings': { input: certificateSettingsInput, output: certificateSettingsSchema },
  'certificates.nextNumber': { input: setNextNumberInput.pick({ year: true }), output: nextNumberSchema },
  /** Refused at or below a number already issued, or one that reads like a number already in the register. */
  'certificates.setNextNumber': { input: setNextNumberInput, output: nextNumberSchema },
  /** Who in the class gets a certificate now, and the numbers they would get. */
  'certificates.plan': {
    input: classIdInput,
    output: z.object({
      eligible: z.array(
        z.object({
          enrollmentId: id,
          fullName: z.string(),
          classification: z.string().nullable(),
          certificate: certificateSchema.nullable(),
        }),
      ),
      nextSerial: z.string(),
      nextRegisterNo: z.string(),
      /** Date of the results decision: the earliest issue date, and the one offered first. */
      decisionDate: z.string(),
    }),
  },
  'certificates.issue': {
    input: z.object({
      classId: id,
      issueDate: isoDate,
      signer,
      enrollmentIds: z.array(id).max(2000).optional(),
      /** Needed when the class's year is closed: the issue then shows as an amendment to that year. */
      reason: text(500).optional(),
    }),
    output: z.object({ issued: z.array(certificateSchema) }),
  },
  'certificates.ofClass': { input: classIdInput, output: z.array(certificateSchema) },
  'certificates.register': { input: z.object({ year: z.number().int().min(1990).max(2100) }), output: z.array(certificateSchema) },
  'certificates.reissue': {
    input: z.object({ certificateId: id, reason: requiredText(500), issueDate: isoDate, signer }),
    output: certificateSchema,
  },
  'certificates.revoke': { input: z.object({ certificateId: id, reason: requiredText(500) }), output: certificateSchema },
  /** Rebuilds a year's damaged rows (missing snapshot fields, missing code) from their code and records; audited. */
  'certificates.repair': {
    input: z.object({ year: z.number().int().min(1990).max(2100) }),
    output: z.object({
      repaired: z.number(),
      serials: z.array(z.string()),
      skipped: z.array(z.object({ serial: z.string(), reason: z.string() })),
    }),
  },
  'certificates.layout': {
    input: z.object({ programId: id }),
    output: z.object({ layout: certificateLayoutSchema, isDefault: z.boolean() }),
  },
  'certificates.saveLayout': {
    input: z.object({ programId: id, layout: certificateLayoutSchema }),
    output: z.object({ layout: certificateLayoutSchema, isDefault: z.boolean() }),
  },
  /** This office printer's shift, measured with the calibration page. */
  'certificates.offset': { input: empty, output: printerOffsetSchema },
  'certificates.saveOffset': { input: printerOffsetSchema, output: printerOffsetSchema },
  'certificates.preview': { input: batch, output: previewSchema },
  /** The printers of this PC; empty where nothing prints directly (the browser host). */
  'certificates.printers': {
    input: empty,
    output: z.object({ canPrint: z.boolean(), printers: z.array(z.object({ name: z.string(), displayName: z.string() })) }),
  },
  /**
   * Starts printing a batch in the background, to one PDF or to the chosen printer; the screen follows
   * it with batchStatus and may cancel it. Only what reaches the printer counts as printed (reprints are
   * marked in the register): a PDF is a file, printed later or never.
   */
  'certificates.startBatch': {
    input: batch.extend({
      target: z.enum(['pdf', 'printer'], { error: 'Chọn lưu PDF hoặc in ra máy in' }),
      deviceName: z.string().trim().min(1, 'Chọn máy in').max(300).optional(),
    }),
    output: jobStartSchema,
  },
  'certificates.batchStatus': {
    input: jobIdInput('lượt in'),
    output: jobStateSchema.extend({
      /** The PDF, once, when a PDF batch is done. */
      file: z.object({ fileName: z.string(), dataBase64: z.string(), pages: z.number() }).nullable(),
      /** Certificates counted as printed (sent to the printer; a PDF counts none). */
      printed: z.number(),
    }),
  },
  'certificates.cancelBatch': { input: jobIdInput('lượt in'), output: z.object({}) },
  /** A layout being edited (not yet saved) printed with illustrative values, exactly as it would print. */
  'certificates.layoutPreview': {
    input: z.object({ programId: id, layout: certificateLayoutSchema }),
    output: previewSchema,
  },
  /** The calibration page of the program's saved layout, or of the one being edited. */
  'certificates.calibration': {
    input: z.object({ programId: id, layout: certificateLayoutSchema.optional() }),
    output: previewSchema,
  },
  'certificates.calibrationPdf': {
    input: z.object({ programId: id, layout: certificateLayoutSchema.optional() }),
    output: savedFileSchema,
  },
  'certificates.listPreview': { input: listRequest, output: previewSchema },
  'certificates.listPdf': { input: listRequest, output: savedFileSchema },
  /** The same list as an editable .docx in the Party's format. */
  'certificates.listDocx': { input: listRequest, output: savedFileSchema },
  'certificates.registerXlsx': { input: z.object({ year: z.number().int().min(1990).max(2100) }), output: fileOutput },
  /**
   * Checks a certificate: by the QR's text (`code`), or by the number printed on it (`number`, the serial
   * or the register number) with, optionally, the short code printed beside it (`checkCode`).
   */
  'certificates.verify': {
    input: z
      // The number box takes a QR's text pasted by mistake, so it is as long as a code may be.
      .object({ code: text(4000).optional(), number: text(4000).optional(), checkCode: text(40).optional() })
      .superRefine((v, ctx) => {
        if (!v.code && !v.number) ctx.addIssue({ code: 'custom', path: ['number'], message: 'Nhập số giấy chứng nhận' });
      }),
    output: z.object({
      /**
       * QR: genuine, malformed, tampered or unknown_key. Number: found (with `codeMatches`), not_found,
       * or code_mismatch (the register has the number, the short code typed is not the one printed on it).
       */
      status: z.enum(['genuine', 'malformed', 'tampered', 'unknown_key', 'found', 'not_found', 'code_mismatch']),
      message: z.string(),
      payload: z
        .object({ n: z.string(), r: z.string(), name: z.string(), birth: z.string(), program: z.string(), issued: z.string() })
        .nullable(),
      /** The register's row for this number, when it is one of ours. */
      certificate: certificateSchema.nullable(),
      /** The other centre whose imported key signed it; null for our own. */
      issuer: z.string().nullable(),
      /** A number look-up with a short code: whether it is the one printed on that certificate; otherwise null. */
      codeMatches: z.boolean().nullable(),
    }),
  },
  /** Other centres' public keys, for verifying their certificates here. */
  'certificates.trustedKeys': { input: empty, output: z.array(trustedKeySchema) },
  'certificates.addTrustedKey': {
    input: z.object({
      issuer: text(200).min(1, 'Nhập tên đơn vị cấp'),
      fileText: z.string().max(20_000, 'Tệp quá lớn, không phải tệp khóa công khai'),
    }),
    output: trustedKeySchema,
  },
  'certificates.removeTrustedKey': { input: z.object({ id }), output: z.object({}) },
} satisfies Record<string, ChannelDef>;
