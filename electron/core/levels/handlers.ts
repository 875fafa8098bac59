import type { levelsChannels } from '../../../shared/contract/levels';
import { todayInVietnam } from '../../../shared/domain/dates';
import { formatDate } from '../../../shared/domain/format';
import type { AppCore } from '../app-core';
import { audit } from '../audit';
import { partyDocx } from '../documents/docx-party';
import { AppError } from '../errors';
import type { Handlers } from '../handler';
import { checkDiploma, checkGroup, checkNomination, checkTarget } from './checks';
import { personHistory } from './history';
import { levelReportModel } from './level-docx';
import { buildLevelReportHtml } from './level-document';
import { levelReportXlsx } from './level-xlsx';
import { buildLevelReport } from './report';
import * as store from './store';

type Channels = typeof levelsChannels;

const today = (ctx: AppCore) => todayInVietnam(ctx.now());
const notFound = (what: string) => new AppError('NOT_FOUND', `Không tìm thấy ${what} (có thể đã bị xóa); hãy tải lại trang.`);

function report(ctx: AppCore, year: number) {
  const now = today(ctx);
  if (year > Number(now.slice(0, 4))) {
    throw new AppError('INVALID_INPUT', `Năm ${year} chưa đến; báo cáo tính đến hôm nay chỉ có từ năm nay trở về trước.`, {
      year: 'Năm chưa đến',
    });
  }
  return buildLevelReport(ctx.db, year, now);
}

/** The report under today's header, signed by today's director: it is sent now. */
function reportDoc(ctx: AppCore, year: number) {
  const date = today(ctx);
  const body = store.centreProfileOn(ctx.db, date);
  if (!body) throw new AppError('NO_PROFILE', 'Chưa có hồ sơ trung tâm; hãy nhập ở màn hình Hồ sơ trung tâm.');
  return { body, date, report: report(ctx, year) };
}

const fileStem = (year: number) => `trinh-do-llct-nam-${year}`;

/** Runs a change and its audit entry in one transaction. */
function change<T>(ctx: AppCore, work: () => T): T {
  return ctx.db.transaction(work)();
}

export const levelsHandlers: Handlers<Channels> = {
  'levels.history': (ctx, input) => {
    if (!store.personFacts(ctx.db, input.personId)) throw notFound('hồ sơ');
    return personHistory(ctx.db, input.personId, today(ctx));
  },
  'levels.saveDiploma': (ctx, input) =>
    change(ctx, () => {
      const before = input.id === undefined ? undefined : store.getDiploma(ctx.db, input.id);
      if (before === null) throw notFound('bằng này');
      checkDiploma(ctx.db, input, today(ctx));
      const id = store.writeDiploma(ctx.db, input, ctx.now().toISOString());
      const after = store.getDiploma(ctx.db, id)!;
      audit(ctx, { action: before ? 'update' : 'create', entity: 'theory_diploma', entityId: id, before, after });
      return after;
    }),
  'levels.deleteDiploma': (ctx, input) =>
    change(ctx, () => {
      const before = store.getDiploma(ctx.db, input.id);
      if (!before) throw notFound('bằng này');
      store.deleteDiploma(ctx.db, input.id);
      audit(ctx, { action: 'delete', entity: 'theory_diploma', entityId: input.id, before });
      return {};
    }),
  'levels.groups': (ctx) => store.listGroups(ctx.db),
  'levels.saveGroup': (ctx, input) =>
    change(ctx, () => {
      const before = input.id === undefined ? undefined : store.getGroup(ctx.db, input.id);
      if (before === null) throw notFound('nhóm chức vụ này');
      checkGroup(ctx.db, input);
      const id = store.writeGroup(ctx.db, input, ctx.now().toISOString());
      const after = store.getGroup(ctx.db, id)!;
      audit(ctx, { action: before ? 'update' : 'create', entity: 'position_group', entityId: id, before, after });
      return after;
    }),
  'levels.deleteGroup': (ctx, input) =>
    change(ctx, () => {
      const before = store.getGroup(ctx.db, input.id);
      if (!before) throw notFound('nhóm chức vụ này');
      if (before.targetCount > 0) {
        throw new AppError(
          'IN_USE',
          `Nhóm «${before.name}» đang dùng trong ${before.targetCount} chỉ tiêu; hãy xóa hoặc đổi các chỉ tiêu đó trước.`,
        );
      }
      store.deleteGroup(ctx.db, input.id);
      audit(ctx, { action: 'delete', entity: 'position_group', entityId: input.id, before });
      return {};
    }),
  'levels.targets': (ctx, input) => store.listTargets(ctx.db, input.year),
  'levels.saveTarget': (ctx, input) =>
    change(ctx, () => {
      const before = input.id === undefined ? undefined : store.getTarget(ctx.db, input.id);
      if (before === null) throw notFound('chỉ tiêu này');
      checkTarget(ctx.db, input);
      const id = store.writeTarget(ctx.db, input, ctx.now().toISOString());
      const after = store.getTarget(ctx.db, id)!;
      audit(ctx, { action: before ? 'update' : 'create', entity: 'theory_target', entityId: id, before, after });
      return after;
    }),
  'levels.deleteTarget': (ctx, input) =>
    change(ctx, () => {
      const before = store.getTarget(ctx.db, input.id);
      if (!before) throw notFound('chỉ tiêu này');
      store.deleteTarget(ctx.db, input.id);
      audit(ctx, { action: 'delete', entity: 'theory_target', entityId: input.id, before });
      return {};
    }),
  'levels.nominations': (ctx, input) => store.listNominations(ctx.db, input.year),
  'levels.saveNomination': (ctx, input) =>
    change(ctx, () => {
      const before = input.id === undefined ? undefined : store.getNomination(ctx.db, input.id);
      if (before === null) throw notFound('đợt cử đi học này');
      checkNomination(ctx.db, input, today(ctx));
      const id = store.writeNomination(ctx.db, input, ctx.now().toISOString());
      const after = store.getNomination(ctx.db, id)!;
      audit(ctx, { action: before ? 'update' : 'create', entity: 'theory_nomination', entityId: id, before, after });
      return after;
    }),
  'levels.deleteNomination': (ctx, input) =>
    change(ctx, () => {
      const before = store.getNomination(ctx.db, input.id);
      if (!before) throw notFound('đợt cử đi học này');
      store.deleteNomination(ctx.db, input.id);
      audit(ctx, { action: 'delete', entity: 'theory_nomination', entityId: input.id, before });
      return {};
    }),
  'levels.report': (ctx, input) => report(ctx, input.year),
  'levels.preview': (ctx, input) => {
    const doc = reportDoc(ctx, input.year);
    return {
      title: `Báo cáo trình độ lý luận chính trị năm ${input.year} (tính đến ${formatDate(doc.report.asOf)})`,
      html: buildLevelReportHtml(doc),
    };
  },
  'levels.pdf': async (ctx, input) => {
    // The port first: a machine that cannot make PDFs refuses before anything is computed.
    const port = ctx.printing();
    const html = buildLevelReportHtml(reportDoc(ctx, input.year));
    return { fileName: `${fileStem(input.year)}.pdf`, dataBase64: (await port.toPdf(html)).toString('base64') };
  },
  'levels.xlsx': (ctx, input) => levelReportXlsx(report(ctx, input.year), fileStem(input.year)),
  'levels.docx': async (ctx, input) => {
    const doc = reportDoc(ctx, input.year);
    const data = await partyDocx(levelReportModel(doc), `Báo cáo trình độ lý luận chính trị năm ${input.year}`);
    return { fileName: `${fileStem(input.year)}.docx`, dataBase64: data.toString('base64') };
  },
};
