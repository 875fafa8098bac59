import type { Migration } from './index';

/**
 * Resolution-study participation: the members of each base Party organisation per year (the
 * denominator the clerk keeps), the study sessions, and the counts a base organisation reports for a
 * session («có mặt 35/37») when no list is kept. Sessions linked to a class read that list instead.
 */
export const m0016_study_sessions: Migration = {
  version: 16,
  name: 'resolution-study sessions',
  up(db) {
    db.exec(`
      CREATE TABLE study_members (
        unit_id INTEGER NOT NULL REFERENCES units (id),
        year INTEGER NOT NULL,
        members INTEGER NOT NULL CHECK (members >= 0),
        updated_at TEXT NOT NULL,
        PRIMARY KEY (unit_id, year)
      ) STRICT;
      CREATE TABLE study_sessions (
        id INTEGER PRIMARY KEY,
        title TEXT NOT NULL,
        date TEXT NOT NULL,
        form TEXT NOT NULL CHECK (form IN ('in_person', 'online')),
        sites INTEGER CHECK (sites IS NULL OR sites > 0),
        class_id INTEGER REFERENCES classes (id),
        note TEXT NOT NULL,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX study_sessions_date ON study_sessions (date);
      -- Expected empty: the organisation's members of the session's year stand for it.
      CREATE TABLE study_counts (
        session_id INTEGER NOT NULL REFERENCES study_sessions (id),
        unit_id INTEGER NOT NULL REFERENCES units (id),
        present INTEGER NOT NULL CHECK (present >= 0),
        expected INTEGER CHECK (expected IS NULL OR expected >= present),
        PRIMARY KEY (session_id, unit_id)
      ) STRICT;
    `);
  },
};
