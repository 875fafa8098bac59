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

/** Named groups of inputs, each with what `parse` answers for it (and the options it is parsed with, if not an event's). */
type Groups = [name: string, cases: [input: unknown, answer: string, options?: LooseDateOptions][]][];

/** One test per group: every input of it parsed and its answer checked. */
function eachGroup(parse: (input: unknown, options?: LooseDateOptions) => string, groups: Groups) {
  it.each(groups)('%s', (_, cases) => {
    for (const [input, answer, options] of cases) expect(parse(input, options), String(input)).toBe(answer);
  });
}

describe('Date objects (ExcelJS gives UTC midnight)', () => {
  eachGroup(value, [
    [
      'reads the UTC parts, whatever the machine time zone',
      [
        [new Date(Date.UTC(1975, 8, 5)), '1975-09-05'],
        [new Date(Date.UTC(1900, 0, 1)), '1900-01-01'],
        [new Date(Date.UTC(2000, 1, 29)), '2000-02-29'],
      ],
    ],
    [
      'snaps a value a hair before midnight (float noise from the serial) to the next day',
      [
        [new Date(Date.UTC(1975, 8, 4, 23, 59, 59, 999)), '1975-09-05'],
        [new Date(Date.UTC(1950, 0, 1, 23, 59, 59, 500)), '1950-01-02'],
      ],
    ],
    ['keeps the day for a real time of day', [[new Date(Date.UTC(1975, 8, 5, 13, 30)), '1975-09-05']]],
  ]);
  it('refuses an invalid Date and years outside 1900–2100', () => {
    expect(message(new Date(Number.NaN))).toBe('Ô ngày không hợp lệ');
    expect(message(new Date(Date.UTC(1850, 0, 1)))).toContain('năm 1850 không hợp lệ');
  });
});

describe('Excel serial numbers (1900 date system)', () => {
  eachGroup(value, [
    [
      'converts serials after the fake leap day',
      [
        [27642, '1975-09-05'],
        [61, '1900-03-01'],
        [36526, '2000-01-01'],
        [73415, '2100-12-31'],
      ],
    ],
    [
      'converts serials before the fake leap day',
      [
        [1, '1900-01-01'],
        [59, '1900-02-28'],
      ],
    ],
  ]);
  it('refuses the fake 29/02/1900', () => {
    expect(message(60)).toBe('29/02/1900 không phải là ngày có thật');
  });
  eachGroup(value, [
    [
      'drops the time of day, rounding float noise up',
      [
        [27642.75, '1975-09-05'],
        [27641.9999999999, '1975-09-05'],
      ],
    ],
    [
      'reads integers 1900–2100 as years typed as numbers',
      [
        [1975, '1975'],
        [1900, '1900'],
        [2100, '2100'],
      ],
    ],
  ]);
  it('refuses serials out of the plausible range', () => {
    expect(message(0)).toContain('không phải là một ngày');
    expect(message(-3)).toContain('không phải là một ngày');
    expect(message(73416)).toContain('không phải là một ngày');
    expect(message(5091975)).toContain('5091975');
    expect(message(Number.POSITIVE_INFINITY)).toContain('Không hiểu ngày');
  });
});

describe('text, day first', () => {
  eachGroup(value, [
    [
      'reads dd/mm/yyyy with any of / - . and with or without leading zeros',
      [
        ['05/09/1975', '1975-09-05'],
        ['5/9/1975', '1975-09-05'],
        ['05.09.1975', '1975-09-05'],
        ['05-09-1975', '1975-09-05'],
        ['12/01/1980', '1980-01-12'],
      ],
    ],
    [
      'reads ISO and year-first dates',
      [
        ['1975-09-05', '1975-09-05'],
        ['1975/9/5', '1975-09-05'],
        ['1975-09', '1975-09'],
      ],
    ],
    [
      'reads month/year',
      [
        ['09/1975', '1975-09'],
        ['9/1975', '1975-09'],
        ['tháng 9/1975', '1975-09'],
        ['Tháng 09/1975', '1975-09'],
        ['T9/1975', '1975-09'],
        ['t9-1975', '1975-09'],
        ['tháng 9 năm 1975', '1975-09'],
      ],
    ],
    [
      'reads a year alone',
      [
        ['1975', '1975'],
        ['năm 1975', '1975'],
        ['Năm 1975', '1975'],
      ],
    ],
    [
      'reads the long form',
      [
        ['ngày 05 tháng 9 năm 1975', '1975-09-05'],
        ['Sinh ngày 5 tháng 9 năm 1975', '1975-09-05'],
      ],
    ],
    [
      'ignores stray, non-breaking and zero-width spaces',
      [
        ['  05 / 09 / 1975 ', '1975-09-05'],
        ['05/09/1975\u00A0', '1975-09-05'],
        ['\u200B05/09/1975', '1975-09-05'],
        ['tháng\u00A09/1975', '1975-09'],
        ['05 09 1975', '1975-09-05'],
      ],
    ],
    [
      'reads decomposed (NFD) Vietnamese words',
      [
        ['tháng 9/1975'.normalize('NFD'), '1975-09'],
        ['năm 1975'.normalize('NFD'), '1975'],
      ],
    ],
    [
      'drops a time Excel appended to a date in a CSV',
      [
        ['05/09/1975 0:00', '1975-09-05'],
        ['1975-09-05T00:00:00.000Z', '1975-09-05'],
        ['1975-09-05 00:00:00', '1975-09-05'],
      ],
    ],
  ]);
});

describe('two-digit years', () => {
  eachGroup(value, [
    [
      'a year past this year’s two digits is last century',
      [
        ['5-9-75', '1975-09-05', birth],
        ['05/09/99', '1999-09-05', birth],
        ['05/09/27', '1927-09-05', birth],
      ],
    ],
    [
      'otherwise this century',
      [
        ['5-9-05', '2005-09-05', birth],
        ['01/01/10', '2010-01-01', event],
        ['01/01/26', '2026-01-01', event],
      ],
    ],
    ['follows the clock it is given', [['05/09/27', '2027-09-05', { now: new Date('2030-01-01T00:00:00Z'), kind: 'event' }]]],
  ]);
  it('refuses a two-digit birth year that makes a child', () => {
    expect(message('5-9-15', birth)).toBe('Ngày sinh 05/09/2015: người học chưa đủ 14 tuổi; hãy kiểm tra lại năm sinh');
  });
});

describe('birth dates', () => {
  eachGroup(value, [
    [
      'accepts someone who turned 14 today, and partial dates that may be old enough',
      [
        ['15/05/2012', '2012-05-15', birth],
        ['05/2012', '2012-05', birth],
        ['2012', '2012', birth],
      ],
    ],
  ]);
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
  eachGroup(message, [
    [
      'names an impossible day',
      [
        ['31/02/1990', '31/02/1990 không phải là ngày có thật'],
        ['29/02/2023', '29/02/2023 không phải là ngày có thật'],
        ['00/01/1990', '00/01/1990 không phải là ngày có thật'],
        ['05/13/1990', '05/13/1990 không phải là ngày có thật'],
        ['13/1990', '13/1990 không phải là tháng có thật'],
        ['1990-02-30', '1990-02-30 không phải là ngày có thật'],
      ],
    ],
  ]);
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
  eachGroup(message, [
    [
      'says when nothing is written',
      [
        ['', 'Chưa ghi ngày'],
        [' \u00A0 ', 'Chưa ghi ngày'],
        [null, 'Chưa ghi ngày'],
        [undefined, 'Chưa ghi ngày'],
      ],
    ],
  ]);
});
