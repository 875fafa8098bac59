import { z } from 'zod';
import { id, intInRange, requiredText, text, type ChannelDef } from './common';
import { checkBands } from '../domain/grading';
import { labelled } from '../domain/labelled';
import { foldText } from '../domain/text';
import { PARTY_STATUSES } from '../domain/learner-fields';
import { HELD_LEVELS } from './levels';

export const { keys: OUTCOMES, labels: OUTCOME_LABELS } = labelled({
  certificate: 'Giấy chứng nhận',
  diploma: 'Bằng',
  external: 'Bằng do trường cấp (lớp liên kết)',
  none: 'Không cấp (chỉ danh sách dự học)',
});

/** For narrow places such as grid columns. */
export const OUTCOME_SHORT_LABELS: Record<(typeof OUTCOMES)[number], string> = {
  certificate: 'Giấy chứng nhận',
  diploma: 'Bằng',
  external: 'Bằng của trường',
  none: 'Không cấp',
};

const scoreTenths = intInRange(0, 100, 'Điểm phải từ 0 đến 10, một chữ số thập phân');

export const topicSchema = z.object({
  id: id.optional(),
  title: requiredText(300),
  sessions: intInRange(1, 60, 'Số buổi phải là số nguyên từ 1 đến 60'),
});

export const componentSchema = z.object({
  name: requiredText(100),
  weight: intInRange(1, 100, 'Trọng số phải từ 1 đến 100%'),
});

export const bandSchema = z.object({
  label: requiredText(40),
  min: scoreTenths,
  max: scoreTenths,
});

export const programInput = z
  .object({
    id: id.optional(),
    code: z
      .string({ error: 'Chưa nhập mã' })
      .overwrite((s) => s.trim().normalize('NFC').toLocaleUpperCase('vi'))
      .min(1, 'Không được để trống')
      .max(20, 'Tối đa 20 ký tự')
      .regex(/^[\p{Lu}\d]+([-_.][\p{Lu}\d]+)*$/u, 'Mã chỉ gồm chữ, số và dấu gạch ngang, không có khoảng trắng'),
    name: requiredText(300),
    targetLearners: text(500),
    outcome: z.enum(OUTCOMES, { error: 'Chọn hình thức công nhận' }),
    validityMonths: intInRange(1, 600, 'Thời hạn phải từ 1 đến 600 tháng').nullable(),
    maxAbsencePct: intInRange(0, 100, 'Tỉ lệ vắng tối đa phải từ 0 đến 100%'),
    maxRetakes: intInRange(0, 5, 'Số lần đánh giá lại phải từ 0 đến 5'),
    typicalDays: intInRange(1, 400, 'Số ngày học phải từ 1 đến 400').nullable(),
    /** Who the program is meant for; enrolling anyone else asks for a reason. Empty: anyone. */
    fitStatuses: z.array(z.enum(PARTY_STATUSES)).max(3).default([]),
    /** The political-theory level a completed course gives (Sơ cấp); null: none. */
    grantsLevel: z.enum(HELD_LEVELS, { error: 'Chọn trình độ' }).nullable().default(null),
    topics: z.array(topicSchema).max(100, 'Tối đa 100 chuyên đề'),
    components: z.array(componentSchema).max(10, 'Tối đa 10 nội dung đánh giá'),
    bands: z.array(bandSchema).max(10, 'Tối đa 10 mức xếp loại'),
  })
  .superRefine((p, ctx) => {
    if (p.components.length > 0) {
      const total = p.components.reduce((s, c) => s + c.weight, 0);
      if (total !== 100) {
        ctx.addIssue({ code: 'custom', path: ['components'], message: `Tổng trọng số phải bằng 100% (hiện là ${total}%)` });
      }
      if (p.bands.length === 0) {
        ctx.addIssue({ code: 'custom', path: ['bands'], message: 'Chương trình có đánh giá cần ít nhất một mức xếp loại' });
      }
    } else if (p.bands.length > 0) {
      ctx.addIssue({ code: 'custom', path: ['bands'], message: 'Chương trình không có nội dung đánh giá thì không xếp loại' });
    }
    for (const problem of checkBands(p.bands)) {
      ctx.addIssue({ code: 'custom', path: ['bands', problem.index, problem.field], message: problem.message });
    }
    const labels = new Set<string>();
    p.bands.forEach((b, i) => {
      const key = foldText(b.label);
      if (labels.has(key)) ctx.addIssue({ code: 'custom', path: ['bands', i, 'label'], message: 'Tên mức xếp loại bị trùng' });
      labels.add(key);
    });
    if (p.outcome === 'none' && p.grantsLevel !== null) {
      ctx.addIssue({
        code: 'custom',
        path: ['grantsLevel'],
        message: 'Chương trình không cấp bằng hay giấy thì không nâng trình độ lý luận chính trị',
      });
    }
    if ((p.outcome === 'none' || p.outcome === 'external') && p.validityMonths !== null) {
      ctx.addIssue({
        code: 'custom',
        path: ['validityMonths'],
        message: 'Trung tâm không cấp giấy cho chương trình này nên không có thời hạn',
      });
    }
  });
export type ProgramInput = z.input<typeof programInput>;

export const programSchema = z.object({
  id,
  code: z.string(),
  name: z.string(),
  targetLearners: z.string(),
  outcome: z.enum(OUTCOMES),
  validityMonths: z.number().nullable(),
  maxAbsencePct: z.number(),
  maxRetakes: z.number(),
  typicalDays: z.number().nullable(),
  fitStatuses: z.array(z.enum(PARTY_STATUSES)),
  grantsLevel: z.enum(HELD_LEVELS).nullable(),
  topics: z.array(topicSchema.extend({ id })),
  components: z.array(componentSchema),
  bands: z.array(bandSchema),
  archivedAt: z.string().nullable(),
  updatedAt: z.string(),
});
export type Program = z.infer<typeof programSchema>;

export const programSummarySchema = programSchema
  .pick({ id: true, code: true, name: true, outcome: true, maxAbsencePct: true, validityMonths: true, archivedAt: true })
  .extend({ topicCount: z.number(), sessionCount: z.number(), assessed: z.boolean() });
export type ProgramSummary = z.infer<typeof programSummarySchema>;

export const programsChannels = {
  'programs.list': { input: z.object({ includeArchived: z.boolean() }), output: z.array(programSummarySchema) },
  'programs.get': { input: z.object({ id }), output: programSchema },
  'programs.save': { input: programInput, output: programSchema },
  'programs.setArchived': { input: z.object({ id, archived: z.boolean() }), output: programSchema },
} satisfies Record<string, ChannelDef>;
