/**
 * A dossier's end of retention, as the rules engine's `retention()` gives it
 * (src/rules/retention.ts): the latest of 20 years after the last change
 * (Jeugdwet 7.3.8; BW 7:454(3)), the organisation's own term of 003 §3.2 (N
 * years after the last change, or until the client or the youngest child of
 * the family is a given age) and the good-care day recorded with reasons
 * (Jeugdwet 7.3.8); no end while held for a procedure. A term ending before
 * the legal minimum never shortens it (shorter only at the client's request,
 * 003 §3.3); the engine flags it and the privacy officer sees the warning.
 * Pure: no I/O.
 */
import { addYears, compareDates, dateInWords, formatIsoDate, retention, RetentionFact, toCalendarDate, type IsoDate, type RetentionTerm } from '../rules/index.js';

/** Whose age an `until-age` term counts: the client's, or the youngest child's of the client's family (Veilig Thuis: until 18). */
export type AgeOf = 'client' | 'youngest-child';

/** The organisation's own term (a setting, with its reason): one of the kinds the engine knows. */
export type OrganisationTerm =
  | { kind: 'years-after-last-change'; years: number; reason: string }
  | { kind: 'until-age'; age: number; ageOf: AgeOf; reason: string };

export interface RetentionEnd {
  /** Last day to keep, or null while no end can be set (procedure hold). */
  keptUntil: IsoDate | null;
  /** The end of the organisation's term for this dossier, when there is one. */
  termEnd: IsoDate | null;
  /** The engine's flag: the organisation's term ends before the legal minimum. */
  warning: boolean;
  /** Whether the dossier may be put on the privacy officer's review list on `today`. */
  due: boolean;
  /** The engine's Dutch explanation. */
  explanation: string;
}

/** What one dossier's end depends on. */
export interface RetentionFacts {
  lastChange: IsoDate;
  today: IsoDate;
  heldForProcedure: boolean;
  term?: OrganisationTerm | undefined;
  /** The client's birth date (for a term until the client's age). */
  clientBorn?: IsoDate | undefined;
  /** The youngest birth date in the client's families, the client included (for a term until the youngest child's age). */
  youngestBorn?: IsoDate | undefined;
  /** The good-care extension's day, when recorded. */
  goodCareUntil?: IsoDate | undefined;
}

function engineTerm(term: OrganisationTerm, youngestBorn: IsoDate | undefined): RetentionTerm {
  if (term.kind === 'years-after-last-change') return { kind: 'years-after-last-change', years: term.years };
  return term.ageOf === 'youngest-child' && youngestBorn !== undefined
    ? { kind: 'until-age', age: term.age, born: youngestBorn }
    : { kind: 'until-age', age: term.age };
}

/** The end of retention for one dossier, and whether it is due on `today`. */
export function retentionEnd(input: RetentionFacts): RetentionEnd {
  const plan = retention({
    lastChange: input.lastChange,
    ...(input.clientBorn === undefined ? {} : { client: { born: input.clientBorn } }),
    ...(input.term === undefined ? {} : { term: engineTerm(input.term, input.youngestBorn) }),
    ...(input.goodCareUntil === undefined ? {} : { goodCareUntil: input.goodCareUntil }),
    facts: input.heldForProcedure ? [RetentionFact.neededForProcedure] : [],
  });
  const due = plan.until !== null && compareDates(toCalendarDate(input.today, 'today'), toCalendarDate(plan.until, 'until')) > 0;
  return { keptUntil: plan.until, termEnd: plan.termEnd, warning: plan.warning, due, explanation: plan.explanation };
}

/**
 * The engine's warning for the setting itself, shown to the privacy officer when it is set: the plan for a
 * dossier last changed today of a client who is `exampleAge` today (and, for the youngest child, a youngest
 * child of that age). Null when the term reaches the legal minimum for that dossier.
 */
export function termWarning(term: OrganisationTerm | undefined, today: IsoDate, exampleAge = 17): string | null {
  if (term === undefined) return null;
  const born = formatIsoDate(addYears(toCalendarDate(today, 'today'), -exampleAge));
  const end = retentionEnd({ lastChange: today, today, heldForProcedure: false, term, clientBorn: born, youngestBorn: born });
  if (!end.warning) return null;
  const whom = term.kind === 'years-after-last-change' ? 'een dossier' : `het dossier van een kind van ${exampleAge} jaar`;
  return `Let op: deze bewaartermijn is korter dan de wet vraagt. Voor ${whom} dat vandaag voor het laatst is gewijzigd, loopt de termijn af op ${dateInWords(end.termEnd ?? today)}, maar de wet vraagt bewaren tot en met ${dateInWords(end.keptUntil ?? today)} (Jeugdwet 7.3.8). Dossiers worden daarom toch tot het wettelijke minimum bewaard. Korter bewaren mag alleen als de cliënt daar zelf om vraagt.`;
}
