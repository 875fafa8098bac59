import type { Migration } from './index';

/**
 * Reports: each enrolment's recognised outcome stored with it (set when results are recognised and
 * on every later correction), per-class figures cached and dropped by triggers when anything they
 * count changes, the learners of a closed year frozen as they were, and other centres' yearly
 * summaries imported for a roll-up.
 */
export const m0011_reports: Migration = {
  version: 11,
  name: 'reports, year-end close and roll-up',
  up(db) {
    db.exec(`
      ALTER TABLE enrollments ADD COLUMN outcome TEXT CHECK (outcome IN ('completed', 'not_completed'));
      ALTER TABLE enrollments ADD COLUMN classification TEXT;
      ALTER TABLE year_closures ADD COLUMN figures_json TEXT;
      ALTER TABLE year_closures ADD COLUMN period_json TEXT;

      -- Who studied in a closed year, as they were when it closed: later edits of a person's record
      -- (or merges) leave that year's composition as reported.
      CREATE TABLE closed_year_learners (
        enrollment_id INTEGER PRIMARY KEY REFERENCES enrollments (id),
        year INTEGER NOT NULL,
        person_id INTEGER NOT NULL,
        sex TEXT,
        minority INTEGER NOT NULL CHECK (minority IN (0, 1)),
        party_status TEXT,
        birth_year INTEGER,
        commune_code TEXT,
        base_unit_id INTEGER
      ) STRICT;
      CREATE INDEX closed_year_learners_year ON closed_year_learners (year);

      -- A class's counts (JSON) and its learners' ids (packed 32-bit), summed by the reports.
      CREATE TABLE class_figures (
        class_id INTEGER PRIMARY KEY REFERENCES classes (id),
        figures_json TEXT NOT NULL,
        person_ids BLOB NOT NULL
      ) STRICT;

      CREATE TRIGGER class_figures_enrol AFTER INSERT ON enrollments BEGIN
        DELETE FROM class_figures WHERE class_id = NEW.class_id;
      END;
      CREATE TRIGGER class_figures_enrolment AFTER UPDATE ON enrollments BEGIN
        DELETE FROM class_figures WHERE class_id IN (OLD.class_id, NEW.class_id);
      END;
      CREATE TRIGGER class_figures_unenrol AFTER DELETE ON enrollments BEGIN
        DELETE FROM class_figures WHERE class_id = OLD.class_id;
      END;
      CREATE TRIGGER class_figures_person AFTER UPDATE OF sex, ethnicity_code, party_status, birth_year, commune_code, unit_id ON people BEGIN
        DELETE FROM class_figures WHERE class_id IN (SELECT class_id FROM enrollments WHERE person_id = NEW.id);
      END;
      CREATE TRIGGER class_figures_class AFTER UPDATE OF program_id, year, start_date, status ON classes BEGIN
        DELETE FROM class_figures WHERE class_id = NEW.id;
      END;
      CREATE TRIGGER class_figures_certificate AFTER INSERT ON certificates BEGIN
        DELETE FROM class_figures WHERE class_id = NEW.class_id;
      END;
      CREATE TRIGGER class_figures_certificate_status AFTER UPDATE OF status ON certificates BEGIN
        DELETE FROM class_figures WHERE class_id = NEW.class_id;
      END;

      -- Yearly summaries of other centres (roll-up at the superior body); one per centre and year.
      CREATE TABLE rollup_imports (
        id INTEGER PRIMARY KEY,
        centre_key_id TEXT NOT NULL,
        centre_name TEXT NOT NULL,
        year INTEGER NOT NULL,
        exported_at TEXT NOT NULL,
        summary_json TEXT NOT NULL,
        imported_at TEXT NOT NULL,
        UNIQUE (centre_key_id, year)
      ) STRICT;
    `);
  },
};
