import { z } from 'zod';
import { id, intInRange, isoDate, requiredText, text, type ChannelDef } from './common';

/**
 * Resolution-study sessions (học tập, quán triệt nghị quyết): per base Party organisation the members
 * expected and present, as counts («có mặt 35/37») or from a linked class's list, over the members per
 * organisation the clerk keeps per year (the denominator).
 */

export const STUDY_FORMS = ['in_person', 'online'] as const;
export const STUDY_FORM_LABELS: Record<(typeof STUDY_FORMS)[number], string> = { in_person: 'Trực tiếp', online: 'Trực tuyến' };

const yearField = intInRange(1990, 2100, 'Năm phải từ 1990 đến 2100');
/** A head count typed by the clerk: empty is null. */
const headCount = (message: string) => intInRange(0, 1_000_000, message).nullable();

export const studySessionInput = z.object({
  id: id.nullable(),
  title: requiredText(300),
  date: isoDate,
  form: z.enum(STUDY_FORMS, { error: 'Chọn hình thức' }),
  sites: intInRange(1, 10_000, 'Số điểm cầu là số nguyên từ 1 trở lên').nullable(),
  classId: id.nullable(),
  note: text(1000),
});
export type StudySessionInput = z.input<typeof studySessionInput>;

export const studyCountsInput = z
  .object({
    sessionId: id,
    rows: z
      .array(
        z.object({
          unitId: id,
          present: headCount('Số có mặt là số nguyên, không âm'),
          expected: headCount('Số phải dự là số nguyên, không âm'),
        }),
      )
      .max(5000),
  })
  .superRefine((v, ctx) => {
    const seen = new Set<number>();
    v.rows.forEach((r, i) => {
      if (seen.has(r.unitId)) ctx.addIssue({ code: 'custom', path: ['rows', i, 'unitId'], message: 'Tổ chức này đã có ở dòng khác' });
      seen.add(r.unitId);
      if (r.present === null && r.expected !== null) ctx.addIssue({ code: 'custom', path: ['rows', i, 'present'], message: 'Nhập số có mặt' });
      if (r.present !== null && r.expected !== null && r.present > r.expected) {
        ctx.addIssue({ code: 'custom', path: ['rows', i, 'present'], message: `Số có mặt (${r.present}) lớn hơn số phải dự (${r.expected})` });
      }
    });
  });
export type StudyCountsInput = z.input<typeof studyCountsInput>;

export const studyMembersInput = z.object({
  year: yearField,
  rows: z.array(z.object({ unitId: id, members: headCount('Số đảng viên là số nguyên, không âm') })).max(5000),
});

/** What a report covers: one session, a year's sessions, or one base organisation's sessions in a year. */
export const studyScopeSchema = z.discriminatedUnion(
  'kind',
  [
    z.object({ kind: z.literal('session'), id }),
    z.object({ kind: z.literal('year'), year: yearField }),
    z.object({ kind: z.literal('org'), unitId: id, year: yearField }),
  ],
  { error: 'Chọn phạm vi báo cáo' },
);
export type StudyScope = z.infer<typeof studyScopeSchema>;

/** Where an organisation's figures come from: typed counts, the linked class's list, or both over a year. */
const source = z.enum(['counts', 'list', 'mixed']);
export const STUDY_SOURCE_LABELS: Record<z.infer<typeof source>, string> = { counts: 'Số báo cáo', list: 'Danh sách lớp', mixed: 'Số báo cáo và danh sách lớp' };

const sessionSummary = z.object({
  id,
  title: z.string(),
  date: z.string(),
  form: z.enum(STUDY_FORMS),
  sites: z.number().nullable(),
  classId: z.number().nullable(),
  className: z.string().nullable(),
  note: z.string(),
  orgs: z.number(),
  missing: z.number(),
  present: z.number(),
  expected: z.number(),
  rate: z.number().nullable(),
});
export type StudySessionSummary = z.infer<typeof sessionSummary>;

/** One base organisation's line of a session's grid: what was typed, or what the class list gives. */
const gridRow = z.object({
  unitId: id,
  name: z.string(),
  members: z.number().nullable(),
  present: z.number().nullable(),
  expected: z.number().nullable(),
  /** From the linked class's list: read-only on screen. */
  list: z.object({ present: z.number(), expected: z.number() }).nullable(),
});
export type StudyGridRow = z.infer<typeof gridRow>;

const reportRow = z.object({
  key: z.string(),
  label: z.string(),
  /** The date of a session, or «3 buổi» over a year. */
  detail: z.string(),
  sessions: z.number(),
  present: z.number(),
  /** Null: no denominator («Thiếu số đảng viên»). */
  expected: z.number().nullable(),
  rate: z.number().nullable(),
  source,
  /** Sessions of the row left out for a missing denominator (year and organisation scopes). */
  missingSessions: z.number(),
});
export type StudyReportRow = z.infer<typeof reportRow>;

export const studyReportSchema = z.object({
  scope: studyScopeSchema,
  /** «Hội nghị học tập … ngày 05/03/2026», «Năm 2026», «Đảng bộ xã A — năm 2026». */
  heading: z.string(),
  /** The rows' first column: «Tổ chức cơ sở đảng» or «Buổi học tập». */
  rowLabel: z.string(),
  facts: z.array(z.string()),
  rows: z.array(reportRow),
  total: z.object({ present: z.number(), expected: z.number(), rate: z.number().nullable(), rows: z.number(), missing: z.number() }),
});
export type StudyReport = z.infer<typeof studyReportSchema>;

const fileOut = z.object({ fileName: z.string(), dataBase64: z.string() });

export const studiesChannels = {
  'studies.list': { input: z.object({ year: yearField }), output: z.array(sessionSummary) },
  /** A session with the grid of every base organisation, list-derived rows included. */
  'studies.get': { input: z.object({ id }), output: z.object({ session: sessionSummary, rows: z.array(gridRow), unassigned: z.number() }) },
  'studies.save': { input: studySessionInput, output: z.object({ id }) },
  'studies.remove': { input: z.object({ id, reason: requiredText(500) }), output: z.object({}) },
  /** Replaces the session's typed counts in one go; a row with both numbers empty has none. */
  'studies.saveCounts': { input: studyCountsInput, output: z.object({ saved: z.number() }) },
  /** Classes whose list can stand for a session (not cancelled), NQ first. */
  'studies.classes': {
    input: z.object({ year: yearField }),
    output: z.array(z.object({ id, name: z.string(), programCode: z.string(), startDate: z.string() })),
  },
  'studies.baseOrgs': { input: z.object({}).strict(), output: z.array(z.object({ id, name: z.string() })) },
  /** Members per base organisation for a year, with the year before's beside them («Chép từ năm trước»). */
  'studies.members': {
    input: z.object({ year: yearField }),
    output: z.object({ year: z.number(), rows: z.array(z.object({ unitId: id, name: z.string(), members: z.number().nullable(), previous: z.number().nullable() })) }),
  },
  'studies.saveMembers': { input: studyMembersInput, output: z.object({ saved: z.number() }) },
  'studies.report': { input: z.object({ scope: studyScopeSchema }), output: studyReportSchema },
  'studies.preview': { input: z.object({ scope: studyScopeSchema }), output: z.object({ title: z.string(), html: z.string() }) },
  'studies.pdf': { input: z.object({ scope: studyScopeSchema }), output: fileOut },
  'studies.print': { input: z.object({ scope: studyScopeSchema }), output: z.object({ printed: z.boolean() }) },
  'studies.docx': { input: z.object({ scope: studyScopeSchema }), output: fileOut },
  'studies.xlsx': { input: z.object({ scope: studyScopeSchema }), output: fileOut },
} satisfies Record<string, ChannelDef>;
