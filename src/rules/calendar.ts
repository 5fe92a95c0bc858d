/**
 * A small pure calendar: dates without time or time zone, as the law counts
 * them. No `Date` object is used anywhere, so nothing can read the clock or
 * shift a day across a time zone. Dates travel as ISO strings `YYYY-MM-DD`
 * at the edges and as {@link CalendarDate} inside.
 */

/** A day of the proleptic Gregorian calendar. */
export interface CalendarDate {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

/** A date written `YYYY-MM-DD`. */
export type IsoDate = string;

const isoPattern = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * Leap year of the Gregorian calendar.
 * @example isLeapYear(2024) // true; isLeapYear(2100) // false
 */
export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/**
 * Number of days in a month (1–12).
 * @example daysInMonth(2026, 2) // 28
 */
export function daysInMonth(year: number, month: number): number {
  switch (month) {
    case 2: return isLeapYear(year) ? 29 : 28;
    case 4: case 6: case 9: case 11: return 30;
    default: return 31;
  }
}

/** True when the parts form a real date (2026-02-30 is not one). */
export function isValidDate(year: number, month: number, day: number): boolean {
  return Number.isInteger(year) && Number.isInteger(month) && Number.isInteger(day)
    && year >= 1 && year <= 9999 && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

/**
 * Reads `YYYY-MM-DD`; `undefined` for anything else, including impossible dates.
 * @example parseIsoDate('2026-02-28') // { year: 2026, month: 2, day: 28 }
 * @example parseIsoDate('2026-02-30') // undefined
 */
export function parseIsoDate(text: string): CalendarDate | undefined {
  const match = isoPattern.exec(text);
  if (match === null) return undefined;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  return isValidDate(year, month, day) ? { year, month, day } : undefined;
}

/**
 * Like {@link parseIsoDate}, but throws a `RangeError` naming `what` for an invalid date.
 * @example toCalendarDate('2026-11-22', 'on')
 */
export function toCalendarDate(text: string, what: string): CalendarDate {
  const date = parseIsoDate(text);
  if (date === undefined) throw new RangeError(`${what} must be a real date written YYYY-MM-DD, got "${text}"`);
  return date;
}

/**
 * Writes `YYYY-MM-DD`.
 * @example formatIsoDate({ year: 2026, month: 3, day: 2 }) // '2026-03-02'
 */
export function formatIsoDate(date: CalendarDate): IsoDate {
  return `${String(date.year).padStart(4, '0')}-${String(date.month).padStart(2, '0')}-${String(date.day).padStart(2, '0')}`;
}

/** Negative, zero or positive as `a` is before, on or after `b`. */
export function compareDates(a: CalendarDate, b: CalendarDate): number {
  return a.year - b.year || a.month - b.month || a.day - b.day;
}

/** Days since 1970-01-01 (negative before); the inverse of {@link fromDayNumber}. */
export function toDayNumber(date: CalendarDate): number {
  // Howard Hinnant's days_from_civil.
  const y = date.month <= 2 ? date.year - 1 : date.year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = (date.month + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + date.day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** The date `dayNumber` days after 1970-01-01. */
export function fromDayNumber(dayNumber: number): CalendarDate {
  const z = dayNumber + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

/**
 * The date `days` days later (earlier when negative).
 * @example addDays({ year: 2026, month: 3, day: 2 }, 42) // 2026-04-13
 */
export function addDays(date: CalendarDate, days: number): CalendarDate {
  return fromDayNumber(toDayNumber(date) + days);
}

/**
 * The same date `months` months later, or that month's last day when it has
 * no such date — the rule for periods in months of EU Regulation 1182/71
 * art. 3(2)(c), which DOMAIN.md §3 applies to the AVG deadlines.
 * @example addMonths({ year: 2026, month: 1, day: 31 }, 1) // 2026-02-28
 */
export function addMonths(date: CalendarDate, months: number): CalendarDate {
  const index = date.year * 12 + (date.month - 1) + months;
  const year = Math.floor(index / 12);
  const month = index - year * 12 + 1;
  return { year, month, day: Math.min(date.day, daysInMonth(year, month)) };
}

/**
 * The same date `years` later; 29 February becomes 28 February in a common
 * year (same month-end rule as {@link addMonths}).
 * @example addYears({ year: 2024, month: 2, day: 29 }, 20) // 2044-02-29
 */
export function addYears(date: CalendarDate, years: number): CalendarDate {
  return addMonths(date, years * 12);
}

/** ISO day of the week: 1 = Monday … 7 = Sunday. */
export function isoWeekday(date: CalendarDate): number {
  // 1970-01-01 was a Thursday (4).
  const d = (toDayNumber(date) + 3) % 7;
  return (d < 0 ? d + 7 : d) + 1;
}
