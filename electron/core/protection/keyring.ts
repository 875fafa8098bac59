/**
 * The key file beside the database (`ttct-key.json`): the database key wrapped by the OS for this
 * user, the keys it replaced (local backups made before a new recovery key still restore), and,
 * until the clerk confirms having kept the sheet, the recovery key itself, wrapped the same way, so
 * a start cut off before the confirmation shows the same sheet again. Nothing in it is readable
 * without the OS user's protection, except under the browser host, which keeps keys as they are.
 */
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import type { KeyProtectionPort } from '../ports';
import { fsyncDir, fsyncFile } from '../db/durable';
import { keyId } from './recovery-key';

export const KEYRING_FILE = 'ttct-key.json';

const wrappedSchema = z.object({ id: z.string(), wrapped: z.string() });
const keyringSchema = z.object({
  version: z.literal(1),
  kind: z.enum(['os', 'file']),
  current: wrappedSchema,
  previous: z.array(wrappedSchema.extend({ retiredAt: z.string() })).max(50),
  pending: z.object({ wrapped: z.string(), createdAt: z.string() }).nullable(),
});
type KeyringFile = z.infer<typeof keyringSchema>;

export interface Keys {
  current: Buffer;
  previous: Buffer[];
  /** The recovery key not yet confirmed by the clerk. */
  pending: { recoveryKey: string; createdAt: string } | null;
}

export type KeyringState = { state: 'none' } | { state: 'unreadable'; reason: string } | { state: 'ok'; keys: Keys };

export function keyringPath(dataDir: string): string {
  return path.join(dataDir, KEYRING_FILE);
}

export async function loadKeyring(dataDir: string, port: KeyProtectionPort): Promise<KeyringState> {
  // A save cut off before its rename; under the browser host it would hold keys in plain text.
  fs.rmSync(`${keyringPath(dataDir)}.tmp`, { force: true });
  let text: string;
  try {
    text = fs.readFileSync(keyringPath(dataDir), 'utf8');
  } catch {
    return { state: 'none' };
  }
  let file: KeyringFile;
  try {
    file = keyringSchema.parse(JSON.parse(text));
  } catch {
    return { state: 'unreadable', reason: 'tệp khóa bị hỏng' };
  }
  if (port.kind === null || file.kind !== port.kind) {
    return { state: 'unreadable', reason: 'máy này không giữ được khóa của tài khoản Windows' };
  }
  try {
    const unwrap = async (w: string) => Buffer.from(await port.unprotect(Buffer.from(w, 'base64')), 'hex');
    const current = await unwrap(file.current.wrapped);
    if (current.length !== 32 || keyId(current) !== file.current.id) throw new Error('key mismatch');
    const previous: Buffer[] = [];
    for (const p of file.previous) previous.push(await unwrap(p.wrapped));
    const pending = file.pending
      ? { recoveryKey: await port.unprotect(Buffer.from(file.pending.wrapped, 'base64')), createdAt: file.pending.createdAt }
      : null;
    return { state: 'ok', keys: { current, previous, pending } };
  } catch {
    return { state: 'unreadable', reason: 'khóa không mở được bằng tài khoản Windows này (máy khác, cài lại Windows hoặc đổi tài khoản)' };
  }
}

/** Written whole under a temporary name, made durable, then renamed: a kill leaves the old file or the new one. */
export async function saveKeyring(dataDir: string, port: KeyProtectionPort, keys: Keys, now: Date): Promise<void> {
  if (port.kind === null) return;
  const wrap = async (secret: string) => (await port.protect(secret)).toString('base64');
  const file: KeyringFile = {
    version: 1,
    kind: port.kind,
    current: { id: keyId(keys.current), wrapped: await wrap(keys.current.toString('hex')) },
    previous: [],
    pending: keys.pending ? { wrapped: await wrap(keys.pending.recoveryKey), createdAt: keys.pending.createdAt } : null,
  };
  const seen = new Set([file.current.id]);
  for (const p of keys.previous) {
    const id = keyId(p);
    if (seen.has(id)) continue;
    seen.add(id);
    file.previous.push({ id, wrapped: await wrap(p.toString('hex')), retiredAt: now.toISOString() });
  }
  file.previous = file.previous.slice(0, 50);
  const target = keyringPath(dataDir);
  const temp = `${target}.tmp`;
  fs.writeFileSync(temp, JSON.stringify(file, null, 1), { mode: 0o600 });
  fsyncFile(temp);
  fs.renameSync(temp, target);
  fsyncDir(dataDir);
}
