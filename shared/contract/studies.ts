import { z } from 'zod';
import { formatNumber } from '../domain/format';
import { labelled } from '../domain/labelled';
import { NOT_REPORTED, participationRateText } from '../domain/participation';
import { empty, id, intInRange, isoDate, printableChannels, requiredText, savedFileSchema, text, type ChannelDef } from './common';

/**
 * Resolution-study sessions (học tập, quán triệt nghị quyết): per base Party organisation the members
 * expected and present, as counts («có mặt 35/37») or from a linked class's list, over the members per
 * organisation the clerk keeps per year (the denominator).
 */

export const { keys: STUDY_FORMS, labels: STUDY_FORM_LABELS } = labelled({ in_person: 'Trực tiếp', online: 'Trực tuyến' });

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
      if (r.present === null && r.expected !== null)
        ctx.addIssue({ code: 'custom', path: ['rows', i, 'present'], message: 'Nhập số có mặt' });
      if (r.present !== null && r.expected !== null && r.present > r.expected) {
        ctx.addIssue({
          code: 'custom',
          path: ['rows', i, 'present'],
          message: `Số có mặt (${r.present}) lớn hơn số phải dự (${r.expected})`,
        });
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

const scopeInput = z.object({ scope: studyScopeSchema });

/**
 * Where an organisation's figures come from: typed counts, the linked class's list, or both over a year;
 * «none» is a session's organisation with members that year that sent nothing («Chưa báo cáo»).
 */
export const { keys: STUDY_SOURCES, labels: STUDY_SOURCE_LABELS } = labelled({
  counts: 'Số báo cáo',
  list: 'Danh sách lớp',
  mixed: 'Số báo cáo và danh sách lớp',
  none: 'Không tính vào tổng',
});
const source = z.enum(STUDY_SOURCES);

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
  /** The organisation it was merged into: its counts stay, read-only, and are never sent back. */
  mergedInto: z.string().nullable(),
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
  /** A former organisation reported under its own name: the one it was merged into. */
  mergedInto: z.string().nullable(),
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
  /** rows: those with figures; missing: without a denominator; notReported: «Chưa báo cáo» rows. None of the last two counts. */
  total: z.object({
    present: z.number(),
    expected: z.number(),
    rate: z.number().nullable(),
    rows: z.number(),
    missing: z.number(),
    notReported: z.number(),
  }),
});
export type StudyReport = z.infer<typeof studyReportSchema>;

/** A row's «Tỷ lệ» cell, the same on screen, in print and in Word. */
export function studyRateText(r: StudyReportRow): string {
  return r.source === 'none' ? NOT_REPORTED : participationRateText(r.rate, r.expected);
}

/** A row's «Ghi chú»: the source, sessions left out, and a merged organisation's successor. */
export function studyRowNote(r: StudyReportRow): string {
  const partial =
    r.expected !== null && r.missingSessions > 0 ? `; ${formatNumber(r.missingSessions)} buổi thiếu số đảng viên, không tính` : '';
  const merged = r.mergedInto ? `; đã hợp nhất vào «${r.mergedInto}»` : '';
  return `${STUDY_SOURCE_LABELS[r.source]}${partial}${merged}`;
}

/** What the total leaves out, «Chưa tính 1 tổ chức thiếu số đảng viên; 2 tổ chức chưa báo cáo», or ''. */
export function studyTotalNote(report: Pick<StudyReport, 'scope' | 'total'>): string {
  const t = report.total;
  const unitWord = report.scope.kind === 'org' ? 'buổi' : 'tổ chức';
  return [
    ...(t.missing > 0 ? [`Chưa tính ${formatNumber(t.missing)} ${unitWord} thiếu số đảng viên`] : []),
    ...(t.notReported > 0 ? [`${formatNumber(t.notReported)} tổ chức chưa báo cáo`] : []),
  ].join('; ');
}

export const studiesChannels = {
  'studies.list': { input: z.object({ year: yearField }), output: z.array(sessionSummary) },
  /** A session with the grid of every base organisation, list-derived rows included. */
  'studies.get': { input: z.object({ id }), output: z.object({ session: sessionSummary, rows: z.array(gridRow), unassigned: z.number() }) },
  'studies.save': { input: studySessionInput, output: z.object({ id }) },
  'studies.remove': { input: z.object({ id, reason: requiredText(500) }), output: z.object({}) },
  /** Replaces the typed counts of the organisations sent, in one go; a row with both numbers empty has none; others are kept. */
  'studies.saveCounts': { input: studyCountsInput, output: z.object({ saved: z.number() }) },
  /** Classes whose list can stand for a session (not cancelled), NQ first. */
  'studies.classes': {
    input: z.object({ year: yearField }),
    output: z.array(z.object({ id, name: z.string(), programCode: z.string(), startDate: z.string() })),
  },
  'studies.baseOrgs': { input: empty, output: z.array(z.object({ id, name: z.string() })) },
  /** Members per base organisation for a year, with the year before's beside them («Chép từ năm trước»). */
  'studies.members': {
    input: z.object({ year: yearField }),
    output: z.object({
      year: z.number(),
      rows: z.array(z.object({ unitId: id, name: z.string(), members: z.number().nullable(), previous: z.number().nullable() })),
    }),
  },
  'studies.saveMembers': { input: studyMembersInput, output: z.object({ saved: z.number() }) },
  'studies.report': { input: scopeInput, output: studyReportSchema },
  ...printableChannels('studies', scopeInput),
  'studies.xlsx': { input: scopeInput, output: savedFileSchema },
} satisfies Record<string, ChannelDef>;
