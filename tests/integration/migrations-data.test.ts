import path from 'node:path';
import type { Database } from 'better-sqlite3-multiple-ciphers';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../electron/core/db/open';
import { MIGRATIONS } from '../../electron/core/db/migrations';
import { tempDir } from './helpers';

/**
 * The migrations that rewrite rows, each run on a database built to the version before it with rows
 * as that version kept them: what the rows hold afterwards is what the new version reads.
 */

const open: Database[] = [];
afterEach(() => {
  for (const db of open.splice(0)) if (db.open) db.close();
});

/** A database file at `version`, made by the real migrations up to it. */
async function at(file: string, version: number): Promise<Database> {
  const db = await openDatabase(file, {
    key: null,
    backupsDir: path.join(path.dirname(file), 'backups'),
    migrations: MIGRATIONS.slice(0, version),
  });
  open.push(db);
  expect(db.pragma('user_version', { simple: true })).toBe(version);
  return db;
}

/** The file at `from`, given rows by `fill`, then migrated one version on. */
async function migrated(from: number, fill: (db: Database) => void): Promise<Database> {
  const file = path.join(tempDir(), 'ttct.sqlite');
  const old = await at(file, from);
  fill(old);
  old.close();
  return at(file, from + 1);
}

const PERSON = `INSERT INTO people (id, family_and_middle, given, name_key, sort_key, search_text, party_card, merged_into_id, religion,
  home_place, workplace, position, education_level, phone, notes, created_at, updated_at)
  VALUES (?, ?, ?, ?, ?, ?, ?, ?, '', '', '', '', '', '', '', 'x', 'x')`;

describe('migration 0004: search in list order', () => {
  it('takes ID and phone numbers out of the search words and ranks people in list order, merged ones unranked', async () => {
    const db = await migrated(3, (v3) => {
      const insert = v3.prepare(PERSON);
      insert.run(1, 'Nguyễn Văn', 'Bình', 'nguyen van binh', 'binh 2', 'nguyen van binh 001234567890 0912345678 thon 12', null, null);
      insert.run(2, 'Trần Thị', 'An', 'tran thi an', 'an 1', 'tran thi an 12345 1234', null, null);
      insert.run(3, 'Lê', 'An', 'le an', 'an 1', 'le an', null, null);
      insert.run(4, 'Lê', 'Bình', 'le binh', 'binh 1', 'le binh 0987654321', null, 3);
    });
    const rows = db.prepare('SELECT id, search_text, sort_rank FROM people ORDER BY id').all();
    expect(rows).toEqual([
      { id: 1, search_text: 'nguyen van binh thon 12', sort_rank: 3 * 2 ** 24 },
      // Numbers of four digits or fewer are house numbers or years, not IDs: they stay searchable.
      { id: 2, search_text: 'tran thi an 1234', sort_rank: 1 * 2 ** 24 },
      { id: 3, search_text: 'le an', sort_rank: 2 * 2 ** 24 },
      { id: 4, search_text: 'le binh', sort_rank: null },
    ]);
    const found = (q: string): unknown[] =>
      db
        .prepare('SELECT rowid FROM people_fts WHERE people_fts MATCH ? ORDER BY rowid')
        .all(q)
        .map((r) => (r as { rowid: number }).rowid);
    expect(found('an')).toEqual([1 * 2 ** 24, 2 * 2 ** 24]);
    expect(found('binh')).toEqual([3 * 2 ** 24]);
    expect(found('"0912345678"')).toEqual([]);
  });
});

describe('migration 0005: classes', () => {
  it('keeps Party card numbers without spaces or dots, and none where only those were typed', async () => {
    const db = await migrated(4, (v4) => {
      const insert = v4.prepare(PERSON);
      insert.run(1, 'Nguyễn Văn', 'An', 'nguyen van an', 'an 1', 'nguyen van an', '12 345.678', null);
      insert.run(2, 'Trần Thị', 'Bình', 'tran thi binh', 'binh 1', 'tran thi binh', ' . ', null);
      insert.run(3, 'Lê', 'Cúc', 'le cuc', 'cuc 1', 'le cuc', null, null);
      insert.run(4, 'Lê', 'Dũng', 'le dung', 'dung 1', 'le dung', '93.012345', null);
    });
    expect(db.prepare('SELECT id, party_card FROM people ORDER BY id').all()).toEqual([
      { id: 1, party_card: '12345678' },
      { id: 2, party_card: null },
      { id: 3, party_card: null },
      { id: 4, party_card: '93012345' },
    ]);
  });
});

describe('migration 0006: enrollments', () => {
  it('says who the seeded and the centre’s own programs are for', async () => {
    const db = await migrated(5, (v5) => {
      v5.prepare(
        `INSERT INTO programs (code, code_key, name, target_learners, outcome, max_absence_pct, max_retakes, sort_order, created_at, updated_at)
         VALUES ('BDCT', 'bdct', 'Bồi dưỡng chính trị hè', 'Cán bộ, đảng viên', 'certificate', 20, 1, 99, 'x', 'x')`,
      ).run();
    });
    const fit = Object.fromEntries(
      (db.prepare('SELECT code_key, fit_statuses FROM programs').all() as { code_key: string; fit_statuses: string }[]).map((r) => [
        r.code_key,
        JSON.parse(r.fit_statuses) as string[],
      ]),
    );
    expect(fit).toMatchObject({ knd: ['quan_chung'], dvm: ['du_bi'], sc: [], bdct: [] });
    expect(Object.values(fit).filter((f) => f.length > 0)).toHaveLength(2);
  });
});

describe('migration 0012: report figures per year and program', () => {
  const CLASS = `INSERT INTO classes (id, program_id, year, cohort_number, cohort_numbering, name, start_date, end_date, form, status,
    issuing_body_json, created_at, updated_at) VALUES (?, ?, ?, 1, 'per_year', ?, ?, ?, 'full_time', 'finished', '{}', 'x', 'x')`;

  it('drops the old per-class figures (a cache), keeps closed years’ learners, and clears a year’s sums when its classes change', async () => {
    let knd = 0;
    const db = await migrated(11, (v11) => {
      knd = (v11.prepare("SELECT id FROM programs WHERE code_key = 'knd'").get() as { id: number }).id;
      v11.prepare(PERSON).run(1, 'Nguyễn Văn', 'An', 'nguyen van an', 'an 1', 'nguyen van an', null, null);
      v11.prepare(CLASS).run(1, knd, 2024, 'Lớp khóa I năm 2024', '2024-03-04', '2024-03-08');
      v11
        .prepare("INSERT INTO enrollments (id, class_id, person_id, status, created_at, updated_at) VALUES (1, 1, 1, 'enrolled', 'x', 'x')")
        .run();
      v11.prepare("INSERT INTO class_figures (class_id, figures_json, person_ids) VALUES (1, '{\"learners\":1}', x'01000000')").run();
      v11
        .prepare(
          "INSERT INTO closed_year_learners (enrollment_id, year, person_id, sex, minority, party_status, birth_year, base_unit_id) VALUES (1, 2024, 1, 'nam', 0, 'du_bi', 1990, NULL)",
        )
        .run();
    });
    expect(db.prepare('SELECT COUNT(*) AS n FROM class_figures').get()).toEqual({ n: 0 });
    expect(db.prepare('SELECT enrollment_id, year, person_id, party_status, base_unit_name FROM closed_year_learners').all()).toEqual([
      { enrollment_id: 1, year: 2024, person_id: 1, party_status: 'du_bi', base_unit_name: null },
    ]);

    const sums = (): unknown[] => db.prepare('SELECT year, program_id FROM year_figures ORDER BY year').all();
    const addSums = (year: number): void => {
      db.prepare("INSERT INTO year_figures (year, program_id, classes, figures_json, person_ids) VALUES (?, ?, 1, '{}', x'')").run(
        year,
        knd,
      );
    };
    db.prepare("INSERT INTO class_figures (class_id, year, program_id, figures_json, person_ids) VALUES (1, 2024, ?, '{}', x'')").run(knd);
    addSums(2024);
    addSums(2025);
    // A new class in 2025 changes that year's sums only.
    db.prepare(CLASS).run(2, knd, 2025, 'Lớp khóa I năm 2025', '2025-03-03', '2025-03-07');
    expect(sums()).toEqual([{ year: 2024, program_id: knd }]);
    // A class's status changed: its own figures and its year's sums go.
    db.prepare("UPDATE classes SET status = 'results_recognised' WHERE id = 1").run();
    expect(db.prepare('SELECT COUNT(*) AS n FROM class_figures').get()).toEqual({ n: 0 });
    expect(sums()).toEqual([]);
    // Moved to another year: the sums of both years go.
    addSums(2024);
    addSums(2025);
    db.prepare("UPDATE classes SET start_date = '2025-03-04', end_date = '2025-03-08', year = 2025 WHERE id = 1").run();
    expect(sums()).toEqual([]);
  });
});
