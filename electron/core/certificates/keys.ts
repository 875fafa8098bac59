/** The centre's certificate signing key, as stored in its database. */
import type { AppCore } from '../app-core';
import { audit } from '../audit-store';
import { AppError } from '../errors';
import { activeKeyRow, insertKey } from './keys-store';
import { generateCentreKeys } from './signing';

/**
 * The centre's signing key. It is made when the database is opened (ensureSigningKey), never by a
 * read: a query runs read-only.
 */
export function activeKey(ctx: AppCore): { keyId: string; publicKeyPem: string; privateKeyPem: string } {
  const row = activeKeyRow(ctx.db);
  if (!row) throw new AppError('NO_KEY', 'Chưa có khóa ký giấy chứng nhận của trung tâm. Hãy đóng rồi mở lại phần mềm để khóa được tạo.');
  return { keyId: row.key_id, publicKeyPem: row.public_pem, privateKeyPem: row.private_pem };
}

/** Gives a database without a signing key its first one; called once the database is open. */
export function ensureSigningKey(ctx: AppCore): void {
  ctx.db
    .transaction(() => {
      if (activeKeyRow(ctx.db)) return;
      const keys = generateCentreKeys();
      insertKey(ctx.db, keys, ctx.now().toISOString());
      audit(ctx, { action: 'create', entity: 'certificate_key', entityId: keys.keyId });
    })
    .immediate();
}
