/**
 * The crypto module's store of the clients' wrapped data keys
 * (`care.client_keys`) for the other modules (issue 14: one owner per table).
 * A key is unwrapped only in `client-keys.ts`; what leaves here is wrapped.
 */
import type { Queryable } from '../db/database.js';

/**
 * The clients whose data key still exists (not destroyed), as other modules may join them: a semi-join
 * partner for "only rows of clients whose content can still be read". A subquery in FROM, pulled up into
 * the join by PostgreSQL: one round trip, the same plan.
 * @example `FROM org.consents c JOIN ${CLIENTS_WITH_KEY} k ON k.client_id = c.client_id`
 */
export const CLIENTS_WITH_KEY = '(SELECT client_id FROM care.client_keys)';

/** Stores a new client's wrapped data key. */
export async function storeClientKey(tx: Queryable, clientId: string, wrappedKey: Buffer): Promise<void> {
  await tx.query('INSERT INTO care.client_keys (client_id, wrapped_key) VALUES ($1, $2)', [clientId, wrappedKey]);
}

/** The wrapped data keys of several clients in one query; a destroyed client has no row. */
export async function wrappedClientKeys(tx: Queryable, clientIds: readonly string[]): Promise<{ client_id: string; wrapped_key: Buffer }[]> {
  return tx.query<{ client_id: string; wrapped_key: Buffer }>('SELECT client_id, wrapped_key FROM care.client_keys WHERE client_id = ANY($1::uuid[])', [clientIds]);
}

/**
 * The clients' data keys as they are stored, wrapped by the master key (`client_id`, `wrapped_key`), for a query
 * that loads a client's wrapped key beside the client's own row in one round trip (the access path). A subquery
 * in FROM, pulled up by PostgreSQL: the same plan as naming the table.
 * @example `(SELECT k.wrapped_key FROM ${WRAPPED_CLIENT_KEYS} k WHERE k.client_id = c.id) AS wrapped_key`
 */
export const WRAPPED_CLIENT_KEYS = '(SELECT client_id, wrapped_key FROM care.client_keys)';
