/**
 * The requests module's store of `org.requests` for the other modules (issue
 * 14: one owner per table).
 */
import type { Queryable } from '../db/database.js';
import type { LegacyTextColumn } from '../retention/legacy-text-columns.js';
import type { Actor } from '../rules/index.js';

/** Where a request's consent declaration is kept, in clear before migration 0033, sealed under the client's key at start-up. */
export const REQUEST_CONSENT_REFERENCE: LegacyTextColumn = {
  table: 'org.requests', id: 'id', column: 'consent_reference', ciphertext: 'consent_reference_ciphertext', kind: 'requestConsent',
};

/** What decides who reads the answer to a request: its kind and state, the decision, the requester and whether consent was recorded. */
export interface RequestReaderRow {
  kind: string; state: string; decision: string | null; requester_kind: Actor; requester_relation_id: string | null; consent_recorded_on: string | null;
}

/** The request of this client with the facts of {@link RequestReaderRow}; undefined when the client has no such request. */
export async function requestReaderRow(tx: Queryable, requestId: string, clientId: string): Promise<RequestReaderRow | undefined> {
  const [row] = await tx.query<RequestReaderRow>(
    'SELECT kind, state, decision, requester_kind, requester_relation_id, consent_recorded_on FROM org.requests WHERE id = $1 AND client_id = $2', [requestId, clientId]);
  return row;
}
