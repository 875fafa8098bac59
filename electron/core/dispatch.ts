import { contract, isChannel, zodIssuesToFields, type AppErrorShape, type Channel, type Result } from '../../shared/contract';
import type { AppCore } from './app-core';
import { AppError, storageError } from './errors';
import { whileQueryOnly } from './db/query-only';
import { handlers } from './handlers';
import type { Handler } from './handler';

/** While the database cannot be opened, only these answer; the recovery screen needs nothing else. */
const WITHOUT_DATABASE = new Set<Channel>([
  'app.status',
  'app.reportError',
  'backups.list',
  'backups.restore',
  'backups.inspectFile',
  'backups.restoreFile',
  'app.chooseBackupFile',
  'protection.unlock',
]);

/**
 * Calls whose work awaits (a worker, Chromium, the printer, the backup API). They cannot run inside
 * one synchronous transaction, so each keeps its writes to a single synchronous step of its own;
 * a call not listed here that returns a promise is a bug and is refused (see runInTransaction).
 */
export const ASYNC_CHANNELS = new Set<Channel>([
  'backups.create',
  'backups.restore',
  'backups.restoreFile',
  // VACUUM INTO cannot run inside a transaction; its one write (the date of the copy) is a single statement.
  'backups.exportOffsite',
  'app.chooseFolder',
  'app.chooseBackupFile',
  'protection.recoverySheetPdf',
  'protection.recoverySheetPrint',
  'protection.confirmRecoveryKey',
  'protection.unlock',
  'protection.newRecoveryKey',
  'imports.open',
  'imports.problemsXlsx',
  'learners.exportXlsx',
  'learners.personDataPdf',
  'learners.personDataXlsx',
  'learners.learningRecordPdf',
  'learners.learningRecordPrint',
  'learners.learningRecordDocx',
  'documents.pdf',
  'documents.docx',
  'documents.print',
  'documents.xlsx',
  'certificates.printers',
  'certificates.listPdf',
  'certificates.listDocx',
  'certificates.calibrationPdf',
  'certificates.registerXlsx',
  'reports.xlsx',
  'reports.pdf',
  'reports.docx',
  'reports.print',
  'studies.pdf',
  'studies.print',
  'studies.docx',
  'studies.xlsx',
  'levels.pdf',
  'levels.docx',
  'levels.xlsx',
]);

/**
 * Calls that only read. They run with the connection in query_only mode, so a read that tried to
 * write would fail in the tests instead of quietly changing data (issue 12: opening results froze a
 * class's scheme; reading the certificate settings created a key).
 */
export const QUERY_CHANNELS = new Set<Channel>([
  'app.status',
  'backups.list',
  'backups.inspectFile',
  'protection.recoverySheet',
  'centre.get',
  'centre.profileAt',
  'programs.list',
  'programs.get',
  'learners.search',
  'learners.count',
  'learners.get',
  'learners.learningRecordPreview',
  'learners.duplicates',
  'learners.mergePreview',
  'learners.merges',
  'units.list',
  'reference.communes',
  'lecturers.list',
  'lecturers.hours',
  'venues.list',
  'plans.year',
  'classes.list',
  'classes.get',
  'classes.propose',
  'timetable.get',
  'timetable.generate',
  'timetable.check',
  'calendar.sessions',
  'holidays.year',
  'documents.preview',
  'enrollments.list',
  'attendance.grid',
  'results.grid',
  'certificates.settings',
  'certificates.plan',
  'certificates.ofClass',
  'certificates.register',
  'certificates.nextNumber',
  'certificates.layout',
  'certificates.offset',
  'certificates.preview',
  'certificates.batchStatus',
  'certificates.layoutPreview',
  'certificates.calibration',
  'certificates.listPreview',
  'certificates.verify',
  'certificates.trustedKeys',
  'reports.prepareStatus',
  // reports.get and reports.preview are not here: they fill the per-class figure cache, derived data
  // that any later read would compute the same way.
  'reports.settings',
  'reports.years',
  'reports.exportRollup',
  'reports.rollup',
  'studies.list',
  'studies.get',
  'studies.classes',
  'studies.baseOrgs',
  'studies.members',
  'studies.report',
  'studies.preview',
  'levels.history',
  'levels.groups',
  'levels.targets',
  'levels.nominations',
  'levels.report',
  'levels.preview',
]);

/** A call slower than this is logged, so a clerk's "it hung" can be found in the log. */
const SLOW_CALL_MS = 3000;

function fail(error: AppErrorShape): Result<never> {
  return { ok: false, error };
}

/** An answer that does not match the contract: the transaction is rolled back and the call fails. */
class ContractBreach extends Error {}

function checkOutput(channel: Channel, value: unknown): unknown {
  const checked = contract[channel].output.safeParse(value);
  if (!checked.success)
    throw new ContractBreach(`Output of ${channel} does not match the contract: ${checked.error.message.slice(0, 2000)}`);
  return checked.data;
}

/**
 * The handler and the check of its answer in one transaction: what is committed is exactly what
 * the clerk is told was done. Queries run with query_only on, and nested transactions inside
 * handlers become savepoints.
 */
function runInTransaction(core: AppCore, channel: Channel, run: () => unknown): unknown {
  const db = core.db;
  const body = db.transaction(() => {
    const value = run();
    if (value instanceof Promise) {
      void value.catch(() => undefined);
      throw new Error(`${channel} returned a promise: list it in ASYNC_CHANNELS and keep its writes in one synchronous step`);
    }
    return checkOutput(channel, value);
  });
  if (!QUERY_CHANNELS.has(channel)) return body.immediate();
  try {
    return whileQueryOnly(db, () => body.deferred());
  } catch (err) {
    // Not the disk's fault: a read that writes is a bug, logged as one.
    if (String((err as { code?: unknown }).code).startsWith('SQLITE_READONLY'))
      throw new Error(`${channel} tried to write while reading`, { cause: err });
    throw err;
  }
}

/**
 * One path for every transport (Electron IPC and the browser host): validate the input with the
 * contract, run the service, validate its output, and turn every failure into a Vietnamese message.
 * Stack traces go to the log, never to the screen.
 */
export async function dispatch(core: AppCore, channel: string, rawInput: unknown): Promise<Result<unknown>> {
  if (!isChannel(channel)) {
    core.log.warn(`Unknown channel ${JSON.stringify(channel).slice(0, 100)}`);
    return fail({ code: 'UNKNOWN_CHANNEL', message: 'Chức năng không tồn tại.' });
  }
  if (core.problem && !WITHOUT_DATABASE.has(channel)) {
    return fail({ code: 'DB_UNAVAILABLE', message: core.problem.message });
  }
  const parsed = contract[channel].input.safeParse(rawInput);
  if (!parsed.success) {
    const fields = zodIssuesToFields(parsed.error.issues);
    return fail({ code: 'INVALID_INPUT', message: 'Thông tin chưa hợp lệ, hãy xem các ô được đánh dấu.', fields });
  }
  const started = performance.now();
  const handler = handlers[channel] as Handler<Channel>;
  const call = (): unknown => handler(core, parsed.data as never);
  try {
    const value = ASYNC_CHANNELS.has(channel) || core.problem ? checkOutput(channel, await call()) : runInTransaction(core, channel, call);
    return { ok: true, value };
  } catch (err) {
    if (err instanceof AppError) {
      return fail({ code: err.code, message: err.message, ...(err.fields ? { fields: err.fields } : {}) });
    }
    const known = storageError(err, core.dataDir);
    if (known) {
      core.log.warn(`${channel}: ${known.code} (${String((err as Error).message).slice(0, 500)})`);
      return fail({ code: known.code, message: known.message });
    }
    core.log.error(err instanceof ContractBreach ? err.message : `${channel} failed`, err instanceof ContractBreach ? undefined : err);
    return fail(internalError(core));
  } finally {
    const ms = performance.now() - started;
    if (ms > SLOW_CALL_MS) core.log.warn(`${channel} took ${Math.round(ms)} ms`);
  }
}

function internalError(core: AppCore): AppErrorShape {
  return {
    code: 'INTERNAL',
    message: `Đã xảy ra lỗi không mong muốn; thao tác chưa được thực hiện. Chi tiết đã được ghi vào nhật ký: ${core.log.file}`,
  };
}
