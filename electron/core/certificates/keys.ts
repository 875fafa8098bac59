/** The centre's certificate signing key, as stored in its database. */
import type { AppCore } from '../app-core';
import { audit } from '../audit';
import { AppError } from '../errors';
import { generateCentreKeys } from './signing';

/**
 * The centre's signing key. It is made when the database is opened (ensureSigningKey), never by a
 * read: a query runs read-only.
 */
export function activeKey(ctx: AppCore): { keyId: string; publicKeyPem: string; privateKeyPem: string } {
  const row = ctx.db
    .prepare('SELECT key_id, public_pem, private_pem FROM certificate_keys WHERE retired_at IS NULL ORDER BY id DESC LIMIT 1')
    .get() as { key_id: string; public_pem: string; private_pem: string } | undefined;
  if (!row) throw new AppError('NO_KEY', 'Chưa có khóa ký giấy chứng nhận của trung tâm. Hãy đóng rồi mở lại phần mềm để khóa được tạo.');
  return { keyId: row.key_id, publicKeyPem: row.public_pem, privateKeyPem: row.private_pem };
}

/** Gives a database without a signing key its first one; called once the database is open. */
export function ensureSigningKey(ctx: AppCore): void {
  ctx.db
    .transaction(() => {
      if (ctx.db.prepare('SELECT 1 FROM certificate_keys WHERE retired_at IS NULL LIMIT 1').get()) return;
      const keys = generateCentreKeys();
      ctx.db
        .prepare('INSERT INTO certificate_keys (key_id, public_pem, private_pem, created_at) VALUES (?, ?, ?, ?)')
        .run(keys.keyId, keys.publicKeyPem, keys.privateKeyPem, ctx.now().toISOString());
      audit(ctx, { action: 'create', entity: 'certificate_key', entityId: keys.keyId });
    })
    .immediate();
}
