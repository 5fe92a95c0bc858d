/**
 * One dossier's retention, as shown on the client overview and the privacy
 * officer's retention page, and used when the privacy officer holds a dossier
 * before it falls due (Jeugdwet 7.3.8; BW 7:454(3); 003 §3.2): its last change,
 * the end the rules engine's `retention()` gives with the organisation's own
 * term and the good-care extension, and whether it is held for a procedure.
 * The same facts feed the sweep (retention-service.ts).
 */
import type { ClientScope } from '../access/gate-scope.js';
import { calendarDate } from '../shared/calendar-date.js';
import { retentionEnd, type AgeOf, type OrganisationTerm, type RetentionEnd } from './retention-policy.js';
import { retentionOf, type DossierRetentionStore, type RetentionFactsRow, type RetentionSettingRow } from './retention-store.js';

/** The organisation's term from its settings row; undefined without one. */
export function termFromRow(row: RetentionSettingRow): OrganisationTerm | undefined {
  if (row.term_kind === 'until-age' && row.term_age !== null) {
    return { kind: 'until-age', age: row.term_age, ageOf: (row.age_of ?? 'client') as AgeOf, reason: row.term_reason ?? '' };
  }
  if (row.term_years !== null) return { kind: 'years-after-last-change', years: row.term_years, reason: row.term_reason ?? '' };
  return undefined;
}

/** The engine's plan for one dossier's facts (`RetentionFactsRow`); `held` overrides the row's status when given. */
export function retentionOfRow(row: RetentionFactsRow, today: string, held = row.status === 'held'): RetentionEnd & { lastChange: string } {
  const lastChange = calendarDate(row.last_change_at instanceof Date ? row.last_change_at : new Date(row.last_change_at));
  const end = retentionEnd({
    lastChange, today, heldForProcedure: held, term: termFromRow(row), clientBorn: row.birth_date,
    youngestBorn: row.youngest_born ?? undefined, goodCareUntil: row.good_care_until ?? undefined,
  });
  return { ...end, lastChange };
}

export interface DossierRetention {
  lastChange: string;
  /** The last day the dossier must be kept; null while held for a procedure. */
  keptUntil: string | null;
  held: boolean;
  /** The end of the organisation's term for this dossier, when there is one. */
  termEnd: string | null;
  /** The engine's flag: the organisation's term ends before the legal minimum. */
  warning: boolean;
  /** The good-care day, when one is recorded. */
  goodCareUntil: string | null;
  /** The engine's Dutch explanation. */
  explanation: string;
}

/** The retention of one dossier on `now`; undefined for a client of another organisation. */
export async function retentionOfDossier(dossier: DossierRetentionStore, now: Date): Promise<DossierRetention | undefined> {
  const row = await dossier.facts();
  if (row === undefined) return undefined;
  const held = row.status === 'held';
  const end = retentionOfRow(row, calendarDate(now));
  return {
    lastChange: end.lastChange, keptUntil: end.keptUntil, held, termEnd: end.termEnd, warning: end.warning,
    goodCareUntil: row.good_care_until, explanation: end.explanation,
  };
}

/**
 * The retention of the scope's client's dossier on the scope's moment, as the client overview shows it.
 * @example const retention = await dossierRetentionOf(scope);
 */
export function dossierRetentionOf(scope: ClientScope): Promise<DossierRetention | undefined> {
  return retentionOfDossier(retentionOf(scope), scope.now);
}
