/**
 * The session cache (issue 18 item 4) keeps "log-out ends the session at once" across server processes: two
 * application instances on one PostgreSQL database, each with its own pool and its own cache (DW_SESSION_CACHE_MS
 * set, and a test clock that stands still, so that only the database's notification can explain a refusal). A log-out through one, and a
 * session ended by hand in the database, end the session in the other without waiting for the cache to expire;
 * while nothing changes, the other serves the session without asking the database.
 *
 * PostgreSQL only: PGlite is one process, has no LISTEN, and never caches (checked too). No timing is asserted:
 * the other instance is polled until it refuses.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CSRF_HEADER, CSRF_HEADER_VALUE } from './csrf.js';
import { sessionCacheOf } from './session-cache.js';
import { APP_ROLE, type Database } from '../db/database.js';
import { openPostgres } from '../db/postgres-database.js';
import { createApp, type App } from '../http/app.js';
import { createHarness, type Harness, type TestEmployee } from '../test-support/harness.js';
import { asOwner } from '../test-support/test-database.js';

const onServer = process.env.DATABASE_URL !== undefined && process.env.DATABASE_URL !== '';
// The harness's clock stands still, so a kept session never expires by time here: only a notification drops it.
const CACHE = { DW_SESSION_CACHE_MS: '10000' };

describe.skipIf(!onServer)('the session cache across two server instances (PostgreSQL)', () => {
  let h: Harness;
  let otherDb: Database;
  let other: App;
  let employee: TestEmployee;

  beforeAll(async () => {
    h = await createHarness(CACHE);
    otherDb = openPostgres(h.database.url!, { role: APP_ROLE, maxConnections: 4 });
    other = await createApp(h.config, { db: otherDb, masterKey: h.app.deps.masterKey, now: () => h.clock.now });
    employee = await h.employee({ role: 'care-professional' });
  });
  afterAll(async () => {
    await other?.close();
    await otherDb?.close();
    await h?.close();
  });

  const me = (app: App, cookie: string) => app.server.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie } });

  /** Asks `app` until it refuses the session (at most ~100 tries); returns the last status. */
  async function untilRefused(app: App, cookie: string): Promise<number> {
    let status = 0;
    for (let i = 0; i < 100; i++) {
      status = (await me(app, cookie)).statusCode;
      if (status === 401) break;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    return status;
  }

  it('serves a known session without asking the database', async () => {
    const cookie = await h.login(employee);
    expect((await me(other, cookie)).statusCode).toBe(200);
    const seen: string[] = [];
    // eslint-disable-next-line @typescript-eslint/unbound-method
    const { query } = otherDb;
    otherDb.query = <Row>(text: string, params?: readonly unknown[]): Promise<Row[]> => {
      seen.push(text);
      return query.call(otherDb, text, params) as Promise<Row[]>;
    };
    try {
      expect((await me(other, cookie)).statusCode).toBe(200);
    } finally {
      otherDb.query = query;
    }
    expect(seen.filter((text) => text.includes('FROM org.sessions s JOIN')), 'no session query').toEqual([]);
    expect(sessionCacheOf(otherDb)?.size).toBeGreaterThan(0);
  });

  it('ends the session in the other instance when it logs out in one', async () => {
    const cookie = await h.login(employee);
    expect((await me(other, cookie)).statusCode).toBe(200);
    expect((await me(other, cookie)).statusCode).toBe(200); // kept now
    const out = await h.app.server.inject({ method: 'POST', url: '/api/auth/logout', headers: { cookie, [CSRF_HEADER]: CSRF_HEADER_VALUE } });
    expect(out.statusCode).toBeLessThan(300);
    expect((await me(h.app, cookie)).statusCode, 'at once where it logged out').toBe(401);
    expect(await untilRefused(other, cookie), 'in the other instance, by the notification').toBe(401);
  });

  it('ends the session in both when the database ends it by hand (another process, no server involved)', async () => {
    const cookie = await h.login(employee);
    expect((await me(other, cookie)).statusCode).toBe(200);
    expect((await me(h.app, cookie)).statusCode).toBe(200);
    await asOwner(h.database, (owner) => owner.query('UPDATE org.sessions SET ended_at = now() WHERE employee_id = $1 AND ended_at IS NULL', [employee.id]));
    expect(await untilRefused(other, cookie)).toBe(401);
    expect(await untilRefused(h.app, cookie)).toBe(401);
  });

  it('drops a disabled employee\'s sessions in the other instance', async () => {
    const cookie = await h.login(employee);
    expect((await me(other, cookie)).statusCode).toBe(200);
    await asOwner(h.database, (owner) => owner.query('UPDATE org.employees SET active = false WHERE id = $1', [employee.id]));
    try {
      expect(await untilRefused(other, cookie)).toBe(401);
    } finally {
      await asOwner(h.database, (owner) => owner.query('UPDATE org.employees SET active = true WHERE id = $1', [employee.id]));
    }
  });
});

describe.skipIf(onServer)('the session cache on PGlite', () => {
  it('is never on: one process, no LISTEN; every request asks the database', async () => {
    const h = await createHarness(CACHE);
    try {
      expect(sessionCacheOf(h.database.db)).toBeUndefined();
    } finally {
      await h.close();
    }
  });
});
