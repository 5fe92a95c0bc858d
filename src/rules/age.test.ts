import { describe, expect, it } from 'vitest';
import { ageBandOf, ageOn, capacityOf, standingOf } from './age.js';
import { toCalendarDate } from './calendar.js';

const age = (born: string, on: string) => ageOn(toCalendarDate(born, 'born'), toCalendarDate(on, 'on'));

describe('age in full years', () => {
  it.each([
    ['2012-11-22', '2026-11-22', 14, 'on the birthday'],
    ['2012-11-23', '2026-11-22', 13, 'the day before the birthday'],
    ['2012-02-29', '2024-02-28', 11, 'leap-day birthday, the day before'],
    ['2012-02-29', '2024-02-29', 12, 'leap-day birthday in a leap year'],
    ['2008-02-29', '2026-02-28', 17, 'Dutch civil practice: 29 February turns older on 1 March in a common year'],
    ['2008-02-29', '2026-03-01', 18, 'Dutch civil practice: 1 March'],
    ['2026-11-22', '2026-11-22', 0, 'day of birth'],
  ])('born %s, on %s → %i (%s)', (born, on, expected) => {
    expect(age(born, on)).toBe(expected);
  });

  it('refuses a date before the birth', () => {
    expect(() => age('2026-11-23', '2026-11-22')).toThrow(RangeError);
  });
});

describe('bands and capacity (003 §2.3.5, §3.1; BW 7:465)', () => {
  it.each([
    [11, 'under-12'], [12, '12-15'], [15, '12-15'], [16, '16-17'], [17, '16-17'], [18, 'adult'],
  ])('%i → %s', (years, band) => {
    expect(ageBandOf(years)).toBe(band);
  });

  it.each([
    ['under-12', true, 'represented'], ['12-15', true, 'shared'], ['12-15', false, 'represented'],
    ['16-17', true, 'independent'], ['16-17', false, 'represented'],
    // Error 1 of issue 16: custody ends at 18 (BW 1:233); an adult who is not competent is represented under BW 7:465 lid 3, not by parents with custody.
    ['adult', false, 'represented-adult'], ['adult', true, 'independent'],
  ] as const)('%s competent=%s → %s', (band, competent, capacity) => {
    expect(capacityOf(band, competent)).toBe(capacity);
  });

  it('defaults competent to true', () => {
    expect(standingOf({ born: '2012-11-22' }, '2026-11-22')).toEqual({ age: 14, band: '12-15', competent: true, capacity: 'shared' });
  });
});
