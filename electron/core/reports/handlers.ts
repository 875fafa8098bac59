import type { reportsChannels, ReportPeriod } from '../../../shared/contract/reports';
import { todayInVietnam } from '../../../shared/domain/dates';
import type { AppCore } from '../app-core';
import { audit } from '../audit-store';
import { buildReportHtml, type ReportDoc } from '../documents/report';
import { reportModel } from '../documents/docx-report';
import { AppError } from '../errors';
import type { Handlers } from '../handler';
import { reportXlsx } from '../io/report-xlsx';
import { docxFile, pdfFile, printHtml, todaysHeader } from '../report-files';
import { storeOutcomes } from '../results/grid';
import { closeYear, yearBlockers } from './close';
import { classesWithoutFigures, fillClassFigures } from './figures-store';
import { previousPeriod, resolvePeriod } from './period';
import { buildReport } from './report';
import { exportRollup, importRollup, rollupOf } from './rollup';
import { deleteRollup, rollupById } from './rollup-store';
import {
  AGE_BOUNDS_KEY,
  ageBounds,
  allClosures,
  classesWithoutOutcomes,
  firstYear,
  markOutcomesFilled,
  reportYears,
  saveAgeBounds,
} from './store';

type Channels = typeof reportsChannels;

function fileStem(period: ReportPeriod): string {
  if (period.kind === 'year') return `bao-cao-dao-tao-nam-${period.year}`;
  if (period.kind === 'months') return `bao-cao-dao-tao-${period.months}-thang-${period.year}`;
  return `bao-cao-dao-tao-${period.fromYear}-${period.toYear}`;
}

function reportDoc(ctx: AppCore, period: ReportPeriod): ReportDoc {
  const header = todaysHeader(ctx);
  return { ...header, report: report(ctx, period) };
}

function reportHtml(ctx: AppCore, period: ReportPeriod): { title: string; html: string } {
  return { title: `Báo cáo kết quả đào tạo, bồi dưỡng — ${resolvePeriod(period).label}`, html: buildReportHtml(reportDoc(ctx, period)) };
}

/**
 * Classes recognised before the reports existed have no stored outcome: work it out once, from their
 * attendance and scores, the way recognition does now. Later recognitions store their own.
 */
function ensureOutcomes(ctx: AppCore): void {
  const ids = classesWithoutOutcomes(ctx.db);
  if (ids === null) return;
  ctx.db.transaction(() => {
    for (const id of ids) storeOutcomes(ctx, id);
    markOutcomesFilled(ctx.db, ctx.now().toISOString());
  })();
}

function report(ctx: AppCore, period: ReportPeriod) {
  ensureOutcomes(ctx);
  return buildReport(ctx.db, period);
}

const PREPARE = 'reports.prepare';
const PREPARE_STEP = 300;

/** Fills the per-class cache of a period and the one before it, yielding between steps so the screen stays live. */
function prepare(ctx: AppCore, period: ReportPeriod): { jobId: string | null; total: number } {
  ensureOutcomes(ctx);
  const spans = [resolvePeriod(period), resolvePeriod(previousPeriod(period))];
  const ids = [...new Set(spans.flatMap((p) => classesWithoutFigures(ctx.db, p.from, p.to)))];
  if (ids.length === 0) return { jobId: null, total: 0 };
  const jobId = ctx.jobs.start(PREPARE, ids.length, async (control) => {
    for (let i = 0; i < ids.length; i += PREPARE_STEP) {
      if (control.cancelled)
        return { result: null, message: 'Đã dừng; số liệu đã tổng hợp được giữ lại cho lần sau.', status: 'cancelled' as const };
      fillClassFigures(ctx.db, ids.slice(i, i + PREPARE_STEP));
      control.progress(i + PREPARE_STEP);
      await new Promise((r) => setImmediate(r));
    }
    return { result: null, message: 'Đã tổng hợp xong.' };
  });
  return { jobId, total: ids.length };
}

function settings(ctx: AppCore) {
  return { ageBounds: ageBounds(ctx.db), firstYear: firstYear(ctx.db) };
}

function years(ctx: AppCore) {
  const closed = new Map(allClosures(ctx.db).map((r) => [r.year, r]));
  const thisYear = Number(todayInVietnam(ctx.now()).slice(0, 4));
  return reportYears(ctx.db).map((year) => {
    const c = closed.get(year);
    const notOver = year >= thisYear ? [`Năm ${year} chưa kết thúc (khóa sổ từ ngày 01/01/${year + 1})`] : [];
    return {
      year,
      closedAt: c?.closed_at ?? null,
      closedBy: c?.actor ?? null,
      blockers: c ? [] : [...notOver, ...yearBlockers(ctx, year)],
    };
  });
}

export const reportsHandlers: Handlers<Channels> = {
  'reports.prepare': (ctx, input) => prepare(ctx, input.period),
  'reports.prepareStatus': (ctx, input) => {
    const job = ctx.jobs.take<null>(PREPARE, input.jobId);
    return { status: job.status, done: job.done, total: job.total, message: job.message };
  },
  'reports.cancelPrepare': (ctx, input) => {
    ctx.jobs.cancel(PREPARE, input.jobId);
    return {};
  },
  'reports.get': (ctx, input) => report(ctx, input.period),
  'reports.xlsx': (ctx, input) => reportXlsx(report(ctx, input.period), fileStem(input.period)),
  'reports.preview': (ctx, input) => reportHtml(ctx, input.period),
  'reports.pdf': (ctx, input) =>
    pdfFile(ctx, () => ({ fileName: `${fileStem(input.period)}.pdf`, html: reportHtml(ctx, input.period).html })),
  'reports.docx': (ctx, input) =>
    docxFile(
      `${fileStem(input.period)}.docx`,
      reportModel(reportDoc(ctx, input.period)),
      `Báo cáo kết quả đào tạo, bồi dưỡng - ${resolvePeriod(input.period).label}`,
    ),
  'reports.print': (ctx, input) => printHtml(ctx, () => reportHtml(ctx, input.period).html),
  'reports.settings': (ctx) => settings(ctx),
  'reports.saveSettings': (ctx, input) => {
    ctx.db.transaction(() => {
      saveAgeBounds(ctx.db, input.ageBounds);
      audit(ctx, { action: 'update', entity: 'settings', entityId: AGE_BOUNDS_KEY, after: input.ageBounds });
    })();
    return settings(ctx);
  },
  'reports.years': (ctx) => years(ctx),
  'reports.closeYear': (ctx, input) => {
    ensureOutcomes(ctx);
    return closeYear(ctx, input.year);
  },
  'reports.exportRollup': (ctx, input) => exportRollup(ctx, input.year),
  'reports.importRollup': (ctx, input) => importRollup(ctx, input.fileText),
  'reports.rollup': (ctx, input) => rollupOf(ctx, input.year),
  'reports.removeRollup': (ctx, input) => {
    ctx.db.transaction(() => {
      const row = rollupById(ctx.db, input.id);
      if (!row) throw new AppError('NOT_FOUND', 'Không tìm thấy bản tổng hợp này.');
      deleteRollup(ctx.db, input.id);
      audit(ctx, {
        action: 'delete',
        entity: 'rollup_import',
        entityId: input.id,
        before: { centre: row.centre_name, year: row.year },
        reason: input.reason,
      });
    })();
    return {};
  },
};
