import { z } from 'zod';
import { id, intInRange, isoDate, requiredText, text, type ChannelDef } from './common';
import { PARTY_STATUSES, SEXES } from '../domain/learner-fields';

export const enrollmentSchema = z.object({
  id,
  personId: id,
  fullName: z.string(),
  familyAndMiddle: z.string(),
  given: z.string(),
  sex: z.enum(SEXES).nullable(),
  birthDate: z.string().nullable(),
  ethnicityName: z.string().nullable(),
  position: z.string(),
  unitName: z.string().nullable(),
  partyStatus: z.enum(PARTY_STATUSES).nullable(),
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

export const ATTENDANCE_MARKS = ['present', 'excused', 'unexcused'] as const;
export const ATTENDANCE_LABELS: Record<(typeof ATTENDANCE_MARKS)[number], string> = {
  present: 'Có mặt',
  excused: 'Vắng có phép',
  unexcused: 'Vắng không phép',
};
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

/** A change to data that is locked (results recognised) must say why; it lands in the audit log. */
const lockReason = text(500).optional();

const tenths = intInRange(0, 100, 'Điểm phải từ 0 đến 10, một chữ số thập phân');

export const enrollmentsChannels = {
  'enrollments.list': { input: z.object({ classId: id }), output: enrollmentList },
  'enrollments.add': {
    input: z.object({
      classId: id,
      personIds: z.array(id).min(1, 'Chưa chọn học viên nào').max(2000, 'Tối đa 2.000 người mỗi lần'),
      fitOverrideReason: text(500).optional(),
    }),
    output: enrollmentList.extend({ added: z.number(), capacityWarning: z.string().nullable() }),
  },
  'enrollments.addUnit': {
    input: z.object({ classId: id, unitId: id, fitOverrideReason: text(500).optional() }),
    output: enrollmentList.extend({ added: z.number(), capacityWarning: z.string().nullable() }),
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
  'attendance.grid': { input: z.object({ classId: id }), output: attendanceGridSchema },
  'attendance.set': {
    input: z.object({
      classId: id,
      changes: z
        .array(z.object({ enrollmentId: id, sessionId: id, mark: mark.nullable() }))
        .min(1)
        .max(20000),
      reason: lockReason,
    }),
    output: attendanceGridSchema,
  },
  'results.grid': { input: z.object({ classId: id }), output: resultsGridSchema },
  'results.setScores': {
    input: z.object({
      classId: id,
      changes: z
        .array(
          z.object({
            enrollmentId: id,
            component: z.number().int().min(0).max(9),
            attempt: z.union([z.literal(1), z.literal(2)]),
            tenths: tenths.nullable(),
          }),
        )
        .min(1)
        .max(20000),
      reason: lockReason,
    }),
    output: resultsGridSchema,
  },
  'results.recognise': {
    input: z.object({ classId: id, decisionNumber: intInRange(1, 99999, 'Số quyết định phải là số nguyên dương'), decisionDate: isoDate }),
    output: resultsGridSchema,
  },
} satisfies Record<string, ChannelDef>;
