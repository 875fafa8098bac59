import type { z } from 'zod';
import type { documentsChannels } from '../../../shared/contract/documents';
import { DOCUMENT_LABELS } from '../../../shared/contract/documents';
import { todayInVietnam } from '../../../shared/domain/dates';
import { foldText } from '../../../shared/domain/text';
import type { AppCore } from '../app-core';
import { attendanceGrid } from '../attendance/grid';
import { getClass } from '../classes/store';
import { enrollmentRows } from '../enrollments/store';
import { AppError } from '../errors';
import type { Handlers } from '../handler';
import { builtPdf, docxFile, previewOf, printHtml, type SavedFile } from '../report-files';
import { attendanceXlsx, learnerListXlsx, resultsListXlsx, scoreSheetXlsx } from '../io/class-lists-xlsx';
import { eligibleLearners, resultsGrid } from '../results/grid';
import { loadSessions } from '../timetable/store';
import { buildAttendanceSheetHtml, type AttendanceSheetDoc } from './attendance-sheet';
import {
  buildClassSummaryHtml,
  buildLearnerListHtml,
  buildResultsDecisionHtml,
  buildScoreSheetHtml,
  type LearnerListDoc,
  type ResultsDecisionDoc,
} from './class-lists';
import { buildTimetableHtml, type TimetableDoc } from './class-timetable';
import type { PartyDocumentModel } from './document-model';
import { attendanceModel, classSummaryModel, scoreSheetModel, timetableModel } from './docx-class-lists';
import { learnerListModel, openingDecisionModel, resultsDecisionModel } from './docx-models';
import { buildOpeningDecisionHtml, type OpeningDecisionDoc } from './opening-decision';
import { lecturerNames, programOutcome, venueNames } from './store';
import { summary } from './summary-tally';

type Request = z.output<(typeof documentsChannels)['documents.preview']['input']>;

/**
 * A class document, ready as HTML (preview, PDF, printout) and as the Word model: both are built
 * from one record, so the two files cannot disagree.
 */
interface ClassDocument {
  title: string;
  /** The file name without its extension. */
  baseName: string;
  html: () => string;
  model: () => PartyDocumentModel;
}

function classDocument(ctx: AppCore, req: Request): ClassDocument {
  const c = getClass(ctx.db, req.classId);
  const body = { ...c.issuingBody };
  const slug = fileSlug(c.name);
  const date = todayInVietnam(ctx.now());
  const enrolled = () => enrollmentRows(ctx.db, c.id).filter((e) => e.status === 'enrolled');
  const named = <T>(
    prefix: string,
    doc: T,
    html: (d: T) => string,
    model: (d: T) => PartyDocumentModel,
    title = `${DOCUMENT_LABELS[req.kind]} — ${c.name}`,
  ): ClassDocument => ({
    title,
    baseName: `${prefix}-${slug}`,
    html: () => html(doc),
    model: () => model(doc),
  });
  if (req.kind === 'timetable') return named('lich-hoc', timetableDoc(ctx, c), buildTimetableHtml, timetableModel);
  if (req.kind === 'learnerList') return named('danh-sach-hoc-vien', learnerListDoc(ctx, c), buildLearnerListHtml, learnerListModel);
  if (req.kind === 'attendanceDay' || req.kind === 'attendanceWeek') {
    const grid = attendanceGrid(ctx, c.id);
    if (grid.sessions.length === 0) throw new AppError('NO_SESSIONS', 'Lớp chưa có lịch học; hãy lập lịch học trước khi in sổ điểm danh.');
    const learners = nonEmpty(enrolled());
    // Online classes: each connected site signs its own sheets; anyone not yet placed gets a set too.
    const unplaced = learners.filter((l) => !l.site || !grid.sites.includes(l.site));
    const sites = grid.sites.length
      ? [
          ...grid.sites.map((name) => ({ name, learners: learners.filter((l) => l.site === name) })),
          ...(unplaced.length ? [{ name: 'Chưa chọn điểm cầu', learners: unplaced }] : []),
        ].filter((x) => x.learners.length > 0)
      : [];
    const doc: AttendanceSheetDoc = {
      body,
      className: c.name,
      layout: req.kind === 'attendanceDay' ? 'day' : 'week',
      sessions: grid.sessions,
      learners,
      sites,
    };
    return named('so-diem-danh', doc, buildAttendanceSheetHtml, attendanceModel);
  }
  if (req.kind === 'scoreSheet') {
    const grid = resultsGrid(ctx, c.id);
    if (grid.rows.length === 0) throw new AppError('NO_LEARNERS', 'Lớp chưa có học viên.');
    return named(
      'bang-diem',
      { body, date, className: c.name, components: grid.scheme.components, rows: scoreRows(grid) },
      buildScoreSheetHtml,
      scoreSheetModel,
    );
  }
  if (req.kind === 'resultsDecision') {
    const doc = resultsDecisionDoc(ctx, c);
    return named(
      'quyet-dinh-cong-nhan',
      doc,
      buildResultsDecisionHtml,
      resultsDecisionModel,
      `${DOCUMENT_LABELS.resultsDecision} số ${doc.number}`,
    );
  }
  if (req.kind === 'classSummary') {
    const learners = nonEmpty(enrolled());
    const grid = resultsGrid(ctx, c.id);
    const doc = { body, date, className: c.name, total: learners.length, breakdowns: summary(learners, grid, c.startDate) };
    return named('tong-hop-ket-qua', doc, buildClassSummaryHtml, classSummaryModel);
  }
  return named(
    'quyet-dinh-mo-lop',
    openingDecisionDoc(ctx, c),
    buildOpeningDecisionHtml,
    openingDecisionModel,
    `${DOCUMENT_LABELS.openingDecision} số ${c.openingDecisionLabel}`,
  );
}

/** One builder call per request: the preview, the PDF and the printout are the same HTML. */
function build(ctx: AppCore, req: Request): { title: string; html: string; fileName: string } {
  const d = classDocument(ctx, req);
  return { title: d.title, html: d.html(), fileName: `${d.baseName}.pdf` };
}

// ASCII file names survive every file system and e-mail client; long names are cut at a word.
function fileSlug(className: string): string {
  const full = foldText(className)
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
  return full.length <= 80 ? full : full.slice(0, 80).replace(/-[^-]*$/, '');
}

type ClassRecord = ReturnType<typeof getClass>;

function timetableDoc(ctx: AppCore, c: ClassRecord): TimetableDoc {
  const sessions = loadSessions(ctx.db, c.id);
  if (sessions.length === 0) throw new AppError('NO_SESSIONS', 'Lớp chưa có lịch học; hãy lập lịch học trước khi in.');
  const lecturers = lecturerNames(
    ctx.db,
    sessions.flatMap((s) => (s.lecturerId === null ? [] : [s.lecturerId])),
  );
  const venues = venueNames(
    ctx.db,
    sessions.flatMap((s) => (s.venueId === null ? [] : [s.venueId])),
  );
  return {
    body: { ...c.issuingBody },
    date: todayInVietnam(ctx.now()),
    className: c.name,
    programName: c.programName,
    startDate: c.startDate,
    endDate: c.endDate,
    venueName: c.venueName,
    sessions: sessions.map((s) => ({
      date: s.date,
      half: s.half,
      title: s.title,
      lecturerName: s.lecturerId === null ? null : (lecturers.get(s.lecturerId) ?? null),
      venueName: s.venueId === null ? null : (venues.get(s.venueId) ?? null),
    })),
  };
}

function learnerListDoc(ctx: AppCore, c: ClassRecord): LearnerListDoc {
  const learners = nonEmpty(enrollmentRows(ctx.db, c.id).filter((e) => e.status === 'enrolled'));
  return { body: { ...c.issuingBody }, date: todayInVietnam(ctx.now()), className: c.name, learners };
}

function openingDecisionDoc(ctx: AppCore, c: ClassRecord): OpeningDecisionDoc {
  if (c.openingDecisionNumber === null || c.openingDecisionDate === null || c.openingDecisionLabel === null) {
    throw new AppError('NO_DECISION', 'Lớp chưa có số và ngày quyết định mở lớp; hãy nhập ở thông tin lớp trước khi in.');
  }
  return {
    body: { ...c.issuingBody },
    number: c.openingDecisionLabel,
    date: c.openingDecisionDate,
    className: c.name,
    programName: c.programName,
    startDate: c.startDate,
    endDate: c.endDate,
    venueName: c.venueName,
    homeroomName: c.homeroomName,
    learners: enrollmentRows(ctx.db, c.id).filter((e) => e.status === 'enrolled'),
  };
}

function resultsDecisionDoc(ctx: AppCore, c: ClassRecord): ResultsDecisionDoc {
  const r = recognisedList(ctx, c.id);
  return {
    body: { ...c.issuingBody },
    number: r.decision.label,
    date: r.decision.date,
    className: c.name,
    programName: c.programName,
    startDate: c.startDate,
    endDate: c.endDate,
    outcome: programOutcome(ctx.db, c.programId),
    recognised: r.recognised,
    total: r.total,
  };
}

/** The Word file of a document, named as its PDF is. */
function wordDocument(ctx: AppCore, req: Request): Promise<SavedFile> {
  const d = classDocument(ctx, req);
  return docxFile(`${d.baseName}.docx`, d.model(), d.title.replace(' — ', ' - '));
}

function nonEmpty<T>(learners: T[]): T[] {
  if (learners.length === 0) throw new AppError('NO_LEARNERS', 'Lớp chưa có học viên; hãy ghi danh trước khi in.');
  return learners;
}

type Grid = ReturnType<typeof resultsGrid>;

function scoreRows(grid: Grid) {
  return grid.rows.map((r) => ({
    fullName: r.fullName,
    scores: r.scores,
    finalTenths: r.result.finalTenths,
    classification: r.result.classification,
    absent: r.result.absent,
    sessions: r.result.sessions,
    eligible: r.result.status,
    reasons: r.result.reasons,
  }));
}

/** The learners the results decision recognises; only a recognised class has one. */
function recognisedList(ctx: AppCore, classId: number) {
  const { grid, eligible } = eligibleLearners(ctx, classId);
  if (!grid.decision) throw new AppError('NOT_RECOGNISED', 'Lớp chưa công nhận kết quả; hãy công nhận ở thẻ Kết quả trước khi in.');
  const recognised = eligible.map(({ row, learner: e }) => ({
    fullName: row.fullName,
    sex: e.sex,
    birthDate: e.birthDate,
    unitName: e.unitName,
    finalTenths: row.result.finalTenths,
    classification: row.result.classification,
  }));
  return { decision: grid.decision, recognised, total: grid.rows.length };
}

async function spreadsheet(ctx: AppCore, input: z.output<(typeof documentsChannels)['documents.xlsx']['input']>) {
  const c = getClass(ctx.db, input.classId);
  if (input.kind === 'learnerList')
    return learnerListXlsx({ className: c.name, learners: nonEmpty(enrollmentRows(ctx.db, c.id).filter((e) => e.status === 'enrolled')) });
  if (input.kind === 'attendance') {
    const grid = attendanceGrid(ctx, c.id);
    return attendanceXlsx({ className: c.name, sessions: grid.sessions, rows: nonEmpty(grid.rows.filter((r) => !r.withdrawn)) });
  }
  if (input.kind === 'scoreSheet') {
    const grid = resultsGrid(ctx, c.id);
    return scoreSheetXlsx({ className: c.name, components: grid.scheme.components, rows: nonEmpty(scoreRows(grid)) });
  }
  return resultsListXlsx({ className: c.name, recognised: recognisedList(ctx, c.id).recognised });
}

export const documentsHandlers: Handlers<typeof documentsChannels> = {
  'documents.preview': (ctx, input) => previewOf(build(ctx, input)),
  'documents.pdf': (ctx, input) => builtPdf(ctx, build(ctx, input)),
  'documents.print': (ctx, input) => printHtml(ctx, () => build(ctx, input).html),
  'documents.docx': (ctx, input) => wordDocument(ctx, input),
  'documents.xlsx': (ctx, input) => spreadsheet(ctx, input),
};
