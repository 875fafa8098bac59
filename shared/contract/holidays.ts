import { z } from 'zod';
import { id, intInRange, isoDate, text, type ChannelDef } from './common';

const dayOff = z.object({ date: z.string(), name: z.string() });

export const holidaysChannels = {
  'holidays.year': {
    input: z.object({ year: intInRange(1990, 2100, 'Năm không hợp lệ') }),
    output: z.object({
      year: z.number(),
      defaults: z.array(dayOff),
      adjustments: z.array(z.object({ id, date: z.string(), kind: z.enum(['day_off', 'working_day', 'not_holiday']), name: z.string() })),
      daysOff: z.array(dayOff),
      workingDays: z.array(z.object({ date: z.string(), name: z.string().optional() })),
    }),
  },
  'holidays.addAdjustment': {
    input: z.union([
      z.object({ date: isoDate, kind: z.enum(['day_off', 'working_day', 'not_holiday']), name: text(200) }),
      z.object({
        lunar: z.object({
          year: intInRange(1990, 2100, 'Năm không hợp lệ'),
          month: intInRange(1, 12, 'Tháng âm lịch phải từ 1 đến 12'),
          day: intInRange(1, 30, 'Ngày âm lịch phải từ 1 đến 30'),
          leap: z.boolean(),
        }),
        kind: z.enum(['day_off', 'working_day', 'not_holiday']),
        name: text(200),
      }),
    ]),
    output: z.object({ id, date: z.string() }),
  },
  'holidays.removeAdjustment': { input: z.object({ id }), output: z.object({ ok: z.boolean() }) },
} satisfies Record<string, ChannelDef>;
