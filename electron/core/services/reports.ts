import type { reportsChannels, ReportPeriod } from '../../../shared/contract/reports';
import { todayInVietnam } from '../../../shared/domain/dates';
import type { AppCore } from '../app-core';
import { audit } from '../audit';
import { buildReportHtml, type ReportDoc } from '../documents/report';
import { reportModel } from '../documents/docx-report';
import { partyDocx } from '../documents/docx-party';
import { AppError } from '../errors';
import { reportXlsx } from '../io/report-xlsx';
import { closeYear, yearBlockers } from '../reports/close';
import { classesWithoutFigures, fillClassFigures } from '../reports/class-figures';
import { previousPeriod, resolvePeriod } from '../reports/period';
import { AGE_BOUNDS_KEY, ageBounds, buildReport, firstYear } from '../reports/report';
import { exportRollup, importRollup, rollupOf } from '../reports/rollup';
import { centreProfileAt } from './centre';
import { storeOutcomes } from './enrollments';
import type { Handlers } from '../handler';

type Channels = typeof reportsChannels;

function fileStem(period: ReportPeriod): string {
  if (period.kind === 'year') return `bao-cao-dao-tao-nam-${period.year}`;
  if (period.kind === 'months') return `bao-cao-dao-tao-${period.months}-thang-${period.year}`;
  return `bao-cao-dao-tao-${period.fromYear}-${period.toYear}`;
}

/** The report under today's header, signed by today's director: it is sent now. */
function reportDoc(ctx: AppCore, period: ReportPeriod): ReportDoc {
  const date = todayInVietnam(ctx.now());
  const p = centreProfileAt(ctx, date);
  if (!p) throw new AppError('NO_PROFILE', 'Chưa có hồ sơ trung tâm; hãy nhập ở màn hình Hồ sơ trung tâm.');
  const built = report(ctx, period);
  const body = {
    superior: p.superior,
    centreName: p.name,
    docCode: p.docCode,
    placeName: p.placeName,
    directorName: p.director.name,
    directorTitle: p.director.title,
  };
  return { body, date, report: built };
}

function reportHtml(ctx: AppCore, period: ReportPeriod): { title: string; html: string } {
  return { title: `Báo cáo kết quả đào tạo, bồi dưỡng — ${resolvePeriod(period).label}`, html: buildReportHtml(reportDoc(ctx, period)) };
}

const OUTCOMES_FILLED = 'reports.outcomesFilled';

/**
 * Classes recognised before the reports existed have no stored outcome: work it out once, from their
 * attendance and scores, the way recognition does now. Later recognitions store their own.
 */
function ensureOutcomes(ctx: AppCore): void {
  if (ctx.db.prepare('SELECT 1 FROM settings WHERE key = ?').get(OUTCOMES_FILLED)) return;
  ctx.db.transaction(() => {
    const classes = ctx.db
      .prepare(
        `SELECT DISTINCT e.class_id AS id FROM enrollments e JOIN classes c ON c.id = e.class_id
         WHERE c.status IN ('results_recognised', 'certificates_issued') AND e.status = 'enrolled' AND e.outcome IS NULL`,
      )
      .all() as { id: number }[];
    for (const c of classes) storeOutcomes(ctx, c.id);
    ctx.db.prepare('INSERT OR REPLACE INTO settings (key, value) VALUES (?, ?)').run(OUTCOMES_FILLED, ctx.now().toISOString());
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
  'reports.pdf': async (ctx, input) => {
    // The port first: a machine that cannot make PDFs refuses before the figures are cached.
    const port = ctx.printing();
    const { html } = reportHtml(ctx, input.period);
    return { fileName: `${fileStem(input.period)}.pdf`, dataBase64: (await port.toPdf(html)).toString('base64') };
  },
  'reports.docx': async (ctx, input) => {
    const bytes = await partyDocx(
      reportModel(reportDoc(ctx, input.period)),
      `Báo cáo kết quả đào tạo, bồi dưỡng - ${resolvePeriod(input.period).label}`,
    );
    return { fileName: `${fileStem(input.period)}.docx`, dataBase64: bytes.toString('base64') };
  },
  'reports.print': async (ctx, input) => {
    const port = ctx.printing();
    if (!port.canPrint || !port.print) throw new AppError('PRINT_UNAVAILABLE', 'Máy này không in trực tiếp được; hãy lưu PDF rồi in.');
    await port.print(reportHtml(ctx, input.period).html);
    return { printed: true };
  },
  'reports.settings': (ctx) => settings(ctx),
  'reports.saveSettings': (ctx, input) => {
    ctx.db.transaction(() => {
      ctx.db
        .prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value')
        .run(AGE_BOUNDS_KEY, JSON.stringify(input.ageBounds));
      audit(ctx, { action: 'update', entity: 'settings', entityId: AGE_BOUNDS_KEY, after: input.ageBounds });
    })();
    return settings(ctx);
  },
  'reports.years': (ctx) => {
    const closed = new Map(
      (
        ctx.db.prepare('SELECT year, closed_at, actor FROM year_closures').all() as { year: number; closed_at: string; actor: string }[]
      ).map((r) => [r.year, r]),
    );
    const years = (
      ctx.db
        .prepare('SELECT year FROM classes UNION SELECT year FROM plan_lines UNION SELECT year FROM year_closures ORDER BY year DESC')
        .all() as { year: number }[]
    ).map((r) => r.year);
    const thisYear = Number(todayInVietnam(ctx.now()).slice(0, 4));
    return years.map((year) => {
      const c = closed.get(year);
      const notOver = year >= thisYear ? [`Năm ${year} chưa kết thúc (khóa sổ từ ngày 01/01/${year + 1})`] : [];
      return {
        year,
        closedAt: c?.closed_at ?? null,
        closedBy: c?.actor ?? null,
        blockers: c ? [] : [...notOver, ...yearBlockers(ctx, year)],
      };
    });
  },
  'reports.closeYear': (ctx, input) => {
    ensureOutcomes(ctx);
    return closeYear(ctx, input.year);
  },
  'reports.exportRollup': (ctx, input) => exportRollup(ctx, input.year),
  'reports.importRollup': (ctx, input) => importRollup(ctx, input.fileText),
  'reports.rollup': (ctx, input) => rollupOf(ctx, input.year),
  'reports.removeRollup': (ctx, input) => {
    ctx.db.transaction(() => {
      const row = ctx.db.prepare('SELECT centre_name, year FROM rollup_imports WHERE id = ?').get(input.id) as
        { centre_name: string; year: number } | undefined;
      if (!row) throw new AppError('NOT_FOUND', 'Không tìm thấy bản tổng hợp này.');
      ctx.db.prepare('DELETE FROM rollup_imports WHERE id = ?').run(input.id);
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
