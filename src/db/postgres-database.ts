/**
 * PostgreSQL server adapter (node-postgres pool), used when DATABASE_URL is set.
 *
 * Every wait is bounded (issue 17): a connection (from the pool or new) within
 * `connectTimeoutMs`; on the server, `statement_timeout`, `lock_timeout` and
 * `idle_in_transaction_session_timeout` are part of each connection's start-up
 * packet; when the server cannot even answer (a partition, a frozen host) the
 * client gives up after statement_timeout plus a margin; TCP keepalive notices a
 * dead peer between queries. A connection whose statement timed out on the
 * client, or that cannot roll back, is destroyed, never reused, so the pool
 * recovers on its own.
 */
import pg from 'pg';
import type { Database, PoolStatus, Queryable } from './database.js';
import { TypeOid } from './database.js';
import { NO_SCOPE, SET_SCOPE_SQL, wantedScope } from './organisation-scope.js';
import { parseTimestamptz } from './type-parsers.js';

const types = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') => {
    if (oid === TypeOid.date || oid === TypeOid.int8) return (value: string) => value;
    // The same Date as the driver's parser, for less CPU (type-parsers.ts; issue 18).
    if (oid === TypeOid.timestamptz && format !== 'binary') return parseTimestamptz;
    return pg.types.getTypeParser(oid, format) as (value: string) => unknown;
  }) as typeof pg.types.getTypeParser,
};

export interface PostgresOptions {
  /** Role to SET after connecting (the application role); undefined = stay the connecting user. */
  role?: string;
  maxConnections?: number;
  /** How long to wait for a connection (a free one from the pool, or a new one); default 5 s. */
  connectTimeoutMs?: number;
  /** Server-side limits; undefined = the server's own setting (migrations run without them). */
  statementTimeoutMs?: number;
  lockTimeoutMs?: number;
  idleInTransactionTimeoutMs?: number;
  /** The client gives up on a statement after statementTimeoutMs plus this (default 5 s); needs statementTimeoutMs. */
  clientTimeoutMarginMs?: number;
  /** TCP keepalive: seconds idle before the first probe (default 30). */
  keepAliveSeconds?: number;
}

/**
 * Named (prepared) statements: PostgreSQL parses and plans a named statement
 * once per connection instead of on every call. The access path's queries —
 * session, client facts with their sub-selects, timeline page, log insert —
 * cost more to plan than to run, and on a two-core server the planning is
 * taken from everything else. Names are given to the first
 * `MAX_PREPARED_TEXTS` distinct parameterised texts (node-postgres keeps a
 * prepared statement per connection for good, so an unbounded set of texts —
 * the log insert has one per batch size — must not grow it without end);
 * later ones run unnamed as before.
 */
const MAX_PREPARED_TEXTS = 1000;
const statementNames = new Map<string, string>();
/** Never reused, so a name given again after a stale plan cannot meet another text's statement. */
let namesGiven = 0;

function statementName(text: string): string | undefined {
  const known = statementNames.get(text);
  if (known !== undefined || namesGiven >= MAX_PREPARED_TEXTS) return known;
  const name = `dw_${(namesGiven++).toString(36)}`;
  statementNames.set(text, name);
  return name;
}

/**
 * A named statement fixes its result columns. After `migrate` adds a column to a table a running server
 * selects `*` from, PostgreSQL refuses the old statement ("cached plan must not change result type",
 * SQLSTATE 0A000) on every connection that prepared it. The text then gets a new name, so each connection
 * prepares it afresh; outside a transaction the query is simply retried, inside one the transaction fails
 * once (it is already aborted) and the request with it.
 */
function isStalePlan(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === '0A000';
}

function queryable(client: pg.Pool | pg.PoolClient, inTransaction: boolean): Queryable {
  const run = (text: string, params: readonly unknown[]) => {
    const name = params.length === 0 ? undefined : statementName(text);
    return client.query(name === undefined ? { text, values: [...params] } : { name, text, values: [...params] });
  };
  return {
    async query<Row>(text: string, params: readonly unknown[] = []) {
      try {
        return (await run(text, params)).rows as Row[];
      } catch (error) {
        if (!isStalePlan(error) || !statementNames.has(text)) throw error;
        statementNames.delete(text);
        if (inTransaction) throw error;
        return (await run(text, params)).rows as Row[];
      }
    },
  };
}

/**
 * node-postgres stopped waiting for the answer (`query_timeout`: statement timeout plus margin) while the statement
 * may still be running on the server — a COMMIT waiting for a synchronous standby is one: PostgreSQL does not apply
 * statement_timeout to that wait. The connection is then unusable: its next query would queue behind the one that
 * did not answer.
 */
function isClientTimeout(error: unknown): boolean {
  return error instanceof Error && error.message === 'Query read timeout';
}

/**
 * The organisation scope (organisation-scope.ts) each pooled connection holds; a new connection holds none. The
 * setting is session-wide and sent only when a query needs another value than the connection has, so requests of
 * one organisation cost no extra round trip. It is set outside any transaction (a rollback cannot undo it), and a
 * connection whose set failed is forgotten (`delete`) so the next use sets it again.
 */
const heldScope = new WeakMap<pg.PoolClient, string>();

async function ensureScope(client: pg.PoolClient, wanted: string): Promise<void> {
  if ((heldScope.get(client) ?? NO_SCOPE) === wanted) return;
  heldScope.delete(client);
  await client.query(SET_SCOPE_SQL, [wanted]);
  heldScope.set(client, wanted);
}

/** Opens a connection pool to `url`. */
export function openPostgres(url: string, options: PostgresOptions = {}): Database {
  const max = options.maxConnections ?? 20;
  const pool = new pg.Pool({
    connectionString: url,
    max,
    types,
    connectionTimeoutMillis: options.connectTimeoutMs ?? 5_000,
    keepAlive: true,
    keepAliveInitialDelayMillis: (options.keepAliveSeconds ?? 30) * 1000,
    ...(options.statementTimeoutMs === undefined
      ? {}
      : {
          statement_timeout: options.statementTimeoutMs,
          query_timeout: options.statementTimeoutMs + (options.clientTimeoutMarginMs ?? 5_000),
        }),
    ...(options.lockTimeoutMs === undefined ? {} : { lock_timeout: options.lockTimeoutMs }),
    ...(options.idleInTransactionTimeoutMs === undefined ? {} : { idle_in_transaction_session_timeout: options.idleInTransactionTimeoutMs }),
    // The role is part of the start-up packet, so no query can run before it is in force.
    ...(options.role === undefined ? {} : { options: `-c role=${options.role}` }),
  });
  // An idle client losing its connection must not crash the process; the next query reconnects.
  pool.on('error', () => undefined);
  return {
    kind: 'postgres',
    async query(text, params) {
      // As pool.query does (a connection that met any error is not reused), on a connection holding the scope.
      const wanted = wantedScope();
      const client = await pool.connect();
      let failed: Error | undefined;
      const onError = (error: Error) => {
        failed = error;
      };
      client.on('error', onError);
      try {
        await ensureScope(client, wanted);
        return await queryable(client, false).query(text, params);
      } catch (error) {
        failed = error instanceof Error ? error : new Error(String(error));
        throw error;
      } finally {
        client.off('error', onError);
        client.release(failed);
      }
    },
    async transaction(work) {
      const wanted = wantedScope();
      const client = await pool.connect();
      // A connection that fails while checked out (the database went away) must not crash the process with an
      // unhandled 'error' event, and a connection that cannot even roll back is broken: destroy it, never reuse it.
      let broken: Error | undefined;
      const onError = (error: Error) => {
        broken = error;
      };
      client.on('error', onError);
      try {
        await ensureScope(client, wanted);
        await client.query('BEGIN');
        const result = await work(queryable(client, true));
        await client.query('COMMIT');
        return result;
      } catch (error) {
        // After a client-side timeout a ROLLBACK would wait out a second timeout behind the statement that did not
        // answer (issue 17 item 8: a write on a promoted standby still naming its old one took twice the bound).
        // Destroy the connection instead: the server rolls back what it had not committed when the session ends.
        if (isClientTimeout(error)) broken = error as Error;
        else {
          await client.query('ROLLBACK').catch((rollbackError: unknown) => {
            broken = rollbackError instanceof Error ? rollbackError : new Error(String(rollbackError));
          });
        }
        throw error;
      } finally {
        client.off('error', onError);
        client.release(broken);
      }
    },
    async exec(script) {
      await pool.query(script);
    },
    poolStatus: (): PoolStatus => ({ size: pool.totalCount, max, idle: pool.idleCount, waiting: pool.waitingCount }),
    async withSessionLock(key, work) {
      // A session-level advisory lock lives on one connection: hold that connection (outside any transaction,
      // so idle_in_transaction_session_timeout does not apply) while `work` runs on the pool.
      const client = await pool.connect();
      let broken: Error | undefined;
      const onError = (error: Error) => {
        broken = error;
      };
      const asError = (error: unknown) => (error instanceof Error ? error : new Error(String(error)));
      client.on('error', onError);
      const done = () => {
        client.off('error', onError);
        client.release(broken);
      };
      let locked: boolean;
      try {
        locked = (await client.query<{ locked: boolean }>('SELECT pg_try_advisory_lock($1) AS locked', [key])).rows[0]?.locked === true;
      } catch (error) {
        broken = asError(error);
        done();
        throw error;
      }
      if (!locked) {
        done();
        return { acquired: false };
      }
      try {
        return { acquired: true, value: await work() };
      } finally {
        // A connection that cannot unlock must not go back to the pool still holding the lock.
        await client.query('SELECT pg_advisory_unlock($1)', [key]).catch((error: unknown) => {
          broken = asError(error);
        });
        done();
      }
    },
    async listen(channel, onNotify, onLost) {
      if (!/^[a-z_][a-z0-9_]*$/.test(channel)) throw new Error(`not a channel name: ${channel}`);
      const client = new pg.Client({
        connectionString: url, connectionTimeoutMillis: options.connectTimeoutMs ?? 5_000,
        keepAlive: true, keepAliveInitialDelayMillis: (options.keepAliveSeconds ?? 30) * 1000,
        ...(options.role === undefined ? {} : { options: `-c role=${options.role}` }),
      });
      let stopped = false;
      let lost = false;
      const lose = (error: Error) => {
        if (stopped || lost) return;
        lost = true;
        onLost(error);
        void client.end().catch(() => undefined);
      };
      client.on('error', lose);
      client.on('end', () => lose(new Error('the listening connection ended')));
      client.on('notification', (message) => {
        if (message.channel === channel) onNotify(message.payload ?? '');
      });
      await client.connect();
      try {
        await client.query(`LISTEN ${channel}`);
      } catch (error) {
        stopped = true;
        await client.end().catch(() => undefined);
        throw error;
      }
      return async () => {
        stopped = true;
        await client.end().catch(() => undefined);
      };
    },
    close: () => pool.end(),
  };
}
