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
import { addYears, compareDates, formatIsoDate, toCalendarDate, type IsoDate } from './calendar.js';
import { Citation } from './citations.js';
import { dateInWords } from './explanations.js';
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
  const until = formatIsoDate(addYears(lastChange, RETENTION_YEARS));
  return {
    until,
    basis,
    explanation: `Een dossier wordt minstens twintig jaar bewaard, gerekend vanaf de laatste wijziging (${dateInWords(input.lastChange)}). Het blijft dus bewaard tot en met ${dateInWords(until)}. Daarna wordt het vernietigd, tenzij goede zorg vraagt om het langer te bewaren. U kunt ook eerder om vernietiging vragen.`,
  };
}

/**
 * The organisation's own retention term (003 §3.2): a number of years after
 * the last change, or until someone — the client, or e.g. the youngest child
 * of the family — reaches an age. The 003 §3.2 examples: Raad voor de
 * Kinderbescherming until 24 (`until-age` 24); after an OTS or guardianship at
 * most 30 years after majority (`until-age` 48); Veilig Thuis until the
 * youngest child is 18 (`until-age` 18 with that child's birth date).
 */
export type RetentionTerm =
  | { readonly kind: 'years-after-last-change'; readonly years: number }
  | { readonly kind: 'until-age'; readonly age: number; readonly born?: IsoDate };

/** The kinds of {@link RetentionTerm}. */
export const RetentionTermKind = {
  yearsAfterLastChange: 'years-after-last-change',
  untilAge: 'until-age',
} as const;
export type RetentionTermKind = (typeof RetentionTermKind)[keyof typeof RetentionTermKind];

/** What {@link retention} is asked. */
export interface RetentionInput {
  readonly lastChange: IsoDate;
  /** The client's birth date, for an `until-age` term without its own `born`. */
  readonly client?: { readonly born: IsoDate };
  readonly term?: RetentionTerm;
  /** The holder recorded, with reasons, that good care requires keeping the dossier until this day (Jeugdwet 7.3.8). */
  readonly goodCareUntil?: IsoDate;
  readonly facts?: readonly RetentionFact[];
}

/** Until when the dossier is kept, and whether the organisation's term is below the legal minimum. */
export interface RetentionPlan {
  /** The latest of the legal minimum, the term's end and the good-care day; `null` while needed for a procedure. */
  readonly until: IsoDate | null;
  /** The end of the organisation's term, when there is one. */
  readonly termEnd: IsoDate | null;
  /** True when the term ends before the legal minimum (the dossier is still kept to the minimum). */
  readonly warning: boolean;
  readonly basis: readonly Citation[];
  /** Dutch, B1, dates in words. */
  readonly explanation: string;
}

/** The day an organisation's term ends. @throws RangeError for `until-age` without any birth date. */
export function retentionTermEnd(term: RetentionTerm, lastChange: IsoDate, clientBorn?: IsoDate): IsoDate {
  switch (term.kind) {
    case 'years-after-last-change':
      return formatIsoDate(addYears(toCalendarDate(lastChange, 'lastChange'), term.years));
    case 'until-age': {
      const born = term.born ?? clientBorn;
      if (born === undefined) throw new RangeError('an until-age term needs a birth date (term.born or client.born)');
      return formatIsoDate(addYears(toCalendarDate(born, 'born'), term.age));
    }
  }
}

function later(a: IsoDate, b: IsoDate): IsoDate {
  return compareDates(toCalendarDate(a, 'date'), toCalendarDate(b, 'date')) >= 0 ? a : b;
}

/**
 * Until when a dossier is kept under the law and the organisation's own term:
 * the latest of 20 years after the last change (Jeugdwet 7.3.8; BW 7:454 lid 3),
 * the term's end (003 §3.2) and the day good care requires (Jeugdwet 7.3.8: "of
 * zoveel langer als redelijkerwijs uit de zorg van een goed jeugdhulpverlener
 * voortvloeit"; 000: e.g. sexual abuse) — and no end while needed for a
 * procedure. A term ending before the legal minimum is flagged: shorter only
 * at the client's request (003 §3.3).
 * @example retention({ lastChange: '2026-05-12', term: { kind: 'years-after-last-change', years: 15 } }) // { until: '2046-05-12', warning: true, … }
 */
export function retention(input: RetentionInput): RetentionPlan {
  const minimum = retentionUntil({ lastChange: input.lastChange });
  const legalMinimum = minimum.until ?? input.lastChange;
  const basis: Citation[] = [Citation.jeugdwet_7_3_8, Citation.bw_7_454];
  const parts: string[] = [`De wet vraagt het dossier minstens twintig jaar te bewaren na de laatste wijziging (${dateInWords(input.lastChange)}): tot en met ${dateInWords(legalMinimum)}.`];
  let until = legalMinimum;
  let termEnd: IsoDate | null = null;
  let warning = false;
  if (input.term !== undefined) {
    termEnd = retentionTermEnd(input.term, input.lastChange, input.client?.born);
    warning = compareDates(toCalendarDate(termEnd, 'term end'), toCalendarDate(legalMinimum, 'minimum')) < 0;
    until = later(until, termEnd);
    parts.push(warning
      ? `De eigen bewaartermijn van de organisatie loopt tot en met ${dateInWords(termEnd)}. Dat is korter dan de wet vraagt. Het dossier blijft daarom toch tot het wettelijke minimum bewaard. Korter bewaren mag alleen als de cliënt daar zelf om vraagt.`
      : `De eigen bewaartermijn van de organisatie loopt tot en met ${dateInWords(termEnd)}.`);
  }
  if (input.goodCareUntil !== undefined) {
    until = later(until, input.goodCareUntil);
    parts.push(`De hulpverlener heeft met redenen vastgelegd dat goede zorg vraagt om het dossier te bewaren tot en met ${dateInWords(input.goodCareUntil)}.`);
  }
  if ((input.facts ?? []).includes(RetentionFact.neededForProcedure)) {
    parts.push('De organisatie heeft het dossier nu nodig in een procedure (bij de rechter, een klacht of een tuchtzaak). Zolang die loopt, blijft het bewaard; er is nu geen einddatum.');
    return { until: null, termEnd, warning, basis, explanation: parts.join(' ') };
  }
  parts.push(`Het dossier wordt dus bewaard tot en met ${dateInWords(until)}.`);
  return { until, termEnd, warning, basis, explanation: parts.join(' ') };
}
