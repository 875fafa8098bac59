import { z } from 'zod';
import { classIdInput, id, requiredText, text, type ChannelDef } from './common';
import { personRowSchema } from './learners';
import { lockReason } from './results';

/** A learner of a class: the person's line of the registry less what a class list leaves out, and the enrolment's own state. */
export const enrollmentSchema = z.object({
  id,
  personId: id,
  ...personRowSchema.omit({ id: true, communeName: true, workplace: true, citizenId: true }).shape,
  status: z.enum(['enrolled', 'withdrawn']),
  withdrawReason: z.string().nullable(),
  fitOverrideReason: z.string().nullable(),
  discipline: z.boolean(),
  disciplineNote: z.string(),
  /** Online classes: the connected site the learner attends from. */
  site: z.string().nullable(),
});
export type Enrollment = z.infer<typeof enrollmentSchema>;

const enrollmentList = z.object({
  classId: id,
  /** The class's connected sites (online classes); empty otherwise. */
  sites: z.array(z.string()),
  capacity: z.number().nullable(),
  enrolled: z.number(),
  enrollments: z.array(enrollmentSchema),
});
export type EnrollmentList = z.infer<typeof enrollmentList>;

const enrolOutcome = enrollmentList.extend({ added: z.number(), capacityWarning: z.string().nullable() });
export type EnrolOutcome = z.infer<typeof enrolOutcome>;

export const enrollmentsChannels = {
  'enrollments.list': { input: classIdInput, output: enrollmentList },
  'enrollments.add': {
    input: z.object({
      classId: id,
      personIds: z.array(id).min(1, 'Chưa chọn học viên nào').max(2000, 'Tối đa 2.000 người mỗi lần'),
      fitOverrideReason: text(500).optional(),
    }),
    output: enrolOutcome,
  },
  'enrollments.addUnit': {
    input: z.object({ classId: id, unitId: id, fitOverrideReason: text(500).optional() }),
    output: enrolOutcome,
  },
  'enrollments.withdraw': { input: z.object({ enrollmentId: id, reason: requiredText(500) }), output: enrollmentList },
  'enrollments.setDiscipline': {
    input: z.object({ enrollmentId: id, discipline: z.boolean(), note: text(500), reason: lockReason }),
    output: enrollmentList,
  },
  'enrollments.setSite': {
    input: z.object({ enrollmentIds: z.array(id).min(1).max(2000), site: text(200).nullable() }),
    output: enrollmentList,
  },
} satisfies Record<string, ChannelDef>;
