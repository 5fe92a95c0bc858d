/**
 * A client's data key, read from `care.client_keys` and unwrapped with the
 * master key. When the key is gone, the client's content was destroyed.
 */
import type { Queryable } from '../db/database.js';
import { AppError } from '../errors.js';
import { unwrapDataKey } from './envelope.js';

/** Thrown when a client's data key is gone: the content was destroyed. */
export function contentDestroyed(): AppError {
  return new AppError('content-destroyed', 410, 'De inhoud van dit dossier is vernietigd en kan niet meer worden gelezen.', 'The content of this dossier has been destroyed and can no longer be read.');
}

/** The client's unwrapped data key; 410 when it was destroyed. */
export async function clientDataKey(tx: Queryable, masterKey: Buffer, clientId: string): Promise<Buffer> {
  const rows = await tx.query<{ wrapped_key: Buffer }>('SELECT wrapped_key FROM care.client_keys WHERE client_id = $1', [clientId]);
  return unwrapClientKey(masterKey, clientId, rows[0]?.wrapped_key ?? null);
}

/** Unwraps a data key already read (e.g. with the access facts); 410 when there is none. */
export function unwrapClientKey(masterKey: Buffer, clientId: string, wrapped: Buffer | null): Buffer {
  if (wrapped === null) throw contentDestroyed();
  return unwrapDataKey(masterKey, wrapped, clientId);
}
