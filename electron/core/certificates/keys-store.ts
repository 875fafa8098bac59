import type { Database } from 'better-sqlite3-multiple-ciphers';
import { cachedStatement } from '../db/statements';

/** The centre's own signing keys and the other centres' public keys it trusts. */

export interface KeyRow {
  key_id: string;
  public_pem: string;
  private_pem: string;
}

export function activeKeyRow(db: Database): KeyRow | undefined {
  return cachedStatement<[], KeyRow>(
    db,
    'SELECT key_id, public_pem, private_pem FROM certificate_keys WHERE retired_at IS NULL ORDER BY id DESC LIMIT 1',
  ).get();
}

export function insertKey(db: Database, key: { keyId: string; publicKeyPem: string; privateKeyPem: string }, now: string): void {
  cachedStatement(db, 'INSERT INTO certificate_keys (key_id, public_pem, private_pem, created_at) VALUES (?, ?, ?, ?)').run(
    key.keyId,
    key.publicKeyPem,
    key.privateKeyPem,
    now,
  );
}

/** Every key the centre ever signed with: a retired one still verifies what it signed. */
export function ownPublicKeys(db: Database): string[] {
  return cachedStatement<[], { public_pem: string }>(db, 'SELECT public_pem FROM certificate_keys')
    .all()
    .map((k) => k.public_pem);
}

export function isOwnKey(db: Database, keyId: string): boolean {
  return cachedStatement<[string]>(db, 'SELECT 1 FROM certificate_keys WHERE key_id = ?').get(keyId) !== undefined;
}

export interface TrustedKeyRow {
  id: number;
  key_id: string;
  issuer: string;
  public_pem: string;
  added_at: string;
}

export function trustedKeyRows(db: Database): TrustedKeyRow[] {
  return cachedStatement<[], TrustedKeyRow>(db, 'SELECT * FROM trusted_keys ORDER BY issuer, id').all();
}

export function trustedKeyRow(db: Database, id: number): TrustedKeyRow | undefined {
  return cachedStatement<[number], TrustedKeyRow>(db, 'SELECT * FROM trusted_keys WHERE id = ?').get(id);
}

export function trustedKeyIssuer(db: Database, keyId: string): string | null {
  return cachedStatement<[string], { issuer: string }>(db, 'SELECT issuer FROM trusted_keys WHERE key_id = ?').get(keyId)?.issuer ?? null;
}

export function insertTrustedKey(db: Database, key: { keyId: string; issuer: string; publicKeyPem: string }, now: string): number {
  const info = cachedStatement(db, 'INSERT INTO trusted_keys (key_id, issuer, public_pem, added_at) VALUES (?, ?, ?, ?)').run(
    key.keyId,
    key.issuer,
    key.publicKeyPem,
    now,
  );
  return Number(info.lastInsertRowid);
}

export function deleteTrustedKey(db: Database, id: number): void {
  cachedStatement(db, 'DELETE FROM trusted_keys WHERE id = ?').run(id);
}
