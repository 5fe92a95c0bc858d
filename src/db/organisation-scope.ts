/**
 * Which organisation's rows the database shows: the setting row-level security is keyed on (migration 0056).
 *
 * Every table that holds organisation or client data has a policy that shows the application role only the rows of
 * the organisation named in the connection's setting `dw.organisation_id`; without it, none. The request pipeline
 * enters the scope of the session's organisation once the actor is known (`installOrganisationScope`,
 * src/http/organisation-scope-hook.ts), and the database adapters carry it to the connection: each connection
 * remembers the value it holds and `set_config` is sent only when a query needs another one, so a steady stream of
 * requests of one organisation costs no extra round trip.
 *
 * `SYSTEM_SCOPE` ('*') is for what legitimately spans organisations or runs before the organisation is known:
 * log-in by username, the session look-up, a download by its token, start-up (master-key check, sealing legacy
 * text), the retention sweep, the log checkpoints, the command-line tools. The application role can set any value
 * (it is a setting, not a credential): the policies keep a query that forgets its organisation filter from
 * leaking, they do not stop an attacker who runs SQL as the application role — that is what the SECURITY DEFINER
 * decision functions (migration 0055) are for.
 *
 * @example
 * await inOrganisation(actor.organisationId, () => db.query('SELECT id FROM formal.clients')); // that organisation's only
 * await asSystem(() => db.query('SELECT count(*) FROM formal.clients'));                    // every organisation's
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import type { Database } from './database.js';

/** The value of `dw.organisation_id` that the policies read as "every organisation". */
export const SYSTEM_SCOPE = '*';
/** No organisation: the policies show no row. */
export const NO_SCOPE = '';
/** The setting row-level security reads (migration 0056). */
export const SCOPE_SETTING = 'dw.organisation_id';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const storage = new AsyncLocalStorage<string>();

function checked(scope: string): string {
  if (scope !== SYSTEM_SCOPE && scope !== NO_SCOPE && !UUID.test(scope)) throw new Error(`not an organisation scope: ${scope}`);
  return scope.toLowerCase();
}

/** Runs `work` (and everything it starts, timers included) seeing only the rows of `organisationId`. */
export function inOrganisation<T>(organisationId: string, work: () => T): T {
  return storage.run(checked(organisationId), work);
}

/** Runs `work` across organisations; only for the cases listed in the module comment. */
export function asSystem<T>(work: () => T): T {
  return storage.run(SYSTEM_SCOPE, work);
}

/** Runs `work` seeing no organisation's rows (what a query outside any scope gets in production). */
export function withoutOrganisation<T>(work: () => T): T {
  return storage.run(NO_SCOPE, work);
}

/** The scope the current async context asked for, or undefined outside any. */
export function currentScope(): string | undefined {
  return storage.getStore();
}

/** The value the connection must hold for a query issued now: the context's, else `fallback`. */
export function wantedScope(fallback: string = NO_SCOPE): string {
  return storage.getStore() ?? fallback;
}

/** The statement that puts `scope` on the connection (for the whole session: the adapters track it). */
export const SET_SCOPE_SQL = `SELECT set_config('${SCOPE_SETTING}', $1, false)`;

/**
 * The same database with another scope for calls made outside any: the test harness, the benchmarks' seeding and
 * the command-line tools work across organisations (`SYSTEM_SCOPE`), while inside an `inOrganisation` context
 * (an HTTP request with its actor) the context's scope still holds.
 */
export function withDefaultScope<D extends Database>(db: D, scope: string): D {
  const value = checked(scope);
  const within = <T>(work: () => T): T => (storage.getStore() === undefined ? storage.run(value, work) : work());
  return {
    ...db,
    query: (text, params) => within(() => db.query(text, params)),
    transaction: (work) => within(() => db.transaction(work)),
    exec: (script) => db.exec(script),
    close: () => db.close(),
    ...(db.withSessionLock === undefined ? {} : { withSessionLock: <T>(key: number, work: () => Promise<T>) => within(() => db.withSessionLock!(key, work)) }),
  };
}
