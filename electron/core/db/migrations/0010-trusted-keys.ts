import type { Migration } from './index';

/** Other centres' public keys, imported so their certificates can be verified here. */
export const m0010_trusted_keys: Migration = {
  version: 10,
  name: 'public keys of other centres',
  up(db) {
    db.exec(`
      CREATE TABLE trusted_keys (
        id INTEGER PRIMARY KEY,
        key_id TEXT NOT NULL UNIQUE,
        issuer TEXT NOT NULL,
        public_pem TEXT NOT NULL,
        added_at TEXT NOT NULL
      ) STRICT;
    `);
  },
};
