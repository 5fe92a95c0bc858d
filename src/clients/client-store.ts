/**
 * The clients module's store of `formal.clients` for the other modules (issue
 * 14: one owner per table). Others never write SQL on the table: they call a
 * function here, or — where their own rows name a client — join the
 * projection {@link CLIENTS}, which says which columns leave this module.
 */
import type { ClientScope } from '../access/gate-scope.js';
import type { Queryable } from '../db/database.js';
import { txOf } from '../db/scope-tx.js';
import { ORGANISATIONS } from '../organisation/employee-store.js';

/**
 * The clients as other modules may join them: who the client is (names, birth
 * date), of which organisation, since when registered. No BSN, address or
 * contact details. A subquery in FROM without aggregates, which PostgreSQL
 * pulls up into the join: one round trip, the same plan.
 * @example `SELECT c.family_name FROM org.requests r JOIN ${CLIENTS} c ON c.id = r.client_id`
 */
export const CLIENTS = '(SELECT id, organisation_id, family_name, given_names, birth_date, created_at FROM formal.clients)';

/** How many of `clientIds` are clients of this organisation. */
export async function countClientsOfOrganisation(tx: Queryable, organisationId: string, clientIds: readonly string[]): Promise<number> {
  const [row] = await tx.query<{ n: string }>('SELECT count(*)::text AS n FROM formal.clients WHERE organisation_id = $1 AND id = ANY($2::uuid[])', [organisationId, clientIds]);
  return Number(row!.n);
}

/** Whether `clientId` is a client of this organisation. */
export async function isClientOfOrganisation(tx: Queryable, clientId: string, organisationId: string): Promise<boolean> {
  const rows = await tx.query('SELECT 1 FROM formal.clients WHERE id = $1 AND organisation_id = $2', [clientId, organisationId]);
  return rows.length > 0;
}

/**
 * The next `limit` client ids after `after`, in id order, of one organisation or (null) all: a keyset page
 * for a sweep over every client.
 */
export async function clientIdsAfter(tx: Queryable, after: string, organisationId: string | null, limit: number): Promise<string[]> {
  const rows = await tx.query<{ id: string }>(
    'SELECT id FROM formal.clients WHERE id > $1 AND ($2::uuid IS NULL OR organisation_id = $2) ORDER BY id LIMIT $3', [after, organisationId, limit]);
  return rows.map((r) => r.id);
}

/** The client's full name and their organisation's name, as a letter or document heads them. */
export async function clientAndOrganisationName(tx: Queryable, clientId: string): Promise<{ organisation: string; clientName: string }> {
  const [row] = await tx.query<{ organisation: string; client_name: string }>(
    `SELECT o.name AS organisation, c.given_names || ' ' || c.family_name AS client_name
       FROM formal.clients c JOIN ${ORGANISATIONS} o ON o.id = c.organisation_id WHERE c.id = $1`, [clientId]);
  return { organisation: row!.organisation, clientName: row!.client_name };
}

/**
 * The scope's client's full name and their organisation's name, as a letter or document heads them.
 * @example const { organisation, clientName } = await clientAndOrganisationNameOf(scope);
 */
export function clientAndOrganisationNameOf(scope: ClientScope): Promise<{ organisation: string; clientName: string }> {
  return clientAndOrganisationName(txOf(scope), scope.client.id);
}
