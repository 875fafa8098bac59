import { z } from 'zod';
import { id, intInRange, requiredText, text, type ChannelDef } from './common';
import { LECTURER_KINDS, LECTURER_ROLES } from '../domain/lecturer-norms';

const hours = intInRange(0, 2000, 'Số giờ chuẩn phải là số nguyên từ 0 đến 2.000').nullable();

export const lecturerInput = z
  .object({
    id: id.optional(),
    familyAndMiddle: text(100),
    given: requiredText(60),
    kind: z.enum(LECTURER_KINDS, { error: 'Chọn loại giảng viên' }),
    role: z.enum(LECTURER_ROLES, { error: 'Chọn chức danh' }),
    unit: text(200),
    position: text(200),
    phone: text(30).refine((s) => s === '' || /^[0-9 .()+-]{8,}$/.test(s), 'Số điện thoại không hợp lệ'),
    normHours: hours,
    lecturingHours: hours,
  })
  .superRefine((l, ctx) => {
    if (l.normHours !== null && l.lecturingHours !== null && l.lecturingHours > l.normHours) {
      ctx.addIssue({ code: 'custom', path: ['lecturingHours'], message: 'Giờ giảng không thể lớn hơn định mức cả năm' });
    }
  });

export const lecturerSchema = z.object({
  id,
  familyAndMiddle: z.string(),
  given: z.string(),
  fullName: z.string(),
  kind: z.enum(LECTURER_KINDS),
  role: z.enum(LECTURER_ROLES),
  unit: z.string(),
  position: z.string(),
  phone: z.string(),
  normHours: z.number().nullable(),
  lecturingHours: z.number().nullable(),
  archivedAt: z.string().nullable(),
});
export type Lecturer = z.infer<typeof lecturerSchema>;

export const lecturerHoursSchema = z.object({
  lecturer: lecturerSchema,
  sessions: z.number(),
  periods: z.number(),
  classes: z.number(),
});

export const venueInput = z.object({
  id: id.optional(),
  name: requiredText(200),
  address: text(300),
  communeCode: z
    .string()
    .regex(/^\d{5}$/, 'Mã xã, phường không hợp lệ')
    .nullable(),
  capacity: intInRange(1, 5000, 'Sức chứa phải từ 1 đến 5.000 người').nullable(),
});
export const venueSchema = z.object({
  id,
  name: z.string(),
  address: z.string(),
  communeCode: z.string().nullable(),
  communeName: z.string().nullable(),
  capacity: z.number().nullable(),
  archivedAt: z.string().nullable(),
});
export type Venue = z.infer<typeof venueSchema>;

export const lecturersChannels = {
  'lecturers.list': { input: z.object({ includeArchived: z.boolean() }), output: z.array(lecturerSchema) },
  'lecturers.save': { input: lecturerInput, output: lecturerSchema },
  'lecturers.setArchived': { input: z.object({ id, archived: z.boolean() }), output: lecturerSchema },
  'lecturers.hours': { input: z.object({ year: z.number().int().min(1990).max(2100) }), output: z.array(lecturerHoursSchema) },
  'venues.list': { input: z.object({ includeArchived: z.boolean() }), output: z.array(venueSchema) },
  'venues.save': { input: venueInput, output: venueSchema },
  'venues.setArchived': { input: z.object({ id, archived: z.boolean() }), output: venueSchema },
} satisfies Record<string, ChannelDef>;
