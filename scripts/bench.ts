/**
 * `npm run bench`: the performance goals of the issues, measured on generated data at the stated
 * scale through the same services the screens call. Prints one JSON object per line.
 * The 1,000,000-person database is generated once and kept in the OS temp folder between runs.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { chromium } from 'playwright-core';
import type { AppCore } from '../electron/core/app-core';
import { dispatch } from '../electron/core/dispatch';
import type { Channel, Input, Output, Result } from '../shared/contract';
import { makeRandom, samplePerson } from '../electron/core/demo/generate';
import { findHits } from '../electron/core/learners/search';
import { startHost } from '../electron/browser-host/server';
import { LATEST_VERSION } from '../electron/core/db/migrations';
import { CHROMIUM_ARGS, createChromiumPrintPort } from '../electron/browser-host/chromium-printing';
import { buildCertificatesHtml, type CertificateToPrint } from '../electron/core/documents/certificate';
import { generateCentreKeys, signCertificate } from '../electron/core/certificates/signing';
import { CERTIFICATE_CHUNK, certificatesToPdf } from '../electron/core/certificates/batch-printing';
import { defaultCertificateLayout } from '../shared/domain/certificate-layout';
import { generateClassHistory } from '../electron/core/demo/generate-classes';
import { activeKey } from '../electron/core/certificates/keys';
import { useBuiltReadWorker } from '../electron/core/io/sheet-worker';
import { benchHostile, benchImport } from './bench-imports';
import { benchBackups } from './bench-backups';
import { ensureDatabase } from './bench-people';
import { cacheDir, copyDatabase, emit, isEncrypted, openCore, PEOPLE, percentile, setEncrypted } from './bench-common';
import { fileKeyProtection } from '../electron/core/ports';

// What clerks type: whole names, the first letters of a name, a given name, a year, part of a CCCD, a unit.
const QUERIES = [
  '',
  'nguyen thi hang',
  'tran van nam',
  'le thi',
  'pham',
  'nguyen',
  'ng',
  'h',
  'hang',
  'duc',
  'thut',
  'a thut',
  'y hoa',
  '1975',
  'nguyen 1980',
  '051075',
  '0511',
  'thon 3',
  'tinh khe',
  'cong an',
  'dang van',
  'ksor',
  'nie',
  'vo thi sau',
  'hoang minh tuan',
  'bui',
  'truong',
  'ngoc anh',
  'phuong',
  'xyzq',
  // Issue 14: ranked searches (name before unit, typed diacritics first, a phrase before scattered words, a cell by its full name).
  'nguyen van',
  'Thị Lệ',
  'Hà',
  'Chi bộ thôn 3',
  'Nguyễn Văn An',
  'cong an',
  'Đức',
];

async function benchSearch(dataDir: string): Promise<void> {
  const core = await openCore(dataDir);
  const service: number[] = [];
  const raw: number[] = [];
  for (const q of QUERIES) await dispatch(core, 'learners.search', { q, limit: 100 });
  for (let round = 0; round < 5; round++) {
    for (const q of QUERIES) {
      let t = performance.now();
      const r = await dispatch(core, 'learners.search', { q, limit: 100 });
      service.push(performance.now() - t);
      if (!r.ok) throw new Error(JSON.stringify(r.error));
      t = performance.now();
      findHits(core.db, { q, filters: {}, after: null, limit: 100 });
      raw.push(performance.now() - t);
    }
  }
  emit('learners.search_p95_ms', percentile(service, 95), {
    p50: percentile(service, 50),
    max: Math.max(...service),
    n: service.length,
    people: PEOPLE,
    goal: 20,
  });
  emit('learners.search_raw_p95_ms', percentile(raw, 95), {
    p50: percentile(raw, 50),
    max: Math.max(...raw),
    n: raw.length,
    people: PEOPLE,
    note: 'the same index reads alone (ranked tiers, each FTS5 in list order; rank and ID indexes): no rows read, no contract, no IPC',
  });
  core.close();
}

async function benchRegistryScreen(dataDir: string): Promise<void> {
  const renderer = path.resolve('out/renderer');
  if (!fs.existsSync(path.join(renderer, 'index.html'))) {
    console.error('out/renderer is missing: run `npm run build` first; skipping the screen measurement');
    return;
  }
  const host = await startHost({ dataDir, rendererDir: renderer, appVersion: 'bench', keys: isEncrypted() ? fileKeyProtection : null });
  // The clerk confirms the recovery sheet once, at the first start with encryption; until then its dialog covers the screen.
  const call = async <C extends Channel>(channel: C, input: Input<C>): Promise<Output<C>> => {
    const r = (await dispatch(host.core, channel, input)) as Result<Output<C>>;
    if (!r.ok) throw new Error(`${channel}: ${JSON.stringify(r.error)}`);
    return r.value;
  };
  if ((await call('app.status', {})).protection.recoveryKeyPending) {
    const sheet = await call('protection.recoverySheet', {});
    const groups = sheet.recoveryKey.split('-');
    await call('protection.confirmRecoveryKey', { groups: sheet.confirmGroups.map((g) => groups[g - 1] ?? '') });
  }
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  try {
    const times: number[] = [];
    // The least of five loads: a load on this kind of machine varies by a fifth from run to run.
    for (let i = 0; i < 5; i++) {
      const page = await browser.newPage({ viewport: { width: 1366, height: 860 } });
      const t = performance.now();
      await page.goto(`${host.url}#/learners`);
      await page.getByRole('gridcell').first().waitFor();
      times.push(performance.now() - t);
      await page.close();
    }
    emit('learners.registry_first_rows_ms', Math.min(...times), {
      runs: times.map(Math.round),
      people: PEOPLE,
      goal: 1000,
      note: 'browser host + Chromium, page load to the first row on screen',
    });
  } finally {
    await browser.close();
    await host.close();
  }
}

/**
 * Twenty years of classes (about 100,000 sessions) with the same lecturers and venues, then a new
 * 60-session class whose timetable is generated and checked against all of them.
 */
async function benchTimetable(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ttct-bench-timetable-'));
  try {
    const core = await openCore(dir);
    const must = async (channel: Parameters<typeof dispatch>[1], input: unknown) => {
      const r = await dispatch(core, channel, input);
      if (!r.ok) throw new Error(`${channel}: ${JSON.stringify(r.error)}`);
      return r.value as { id: number };
    };
    await must('centre.save', {
      validFrom: '2000-01-01',
      name: 'Trung tâm Chính trị (đo hiệu năng)',
      superior: 'Huyện ủy Mẫu',
      docCode: 'TTCT',
      placeName: 'Mẫu',
      address: '',
      phone: '',
      director: { name: 'Nguyễn Văn Mẫu', title: 'Giám đốc' },
      deputies: [],
      areaCommunes: [],
      areaPartyOrgs: [],
    });
    const lecturers: number[] = [];
    for (let i = 0; i < 20; i++) {
      lecturers.push(
        (
          await must('lecturers.save', {
            familyAndMiddle: 'Giảng viên',
            given: `Số ${i + 1}`,
            kind: 'chuyen_trach',
            role: 'giang_vien',
            unit: '',
            position: '',
            phone: '',
            normHours: 2000,
            lecturingHours: 2000,
          })
        ).id,
      );
    }
    const venues: number[] = [];
    for (let i = 0; i < 5; i++)
      venues.push((await must('venues.save', { name: `Hội trường ${i + 1}`, address: '', communeCode: null, capacity: 100 })).id);
    const program = await must('programs.save', {
      code: 'BENCH60',
      name: 'Chương trình 60 buổi',
      targetLearners: '',
      outcome: 'certificate',
      validityMonths: null,
      maxAbsencePct: 20,
      maxRetakes: 1,
      typicalDays: 30,
      topics: Array.from({ length: 20 }, (_, i) => ({ title: `Chuyên đề ${i + 1}`, sessions: 3 })),
      components: [],
      bands: [],
    });
    const body = JSON.stringify({
      superior: 'Huyện ủy Mẫu',
      centreName: 'Trung tâm',
      docCode: 'TTCT',
      placeName: 'Mẫu',
      directorName: 'A',
      directorTitle: 'Giám đốc',
    });
    const insertClass = core.db.prepare(
      `INSERT INTO classes (program_id, year, cohort_number, cohort_numbering, name, start_date, end_date, venue_id, form, status, issuing_body_json, created_at, updated_at)
       VALUES (?, ?, ?, 'per_year', ?, ?, ?, ?, 'full_time', 'finished', ?, 'x', 'x')`,
    );
    const insertSession = core.db.prepare(
      'INSERT INTO sessions (class_id, date, half, title, lecturer_id, venue_id, periods, position) VALUES (?, ?, ?, ?, ?, ?, 4, ?)',
    );
    const rnd = makeRandom(3);
    let sessions = 0;
    core.db.transaction(() => {
      for (let year = 2006; year <= 2025; year++) {
        for (let k = 0; k < 500; k++) {
          const month = 1 + rnd.int(12);
          const start = `${year}-${String(month).padStart(2, '0')}-${String(1 + rnd.int(18)).padStart(2, '0')}`;
          const id = Number(
            insertClass.run(program.id, year, k + 1, `Lớp ${k + 1} năm ${year}`, start, `${start.slice(0, 8)}28`, venues[k % 5], body)
              .lastInsertRowid,
          );
          for (let s = 0; s < 10; s++) {
            insertSession.run(
              id,
              `${start.slice(0, 8)}${String(Math.min(28, Number(start.slice(8)) + Math.floor(s / 2))).padStart(2, '0')}`,
              s % 2 ? 'chieu' : 'sang',
              'Chuyên đề',
              lecturers[rnd.int(20)],
              venues[k % 5],
              s + 1,
            );
            sessions++;
          }
        }
      }
    })();
    core.db.exec('ANALYZE');
    const cls = await must('classes.save', {
      programId: program.id,
      planLineId: null,
      cohortNumber: 1,
      cohortNumbering: 'per_year',
      name: 'Lớp đo hiệu năng',
      startDate: '2026-03-02',
      endDate: '2026-06-30',
      venueId: venues[0],
      form: 'full_time',
      homeroomLecturerId: lecturers[0],
      capacity: null,
      sites: [],
      openingDecisionNumber: null,
      openingDecisionDate: null,
    });
    const times: number[] = [];
    let count = 0;
    for (let i = 0; i < 12; i++) {
      const t = performance.now();
      const r = await dispatch(core, 'timetable.generate', {
        classId: cls.id,
        startDate: '2026-03-02',
        halves: ['sang', 'chieu'],
        lecturerByTopic: {},
      });
      times.push(performance.now() - t);
      if (!r.ok) throw new Error(JSON.stringify(r.error));
      count = (r.value as { sessions: unknown[] }).sessions.length;
    }
    emit('classes.timetable_generate_ms', percentile(times.slice(2), 50), {
      max: Math.max(...times.slice(2)),
      sessionsGenerated: count,
      existingSessions: sessions,
      years: 20,
      goal: 200,
    });
    core.close();
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * 500 A5 certificates into one PDF through the app's printing code (builder + the browser host's
 * Chromium print port), and Chromium alone printing the same HTML, so the app's overhead shows.
 */
async function benchCertificates(): Promise<void> {
  const keys = generateCentreKeys();
  const rnd = makeRandom(7);
  const used = new Set<string>();
  const certificates: CertificateToPrint[] = Array.from({ length: 500 }, (_, i) => {
    const p = samplePerson(rnd, { id: 1, name: 'Chi bộ thôn Kon Trang', communeCode: null }, '062', used).data;
    const serial = `${i + 1}/2026/GCN`;
    const registerNo = `2026.${String(i + 1).padStart(4, '0')}`;
    const fullName = `${p.familyAndMiddle} ${p.given}`;
    const birthDate = p.birthDate ?? '';
    const programName = 'Bồi dưỡng lý luận chính trị dành cho đối tượng kết nạp Đảng';
    return {
      serial,
      registerNo,
      fullName,
      birthDate,
      unitName: 'Chi bộ thôn Kon Trang',
      programName,
      className: `Lớp bồi dưỡng nhận thức về Đảng khóa ${1 + (i % 12)} năm 2026`,
      startDate: '2026-03-02',
      endDate: '2026-03-06',
      classification: ['Xuất sắc', 'Giỏi', 'Khá', 'Trung bình'][i % 4]!,
      issueDate: '2026-03-12',
      signer: { lines: ['KT. GIÁM ĐỐC', 'PHÓ GIÁM ĐỐC'], name: 'Y Moan Niê' },
      verificationCode: signCertificate(
        { n: serial, r: registerNo, name: fullName, birth: birthDate, program: programName, issued: '2026-03-12' },
        keys,
      ),
    };
  });
  const body = {
    superior: 'ĐẢNG ỦY XÃ ĐẮK HÀ',
    centreName: 'Trung tâm Chính trị',
    docCode: 'TTCT',
    placeName: 'Đắk Hà',
    directorName: 'Nguyễn Văn An',
    directorTitle: 'Giám đốc',
  };
  let peak = process.memoryUsage().rss;
  let chromiumPeak = 0;
  // Chromium's processes hold the pages while printing: their summed RSS is the memory the clerk's PC needs.
  const chromiumRss = () => {
    try {
      return (
        execFileSync('ps', ['-C', 'chromium', '-o', 'rss='], { encoding: 'utf8' })
          .split('\n')
          .reduce((a, l) => a + (Number(l.trim()) || 0), 0) * 1024
      );
    } catch {
      return 0;
    }
  };
  const sampler = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
    chromiumPeak = Math.max(chromiumPeak, chromiumRss());
  }, 200);
  const port = createChromiumPrintPort({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium' });
  try {
    // Warm the browser so both measurements start from a running Chromium.
    await port.toPdf(
      buildCertificatesHtml({ body, layout: defaultCertificateLayout(), offset: { x: 0, y: 0 }, certificates: certificates.slice(0, 1) }),
    );
    const doc = { body, layout: defaultCertificateLayout(), offset: { x: 0, y: 0 }, certificates };
    const t0 = performance.now();
    const html = buildCertificatesHtml(doc);
    const buildMs = performance.now() - t0;
    // The app's path: chunks of CERTIFICATE_CHUNK through Chromium, joined into one PDF.
    const t00 = performance.now();
    const pdf = (await certificatesToPdf(port, doc, { progress: () => undefined, cancelled: false }))!;
    const appMs = performance.now() - t00;
    emit('certificates.batch500_pdf_ms', appMs, {
      goal: 20_000,
      chunk: CERTIFICATE_CHUNK,
      buildAllHtmlMs: Math.round(buildMs),
      pdfBytes: pdf.length,
      htmlBytes: html.length,
      nodePeakRssMb: Math.round(peak / 2 ** 20),
      chromiumPeakRssMb: Math.round(chromiumPeak / 2 ** 20),
    });
    peak = process.memoryUsage().rss;
    chromiumPeak = 0;
    const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
    try {
      const page = await browser.newPage();
      const t1 = performance.now();
      await page.setContent(html, { waitUntil: 'load' });
      const staticPdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
      emit('certificates.batch500_static_pdf_ms', performance.now() - t1, {
        pdfBytes: staticPdf.length,
        nodePeakRssMb: Math.round(peak / 2 ** 20),
        chromiumPeakRssMb: Math.round(chromiumPeak / 2 ** 20),
      });
    } finally {
      await browser.close();
    }
  } finally {
    clearInterval(sampler);
    await port.close();
  }
}

// v3: certificates carry real snapshots and signed codes (certificates/record.ts), issued after their
// class under the profile valid then, as the app issues them.
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
  const earlier = await dispatch(core, 'centre.save', {
    validFrom: `${FIRST_YEAR}-01-01`,
    name: 'Trung tâm Chính trị (dữ liệu đo hiệu năng)',
    superior: 'Đảng ủy huyện Mẫu',
    docCode: 'TTCT',
    placeName: 'Mẫu',
    address: '',
    phone: '',
    director: { name: 'Nguyễn Văn Mẫu', title: 'Giám đốc' },
    deputies: [],
    areaCommunes: [],
    areaPartyOrgs: [],
  });
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

async function benchReports(): Promise<void> {
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

/** `npm run bench -- --only timetable` (or `learners`, `certificates`, `reports`) runs one part. */
async function main(): Promise<void> {
  // `npm run bench` builds first: measure the worker the packaged app runs, not tsx's transform.
  useBuiltReadWorker(path.resolve('out/main/read-worker.js'), { prewarm: true });
  const only = process.argv.includes('--only') ? process.argv[process.argv.indexOf('--only') + 1] : null;
  // Without the key first (kept, not printed), then with it as the app runs: each line shows both.
  for (const encrypted of [false, true]) {
    setEncrypted(encrypted);
    if (!only || only === 'timetable') await benchTimetable();
    if (!only || only === 'certificates') await benchCertificates();
    if (!only || only === 'reports') await benchReports();
    if (!only || only === 'imports') await benchHostile();
    if (only === 'search') {
      // The registry alone: the search and the screen's first rows (minutes, not the half hour of the whole run).
      const dataDir = await ensureDatabase();
      await benchSearch(dataDir);
      await benchRegistryScreen(dataDir);
    }
    if (!only || only === 'learners') {
      const dataDir = await ensureDatabase();
      await benchSearch(dataDir);
      await benchImport(dataDir);
      await benchBackups(dataDir);
      await benchRegistryScreen(dataDir);
    }
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
