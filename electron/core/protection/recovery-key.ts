/**
 * The recovery key: the one secret the centre keeps on paper. It is 160 random bits written as eight
 * groups of four letters and digits (Crockford's base32: no I, L, O or U to misread), and the
 * database key is derived from it, so the sheet alone opens the database and every backup made under
 * it, on any PC, with nothing else kept beside the file.
 */
import crypto from 'node:crypto';

const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
export const GROUPS = 8;
const GROUP_LENGTH = 4;
const LENGTH = GROUPS * GROUP_LENGTH;

/** What a clerk may type for each letter: lower case, and the letters Crockford reads as digits. */
const READ_AS: Record<string, string> = { I: '1', L: '1', O: '0' };

export function newRecoveryKey(): string {
  const bytes = crypto.randomBytes(LENGTH);
  let out = '';
  for (const b of bytes) out += ALPHABET[b & 31];
  return formatRecoveryKey(out);
}

export function formatRecoveryKey(compact: string): string {
  const groups: string[] = [];
  for (let i = 0; i < compact.length; i += GROUP_LENGTH) groups.push(compact.slice(i, i + GROUP_LENGTH));
  return groups.join('-');
}

/**
 * The key as typed (spaces, dashes, lower case, O for 0) to its canonical form, or null when it
 * cannot be a recovery key (wrong length, a character outside the alphabet).
 */
export function normalizeRecoveryKey(typed: string): string | null {
  let compact = '';
  for (const ch of typed.toUpperCase()) {
    if (ch === '-' || ch === ' ' || ch === '\t' || ch === '\n' || ch === '\r' || ch === '.') continue;
    const c = READ_AS[ch] ?? ch;
    if (!ALPHABET.includes(c)) return null;
    compact += c;
  }
  return compact.length === LENGTH ? formatRecoveryKey(compact) : null;
}

export function recoveryKeyGroups(key: string): string[] {
  return key.split('-');
}

/**
 * The 32-byte database key. The recovery key already carries 160 random bits, so a slow password
 * hash would add nothing; a plain hash keeps every connection open instant (SQLCipher's own
 * derivation costs a quarter of a second per connection).
 */
export function databaseKey(recoveryKey: string): Buffer {
  return crypto.createHash('sha256').update(`ttct-database-key-v1:${recoveryKey}`).digest();
}

/** A short public fingerprint of a database key: tells which key a backup needs without revealing it. */
export function keyId(key: Buffer): string {
  return crypto.createHmac('sha256', key).update('ttct-key-id-v1').digest('hex').slice(0, 16);
}
