/**
 * Offline-verifiable certificate codes for the QR printed on each certificate. Ed25519 because its
 * 64-byte signature keeps the code short enough for a QR a phone reads off paper, and node:crypto has
 * it without a dependency.
 *
 * Code: `TTCT1.` + base64url(JSON payload) + `.` + base64url(signature over exactly those bytes).
 * The signature covers the transmitted bytes rather than a re-serialisation, so verification never
 * depends on two JSON encoders agreeing.
 */
import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, sign, verify, type KeyObject } from 'node:crypto';

export interface CertificatePayload {
  /** Serial number. */
  n: string;
  /** Register number. */
  r: string;
  name: string;
  /** ISO date, possibly partial ("1990", "1990-05"), or "" when unknown. */
  birth: string;
  program: string;
  /** ISO date of issue. */
  issued: string;
  /** keyId of the signing centre key. */
  k: string;
}

/**
 * A refusal carries the clerk's words (`message`, shown) and, for a malformed code, what exactly is
 * wrong with it (`reason`, for the log and the tests: the clerk can only scan again or ask).
 */
export type CertificateVerification =
  | { status: 'genuine'; payload: CertificatePayload }
  | { status: 'malformed'; message: string; reason: string }
  | { status: 'tampered' | 'unknown_key'; message: string };

export interface CentreKeys {
  publicKeyPem: string;
  privateKeyPem: string;
  keyId: string;
}

const PREFIX = 'TTCT1.';
// The order is part of the format: the same certificate always yields the same code.
const FIELDS = ['n', 'r', 'name', 'birth', 'program', 'issued', 'k'] as const satisfies readonly (keyof CertificatePayload)[];
const SIGNATURE_BYTES = 64;

export const MESSAGE_UNKNOWN_KEY = 'Giấy chứng nhận do đơn vị khác cấp: chưa có khóa công khai của đơn vị đó';
export const MESSAGE_TAMPERED = 'Chữ ký không khớp: thông tin trên giấy đã bị sửa';
export const MESSAGE_EMPTY = 'Chưa có mã để kiểm tra: hãy quét mã QR trên giấy hoặc dán nội dung của nó.';
export const MESSAGE_NOT_OURS = 'Mã không đọc được: đây không phải mã QR của giấy chứng nhận.';
export const MESSAGE_BROKEN = 'Mã không đọc được: mã QR bị thiếu hoặc sai ký tự (thường do quét chưa hết hoặc dán thiếu). Hãy quét lại.';
export const MESSAGE_NEWER = 'Mã QR của giấy chứng nhận này theo mẫu mới hơn phần mềm; hãy cập nhật phần mềm rồi kiểm tra lại.';

function keyIdOfKey(key: KeyObject): string {
  const der = key.export({ type: 'spki', format: 'der' });
  return createHash('sha256').update(der).digest('hex').slice(0, 16);
}

export function generateCentreKeys(): CentreKeys {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  return {
    publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    privateKeyPem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    keyId: keyIdOfKey(publicKey),
  };
}

/** Short fingerprint of a centre public key; throws on a PEM that is not a public key. */
export function keyIdOf(publicKeyPem: string): string {
  return keyIdOfKey(createPublicKey(publicKeyPem));
}

// Parsing and checking the PEM pair costs more than the signature; a batch signs with one key.
const preparedKeys = new Map<string, { privateKey: KeyObject; k: string }>();

function signingKey(keys: { privateKeyPem: string; publicKeyPem: string }): { privateKey: KeyObject; k: string } {
  const cacheKey = `${keys.publicKeyPem}\n${keys.privateKeyPem}`;
  const cached = preparedKeys.get(cacheKey);
  if (cached) return cached;
  const privateKey = createPrivateKey(keys.privateKeyPem);
  if (privateKey.asymmetricKeyType !== 'ed25519') throw new Error('Centre signing key must be Ed25519');
  const k = keyIdOf(keys.publicKeyPem);
  // A mismatched pair would print certificates that every verifier calls tampered.
  if (keyIdOfKey(createPublicKey(privateKey)) !== k) throw new Error('Centre public key does not match the private key');
  if (preparedKeys.size >= 4) preparedKeys.clear();
  preparedKeys.set(cacheKey, { privateKey, k });
  return preparedKeys.get(cacheKey)!;
}

export function signCertificate(payload: Omit<CertificatePayload, 'k'>, keys: { privateKeyPem: string; publicKeyPem: string }): string {
  const { privateKey, k } = signingKey(keys);

  const full: CertificatePayload = { ...payload, k };
  const ordered: Record<string, string> = {};
  for (const f of FIELDS) {
    const value: unknown = full[f];
    if (typeof value !== 'string') throw new TypeError(`Certificate field ${f} must be a string`);
    // The same name typed on different keyboards (NFC or NFD) must give the same code.
    ordered[f] = value.normalize('NFC');
  }
  const body = Buffer.from(JSON.stringify(ordered), 'utf8');
  const signature = sign(null, body, privateKey);
  return `${PREFIX}${body.toString('base64url')}.${signature.toString('base64url')}`;
}

function malformed(reason: string, message = MESSAGE_BROKEN): CertificateVerification {
  return { status: 'malformed', message, reason };
}

/**
 * Strict base64url: Buffer.from ignores stray characters and loose trailing bits, which would let
 * many different strings pass as the same code.
 */
function decodeBase64url(text: string): Buffer | null {
  if (!/^[A-Za-z0-9_-]+$/.test(text) || text.length % 4 === 1) return null;
  const bytes = Buffer.from(text, 'base64url');
  return bytes.toString('base64url') === text ? bytes : null;
}

function parsePayload(body: Buffer): CertificatePayload | string {
  let json: string;
  try {
    json = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(body);
  } catch {
    return 'phần nội dung không phải văn bản UTF-8';
  }
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    return 'phần nội dung không phải JSON';
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return 'nội dung không phải một đối tượng JSON';
  const record = value as Record<string, unknown>;
  const extra = Object.keys(record).find((key) => !(FIELDS as readonly string[]).includes(key));
  if (extra !== undefined) return `có trường lạ «${extra.slice(0, 20)}»`;
  for (const f of FIELDS) {
    if (!Object.hasOwn(record, f)) return `thiếu trường «${f}»`;
    if (typeof record[f] !== 'string') return `trường «${f}» không phải chuỗi ký tự`;
  }
  const payload = {} as CertificatePayload;
  for (const f of FIELDS) payload[f] = record[f] as string;
  return payload;
}

function usableKey(pem: unknown): KeyObject | null {
  if (typeof pem !== 'string') return null;
  try {
    const key = createPublicKey(pem);
    return key.asymmetricKeyType === 'ed25519' ? key : null;
  } catch {
    // A damaged stored key must not stop other centres' keys from verifying.
    return null;
  }
}

/** Never throws: the input is whatever a scanner or an e-mail handed over. */
export function verifyCertificateCode(code: string, publicKeysPem: readonly string[]): CertificateVerification {
  try {
    return verifyUnsafe(code, publicKeysPem);
  } catch {
    return malformed('không đọc được mã');
  }
}

function verifyUnsafe(code: string, publicKeysPem: readonly string[]): CertificateVerification {
  if (typeof code !== 'string') return malformed('mã trống', MESSAGE_EMPTY);
  // Scanners add a trailing newline and e-mail clients wrap long lines.
  const compact = code.replace(/\s+/gu, '');
  if (compact === '') return malformed('mã trống', MESSAGE_EMPTY);
  if (!compact.startsWith(PREFIX)) {
    const version = /^TTCT(\d{1,3})\./.exec(compact);
    if (version) return malformed(`mã phiên bản TTCT${version[1]}, phần mềm này chỉ đọc được TTCT1`, MESSAGE_NEWER);
    return malformed('không bắt đầu bằng «TTCT1.»', MESSAGE_NOT_OURS);
  }
  const parts = compact.split('.');
  if (parts.length !== 3) return malformed(`phải gồm ba phần ngăn bởi dấu chấm, mã này có ${parts.length}`);
  const body = decodeBase64url(parts[1]!);
  if (!body) return malformed('phần nội dung không phải base64url');
  const signature = decodeBase64url(parts[2]!);
  if (!signature) return malformed('phần chữ ký không phải base64url');
  if (signature.length !== SIGNATURE_BYTES) {
    return malformed(`chữ ký phải dài ${SIGNATURE_BYTES} byte, ở đây có ${signature.length}`);
  }
  const payload = parsePayload(body);
  if (typeof payload === 'string') return malformed(payload);

  const candidates = (Array.isArray(publicKeysPem) ? publicKeysPem : [])
    .map(usableKey)
    .filter((key): key is KeyObject => key !== null && keyIdOfKey(key) === payload.k);
  if (candidates.length === 0) return { status: 'unknown_key', message: MESSAGE_UNKNOWN_KEY };
  if (candidates.some((key) => verify(null, body, key, signature))) return { status: 'genuine', payload };
  return { status: 'tampered', message: MESSAGE_TAMPERED };
}

const ISSUER_LINE = 'Đơn vị cấp:';

/**
 * The file a centre hands to another centre or the province: who it is, then the public key. Text
 * before the PEM block is ignored by PEM readers, so the file also opens in other tools.
 */
export function publicKeyFileText(publicKeyPem: string, centreName: string): string {
  return `${ISSUER_LINE} ${centreName.replace(/\s+/g, ' ').trim()}\nMã khóa: ${keyIdOf(publicKeyPem)}\n${publicKeyPem.trim()}\n`;
}

export type PublicKeyFile = { ok: true; publicKeyPem: string; keyId: string; issuer: string | null } | { ok: false; message: string };

/** Reads a public key file from another centre; a private key, a certificate or any other key is refused. */
export function readPublicKeyFile(raw: string): PublicKeyFile {
  // Files pass through Windows Notepad and old Macs: a byte-order mark, CRLF or CR alone, NFD text.
  const text = raw
    .replace(/^\uFEFF/, '')
    .replace(/\r\n?/g, '\n')
    .normalize('NFC');
  const blocks = [...text.matchAll(/-----BEGIN ([A-Z0-9 ]+)-----[\s\S]*?-----END \1-----/g)];
  if (blocks.length === 0)
    return { ok: false, message: 'Tệp không chứa khóa công khai: hãy chọn đúng tệp khóa công khai mà đơn vị kia lưu từ phần mềm.' };
  // A private key anywhere in the file means it leaked: refuse it and say so, even beside a public key.
  if (blocks.some((b) => /PRIVATE/.test(b[1]!))) {
    return {
      ok: false,
      message: 'Tệp có chứa khóa riêng. Khóa riêng phải được giữ kín ở đơn vị cấp; hãy báo đơn vị đó và chỉ nhập tệp khóa công khai.',
    };
  }
  const publicBlocks = blocks.filter((b) => b[1] === 'PUBLIC KEY');
  if (publicBlocks.length === 0)
    return { ok: false, message: 'Tệp chứa loại dữ liệu khác, không phải khóa công khai để kiểm tra giấy chứng nhận.' };
  if (publicBlocks.length > 1) return { ok: false, message: 'Tệp chứa nhiều khóa công khai; mỗi tệp chỉ được có khóa của một đơn vị.' };
  const block = publicBlocks[0]!;
  let key: KeyObject;
  try {
    key = createPublicKey(block[0]);
  } catch {
    return { ok: false, message: 'Khóa công khai trong tệp bị hỏng hoặc không đầy đủ.' };
  }
  if (key.asymmetricKeyType !== 'ed25519') {
    return {
      ok: false,
      message:
        'Khóa trong tệp thuộc loại khác, không phải loại phần mềm dùng để ký giấy chứng nhận; hãy xin đơn vị kia tệp lưu từ phần mềm này.',
    };
  }
  const issuerLine = text.split(/\r?\n/).find((l) => l.startsWith(ISSUER_LINE));
  const issuer = issuerLine ? issuerLine.slice(ISSUER_LINE.length).trim().normalize('NFC') || null : null;
  return { ok: true, publicKeyPem: key.export({ type: 'spki', format: 'pem' }).toString(), keyId: keyIdOfKey(key), issuer };
}

/** Signs a whole document (a roll-up file) with the centre's key: base64url of the Ed25519 signature. */
export function signText(text: string, privateKeyPem: string): string {
  return sign(null, Buffer.from(text, 'utf8'), createPrivateKey(privateKeyPem)).toString('base64url');
}

/** True when the signature was made over exactly this text by the key; never throws. */
export function verifyText(text: string, signature: string, publicKeyPem: string): boolean {
  try {
    const key = createPublicKey(publicKeyPem);
    return key.asymmetricKeyType === 'ed25519' && verify(null, Buffer.from(text, 'utf8'), key, Buffer.from(signature, 'base64url'));
  } catch {
    return false;
  }
}
