import { z } from 'zod';
import {
  empty,
  id,
  intInRange,
  jobIdInput,
  jobStartSchema,
  jobStateSchema,
  printableChannels,
  requiredText,
  savedFileSchema,
  type ChannelDef,
} from './common';
import { fileOutput } from './learners';

const yearField = intInRange(1990, 2100, 'Năm phải từ 1990 đến 2100');

/** A calendar year, its first 6 or 9 months, or a span of whole years (a Party congress term). */
export const reportPeriodSchema = z
  .discriminatedUnion(
    'kind',
    [
      z.object({ kind: z.literal('year'), year: yearField }),
      z.object({
        kind: z.literal('months'),
        year: yearField,
        months: z.union([z.literal(6), z.literal(9)], { error: 'Chọn 6 hoặc 9 tháng' }),
      }),
      z.object({ kind: z.literal('range'), fromYear: yearField, toYear: yearField }),
    ],
    { error: 'Chọn kỳ báo cáo' },
  )
  .superRefine((p, ctx) => {
    if (p.kind !== 'range') return;
    if (p.toYear < p.fromYear) ctx.addIssue({ code: 'custom', path: ['toYear'], message: 'Năm cuối phải từ năm đầu trở đi' });
    else if (p.toYear - p.fromYear > 29) ctx.addIssue({ code: 'custom', path: ['toYear'], message: 'Tối đa 30 năm một báo cáo' });
  });
export type ReportPeriod = z.infer<typeof reportPeriodSchema>;

const periodInput = z.object({ period: reportPeriodSchema });

/** Where the age bands split: [30, 40, 50] gives "Dưới 30", "30–39", "40–49", "Từ 50". */
export const ageBoundsSchema = z
  .array(intInRange(16, 90, 'Mốc tuổi từ 16 đến 90'))
  .min(1, 'Cần ít nhất một mốc tuổi')
  .max(8, 'Tối đa 8 mốc tuổi')
  .superRefine((b, ctx) => {
    b.forEach((v, i) => {
      if (i > 0 && v <= b[i - 1]!) ctx.addIssue({ code: 'custom', path: [i], message: 'Các mốc tuổi phải tăng dần' });
    });
  });

/** What became of the classes' learners, in the report and in the yearly summary sent up alike. */
const learnerCounts = {
  /** "Lượt học viên": enrolments, a person counted once per class. */
  enrollments: z.number(),
  /** Different people. */
  people: z.number(),
  completed: z.number(),
  certified: z.number(),
  women: z.number(),
  minority: z.number(),
};

export const figuresSchema = z.object({
  planned: z.number(),
  opened: z.number(),
  /** Classes opened per 100 planned; null without a plan. */
  planPercent: z.number().nullable(),
  ...learnerCounts,
  party: z.object({ chinh_thuc: z.number(), du_bi: z.number(), quan_chung: z.number(), unknown: z.number() }),
  /** Per age band (ReportSchema.ageBands), then "unknown" last. */
  ages: z.array(z.number()),
  /** Count per classification label, in the program's band order. */
  classifications: z.record(z.string(), z.number()),
});
export type Figures = z.infer<typeof figuresSchema>;

const pair = z.object({ current: figuresSchema, previous: figuresSchema });

const periodSpan = z.object({ label: z.string(), from: z.string(), to: z.string() });

/** A place's enrolments in the period and the one before; byProgram: the current period's per program id. */
const placeCounts = { name: z.string(), current: z.number(), previous: z.number(), byProgram: z.record(z.string(), z.number()) };

export const reportSchema = z.object({
  period: periodSpan,
  previous: periodSpan,
  ageBands: z.array(z.string()),
  /** Every classification label met, in the order the programs list them. */
  classificationLabels: z.array(z.string()),
  programs: z.array(z.object({ programId: id, code: z.string(), name: z.string() }).merge(pair)),
  total: pair,
  /** Enrolments by the learner's commune (xã, phường), and by base Party organisation. */
  communes: z.array(z.object({ code: z.string().nullable(), ...placeCounts })),
  baseOrgs: z.array(z.object({ unitId: z.number().nullable(), ...placeCounts })),
  lecturers: z.array(
    z.object({
      lecturerId: id,
      name: z.string(),
      kind: z.string(),
      periods: z.number(),
      previousPeriods: z.number(),
      norm: z.number().nullable(),
      percent: z.number().nullable(),
    }),
  ),
  /** Classes and enrolments per program per calendar year of the period, for the charts. */
  years: z.array(
    z.object({ year: z.number(), programs: z.array(z.object({ programId: id, classes: z.number(), enrollments: z.number() })) }),
  ),
  closedYears: z.array(z.object({ year: z.number(), closedAt: z.string() })),
  /** Classes of the period still «Dự kiến» (no opening decision): not counted anywhere, named apart. */
  pendingClasses: z.number(),
  /** Figures of closed years changed afterwards (each change needed a reason): shown in the next report. */
  amendments: z.array(
    z.object({
      year: z.number(),
      program: z.string(),
      figure: z.string(),
      before: z.number(),
      after: z.number(),
      reasons: z.array(z.string()),
    }),
  ),
});
export type Report = z.infer<typeof reportSchema>;

const rollupRow = z.object({
  code: z.string(),
  name: z.string(),
  planned: z.number(),
  opened: z.number(),
  ...learnerCounts,
});

export const reportsChannels = {
  /**
   * Gets the figures of a period (and the previous one) ready in the background, a few hundred classes
   * at a time, when they are not cached yet (a ten-year report the first time, or after a bulk change);
   * jobId is null when there is nothing to do.
   */
  'reports.prepare': {
    input: periodInput,
    output: jobStartSchema.extend({ jobId: z.string().nullable() }),
  },
  'reports.prepareStatus': {
    input: jobIdInput('công việc'),
    output: jobStateSchema,
  },
  'reports.cancelPrepare': { input: jobIdInput('công việc'), output: z.object({}) },
  'reports.get': { input: periodInput, output: reportSchema },
  'reports.xlsx': { input: periodInput, output: fileOutput },
  /** The report's charts stay on the PDF: the .docx leaves them out. */
  ...printableChannels('reports', periodInput),
  'reports.settings': {
    input: empty,
    output: z.object({ ageBounds: z.array(z.number()), firstYear: z.number().nullable() }),
  },
  'reports.saveSettings': {
    input: z.object({ ageBounds: ageBoundsSchema }),
    output: z.object({ ageBounds: z.array(z.number()), firstYear: z.number().nullable() }),
  },
  /** Which years are closed; and what stops a year from closing. */
  'reports.years': {
    input: empty,
    output: z.array(
      z.object({ year: z.number(), closedAt: z.string().nullable(), closedBy: z.string().nullable(), blockers: z.array(z.string()) }),
    ),
  },
  'reports.closeYear': { input: z.object({ year: yearField }), output: z.object({ year: z.number(), closedAt: z.string() }) },
  /** A closed year's summary as a file for the superior body; signed with the centre's key. */
  'reports.exportRollup': { input: z.object({ year: yearField }), output: savedFileSchema },
  'reports.importRollup': {
    input: z.object({ fileText: z.string().max(5_000_000, 'Tệp quá lớn, không phải tệp tổng hợp') }),
    output: z.object({ centreName: z.string(), year: z.number(), replaced: z.boolean() }),
  },
  'reports.rollup': {
    input: z.object({ year: yearField }),
    output: z.object({
      centres: z.array(
        z.object({
          id,
          keyId: z.string(),
          centreName: z.string(),
          exportedAt: z.string(),
          importedAt: z.string(),
          rows: z.array(rollupRow),
        }),
      ),
      total: z.array(rollupRow),
    }),
  },
  'reports.removeRollup': { input: z.object({ id, reason: requiredText(500) }), output: z.object({}) },
} satisfies Record<string, ChannelDef>;
