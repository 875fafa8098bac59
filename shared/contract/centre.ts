import { z } from 'zod';
import { empty, id, isoDate, requiredText, text, type ChannelDef } from './common';
import { foldText } from '../domain/text';

export const leaderSchema = z.object({
  name: requiredText(100),
  title: requiredText(100),
});

const uniqueList = (itemMax: number, listMax: number, what: string) =>
  z
    .array(requiredText(itemMax))
    .max(listMax, `Tối đa ${listMax} ${what}`)
    .superRefine((items, ctx) => {
      const seen = new Map<string, number>();
      items.forEach((item, i) => {
        const key = foldText(item);
        if (seen.has(key)) ctx.addIssue({ code: 'custom', path: [i], message: `«${item}» bị trùng` });
        seen.set(key, i);
      });
    });

/** What the clerk fills in; each save is valid from `validFrom` until the next version. */
export const centreProfileInput = z.object({
  validFrom: isoDate,
  name: requiredText(200),
  superior: requiredText(200),
  docCode: z
    .string({ error: 'Chưa nhập ký hiệu' })
    .overwrite((s) => s.trim().toLocaleUpperCase('vi'))
    .min(1, 'Không được để trống')
    .max(20, 'Tối đa 20 ký tự')
    .regex(/^[\p{Lu}\d]+(-[\p{Lu}\d]+)*$/u, 'Chỉ gồm chữ in hoa, số và dấu gạch ngang, ví dụ TTCT'),
  placeName: requiredText(100),
  address: text(300),
  phone: text(50).refine((s) => s === '' || /^[0-9 .()+-]{6,}$/.test(s), 'Số điện thoại không hợp lệ'),
  director: leaderSchema,
  deputies: z.array(leaderSchema).max(6, 'Tối đa 6 phó giám đốc'),
  areaCommunes: uniqueList(150, 300, 'xã, phường'),
  areaPartyOrgs: uniqueList(200, 1000, 'tổ chức cơ sở đảng'),
});
export type CentreProfileInput = z.input<typeof centreProfileInput>;

export const centreVersionSchema = centreProfileInput.extend({
  id,
  validTo: z.string().nullable(),
  updatedAt: z.string(),
});
export type CentreVersion = z.infer<typeof centreVersionSchema>;

export const centreStateSchema = z.object({
  current: centreVersionSchema.nullable(),
  history: z.array(centreVersionSchema),
});
export type CentreState = z.infer<typeof centreStateSchema>;

export const centreChannels = {
  'centre.get': { input: empty, output: centreStateSchema },
  'centre.save': { input: centreProfileInput, output: centreStateSchema },
  'centre.profileAt': { input: z.object({ date: isoDate }), output: centreVersionSchema.nullable() },
} satisfies Record<string, ChannelDef>;
