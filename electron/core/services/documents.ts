import type { z } from 'zod';
import type { documentsChannels } from '../../../shared/contract/documents';
import { DOCUMENT_LABELS } from '../../../shared/contract/documents';
import { PARTY_STATUS_LABELS, SEX_LABELS } from '../../../shared/domain/learner-fields';
import { todayInVietnam } from '../../../shared/domain/dates';
import { foldText } from '../../../shared/domain/text';
import type { AppCore } from '../app-core';
import { AppError } from '../errors';
import { buildTimetableHtml, type TimetableDoc } from '../documents/class-timetable';
import { buildOpeningDecisionHtml, type OpeningDecisionDoc } from '../documents/opening-decision';
import type { PartyDocumentModel } from '../documents/document-model';
import { attendanceModel, classSummaryModel, scoreSheetModel, timetableModel } from '../documents/docx-class-lists';
import { learnerListModel, openingDecisionModel, resultsDecisionModel } from '../documents/docx-models';
import { partyDocx } from '../documents/docx-party';
import { buildAttendanceSheetHtml, type AttendanceSheetDoc } from '../documents/attendance-sheet';
import {
  buildClassSummaryHtml,
  buildLearnerListHtml,
  buildResultsDecisionHtml,
  buildScoreSheetHtml,
  type LearnerListDoc,
  type ResultsDecisionDoc,
  type SummaryBreakdown,
} from '../documents/class-lists';
import { attendanceXlsx, learnerListXlsx, resultsListXlsx, scoreSheetXlsx } from '../io/class-lists-xlsx';
import { getClass } from './classes';
import { attendanceGrid, enrollmentRows, resultsGrid } from './enrollments';
import { loadSessions } from './timetable';
import type { Handlers } from '../handler';

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
  const c = getClass(ctx, req.classId);
  const body = { ...c.issuingBody };
  const slug = fileSlug(c.name);
  const date = todayInVietnam(ctx.now());
  const enrolled = () => enrollmentRows(ctx, c.id).filter((e) => e.status === 'enrolled');
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
  const sessions = loadSessions(ctx, c.id);
  if (sessions.length === 0) throw new AppError('NO_SESSIONS', 'Lớp chưa có lịch học; hãy lập lịch học trước khi in.');
  const lecturer = ctx.db.prepare("SELECT family_and_middle || ' ' || given AS name FROM lecturers WHERE id = ?");
  const venue = ctx.db.prepare('SELECT name FROM venues WHERE id = ?');
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
      lecturerName: s.lecturerId === null ? null : ((lecturer.get(s.lecturerId) as { name: string } | undefined)?.name ?? null),
      venueName: s.venueId === null ? null : ((venue.get(s.venueId) as { name: string } | undefined)?.name ?? null),
    })),
  };
}

function learnerListDoc(ctx: AppCore, c: ClassRecord): LearnerListDoc {
  const learners = nonEmpty(enrollmentRows(ctx, c.id).filter((e) => e.status === 'enrolled'));
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
    learners: enrollmentRows(ctx, c.id).filter((e) => e.status === 'enrolled'),
  };
}

function resultsDecisionDoc(ctx: AppCore, c: ClassRecord): ResultsDecisionDoc {
  const r = recognisedList(ctx, c.id);
  const outcome = (
    ctx.db.prepare('SELECT outcome FROM programs WHERE id = ?').get(c.programId) as { outcome: ResultsDecisionDoc['outcome'] }
  ).outcome;
  return {
    body: { ...c.issuingBody },
    number: r.decision.label,
    date: r.decision.date,
    className: c.name,
    programName: c.programName,
    startDate: c.startDate,
    endDate: c.endDate,
    outcome,
    recognised: r.recognised,
    total: r.total,
  };
}

/** The Word file of a document, named as its PDF is. */
async function wordDocument(ctx: AppCore, req: Request): Promise<{ fileName: string; dataBase64: string }> {
  const d = classDocument(ctx, req);
  const bytes = await partyDocx(d.model(), d.title.replace(' — ', ' - '));
  return { fileName: `${d.baseName}.docx`, dataBase64: bytes.toString('base64') };
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
  const grid = resultsGrid(ctx, classId);
  if (!grid.decision) throw new AppError('NOT_RECOGNISED', 'Lớp chưa công nhận kết quả; hãy công nhận ở thẻ Kết quả trước khi in.');
  const people = new Map(enrollmentRows(ctx, classId).map((e) => [e.id, e]));
  const recognised = grid.rows
    .filter((r) => r.result.status === 'eligible')
    .map((r) => {
      const e = people.get(r.enrollmentId)!;
      return {
        fullName: r.fullName,
        sex: e.sex,
        birthDate: e.birthDate,
        unitName: e.unitName,
        finalTenths: r.result.finalTenths,
        classification: r.result.classification,
      };
    });
  return { decision: grid.decision, recognised, total: grid.rows.length };
}

function countBy<T>(items: T[], key: (t: T) => string, order?: string[]): { label: string; count: number }[] {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(key(item), (counts.get(key(item)) ?? 0) + 1);
  const labels = order
    ? order.filter((l) => counts.has(l)).concat([...counts.keys()].filter((l) => !order.includes(l)))
    : [...counts.keys()];
  return labels.map((label) => ({ label, count: counts.get(label)! }));
}

const UNKNOWN = 'Chưa rõ';

function ageBand(birthDate: string | null, classStart: string): string {
  if (!birthDate) return UNKNOWN;
  const age = Number(classStart.slice(0, 4)) - Number(birthDate.slice(0, 4));
  if (age < 30) return 'Dưới 30 tuổi';
  if (age <= 45) return 'Từ 30 đến 45 tuổi';
  if (age <= 60) return 'Từ 46 đến 60 tuổi';
  return 'Trên 60 tuổi';
}

/** The tallies the Party committee asks about a class: who came, and how they did. */
function summary(learners: ReturnType<typeof enrollmentRows>, grid: Grid, classStart: string): SummaryBreakdown[] {
  const collator = new Intl.Collator('vi');
  const byResult = new Map(grid.rows.map((r) => [r.enrollmentId, r.result]));
  const resultLabel = (id: number): string => {
    const r = byResult.get(id);
    if (!r || r.status === 'incomplete') return 'Chưa đủ kết quả';
    if (r.status === 'not_eligible') return 'Không đủ điều kiện công nhận';
    return r.classification ?? 'Đạt';
  };
  const bands = grid.scheme.bands.map((b) => b.label);
  const units = countBy(learners, (l) => l.unitName ?? UNKNOWN).sort((a, b) => collator.compare(a.label, b.label));
  return [
    { title: 'Theo giới tính', rows: countBy(learners, (l) => (l.sex ? SEX_LABELS[l.sex] : UNKNOWN), ['Nam', 'Nữ']) },
    {
      title: 'Theo độ tuổi',
      rows: countBy(learners, (l) => ageBand(l.birthDate, classStart), [
        'Dưới 30 tuổi',
        'Từ 30 đến 45 tuổi',
        'Từ 46 đến 60 tuổi',
        'Trên 60 tuổi',
      ]),
    },
    { title: 'Theo dân tộc', rows: countBy(learners, (l) => l.ethnicityName ?? UNKNOWN, ['Kinh']) },
    {
      title: 'Theo tình trạng đảng viên',
      rows: countBy(learners, (l) => (l.partyStatus ? PARTY_STATUS_LABELS[l.partyStatus] : UNKNOWN), Object.values(PARTY_STATUS_LABELS)),
    },
    { title: 'Theo kết quả học tập', rows: countBy(learners, (l) => resultLabel(l.id), bands) },
    { title: 'Theo chi bộ, đơn vị', rows: units },
  ];
}

async function spreadsheet(ctx: AppCore, input: z.output<(typeof documentsChannels)['documents.xlsx']['input']>) {
  const c = getClass(ctx, input.classId);
  if (input.kind === 'learnerList')
    return learnerListXlsx({ className: c.name, learners: nonEmpty(enrollmentRows(ctx, c.id).filter((e) => e.status === 'enrolled')) });
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
  'documents.preview': (ctx, input) => {
    const d = build(ctx, input);
    return { title: d.title, html: d.html };
  },
  'documents.pdf': async (ctx, input) => {
    const d = build(ctx, input);
    const pdf = await ctx.printing().toPdf(d.html);
    return { fileName: d.fileName, dataBase64: pdf.toString('base64') };
  },
  'documents.print': async (ctx, input) => {
    const port = ctx.printing();
    if (!port.canPrint || !port.print) throw new AppError('PRINT_UNAVAILABLE', 'Máy này không in trực tiếp được; hãy lưu PDF rồi in.');
    await port.print(build(ctx, input).html);
    return { printed: true };
  },
  'documents.docx': (ctx, input) => wordDocument(ctx, input),
  'documents.xlsx': (ctx, input) => spreadsheet(ctx, input),
};
