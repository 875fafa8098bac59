import type { Migration } from './index';

/**
 * Reports over whole years read per-year, per-program sums instead of every class: class_figures
 * (a cache, so it is simply rebuilt) learns its class's year and program, whose year_figures row is
 * dropped with it.
 */
export const m0012_year_figures: Migration = {
  version: 12,
  name: 'report figures per year and program',
  up(db) {
    db.exec(`
      -- A closed year keeps the name its base organisation had, so later merges and renames of units
      -- do not move that year's learners between rows.
      ALTER TABLE closed_year_learners ADD COLUMN base_unit_name TEXT;
      DROP TABLE class_figures;
      CREATE TABLE class_figures (
        class_id INTEGER PRIMARY KEY REFERENCES classes (id),
        year INTEGER NOT NULL,
        program_id INTEGER NOT NULL,
        figures_json TEXT NOT NULL,
        person_ids BLOB NOT NULL
      ) STRICT;
      CREATE TABLE year_figures (
        year INTEGER NOT NULL,
        program_id INTEGER NOT NULL,
        classes INTEGER NOT NULL,
        figures_json TEXT NOT NULL,
        person_ids BLOB NOT NULL,
        PRIMARY KEY (year, program_id)
      ) STRICT;
      CREATE TRIGGER year_figures_class_figures AFTER DELETE ON class_figures BEGIN
        DELETE FROM year_figures WHERE year = OLD.year AND program_id = OLD.program_id;
      END;
      CREATE TRIGGER year_figures_new_class AFTER INSERT ON classes BEGIN
        DELETE FROM year_figures WHERE year = CAST(substr(NEW.start_date, 1, 4) AS INTEGER) AND program_id = NEW.program_id;
      END;
      DROP TRIGGER class_figures_class;
      CREATE TRIGGER class_figures_class AFTER UPDATE OF program_id, year, start_date, status ON classes BEGIN
        DELETE FROM class_figures WHERE class_id = NEW.id;
        DELETE FROM year_figures WHERE (year = CAST(substr(OLD.start_date, 1, 4) AS INTEGER) AND program_id = OLD.program_id)
          OR (year = CAST(substr(NEW.start_date, 1, 4) AS INTEGER) AND program_id = NEW.program_id);
      END;
    `);
  },
};
