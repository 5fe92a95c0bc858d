/**
 * The requests module's store of the restriction of processing
 * (`org.processing_restrictions`, AVG 18) for the other modules (issue 14:
 * one owner per table).
 */
import type { Queryable } from '../db/database.js';
import type { LegacyTextColumn } from '../retention/legacy-text-columns.js';
import { RELATION_NAMES } from '../representation/relation-store.js';

/** Why a restriction ended, in clear before migration 0033, sealed under the client's key at start-up. */
export const RESTRICTION_END_REASON: LegacyTextColumn = {
  table: 'org.processing_restrictions', id: 'id', column: 'end_reason', ciphertext: 'end_reason_ciphertext', kind: 'restrictionEnd',
};

export interface RestrictionRow { started_at: Date; request_id: string; received_on: string; requester: string | null }

/** The client's restriction in force: when it started, on which request received when, asked by whom (NULL: the client). */
export async function restrictionInForce(tx: Queryable, clientId: string): Promise<RestrictionRow | undefined> {
  const rows = await tx.query<RestrictionRow>(
    `SELECT p.started_at, p.request_id, r.received_on, rel.name AS requester
       FROM org.processing_restrictions p JOIN org.requests r ON r.id = p.request_id
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
