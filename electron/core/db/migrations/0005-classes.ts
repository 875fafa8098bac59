import type { Migration } from './index';

export const m0005_classes: Migration = {
  version: 5,
  name: 'plans, classes, lecturers, timetables',
  up(db) {
    db.exec(`
      -- Undo of a merge compares each field with the merged result, so edits made since are kept.
      ALTER TABLE person_merges ADD COLUMN kept_after_json TEXT;
      -- Version 4 kept Party card numbers as typed; they are compared without spaces or dots.
      UPDATE people SET party_card = NULLIF(replace(replace(party_card, ' ', ''), '.', ''), '') WHERE party_card IS NOT NULL;

      CREATE TABLE lecturers (
        id INTEGER PRIMARY KEY,
        family_and_middle TEXT NOT NULL,
        given TEXT NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('chuyen_trach', 'kiem_nhiem', 'bao_cao_vien')),
        role TEXT NOT NULL CHECK (role IN ('giam_doc', 'pho_giam_doc', 'giang_vien', 'giang_vien_van_phong', 'khac')),
        unit TEXT NOT NULL,
        position TEXT NOT NULL,
        phone TEXT NOT NULL,
        -- Yearly teaching norm in standard hours, and the lecturing part of it (QĐ 1853-QĐ/BTGTW, configurable).
        norm_hours INTEGER,
        lecturing_hours INTEGER,
        archived_at TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;

      CREATE TABLE venues (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL,
        name_key TEXT NOT NULL,
        address TEXT NOT NULL,
        commune_code TEXT,
        capacity INTEGER,
        archived_at TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;

      -- A year's plan: per program, classes and learners planned by quarter and place.
      CREATE TABLE plan_lines (
        id INTEGER PRIMARY KEY,
        year INTEGER NOT NULL,
        program_id INTEGER NOT NULL REFERENCES programs (id),
        quarter INTEGER CHECK (quarter BETWEEN 1 AND 4),
        commune_code TEXT,
        place TEXT NOT NULL,
        planned_classes INTEGER NOT NULL CHECK (planned_classes >= 0),
        planned_learners INTEGER NOT NULL CHECK (planned_learners >= 0),
        notes TEXT NOT NULL,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX plan_lines_year ON plan_lines (year, program_id);

      -- A closed year's figures change only with a reason (the year-end close itself comes with the reports).
      CREATE TABLE year_closures (
        year INTEGER PRIMARY KEY,
        closed_at TEXT NOT NULL,
        actor TEXT NOT NULL
      ) STRICT;

      -- Numbered documents (decisions…): a number is used once per document type within a Party term.
      CREATE TABLE documents (
        id INTEGER PRIMARY KEY,
        type TEXT NOT NULL,
        term_start INTEGER NOT NULL,
        number INTEGER NOT NULL CHECK (number > 0),
        date TEXT NOT NULL,
        subject TEXT NOT NULL,
        class_id INTEGER,
        created_at TEXT NOT NULL,
        UNIQUE (type, term_start, number)
      ) STRICT;

      CREATE TABLE classes (
        id INTEGER PRIMARY KEY,
        program_id INTEGER NOT NULL REFERENCES programs (id),
        plan_line_id INTEGER REFERENCES plan_lines (id),
        year INTEGER NOT NULL,
        cohort_number INTEGER NOT NULL CHECK (cohort_number > 0),
        cohort_numbering TEXT NOT NULL CHECK (cohort_numbering IN ('per_year', 'continuous')),
        name TEXT NOT NULL,
        start_date TEXT NOT NULL,
        end_date TEXT NOT NULL,
        venue_id INTEGER REFERENCES venues (id),
        form TEXT NOT NULL CHECK (form IN ('full_time', 'weekend', 'online')),
        homeroom_lecturer_id INTEGER REFERENCES lecturers (id),
        status TEXT NOT NULL CHECK (status IN ('planned', 'opened', 'running', 'finished', 'results_recognised', 'certificates_issued', 'cancelled')),
        cancel_reason TEXT,
        opening_decision_id INTEGER REFERENCES documents (id),
        -- The Party header valid on the class's date, frozen with it (a 2014 class keeps its district-era header).
        issuing_body_json TEXT NOT NULL,
        capacity INTEGER,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        CHECK (end_date >= start_date)
      ) STRICT;
      CREATE INDEX classes_year ON classes (year, program_id);
      CREATE INDEX classes_plan ON classes (plan_line_id);

      -- Online classes: the connected sites, each with its own place and contact.
      CREATE TABLE class_sites (
        id INTEGER PRIMARY KEY,
        class_id INTEGER NOT NULL REFERENCES classes (id),
        position INTEGER NOT NULL,
        place TEXT NOT NULL,
        contact TEXT NOT NULL
      ) STRICT;

      -- One half-day session (buổi) of a class.
      CREATE TABLE sessions (
        id INTEGER PRIMARY KEY,
        class_id INTEGER NOT NULL REFERENCES classes (id),
        date TEXT NOT NULL,
        half TEXT NOT NULL CHECK (half IN ('sang', 'chieu')),
        topic_id INTEGER REFERENCES program_topics (id),
        title TEXT NOT NULL,
        lecturer_id INTEGER REFERENCES lecturers (id),
        venue_id INTEGER REFERENCES venues (id),
        periods INTEGER NOT NULL CHECK (periods BETWEEN 1 AND 6),
        position INTEGER NOT NULL
      ) STRICT;
      CREATE INDEX sessions_class ON sessions (class_id, date, half);
      CREATE INDEX sessions_lecturer ON sessions (lecturer_id, date, half);
      CREATE INDEX sessions_venue ON sessions (venue_id, date, half);
      CREATE INDEX sessions_date ON sessions (date, half);

      -- Each year's announced days off and swapped working days, on top of the Labour Code's holidays.
      CREATE TABLE calendar_adjustments (
        id INTEGER PRIMARY KEY,
        date TEXT NOT NULL UNIQUE,
        kind TEXT NOT NULL CHECK (kind IN ('day_off', 'working_day', 'not_holiday')),
        name TEXT NOT NULL,
        created_at TEXT NOT NULL
      ) STRICT;
    `);
  },
};
