import type { z } from 'zod';
import type { Certificate, certificatesChannels } from '../../../shared/contract/certificates';
import { formatDate } from '../../../shared/domain/format';
import type { AppCore } from '../app-core';
import { checkCodeOf, readCheckCode } from './check-code';
import { ownPublicKeys, trustedKeyRows } from './keys-store';
import { certificate, certificatesByIds } from './reading';
import { verifyCertificateCode } from './signing';
import { idBySerial, idsByLooseNumber, idsByNumber } from './store';

type Verify = (typeof certificatesChannels)['certificates.verify'];
type Input = z.output<Verify['input']>;
type Result = z.output<Verify['output']>;

/**
 * Checking a certificate someone holds: by the QR's text (the signature says who issued it and what it
 * says), or by the number printed on it, which the register answers, with the short code printed beside
 * the numbers to show the paper is the one in the register.
 */
export function verifyCertificate(ctx: AppCore, input: Input): Result {
  const number = input.number?.trim() ?? '';
  // A QR's text pasted into the number box is still read as a QR.
  if (/^TTCT\d/i.test(number.replace(/\s+/g, ''))) return byQr(ctx, number);
  if (number) return byNumber(ctx, number, input.checkCode?.trim() || null);
  return byQr(ctx, input.code ?? '');
}

function statusSentence(c: Certificate): string {
  if (c.status === 'revoked') return `Giấy này đã bị thu hồi${c.statusReason ? `: ${c.statusReason}` : ''}.`;
  if (c.status === 'reissued')
    return `Giấy này đã được cấp lại bằng giấy số ${c.replacedBySerial ?? '…'}${c.statusReason ? ` (${c.statusReason})` : ''}; giấy cũ không còn giá trị.`;
  return 'Giấy còn hiệu lực.';
}

function byQr(ctx: AppCore, code: string): Result {
  const own = ownPublicKeys(ctx.db);
  // keyId → the other centre's name and key.
  const others = new Map(trustedKeyRows(ctx.db).map((r) => [r.key_id, { issuer: r.issuer, publicKeyPem: r.public_pem }]));
  const r = verifyCertificateCode(code, [...own, ...[...others.values()].map((k) => k.publicKeyPem)]);
  if (r.status !== 'genuine')
    return { status: r.status, message: r.message, payload: null, certificate: null, issuer: null, codeMatches: null };
  const { k, ...payload } = r.payload;
  const other = others.get(k);
  // Another centre's certificate: genuine by its key, but its register is not on this PC.
  if (other) {
    return {
      status: r.status,
      message: `Giấy chứng nhận thật do ${other.issuer} cấp (kiểm tra bằng khóa công khai đã nhập của đơn vị đó).`,
      payload,
      certificate: null,
      issuer: other.issuer,
      codeMatches: null,
    };
  }
  const id = idBySerial(ctx.db, r.payload.n);
  const found = id === null ? null : certificate(ctx, id);
  const message = !found
    ? 'Chữ ký đúng nhưng số này không có trong sổ của máy này.'
    : found.status === 'valid'
      ? 'Giấy chứng nhận thật, còn trong sổ.'
      : found.status === 'revoked'
        ? `Giấy chứng nhận thật nhưng đã bị thu hồi: ${found.statusReason ?? ''}`
        : `Giấy chứng nhận thật nhưng đã được cấp lại bằng giấy số ${found.replacedBySerial ?? ''}.`;
  return { status: r.status, message, payload, certificate: found, issuer: null, codeMatches: null };
}

/** Spaces tidied and any dash read as a hyphen: "1 / 2026 / gcn" as typed. */
function tidyNumber(typed: string): string {
  return typed
    .normalize('NFC')
    .replace(/[‐-―−]/g, '-')
    .replace(/\s+/g, ' ')
    .trim();
}

/** "Số: 1/2026/GCN" as it stands on the paper: the label before the number, when one is typed. */
function withoutLabel(number: string): string {
  return number.replace(/^(?:vào sổ số|vao so so|số|so)(?:\s*:\s*|\s+)/iu, '');
}

/**
 * The certificates whose serial, or else register number, is this. Exact first (indexed); spaces and the
 * case of A–Z aside only when asked, as that reads the whole register.
 */
function findByNumber(ctx: AppCore, typed: string, loose: boolean): number[] {
  const exact = idsByNumber(ctx.db, typed);
  if (exact.length > 0 || !loose) return exact;
  return idsByLooseNumber(ctx.db, typed.replace(/ /g, ''));
}

/**
 * What was typed, read in turn as: the number as typed, without its «Số:» label, then number and code in
 * one box as they stand on the paper ("1/2026/GCN 7K3M-Q9XD"); exact before loose. When a code is known,
 * the certificate it belongs to is preferred (a serial may equal another certificate's register number).
 */
function locate(ctx: AppCore, typed: string, typedCode: string | null): { id: number | null; number: string; code: string | null } {
  const number = tidyNumber(typed);
  const readings: { number: string; code: string | null }[] = [{ number, code: typedCode }];
  const bare = withoutLabel(number);
  if (bare !== number) readings.push({ number: bare, code: typedCode });
  if (typedCode === null) {
    for (const n of [number, bare]) {
      const tail = /^(.*\S)\s+(\S{4}[\s-]?\S{4})$/u.exec(n);
      if (tail && readCheckCode(tail[2]!)) readings.push({ number: tail[1]!, code: tail[2]! });
    }
  }
  for (const loose of [false, true]) {
    for (const r of readings) {
      if (!r.number) continue;
      const ids = findByNumber(ctx, r.number, loose);
      if (ids.length === 0) continue;
      const wanted = r.code === null ? null : readCheckCode(r.code);
      const matching =
        wanted === null ? undefined : certificatesByIds(ctx, ids).find((c) => checkCodeOf(c.verificationCode) === wanted)?.id;
      return { id: matching ?? ids[0]!, number: r.number, code: r.code };
    }
  }
  return { id: null, number: bare, code: typedCode };
}

function byNumber(ctx: AppCore, typed: string, typedCode: string | null): Result {
  const { id, number, code } = locate(ctx, typed, typedCode);
  const none = { payload: null, issuer: null } as const;
  if (id === null) {
    return {
      ...none,
      status: 'not_found',
      message: `Không có giấy chứng nhận số ${number || typed} trong sổ của trung tâm.`,
      certificate: null,
      codeMatches: null,
    };
  }
  const found = certificate(ctx, id);
  const holder = `${found.printed.fullName}${found.printed.birthDate ? `, sinh ${formatDate(found.printed.birthDate)}` : ''}`;
  const which = `Giấy số ${found.serial} (vào sổ số ${found.registerNo}) cấp ngày ${formatDate(found.issueDate)} cho ${holder}.`;
  if (code === null)
    return { ...none, status: 'found', message: `${which} ${statusSentence(found)}`, certificate: found, codeMatches: null };
  const printed = checkCodeOf(found.verificationCode);
  if (printed === null) {
    return {
      ...none,
      status: 'code_mismatch',
      certificate: found,
      codeMatches: false,
      message: `${which} Bản ghi của giấy này bị hỏng nên chưa có mã tra cứu để so; hãy sửa bản ghi ở thẻ «Sổ cấp giấy chứng nhận».`,
    };
  }
  const read = readCheckCode(code);
  if (read !== printed) {
    const why =
      read === null
        ? `«${code}» không phải mã tra cứu (mã gồm 8 chữ và số, như 7K3M-Q9XD)`
        : `mã tra cứu ${read} không phải mã in trên giấy này`;
    return {
      ...none,
      status: 'code_mismatch',
      certificate: found,
      codeMatches: false,
      message: `Sổ có giấy số ${found.serial} của ${holder}, nhưng ${why}. Giấy đang kiểm tra có thể bị làm giả, hoặc mã bị gõ nhầm: hãy đối chiếu lại.`,
    };
  }
  return { ...none, status: 'found', message: `Mã tra cứu khớp. ${which} ${statusSentence(found)}`, certificate: found, codeMatches: true };
}
