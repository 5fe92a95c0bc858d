/**
 * The crypto module's store of the clients' wrapped data keys
 * (`care.client_keys`) for the other modules (issue 14: one owner per table).
 * A key is unwrapped only in `client-keys.ts`; what leaves here is wrapped.
 */
import type { ClientBoundScope, NewClientScope } from '../access/gate-scope.js';
import type { Queryable } from '../db/database.js';
import { txOf } from '../db/scope-tx.js';
import type { SealedColumn } from './sealed-column.js';

/** The clients' data keys, wrapped by the master key (rewrapped, not replaced, by a rotation: master-key-rotation.ts). */
export const CLIENT_DATA_KEYS: SealedColumn = {
  name: 'client data keys', table: 'care.client_keys', key: { column: 'client_id', type: 'uuid' }, column: 'wrapped_key', place: { column: 'client_id', aad: (id) => `client-key:${id}` },
};

/**
 * The clients whose data key still exists (not destroyed), as other modules may join them: a semi-join
 * partner for "only rows of clients whose content can still be read". A subquery in FROM, pulled up into
 * the join by PostgreSQL: one round trip, the same plan.
 * @example `FROM org.consents c JOIN ${CLIENTS_WITH_KEY} k ON k.client_id = c.client_id`
 */
export const CLIENTS_WITH_KEY = '(SELECT client_id FROM care.client_keys)';

/**
 * The clients' data keys as they are stored, wrapped by the master key (`client_id`, `wrapped_key`), for a query
 * that loads a client's wrapped key beside the client's own row in one round trip (the access path). A subquery
 * in FROM, pulled up by PostgreSQL: the same plan as naming the table.
 * @example `(SELECT k.wrapped_key FROM ${WRAPPED_CLIENT_KEYS} k WHERE k.client_id = c.id) AS wrapped_key`
 */
export const WRAPPED_CLIENT_KEYS = '(SELECT client_id, wrapped_key FROM care.client_keys)';

/** Stores the wrapped data key of a client the scope is registering. */
export async function storeNewClientKey(scope: NewClientScope, clientId: string, wrappedKey: Buffer): Promise<void> {
  await txOf(scope).query('INSERT INTO care.client_keys (client_id, wrapped_key) VALUES ($1, $2)', [clientId, wrappedKey]);
}

/** A client's wrapped data key as it is now; null once it was destroyed (or for a client of another organisation: row-level security). */
export async function wrappedClientKey(tx: Queryable, clientId: string): Promise<Buffer | null> {
  const rows = await tx.query<{ wrapped_key: Buffer }>('SELECT wrapped_key FROM care.client_keys WHERE client_id = $1', [clientId]);
  return rows[0]?.wrapped_key ?? null;
}

/**
 * The scope's client's wrapped data key as it is now (not as preloaded at the start of the access:
 * the work may have destroyed it since); null once it was destroyed.
 */
export function wrappedKeyOf(scope: ClientBoundScope): Promise<Buffer | null> {
  return wrappedClientKey(txOf(scope), scope.client.id);
}

/** The wrapped data keys of several clients in one query; a destroyed client has no row. */
export async function wrappedClientKeys(tx: Queryable, clientIds: readonly string[]): Promise<{ client_id: string; wrapped_key: Buffer }[]> {
  return tx.query<{ client_id: string; wrapped_key: Buffer }>('SELECT client_id, wrapped_key FROM care.client_keys WHERE client_id = ANY($1::uuid[])', [clientIds]);
}

/** Any one stored data key (for start-up to try the master key on), or undefined when no client has one. */
export async function someWrappedClientKey(db: Queryable): Promise<{ client_id: string; wrapped_key: Buffer } | undefined> {
  const [sample] = await db.query<{ client_id: string; wrapped_key: Buffer }>('SELECT client_id, wrapped_key FROM care.client_keys LIMIT 1');
  return sample;
}
