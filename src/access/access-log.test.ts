/**
 * No unlogged access: when the access-log row cannot be written, the request
 * fails and nothing it did remains (the change and its log row are one
 * transaction; a read answers only after its log row is written).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/database.js';
import { APP_ROLE } from '../db/database.js';
import { openPostgres } from '../db/postgres-database.js';
import { createHarness, type Harness } from '../test-support/harness.js';
import { verifyLog } from './verify-log.js';

let h: Harness;
let clientId: string;
let cookie: string;

/** Runs `work` as the tables' owner (PGlite: leave the app role for a moment; server: a separate owner connection). */
async function asOwner(work: (owner: Pick<Database, 'exec'>) => Promise<void>): Promise<void> {
  if (h.database.url === undefined) {
    await h.database.db.exec('RESET ROLE');
    try {
      await work(h.database.db);
    } finally {
      await h.database.db.exec(`SET ROLE ${APP_ROLE}`);
    }
    return;
  }
  const owner = openPostgres(h.database.url, { maxConnections: 1 });
  try {
    await work(owner);
  } finally {
    await owner.close();
  }
}

async function counts(): Promise<{ entries: number; log: number }> {
  const [row] = await h.database.db.query<{ entries: number; log: number }>(
    'SELECT (SELECT count(*)::int FROM care.entries WHERE client_id = $1) AS entries, (SELECT count(*)::int FROM audit.access_log) AS log', [clientId]);
  return row!;
}

beforeAll(async () => {
  h = await createHarness();
  const holder = await h.employee({ role: 'care-professional' });
  clientId = await h.client({ age: 15, holder });
  cookie = await h.login(holder);
  const created = await h.request({ method: 'POST', url: `/api/clients/${clientId}/entries`, cookie, body: { kind: 'conversation-report', text: 'eerste gesprek', source: { kind: 'client' } } });
  expect(created.statusCode).toBe(201);
});
afterAll(async () => h.close());

describe('when the access log cannot be written', () => {
  it('a change fails and leaves nothing; a read fails without data; both work again once the log can be written', async () => {
    // The log refuses every row about this client, as a full disk or a broken constraint would.
    await asOwner((owner) => owner.exec(`ALTER TABLE audit.access_log ADD CONSTRAINT test_log_refuses CHECK (client_id IS DISTINCT FROM '${clientId}') NOT VALID`));
    try {
      const before = await counts();
      const write = await h.request({ method: 'POST', url: `/api/clients/${clientId}/entries`, cookie, body: { kind: 'conversation-report', text: 'zonder logregel', source: { kind: 'client' } } });
      expect(write.statusCode).toBeGreaterThanOrEqual(400);
      const read = await h.request({ method: 'GET', url: `/api/clients/${clientId}/entries`, cookie });
      expect(read.statusCode).toBeGreaterThanOrEqual(400);
      expect(read.body).not.toContain('eerste gesprek');
      expect(await counts()).toEqual(before);
    } finally {
      await asOwner((owner) => owner.exec('ALTER TABLE audit.access_log DROP CONSTRAINT test_log_refuses'));
    }
    const before = await counts();
    const read = await h.request({ method: 'GET', url: `/api/clients/${clientId}/entries`, cookie });
    expect(read.statusCode).toBe(200);
    expect(read.body).toContain('eerste gesprek');
    expect(await counts()).toEqual({ entries: before.entries, log: before.log + 1 });
    expect((await verifyLog(h.database.db)).ok).toBe(true);
  });
});

describe('reads logged together (log-group-commit.ts)', () => {
  it('give every one of many concurrent reads its own committed log row before it answers, and keep the chain intact', async () => {
    const before = await counts();
    const reads = await Promise.all(Array.from({ length: 25 }, () => h.request({ method: 'GET', url: `/api/clients/${clientId}/entries`, cookie })));
    expect(reads.map((r) => r.statusCode)).toEqual(Array.from({ length: 25 }, () => 200));
    expect((await counts()).log).toBe(before.log + 25);
    const rows = await h.database.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM audit.access_log WHERE client_id = $1 AND action = 'read' AND outcome = 'allowed' AND route = 'GET /api/clients/:clientId/entries'`, [clientId]);
    expect(rows[0]!.n).toBeGreaterThanOrEqual(25);
    expect((await verifyLog(h.database.db)).ok).toBe(true);
  });

  it('fail only the read whose row cannot be written, not the others in its batch', async () => {
    const holder = await h.employee({ role: 'care-professional' });
    const other = await h.client({ age: 9, holder });
    const otherCookie = await h.login(holder);
    await asOwner((owner) => owner.exec(`ALTER TABLE audit.access_log ADD CONSTRAINT test_log_refuses_one CHECK (client_id IS DISTINCT FROM '${clientId}') NOT VALID`));
    try {
      const [refused, ...fine] = await Promise.all([
        h.request({ method: 'GET', url: `/api/clients/${clientId}/entries`, cookie }),
        ...Array.from({ length: 5 }, () => h.request({ method: 'GET', url: `/api/clients/${other}/entries`, cookie: otherCookie })),
      ]);
      expect(refused.statusCode).toBeGreaterThanOrEqual(400);
      expect(refused.body).not.toContain('eerste gesprek');
      expect(fine.map((r) => r.statusCode)).toEqual([200, 200, 200, 200, 200]);
    } finally {
      await asOwner((owner) => owner.exec('ALTER TABLE audit.access_log DROP CONSTRAINT test_log_refuses_one'));
    }
  });
});
