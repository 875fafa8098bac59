import type { Database } from 'better-sqlite3-multiple-ciphers';
import { cachedStatement } from '../db/statements';
import { countedClassSql } from './counted-store';

/**
 * One class's counts, cached in class_figures and summed by the reports. Keys are short because a
 * ten-year report reads tens of thousands of these.
 */
export interface ClassFigures {
  /** Enrolled (not withdrawn). */
  n: number;
  w: number;
  m: number;
  /** chính thức, dự bị, quần chúng, unknown. */
  ps: [number, number, number, number];
  /** Age at the class's start → count; "x" unknown. */
  a: Record<string, number>;
  /** Commune code → count; "" unknown. */
  c: Record<string, number>;
  /** Unit id (a cell or base organisation) → count; "" none; "#id|name" a base organisation frozen by a year-end close. */
  u: Record<string, number>;
  o: number;
  k: Record<string, number>;
  cert: number;
}

const PARTY_INDEX: Record<string, number> = { chinh_thuc: 0, du_bi: 1, quan_chung: 2 };

function bump(map: Record<string, number>, key: string): void {
  map[key] = (map[key] ?? 0) + 1;
}

interface LearnerRow {
  class_id: number;
  start_year: number;
  pid: number;
  sex: string | null;
  minority: number;
  party_status: string | null;
  birth_year: number | null;
  commune_code: string | null;
  unit: number | null;
  frozen: number;
  base_unit_name: string | null;
  outcome: string | null;
  classification: string | null;
  cert: number;
}

// A closed year's learners come from closed_year_learners, as they were at the close; the others live.
const LEARNERS = `
  SELECT e.class_id, CAST(substr(c.start_date, 1, 4) AS INTEGER) AS start_year,
    CASE WHEN f.enrollment_id IS NULL THEN e.person_id ELSE f.person_id END AS pid,
    CASE WHEN f.enrollment_id IS NULL THEN p.sex ELSE f.sex END AS sex,
    CASE WHEN f.enrollment_id IS NULL THEN (p.ethnicity_code IS NOT NULL AND p.ethnicity_code <> '01') ELSE f.minority END AS minority,
    CASE WHEN f.enrollment_id IS NULL THEN p.party_status ELSE f.party_status END AS party_status,
    CASE WHEN f.enrollment_id IS NULL THEN p.birth_year ELSE f.birth_year END AS birth_year,
    CASE WHEN f.enrollment_id IS NULL THEN p.commune_code ELSE f.commune_code END AS commune_code,
    CASE WHEN f.enrollment_id IS NULL THEN p.unit_id ELSE f.base_unit_id END AS unit,
    f.enrollment_id IS NOT NULL AS frozen, f.base_unit_name,
    e.outcome, e.classification,
    EXISTS (SELECT 1 FROM certificates ct WHERE ct.enrollment_id = e.id AND ct.status = 'valid') AS cert
  FROM enrollments e
  JOIN classes c ON c.id = e.class_id
  JOIN people p ON p.id = e.person_id
  LEFT JOIN closed_year_learners f ON f.enrollment_id = e.id
  WHERE e.class_id IN (SELECT value FROM json_each(?)) AND e.status = 'enrolled'`;

export function emptyFigures(): ClassFigures {
  return { n: 0, w: 0, m: 0, ps: [0, 0, 0, 0], a: {}, c: {}, u: {}, o: 0, k: {}, cert: 0 };
}

/** Computes and stores the figures of the classes that have none cached (new, or changed since). */
function fill(db: Database, classIds: number[]): void {
  const figures = new Map<number, ClassFigures>(classIds.map((id) => [id, emptyFigures()]));
  const people = new Map<number, number[]>(classIds.map((id) => [id, []]));
  for (const r of db.prepare(LEARNERS).iterate(JSON.stringify(classIds)) as IterableIterator<LearnerRow>) {
    const f = figures.get(r.class_id)!;
    people.get(r.class_id)!.push(r.pid);
    f.n++;
    if (r.sex === 'nu') f.w++;
    if (r.minority) f.m++;
    f.ps[(PARTY_INDEX[r.party_status ?? ''] ?? 3) as 0 | 1 | 2 | 3] += 1;
    bump(f.a, r.birth_year ? String(r.start_year - r.birth_year) : 'x');
    bump(f.c, r.commune_code ?? '');
    bump(f.u, r.unit === null ? '' : r.frozen ? `#${r.unit}|${r.base_unit_name ?? ''}` : String(r.unit));
    if (r.outcome === 'completed') {
      f.o++;
      if (r.classification) bump(f.k, r.classification);
    }
    if (r.cert) f.cert++;
  }
  const meta = new Map(
    cachedStatement<[string], { id: number; program_id: number; year: number }>(
      db,
      'SELECT id, program_id, CAST(substr(start_date, 1, 4) AS INTEGER) AS year FROM classes WHERE id IN (SELECT value FROM json_each(?))',
    )
      .all(JSON.stringify(classIds))
      .map((m) => [m.id, m]),
  );
  // OR REPLACE: a report and a preparation may both have filled the same class; the figures are equal.
  const insert = cachedStatement(
    db,
    'INSERT OR REPLACE INTO class_figures (class_id, year, program_id, figures_json, person_ids) VALUES (?, ?, ?, ?, ?)',
  );
  for (const [id, f] of figures) {
    const ids = Int32Array.from(people.get(id)!);
    const m = meta.get(id)!;
    insert.run(id, m.year, m.program_id, JSON.stringify(f), packIds(ids));
  }
}

function packIds(ids: Int32Array): Buffer {
  return Buffer.from(ids.buffer, ids.byteOffset, ids.byteLength);
}

function unpackIds(blob: Buffer): Int32Array {
  // Copied into an aligned buffer: a Buffer slice may start at any byte.
  const copy = new Uint8Array(blob);
  return new Int32Array(copy.buffer, 0, copy.byteLength / 4);
}

/** Adds one class's (or year's) counts into a running total. */
export function mergeFigures(into: ClassFigures, f: ClassFigures): void {
  into.n += f.n;
  into.w += f.w;
  into.m += f.m;
  into.o += f.o;
  into.cert += f.cert;
  for (let i = 0; i < 4; i++) into.ps[i as 0 | 1 | 2 | 3] += f.ps[i as 0 | 1 | 2 | 3];
  for (const key of ['a', 'c', 'u', 'k'] as const) {
    const target = into[key];
    for (const [k, v] of Object.entries(f[key])) target[k] = (target[k] ?? 0) + v;
  }
}

const CHUNK = 500;

/** Opened classes starting in [from, to] whose figures are not cached. */
export function classesWithoutFigures(db: Database, from: string, to: string): number[] {
  return cachedStatement<[string, string], { id: number }>(
    db,
    `SELECT c.id FROM classes c LEFT JOIN class_figures f ON f.class_id = c.id
     WHERE c.start_date >= ? AND c.start_date <= ? AND ${countedClassSql('c')} AND f.class_id IS NULL ORDER BY c.id`,
  )
    .all(from, to)
    .map((r) => r.id);
}

/** Computes and caches these classes' figures in one transaction (a step of a longer preparation). */
export function fillClassFigures(db: Database, classIds: number[]): void {
  if (classIds.length > 0) db.transaction(() => fill(db, classIds))();
}

/** The cached figures of these classes, computing the missing ones first (in one transaction). */
export function classFigures(db: Database, classIds: readonly number[]): Map<number, { figures: ClassFigures; personIds: Int32Array }> {
  const out = new Map<number, { figures: ClassFigures; personIds: Int32Array }>();
  const read = (ids: readonly number[]) => {
    const rows = cachedStatement<[string], { class_id: number; figures_json: string; person_ids: Buffer }>(
      db,
      'SELECT class_id, figures_json, person_ids FROM class_figures WHERE class_id IN (SELECT value FROM json_each(?))',
    ).all(JSON.stringify(ids));
    for (const r of rows) out.set(r.class_id, { figures: JSON.parse(r.figures_json) as ClassFigures, personIds: unpackIds(r.person_ids) });
  };
  for (let i = 0; i < classIds.length; i += CHUNK * 10) read(classIds.slice(i, i + CHUNK * 10));
  const missing = classIds.filter((id) => !out.has(id));
  if (missing.length > 0) {
    db.transaction(() => {
      for (let i = 0; i < missing.length; i += CHUNK) fill(db, missing.slice(i, i + CHUNK));
    })();
    read(missing);
  }
  return out;
}

export interface YearProgramFigures {
  year: number;
  programId: number;
  classes: number;
  figures: ClassFigures;
  /** Each person once. */
  personIds: Int32Array;
}

const OPENED = countedClassSql();

/**
 * The figures of whole calendar years per program, from year_figures; the (year, program) pairs
 * missing there (new or changed since) are summed from their classes first. A ten-year report then
 * reads about seventy rows instead of thirty thousand.
 */
export function yearProgramFigures(db: Database, fromYear: number, toYear: number): YearProgramFigures[] {
  const pairs = cachedStatement<[string, string], { year: number; program_id: number; ids: string }>(
    db,
    `SELECT CAST(substr(start_date, 1, 4) AS INTEGER) AS year, program_id, json_group_array(id) AS ids FROM classes
     WHERE start_date >= ? AND start_date <= ? AND ${OPENED} GROUP BY 1, 2`,
  ).all(`${fromYear}-01-01`, `${toYear}-12-31`);
  const read = () =>
    new Map(
      cachedStatement<[number, number], { year: number; program_id: number; classes: number; figures_json: string; person_ids: Buffer }>(
        db,
        'SELECT year, program_id, classes, figures_json, person_ids FROM year_figures WHERE year >= ? AND year <= ?',
      )
        .all(fromYear, toYear)
        .map((r) => [`${r.year}:${r.program_id}`, r]),
    );
  let stored = read();
  const missing = pairs.filter((p) => !stored.has(`${p.year}:${p.program_id}`));
  if (missing.length > 0) {
    db.transaction(() => {
      const insert = cachedStatement(
        db,
        'INSERT OR REPLACE INTO year_figures (year, program_id, classes, figures_json, person_ids) VALUES (?, ?, ?, ?, ?)',
      );
      for (const p of missing) {
        const ids = JSON.parse(p.ids) as number[];
        const classes = classFigures(db, ids);
        const total = emptyFigures();
        const people = new Set<number>();
        for (const { figures, personIds } of classes.values()) {
          mergeFigures(total, figures);
          for (const id of personIds) people.add(id);
        }
        insert.run(p.year, p.program_id, ids.length, JSON.stringify(total), packIds(Int32Array.from(people)));
      }
    })();
    stored = read();
  }
  return pairs.map((p) => {
    const r = stored.get(`${p.year}:${p.program_id}`)!;
    return {
      year: r.year,
      programId: r.program_id,
      classes: r.classes,
      figures: JSON.parse(r.figures_json) as ClassFigures,
      personIds: unpackIds(r.person_ids),
    };
  });
}
