import type { holidaysChannels } from '../../../shared/contract/holidays';
import { defaultDaysOff } from '../../../shared/domain/holidays';
import { lunarToSolar } from '../../../shared/domain/lunar';
import { audit } from '../audit';
import { AppError } from '../errors';
import { adjustmentsOf, effectiveHolidays } from '../classes/days-off';
import type { Handlers } from '../handler';

const LUNAR_MONTHS = ['Giêng', 'Hai', 'Ba', 'Tư', 'Năm', 'Sáu', 'Bảy', 'Tám', 'Chín', 'Mười', 'Một', 'Chạp'];

export const holidaysHandlers: Handlers<typeof holidaysChannels> = {
  'holidays.year': (ctx, input) => {
    const effective = effectiveHolidays(ctx.db, input.year);
    return {
      year: input.year,
      defaults: defaultDaysOff(input.year),
      adjustments: adjustmentsOf(ctx.db, input.year),
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
      if (ctx.db.prepare('SELECT 1 FROM calendar_adjustments WHERE date = ?').get(date)) {
        throw new AppError('DUPLICATE', 'Ngày này đã có trong bảng điều chỉnh.', { date: 'Ngày này đã có trong bảng' });
      }
      const id = Number(
        ctx.db
          .prepare('INSERT INTO calendar_adjustments (date, kind, name, created_at) VALUES (?, ?, ?, ?)')
          .run(date, input.kind, input.name, ctx.now().toISOString()).lastInsertRowid,
      );
      audit(ctx, { action: 'create', entity: 'calendar_adjustment', entityId: id, after: { date, kind: input.kind, name: input.name } });
      return { id, date };
    })(),
  'holidays.removeAdjustment': (ctx, input) =>
    ctx.db.transaction(() => {
      const before = ctx.db.prepare('SELECT * FROM calendar_adjustments WHERE id = ?').get(input.id);
      if (!before) throw new AppError('NOT_FOUND', 'Không tìm thấy ngày điều chỉnh này.');
      ctx.db.prepare('DELETE FROM calendar_adjustments WHERE id = ?').run(input.id);
      audit(ctx, { action: 'delete', entity: 'calendar_adjustment', entityId: input.id, before });
      return { ok: true };
    })(),
};
