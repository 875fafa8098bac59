import type { Migration } from './index';

export const m0006_enrollments: Migration = {
  version: 6,
  name: 'enrollment, attendance, results',
  up(db) {
    db.exec(`
      -- Who the program is for (the new-member course for probationary members, the admission course
      -- for non-members): a warning the clerk can override with a reason. Empty: anyone.
      ALTER TABLE programs ADD COLUMN fit_statuses TEXT NOT NULL DEFAULT '[]';
      UPDATE programs SET fit_statuses = '["quan_chung"]' WHERE code_key = 'knd';
      UPDATE programs SET fit_statuses = '["du_bi"]' WHERE code_key = 'dvm';

      CREATE TABLE enrollments (
        id INTEGER PRIMARY KEY,
        class_id INTEGER NOT NULL REFERENCES classes (id),
        person_id INTEGER NOT NULL REFERENCES people (id),
        status TEXT NOT NULL CHECK (status IN ('enrolled', 'withdrawn')),
        withdraw_reason TEXT,
        fit_override_reason TEXT,
        discipline INTEGER NOT NULL DEFAULT 0 CHECK (discipline IN (0, 1)),
        discipline_note TEXT NOT NULL DEFAULT '',
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        UNIQUE (class_id, person_id)
      ) STRICT;
      CREATE INDEX enrollments_person ON enrollments (person_id);

      CREATE TABLE attendance (
        enrollment_id INTEGER NOT NULL REFERENCES enrollments (id),
        session_id INTEGER NOT NULL REFERENCES sessions (id),
        mark TEXT NOT NULL CHECK (mark IN ('present', 'excused', 'unexcused')),
        PRIMARY KEY (enrollment_id, session_id)
      ) STRICT;
      CREATE INDEX attendance_session ON attendance (session_id);

      -- Scores in tenths per assessed component (by its place in the class's scheme) and attempt.
      CREATE TABLE scores (
        enrollment_id INTEGER NOT NULL REFERENCES enrollments (id),
        component INTEGER NOT NULL,
        attempt INTEGER NOT NULL CHECK (attempt IN (1, 2)),
        tenths INTEGER NOT NULL CHECK (tenths BETWEEN 0 AND 100),
        PRIMARY KEY (enrollment_id, component, attempt)
      ) STRICT;

      -- The assessment scheme is frozen with the class (a program edited later does not change old results).
      ALTER TABLE classes ADD COLUMN scheme_json TEXT;
      ALTER TABLE classes ADD COLUMN results_decision_id INTEGER REFERENCES documents (id);
    `);
  },
};
