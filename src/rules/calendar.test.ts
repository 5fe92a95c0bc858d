import { describe, expect, it } from 'vitest';
import { addDays, addMonths, addYears, formatIsoDate, isoWeekday, parseIsoDate, toCalendarDate } from './calendar.js';

const d = (iso: string) => toCalendarDate(iso, 'test');

describe('parseIsoDate', () => {
  it.each([
    ['2026-02-28', true, 'real date'],
    ['2024-02-29', true, 'leap day in a leap year'],
    ['2026-02-29', false, 'no leap day in 2026'],
    ['2100-02-29', false, '2100 is not a leap year (Gregorian)'],
    ['2000-02-29', true, '2000 is a leap year (Gregorian)'],
    ['2026-02-30', false, 'impossible date'],
    ['2026-04-31', false, 'April has 30 days'],
    ['2026-13-01', false, 'no month 13'],
    ['2026-1-01', false, 'not YYYY-MM-DD'],
    ['26-01-01', false, 'not YYYY-MM-DD'],
  ])('%s → valid %s (%s)', (text, valid) => {
    expect(parseIsoDate(text) !== undefined).toBe(valid);
  });
});

describe('month arithmetic — EU Regulation 1182/71 art. 3(2)(c): same date, or the month\'s last day', () => {
  it.each([
    ['2026-03-16', 1, '2026-04-16', 'same date'],
    ['2026-01-31', 1, '2026-02-28', 'no 31 February: last day'],
    ['2024-01-31', 1, '2024-02-29', 'leap year'],
    ['2026-10-31', 1, '2026-11-30', '30-day month'],
    ['2026-11-30', 3, '2027-02-28', 'across the year end'],
    ['2026-12-15', 1, '2027-01-15', 'December to January'],
  ])('%s + %i month(s) = %s (%s)', (from, months, expected) => {
    expect(formatIsoDate(addMonths(d(from), months))).toBe(expected);
  });

  it.each([
    ['2024-02-29', 20, '2044-02-29', 'leap year to leap year'],
    ['2080-02-29', 20, '2100-02-28', '2100 is not a leap year: last day of February'],
    ['2025-06-30', 20, '2045-06-30', 'Jeugdwet 7.3.8 example'],
  ])('%s + %i years = %s (%s)', (from, years, expected) => {
    expect(formatIsoDate(addYears(d(from), years))).toBe(expected);
  });
});

describe('days and weekdays', () => {
  it.each([
    ['2026-03-02', 42, '2026-04-13'],
    ['2026-12-31', 1, '2027-01-01'],
    ['2024-02-28', 1, '2024-02-29'],
    ['1970-01-01', -1, '1969-12-31'],
  ])('%s + %i days = %s', (from, days, expected) => {
    expect(formatIsoDate(addDays(d(from), days))).toBe(expected);
  });

  it.each([
    ['2026-11-22', 7], ['2026-02-28', 6], ['2026-03-02', 1], ['1970-01-01', 4], ['2000-01-01', 6],
  ])('%s is ISO weekday %i', (iso, weekday) => {
    expect(isoWeekday(d(iso))).toBe(weekday);
  });
});
