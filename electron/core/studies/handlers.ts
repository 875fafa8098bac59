import type { studiesChannels, StudyScope } from '../../../shared/contract/studies';
import type { AppCore } from '../app-core';
import type { Handlers } from '../handler';
import { docxFile, pdfFile, printHtml, todaysHeader } from '../report-files';
import { buildStudyReport, summaryOf } from './participation';
import { buildStudyReportHtml, studyReportModel } from './report-document';
import { studyFileStem, type StudyReportDoc } from './report-wording';
import { studyReportXlsx } from './report-xlsx';
import { membersTable, removeSession, saveCounts, saveMembers, saveSession, sessionGrid } from './sessions';
import { allUnits, baseOrgs, linkableClasses, sessionsOfYear } from './store';

function reportDoc(ctx: AppCore, scope: StudyScope): StudyReportDoc {
  return { ...todaysHeader(ctx), report: buildStudyReport(ctx.db, scope) };
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
  'studies.pdf': (ctx, input) =>
    pdfFile(ctx, () => {
      const doc = reportDoc(ctx, input.scope);
      return { fileName: `${studyFileStem(doc.report)}.pdf`, html: buildStudyReportHtml(doc).html };
    }),
  'studies.print': (ctx, input) => printHtml(ctx, () => buildStudyReportHtml(reportDoc(ctx, input.scope)).html),
  'studies.docx': (ctx, input) => {
    const doc = reportDoc(ctx, input.scope);
    return docxFile(`${studyFileStem(doc.report)}.docx`, studyReportModel(doc), buildStudyReportHtml(doc).title);
  },
  'studies.xlsx': (ctx, input) => studyReportXlsx(buildStudyReport(ctx.db, input.scope)),
};
