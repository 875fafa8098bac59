import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import type { AppCore } from '../electron/core/app-core';
import { dispatch } from '../electron/core/dispatch';
import { LATEST_VERSION } from '../electron/core/db/migrations';
import { generateClassHistory } from '../electron/core/demo/generate-classes';
import { activeKey } from '../electron/core/certificates/keys';
import { ensureDatabase } from './bench-people';
import { benchCentre, cacheDir, copyDatabase, emit, openCore, PEOPLE, percentile } from './bench-common';

const REPORTS_CACHE_NAME = `reports-${PEOPLE}-schema${LATEST_VERSION}-v3`;
const FIRST_YEAR = 2006;
const YEARS = 20;

/** The learners database plus twenty years of classes (60,000), enrolments (3,000,000), certificates and sessions. */
async function ensureReportsDatabase(): Promise<string> {
  const REPORTS_CACHE = cacheDir(REPORTS_CACHE_NAME);
  const marker = path.join(REPORTS_CACHE, 'complete');
  if (fs.existsSync(marker)) return REPORTS_CACHE;
  const people = await ensureDatabase();
  fs.rmSync(REPORTS_CACHE, { recursive: true, force: true });
  copyDatabase(people, REPORTS_CACHE);
  const core = await openCore(REPORTS_CACHE);
  const started = performance.now();
  // The centre's header as it was from the first sample year: certificates are issued under the profile valid then.
  const earlier = await dispatch(core, 'centre.save', benchCentre(`${FIRST_YEAR}-01-01`, 'Đảng ủy huyện Mẫu'));
  if (!earlier.ok) throw new Error(JSON.stringify(earlier.error));
  const key = activeKey(core);
  const made = generateClassHistory(core.db, {
    fromYear: FIRST_YEAR,
    years: YEARS,
    classesPerYear: 3000,
    learnersPerClass: 50,
    key,
    onProgress: (d, t) => process.stderr.write(`\rclass history ${d}/${t} years`),
  });
  core.db.pragma('wal_checkpoint(TRUNCATE)');
  core.db.exec('ANALYZE');
  // Twenty years written in one go interleave every table's pages with the certificates' (about 1 KB
  // each, 2.1 million): compacted, the file is laid out as a backup copy (VACUUM INTO) leaves it, and
  // the bench measures the code rather than the generator's page order (reports.year_ms 170–194 ms on
  // the interleaved file, 131 ms compacted; the raw-SQL baseline moves the same way).
  core.db.exec('VACUUM');
  core.close();
  process.stderr.write(
    `\ngenerated ${made.classes} classes, ${made.enrollments} enrolments in ${((performance.now() - started) / 1000).toFixed(1)} s\n`,
  );
  fs.writeFileSync(marker, new Date().toISOString());
  return REPORTS_CACHE;
}

/**
 * The best hand-written SQL for the same figures of one year and the year before: the year's
 * enrolments joined to their people once into a temporary table, then grouped every way the report
 * needs (a join per grouping took 40 s); CROSS JOIN keeps SQLite starting from the year's classes.
 */
function rawYearSql(core: AppCore, year: number): number {
  const db = core.db;
  let rows = 0;
  for (const y of [year, year - 1]) {
    db.exec('DROP TABLE IF EXISTS temp.r');
    db.prepare(
      `CREATE TEMP TABLE r AS SELECT c.id AS class_id, c.program_id, e.person_id, e.outcome, e.classification,
         EXISTS (SELECT 1 FROM certificates ct WHERE ct.enrollment_id = e.id AND ct.status = 'valid') AS cert,
         p.sex, p.ethnicity_code, p.party_status, ${y} - p.birth_year AS age, p.commune_code, p.unit_id
       FROM classes c CROSS JOIN enrollments e ON e.class_id = c.id CROSS JOIN people p ON p.id = e.person_id
       WHERE c.start_date >= '${y}-01-01' AND c.start_date <= '${y}-12-31' AND c.status NOT IN ('planned', 'cancelled') AND e.status = 'enrolled'`,
    ).run();
    rows += db
      .prepare(
        `SELECT program_id, count(*), count(DISTINCT person_id), count(DISTINCT class_id), sum(outcome = 'completed'), sum(cert), sum(sex = 'nu'),
           sum(ethnicity_code IS NOT NULL AND ethnicity_code <> '01'), sum(party_status = 'chinh_thuc'), sum(party_status = 'du_bi'),
           sum(party_status = 'quan_chung'), sum(age < 30), sum(age BETWEEN 30 AND 39), sum(age BETWEEN 40 AND 49), sum(age >= 50), sum(age IS NULL)
         FROM r GROUP BY program_id`,
      )
      .all().length;
    rows += db.prepare('SELECT count(DISTINCT person_id) FROM r').all().length;
    rows += db.prepare("SELECT program_id, classification, count(*) FROM r WHERE outcome = 'completed' GROUP BY 1, 2").all().length;
    rows += db.prepare('SELECT commune_code, count(*) FROM r GROUP BY 1').all().length;
    rows += db.prepare('SELECT unit_id, count(*) FROM r GROUP BY 1').all().length;
    rows += db.prepare('SELECT program_id, sum(planned_classes) FROM plan_lines WHERE year = ? GROUP BY 1').all(y).length;
    rows += db
      .prepare(
        "SELECT s.lecturer_id, sum(s.periods) FROM sessions s JOIN classes c ON c.id = s.class_id WHERE s.date >= ? AND s.date <= ? AND c.status != 'cancelled' GROUP BY 1",
      )
      .all(`${y}-01-01`, `${y}-12-31`).length;
  }
  db.exec('DROP TABLE IF EXISTS temp.r');
  return rows;
}

export async function benchReports(): Promise<void> {
  const dir = await ensureReportsDatabase();
  const core = await openCore(dir);
  try {
    const call = async (period: unknown) => {
      const t = performance.now();
      const r = await dispatch(core, 'reports.get', { period });
      if (!r.ok) throw new Error(JSON.stringify(r.error));
      return performance.now() - t;
    };
    const year = { kind: 'year', year: FIRST_YEAR + YEARS - 2 };
    const range = { kind: 'range', fromYear: FIRST_YEAR + YEARS - 10, toYear: FIRST_YEAR + YEARS - 1 };
    const counts = core.db
      .prepare(
        'SELECT (SELECT count(*) FROM people) AS people, (SELECT count(*) FROM enrollments) AS enrollments, (SELECT count(*) FROM classes) AS classes',
      )
      .get();
    // Cold: the per-class cache emptied, as after a bulk change; warm: what the screen meets afterwards.
    core.db.exec('DELETE FROM class_figures');
    const yearCold = await call(year);
    const yearWarm: number[] = [];
    for (let i = 0; i < 7; i++) yearWarm.push(await call(year));
    core.db.exec('DELETE FROM class_figures');
    const rangeCold = await call(range);
    const rangeWarm: number[] = [];
    for (let i = 0; i < 5; i++) rangeWarm.push(await call(range));
    emit('reports.year_ms', percentile(yearWarm, 50), {
      goal: 250,
      cold_ms: Math.round(yearCold),
      max_warm_ms: Math.round(Math.max(...yearWarm)),
      data: counts,
    });
    emit('reports.range_10y_ms', percentile(rangeWarm, 50), {
      goal: 1000,
      cold_ms: Math.round(rangeCold),
      max_warm_ms: Math.round(Math.max(...rangeWarm)),
    });
    const raw: number[] = [];
    for (let i = 0; i < 3; i++) {
      const t = performance.now();
      rawYearSql(core, FIRST_YEAR + YEARS - 2);
      raw.push(performance.now() - t);
    }
    emit('reports.year_raw_sql_ms', percentile(raw, 50), { note: 'same figures, this year and the year before, straight from the tables' });
  } finally {
    core.close();
  }
}
