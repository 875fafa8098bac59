import type { Migration } from './index';

export const m0001_initial: Migration = {
  version: 1,
  name: 'initial',
  up(db) {
    db.exec(`
      CREATE TABLE settings (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL
      ) STRICT;

      CREATE TABLE audit_log (
        id INTEGER PRIMARY KEY,
        at TEXT NOT NULL,
        actor TEXT NOT NULL,
        action TEXT NOT NULL,
        entity TEXT NOT NULL,
        entity_id TEXT,
        before_json TEXT,
        after_json TEXT,
        reason TEXT
      ) STRICT;
      CREATE INDEX audit_log_entity ON audit_log (entity, entity_id);

      -- One row per version of the centre's profile; a version holds from valid_from until the next one.
      CREATE TABLE centre_profiles (
        id INTEGER PRIMARY KEY,
        valid_from TEXT NOT NULL UNIQUE,
        name TEXT NOT NULL,
        superior TEXT NOT NULL,
        doc_code TEXT NOT NULL,
        place_name TEXT NOT NULL,
        address TEXT NOT NULL,
        phone TEXT NOT NULL,
        director_json TEXT NOT NULL,
        deputies_json TEXT NOT NULL,
        area_communes_json TEXT NOT NULL,
        area_party_orgs_json TEXT NOT NULL,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;

      CREATE TABLE programs (
        id INTEGER PRIMARY KEY,
        code TEXT NOT NULL,
        code_key TEXT NOT NULL UNIQUE,
        name TEXT NOT NULL,
        target_learners TEXT NOT NULL,
        outcome TEXT NOT NULL CHECK (outcome IN ('certificate', 'diploma', 'external', 'none')),
        validity_months INTEGER CHECK (validity_months IS NULL OR validity_months > 0),
        max_absence_pct INTEGER NOT NULL CHECK (max_absence_pct BETWEEN 0 AND 100),
        max_retakes INTEGER NOT NULL CHECK (max_retakes BETWEEN 0 AND 5),
        typical_days INTEGER,
        sort_order INTEGER NOT NULL,
        archived_at TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;

      CREATE TABLE program_topics (
        id INTEGER PRIMARY KEY,
        program_id INTEGER NOT NULL REFERENCES programs (id),
        position INTEGER NOT NULL,
        title TEXT NOT NULL,
        sessions INTEGER NOT NULL CHECK (sessions > 0),
        UNIQUE (program_id, position)
      ) STRICT;

      CREATE TABLE program_components (
        id INTEGER PRIMARY KEY,
        program_id INTEGER NOT NULL REFERENCES programs (id),
        position INTEGER NOT NULL,
        name TEXT NOT NULL,
        weight INTEGER NOT NULL CHECK (weight BETWEEN 1 AND 100),
        UNIQUE (program_id, position)
      ) STRICT;

      -- Scores in tenths: a band covers min_tenths <= score < max_tenths (the top band includes 100).
      CREATE TABLE program_bands (
        id INTEGER PRIMARY KEY,
        program_id INTEGER NOT NULL REFERENCES programs (id),
        position INTEGER NOT NULL,
        label TEXT NOT NULL,
        min_tenths INTEGER NOT NULL,
        max_tenths INTEGER NOT NULL,
        CHECK (0 <= min_tenths AND min_tenths < max_tenths AND max_tenths <= 100),
        UNIQUE (program_id, position)
      ) STRICT;
    `);
  },
};
