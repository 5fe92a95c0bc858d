/**
 * The PostgreSQL adapter names its parameterised statements (planned once per
 * connection). A migration that adds a column under a running server makes
 * such a statement stale; the adapter must recover instead of failing every
 * later query on that text. Every wait is bounded (issue 17): connect, lock,
 * statement and idle-in-transaction timeouts, and the pool recovers.
 */
import { createServer, type AddressInfo, type Socket } from 'node:net';
import { describe, expect, it } from 'vitest';
import { isDatabaseUnavailable, withAdvisoryLock } from './database.js';
import { openPostgres } from './postgres-database.js';
import { createScratchDatabase } from './scratch-database.js';
import { unusedPort } from '../test-support/network.js';

describe.runIf(process.env.DATABASE_URL !== undefined && process.env.DATABASE_URL !== '')('named statements on PostgreSQL', () => {
  it('survive a column added under them: the query is prepared again, outside and inside a transaction', async () => {
    const scratch = await createScratchDatabase(process.env.DATABASE_URL, 'dw_prepared', 1);
    const owner = openPostgres(scratch.url!, { maxConnections: 1 });
    try {
      await owner.exec('CREATE TABLE org.prepared_probe (a int); INSERT INTO org.prepared_probe VALUES (1); GRANT SELECT ON org.prepared_probe TO dossierwijzer_app');
      const select = 'SELECT * FROM org.prepared_probe WHERE a = $1';
      expect(await scratch.db.query(select, [1])).toEqual([{ a: 1 }]);
      await owner.exec('ALTER TABLE org.prepared_probe ADD COLUMN b int DEFAULT 2');
      // Outside a transaction: retried at once under a new name.
      expect(await scratch.db.query(select, [1])).toEqual([{ a: 1, b: 2 }]);

      await owner.exec('ALTER TABLE org.prepared_probe ADD COLUMN c int DEFAULT 3');
      // Inside one: that transaction fails (it is aborted), the next one works.
      await expect(scratch.db.transaction((tx) => tx.query(select, [1]))).rejects.toMatchObject({ code: '0A000' });
      expect(await scratch.db.transaction((tx) => tx.query(select, [1]))).toEqual([{ a: 1, b: 2, c: 3 }]);
    } finally {
      await owner.close();
      await scratch.drop();
    }
  });
});

/** A TCP server that accepts connections and never answers: a frozen database host, as the client sees it. */
async function silentServer(): Promise<{ port: number; close(): Promise<void> }> {
  const sockets = new Set<Socket>();
  const server = createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    close: () => new Promise<void>((resolve) => {
      for (const socket of sockets) socket.destroy();
      server.close(() => resolve());
    }),
  };
}

async function elapsed<T>(work: () => Promise<T>): Promise<{ ms: number; error: unknown }> {
  const started = Date.now();
  const error = await work().then(() => undefined, (e: unknown) => e);
  return { ms: Date.now() - started, error };
}

describe('every wait for the database is bounded', () => {
  it('a database host that never answers fails the query within the connect timeout, as "unavailable"', async () => {
    const silent = await silentServer();
    const db = openPostgres(`postgres://dw@127.0.0.1:${silent.port}/dw`, { connectTimeoutMs: 300 });
    try {
      const { ms, error } = await elapsed(() => db.query('SELECT 1'));
      expect(error).toBeInstanceOf(Error);
      expect(isDatabaseUnavailable(error)).toBe(true);
      expect(ms).toBeLessThan(3_000);
    } finally {
      await db.close();
      await silent.close();
    }
  });

  it('a closed port is "unavailable", not a server fault', async () => {
    const db = openPostgres(`postgres://dw@127.0.0.1:${await unusedPort()}/dw`, { connectTimeoutMs: 1_000 });
    try {
      const { error } = await elapsed(() => db.transaction((tx) => tx.query('SELECT 1')));
      expect(isDatabaseUnavailable(error)).toBe(true);
      // A value the database refuses is no outage.
      expect(isDatabaseUnavailable(Object.assign(new Error('duplicate key'), { code: '23505' }))).toBe(false);
    } finally {
      await db.close();
    }
  });
});

describe.runIf(process.env.DATABASE_URL !== undefined && process.env.DATABASE_URL !== '')('timeouts on PostgreSQL', () => {
  it('a statement waiting for a lock fails within lock_timeout, frees its connection, and the pool recovers', async () => {
    const scratch = await createScratchDatabase(process.env.DATABASE_URL, 'dw_timeouts', 1);
    const db = openPostgres(scratch.url!, { role: 'dossierwijzer_app', maxConnections: 2, connectTimeoutMs: 500, lockTimeoutMs: 300, statementTimeoutMs: 2_000 });
    const holder = openPostgres(scratch.url!, { maxConnections: 1 });
    let release!: () => void;
    const released = new Promise<void>((resolve) => { release = resolve; });
    let locked!: () => void;
    const isLocked = new Promise<void>((resolve) => { locked = resolve; });
    // Another connection holds the row, as a stalled transaction (or a commit waiting for a standby) would.
    const holding = holder.transaction(async (tx) => {
      await tx.query('SELECT * FROM ops.health_probe WHERE id = 1 FOR UPDATE');
      locked();
      await released;
    });
    try {
      await isLocked;
      const commit = () => db.transaction((tx) => tx.query('UPDATE ops.health_probe SET probed_at = now() WHERE id = 1'));
      const results = await Promise.all([elapsed(commit), elapsed(commit), elapsed(commit)]);
      for (const { ms, error } of results) {
        expect(error).toMatchObject({ code: '55P03' });
        expect(isDatabaseUnavailable(error)).toBe(true);
        expect(ms).toBeLessThan(2_000);
      }
      // Nothing is left checked out or waiting: the connections came back (or were replaced).
      expect(db.poolStatus!()).toMatchObject({ waiting: 0 });
      expect(db.poolStatus!().size).toBeLessThanOrEqual(2);
      release();
      await holding;
      await db.transaction((tx) => tx.query('UPDATE ops.health_probe SET probed_at = now() WHERE id = 1'));
      expect(await db.query<{ ok: number }>('SELECT 1 AS ok')).toEqual([{ ok: 1 }]);
    } finally {
      release();
      await holding.catch(() => undefined);
      await holder.close();
      await db.close();
      await scratch.drop();
    }
  });

  it('a statement running too long is cancelled by statement_timeout; a pool used up makes the next request fail within the connect timeout', async () => {
    const scratch = await createScratchDatabase(process.env.DATABASE_URL, 'dw_timeouts', 1);
    const db = openPostgres(scratch.url!, { role: 'dossierwijzer_app', maxConnections: 1, connectTimeoutMs: 300, statementTimeoutMs: 700 });
    try {
      const sleeping = elapsed(() => db.query('SELECT pg_sleep(5)'));
      // The only connection is busy: a second request waits for it no longer than the connect timeout.
      const waiting = await elapsed(() => db.query('SELECT 1'));
      expect(isDatabaseUnavailable(waiting.error)).toBe(true);
      expect(waiting.ms).toBeLessThan(1_500);
      const slow = await sleeping;
      expect(slow.error).toMatchObject({ code: '57014' });
      expect(slow.ms).toBeLessThan(3_000);
      expect(await db.query<{ ok: number }>('SELECT 1 AS ok')).toEqual([{ ok: 1 }]);
    } finally {
      await db.close();
      await scratch.drop();
    }
  });

  it('a statement the server does not cancel fails once after statement timeout plus margin; its connection is dropped, not rolled back behind it', async () => {
    // A COMMIT waiting for a synchronous standby that is gone ignores statement_timeout (issue 17 item 8, the
    // failover crash test); a statement that switched its timeout off stands in for it here.
    const scratch = await createScratchDatabase(process.env.DATABASE_URL, 'dw_timeouts', 1);
    const db = openPostgres(scratch.url!, { role: 'dossierwijzer_app', maxConnections: 1, statementTimeoutMs: 500, clientTimeoutMarginMs: 500 });
    try {
      const stalled = await elapsed(() => db.transaction(async (tx) => {
        await tx.query('SET LOCAL statement_timeout = 0');
        await tx.query('SELECT pg_sleep(5)');
      }));
      expect(isDatabaseUnavailable(stalled.error)).toBe(true);
      expect(stalled.ms).toBeGreaterThanOrEqual(1_000);
      // Not 2 s: a ROLLBACK sent on that connection would have waited out a second timeout.
      expect(stalled.ms).toBeLessThan(1_800);
      expect(await db.query<{ ok: number }>('SELECT 1 AS ok')).toEqual([{ ok: 1 }]);
    } finally {
      await db.close();
      await scratch.drop();
    }
  });

  it('a transaction left idle is ended by idle_in_transaction_session_timeout and its connection is not reused', async () => {
    const scratch = await createScratchDatabase(process.env.DATABASE_URL, 'dw_timeouts', 1);
    const db = openPostgres(scratch.url!, { role: 'dossierwijzer_app', maxConnections: 1, idleInTransactionTimeoutMs: 200 });
    try {
      const { error } = await elapsed(() => db.transaction(async (tx) => {
        await tx.query('SELECT 1');
        await new Promise((resolve) => setTimeout(resolve, 600));
        await tx.query('SELECT 2');
      }));
      expect(isDatabaseUnavailable(error)).toBe(true);
      expect(await db.query<{ ok: number }>('SELECT 1 AS ok')).toEqual([{ ok: 1 }]);
    } finally {
      await db.close();
      await scratch.drop();
    }
  });

  it('a session advisory lock lets one holder work at a time', async () => {
    const scratch = await createScratchDatabase(process.env.DATABASE_URL, 'dw_timeouts', 2);
    const other = openPostgres(scratch.url!, { maxConnections: 1 });
    try {
      const inner = await withAdvisoryLock(scratch.db, 4242, () => withAdvisoryLock(other, 4242, () => Promise.resolve('ran')));
      expect(inner).toEqual({ acquired: true, value: { acquired: false } });
      expect(await withAdvisoryLock(other, 4242, () => Promise.resolve('ran'))).toEqual({ acquired: true, value: 'ran' });
    } finally {
      await other.close();
      await scratch.drop();
    }
  });
});
