import { z } from 'zod';
import { empty, id, isoDate, previewSchema, printOutcomeSchema, requiredText, savedFileSchema, text, type ChannelDef } from './common';
import { isValidPartialDate } from '../domain/dates';
import { ETHNIC_GROUPS } from '../domain/ethnic-groups';
import { labelled } from '../domain/labelled';
import { PARTY_STATUSES, SEXES, THEORY_LEVELS } from '../domain/learner-fields';

const ethnicCodes = new Set(ETHNIC_GROUPS.map((g) => g.code));

export const partialDate = z
  .string({ error: 'Ngày không hợp lệ' })
  .refine(isValidPartialDate, 'Ngày sinh phải là ngày/tháng/năm, tháng/năm hoặc năm (từ 1900)');

/** Empty text becomes null so an optional identifier is either absent or well-formed. */
const optionalDigits = (length: number, label: string) =>
  z
    .string()
    .overwrite((s) => s.replace(/[\s.]/g, ''))
    .refine((s) => s === '' || new RegExp(`^\\d{${length}}$`).test(s), {
      error: (issue) => `${label} phải có đúng ${length} chữ số (đang có ${String(issue.input).replace(/\D/g, '').length})`,
    })
    .transform((s) => (s === '' ? null : s))
    .nullable();

export const personInput = z
  .object({
    id: id.optional(),
    /** The record's updatedAt when the form was loaded: a save over newer data is refused. */
    expectedUpdatedAt: z.string().optional(),
    familyAndMiddle: text(100),
    given: requiredText(60),
    sex: z.enum(SEXES, { error: 'Chọn Nam hoặc Nữ' }).nullable(),
    birthDate: partialDate.nullable(),
    ethnicityCode: z
      .string()
      .refine((c) => ethnicCodes.has(c), 'Dân tộc không có trong danh mục 54 dân tộc')
      .nullable(),
    religion: text(100),
    homePlace: text(300),
    communeCode: z
      .string()
      .regex(/^\d{5}$/, 'Mã xã, phường không hợp lệ')
      .nullable(),
    workplace: text(300),
    position: text(200),
    partyStatus: z.enum(PARTY_STATUSES, { error: 'Chọn tình trạng đảng viên' }).nullable(),
    admissionDate: isoDate.nullable(),
    confirmationDate: isoDate.nullable(),
    unitId: id.nullable(),
    educationLevel: text(200),
    theoryLevel: z.enum(THEORY_LEVELS, { error: 'Chọn trình độ lý luận chính trị' }).nullable(),
    citizenId: optionalDigits(12, 'Số CCCD'),
    partyCard: text(30),
    phone: text(30).refine((s) => s === '' || /^[0-9 .()+-]{8,}$/.test(s), 'Số điện thoại không hợp lệ'),
    notes: text(2000),
  })
  .superRefine((p, ctx) => {
    if (p.partyStatus === 'quan_chung' && p.admissionDate) {
      ctx.addIssue({ code: 'custom', path: ['admissionDate'], message: 'Quần chúng chưa có ngày vào Đảng' });
    }
    if (p.partyStatus !== 'chinh_thuc' && p.confirmationDate) {
      ctx.addIssue({ code: 'custom', path: ['confirmationDate'], message: 'Chỉ đảng viên chính thức mới có ngày chính thức' });
    }
    if (p.admissionDate && p.confirmationDate && p.confirmationDate <= p.admissionDate) {
      ctx.addIssue({ code: 'custom', path: ['confirmationDate'], message: 'Ngày chính thức phải sau ngày vào Đảng' });
    }
    if (p.birthDate && p.admissionDate && p.admissionDate.slice(0, 4) < p.birthDate.slice(0, 4)) {
      ctx.addIssue({ code: 'custom', path: ['admissionDate'], message: 'Ngày vào Đảng trước cả năm sinh' });
    }
  });
export type PersonInput = z.input<typeof personInput>;
export type PersonData = z.output<typeof personInput>;

export const personSchema = z.object({
  id,
  familyAndMiddle: z.string(),
  given: z.string(),
  fullName: z.string(),
  sex: z.enum(SEXES).nullable(),
  birthDate: z.string().nullable(),
  ethnicityCode: z.string().nullable(),
  ethnicityName: z.string().nullable(),
  religion: z.string(),
  homePlace: z.string(),
  communeCode: z.string().nullable(),
  communeName: z.string().nullable(),
  workplace: z.string(),
  position: z.string(),
  partyStatus: z.enum(PARTY_STATUSES).nullable(),
  admissionDate: z.string().nullable(),
  confirmationDate: z.string().nullable(),
  unitId: z.number().nullable(),
  unitName: z.string().nullable(),
  educationLevel: z.string(),
  theoryLevel: z.enum(THEORY_LEVELS).nullable(),
  citizenId: z.string().nullable(),
  partyCard: z.string(),
  phone: z.string(),
  notes: z.string(),
  mergedIntoId: z.number().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Person = z.infer<typeof personSchema>;

/** One line of a list: what the registry grid shows. */
export const personRowSchema = personSchema.pick({
  id: true,
  fullName: true,
  familyAndMiddle: true,
  given: true,
  sex: true,
  birthDate: true,
  ethnicityName: true,
  partyStatus: true,
  unitName: true,
  communeName: true,
  position: true,
  workplace: true,
  citizenId: true,
});
export type PersonRow = z.infer<typeof personRowSchema>;

export const searchFilters = z.object({
  unitId: id.optional(),
  partyStatus: z.enum(PARTY_STATUSES).optional(),
  sex: z.enum(SEXES).optional(),
});

/**
 * Where the last page ended: the ranking tier (0 when nothing is ranked) and, within it, the place in
 * list order (the person's sort rank).
 */
const cursor = z.object({ tier: z.number().int().min(0).max(4).default(0), rank: z.number().int().min(0) });
export type SearchCursor = z.output<typeof cursor>;

export const searchInput = z.object({
  q: text(200),
  filters: searchFilters.default({}),
  after: cursor.nullable().default(null),
  limit: z.number().int().min(1).max(500).default(100),
});
export type SearchInput = z.input<typeof searchInput>;

export const historyItemSchema = z.object({ kind: z.string(), date: z.string().nullable(), text: z.string() });

export const { keys: DUPLICATE_REASONS, labels: DUPLICATE_REASON_LABELS } = labelled({
  citizen_id: 'Trùng số CCCD',
  name_birth_date: 'Trùng họ tên và ngày sinh',
  name_birth_year_unit: 'Trùng họ tên, năm sinh và đơn vị',
});
export const duplicateReasonSchema = z.enum(DUPLICATE_REASONS);

export const mergeSchema = z.object({
  id,
  at: z.string(),
  actor: z.string(),
  keptId: id,
  keptName: z.string(),
  removedId: id,
  removedName: z.string(),
  undoneAt: z.string().nullable(),
});

export const fileOutput = savedFileSchema.extend({ rowCount: z.number() });

/** Whose learning record, and what for ("bổ sung hồ sơ cán bộ"): the purpose is optional. */
export const learningRecordRequest = z.object({ id, purpose: text(300).default('') });

export const learnersChannels = {
  'learners.search': {
    input: searchInput,
    output: z.object({ rows: z.array(personRowSchema), next: cursor.nullable() }),
  },
  'learners.count': { input: z.object({ q: text(200), filters: searchFilters.default({}) }), output: z.object({ count: z.number() }) },
  'learners.get': {
    input: z.object({ id }),
    output: z.object({ person: personSchema, history: z.array(historyItemSchema), mergedFrom: z.array(mergeSchema) }),
  },
  'learners.save': { input: personInput, output: personSchema },
  'learners.exportXlsx': { input: z.object({ q: text(200), filters: searchFilters.default({}) }), output: fileOutput },
  /** Everything the centre holds about one person (Law 91/2025/QH15, a data subject's request), as a PDF and as a workbook. */
  'learners.personDataPdf': { input: z.object({ id }), output: savedFileSchema },
  'learners.personDataXlsx': { input: z.object({ id }), output: fileOutput },
  /** «Giấy xác nhận quá trình học tập»: the preview is the very HTML that is printed and saved. */
  'learners.learningRecordPreview': { input: learningRecordRequest, output: previewSchema },
  'learners.learningRecordPdf': { input: learningRecordRequest, output: savedFileSchema },
  'learners.learningRecordPrint': { input: learningRecordRequest, output: printOutcomeSchema },
  /** The same record as an editable .docx in the Party's format. */
  'learners.learningRecordDocx': { input: learningRecordRequest, output: savedFileSchema },
  'learners.duplicates': {
    input: empty,
    output: z.array(z.object({ reason: duplicateReasonSchema, a: personRowSchema, b: personRowSchema })),
  },
  'learners.dismissDuplicate': { input: z.object({ aId: id, bId: id }), output: z.object({ ok: z.boolean() }) },
  'learners.mergePreview': {
    input: z.object({ keepId: id, removeId: id }),
    output: z.object({ kept: personSchema, removed: personSchema, result: personSchema }),
  },
  'learners.merge': { input: z.object({ keepId: id, removeId: id }), output: z.object({ mergeId: id, person: personSchema }) },
  'learners.merges': { input: empty, output: z.array(mergeSchema) },
  'learners.undoMerge': { input: z.object({ mergeId: id }), output: z.object({ kept: personSchema, restored: personSchema }) },
} satisfies Record<string, ChannelDef>;
