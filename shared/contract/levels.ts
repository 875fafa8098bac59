import { z } from 'zod';
import { empty, id, intInRange, isoDate, previewSchema, requiredText, savedFileSchema, text, type ChannelDef } from './common';
import { labelled } from '../domain/labelled';
import { THEORY_LEVELS, type TheoryLevel } from '../domain/learner-fields';
import { foldText } from '../domain/text';

/** Political-theory levels: a person's history, external diplomas, provincial nominations, targets, the report. */

/** Levels a diploma, a course or a target can name: every level but "none". */
export const HELD_LEVELS = ['so_cap', 'trung_cap', 'cao_cap', 'cu_nhan'] as const;
export type HeldLevel = (typeof HELD_LEVELS)[number];
export const NOMINATION_LEVELS = ['trung_cap', 'cao_cap'] as const;

/** none < sơ cấp < trung cấp < cao cấp < cử nhân: "trung cấp trở lên" counts cao cấp and cử nhân too. */
export function levelRank(level: TheoryLevel): number {
  return THEORY_LEVELS.indexOf(level);
}

export const { keys: NOMINEE_RESULTS, labels: NOMINEE_RESULT_LABELS } = labelled({
  studying: 'Đang học',
  graduated: 'Tốt nghiệp',
  not_graduated: 'Không tốt nghiệp',
  withdrawn: 'Thôi học',
});
export type NomineeResult = (typeof NOMINEE_RESULTS)[number];

const yearField = intInRange(1945, 2100, 'Năm phải từ 1945 đến 2100');
const reportYear = intInRange(1990, 2100, 'Năm phải từ 1990 đến 2100');
const optionalDate = isoDate.nullable();

export const diplomaInput = z
  .object({
    id: id.optional(),
    personId: id,
    level: z.enum(HELD_LEVELS, { error: 'Chọn trình độ' }),
    equivalent: z.boolean().default(false),
    school: requiredText(300),
    year: yearField,
    number: text(50),
    issueDate: optionalDate.default(null),
    note: text(500).default(''),
  })
  .superRefine((d, ctx) => {
    if (d.issueDate && Number(d.issueDate.slice(0, 4)) !== d.year) {
      ctx.addIssue({ code: 'custom', path: ['issueDate'], message: `Ngày cấp phải trong năm ${d.year}` });
    }
  });
export type DiplomaInput = z.input<typeof diplomaInput>;

export const historyEntrySchema = z.object({
  source: z.enum(['declared', 'centre', 'external', 'provincial']),
  level: z.enum(THEORY_LEVELS),
  equivalent: z.boolean(),
  /** When the level was reached; for the level on the record, the day it was written (null on a record from before: it always counts). */
  date: z.string().nullable(),
  /** What the history row says: the class, the school, the course. */
  where: z.string(),
  diplomaNumber: z.string().nullable(),
  note: z.string(),
  /** The external diploma's id, for editing it; null for the other sources. */
  diplomaId: z.number().nullable(),
});
export type HistoryEntry = z.infer<typeof historyEntrySchema>;

export const diplomaSchema = z.object({
  id,
  personId: id,
  level: z.enum(HELD_LEVELS),
  equivalent: z.boolean(),
  school: z.string(),
  year: z.number(),
  number: z.string(),
  issueDate: z.string().nullable(),
  note: z.string(),
});

export const positionGroupInput = z
  .object({
    id: id.optional(),
    name: requiredText(120),
    titles: z.array(requiredText(120)).min(1, 'Cần ít nhất một chức vụ').max(60, 'Tối đa 60 chức vụ'),
  })
  .superRefine((g, ctx) => {
    const seen = new Set<string>();
    g.titles.forEach((t, i) => {
      const key = foldText(t);
      if (seen.has(key)) ctx.addIssue({ code: 'custom', path: ['titles', i], message: 'Chức vụ bị trùng' });
      seen.add(key);
    });
  });
export const positionGroupSchema = z.object({ id, name: z.string(), titles: z.array(z.string()), targetCount: z.number() });
export type PositionGroup = z.infer<typeof positionGroupSchema>;

export const targetInput = z.object({
  id: id.optional(),
  year: reportYear,
  groupId: id.nullable(),
  baseUnitId: id.nullable(),
  minLevel: z.enum(HELD_LEVELS, { error: 'Chọn trình độ tối thiểu' }),
  percent: intInRange(0, 100, 'Tỷ lệ là số nguyên từ 0 đến 100'),
});
export const targetSchema = z.object({
  id,
  year: z.number(),
  groupId: z.number().nullable(),
  groupName: z.string().nullable(),
  baseUnitId: z.number().nullable(),
  baseUnitName: z.string().nullable(),
  minLevel: z.enum(HELD_LEVELS),
  percent: z.number(),
});
export type Target = z.infer<typeof targetSchema>;

const nomineeInput = z
  .object({
    personId: id,
    result: z.enum(NOMINEE_RESULTS, { error: 'Chọn kết quả' }),
    diplomaNumber: text(50).default(''),
    diplomaDate: optionalDate.default(null),
  })
  .superRefine((n, ctx) => {
    if (n.result !== 'graduated') return;
    if (!n.diplomaNumber) ctx.addIssue({ code: 'custom', path: ['diplomaNumber'], message: 'Tốt nghiệp thì cần số bằng' });
    if (!n.diplomaDate) ctx.addIssue({ code: 'custom', path: ['diplomaDate'], message: 'Tốt nghiệp thì cần ngày cấp bằng' });
  });

export const nominationInput = z
  .object({
    id: id.optional(),
    year: reportYear,
    level: z.enum(NOMINATION_LEVELS, { error: 'Chọn hệ đào tạo' }),
    school: requiredText(300),
    course: requiredText(300),
    decisionNumber: text(50),
    decisionDate: optionalDate.default(null),
    note: text(500).default(''),
    people: z.array(nomineeInput).max(1000, 'Tối đa 1.000 người một đợt'),
  })
  .superRefine((n, ctx) => {
    const seen = new Set<number>();
    n.people.forEach((p, i) => {
      if (seen.has(p.personId))
        ctx.addIssue({ code: 'custom', path: ['people', i, 'personId'], message: 'Người này đã có trong danh sách' });
      seen.add(p.personId);
      if (p.diplomaDate && n.decisionDate && p.diplomaDate < n.decisionDate) {
        ctx.addIssue({ code: 'custom', path: ['people', i, 'diplomaDate'], message: 'Ngày cấp bằng trước ngày quyết định cử đi học' });
      }
    });
    if (n.decisionDate && Number(n.decisionDate.slice(0, 4)) !== n.year) {
      ctx.addIssue({ code: 'custom', path: ['decisionDate'], message: `Ngày quyết định phải trong năm ${n.year}` });
    }
  });
export type NominationInput = z.input<typeof nominationInput>;

export const nominationSchema = z.object({
  id,
  year: z.number(),
  level: z.enum(NOMINATION_LEVELS),
  school: z.string(),
  course: z.string(),
  decisionNumber: z.string(),
  decisionDate: z.string().nullable(),
  note: z.string(),
  people: z.array(
    z.object({
      personId: id,
      fullName: z.string(),
      birthDate: z.string().nullable(),
      position: z.string(),
      baseUnitName: z.string().nullable(),
      result: z.enum(NOMINEE_RESULTS),
      diplomaNumber: z.string(),
      diplomaDate: z.string().nullable(),
    }),
  ),
});
export type Nomination = z.infer<typeof nominationSchema>;

const levelCounts = z.object({ none: z.number(), so_cap: z.number(), trung_cap: z.number(), cao_cap: z.number(), cu_nhan: z.number() });
const reportRow = z.object({
  communeName: z.string(),
  baseUnitName: z.string(),
  people: z.number(),
  levels: levelCounts,
  achieved: z.number(),
  share: z.number().nullable(),
  gap: z.number(),
});
export type LevelReportRow = z.infer<typeof reportRow>;

export const levelReportSchema = z.object({
  year: z.number(),
  asOf: z.string(),
  targets: z.array(targetSchema.extend({ scopeLabel: z.string(), rows: z.array(reportRow), total: reportRow })),
  nominations: z.array(nominationSchema),
});
export type LevelReport = z.infer<typeof levelReportSchema>;

const fileOut = savedFileSchema;
const byYear = z.object({ year: reportYear });

export const levelsChannels = {
  /** The person's level today and every entry of their history, newest first. */
  'levels.history': {
    input: z.object({ personId: id }),
    output: z.object({ current: z.enum(THEORY_LEVELS), entries: z.array(historyEntrySchema) }),
  },
  'levels.saveDiploma': { input: diplomaInput, output: diplomaSchema },
  'levels.deleteDiploma': { input: z.object({ id }), output: z.object({}) },
  'levels.groups': { input: empty, output: z.array(positionGroupSchema) },
  'levels.saveGroup': { input: positionGroupInput, output: positionGroupSchema },
  'levels.deleteGroup': { input: z.object({ id }), output: z.object({}) },
  'levels.targets': { input: byYear, output: z.array(targetSchema) },
  'levels.saveTarget': { input: targetInput, output: targetSchema },
  'levels.deleteTarget': { input: z.object({ id }), output: z.object({}) },
  'levels.nominations': { input: byYear, output: z.array(nominationSchema) },
  'levels.saveNomination': { input: nominationInput, output: nominationSchema },
  'levels.deleteNomination': { input: z.object({ id }), output: z.object({}) },
  'levels.report': { input: byYear, output: levelReportSchema },
  'levels.preview': { input: byYear, output: previewSchema },
  'levels.pdf': { input: byYear, output: fileOut },
  'levels.xlsx': { input: byYear, output: fileOut },
  'levels.docx': { input: byYear, output: fileOut },
} satisfies Record<string, ChannelDef>;
