/**
 * The recorded procedure a legal-claims reading must name (AVG 18(2); issue
 * 14: purposes are references): a current retention hold on the client's
 * dossier ("needed for a procedure", 003 §3.2), by its id (migration 0050).
 */
import type { Queryable } from '../db/database.js';

/** Whether `holdId` is the current hold on this client's dossier in this organisation. */
export async function isCurrentHold(tx: Queryable, organisationId: string, clientId: string, holdId: string): Promise<boolean> {
  const rows = await tx.query(
    `SELECT 1 FROM org.retention_reviews WHERE hold_id = $1 AND organisation_id = $2 AND client_id = $3 AND status = 'held'`,
    [holdId, organisationId, clientId]);
  return rows.length > 0;
}

/** The id of the current hold on this client's dossier, if there is one (for the one who must name it). */
export async function currentHoldId(tx: Queryable, organisationId: string, clientId: string): Promise<string | undefined> {
  const rows = await tx.query<{ hold_id: string }>(
    `SELECT hold_id FROM org.retention_reviews WHERE organisation_id = $1 AND client_id = $2 AND status = 'held'`, [organisationId, clientId]);
  return rows[0]?.hold_id;
}
