import { z } from 'zod';
import { classIdInput, id, intInRange, isoDate, text, type ChannelDef } from './common';

/** A change to data that is locked (results recognised) must say why; it lands in the audit log. */
export const lockReason = text(500).optional();

/** Edits to one class's grid sent at once (at most 20.000 cells), with the reason a locked class needs. */
export const gridChanges = <T extends z.ZodType>(change: T) =>
  z.object({ classId: id, changes: z.array(change).min(1).max(20000), reason: lockReason });

const tenths = intInRange(0, 100, 'Điểm phải từ 0 đến 10, một chữ số thập phân');

const resultSchema = z.object({
  absent: z.number(),
  sessions: z.number(),
  allowedAbsences: z.number(),
  finalTenths: z.number().nullable(),
  classification: z.string().nullable(),
  status: z.enum(['eligible', 'not_eligible', 'incomplete']),
  reasons: z.array(z.string()),
});

export const resultsGridSchema = z.object({
  classId: id,
  locked: z.boolean(),
  scheme: z.object({
    components: z.array(z.object({ name: z.string(), weight: z.number() })),
    bands: z.array(z.object({ label: z.string(), min: z.number(), max: z.number() })),
    maxAbsencePct: z.number(),
    maxRetakes: z.number(),
  }),
  decision: z.object({ number: z.number(), label: z.string(), date: z.string() }).nullable(),
  rows: z.array(
    z.object({
      enrollmentId: id,
      fullName: z.string(),
      scores: z.array(z.object({ first: z.number().nullable(), retake: z.number().nullable() })),
      discipline: z.boolean(),
      result: resultSchema,
    }),
  ),
  summary: z.object({ eligible: z.number(), notEligible: z.number(), incomplete: z.number() }),
});
export type ResultsGrid = z.infer<typeof resultsGridSchema>;

export const resultsChannels = {
  'results.grid': { input: classIdInput, output: resultsGridSchema },
  'results.setScores': {
    input: gridChanges(
      z.object({
        enrollmentId: id,
        component: z.number().int().min(0).max(9),
        attempt: z.union([z.literal(1), z.literal(2)]),
        tenths: tenths.nullable(),
      }),
    ),
    output: resultsGridSchema,
  },
  'results.recognise': {
    input: z.object({ classId: id, decisionNumber: intInRange(1, 99999, 'Số quyết định phải là số nguyên dương'), decisionDate: isoDate }),
    output: resultsGridSchema,
  },
} satisfies Record<string, ChannelDef>;
