/**
 * Days made equal to the holidays of the Algemene termijnenwet by decree
 * (Atw art. 3(3): "Wij kunnen bepaalde dagen voor de toepassing van deze wet
 * met de in het eerste lid genoemde gelijkstellen. Ons besluit wordt in de
 * Nederlandse Staatscourant openbaar gemaakt"). The decrees appear every few
 * years, naming the bridge days (the Friday after Ascension Day, a Friday
 * after a Thursday holiday, a Monday before a Tuesday one); they cannot be
 * computed, so they are data.
 *
 * To add a decree: append one entry with its title as published (the title
 * names the days) and its days as `YYYY-MM-DD`, add a test row in
 * `holidays.test.ts`, and extend the `holidays` years of the conformance
 * format if the format itself grows. Nothing else changes: every deadline
 * moves past these days through `isWorkingDay`.
 */
import type { IsoDate } from './calendar.js';

/** One decree under Atw art. 3(3). */
export interface HolidayDecree {
  /** The decree's title as published in the Staatscourant (it names its days). */
  readonly title: string;
  /** The days it makes equal to the holidays. */
  readonly days: readonly IsoDate[];
}

/** Every decree the engine knows, oldest first. */
export const HOLIDAY_DECREES: readonly HolidayDecree[] = [
  {
    // The days as shared/conformance/README-v2.md lists them for 2023–2025; the
    // title follows the decrees' own naming pattern ("Besluit gelijkstelling van …").
    title: 'Besluit gelijkstelling van 28 april 2023, 19 mei 2023, 10 mei 2024, 27 december 2024 en 30 mei 2025',
    days: ['2023-04-28', '2023-05-19', '2024-05-10', '2024-12-27', '2025-05-30'],
  },
  {
    title: 'Besluit gelijkstelling van 2 januari 2026, 15 mei 2026, 7 mei 2027, 28 april 2028 en 26 mei 2028',
    days: ['2026-01-02', '2026-05-15', '2027-05-07', '2028-04-28', '2028-05-26'],
  },
];
