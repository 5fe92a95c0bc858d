/**
 * One dossier's retention, as shown on the client overview and used when the
 * privacy officer holds a dossier before it falls due (Jeugdwet 7.3.8; BW
 * 7:454(3); 003 §3.2): its last change, the end the rules engine gives with the
 * organisation's own term, and whether it is held for a procedure.
 */
import type { Queryable } from '../db/database.js';
import { calendarDate } from '../shared/calendar-date.js';
import { retentionEnd } from './retention-policy.js';

/**
 * The last change of one dossier: its latest entry or annotation, else when the dossier (or client) was
 * created. An entry in a family part the client belongs to counts too: the family part belongs to each
 * member's dossier (003 §2.3.4) and is destroyed with the last member's dossier (migration 0022), so it
 * is never destroyed before 20 years after its own last change. Expects `c` (formal.clients) and `d`
 * (care.dossiers, left-joined) in scope.
 */
export const LAST_CHANGE_SQL = `GREATEST(c.created_at, d.created_at,
  (SELECT max(e.recorded_at) FROM care.entries e WHERE e.client_id = c.id),
  (SELECT max(a.recorded_at) FROM care.entry_annotations a WHERE a.client_id = c.id),
  (SELECT max(fe.recorded_at) FROM formal.family_members fm JOIN care.family_entries fe ON fe.family_id = fm.family_id WHERE fm.client_id = c.id))`;

export interface DossierRetention {
  lastChange: string;
  /** The last day the dossier must be kept; null while held for a procedure. */
  keptUntil: string | null;
  held: boolean;
  /** The engine's Dutch explanation (or the organisation's term). */
  explanation: string;
}

/** The retention of one client's dossier on `now`; undefined for a client of another organisation. */
export async function dossierRetention(tx: Queryable, clientId: string, organisationId: string, now: Date): Promise<DossierRetention | undefined> {
  const [row] = await tx.query<{ last_change_at: Date | string; term_years: number | null; term_reason: string | null; status: string | null }>(
    `SELECT ${LAST_CHANGE_SQL} AS last_change_at, s.term_years, s.reason AS term_reason, r.status
       FROM formal.clients c
       LEFT JOIN care.dossiers d ON d.client_id = c.id
       LEFT JOIN org.retention_settings s ON s.organisation_id = c.organisation_id
       LEFT JOIN org.retention_reviews r ON r.client_id = c.id
      WHERE c.id = $1 AND c.organisation_id = $2`, [clientId, organisationId]);
  if (row === undefined) return undefined;
  const lastChange = calendarDate(row.last_change_at instanceof Date ? row.last_change_at : new Date(row.last_change_at));
  const held = row.status === 'held';
  const term = row.term_years === null ? undefined : { termYears: row.term_years, reason: row.term_reason ?? '' };
  const end = retentionEnd({ lastChange, today: calendarDate(now), heldForProcedure: held, term });
  return { lastChange, keptUntil: end.keptUntil, held, explanation: end.explanation };
}
