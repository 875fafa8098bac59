import type { z } from 'zod';
import type { learnersChannels, learningRecordRequest } from '../../../shared/contract/learners';
import type { ClassStatus } from '../../../shared/contract/classes';
import { todayInVietnam } from '../../../shared/domain/dates';
import type { AppCore } from '../app-core';
import { AppError } from '../errors';
import type { Handlers } from '../handler';
import { decisionLabel } from '../classes/terms';
import { buildLearningRecordHtml, type LearningRecordClass, type LearningRecordDoc } from '../documents/learning-record';
import { learningRecordModel } from '../documents/docx-person-documents';
import { builtPdf, docxFile, previewOf, printHtml } from '../report-files';
import { letterBody, personFileStem } from './letters';
import { learningRecordRows, type LearningRecordRow } from './person-data-store';
import { readPerson } from './person-store';

/**
 * The learning record of one person: every class they were enrolled in, oldest first. A cancelled
 * class was never held and is left out; a class they withdrew from stays, said as «Thôi học»
 * without the reason (an internal note, not something the centre certifies).
 */

type Request = z.output<typeof learningRecordRequest>;
type Channels = typeof learnersChannels;

const PENDING: Partial<Record<ClassStatus, string>> = {
  planned: 'Đã ghi danh, lớp chưa khai giảng',
  opened: 'Đã ghi danh, lớp chưa khai giảng',
  running: 'Đang học',
  finished: 'Đã học xong, chờ công nhận kết quả',
};

function resultWords(r: LearningRecordRow): string {
  if (r.status === 'withdrawn') return 'Thôi học';
  if (r.outcome === 'completed') return r.classification ? `Hoàn thành, xếp loại ${r.classification}` : 'Hoàn thành';
  if (r.outcome === 'not_completed') return 'Không hoàn thành';
  return PENDING[r.class_status] ?? 'Đã kết thúc khóa học';
}

function readClasses(ctx: AppCore, personId: number): LearningRecordClass[] {
  const { classes, certificates } = learningRecordRows(ctx.db, personId);
  // The standing certificate of each class; a revoked one is said only when nothing replaced it.
  const byEnrolment = new Map<number, LearningRecordClass['certificate']>();
  for (const c of certificates) {
    const held = byEnrolment.get(c.enrollment_id);
    if (held && !held.revoked && c.status === 'revoked') continue;
    byEnrolment.set(c.enrollment_id, { serial: c.serial, issueDate: c.issue_date, revoked: c.status === 'revoked' });
  }
  return classes.map((r) => {
    const docCode = (JSON.parse(r.issuing_body_json) as { docCode?: string }).docCode ?? '';
    const decided = r.status === 'enrolled' && r.outcome !== null && r.decision_number !== null && r.decision_date !== null;
    return {
      className: r.class_name,
      programName: r.program_name,
      startDate: r.start_date,
      endDate: r.end_date,
      form: r.form,
      result: resultWords(r),
      decision: decided ? { label: decisionLabel(r.decision_number!, docCode), date: r.decision_date! } : null,
      certificate: byEnrolment.get(r.enrollment_id) ?? null,
    };
  });
}

/** The record as read today, under today's header and director: the one source of the HTML and the Word file. */
function recordDoc(ctx: AppCore, req: Request): { doc: LearningRecordDoc; title: string; baseName: string } {
  const person = readPerson(ctx.db, req.id);
  if (!person)
    throw new AppError('NOT_FOUND', 'Không tìm thấy hồ sơ học viên này; có thể hồ sơ đã bị xóa. Hãy tải lại danh sách học viên.');
  if (person.mergedIntoId !== null) {
    const kept = readPerson(ctx.db, person.mergedIntoId);
    throw new AppError(
      'ALREADY_MERGED',
      `Hồ sơ này đã được gộp vào hồ sơ số ${person.mergedIntoId}${kept ? ` (${kept.fullName})` : ''}; hãy lập giấy xác nhận từ hồ sơ đó, nơi có đủ các lớp đã học.`,
    );
  }
  const classes = readClasses(ctx, person.id);
  if (classes.length === 0) {
    throw new AppError('NOTHING_TO_CERTIFY', `${person.fullName} chưa tham gia lớp nào tại trung tâm nên chưa có gì để xác nhận.`);
  }
  const date = todayInVietnam(ctx.now());
  const doc = { body: letterBody(ctx, date), date, person, classes, purpose: req.purpose };
  return {
    doc,
    title: `Giấy xác nhận quá trình học tập — ${person.fullName}`,
    baseName: personFileStem('giay-xac-nhan-qua-trinh-hoc-tap', person),
  };
}

/** One builder call per request: the preview, the PDF and the printout are the same HTML. */
function build(ctx: AppCore, req: Request): { title: string; html: string; fileName: string } {
  const r = recordDoc(ctx, req);
  return { title: r.title, html: buildLearningRecordHtml(r.doc), fileName: `${r.baseName}.pdf` };
}

export const learningRecordHandlers: Pick<
  Handlers<Channels>,
  'learners.learningRecordPreview' | 'learners.learningRecordPdf' | 'learners.learningRecordPrint' | 'learners.learningRecordDocx'
> = {
  'learners.learningRecordPreview': (ctx, input) => previewOf(build(ctx, input)),
  'learners.learningRecordPdf': (ctx, input) => builtPdf(ctx, build(ctx, input)),
  'learners.learningRecordDocx': (ctx, input) => {
    const r = recordDoc(ctx, input);
    return docxFile(`${r.baseName}.docx`, learningRecordModel(r.doc), r.title.replace(' — ', ' - '));
  },
  'learners.learningRecordPrint': (ctx, input) => printHtml(ctx, () => build(ctx, input).html),
};
