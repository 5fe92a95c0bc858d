/**
 * Honest answers while the database is away, and health an operator can act on
 * (issue 17 item 4). The outage is real: the app's database is switched to a
 * pool pointed at a port where nothing listens, so every query fails the way
 * it does when PostgreSQL is down (ECONNREFUSED), on PGlite and PostgreSQL runs alike.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { appendAccessLog } from '../access/access-log-store.js';
import { appendCheckpoint, readChainHead } from '../access/log-checkpoints.js';
import { loadConfig } from '../config/config.js';
import type { Database } from '../db/database.js';
import { openPostgres } from '../db/postgres-database.js';
import { ensureOrganisation } from '../organisation/organisation-service.js';
import { unusedPort } from '../test-support/network.js';
import { switchableDatabase } from '../test-support/switchable-database.js';
import { createTestDatabase, type TestDatabase } from '../test-support/test-database.js';
import { createApp, type App } from './app.js';
import { PROBLEM_CONTENT_TYPE } from './problem.js';

interface Setup {
  app: App;
  database: TestDatabase;
  dead: Database;
  cut(): void;
  logs: () => Record<string, unknown>[];
  dataDir: string;
  clock: { now: Date };
}

let setup: Setup;
let dataDir: string;
// Each test builds its own migrated database (a fresh PGlite takes a while on a busy machine).
vi.setConfig({ testTimeout: 120_000 });

async function build(env: NodeJS.ProcessEnv = {}): Promise<Setup> {
  const database = await createTestDatabase();
  const dead = openPostgres(`postgres://nobody@127.0.0.1:${await unusedPort()}/nothing`, { connectTimeoutMs: 1_000 });
  const { db, switchOver: cut } = switchableDatabase(database.db, dead);
  const lines: string[] = [];
  const logStream = new Writable({ write(chunk: Buffer, _e, done) { lines.push(chunk.toString('utf8')); done(); } });
  const config = {
    ...loadConfig({ DW_DEMO: 'false', LOG_LEVEL: 'info', DW_DATA_DIR: dataDir, DW_READY_TIMEOUT_MS: '1000', ...env }),
    databaseUrl: database.url,
  };
  const clock = { now: new Date('2026-11-22T10:00:00Z') };
  const app = await createApp(config, { db, masterKey: randomBytes(32), now: () => clock.now, logStream });
  return { app, database, dead, cut, dataDir, clock, logs: () => lines.map((l) => JSON.parse(l) as Record<string, unknown>) };
}

beforeEach(async () => {
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'dw-health-'));
});
afterEach(async () => {
  await setup.app.close();
  await setup.dead.close();
  await setup.database.drop();
  await rm(dataDir, { recursive: true, force: true });
});

describe('while the database is unavailable', () => {
  it('every request answers 503 problem+json with Retry-After, and the log has one line per kind with a count, not one per request', async () => {
    setup = await build();
    setup.cut();
    const answers = await Promise.all(Array.from({ length: 25 }, () => setup.app.server.inject({
      method: 'GET', url: '/api/clients', cookies: { dw_session: 'a-session-that-needs-the-database' },
    })));
    for (const answer of answers) {
      expect(answer.statusCode).toBe(503);
      expect(answer.headers['content-type']).toBe(PROBLEM_CONTENT_TYPE);
      expect(answer.headers['retry-after']).toBe('5');
      expect(answer.json()).toMatchObject({ status: 503, code: 'database-unavailable', nl: expect.stringContaining('database') as string });
    }
    const outage = () => setup.logs().filter((l) => l.event === 'database-unavailable');
    expect(outage()).toHaveLength(1);
    expect(setup.logs().filter((l) => l.level === 50)).toHaveLength(1);
    // The count of the rest is written at the end of the interval, or when the server stops.
    await setup.app.close();
    expect(outage()).toHaveLength(2);
    expect(outage()[1]).toMatchObject({ count: 24 });
    expect(JSON.stringify(outage()[1])).not.toContain('stack');
  });
});

describe('/health/live and /health/ready', () => {
  it('live answers while the database is down; ready is green when all is well and names each failing check when the database is down', async () => {
    setup = await build();
    const live = await setup.app.server.inject({ method: 'GET', url: '/health/live' });
    expect(live.statusCode).toBe(200);
    expect(live.json()).toMatchObject({ status: 'live' });

    const ready = await setup.app.server.inject({ method: 'GET', url: '/health/ready' });
    expect(ready.json()).toMatchObject({ status: 'ready' });
    expect(ready.statusCode).toBe(200);
    for (const check of ['database', 'commit', 'pool', 'disk', 'checkpoints', 'migrations']) expect(ready.json().checks[check].ok, check).toBe(true);

    setup.cut();
    const down = await setup.app.server.inject({ method: 'GET', url: '/health/ready' });
    expect(down.statusCode).toBe(503);
    expect(down.headers['retry-after']).toBe('5');
    expect(down.json().failing).toEqual(expect.arrayContaining(['database', 'commit', 'migrations']));
    expect(down.json().checks.database.reason).toContain('ECONNREFUSED');
    expect((await setup.app.server.inject({ method: 'GET', url: '/health/live' })).statusCode).toBe(200);
    expect((await setup.app.server.inject({ method: 'GET', url: '/health' })).statusCode).toBe(503);
  });

  it('ready turns red when a commit stalls, and says so within its timeout', async () => {
    setup = await build({ DW_READY_TIMEOUT_MS: '500' });
    let release!: () => void;
    const released = new Promise<void>((resolve) => { release = resolve; });
    let holding: Promise<unknown>;
    let other: Database | undefined;
    if (setup.database.url === undefined) {
      // PGlite has one connection: a transaction that does not finish stalls everything behind it.
      let started!: () => void;
      const isStarted = new Promise<void>((resolve) => { started = resolve; });
      holding = setup.database.db.transaction(async () => { started(); await released; });
      await isStarted;
    } else {
      // PostgreSQL: another session holds the row the probe writes, as a commit waiting for a lost standby holds its locks.
      other = openPostgres(setup.database.url, { maxConnections: 1 });
      let locked!: () => void;
      const isLocked = new Promise<void>((resolve) => { locked = resolve; });
      holding = other.transaction(async (tx) => { await tx.query('SELECT 1 FROM ops.health_probe WHERE id = 1 FOR UPDATE'); locked(); await released; });
      await isLocked;
    }
    try {
      const started = Date.now();
      const stalled = await setup.app.server.inject({ method: 'GET', url: '/health/ready' });
      expect(Date.now() - started).toBeLessThan(3_000);
      expect(stalled.statusCode).toBe(503);
      expect(stalled.json().failing).toContain('commit');
      expect(stalled.json().checks.commit.reason).toContain('did not answer within 500 ms');
    } finally {
      release();
      await holding;
      await other?.close();
    }
    await expect.poll(async () => (await setup.app.server.inject({ method: 'GET', url: '/health/ready' })).statusCode, { timeout: 5_000 }).toBe(200);
  });

  it('ready turns red when the data folder cannot be written, and when the checkpoint file cannot', async () => {
    const notAFolder = path.join(dataDir, 'file');
    await writeFile(notAFolder, 'x');
    const checkpointFolder = path.join(dataDir, 'checkpoints-as-folder');
    await mkdir(checkpointFolder);
    setup = await build({ DW_DATA_DIR: notAFolder, DW_LOG_CHECKPOINT_FILE: checkpointFolder });
    const ready = await setup.app.server.inject({ method: 'GET', url: '/health/ready' });
    expect(ready.statusCode).toBe(503);
    expect(ready.json().failing).toEqual(['disk', 'checkpoints']);
    expect(ready.json().checks.disk.reason).toContain('ENOTDIR');
    expect(ready.json().checks.checkpoints.reason).toContain('EISDIR');
  });

  it('ready turns red when the log moved on and no checkpoint was written for twice the interval', async () => {
    const file = path.join(dataDir, 'access-log.checkpoints');
    setup = await build({ DW_LOG_CHECKPOINT_FILE: file, DW_LOG_CHECKPOINT_SECONDS: '60' });
    const head = await readChainHead(setup.database.db);
    await appendCheckpoint(file, { ...head, at: setup.clock.now.toISOString() });
    const organisationId = await ensureOrganisation(setup.database.db, `Health ${randomBytes(3).toString('hex')}`);
    await setup.database.db.transaction((tx) => appendAccessLog(tx, [{
      organisationId, employeeId: null, employeeRole: null, clientId: null, action: 'read', part: 'dossier',
      outcome: 'not-found', basis: 'care-relation', route: 'test', sessionId: null, address: null,
    }]));
    setup.clock.now = new Date(setup.clock.now.getTime() + 100_000);
    expect((await setup.app.server.inject({ method: 'GET', url: '/health/ready' })).statusCode).toBe(200);
    setup.clock.now = new Date(setup.clock.now.getTime() + 30_000);
    const stale = await setup.app.server.inject({ method: 'GET', url: '/health/ready' });
    expect(stale.statusCode).toBe(503);
    expect(stale.json().failing).toEqual(['checkpoints']);
    expect(stale.json().checks.checkpoints.reason).toContain('no checkpoint of the access log for 130 s');
    // A checkpoint of the new head makes it green again.
    await appendCheckpoint(file, { ...(await readChainHead(setup.database.db)), at: setup.clock.now.toISOString() });
    expect((await setup.app.server.inject({ method: 'GET', url: '/health/ready' })).statusCode).toBe(200);
  });
});

describe.runIf(process.env.DATABASE_URL !== undefined && process.env.DATABASE_URL !== '')('/health/ready on PostgreSQL', () => {
  it('turns red when the pool is used up, naming how many requests wait', async () => {
    setup = await build();
    const pool = openPostgres(setup.database.url!, { role: 'dossierwijzer_app', maxConnections: 1, connectTimeoutMs: 5_000 });
    const config = { ...setup.app.deps.config, readyTimeoutMs: 500 };
    const app = await createApp(config, { db: pool, masterKey: randomBytes(32) });
    let release!: () => void;
    const released = new Promise<void>((resolve) => { release = resolve; });
    let held!: () => void;
    const isHeld = new Promise<void>((resolve) => { held = resolve; });
    // A request holds the only connection (a stalled commit would), and another waits for it.
    const holding = pool.transaction(async () => { held(); await released; });
    try {
      await isHeld;
      const waiting = pool.query('SELECT 1');
      const ready = await app.server.inject({ method: 'GET', url: '/health/ready' });
      expect(ready.statusCode).toBe(503);
      expect(ready.json().failing).toContain('pool');
      expect(ready.json().checks.pool.reason).toMatch(/^pool exhausted: \d+ request\(s\) waiting for one of 1 connections$/);
      release();
      await holding;
      await waiting;
    } finally {
      release();
      await holding.catch(() => undefined);
      await app.close();
      await pool.close();
    }
  });
});
