import { z } from 'zod';
import { id, text, type ChannelDef } from './common';
import { fileOutput } from './learners';
import { labelled } from '../domain/labelled';
import { IMPORT_FIELD_KEYS, SEXES, type ImportField } from '../domain/learner-fields';
import { LEGACY_FONTS } from '../domain/legacy-vietnamese';

const importField = z.enum(IMPORT_FIELD_KEYS as [ImportField, ...ImportField[]]);

/** 20 MB of file is 26.7 MB of base64. */
const MAX_BASE64 = 28 * 1024 * 1024;

export const columnMappingSchema = z.object({
  col: z.number().int().min(0),
  field: importField.nullable(),
  /** An "x" column under "Nam" or "Nữ": the mark gives the sex. */
  sexMark: z.enum(SEXES).optional(),
});
export type ColumnMapping = z.infer<typeof columnMappingSchema>;

export const importSheetSchema = z.object({
  index: z.number(),
  name: z.string(),
  hidden: z.boolean(),
  dataRows: z.number(),
  /** 1-based, as Excel shows them; null when no header row was found. */
  headerRow: z.number().nullable(),
  firstDataRow: z.number(),
  columns: z.array(
    z.object({
      col: z.number(),
      letter: z.string(),
      header: z.string(),
      samples: z.array(z.string()),
      mapping: columnMappingSchema,
      /** What the app proposes without the clerk's remembered choice for this header; the clerk can go back to it. */
      guess: columnMappingSchema,
      /** The mapping is the clerk's own choice for this header spelling, from an earlier import. */
      remembered: z.boolean(),
    }),
  ),
  warnings: z.array(z.string()),
  /**
   * Set when the sheet's text was typed in a pre-Unicode font (garbled letters): the clerk chooses to
   * convert or keep before anything is written; `preview` shows a few names both ways.
   */
  legacyFont: z
    .object({ font: z.enum(LEGACY_FONTS), cells: z.number(), preview: z.array(z.object({ original: z.string(), converted: z.string() })) })
    .nullable(),
});
export type ImportSheet = z.infer<typeof importSheetSchema>;

export const { keys: ROW_STATUSES, labels: ROW_STATUS_LABELS } = labelled({
  new: 'Người mới',
  same: 'Đã có trong sổ',
  duplicate: 'Có thể trùng',
  error: 'Lỗi',
});
export const rowStatusSchema = z.enum(ROW_STATUSES);
export const rowActionSchema = z.enum(['auto', 'skip', 'new', 'link']);

export const importProblemSchema = z.object({
  field: z.string().nullable(),
  /** "D12": where the clerk finds the value in the file. */
  cell: z.string().nullable(),
  message: z.string(),
  severity: z.enum(['error', 'warning']),
});

export const importRowSchema = z.object({
  rowNumber: z.number(),
  values: z.record(z.string(), z.string()),
  fullName: z.string(),
  birthDate: z.string().nullable(),
  /** As read: a sex column, an x under Nam | Nữ, or the birth date written under Nam | Nữ. */
  sex: z.enum(SEXES).nullable(),
  unitName: z.string().nullable(),
  status: rowStatusSchema,
  action: rowActionSchema,
  match: z.object({ id, fullName: z.string(), birthDate: z.string().nullable(), unitName: z.string().nullable() }).nullable(),
  problems: z.array(importProblemSchema),
  edited: z.boolean(),
});
export type ImportRow = z.infer<typeof importRowSchema>;

export const analysisSchema = z.object({
  sessionId: z.string(),
  sheetName: z.string(),
  rows: z.array(importRowSchema),
  newUnits: z.array(z.string()),
  /** The sheet is in a legacy font and the clerk has not chosen yet: nothing can be written. */
  fontUndecided: z.boolean(),
});

/** The clerk's answer for a sheet in a legacy font; left out while undecided. */
export const fontChoiceSchema = z.enum(['convert', 'keep']);
export type FontChoice = z.infer<typeof fontChoiceSchema>;

const sessionId = z.string().regex(/^[a-z0-9-]{8,64}$/, 'Phiên nhập không hợp lệ');

export const importsChannels = {
  'imports.open': {
    input: z.object({ fileName: text(255), dataBase64: z.string().max(MAX_BASE64, 'Tệp lớn hơn 20 MB, vượt giới hạn mỗi lần nhập') }),
    output: z.object({
      sessionId: z.string(),
      fileName: z.string(),
      format: z.enum(['xlsx', 'csv']),
      encoding: z.string().nullable(),
      sheets: z.array(importSheetSchema),
      suggestedSheet: z.number(),
    }),
  },
  'imports.analyze': {
    input: z.object({
      sessionId,
      sheet: z.number().int().min(0),
      firstDataRow: z.number().int().min(1),
      mapping: z.array(columnMappingSchema),
      defaultUnitId: id.nullable(),
      fontChoice: fontChoiceSchema.optional(),
    }),
    output: analysisSchema,
  },
  'imports.updateRow': {
    input: z.object({ sessionId, rowNumber: z.number().int().min(1), values: z.record(z.string(), text(500)) }),
    /** The edited row and every other row whose result changed with it. */
    output: z.array(importRowSchema),
  },
  'imports.setRowAction': {
    input: z.object({ sessionId, rowNumber: z.number().int().min(1), action: rowActionSchema }),
    output: importRowSchema,
  },
  'imports.problemsXlsx': { input: z.object({ sessionId }), output: fileOutput },
  'imports.commit': {
    input: z.object({
      sessionId,
      /** Enrol everyone imported into this class in the same all-or-nothing step. */
      enrol: z.object({ classId: id, fitOverrideReason: text(500).optional() }).optional(),
    }),
    output: z.object({
      created: z.number(),
      linked: z.number(),
      filled: z.number(),
      skipped: z.number(),
      unitsCreated: z.number(),
      enrolled: z.number(),
      capacityWarning: z.string().nullable(),
    }),
  },
  'imports.discard': { input: z.object({ sessionId }), output: z.object({ ok: z.boolean() }) },
} satisfies Record<string, ChannelDef>;
