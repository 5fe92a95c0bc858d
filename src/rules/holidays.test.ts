import { describe, expect, it } from 'vitest';
import { formatIsoDate, toCalendarDate } from './calendar.js';
import { HOLIDAY_DECREES } from './holiday-decrees.js';
import { easterSunday, holidayDatesOf, holidaysOf, isWorkingDay, kingsDay, nextWorkingDayFrom } from './holidays.js';

describe('Easter Sunday by the Gregorian computus', () => {
  it.each([
    [2000, '2000-04-23'], [2008, '2008-03-23'], [2011, '2011-04-24'], [2019, '2019-04-21'], [2024, '2024-03-31'],
    [2025, '2025-04-20'], [2026, '2026-04-05'], [2027, '2027-03-28'], [2038, '2038-04-25'], [2285, '2285-03-22'],
  ])('%i → %s', (year, expected) => {
    expect(formatIsoDate(easterSunday(year))).toBe(expected);
  });
});

describe('King\'s Day (Wet Koningsdag): 27 April, 26 April when 27 April is a Sunday', () => {
  it.each([
    [2026, '2026-04-27', 'Monday'], [2025, '2025-04-26', '27 April 2025 is a Sunday'], [2014, '2014-04-26', '27 April 2014 was a Sunday'],
    [2031, '2031-04-26', '27 April 2031 is a Sunday'], [2013, '2013-04-30', 'Queen\'s Day before 2014'], [2006, '2006-04-29', 'Queen\'s Day on a Sunday moved to 29 April'],
  ])('%i → %s (%s)', (year, expected) => {
    expect(formatIsoDate(kingsDay(year))).toBe(expected);
  });
});

describe('holidays of the Algemene termijnenwet art. 3', () => {
  it('lists the days of 2026', () => {
    expect(holidaysOf(2026).map((h) => `${formatIsoDate(h.date)} ${h.name}`)).toEqual([
      '2026-01-01 Nieuwjaarsdag',
      '2026-01-02 dag die bij besluit gelijk is gesteld aan een feestdag',
      '2026-04-03 Goede Vrijdag',
      '2026-04-06 Tweede Paasdag',
      '2026-04-27 Koningsdag',
      '2026-05-05 Bevrijdingsdag',
      '2026-05-14 Hemelvaartsdag',
      '2026-05-15 dag die bij besluit gelijk is gesteld aan een feestdag',
      '2026-05-25 Tweede Pinksterdag',
      '2026-12-25 Eerste Kerstdag',
      '2026-12-26 Tweede Kerstdag',
    ]);
  });

  it.each([
    ['2026-05-05', false, 'art. 3(1): 5 May every year, also outside lustrum years'],
    ['2027-05-05', false, '5 May 2027 (a Wednesday)'],
    ['2026-04-03', false, 'art. 3(2): Good Friday made equal to the holidays'],
    ['2026-04-02', true, 'Maundy Thursday is a working day'],
    // Issue 16, error 7: the days made equal by decree under Atw art. 3(3) were missing.
    ['2026-05-15', false, 'art. 3(3): Besluit gelijkstelling van 2 januari 2026, 15 mei 2026, … — the Friday after Ascension Day'],
    ['2026-01-02', false, 'art. 3(3): Besluit gelijkstelling van 2 januari 2026, … — the Friday after New Year\'s Day'],
    ['2027-05-07', false, 'art. 3(3): the Friday after Ascension Day 2027'],
    ['2028-04-28', false, 'art. 3(3): the Friday after King\'s Day 2028'],
    ['2024-12-27', false, 'art. 3(3): the Friday after Boxing Day 2024'],
    ['2027-12-27', true, 'no decree for 27 December 2027'],
    ['2026-12-24', true, 'Christmas Eve is a working day'],
    ['2026-11-23', true, 'an ordinary Monday'],
    ['2026-11-22', false, 'Sunday'],
  ])('%s working day: %s (%s)', (iso, expected) => {
    expect(isWorkingDay(toCalendarDate(iso, 'test'))).toBe(expected);
  });

  it.each([
    ['2026-02-28', '2026-03-02', 'Saturday → Monday'],
    ['2025-12-25', '2025-12-29', 'Christmas, Boxing Day and a weekend'],
    ['2027-05-05', '2027-05-10', 'Liberation Day, Ascension Day, the decree day 7 May 2027, then the weekend'],
    ['2026-05-14', '2026-05-18', 'Ascension Day, the decree day 15 May 2026, then the weekend'],
    ['2026-04-03', '2026-04-07', 'Good Friday to Easter Monday'],
  ])('next working day from %s is %s (%s)', (from, expected) => {
    expect(formatIsoDate(nextWorkingDayFrom(toCalendarDate(from, 'test')))).toBe(expected);
  });
});

describe('the decrees under Atw art. 3(3) are data, each with its title', () => {
  it('names every decree and its days', () => {
    for (const decree of HOLIDAY_DECREES) {
      expect(decree.title).toMatch(/^Besluit gelijkstelling van /);
      expect(decree.days.length).toBeGreaterThan(0);
      for (const day of decree.days) expect(holidaysOf(Number(day.slice(0, 4))).find((h) => formatIsoDate(h.date) === day)?.source).toContain(decree.title);
    }
  });

  it.each([
    [2023, ['2023-01-01', '2023-04-07', '2023-04-10', '2023-04-27', '2023-04-28', '2023-05-05', '2023-05-18', '2023-05-19', '2023-05-29', '2023-12-25', '2023-12-26']],
    [2028, ['2028-01-01', '2028-04-14', '2028-04-17', '2028-04-27', '2028-04-28', '2028-05-05', '2028-05-25', '2028-05-26', '2028-06-05', '2028-12-25', '2028-12-26']],
  ])('lists the days of %i, sorted and without duplicates', (year, expected) => {
    expect(holidayDatesOf(year)).toEqual(expected);
  });
});
