/**
 * A client's data key, read from its owner store (client-key-store.ts) and
 * unwrapped with the master key. When the key is gone, the client's content
 * was destroyed.
 */
import type { ClientBoundScope } from '../access/gate-scope.js';
import type { Queryable } from '../db/database.js';
import { AppError } from '../errors.js';
import { wrappedClientKey, wrappedKeyOf } from './client-key-store.js';
import { unwrapDataKey } from './envelope.js';

/** Thrown when a client's data key is gone: the content was destroyed. */
export function contentDestroyed(): AppError {
  return new AppError('content-destroyed', 410, 'De inhoud van dit dossier is vernietigd en kan niet meer worden gelezen.', 'The content of this dossier has been destroyed and can no longer be read.');
}

/** The data key each scope opened: read and unwrapped once per scope (issue 14), gone with the scope. */
const openedKeys = new WeakMap<ClientBoundScope, Promise<Buffer>>();
/** The scopes that destroyed their dossier's key: their preloaded key is no longer the stored one. */
const destroyedIn = new WeakSet<ClientBoundScope>();

/**
 * The scope's client's unwrapped data key; 410 when it was destroyed. Opened lazily, once per scope: the work may
 * ask for it in several places without another query or unwrapping. The wrapped key came with the access facts,
 * read by the gate in this scope's own transaction (issue 18: no second query for it on every write); after this
 * scope destroyed the dossier (`forgetDataKeyOf`) the store is asked again, and answers 410.
 */
export function dataKeyOf(scope: ClientBoundScope, masterKey: Buffer): Promise<Buffer> {
  let opened = openedKeys.get(scope);
  if (opened === undefined) {
    opened = destroyedIn.has(scope)
      ? wrappedKeyOf(scope).then((wrapped) => unwrapClientKey(masterKey, scope.client.id, wrapped))
      : Promise.resolve().then(() => unwrapClientKey(masterKey, scope.client.id, scope.preloaded.wrappedKey));
    openedKeys.set(scope, opened);
  }
  return opened;
}

/** After the scope destroyed the dossier's key, the key it opened is forgotten: a later ask answers 410 as the store does. */
export function forgetDataKeyOf(scope: ClientBoundScope): void {
  openedKeys.delete(scope);
  destroyedIn.add(scope);
}

/**
 * The client's unwrapped data key; 410 when it was destroyed. For system work and for work on clients other
 * than a scope's own (a page of work notes, a download by its link); a service bound to a client scope asks `dataKeyOf`.
 */
export async function clientDataKey(tx: Queryable, masterKey: Buffer, clientId: string): Promise<Buffer> {
  return unwrapClientKey(masterKey, clientId, await wrappedClientKey(tx, clientId));
}

/** Unwraps a data key already read (e.g. with the access facts); 410 when there is none. */
export function unwrapClientKey(masterKey: Buffer, clientId: string, wrapped: Buffer | null): Buffer {
  if (wrapped === null) throw contentDestroyed();
  return unwrapDataKey(masterKey, wrapped, clientId);
}
