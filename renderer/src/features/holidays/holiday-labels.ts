import { COMPENSATORY_PREFIX, HOLIDAY_NAMES } from '../../../../shared/domain/holidays';
import { solarToLunar } from '../../../../shared/domain/lunar';

export type AdjustmentKind = 'day_off' | 'working_day' | 'not_holiday';
export const ADJUSTMENT_KINDS: AdjustmentKind[] = ['day_off', 'working_day', 'not_holiday'];
export const ADJUSTMENT_LABELS: Record<AdjustmentKind, string> = {
  day_off: 'Nghỉ thêm',
  working_day: 'Làm bù',
  not_holiday: 'Không nghỉ',
};
export const ADJUSTMENT_HELP: Record<AdjustmentKind, string> = {
  day_off: 'Nghỉ bù, nghỉ nối, hoặc ngày Tết khác mặc định',
  working_day: 'Ngày cuối tuần đi làm bù: được xếp lịch học',
  not_holiday: 'Ngày nghỉ mặc định đã dời sang ngày khác',
};

/** Month names as said aloud: "tháng Giêng", "tháng Chạp". */
export const LUNAR_MONTH_NAMES = ['Giêng', 'Hai', 'Ba', 'Tư', 'Năm', 'Sáu', 'Bảy', 'Tám', 'Chín', 'Mười', 'Một', 'Chạp'];

/**
 * "(10/3 âm lịch)" beside the holidays fixed by the lunar calendar, which is how the clerk checks
 * them against the wall calendar; other holidays have no lunar note.
 */
export function lunarNote(iso: string, name: string): string | null {
  // A day given back (nghỉ bù) names the holiday it replaces, but falls on no lunar date of its own.
  if (name.startsWith(COMPENSATORY_PREFIX)) return null;
  if (!name.includes(HOLIDAY_NAMES.tet) && !name.includes(HOLIDAY_NAMES.hungKings)) return null;
  const l = solarToLunar(iso);
  return `(${l.day}/${l.month}${l.leap ? ' nhuận' : ''} âm lịch)`;
}
