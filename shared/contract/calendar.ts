import { z } from 'zod';
import { id, isoDate, type ChannelDef } from './common';
import { halfSchema } from './timetable';

export const calendarItemSchema = z.object({
  classId: z.number(),
  className: z.string(),
  date: z.string(),
  half: halfSchema,
  title: z.string(),
  lecturerName: z.string().nullable(),
  venueName: z.string().nullable(),
});

export const calendarChannels = {
  'calendar.sessions': {
    input: z
      .object({ from: isoDate, to: isoDate, lecturerId: id.nullable(), venueId: id.nullable() })
      .refine((r) => r.from <= r.to, { path: ['to'], message: 'Khoảng ngày không hợp lệ' }),
    output: z.array(calendarItemSchema),
  },
} satisfies Record<string, ChannelDef>;
