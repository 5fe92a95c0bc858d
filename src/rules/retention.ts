/**
 * How long a care dossier must be kept: 20 years from the last change, or
 * longer as far as a good caregiver's care requires (Jeugdwet 7.3.8;
 * BW 7:454(3); 003 §3.2), and longer while the provider needs it in a legal,
 * complaint or disciplinary procedure (003 §3.2–3.3).
 *
 * Choices (ARCHITECTURE.md, "The rules engine"): the date is not moved for weekends (it is not a
 * period within which someone must act; the Atw does not apply); a last change
 * on 29 February gives 28 February twenty years later when that year is not a
 * leap year — the month-end rule of EU Regulation 1182/71 art. 3(2)(c), the
 * same rule as for the request deadlines.
 */
import { addYears, formatIsoDate, toCalendarDate, type IsoDate } from './calendar.js';
import { Citation } from './citations.js';
import { RetentionFact } from './vocabulary.js';

/** The legal minimum retention in years (Jeugdwet 7.3.8). */
export const RETENTION_YEARS = 20;

/** Until when the dossier must be kept. */
export interface RetentionAnswer {
  /** The last day of the legal minimum, or `null` when no end date can be set now. */
  readonly until: IsoDate | null;
  readonly basis: readonly Citation[];
  /** Dutch, B1. */
  readonly explanation: string;
}

/**
 * Until when a dossier last changed on `lastChange` must be kept.
 * @example retentionUntil({ lastChange: '2025-06-30' }).until // '2045-06-30'
 * @example retentionUntil({ lastChange: '2025-06-30', facts: ['needed-for-procedure'] }).until // null
 */
export function retentionUntil(input: { lastChange: IsoDate; facts?: readonly RetentionFact[] }): RetentionAnswer {
  const lastChange = toCalendarDate(input.lastChange, 'lastChange');
  const facts = new Set(input.facts ?? []);
  const basis = [Citation.jeugdwet_7_3_8, Citation.bw_7_454];
  if (facts.has(RetentionFact.neededForProcedure)) {
    return {
      until: null,
      basis,
      explanation: 'De organisatie heeft het dossier nodig in een procedure (bijvoorbeeld bij de rechter, een klacht of het tuchtcollege). Zolang die procedure loopt, blijft het dossier bewaard. Er is dus nu geen einddatum.',
    };
  }
  if (facts.has(RetentionFact.goodCareRequiresKeeping)) {
    return {
      until: null,
      basis,
      explanation: 'Goede zorg vraagt dat het dossier langer dan twintig jaar bewaard blijft. Daarom is er nu geen einddatum. De hulpverlener kijkt later opnieuw of bewaren nog nodig is.',
    };
  }
  const until = formatIsoDate(addYears(lastChange, RETENTION_YEARS));
  return {
    until,
    basis,
    explanation: `Een dossier wordt minstens twintig jaar bewaard, gerekend vanaf de laatste wijziging (${input.lastChange}). Het blijft dus bewaard tot en met ${until}. Daarna wordt het vernietigd, tenzij goede zorg vraagt om het langer te bewaren. U kunt ook eerder om vernietiging vragen.`,
  };
}
