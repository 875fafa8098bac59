import type { holidaysChannels } from '../../../shared/contract/holidays';
import { defaultDaysOff } from '../../../shared/domain/holidays';
import { lunarToSolar } from '../../../shared/domain/lunar';
import { audit } from '../audit-store';
import { AppError } from '../errors';
import type { Handlers } from '../handler';
import { effectiveHolidays } from './days-off';
import * as store from './store';

const LUNAR_MONTHS = ['Giêng', 'Hai', 'Ba', 'Tư', 'Năm', 'Sáu', 'Bảy', 'Tám', 'Chín', 'Mười', 'Một', 'Chạp'];

export const holidaysHandlers: Handlers<typeof holidaysChannels> = {
  'holidays.year': (ctx, input) => {
    const effective = effectiveHolidays(ctx.db, input.year);
    return {
      year: input.year,
      defaults: defaultDaysOff(input.year),
      adjustments: store.adjustmentsOf(ctx.db, input.year),
      daysOff: effective.daysOff,
      workingDays: effective.workingDays,
    };
  },
  'holidays.addAdjustment': (ctx, input) =>
    ctx.db.transaction(() => {
      let date: string;
      if ('lunar' in input) {
        const { year, month, day, leap } = input.lunar;
        const solar = lunarToSolar(year, month, day, leap);
        if (!solar) {
          const what = `ngày ${day} tháng ${leap ? 'nhuận ' : ''}${LUNAR_MONTHS[month - 1]} năm ${year} âm lịch`;
          throw new AppError('LUNAR_DATE_MISSING', `Không có ${what} (tháng đó thiếu, hoặc năm đó không có tháng nhuận này).`, {
            'lunar.day': `Không có ${what}`,
          });
        }
        date = solar;
      } else {
        date = input.date;
      }
      if (store.hasAdjustmentOn(ctx.db, date)) {
        throw new AppError('DUPLICATE', 'Ngày này đã có trong bảng điều chỉnh.', { date: 'Ngày này đã có trong bảng' });
      }
      const id = store.insertAdjustment(ctx.db, { date, kind: input.kind, name: input.name }, ctx.now().toISOString());
      audit(ctx, { action: 'create', entity: 'calendar_adjustment', entityId: id, after: { date, kind: input.kind, name: input.name } });
      return { id, date };
    })(),
  'holidays.removeAdjustment': (ctx, input) =>
    ctx.db.transaction(() => {
      const before = store.adjustmentById(ctx.db, input.id);
      if (!before) throw new AppError('NOT_FOUND', 'Không tìm thấy ngày điều chỉnh này.');
      store.deleteAdjustment(ctx.db, input.id);
      audit(ctx, { action: 'delete', entity: 'calendar_adjustment', entityId: input.id, before });
      return { ok: true };
    })(),
};
