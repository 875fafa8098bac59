import { z } from 'zod';
import { classIdInput, id, intInRange, isoDate, requiredText, type ChannelDef } from './common';

/** Morning or afternoon: a class meets at most once in each. */
export const halfSchema = z.enum(['sang', 'chieu']);

export const sessionInput = z.object({
  /** Kept across edits: attendance will point at sessions. */
  id: id.optional(),
  date: isoDate,
  half: halfSchema,
  topicId: id.nullable(),
  title: requiredText(300),
  lecturerId: id.nullable(),
  venueId: id.nullable(),
  periods: intInRange(1, 6, 'Số tiết một buổi phải từ 1 đến 6'),
});
export type SessionInput = z.infer<typeof sessionInput>;

export const sessionSchema = sessionInput.extend({
  lecturerName: z.string().nullable(),
  venueName: z.string().nullable(),
});

export const problemSchema = z.object({
  /** Index of the session in the list checked, or null for the timetable as a whole. */
  index: z.number().nullable(),
  kind: z.enum(['outside_dates', 'class_overlap', 'lecturer_busy', 'venue_busy', 'holiday', 'weekend', 'archived', 'norm', 'not_placed']),
  severity: z.enum(['error', 'warning']),
  message: z.string(),
});
export type TimetableProblem = z.infer<typeof problemSchema>;

export const timetableSchema = z.object({
  sessions: z.array(sessionSchema),
  problems: z.array(problemSchema),
  startDate: z.string().nullable(),
  endDate: z.string().nullable(),
});

export const timetableChannels = {
  'timetable.get': { input: classIdInput, output: timetableSchema },
  'timetable.generate': {
    input: z.object({
      classId: id,
      startDate: isoDate,
      halves: z.array(halfSchema).min(1, 'Chọn ít nhất một buổi trong ngày'),
      lecturerByTopic: z.record(z.string(), id.nullable()),
    }),
    output: timetableSchema,
  },
  'timetable.check': {
    input: z.object({ classId: id, sessions: z.array(sessionInput).max(400), adjustClassDates: z.boolean().default(false) }),
    output: timetableSchema,
  },
  'timetable.save': {
    input: z.object({ classId: id, sessions: z.array(sessionInput).max(400), adjustClassDates: z.boolean() }),
    output: timetableSchema,
  },
} satisfies Record<string, ChannelDef>;
