import type { studiesChannels, StudyScope } from '../../../shared/contract/studies';
import { todayInVietnam } from '../../../shared/domain/dates';
import type { AppCore } from '../app-core';
import { partyDocx } from '../documents/docx-party';
import { AppError } from '../errors';
import type { Handlers } from '../handler';
import { buildStudyReport, summaryOf } from './participation';
import { buildStudyReportHtml, studyReportModel } from './report-document';
import { studyFileStem, type StudyReportDoc } from './report-wording';
import { studyReportXlsx } from './report-xlsx';
import { membersTable, removeSession, saveCounts, saveMembers, saveSession, sessionGrid } from './sessions';
import { allUnits, baseOrgs, issuingBodyAt, linkableClasses, sessionsOfYear } from './store';

/** The report under today's header: it is sent now. */
function reportDoc(ctx: AppCore, scope: StudyScope): StudyReportDoc {
  const date = todayInVietnam(ctx.now());
  const body = issuingBodyAt(ctx.db, date);
  if (!body) throw new AppError('NO_PROFILE', 'Chưa có hồ sơ trung tâm; hãy nhập ở màn hình Hồ sơ trung tâm.');
  return { body, date, report: buildStudyReport(ctx.db, scope) };
}

export const studiesHandlers: Handlers<typeof studiesChannels> = {
  'studies.list': (ctx, input) => {
    const units = allUnits(ctx.db);
    return sessionsOfYear(ctx.db, input.year).map((s) => summaryOf(ctx.db, s, units));
  },
  'studies.get': (ctx, input) => sessionGrid(ctx, input.id),
  'studies.save': (ctx, input) => saveSession(ctx, input),
  'studies.remove': (ctx, input) => {
    removeSession(ctx, input.id, input.reason);
    return {};
  },
  'studies.saveCounts': (ctx, input) => saveCounts(ctx, input),
  'studies.classes': (ctx, input) => linkableClasses(ctx.db, input.year),
  'studies.baseOrgs': (ctx) => baseOrgs(allUnits(ctx.db)).map((u) => ({ id: u.id, name: u.name })),
  'studies.members': (ctx, input) => membersTable(ctx, input.year),
  'studies.saveMembers': (ctx, input) => saveMembers(ctx, input),
  'studies.report': (ctx, input) => buildStudyReport(ctx.db, input.scope),
  'studies.preview': (ctx, input) => buildStudyReportHtml(reportDoc(ctx, input.scope)),
  'studies.pdf': async (ctx, input) => {
    const port = ctx.printing();
    const doc = reportDoc(ctx, input.scope);
    return {
      fileName: `${studyFileStem(doc.report)}.pdf`,
      dataBase64: (await port.toPdf(buildStudyReportHtml(doc).html)).toString('base64'),
    };
  },
  'studies.print': async (ctx, input) => {
    const port = ctx.printing();
    if (!port.canPrint || !port.print) throw new AppError('PRINT_UNAVAILABLE', 'Máy này không in trực tiếp được; hãy lưu PDF rồi in.');
    await port.print(buildStudyReportHtml(reportDoc(ctx, input.scope)).html);
    return { printed: true };
  },
  'studies.docx': async (ctx, input) => {
    const doc = reportDoc(ctx, input.scope);
    const w = buildStudyReportHtml(doc);
    return {
      fileName: `${studyFileStem(doc.report)}.docx`,
      dataBase64: (await partyDocx(studyReportModel(doc), w.title)).toString('base64'),
    };
  },
  'studies.xlsx': (ctx, input) => studyReportXlsx(buildStudyReport(ctx.db, input.scope)),
};
