/**
 * Calendar dates as 'YYYY-MM-DD' strings in the Netherlands' time zone: the
 * law counts in Dutch days, whatever the server's own zone is.
 */

const dutchDate = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam', year: 'numeric', month: '2-digit', day: '2-digit' });

/** The Dutch calendar date of an instant. */
export function calendarDate(instant: Date): string {
  return dutchDate.format(instant);
}
