import { z } from 'zod';
import { id, intInRange, text, type ChannelDef } from './common';

const year = intInRange(1990, 2100, 'Năm không hợp lệ');

export const planLineInput = z.object({
  id: id.optional(),
  year,
  programId: id,
  quarter: intInRange(1, 4, 'Quý phải từ 1 đến 4').nullable(),
  /** Null: at the centre; otherwise the commune hosting the class. */
  communeCode: z
    .string()
    .regex(/^\d{5}$/, 'Mã xã, phường không hợp lệ')
    .nullable(),
  plannedClasses: intInRange(0, 500, 'Số lớp phải là số nguyên từ 0 đến 500'),
  plannedLearners: intInRange(0, 100000, 'Số học viên phải là số nguyên từ 0 đến 100.000'),
  notes: text(500),
});

export const planLineSchema = z.object({
  id,
  year: z.number(),
  programId: z.number(),
  programName: z.string(),
  quarter: z.number().nullable(),
  communeCode: z.string().nullable(),
  place: z.string(),
  plannedClasses: z.number(),
  plannedLearners: z.number(),
  notes: z.string(),
  /** Classes opened from this line, counted as the report counts them (with an opening decision). */
  actualClasses: z.number(),
  /** Enrolments in those classes (lượt học viên), beside plannedLearners. */
  actualLearners: z.number(),
  /** Classes of this line still «Dự kiến» (no opening decision): shown apart, not counted. */
  pendingClasses: z.number(),
});
export type PlanLine = z.infer<typeof planLineSchema>;

export const planSummarySchema = z.object({
  programId: z.number(),
  programName: z.string(),
  plannedClasses: z.number(),
  plannedLearners: z.number(),
  /** The year's classes of the program as the report counts them, from a plan line or not. */
  actualClasses: z.number(),
  actualLearners: z.number(),
  pendingClasses: z.number(),
  pendingLearners: z.number(),
});
export type PlanSummary = z.infer<typeof planSummarySchema>;

/** A program's summary before anything is counted: the per-program sums and the total start from it. */
export const emptyPlanSummary = (programId: number, programName: string): PlanSummary => ({
  programId,
  programName,
  plannedClasses: 0,
  plannedLearners: 0,
  actualClasses: 0,
  actualLearners: 0,
  pendingClasses: 0,
  pendingLearners: 0,
});

export const plansChannels = {
  'plans.year': {
    input: z.object({ year }),
    output: z.object({ year: z.number(), closed: z.boolean(), lines: z.array(planLineSchema), byProgram: z.array(planSummarySchema) }),
  },
  'plans.saveLine': { input: planLineInput, output: planLineSchema },
  'plans.deleteLine': { input: z.object({ id }), output: z.object({ ok: z.boolean() }) },
  'plans.copyYear': { input: z.object({ from: year, to: year }), output: z.object({ copied: z.number() }) },
} satisfies Record<string, ChannelDef>;
