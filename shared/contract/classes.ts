import { z } from 'zod';
import { id, intInRange, isoDate, requiredText, text, type ChannelDef } from './common';
import { labelled } from '../domain/labelled';

export const { keys: CLASS_FORMS, labels: CLASS_FORM_LABELS } = labelled({
  full_time: 'Tập trung',
  weekend: 'Học vào cuối tuần',
  online: 'Trực tuyến, nhiều điểm cầu',
});

export const { keys: CLASS_STATUSES, labels: CLASS_STATUS_LABELS } = labelled({
  planned: 'Dự kiến',
  opened: 'Đã có quyết định mở lớp',
  running: 'Đang học',
  finished: 'Đã kết thúc',
  results_recognised: 'Đã công nhận kết quả',
  certificates_issued: 'Đã cấp giấy chứng nhận',
  cancelled: 'Đã hủy',
});
export type ClassStatus = (typeof CLASS_STATUSES)[number];

export const classSiteSchema = z.object({ place: requiredText(200), contact: text(200) });

export const classInput = z
  .object({
    id: id.optional(),
    programId: id,
    planLineId: id.nullable(),
    cohortNumber: intInRange(1, 999, 'Số khóa phải từ 1 đến 999'),
    cohortNumbering: z.enum(['per_year', 'continuous']),
    name: requiredText(300),
    startDate: isoDate,
    endDate: isoDate,
    venueId: id.nullable(),
    form: z.enum(CLASS_FORMS, { error: 'Chọn hình thức học' }),
    homeroomLecturerId: id.nullable(),
    capacity: intInRange(1, 5000, 'Sĩ số tối đa phải từ 1 đến 5.000').nullable(),
    sites: z.array(classSiteSchema).max(50, 'Tối đa 50 điểm cầu'),
    openingDecisionNumber: intInRange(1, 99999, 'Số quyết định phải là số nguyên dương').nullable(),
    openingDecisionDate: isoDate.nullable(),
  })
  .superRefine((c, ctx) => {
    if (c.endDate < c.startDate) ctx.addIssue({ code: 'custom', path: ['endDate'], message: 'Ngày kết thúc trước ngày khai giảng' });
    if ((c.openingDecisionNumber === null) !== (c.openingDecisionDate === null)) {
      ctx.addIssue({
        code: 'custom',
        path: [c.openingDecisionNumber === null ? 'openingDecisionNumber' : 'openingDecisionDate'],
        message: 'Cần cả số và ngày của quyết định mở lớp',
      });
    }
    if (c.form === 'online' && c.sites.length === 0)
      ctx.addIssue({ code: 'custom', path: ['sites'], message: 'Lớp trực tuyến cần ít nhất một điểm cầu' });
    if (c.form !== 'online' && c.venueId === null) ctx.addIssue({ code: 'custom', path: ['venueId'], message: 'Chọn địa điểm học' });
  });
export type ClassInput = z.input<typeof classInput>;

export const issuingBodySchema = z.object({
  superior: z.string(),
  centreName: z.string(),
  docCode: z.string(),
  placeName: z.string(),
  directorName: z.string(),
  directorTitle: z.string(),
});

export const classSchema = z.object({
  id,
  programId: z.number(),
  programName: z.string(),
  planLineId: z.number().nullable(),
  year: z.number(),
  cohortNumber: z.number(),
  cohortNumbering: z.enum(['per_year', 'continuous']),
  name: z.string(),
  startDate: z.string(),
  endDate: z.string(),
  venueId: z.number().nullable(),
  venueName: z.string().nullable(),
  form: z.enum(CLASS_FORMS),
  homeroomLecturerId: z.number().nullable(),
  homeroomName: z.string().nullable(),
  capacity: z.number().nullable(),
  status: z.enum(CLASS_STATUSES),
  cancelReason: z.string().nullable(),
  sites: z.array(classSiteSchema),
  openingDecisionNumber: z.number().nullable(),
  openingDecisionDate: z.string().nullable(),
  /** "12-QĐ/TTCT" as printed. */
  openingDecisionLabel: z.string().nullable(),
  issuingBody: issuingBodySchema,
  sessionCount: z.number(),
});
export type ClassRow = z.infer<typeof classSchema>;

export const classesChannels = {
  'classes.list': {
    input: z.object({ year: z.number().int().min(1990).max(2100).nullable(), programId: id.nullable() }),
    output: z.array(classSchema),
  },
  'classes.get': { input: z.object({ id }), output: classSchema },
  'classes.propose': {
    input: z.object({ programId: id, startDate: isoDate, cohortNumbering: z.enum(['per_year', 'continuous']) }),
    output: z.object({ cohortNumber: z.number(), name: z.string(), nextDecisionNumber: z.number() }),
  },
  'classes.save': { input: classInput, output: classSchema },
  'classes.setStatus': {
    input: z.object({ id, status: z.enum(CLASS_STATUSES), reason: text(500).optional() }),
    output: classSchema,
  },
} satisfies Record<string, ChannelDef>;
