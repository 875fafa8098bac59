import type { z } from 'zod';
import type { learnersChannels, learningRecordRequest } from '../../../shared/contract/learners';
import type { ClassStatus } from '../../../shared/contract/classes';
import { todayInVietnam } from '../../../shared/domain/dates';
import { foldText } from '../../../shared/domain/text';
import type { AppCore } from '../app-core';
import { AppError } from '../errors';
import { decisionLabel } from '../classes/terms';
import { buildLearningRecordHtml, type LearningRecordClass, type LearningRecordDoc } from '../documents/learning-record';
import { learningRecordModel } from '../documents/docx-person-documents';
import { partyDocx } from '../documents/docx-party';
import { readPerson } from '../learners/person-store';
import { centreProfileAt } from './centre';
import type { Handlers } from '../handler';

/**
 * The learning record of one person: every class they were enrolled in, oldest first. A cancelled
 * class was never held and is left out; a class they withdrew from stays, said as «Thôi học»
 * without the reason (an internal note, not something the centre certifies).
 */

type Request = z.output<typeof learningRecordRequest>;
type Channels = typeof learnersChannels;

interface Row {
  enrollment_id: number;
  status: 'enrolled' | 'withdrawn';
  outcome: 'completed' | 'not_completed' | null;
  classification: string | null;
  class_name: string;
  start_date: string;
  end_date: string;
  class_status: ClassStatus;
  form: LearningRecordClass['form'];
  program_name: string;
  issuing_body_json: string;
  decision_number: number | null;
  decision_date: string | null;
}

const PENDING: Partial<Record<ClassStatus, string>> = {
  planned: 'Đã ghi danh, lớp chưa khai giảng',
  opened: 'Đã ghi danh, lớp chưa khai giảng',
  running: 'Đang học',
  finished: 'Đã học xong, chờ công nhận kết quả',
};

function resultWords(r: Row): string {
  if (r.status === 'withdrawn') return 'Thôi học';
  if (r.outcome === 'completed') return r.classification ? `Hoàn thành, xếp loại ${r.classification}` : 'Hoàn thành';
  if (r.outcome === 'not_completed') return 'Không hoàn thành';
  return PENDING[r.class_status] ?? 'Đã kết thúc khóa học';
}

function readClasses(ctx: AppCore, personId: number): LearningRecordClass[] {
  const rows = ctx.db
    .prepare(
      `SELECT e.id AS enrollment_id, e.status, e.outcome, e.classification, c.name AS class_name, c.start_date, c.end_date, c.status AS class_status,
         c.form, c.issuing_body_json, p.name AS program_name, d.number AS decision_number, d.date AS decision_date
       FROM enrollments e JOIN classes c ON c.id = e.class_id JOIN programs p ON p.id = c.program_id
       LEFT JOIN documents d ON d.id = c.results_decision_id
       WHERE e.person_id = ? AND c.status <> 'cancelled' ORDER BY c.start_date, c.end_date, c.id`,
    )
    .all(personId) as Row[];
  // The standing certificate of each class; a revoked one is said only when nothing replaced it.
  const certificates = ctx.db
    .prepare(
      "SELECT enrollment_id, serial, issue_date, status FROM certificates WHERE person_id = ? AND status <> 'reissued' ORDER BY issue_date, year, seq",
    )
    .all(personId) as { enrollment_id: number; serial: string; issue_date: string; status: 'valid' | 'revoked' }[];
  const byEnrolment = new Map<number, LearningRecordClass['certificate']>();
  for (const c of certificates) {
    const held = byEnrolment.get(c.enrollment_id);
    if (held && !held.revoked && c.status === 'revoked') continue;
    byEnrolment.set(c.enrollment_id, { serial: c.serial, issueDate: c.issue_date, revoked: c.status === 'revoked' });
  }
  return rows.map((r) => {
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
  const p = centreProfileAt(ctx, date);
  if (!p) throw new AppError('NO_PROFILE', 'Chưa có hồ sơ trung tâm; hãy nhập ở màn hình Hồ sơ trung tâm.');
  const body = {
    superior: p.superior,
    centreName: p.name,
    docCode: p.docCode,
    placeName: p.placeName,
    directorName: p.director.name,
    directorTitle: p.director.title,
  };
  const doc = { body, date, person, classes, purpose: req.purpose };
  // ASCII file names survive every file system and e-mail client; the record's number tells namesakes apart.
  const full = foldText(person.fullName)
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
  const slug = full.length <= 60 ? full : full.slice(0, 60).replace(/-[^-]*$/, '');
  return {
    doc,
    title: `Giấy xác nhận quá trình học tập — ${person.fullName}`,
    baseName: `giay-xac-nhan-qua-trinh-hoc-tap-${slug ? `${slug}-` : ''}${person.id}`,
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
  'learners.learningRecordPreview': (ctx, input) => {
    const d = build(ctx, input);
    return { title: d.title, html: d.html };
  },
  'learners.learningRecordPdf': async (ctx, input) => {
    const d = build(ctx, input);
    const pdf = await ctx.printing().toPdf(d.html);
    return { fileName: d.fileName, dataBase64: pdf.toString('base64') };
  },
  'learners.learningRecordDocx': async (ctx, input) => {
    const r = recordDoc(ctx, input);
    const bytes = await partyDocx(learningRecordModel(r.doc), r.title.replace(' — ', ' - '));
    return { fileName: `${r.baseName}.docx`, dataBase64: bytes.toString('base64') };
  },
  'learners.learningRecordPrint': async (ctx, input) => {
    const port = ctx.printing();
    if (!port.canPrint || !port.print) throw new AppError('PRINT_UNAVAILABLE', 'Máy này không in trực tiếp được; hãy lưu PDF rồi in.');
    await port.print(build(ctx, input).html);
    return { printed: true };
  },
};
