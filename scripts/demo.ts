/**
 * `npm run demo -- --data DIR --people N [--years Y]`: a database of realistic sample data (the same
 * people generator as the bench); with --years, that many past years of classes made through the app's
 * own channels (plans, decisions, timetables, attendance, results, certificates), for the reports. The app's title bar marks it as sample data; open it with `npm run web -- --data DIR`.
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { AppCore } from '../electron/core/app-core';
import { fileKeyProtection } from '../electron/core/ports';
import { prepareDataDir, restrictUmask } from '../electron/core/private-files';
import { createLogger } from '../electron/core/log';
import { generateDemo } from '../electron/core/demo/generate';
import { DEMO_CENTRE, generateHistory } from '../electron/core/demo/generate-history';
import { generateStudies } from '../electron/core/demo/generate-studies';
import { generateLevels } from '../electron/core/demo/generate-levels';
import { dispatch } from '../electron/core/dispatch';

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { data: { type: 'string' }, people: { type: 'string' }, seed: { type: 'string' }, years: { type: 'string' } },
  });
  if (!values.data) throw new Error('usage: npm run demo -- --data DIR [--people N]');
  const dataDir = path.resolve(values.data);
  const people = Number(values.people ?? '5000');
  if (!Number.isInteger(people) || people < 0 || people > 5_000_000) throw new Error('--people must be a whole number up to 5,000,000');
  const years = Number(values.years ?? '0');
  if (!Number.isInteger(years) || years < 0 || years > 30) throw new Error('--years must be a whole number up to 30');
  if (years > 0 && people < 100) throw new Error('--years needs at least 100 people to enrol');
  // Owner-only files, as the app makes them (the sample data holds made-up people, but the folder may be reused).
  restrictUmask();
  const log = createLogger(path.join(dataDir, 'logs'));
  prepareDataDir(dataDir, log);
  const core = await AppCore.start({ dataDir, log, appVersion: 'demo', keys: fileKeyProtection });
  if (core.problem) throw new Error(core.problem.message);
  const existing = (core.db.prepare('SELECT count(*) AS n FROM people').get() as { n: number }).n;
  if (existing > 0) throw new Error(`${dataDir} already has ${existing} people; use an empty folder for sample data.`);
  if (!core.db.prepare('SELECT 1 FROM centre_profiles').get()) {
    const saved = await dispatch(core, 'centre.save', DEMO_CENTRE);
    if (!saved.ok) throw new Error(saved.error.message);
  }
  const started = Date.now();
  const result = generateDemo(core.db, {
    people,
    ...(values.seed ? { seed: Number(values.seed) } : {}),
    onProgress: (done, total) => process.stdout.write(`\r${done.toLocaleString('vi-VN')} / ${total.toLocaleString('vi-VN')} người`),
  });
  let history = '';
  if (years > 0) {
    const thisYear = new Date().getFullYear();
    // Enough classes that every learner studies about once in the span, 40 a class.
    const classesPerYear = Math.max(5, Math.round(people / years / 40));
    const made = await generateHistory(core, {
      fromYear: thisYear - years,
      years,
      classesPerYear,
      learnersPerClass: 40,
      ...(values.seed ? { seed: Number(values.seed) } : {}),
      onProgress: (done, total) => process.stdout.write(`\r${done}/${total} năm lớp học`),
    });
    const studies = await generateStudies(core, {
      fromYear: thisYear - years,
      years,
      ...(values.seed ? { seed: Number(values.seed) } : {}),
    });
    const levels = await generateLevels(core, { fromYear: thisYear - years, years, ...(values.seed ? { seed: Number(values.seed) } : {}) });
    history =
      `, ${made.classes.toLocaleString('vi-VN')} lớp, ${made.enrollments.toLocaleString('vi-VN')} lượt học viên, ` +
      `${made.certificates.toLocaleString('vi-VN')} giấy chứng nhận, ${studies.sessions} buổi học tập nghị quyết và ${levels.nominated} người cử đi học trung cấp của ${years} năm qua`;
  }
  core.close();
  console.log(
    `\nĐã tạo ${result.units} đơn vị và ${result.people.toLocaleString('vi-VN')} người${history} trong ${((Date.now() - started) / 1000).toFixed(1)} s tại ${dataDir}`,
  );
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
