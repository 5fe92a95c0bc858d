/**
 * Export progress answered by any server (issue 17 item 7): with several
 * servers on one database, a poll of `GET /api/exports/progress/{id}` that
 * reached another server than the one making the export answered 404, because
 * the progress lived only in that server's memory. Now the server making the
 * export writes it to `org.export_progress` (migrations/0082) and the other
 * server reads it there.
 *
 * Two servers: the harness's app, and a second app from a module graph of its
 * own (`vi.resetModules`), so it shares no memory with the first — as a second
 * process would not — and with its own connections to the same database. That
 * needs PostgreSQL (a PGlite database has one handle in one process); on PGlite
 * the store itself is tested.
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { App } from '../http/app.js';
import { createHarness, type Harness } from '../test-support/harness.js';
import pg from 'pg';
import { PROGRESS_HEADER, progressOf, progressShared, settleProgress, sharedProgressFor } from './export-progress.js';
import { readStoredProgress, startStoredProgress, writeStoredProgress } from './export-progress-store.js';

vi.setConfig({ testTimeout: 120_000, hookTimeout: 120_000 });

const onServer = process.env.DATABASE_URL !== undefined && process.env.DATABASE_URL !== '';
let h: Harness;
let cookie: string;
let holderId: string;
let clientId: string;
let requestId: string;
const ENTRIES = 120;

beforeAll(async () => {
  h = await createHarness();
  const holder = await h.employee({ role: 'care-professional' });
  holderId = holder.id;
  cookie = await h.login(holder);
  clientId = await h.client({ age: 17, holder });
  for (let i = 0; i < ENTRIES; i++) {
    await h.request({ method: 'POST', url: `/api/clients/${clientId}/entries`, cookie, body: { kind: 'plan', text: `Stap ${i}`, source: { kind: 'care-professional' } } });
  }
  requestId = (await h.request({ method: 'POST', url: `/api/clients/${clientId}/requests`, cookie, body: { kind: 'copy', channel: 'written', receivedOn: '2026-11-20', details: 'Kopie.' } })).json().id;
  await h.request({ method: 'POST', url: `/api/clients/${clientId}/requests/${requestId}/decision`, cookie, body: { outcome: 'granted', reasons: '' } });
});
afterAll(async () => h.close());

describe('export progress in the database (org.export_progress)', () => {
  it('is written by the server making the export: the database holds the end state, for its employee only', async () => {
    const progressId = randomUUID();
    const exported = await h.request({ method: 'GET', url: `/api/clients/${clientId}/requests/${requestId}/copy.pdf`, cookie, headers: { [PROGRESS_HEADER]: progressId } });
    expect(exported.statusCode).toBe(200);
    await progressShared(progressId);
    const owner = { id: progressId, organisationId: h.organisationId, employeeId: holderId };
    expect(await readStoredProgress(h.database.db, owner)).toEqual({ phase: 'done', done: ENTRIES, total: ENTRIES });
    expect(await readStoredProgress(h.database.db, { ...owner, employeeId: randomUUID() })).toBeUndefined();
    // Another organisation's scope sees no row of this one (row-level security).
    expect(await readStoredProgress(h.database.db, { ...owner, organisationId: randomUUID() })).toBeUndefined();
  });

  it('keeps someone else\'s id theirs, and forgets what expired (by the database\'s clock)', async () => {
    const id = randomUUID();
    const [mine, theirs] = [randomUUID(), randomUUID()];
    const owner = { id, organisationId: h.organisationId, employeeId: mine };
    expect(await startStoredProgress(h.database.db, owner)).toBe(true);
    await writeStoredProgress(h.database.db, owner, { phase: 'render', done: 3, total: 9 });
    expect(await startStoredProgress(h.database.db, { ...owner, employeeId: theirs })).toBe(false);
    expect(await readStoredProgress(h.database.db, owner)).toEqual({ phase: 'render', done: 3, total: 9 });
    expect(await readStoredProgress(h.database.db, { ...owner, employeeId: theirs })).toBeUndefined();
  });
});

describe.skipIf(!onServer)('two servers on one database', () => {
  let second: App;
  const poll = (progressId: string, as = cookie) => second.server.inject({ method: 'GET', url: `/api/exports/progress/${progressId}`, headers: { cookie: as } });

  beforeAll(async () => {
    vi.resetModules();
    const { createApp } = await import('../http/app.js');
    const dir = mkdtempSync(path.join(tmpdir(), 'dw-progress-'));
    // Its own connections (no db override); no checkpoints, no sweep: only the requests matter here.
    second = await createApp({ ...h.config, dataDir: dir, logCheckpointFile: path.join(dir, 'access-log.checkpoints'), logCheckpointSeconds: 0, retentionSweepHours: 0 },
      { masterKey: h.app.deps.masterKey, now: () => h.clock.now });
  });
  afterAll(async () => second?.close());

  it('a poll that reaches the other server is answered while the export runs, never goes back, and ends done', async () => {
    const progressId = randomUUID();
    let finished = false;
    const exported = h.request({ method: 'GET', url: `/api/clients/${clientId}/requests/${requestId}/copy.pdf`, cookie, headers: { [PROGRESS_HEADER]: progressId } })
      .finally(() => { finished = true; });
    const seen: { phase: string; done: number }[] = [];
    while (!finished) {
      const response = await poll(progressId);
      expect([200, 404]).toContain(response.statusCode);
      if (response.statusCode === 200) seen.push(response.json());
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    expect((await exported).statusCode).toBe(200);
    const order = ['read', 'render', 'done'];
    for (let i = 1; i < seen.length; i++) {
      const [a, b] = [seen[i - 1]!, seen[i]!];
      expect(order.indexOf(b.phase) > order.indexOf(a.phase) || (a.phase === b.phase && b.done >= a.done), JSON.stringify([a, b])).toBe(true);
    }
    await vi.waitFor(async () => expect((await poll(progressId)).json()).toEqual({ phase: 'done', done: ENTRIES, total: ENTRIES }), { timeout: 10_000, interval: 100 });
    // Only for whoever started it, on the other server too.
    const colleague = await h.login(await h.employee({ role: 'care-professional' }));
    expect((await poll(progressId, colleague)).statusCode).toBe(404);
  });

  it('the progress of a failed export is forgotten on the other server too', async () => {
    const progressId = randomUUID();
    const failed = await h.request({ method: 'GET', url: `/api/clients/${clientId}/requests/${randomUUID()}/copy.pdf`, cookie, headers: { [PROGRESS_HEADER]: progressId } });
    expect(failed.statusCode).toBe(404);
    await vi.waitFor(async () => expect((await poll(progressId)).statusCode).toBe(404), { timeout: 10_000, interval: 100 });
  });

  it('a failed export is unknown to its own server at once, even while the database has not yet deleted its row', async () => {
    // Found in the whole PostgreSQL suite: the row's delete runs in the background, and a poll that reached the
    // database first still answered 200. Another connection holds a SHARE lock, so the delete waits while reads do not.
    const progressId = randomUUID();
    const request = { headers: { [PROGRESS_HEADER]: progressId } };
    const shared = { db: h.database.db, organisationId: h.organisationId };
    progressOf(request, holderId, shared).report('read', 1, 10);
    await progressShared(progressId);
    const locker = new pg.Client({ connectionString: h.config.databaseUrl });
    await locker.connect();
    try {
      await locker.query('BEGIN');
      await locker.query('LOCK TABLE org.export_progress IN SHARE MODE');
      settleProgress(request, true);
      expect(await sharedProgressFor(progressId, holderId, shared)).toBeUndefined();
    } finally {
      await locker.query('ROLLBACK');
      await locker.end();
    }
  });
});
