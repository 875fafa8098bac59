import { printedSchema, type CertificatePrinted, type certificatesChannels } from '../../../shared/contract/certificates';
import { todayInVietnam } from '../../../shared/domain/dates';
import { formatDate } from '../../../shared/domain/format';
import type { AppCore } from '../app-core';
import { audit } from '../audit-store';
import { centreProfileAt } from '../centre/store';
import { writeSetting } from '../db/settings';
import { AppError } from '../errors';
import type { Handlers } from '../handler';
import { issueHandlers } from './issue-handlers';
import { activeKey } from './keys';
import {
  deleteTrustedKey,
  insertTrustedKey,
  isOwnKey,
  ownPublicKeys,
  trustedKeyIssuer,
  trustedKeyRow,
  trustedKeyRows,
  type TrustedKeyRow,
} from './keys-store';
import { nextNumber, patterns, REGISTER_PATTERN_KEY, SERIAL_PATTERN_KEY, setNextNumber } from './next-number';
import { printingHandlers } from './printing-handlers';
import { rebuiltPrinted, toCertificate } from './reading';
import { certificateRowProblem, codeFor, hasCodeShape, signedBy } from './record';
import { registerHandlers } from './register-handlers';
import { publicKeyFileText, readPublicKeyFile, verifyCertificateCode } from './signing';
import { rowsOfClass, rowsOfYear, writeRepaired } from './store';
import { verifyCertificate } from './verification';

type Channels = typeof certificatesChannels;

function settings(ctx: AppCore) {
  const key = activeKey(ctx);
  const profile = centreProfileAt(ctx.db, todayInVietnam(ctx.now()));
  return {
    ...patterns(ctx.db),
    keyId: key.keyId,
    publicKeyPem: key.publicKeyPem,
    publicKeyFile: publicKeyFileText(key.publicKeyPem, profile?.name ?? ''),
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
    const damaged = rowsOfYear(ctx.db, year)
      .map((r) => ({ ...r, kept: certificateRowProblem(r.printed_json, r.verification_code) }))
      .filter((r) => r.kept.problem !== null);
    const skipped: { serial: string; reason: string }[] = [];
    const serials: string[] = [];
    if (damaged.length === 0) return { repaired: 0, serials, skipped };
    const key = activeKey(ctx);
    const ownKeys = ownPublicKeys(ctx.db);
    for (const r of damaged) {
      const { kept } = r.kept;
      const profile = centreProfileAt(ctx.db, r.issue_date);
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
      writeRepaired(ctx.db, r.id, printed, code);
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

const toKey = (r: TrustedKeyRow) => ({ id: r.id, keyId: r.key_id, issuer: r.issuer, addedAt: r.added_at });

function addTrustedKey(ctx: AppCore, input: { fileText: string; issuer: string }) {
  const file = readPublicKeyFile(input.fileText);
  if (!file.ok) throw new AppError('BAD_KEY_FILE', file.message, { fileText: file.message });
  return ctx.db.transaction(() => {
    if (isOwnKey(ctx.db, file.keyId)) {
      throw new AppError('OWN_KEY', 'Đây là khóa công khai của chính trung tâm này; giấy của trung tâm đã được kiểm tra bằng khóa này.', {
        fileText: 'Khóa của chính trung tâm này',
      });
    }
    const existing = trustedKeyIssuer(ctx.db, file.keyId);
    if (existing !== null)
      throw new AppError('DUPLICATE', `Khóa này đã được nhập (của ${existing}).`, { fileText: `Đã nhập, của ${existing}` });
    const row = trustedKeyRow(ctx.db, insertTrustedKey(ctx.db, { ...file, issuer: input.issuer }, ctx.now().toISOString()))!;
    audit(ctx, { action: 'create', entity: 'trusted_key', entityId: row.id, after: { keyId: row.key_id, issuer: row.issuer } });
    return toKey(row);
  })();
}

export const certificatesHandlers: Handlers<Channels> = {
  'certificates.settings': (ctx) => settings(ctx),
  'certificates.saveSettings': (ctx, input) => {
    ctx.db.transaction(() => {
      writeSetting(ctx.db, SERIAL_PATTERN_KEY, input.serialPattern);
      writeSetting(ctx.db, REGISTER_PATTERN_KEY, input.registerPattern);
      audit(ctx, { action: 'update', entity: 'settings', entityId: 'certificates', after: input });
    })();
    return settings(ctx);
  },
  'certificates.nextNumber': (ctx, input) => nextNumber(ctx.db, input.year),
  'certificates.setNextNumber': (ctx, input) => setNextNumber(ctx, input),
  'certificates.ofClass': (ctx, input) => rowsOfClass(ctx.db, input.classId).map((r) => toCertificate(ctx, r)),
  'certificates.register': (ctx, input) => rowsOfYear(ctx.db, input.year).map((r) => toCertificate(ctx, r)),
  'certificates.verify': (ctx, input) => verifyCertificate(ctx, input),
  'certificates.repair': (ctx, input) => repair(ctx, input.year),
  'certificates.trustedKeys': (ctx) => trustedKeyRows(ctx.db).map(toKey),
  'certificates.addTrustedKey': (ctx, input) => addTrustedKey(ctx, input),
  'certificates.removeTrustedKey': (ctx, input) => {
    ctx.db.transaction(() => {
      const row = trustedKeyRow(ctx.db, input.id);
      if (!row) throw new AppError('NOT_FOUND', 'Không tìm thấy khóa.');
      deleteTrustedKey(ctx.db, input.id);
      audit(ctx, { action: 'delete', entity: 'trusted_key', entityId: row.id, before: { keyId: row.key_id, issuer: row.issuer } });
    })();
    return {};
  },
  ...issueHandlers,
  ...printingHandlers,
  ...registerHandlers,
};
