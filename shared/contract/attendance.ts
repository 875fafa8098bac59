import { z } from 'zod';
import { classIdInput, id, type ChannelDef } from './common';
import { gridChanges } from './results';
import { labelled } from '../domain/labelled';

export const { keys: ATTENDANCE_MARKS, labels: ATTENDANCE_LABELS } = labelled({
  present: 'Có mặt',
  excused: 'Vắng có phép',
  unexcused: 'Vắng không phép',
});
const mark = z.enum(ATTENDANCE_MARKS);

export const attendanceGridSchema = z.object({
  classId: id,
  locked: z.boolean(),
  maxAbsencePct: z.number(),
  sessions: z.array(z.object({ id, date: z.string(), half: z.enum(['sang', 'chieu']), title: z.string() })),
  sites: z.array(z.string()),
  rows: z.array(
    z.object({
      enrollmentId: id,
      fullName: z.string(),
      /** Shown under the name: namesakes in one class are told apart by birth date and Party cell. */
      birthDate: z.string().nullable(),
      unitName: z.string().nullable(),
      site: z.string().nullable(),
      withdrawn: z.boolean(),
      marks: z.array(mark.nullable()),
      absent: z.number(),
      allowed: z.number(),
      overLimit: z.boolean(),
    }),
  ),
});
export type AttendanceGrid = z.infer<typeof attendanceGridSchema>;

export const attendanceChannels = {
  'attendance.grid': { input: classIdInput, output: attendanceGridSchema },
  'attendance.set': {
    input: gridChanges(z.object({ enrollmentId: id, sessionId: id, mark: mark.nullable() })),
    output: attendanceGridSchema,
  },
} satisfies Record<string, ChannelDef>;
