/**
 * One dossier's retention, as shown on the client overview and the privacy
 * officer's retention page, and used when the privacy officer holds a dossier
 * before it falls due (Jeugdwet 7.3.8; BW 7:454(3); 003 §3.2): its last change,
 * the end the rules engine's `retention()` gives with the organisation's own
 * term and the good-care extension, and whether it is held for a procedure.
 * The same facts feed the sweep (retention-service.ts).
 */
import { CLIENTS } from '../clients/client-store.js';
import type { Queryable } from '../db/database.js';
import { DOSSIERS, lastAnnotationRecordedAt, lastEntryRecordedAt } from '../dossier/dossier-store.js';
import { lastFamilyEntryRecordedAt, youngestFamilyMemberBorn } from '../families/family-store.js';
import { calendarDate } from '../shared/calendar-date.js';
import { retentionEnd, type AgeOf, type OrganisationTerm, type RetentionEnd } from './retention-policy.js';

/**
 * The last change of one dossier: its latest entry or annotation, else when the dossier (or client) was
 * created. An entry in a family part the client belongs to counts too: the family part belongs to each
 * member's dossier (003 §2.3.4) and is destroyed with the last member's dossier (migration 0022), so it
 * is never destroyed before 20 years after its own last change. Expects `c` (the clients) and `d`
 * (the dossiers, left-joined) in scope; the owners of entries and family parts give the subqueries.
 */
export const LAST_CHANGE_SQL = `GREATEST(c.created_at, d.created_at,
  ${lastEntryRecordedAt('c.id')},
  ${lastAnnotationRecordedAt('c.id')},
  ${lastFamilyEntryRecordedAt('c.id')})`;

/**
 * Everything the engine needs about one dossier, as columns. Expects `c` (the clients), `d` (the dossiers),
 * `s` (org.retention_settings), `r` (org.retention_reviews) and `x` (org.retention_extensions), the last four
 * left-joined: see {@link RETENTION_JOINS_SQL}.
 */
export const RETENTION_FACTS_SQL = `${LAST_CHANGE_SQL} AS last_change_at,
  to_char(c.birth_date, 'YYYY-MM-DD') AS birth_date,
  to_char(GREATEST(c.birth_date, ${youngestFamilyMemberBorn('c.id')}), 'YYYY-MM-DD') AS youngest_born,
  s.term_kind, s.term_years, s.term_age, s.age_of, s.reason AS term_reason, r.status,
  to_char(x.kept_until, 'YYYY-MM-DD') AS good_care_until`;

/** The joins {@link RETENTION_FACTS_SQL} expects after `${CLIENTS} c` (the clients store's projection). */
export const RETENTION_JOINS_SQL = `LEFT JOIN ${DOSSIERS} d ON d.client_id = c.id
  LEFT JOIN org.retention_settings s ON s.organisation_id = c.organisation_id
  LEFT JOIN org.retention_reviews r ON r.client_id = c.id
  LEFT JOIN org.retention_extensions x ON x.client_id = c.id`;

export interface RetentionFactsRow {
  last_change_at: Date | string;
  birth_date: string;
  youngest_born: string | null;
  term_kind: string | null;
  term_years: number | null;
  term_age: number | null;
  age_of: string | null;
  term_reason: string | null;
  status: string | null;
  good_care_until: string | null;
}

/** The organisation's term from its settings row; undefined without one. */
export function termFromRow(row: Pick<RetentionFactsRow, 'term_kind' | 'term_years' | 'term_age' | 'age_of' | 'term_reason'>): OrganisationTerm | undefined {
  if (row.term_kind === 'until-age' && row.term_age !== null) {
    return { kind: 'until-age', age: row.term_age, ageOf: (row.age_of ?? 'client') as AgeOf, reason: row.term_reason ?? '' };
  }
  if (row.term_years !== null) return { kind: 'years-after-last-change', years: row.term_years, reason: row.term_reason ?? '' };
  return undefined;
}

/** The engine's plan for one row of {@link RETENTION_FACTS_SQL}; `held` overrides the row's status when given. */
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

/** The retention of one client's dossier on `now`; undefined for a client of another organisation. */
export async function dossierRetention(tx: Queryable, clientId: string, organisationId: string, now: Date): Promise<DossierRetention | undefined> {
  const [row] = await tx.query<RetentionFactsRow>(
    `SELECT ${RETENTION_FACTS_SQL} FROM ${CLIENTS} c ${RETENTION_JOINS_SQL} WHERE c.id = $1 AND c.organisation_id = $2`, [clientId, organisationId]);
  if (row === undefined) return undefined;
  const held = row.status === 'held';
  const end = retentionOfRow(row, calendarDate(now));
  return {
    lastChange: end.lastChange, keptUntil: end.keptUntil, held, termEnd: end.termEnd, warning: end.warning,
    goodCareUntil: row.good_care_until, explanation: end.explanation,
  };
}
