import { describe, expect, it } from 'vitest';
import { proposeClassName, toRoman } from '../../shared/domain/cohort';
import { addDays, weekday, weekdayName } from '../../shared/domain/days';
import { applyAdjustments, defaultHolidays } from '../../shared/domain/holidays';
import { generateTimetable } from '../../shared/domain/timetable';

describe('cohorts', () => {
  it('writes Roman numerals and proposes class names', () => {
    expect([1, 2, 4, 9, 14, 40, 62, 99].map(toRoman)).toEqual(['I', 'II', 'IV', 'IX', 'XIV', 'XL', 'LXII', 'XCIX']);
    expect(proposeClassName('Bồi dưỡng lý luận chính trị dành cho đảng viên mới', 2, 'per_year', 2026)).toBe(
      'Lớp bồi dưỡng lý luận chính trị dành cho đảng viên mới khóa II năm 2026',
    );
    expect(proposeClassName('Sơ cấp lý luận chính trị', 62, 'continuous', 2026)).toBe('Lớp sơ cấp lý luận chính trị khóa 62');
  });
});

describe('days', () => {
  it('knows weekdays without time zones', () => {
    expect(weekday('2026-11-21')).toBe(6);
    expect(weekdayName('2026-11-22')).toBe('Chủ nhật');
    expect(weekdayName('2026-02-16')).toBe('Thứ Hai');
    expect(addDays('2026-02-28', 1)).toBe('2026-03-01');
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
  });
});

describe('timetable generation', () => {
  const holidays = (y: number) => applyAdjustments(defaultHolidays(y), []);
  const off = new Set([...holidays(2026).daysOff.map((d) => d.date)]);
  const topics = [
    { topicId: 1, title: 'Chuyên đề 1', sessions: 3, lecturerId: 7 },
    { topicId: 2, title: 'Chuyên đề 2', sessions: 3, lecturerId: 8 },
  ];
  const base = {
    topics,
    halves: ['sang', 'chieu'] as const,
    venueId: 1,
    periods: 4,
    isDayOff: (d: string) => off.has(d),
    isWorkingDay: () => false,
  };

  it('fills mornings and afternoons in topic order and skips Tết 2026 (16–20/02) and the weekend', () => {
    const s = generateTimetable({ ...base, startDate: '2026-02-12', weekendClass: false });
    expect(s.map((x) => `${x.date} ${x.half} ${x.topicId}`)).toEqual([
      '2026-02-12 sang 1',
      '2026-02-12 chieu 1',
      '2026-02-13 sang 1',
      '2026-02-13 chieu 2',
      '2026-02-23 sang 2',
      '2026-02-23 chieu 2',
    ]);
  });
  it('uses only weekends for a weekend class', () => {
    const s = generateTimetable({ ...base, startDate: '2026-03-02', weekendClass: true, halves: ['sang'] });
    expect(s.map((x) => x.date)).toEqual(['2026-03-07', '2026-03-08', '2026-03-14', '2026-03-15', '2026-03-21', '2026-03-22']);
  });
  it('teaches on a swapped working Saturday', () => {
    const s = generateTimetable({
      ...base,
      startDate: '2026-03-06',
      weekendClass: false,
      halves: ['sang'],
      isWorkingDay: (d) => d === '2026-03-07',
    });
    expect(s.map((x) => x.date).slice(0, 3)).toEqual(['2026-03-06', '2026-03-07', '2026-03-09']);
  });
});
