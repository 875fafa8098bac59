import type { certificatesChannels } from '../../../shared/contract/certificates';
import type { AppCore } from '../app-core';
import { audit } from '../audit';
import { readPublicKeyFile } from '../certificates/signing';
import { AppError } from '../errors';
import type { Handlers } from '../handler';

type Channels = typeof certificatesChannels;

interface Row {
  id: number;
  key_id: string;
  issuer: string;
  public_pem: string;
  added_at: string;
}

const toKey = (r: Row) => ({ id: r.id, keyId: r.key_id, issuer: r.issuer, addedAt: r.added_at });

/** keyId → the other centre's name and key, for verification. */
export function trustedKeys(ctx: AppCore): Map<string, { issuer: string; publicKeyPem: string }> {
  const rows = ctx.db.prepare('SELECT * FROM trusted_keys').all() as Row[];
  return new Map(rows.map((r) => [r.key_id, { issuer: r.issuer, publicKeyPem: r.public_pem }]));
}

export const trustedKeysHandlers: Handlers<
  Pick<Channels, 'certificates.trustedKeys' | 'certificates.addTrustedKey' | 'certificates.removeTrustedKey'>
> = {
  'certificates.trustedKeys': (ctx) => (ctx.db.prepare('SELECT * FROM trusted_keys ORDER BY issuer, id').all() as Row[]).map(toKey),
  'certificates.addTrustedKey': (ctx, input) => {
    const file = readPublicKeyFile(input.fileText);
    if (!file.ok) throw new AppError('BAD_KEY_FILE', file.message, { fileText: file.message });
    return ctx.db.transaction(() => {
      if (ctx.db.prepare('SELECT 1 FROM certificate_keys WHERE key_id = ?').get(file.keyId)) {
        throw new AppError('OWN_KEY', 'Đây là khóa công khai của chính trung tâm này; giấy của trung tâm đã được kiểm tra bằng khóa này.', {
          fileText: 'Khóa của chính trung tâm này',
        });
      }
      const existing = ctx.db.prepare('SELECT issuer FROM trusted_keys WHERE key_id = ?').get(file.keyId) as { issuer: string } | undefined;
      if (existing)
        throw new AppError('DUPLICATE', `Khóa này đã được nhập (của ${existing.issuer}).`, { fileText: `Đã nhập, của ${existing.issuer}` });
      const info = ctx.db
        .prepare('INSERT INTO trusted_keys (key_id, issuer, public_pem, added_at) VALUES (?, ?, ?, ?)')
        .run(file.keyId, input.issuer, file.publicKeyPem, ctx.now().toISOString());
      const row = ctx.db.prepare('SELECT * FROM trusted_keys WHERE id = ?').get(info.lastInsertRowid) as Row;
      audit(ctx, { action: 'create', entity: 'trusted_key', entityId: row.id, after: { keyId: row.key_id, issuer: row.issuer } });
      return toKey(row);
    })();
  },
  'certificates.removeTrustedKey': (ctx, input) => {
    ctx.db.transaction(() => {
      const row = ctx.db.prepare('SELECT * FROM trusted_keys WHERE id = ?').get(input.id) as Row | undefined;
      if (!row) throw new AppError('NOT_FOUND', 'Không tìm thấy khóa.');
      ctx.db.prepare('DELETE FROM trusted_keys WHERE id = ?').run(input.id);
      audit(ctx, { action: 'delete', entity: 'trusted_key', entityId: row.id, before: { keyId: row.key_id, issuer: row.issuer } });
    })();
    return {};
  },
};
