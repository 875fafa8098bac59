import { createHash } from 'node:crypto';
import { hasCodeShape } from './record';

/**
 * The short code printed beside the numbers («Mã tra cứu: 7K3M-Q9XD»), for someone who holds the paper
 * but cannot scan its QR: typed with the certificate's number, it shows the paper is the one in the
 * register. It is derived from the signed code the QR carries (which only the centre's key can make), so
 * every certificate already issued has one and nothing is stored. 40 bits: a guess succeeds once in a
 * trillion, and eight characters are still easy to read out over the phone.
 *
 * Crockford's base 32: no I, L, O or U, so a 1 read as an l or a 0 read as an O still matches.
 */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const LENGTH = 8;
// A label in the hash keeps this code from ever equalling some other digest of the same text.
const DOMAIN = 'TTCT ma tra cuu v1\n';

/** "7K3M-Q9XD" for a signed code, or null for a row without one (a damaged row, a sample sheet). */
export function checkCodeOf(verificationCode: string): string | null {
  if (!hasCodeShape(verificationCode)) return null;
  const digest = createHash('sha256')
    .update(DOMAIN + verificationCode, 'utf8')
    .digest();
  let bits = 0n;
  for (const b of digest.subarray(0, 5)) bits = (bits << 8n) | BigInt(b);
  let out = '';
  for (let i = LENGTH - 1; i >= 0; i--) out += ALPHABET[Number((bits >> BigInt(5 * i)) & 31n)];
  return `${out.slice(0, 4)}-${out.slice(4)}`;
}

/**
 * What the clerk typed, as the printed form: any case, spaces or dashes anywhere, O for 0 and I or L
 * for 1 (Crockford's reading rules). Null when it cannot be a code: wrong length or a letter never used.
 */
export function readCheckCode(typed: string): string | null {
  const compact = typed
    .normalize('NFKC')
    .toUpperCase()
    .replace(/[\s\-‐-―_.]/gu, '')
    .replace(/O/g, '0')
    .replace(/[IL]/g, '1');
  if (compact.length !== LENGTH || [...compact].some((c) => !ALPHABET.includes(c))) return null;
  return `${compact.slice(0, 4)}-${compact.slice(4)}`;
}
