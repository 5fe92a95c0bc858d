/**
 * The one SQL layer. The same SQL runs on embedded PGlite and on a PostgreSQL
 * server; both adapters return plain rows with the same JS types:
 * `date` as 'YYYY-MM-DD' strings, `timestamptz` as Date, `bytea` as Buffer,
 * `int8` as string (never silently rounded).
 */

/** Something SQL can be sent to: the database or an open transaction. */
export interface Queryable {
  query<Row = Record<string, unknown>>(text: string, params?: readonly unknown[]): Promise<Row[]>;
}

export interface Database extends Queryable {
  readonly kind: 'pglite' | 'postgres';
  /** Runs `work` in one transaction: committed when it resolves, rolled back when it throws. */
  transaction<T>(work: (tx: Queryable) => Promise<T>): Promise<T>;
  /** Runs a script of several statements (migrations); not for parameterised queries. */
  exec(script: string): Promise<void>;
  close(): Promise<void>;
  /** The connection pool's state, where there is one (PostgreSQL); PGlite has one connection in the process. */
  poolStatus?(): PoolStatus;
  /**
   * Runs `work` while holding the session-level advisory lock `key`, if it can be taken at once (PostgreSQL:
   * on a connection held for the purpose); `acquired: false` when another session holds it.
   */
  withSessionLock?<T>(key: number, work: () => Promise<T>): Promise<{ acquired: boolean; value?: T }>;
  /**
   * PostgreSQL: LISTEN on `channel` over a connection of its own (not the pool's), calling `onNotify` with each
   * payload; `onLost` once when that connection ends or fails (notifications may then have been missed). Resolves,
   * once listening, to the function that stops. PGlite has no other process to hear from: absent.
   */
  listen?(channel: string, onNotify: (payload: string) => void, onLost: (error: Error) => void): Promise<() => Promise<void>>;
}

export interface PoolStatus {
  /** Open connections, of at most `max`. */
  size: number;
  max: number;
  idle: number;
  /** Requests waiting for a connection: the pool is exhausted while this is above 0 with size = max. */
  waiting: number;
}

/**
 * Runs `work` only if the advisory lock `key` is free, holding it meanwhile, so that of several servers on
 * one database only one does it at a time. PGlite lives in one process with one connection: its lock is
 * taken on that connection.
 */
export async function withAdvisoryLock<T>(db: Database, key: number, work: () => Promise<T>): Promise<{ acquired: boolean; value?: T }> {
  if (db.withSessionLock !== undefined) return db.withSessionLock(key, work);
  const [row] = await db.query<{ locked: boolean }>('SELECT pg_try_advisory_lock($1) AS locked', [key]);
  if (row?.locked !== true) return { acquired: false };
  try {
    return { acquired: true, value: await work() };
  } finally {
    await db.query('SELECT pg_advisory_unlock($1)', [key]);
  }
}

/**
 * The open transaction `tx` seen as a Database: its `transaction(work)` runs
 * `work` inside `tx` (no nesting), so code written against a Database — the
 * access functions open their own transactions — can be made part of one
 * larger all-or-nothing unit. `exec` and `close` are not available inside.
 */
export function transactionAsDatabase(kind: Database['kind'], tx: Queryable): Database {
  return {
    kind,
    query: (text, params) => tx.query(text, params),
    transaction: (work) => work(tx),
    exec: () => Promise.reject(new Error('exec is not available inside a transaction')),
    close: () => Promise.reject(new Error('close is not available inside a transaction')),
  };
}

/** Seconds a client is told to wait (Retry-After) when the database is unavailable. */
export const RETRY_AFTER_SECONDS = 5;

const UNAVAILABLE_SYSTEM_CODES = new Set([
  'ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN', 'EPIPE', 'ENOSPC', 'EROFS', 'EIO',
]);
/**
 * SQLSTATEs that mean "not now" rather than "wrong": connection exceptions (08), insufficient resources
 * (53: too many connections, disk full, out of memory), operator intervention (57P01–57P05, and 57014:
 * a statement cancelled by statement_timeout), lock_not_available (55P03, lock_timeout),
 * idle_in_transaction_session_timeout (25P03), serialization failures and deadlocks (40001, 40P01).
 */
const UNAVAILABLE_SQLSTATE = /^(08[0-9A-Z]{3}|53[0-9A-Z]{3}|57P0[1-5]|57014|55P03|25P03|40001|40P01)$/;
/** node-postgres and pg-pool report these without a code. */
const UNAVAILABLE_MESSAGES = [
  'Connection terminated', 'timeout exceeded when trying to connect', 'Query read timeout',
  'Client has encountered a connection error', 'Cannot use a pool after calling end', 'PGlite is closed',
  'No space left on device',
];

/**
 * Whether `error` says the database cannot serve now (down, unreachable, overloaded, a timeout, a full disk),
 * so the honest answer is 503 with Retry-After and a start-up may try again, rather than a 500.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const { code, message, errors } = error as { code?: unknown; message?: unknown; errors?: unknown };
  if (typeof code === 'string' && (UNAVAILABLE_SYSTEM_CODES.has(code) || UNAVAILABLE_SQLSTATE.test(code))) return true;
  if (typeof message === 'string' && UNAVAILABLE_MESSAGES.some((m) => message.includes(m))) return true;
  // Node reports a refused connection to every address of a name as an AggregateError.
  return Array.isArray(errors) && errors.length > 0 && errors.every((e) => isDatabaseUnavailable(e));
}

/** The role the application runs as: not superuser, no BYPASSRLS, not the tables' owner. */
export const APP_ROLE = 'dossierwijzer_app';

/** PostgreSQL type OIDs whose parsing both adapters override. */
export const TypeOid = { int8: 20, date: 1082, bytea: 17, timestamptz: 1184 } as const;
