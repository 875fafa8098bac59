import { describe, expect, it } from 'vitest';
import { isValidIsoDate, todayInVietnam } from '../../shared/domain/dates';
import {
  formatDate,
  formatDateTime,
  formatNumber,
  formatPercent,
  formatScore,
  parseScore,
  partyDateLine,
  vietnameseLongDate,
} from '../../shared/domain/format';

describe('numbers', () => {
  it('uses . for thousands and , for decimals', () => {
    expect(formatNumber(1234.5)).toBe('1.234,5');
    expect(formatNumber(2365)).toBe('2.365');
    expect(formatNumber(1234567.891, 2)).toBe('1.234.567,89');
    expect(formatNumber(0)).toBe('0');
  });
  it('formats percentages from ratios', () => {
    expect(formatPercent(1.345)).toBe('134,5%');
    expect(formatPercent(2 / 13, 2)).toBe('15,38%');
    expect(formatPercent(0.75)).toBe('75,0%');
  });
  it('formats and parses scores in tenths', () => {
    expect(formatScore(75)).toBe('7,5');
    expect(formatScore(100)).toBe('10,0');
    expect(parseScore('7,5')).toBe(75);
    expect(parseScore('7.5')).toBe(75);
    expect(parseScore(' 10 ')).toBe(100);
    expect(parseScore('0')).toBe(0);
    expect(parseScore('10,5')).toBeNull();
    expect(parseScore('6,95')).toBeNull();
    expect(parseScore('abc')).toBeNull();
    expect(parseScore('')).toBeNull();
    expect(parseScore('-1')).toBeNull();
  });
});

describe('dates', () => {
  it.each([
    ['2026-09-05', '05/09/2026'],
    ['1975-03', '03/1975'],
    ['1975', '1975'],
    [null, ''],
  ])('shows dd/MM/yyyy, and partial birth dates as they are: %s → «%s»', (iso, shown) => {
    expect(formatDate(iso)).toBe(shown);
  });
  it('writes the Party date line with the leading zeros of HD 36', () => {
    expect(partyDateLine('Đắk Hà', '2026-09-05')).toBe('Đắk Hà, ngày 05 tháng 9 năm 2026');
    expect(vietnameseLongDate('2026-01-15')).toBe('ngày 15 tháng 01 năm 2026');
    expect(vietnameseLongDate('2026-02-01')).toBe('ngày 01 tháng 02 năm 2026');
    expect(vietnameseLongDate('2026-12-31')).toBe('ngày 31 tháng 12 năm 2026');
    expect(vietnameseLongDate('2026-03-10')).toBe('ngày 10 tháng 3 năm 2026');
  });
  it.each([
    ['2024-02-29', true],
    ['2023-02-29', false],
    ['1990-02-31', false],
    ['2026-13-01', false],
    ['05/09/2026', false],
  ])('validates calendar dates: %s → %s', (date, valid) => {
    expect(isValidIsoDate(date)).toBe(valid);
  });
  it('takes today in Vietnam (UTC+7) whatever the host zone', () => {
    expect(todayInVietnam(new Date('2026-11-21T16:59:59Z'))).toBe('2026-11-21');
    expect(todayInVietnam(new Date('2026-11-21T17:00:00Z'))).toBe('2026-11-22');
  });
  it('shows timestamps in local time as dd/MM/yyyy HH:mm', () => {
    expect(formatDateTime('2026-11-21T08:05:00Z')).toMatch(/^\d{2}\/\d{2}\/2026 \d{2}:05$/);
    expect(formatDateTime('garbage')).toBe('');
  });
});
