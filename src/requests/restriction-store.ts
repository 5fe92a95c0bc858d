/**
 * The requests module's store of the restriction of processing
 * (`org.processing_restrictions`, AVG 18) and of objections (`org.objections`,
 * AVG 21), bound to the gate's scope, and the projection other modules join
 * (issue 14: one owner per table).
 */
import type { ClientScope } from '../access/gate-scope.js';
import { careTeamHolderOn } from '../care-team/care-team-store.js';
import type { Queryable } from '../db/database.js';
import { txOf } from '../db/scope-tx.js';
import type { LegacyTextColumn } from '../retention/legacy-text-columns.js';
import { RELATION_NAMES } from '../representation/relation-store.js';
import { calendarDate } from '../shared/calendar-date.js';
import { REQUEST_RECEIPTS } from './request-store.js';

/** Why a restriction ended, in clear before migration 0033, sealed under the client's key at start-up. */
export const RESTRICTION_END_REASON: LegacyTextColumn = {
  table: 'org.processing_restrictions', id: 'id', column: 'end_reason', ciphertext: 'end_reason_ciphertext', kind: 'restrictionEnd',
};

export interface RestrictionRow { started_at: Date; request_id: string; received_on: string; requester: string | null }

/** The client's restriction in force: when it started, on which request received when, asked by whom (NULL: the client). */
export async function restrictionInForce(tx: Queryable, clientId: string): Promise<RestrictionRow | undefined> {
  const rows = await tx.query<RestrictionRow>(
    `SELECT p.started_at, p.request_id, r.received_on, rel.name AS requester
       FROM org.processing_restrictions p JOIN ${REQUEST_RECEIPTS} r ON r.id = p.request_id
       LEFT JOIN ${RELATION_NAMES} rel ON rel.id = r.requester_relation_id
      WHERE p.client_id = $1 AND p.ended_at IS NULL`, [clientId]);
  return rows[0];
}

/**
 * The clients whose processing is restricted now (AVG 18: a restriction not ended), as other modules may join
 * them: `client_id`. A subquery in FROM, pulled up by PostgreSQL: one round trip, the same plan.
 * @example `EXISTS (SELECT 1 FROM ${RESTRICTIONS_IN_FORCE} p WHERE p.client_id = c.id)`
 */
export const RESTRICTIONS_IN_FORCE = '(SELECT client_id FROM org.processing_restrictions WHERE ended_at IS NULL)';

/**
 * The restriction of processing of the scope's client (org.processing_restrictions): at most one in force.
 * @example if (await restrictionsOf(scope).isRestricted()) throw conflict(…);
 */
export function restrictionsOf(scope: ClientScope) {
  const tx = txOf(scope);
  const clientId = scope.client.id;
  return {
    /** The restriction in force, with its request and requester (see {@link restrictionInForce}). */
    inForce: (): Promise<RestrictionRow | undefined> => restrictionInForce(tx, clientId),
    /** Whether a restriction is in force. */
    isRestricted: async (): Promise<boolean> =>
      (await tx.query('SELECT 1 FROM org.processing_restrictions WHERE client_id = $1 AND ended_at IS NULL', [clientId])).length > 0,
    /** Starts the restriction a request asked, by the scope's employee, now. */
    start: async (requestId: string): Promise<void> => {
      await tx.query('INSERT INTO org.processing_restrictions (client_id, request_id, started_by, started_at) VALUES ($1, $2, $3, $4)',
        [clientId, requestId, scope.actor.employeeId, scope.now]);
    },
    /** The restriction in force, locked until the access commits. */
    inForceForUpdate: async (): Promise<{ id: string; started_at: Date } | undefined> =>
      (await tx.query<{ id: string; started_at: Date }>('SELECT id, started_at FROM org.processing_restrictions WHERE client_id = $1 AND ended_at IS NULL FOR UPDATE', [clientId]))[0],
    /** Ends the restriction, by the scope's employee, now: the reason sealed under the client's key, the day the client was told. */
    end: async (restrictionId: string, reasonCiphertext: Buffer, clientInformedOn: string): Promise<void> => {
      await tx.query('UPDATE org.processing_restrictions SET ended_at = $2, ended_by = $3, end_reason_ciphertext = $4, client_informed_on = $5 WHERE id = $1 AND client_id = $6',
        [restrictionId, scope.now, scope.actor.employeeId, reasonCiphertext, clientInformedOn, clientId]);
    },
    /**
     * Whether the scope's employee is the dossier holder the care team counts today (a hand-over in the care team
     * counts from its day; the holder the dossier was opened with is history then): who may end a restriction.
     */
    callerIsHolderToday: async (): Promise<boolean> => {
      const [row] = await tx.query<{ holder: boolean }>(`SELECT ${careTeamHolderOn('$1::uuid', '$2::date')} = $3::uuid AS holder`,
        [clientId, calendarDate(scope.now), scope.actor.employeeId]);
      return row?.holder === true;
    },
  };
}

/**
 * The objections of the scope's client (org.objections, AVG 21).
 * @example await objectionsOf(scope).record(requestId, sealed, 'granted');
 */
export function objectionsOf(scope: ClientScope) {
  const tx = txOf(scope);
  return {
    /** Records the objection of a fulfilled `object` request and the processing that stops today, by the scope's employee. */
    record: async (requestId: string, processingCiphertext: Buffer, outcome: 'granted' | 'partly'): Promise<void> => {
      await tx.query(
        `INSERT INTO org.objections (client_id, request_id, processing_ciphertext, outcome, stopped_on, recorded_by, recorded_at) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
        [scope.client.id, requestId, processingCiphertext, outcome, calendarDate(scope.now), scope.actor.employeeId, scope.now]);
    },
  };
}
