import type { Migration } from './index';

export const m0008_certificates: Migration = {
  version: 8,
  name: 'certificates and their register',
  up(db) {
    db.exec(`
      -- The centre's signing keys; a retired key still verifies the certificates it signed.
      CREATE TABLE certificate_keys (
        id INTEGER PRIMARY KEY,
        key_id TEXT NOT NULL UNIQUE,
        public_pem TEXT NOT NULL,
        private_pem TEXT NOT NULL,
        created_at TEXT NOT NULL,
        retired_at TEXT
      ) STRICT;

      -- Rows are never deleted: a voided (reissued, revoked) number stays in the register, so the
      -- sequence is gap-free by construction.
      CREATE TABLE certificates (
        id INTEGER PRIMARY KEY,
        enrollment_id INTEGER NOT NULL REFERENCES enrollments (id),
        person_id INTEGER NOT NULL REFERENCES people (id),
        class_id INTEGER NOT NULL REFERENCES classes (id),
        year INTEGER NOT NULL,
        seq INTEGER NOT NULL CHECK (seq > 0),
        serial TEXT NOT NULL UNIQUE,
        register_no TEXT NOT NULL UNIQUE,
        issue_date TEXT NOT NULL,
        -- What was printed, frozen: later edits to the person or the class do not change it.
        printed_json TEXT NOT NULL,
        verification_code TEXT NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('valid', 'reissued', 'revoked')),
        replaces_id INTEGER REFERENCES certificates (id),
        status_reason TEXT,
        print_count INTEGER NOT NULL DEFAULT 0,
        created_at TEXT NOT NULL,
        actor TEXT NOT NULL,
        UNIQUE (year, seq)
      ) STRICT;
      CREATE UNIQUE INDEX certificates_one_valid ON certificates (enrollment_id) WHERE status = 'valid';
      CREATE INDEX certificates_person ON certificates (person_id);
      CREATE INDEX certificates_class ON certificates (class_id);
    `);
  },
};
