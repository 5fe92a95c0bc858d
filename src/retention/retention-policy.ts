/**
 * A dossier's end of retention: the rules engine's answer (20 years after the
 * last change, none while needed for a procedure — Jeugdwet 7.3.8; BW 7:454(3);
 * 003 §3.2) combined with the organisation's own longer term (a setting, with
 * its reason). An organisation term below the legal minimum never shortens it:
 * a shorter period only at the client's request (DOMAIN §5); it gets a warning.
 * Pure: no I/O.
 */
import { addYears, compareDates, formatIsoDate, retentionUntil, RETENTION_YEARS, RetentionFact, toCalendarDate, type IsoDate } from '../rules/index.js';

export interface OrganisationTerm {
  termYears: number;
  reason: string;
}

export interface RetentionEnd {
  /** Last day to keep, or null while no end can be set (procedure hold, good care). */
  keptUntil: IsoDate | null;
  /** Whether the dossier may be put on the privacy officer's review list on `today`. */
  due: boolean;
  explanation: string;
}

/** A Dutch warning when the organisation's term is below the legal minimum, else null. */
export function termWarning(term: OrganisationTerm | undefined): string | null {
  if (term === undefined || term.termYears >= RETENTION_YEARS) return null;
  return `Let op: de bewaartermijn van de organisatie (${term.termYears} jaar) is korter dan de wettelijke minimumtermijn van ${RETENTION_YEARS} jaar (Jeugdwet 7.3.8). Dossiers worden daarom toch minstens ${RETENTION_YEARS} jaar bewaard. Korter bewaren mag alleen op verzoek van de cliënt.`;
}

/** The end of retention for one dossier, and whether it is due on `today`. */
export function retentionEnd(input: { lastChange: IsoDate; today: IsoDate; heldForProcedure: boolean; term?: OrganisationTerm | undefined }): RetentionEnd {
  const answer = retentionUntil({ lastChange: input.lastChange, facts: input.heldForProcedure ? [RetentionFact.neededForProcedure] : [] });
  if (answer.until === null) return { keptUntil: null, due: false, explanation: answer.explanation };
  let until = toCalendarDate(answer.until, 'until');
  let explanation = answer.explanation;
  if (input.term !== undefined && input.term.termYears > RETENTION_YEARS) {
    const own = addYears(toCalendarDate(input.lastChange, 'lastChange'), input.term.termYears);
    if (compareDates(own, until) > 0) {
      until = own;
      explanation = `De organisatie bewaart dossiers ${input.term.termYears} jaar na de laatste wijziging (${input.term.reason}). Dit dossier blijft bewaard tot en met ${formatIsoDate(own)}.`;
    }
  }
  const keptUntil = formatIsoDate(until);
  return { keptUntil, due: compareDates(toCalendarDate(input.today, 'today'), until) > 0, explanation };
}

/** The longest term in years that applies (for the SQL pre-selection of candidates). */
export function effectiveTermYears(term: OrganisationTerm | undefined): number {
  return Math.max(RETENTION_YEARS, term?.termYears ?? 0);
}
