import { describe, expect, it } from 'vitest';
import { formatIsoDate, toCalendarDate } from './calendar.js';
import { easterSunday, holidaysOf, isWorkingDay, kingsDay, nextWorkingDayFrom } from './holidays.js';

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
      '2026-04-03 Goede Vrijdag',
      '2026-04-06 Tweede Paasdag',
      '2026-04-27 Koningsdag',
      '2026-05-05 Bevrijdingsdag',
      '2026-05-14 Hemelvaartsdag',
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
    ['2026-05-15', true, 'the Friday after Ascension Day is only made equal by a decree (art. 3(3)), not computed'],
    ['2026-12-24', true, 'Christmas Eve is a working day'],
    ['2026-11-23', true, 'an ordinary Monday'],
    ['2026-11-22', false, 'Sunday'],
  ])('%s working day: %s (%s)', (iso, expected) => {
    expect(isWorkingDay(toCalendarDate(iso, 'test'))).toBe(expected);
  });

  it.each([
    ['2026-02-28', '2026-03-02', 'Saturday → Monday'],
    ['2025-12-25', '2025-12-29', 'Christmas, Boxing Day and a weekend'],
    ['2027-05-05', '2027-05-07', 'Liberation Day, then Ascension Day'],
    ['2026-04-03', '2026-04-07', 'Good Friday to Easter Monday'],
  ])('next working day from %s is %s (%s)', (from, expected) => {
    expect(formatIsoDate(nextWorkingDayFrom(toCalendarDate(from, 'test')))).toBe(expected);
  });
});
