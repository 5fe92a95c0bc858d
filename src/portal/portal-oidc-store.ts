/**
 * Pending OpenID Connect log-ins of the client portal (`org.portal_oidc_pending`, migration 0084): one row per
 * authorization request sent to the provider, keyed by the SHA-256 of its `state`, spent by the first callback that
 * brings that state back — so the way back works once, whatever the provider does with a code used twice. The rest of
 * the request (nonce, PKCE verifier, purpose) travels in the browser's sealed cookie (portal-oidc-routes.ts).
 *
 * A log-in has no organisation until it returns, so these run across organisations (`asSystem`), as the staff's
 * log-in challenges do.
 */
import type { Queryable } from '../db/database.js';
import { asSystem } from '../db/organisation-scope.js';

/** Records a pending log-in; forgets those that expired a day ago or more (no sweep needed). */
export async function insertPendingOidcLogin(
  db: Queryable, row: { stateHash: string; organisationId: string | null; now: Date; expiresAt: Date },
): Promise<void> {
  await asSystem(async () => {
    await db.query('DELETE FROM org.portal_oidc_pending WHERE expires_at < $1', [new Date(row.now.getTime() - 86_400_000)]);
    await db.query('INSERT INTO org.portal_oidc_pending (state_hash, organisation_id, created_at, expires_at) VALUES ($1, $2, $3, $4)',
      [row.stateHash, row.organisationId, row.now, row.expiresAt]);
  });
}

/** Spends the pending log-in of this state; false when there is none, it expired, or it was spent already (a replay). */
export function spendPendingOidcLogin(db: Queryable, stateHash: string, now: Date): Promise<boolean> {
  return asSystem(async () => (await db.query(
    'UPDATE org.portal_oidc_pending SET spent_at = $2 WHERE state_hash = $1 AND spent_at IS NULL AND expires_at > $2 RETURNING 1', [stateHash, now])).length > 0);
}
