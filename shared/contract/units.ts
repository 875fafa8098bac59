import { z } from 'zod';
import { id, isoDate, requiredText, type ChannelDef } from './common';
import { labelled } from '../domain/labelled';

export const { keys: UNIT_KINDS, labels: UNIT_KIND_LABELS } = labelled({ base: 'Tổ chức cơ sở đảng', cell: 'Chi bộ' });

export const unitInput = z.object({
  id: id.optional(),
  name: requiredText(200),
  kind: z.enum(UNIT_KINDS, { error: 'Chọn loại đơn vị' }),
  parentId: id.nullable(),
  communeCode: z
    .string()
    .regex(/^\d{5}$/, 'Mã xã, phường không hợp lệ')
    .nullable(),
});

export const unitSchema = z.object({
  id,
  name: z.string(),
  kind: z.enum(UNIT_KINDS),
  parentId: z.number().nullable(),
  parentName: z.string().nullable(),
  communeCode: z.string().nullable(),
  communeName: z.string().nullable(),
  mergedIntoId: z.number().nullable(),
  mergedIntoName: z.string().nullable(),
  archivedAt: z.string().nullable(),
  formerNames: z.array(z.object({ name: z.string(), validTo: z.string() })),
  memberCount: z.number(),
});
export type Unit = z.infer<typeof unitSchema>;

export const unitsChannels = {
  'units.list': { input: z.object({ includeArchived: z.boolean() }), output: z.array(unitSchema) },
  'units.save': { input: unitInput, output: unitSchema },
  'units.merge': { input: z.object({ fromId: id, intoId: id, date: isoDate }), output: unitSchema },
  'units.setArchived': { input: z.object({ id, archived: z.boolean() }), output: unitSchema },
} satisfies Record<string, ChannelDef>;
