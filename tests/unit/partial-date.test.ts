import { describe, expect, it } from 'vitest';
import { parseLooseDate, type LooseDateOptions } from '../../shared/domain/partial-date';

// 15/05/2026 in Vietnam: the two-digit-year pivot is 26 and the youngest learner was born 15/05/2012.
const now = new Date('2026-05-15T03:00:00Z');
const event: LooseDateOptions = { now, kind: 'event' };
const birth: LooseDateOptions = { now, kind: 'birth' };

function value(input: unknown, options: LooseDateOptions = event): string {
  const r = parseLooseDate(input, options);
  if (!r.ok) throw new Error(`expected a date from ${String(input)}, got: ${r.message}`);
  return r.value;
}

function message(input: unknown, options: LooseDateOptions = event): string {
  const r = parseLooseDate(input, options);
  if (r.ok) throw new Error(`expected a refusal for ${String(input)}, got ${r.value}`);
  return r.message;
}

describe('Date objects (ExcelJS gives UTC midnight)', () => {
  it('reads the UTC parts, whatever the machine time zone', () => {
    expect(value(new Date(Date.UTC(1975, 8, 5)))).toBe('1975-09-05');
    expect(value(new Date(Date.UTC(1900, 0, 1)))).toBe('1900-01-01');
    expect(value(new Date(Date.UTC(2000, 1, 29)))).toBe('2000-02-29');
  });
  it('snaps a value a hair before midnight (float noise from the serial) to the next day', () => {
    expect(value(new Date(Date.UTC(1975, 8, 4, 23, 59, 59, 999)))).toBe('1975-09-05');
    expect(value(new Date(Date.UTC(1950, 0, 1, 23, 59, 59, 500)))).toBe('1950-01-02');
  });
  it('keeps the day for a real time of day', () => {
    expect(value(new Date(Date.UTC(1975, 8, 5, 13, 30)))).toBe('1975-09-05');
  });
  it('refuses an invalid Date and years outside 1900–2100', () => {
    expect(message(new Date(Number.NaN))).toBe('Ô ngày không hợp lệ');
    expect(message(new Date(Date.UTC(1850, 0, 1)))).toContain('năm 1850 không hợp lệ');
  });
});

describe('Excel serial numbers (1900 date system)', () => {
  it('converts serials after the fake leap day', () => {
    expect(value(27642)).toBe('1975-09-05');
    expect(value(61)).toBe('1900-03-01');
    expect(value(36526)).toBe('2000-01-01');
    expect(value(73415)).toBe('2100-12-31');
  });
  it('converts serials before the fake leap day', () => {
    expect(value(1)).toBe('1900-01-01');
    expect(value(59)).toBe('1900-02-28');
  });
  it('refuses the fake 29/02/1900', () => {
    expect(message(60)).toBe('29/02/1900 không phải là ngày có thật');
  });
  it('drops the time of day, rounding float noise up', () => {
    expect(value(27642.75)).toBe('1975-09-05');
    expect(value(27641.9999999999)).toBe('1975-09-05');
  });
  it('reads integers 1900–2100 as years typed as numbers', () => {
    expect(value(1975)).toBe('1975');
    expect(value(1900)).toBe('1900');
    expect(value(2100)).toBe('2100');
  });
  it('refuses serials out of the plausible range', () => {
    expect(message(0)).toContain('không phải là một ngày');
    expect(message(-3)).toContain('không phải là một ngày');
    expect(message(73416)).toContain('không phải là một ngày');
    expect(message(5091975)).toContain('5091975');
    expect(message(Number.POSITIVE_INFINITY)).toContain('Không hiểu ngày');
  });
});

describe('text, day first', () => {
  it('reads dd/mm/yyyy with any of / - . and with or without leading zeros', () => {
    expect(value('05/09/1975')).toBe('1975-09-05');
    expect(value('5/9/1975')).toBe('1975-09-05');
    expect(value('05.09.1975')).toBe('1975-09-05');
    expect(value('05-09-1975')).toBe('1975-09-05');
    expect(value('12/01/1980')).toBe('1980-01-12');
  });
  it('reads ISO and year-first dates', () => {
    expect(value('1975-09-05')).toBe('1975-09-05');
    expect(value('1975/9/5')).toBe('1975-09-05');
    expect(value('1975-09')).toBe('1975-09');
  });
  it('reads month/year', () => {
    expect(value('09/1975')).toBe('1975-09');
    expect(value('9/1975')).toBe('1975-09');
    expect(value('tháng 9/1975')).toBe('1975-09');
    expect(value('Tháng 09/1975')).toBe('1975-09');
    expect(value('T9/1975')).toBe('1975-09');
    expect(value('t9-1975')).toBe('1975-09');
    expect(value('tháng 9 năm 1975')).toBe('1975-09');
  });
  it('reads a year alone', () => {
    expect(value('1975')).toBe('1975');
    expect(value('năm 1975')).toBe('1975');
    expect(value('Năm 1975')).toBe('1975');
  });
  it('reads the long form', () => {
    expect(value('ngày 05 tháng 9 năm 1975')).toBe('1975-09-05');
    expect(value('Sinh ngày 5 tháng 9 năm 1975')).toBe('1975-09-05');
  });
  it('ignores stray, non-breaking and zero-width spaces', () => {
    expect(value('  05 / 09 / 1975 ')).toBe('1975-09-05');
    expect(value('05/09/1975\u00A0')).toBe('1975-09-05');
    expect(value('\u200B05/09/1975')).toBe('1975-09-05');
    expect(value('tháng\u00A09/1975')).toBe('1975-09');
    expect(value('05 09 1975')).toBe('1975-09-05');
  });
  it('reads decomposed (NFD) Vietnamese words', () => {
    expect(value('tháng 9/1975'.normalize('NFD'))).toBe('1975-09');
    expect(value('năm 1975'.normalize('NFD'))).toBe('1975');
  });
  it('drops a time Excel appended to a date in a CSV', () => {
    expect(value('05/09/1975 0:00')).toBe('1975-09-05');
    expect(value('1975-09-05T00:00:00.000Z')).toBe('1975-09-05');
    expect(value('1975-09-05 00:00:00')).toBe('1975-09-05');
  });
});

describe('two-digit years', () => {
  it('a year past this year’s two digits is last century', () => {
    expect(value('5-9-75', birth)).toBe('1975-09-05');
    expect(value('05/09/99', birth)).toBe('1999-09-05');
    expect(value('05/09/27', birth)).toBe('1927-09-05');
  });
  it('otherwise this century', () => {
    expect(value('5-9-05', birth)).toBe('2005-09-05');
    expect(value('01/01/10', event)).toBe('2010-01-01');
    expect(value('01/01/26', event)).toBe('2026-01-01');
  });
  it('follows the clock it is given', () => {
    expect(value('05/09/27', { now: new Date('2030-01-01T00:00:00Z'), kind: 'event' })).toBe('2027-09-05');
  });
  it('refuses a two-digit birth year that makes a child', () => {
    expect(message('5-9-15', birth)).toBe('Ngày sinh 05/09/2015: người học chưa đủ 14 tuổi; hãy kiểm tra lại năm sinh');
  });
});

describe('birth dates', () => {
  it('accepts someone who turned 14 today, and partial dates that may be old enough', () => {
    expect(value('15/05/2012', birth)).toBe('2012-05-15');
    expect(value('05/2012', birth)).toBe('2012-05');
    expect(value('2012', birth)).toBe('2012');
  });
  it('refuses someone under 14', () => {
    expect(message('16/05/2012', birth)).toContain('chưa đủ 14 tuổi');
    expect(message('06/2012', birth)).toContain('chưa đủ 14 tuổi');
    expect(message('2013', birth)).toContain('chưa đủ 14 tuổi');
  });
  it('refuses a birth in the future', () => {
    expect(message('05/09/2030', birth)).toBe('Ngày sinh 05/09/2030 ở sau ngày hôm nay; hãy kiểm tra lại năm sinh');
    expect(message(new Date(Date.UTC(2027, 0, 1)), birth)).toContain('ở sau ngày hôm nay');
  });
  it('uses the day in Vietnam, not UTC', () => {
    // 17:30 UTC on 14/05 is already 15/05 in Vietnam.
    const lateUtc = new Date('2026-05-14T17:30:00Z');
    expect(value('15/05/2012', { now: lateUtc, kind: 'birth' })).toBe('2012-05-15');
  });
  it('lets events be in the future', () => {
    expect(value('05/09/2030', event)).toBe('2030-09-05');
  });
  it('defaults to an event and to the real clock', () => {
    expect(parseLooseDate('05/09/2099')).toEqual({ ok: true, value: '2099-09-05' });
  });
});

describe('refusals', () => {
  it('names an impossible day', () => {
    expect(message('31/02/1990')).toBe('31/02/1990 không phải là ngày có thật');
    expect(message('29/02/2023')).toBe('29/02/2023 không phải là ngày có thật');
    expect(message('00/01/1990')).toBe('00/01/1990 không phải là ngày có thật');
    expect(message('05/13/1990')).toBe('05/13/1990 không phải là ngày có thật');
    expect(message('13/1990')).toBe('13/1990 không phải là tháng có thật');
    expect(message('1990-02-30')).toBe('1990-02-30 không phải là ngày có thật');
  });
  it('accepts 29/02 in a leap year', () => {
    expect(value('29/02/2024')).toBe('2024-02-29');
    expect(value('29/02/2000')).toBe('2000-02-29');
  });
  it('explains how to write a date it does not understand', () => {
    expect(message('abc')).toBe('Không hiểu ngày «abc»; hãy ghi theo dạng ngày/tháng/năm, ví dụ 05/09/1975');
    expect(message('05/09')).toContain('«05/09»');
    expect(message('05/09/975')).toContain('Không hiểu ngày');
    expect(message('Năm sinh: 1975')).toContain('Không hiểu ngày');
    expect(message(true)).toContain('«true»');
  });
  it('refuses years before 1900 or after 2100', () => {
    expect(message('05/09/1899')).toBe('«05/09/1899»: năm 1899 không hợp lệ, chỉ nhận năm từ 1900 đến 2100');
    expect(message('2101')).toContain('năm 2101 không hợp lệ');
    expect(message('1850')).toContain('năm 1850 không hợp lệ');
  });
  it('says when nothing is written', () => {
    expect(message('')).toBe('Chưa ghi ngày');
    expect(message(' \u00A0 ')).toBe('Chưa ghi ngày');
    expect(message(null)).toBe('Chưa ghi ngày');
    expect(message(undefined)).toBe('Chưa ghi ngày');
  });
});
