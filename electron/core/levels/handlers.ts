import type { levelsChannels } from '../../../shared/contract/levels';
import { todayInVietnam } from '../../../shared/domain/dates';
import { formatDate } from '../../../shared/domain/format';
import type { AppCore } from '../app-core';
import { audit } from '../audit-store';
import { AppError } from '../errors';
import type { Handlers } from '../handler';
import { docxFile, pdfFile, todaysHeader } from '../report-files';
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

function reportDoc(ctx: AppCore, year: number) {
  const header = todaysHeader(ctx);
  return { ...header, report: report(ctx, year) };
}

const fileStem = (year: number) => `trinh-do-llct-nam-${year}`;

/** A kind of record the levels screens save and delete: its audit entity, how a refusal names it, and how it is read. */
interface Kind<T> {
  entity: string;
  what: string;
  get: (db: AppCore['db'], id: number) => T | null;
}

const DIPLOMA: Kind<ReturnType<typeof store.getDiploma>> = { entity: 'theory_diploma', what: 'bằng này', get: store.getDiploma };
const GROUP: Kind<ReturnType<typeof store.getGroup>> = { entity: 'position_group', what: 'nhóm chức vụ này', get: store.getGroup };
const TARGET: Kind<ReturnType<typeof store.getTarget>> = { entity: 'theory_target', what: 'chỉ tiêu này', get: store.getTarget };
const NOMINATION: Kind<ReturnType<typeof store.getNomination>> = {
  entity: 'theory_nomination',
  what: 'đợt cử đi học này',
  get: store.getNomination,
};

type Db = AppCore['db'];

/** The save handler of a kind: checks and writes a new or changed record, audited, in one transaction; answers it as saved. */
function saver<T, I extends { id?: number }>(
  kind: Kind<T>,
  check: (ctx: AppCore, input: I) => void,
  write: (db: Db, input: I, now: string) => number,
) {
  return (ctx: AppCore, input: I): NonNullable<T> =>
    ctx.db.transaction(() => {
      const before = input.id === undefined ? undefined : kind.get(ctx.db, input.id);
      if (before === null) throw notFound(kind.what);
      check(ctx, input);
      const savedId = write(ctx.db, input, ctx.now().toISOString());
      const after = kind.get(ctx.db, savedId)!;
      audit(ctx, { action: before ? 'update' : 'create', entity: kind.entity, entityId: savedId, before, after });
      return after;
    })();
}

/** The delete handler of a kind: deletes a record, audited, in one transaction; `guard` may refuse it first. */
function remover<T>(kind: Kind<T>, drop: (db: Db, id: number) => void, guard?: (before: NonNullable<T>) => void) {
  return (ctx: AppCore, input: { id: number }) => {
    ctx.db.transaction(() => {
      const before = kind.get(ctx.db, input.id);
      if (!before) throw notFound(kind.what);
      guard?.(before);
      drop(ctx.db, input.id);
      audit(ctx, { action: 'delete', entity: kind.entity, entityId: input.id, before });
    })();
    return {};
  };
}

export const levelsHandlers: Handlers<Channels> = {
  'levels.history': (ctx, input) => {
    if (!store.personFacts(ctx.db, input.personId)) throw notFound('hồ sơ');
    return personHistory(ctx.db, input.personId, today(ctx));
  },
  'levels.saveDiploma': saver(DIPLOMA, (ctx, input) => checkDiploma(ctx.db, input, today(ctx)), store.writeDiploma),
  'levels.deleteDiploma': remover(DIPLOMA, store.deleteDiploma),
  'levels.groups': (ctx) => store.listGroups(ctx.db),
  'levels.saveGroup': saver(GROUP, (ctx, input) => checkGroup(ctx.db, input), store.writeGroup),
  'levels.deleteGroup': remover(GROUP, store.deleteGroup, (before) => {
    if (before.targetCount > 0) {
      throw new AppError(
        'IN_USE',
        `Nhóm «${before.name}» đang dùng trong ${before.targetCount} chỉ tiêu; hãy xóa hoặc đổi các chỉ tiêu đó trước.`,
      );
    }
  }),
  'levels.targets': (ctx, input) => store.listTargets(ctx.db, input.year),
  'levels.saveTarget': saver(TARGET, (ctx, input) => checkTarget(ctx.db, input), store.writeTarget),
  'levels.deleteTarget': remover(TARGET, store.deleteTarget),
  'levels.nominations': (ctx, input) => store.listNominations(ctx.db, input.year),
  'levels.saveNomination': saver(NOMINATION, (ctx, input) => checkNomination(ctx.db, input, today(ctx)), store.writeNomination),
  'levels.deleteNomination': remover(NOMINATION, store.deleteNomination),
  'levels.report': (ctx, input) => report(ctx, input.year),
  'levels.preview': (ctx, input) => {
    const doc = reportDoc(ctx, input.year);
    return {
      title: `Báo cáo trình độ lý luận chính trị năm ${input.year} (tính đến ${formatDate(doc.report.asOf)})`,
      html: buildLevelReportHtml(doc),
    };
  },
  'levels.pdf': (ctx, input) =>
    pdfFile(ctx, () => ({ fileName: `${fileStem(input.year)}.pdf`, html: buildLevelReportHtml(reportDoc(ctx, input.year)) })),
  'levels.xlsx': (ctx, input) => levelReportXlsx(report(ctx, input.year), fileStem(input.year)),
  'levels.docx': (ctx, input) =>
    docxFile(
      `${fileStem(input.year)}.docx`,
      levelReportModel(reportDoc(ctx, input.year)),
      `Báo cáo trình độ lý luận chính trị năm ${input.year}`,
    ),
};
