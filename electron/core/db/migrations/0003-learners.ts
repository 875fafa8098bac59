import type { Migration } from './index';

export const m0003_learners: Migration = {
  version: 3,
  name: 'learners registry',
  up(db) {
    db.exec(`
      -- Party cells (chi bộ) and base Party organisations (tổ chức cơ sở đảng). Renames keep every
      -- earlier name in unit_names; a merged unit points at the one it joined and is archived.
      CREATE TABLE units (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL,
        name_key TEXT NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('base', 'cell')),
        parent_id INTEGER REFERENCES units (id),
        commune_code TEXT,
        merged_into_id INTEGER REFERENCES units (id),
        archived_at TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX units_name_key ON units (name_key);

      CREATE TABLE unit_names (
        id INTEGER PRIMARY KEY,
        unit_id INTEGER NOT NULL REFERENCES units (id),
        name TEXT NOT NULL,
        name_key TEXT NOT NULL,
        valid_to TEXT NOT NULL
      ) STRICT;
      CREATE INDEX unit_names_key ON unit_names (name_key);

      CREATE TABLE people (
        id INTEGER PRIMARY KEY,
        family_and_middle TEXT NOT NULL,
        given TEXT NOT NULL,
        name_key TEXT NOT NULL,
        sort_key TEXT NOT NULL,
        search_text TEXT NOT NULL,
        sex TEXT CHECK (sex IN ('nam', 'nu')),
        birth_date TEXT,
        birth_year INTEGER,
        ethnicity_code TEXT,
        religion TEXT NOT NULL,
        home_place TEXT NOT NULL,
        commune_code TEXT,
        workplace TEXT NOT NULL,
        position TEXT NOT NULL,
        party_status TEXT CHECK (party_status IN ('quan_chung', 'du_bi', 'chinh_thuc')),
        admission_date TEXT,
        confirmation_date TEXT,
        unit_id INTEGER REFERENCES units (id),
        education_level TEXT NOT NULL,
        theory_level TEXT CHECK (theory_level IN ('none', 'so_cap', 'trung_cap', 'cao_cap', 'cu_nhan')),
        citizen_id TEXT,
        party_card TEXT,
        phone TEXT NOT NULL,
        notes TEXT NOT NULL,
        merged_into_id INTEGER REFERENCES people (id),
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;
      -- Lists page through people in Vietnamese order with this index (keyset on sort_key, id).
      CREATE INDEX people_sort ON people (sort_key, id) WHERE merged_into_id IS NULL;
      -- Duplicate checks look only at people still in the registry: partial indexes cover those queries.
      CREATE INDEX people_name_birth ON people (name_key, birth_date) WHERE merged_into_id IS NULL;
      CREATE INDEX people_name_year_unit ON people (name_key, birth_year, unit_id) WHERE merged_into_id IS NULL;
      CREATE INDEX people_citizen ON people (citizen_id) WHERE citizen_id IS NOT NULL AND merged_into_id IS NULL;
      CREATE INDEX people_unit ON people (unit_id);
      CREATE INDEX people_merged ON people (merged_into_id) WHERE merged_into_id IS NOT NULL;

      -- search_text is already folded (no marks, đ → d), so the tokenizer does no folding of its own.
      CREATE VIRTUAL TABLE people_fts USING fts5 (
        search_text, content = 'people', content_rowid = 'id',
        tokenize = 'unicode61 remove_diacritics 0', prefix = '1 2 3'
      );
      CREATE TRIGGER people_fts_insert AFTER INSERT ON people BEGIN
        INSERT INTO people_fts (rowid, search_text) VALUES (new.id, new.search_text);
      END;
      CREATE TRIGGER people_fts_delete AFTER DELETE ON people BEGIN
        INSERT INTO people_fts (people_fts, rowid, search_text) VALUES ('delete', old.id, old.search_text);
      END;
      CREATE TRIGGER people_fts_update AFTER UPDATE OF search_text ON people BEGIN
        INSERT INTO people_fts (people_fts, rowid, search_text) VALUES ('delete', old.id, old.search_text);
        INSERT INTO people_fts (rowid, search_text) VALUES (new.id, new.search_text);
      END;

      -- A merge keeps the removed record (merged_into_id) and what it changed, so it can be undone.
      CREATE TABLE person_merges (
        id INTEGER PRIMARY KEY,
        kept_id INTEGER NOT NULL REFERENCES people (id),
        removed_id INTEGER NOT NULL REFERENCES people (id),
        kept_before_json TEXT NOT NULL,
        moved_json TEXT NOT NULL,
        at TEXT NOT NULL,
        actor TEXT NOT NULL,
        undone_at TEXT
      ) STRICT;

      -- Pairs the clerk has looked at and declared different people.
      CREATE TABLE duplicate_dismissals (
        low_id INTEGER NOT NULL REFERENCES people (id),
        high_id INTEGER NOT NULL REFERENCES people (id),
        at TEXT NOT NULL,
        actor TEXT NOT NULL,
        PRIMARY KEY (low_id, high_id)
      ) STRICT;
    `);
  },
};
