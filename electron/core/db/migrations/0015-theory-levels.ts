import { foldText } from '../../../../shared/domain/text';
import type { Migration } from './index';

/**
 * Political-theory levels (issue 15). A person's level is a history: what their record declared
 * (people.theory_level), Sơ cấp completed at the centre (derived from recognised results, never
 * copied, so a corrected result moves the level back), diplomas from elsewhere and graduations from
 * the provincial school. Targets and position groups are what the Party committee measures against.
 */

// Typical groups a committee's resolution names; the clerk edits them. Titles are matched at the start
// of each comma-separated part of a person's position, ignoring diacritics, so both the short and the
// spelled-out forms are listed.
const SEED_GROUPS: [string, string[]][] = [
  [
    'Cán bộ chủ chốt cấp xã',
    [
      'Bí thư Đảng ủy',
      'Phó Bí thư Đảng ủy',
      'Phó Bí thư Thường trực Đảng ủy',
      'Chủ tịch HĐND',
      'Chủ tịch Hội đồng nhân dân',
      'Phó Chủ tịch HĐND',
      'Phó Chủ tịch Hội đồng nhân dân',
      'Chủ tịch UBND',
      'Chủ tịch Ủy ban nhân dân',
      'Phó Chủ tịch UBND',
      'Phó Chủ tịch Ủy ban nhân dân',
      'Chủ tịch UBMTTQ',
      'Chủ tịch Ủy ban MTTQ',
      'Chủ tịch Ủy ban Mặt trận Tổ quốc',
    ],
  ],
  ['Bí thư chi bộ', ['Bí thư chi bộ']],
];

export const m0015_theory_levels: Migration = {
  version: 15,
  name: 'political-theory levels',
  up(db) {
    db.exec(`
      -- The day the level on the person's record was last set or changed (NULL: a record from before, or
      -- sample data: counted in every year's report); a dated step in the as-of computation.
      ALTER TABLE people ADD COLUMN theory_level_since TEXT;
      CREATE INDEX people_dated_level ON people (id) WHERE theory_level_since IS NOT NULL;
      -- Whom a level report reads (store.ts scopePeople): members, and others with a position.
      CREATE INDEX people_members ON people (id) WHERE merged_into_id IS NULL AND party_status IN ('du_bi', 'chinh_thuc');
      CREATE INDEX people_with_position ON people (id)
        WHERE merged_into_id IS NULL AND position <> '' AND (party_status IS NULL OR party_status NOT IN ('du_bi', 'chinh_thuc'));
      ALTER TABLE programs ADD COLUMN grants_level TEXT CHECK (grants_level IS NULL OR grants_level IN ('so_cap', 'trung_cap', 'cao_cap', 'cu_nhan'));
      CREATE TABLE theory_diplomas (
        id INTEGER PRIMARY KEY,
        person_id INTEGER NOT NULL REFERENCES people (id),
        level TEXT NOT NULL CHECK (level IN ('so_cap', 'trung_cap', 'cao_cap', 'cu_nhan')),
        -- "tương đương": a degree that counts as this level (e.g. a university degree in political theory).
        equivalent INTEGER NOT NULL CHECK (equivalent IN (0, 1)),
        school TEXT NOT NULL,
        year INTEGER NOT NULL,
        number TEXT NOT NULL,
        issue_date TEXT,
        note TEXT NOT NULL,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX theory_diplomas_person ON theory_diplomas (person_id);
      CREATE TABLE theory_nominations (
        id INTEGER PRIMARY KEY,
        year INTEGER NOT NULL,
        level TEXT NOT NULL CHECK (level IN ('trung_cap', 'cao_cap')),
        school TEXT NOT NULL,
        course TEXT NOT NULL,
        decision_number TEXT NOT NULL,
        decision_date TEXT,
        note TEXT NOT NULL,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX theory_nominations_year ON theory_nominations (year);
      CREATE TABLE theory_nominees (
        nomination_id INTEGER NOT NULL REFERENCES theory_nominations (id),
        person_id INTEGER NOT NULL REFERENCES people (id),
        position INTEGER NOT NULL,
        result TEXT NOT NULL CHECK (result IN ('studying', 'graduated', 'not_graduated', 'withdrawn')),
        diploma_number TEXT,
        diploma_date TEXT,
        CHECK (result <> 'graduated' OR (diploma_number IS NOT NULL AND diploma_date IS NOT NULL)),
        PRIMARY KEY (nomination_id, person_id)
      ) STRICT;
      CREATE INDEX theory_nominees_person ON theory_nominees (person_id);
      CREATE TABLE position_groups (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL,
        name_key TEXT NOT NULL UNIQUE,
        titles_json TEXT NOT NULL,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;
      CREATE TABLE theory_targets (
        id INTEGER PRIMARY KEY,
        year INTEGER NOT NULL,
        -- NULL: all Party members (dự bị and chính thức).
        group_id INTEGER REFERENCES position_groups (id),
        -- NULL: every base Party organisation.
        base_unit_id INTEGER REFERENCES units (id),
        min_level TEXT NOT NULL CHECK (min_level IN ('so_cap', 'trung_cap', 'cao_cap', 'cu_nhan')),
        percent INTEGER NOT NULL CHECK (percent BETWEEN 0 AND 100),
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;
      CREATE UNIQUE INDEX theory_targets_unique ON theory_targets (year, coalesce(group_id, 0), coalesce(base_unit_id, 0), min_level);
    `);
    db.prepare("UPDATE programs SET grants_level = 'so_cap' WHERE code_key = ?").run(foldText('SC'));
    const now = new Date().toISOString();
    const insert = db.prepare('INSERT INTO position_groups (name, name_key, titles_json, created_at, updated_at) VALUES (?, ?, ?, ?, ?)');
    for (const [name, titles] of SEED_GROUPS) insert.run(name, foldText(name), JSON.stringify(titles), now, now);
  },
};
