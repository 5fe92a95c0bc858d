/**
 * The holidays of the Algemene termijnenwet (Atw), computed for any year.
 *
 * Atw art. 3(1): New Year's Day, Easter Monday and Whit Monday, Christmas Day
 * and Boxing Day, Ascension Day, "de dag waarop de verjaardag van de Koning
 * wordt gevierd" and "de vijfde mei". Atw art. 3(2): Good Friday is made
 * equal to them "voor de toepassing van deze wet". DOMAIN.md §3 lists only
 * the days of art. 3(1); the law's text wins (see ARCHITECTURE.md, "The rules engine"), so Good
 * Friday is included — flip {@link GOOD_FRIDAY_COUNTS} to follow the list.
 *
 * Choices (ARCHITECTURE.md, "The rules engine"):
 * - 5 May counts every year: art. 3(1) names "de vijfde mei" without the
 *   once-in-five-years condition that some collective labour agreements use
 *   for a day off.
 * - King's Day: 27 April, or 26 April when 27 April is a Sunday (Wet
 *   Koningsdag, from 2014). Before 2014 Queen's Day: 30 April, or 29 April
 *   when that was a Sunday.
 * - Days made equal by a decree under art. 3(3) (such as the Friday after
 *   Ascension Day) are published every few years and cannot be computed;
 *   they are data, in `holiday-decrees.ts`, each decree by its title.
 */
import { addDays, formatIsoDate, isoWeekday, parseIsoDate, toDayNumber, type CalendarDate } from './calendar.js';
import { HOLIDAY_DECREES } from './holiday-decrees.js';

/** Atw art. 3(2) makes Good Friday equal to the holidays. */
export const GOOD_FRIDAY_COUNTS = true;

/** A named holiday. */
export interface Holiday {
  readonly date: CalendarDate;
  /** Dutch name. */
  readonly name: string;
  /** Where the day comes from: `Algemene termijnenwet art. 3(1)`, `… art. 3(2)`, or the decree's title (art. 3(3)). */
  readonly source: string;
}

const ART_3_1 = 'Algemene termijnenwet art. 3(1)';
const ART_3_2 = 'Algemene termijnenwet art. 3(2)';

/** The days of the decrees under art. 3(3) in `year`. */
function decreeDays(year: number): Holiday[] {
  return HOLIDAY_DECREES.flatMap((decree) => decree.days.flatMap((iso) => {
    const date = parseIsoDate(iso);
    return date !== undefined && date.year === year
      ? [{ date, name: 'dag die bij besluit gelijk is gesteld aan een feestdag', source: `${decree.title} (Algemene termijnenwet art. 3(3))` }]
      : [];
  }));
}

/**
 * Easter Sunday by the Gregorian computus (the anonymous "Meeus/Jones/Butcher" algorithm).
 * @example easterSunday(2026) // { year: 2026, month: 4, day: 5 }
 */
export function easterSunday(year: number): CalendarDate {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return { year, month, day };
}

/**
 * The day King's Day (before 2014 Queen's Day) is celebrated.
 * @example kingsDay(2025) // 2025-04-26 (27 April 2025 was a Sunday)
 */
export function kingsDay(year: number): CalendarDate {
  const nominal: CalendarDate = year >= 2014 ? { year, month: 4, day: 27 } : { year, month: 4, day: 30 };
  return isoWeekday(nominal) === 7 ? addDays(nominal, -1) : nominal;
}

/**
 * All holidays of the Algemene termijnenwet in `year`, in date order,
 * including the days made equal by decree (art. 3(3)).
 * @example holidaysOf(2026).map((h) => h.name)
 */
export function holidaysOf(year: number): readonly Holiday[] {
  const easter = easterSunday(year);
  const list: Holiday[] = [
    { date: { year, month: 1, day: 1 }, name: 'Nieuwjaarsdag', source: ART_3_1 },
    ...(GOOD_FRIDAY_COUNTS ? [{ date: addDays(easter, -2), name: 'Goede Vrijdag', source: ART_3_2 }] : []),
    { date: addDays(easter, 1), name: 'Tweede Paasdag', source: ART_3_1 },
    { date: kingsDay(year), name: 'Koningsdag', source: ART_3_1 },
    { date: { year, month: 5, day: 5 }, name: 'Bevrijdingsdag', source: ART_3_1 },
    { date: addDays(easter, 39), name: 'Hemelvaartsdag', source: ART_3_1 },
    { date: addDays(easter, 50), name: 'Tweede Pinksterdag', source: ART_3_1 },
    { date: { year, month: 12, day: 25 }, name: 'Eerste Kerstdag', source: ART_3_1 },
    { date: { year, month: 12, day: 26 }, name: 'Tweede Kerstdag', source: ART_3_1 },
    ...decreeDays(year),
  ];
  return list.sort((x, y) => toDayNumber(x.date) - toDayNumber(y.date));
}

/**
 * The days of `year` a deadline moves past besides weekends, as sorted
 * `YYYY-MM-DD` without duplicates (the `holidays` question of format 2).
 * @example holidayDatesOf(2026).includes('2026-05-15') // true (Besluit gelijkstelling … 15 mei 2026 …)
 */
export function holidayDatesOf(year: number): readonly string[] {
  return [...new Set(holidaysOf(year).map((h) => formatIsoDate(h.date)))].sort();
}

/** The holiday on `date`, if any. */
export function holidayOn(date: CalendarDate): Holiday | undefined {
  const day = toDayNumber(date);
  return holidaysOf(date.year).find((h) => toDayNumber(h.date) === day);
}

/**
 * Not a Saturday, Sunday or holiday of the Algemene termijnenwet.
 * @example isWorkingDay({ year: 2026, month: 4, day: 27 }) // false (King's Day)
 */
export function isWorkingDay(date: CalendarDate): boolean {
  return isoWeekday(date) <= 5 && holidayOn(date) === undefined;
}

/**
 * `date` itself when it is a working day, else the next working day
 * (Atw art. 1(1); EU Regulation 1182/71 art. 3(4)).
 * @example nextWorkingDayFrom({ year: 2026, month: 2, day: 28 }) // 2026-03-02
 */
export function nextWorkingDayFrom(date: CalendarDate): CalendarDate {
  let current = date;
  while (!isWorkingDay(current)) current = addDays(current, 1);
  return current;
}
