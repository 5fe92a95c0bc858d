/**
 * Crash test (issue 8 §2), `npm run test:crash` (vitest.crash.config.ts): the real server (the built
 * CLI, `node bin/dossierwijzer.js start`) on a real PostgreSQL server, 1,000
 * concurrent entry writes, and in the middle of them
 *   1. the server killed with SIGKILL and started again;
 *   2. PostgreSQL itself stopped with `-m immediate` (a simulated power cut
 *      of the database) and started again.
 * Afterwards: every write that was answered 2xx is present with its
 * access-log row, no entry exists without its log row or the reverse, and
 * `dossierwijzer verify-log` passes.
 *
 * It stops the machine's PostgreSQL cluster, so it never runs inside
 * `npm test` (whose files run in parallel on that server).
 */
import { expectEntriesMatchLog } from './entries-match-log.js';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CSRF_HEADER, CSRF_HEADER_VALUE } from '../auth/csrf.js';
import { setTotpSecret } from '../auth/second-factor.js';
import { newTotpSecret, timeStep, totpCode } from '../auth/totp.js';
import type { Database } from '../db/database.js';
import { openMigratedPostgres } from '../db/open-database.js';
import { openPostgres } from '../db/postgres-database.js';
import { ensureEmployee, ensureOrganisation } from '../organisation/organisation-service.js';

const SERVER_URL = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const WRITES = 1000;
const PASSWORD = 'crash-test-password-2026';
const BIN = path.resolve(import.meta.dirname, '../../bin/dossierwijzer.js');

let name: string;
let url: string;
let owner: Database;
let dataDir: string;
let env: NodeJS.ProcessEnv;
let cookie: string;
let clientId: string;

function withDatabase(serverUrl: string, database: string): string {
  const parsed = new URL(serverUrl);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

/** Starts the server as a child process and resolves with its address once it listens. */
function startServer(): Promise<{ child: ChildProcess; address: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, 'start'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /running at (http:\/\/\S+)/.exec(out);
      if (match !== null) resolve({ child, address: match[1]! });
    });
    child.stderr.on('data', (chunk: Buffer) => {
      err += chunk.toString();
    });
    child.once('exit', (code, signal) => {
      if (code !== 0 && signal !== 'SIGKILL' && signal !== 'SIGTERM') process.stderr.write(`server exited unexpectedly (${code ?? signal}): ${err}\n`);
      reject(new Error(`server exited with ${code}: ${err}`));
    });
  });
}

function stopped(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve();
    else child.once('exit', () => resolve());
  });
}

async function logIn(address: string, employee: { id: string; username: string }, secret: string): Promise<string> {
  // A code is accepted once per time step; the test logs in more often than every 30 s.
  await owner.query('UPDATE org.employees SET totp_last_step = NULL WHERE id = $1', [employee.id]);
  const headers = { 'content-type': 'application/json', [CSRF_HEADER]: CSRF_HEADER_VALUE };
  const step1 = await fetch(`${address}/api/auth/login`, { method: 'POST', headers, body: JSON.stringify({ username: employee.username, password: PASSWORD }) });
  const { challenge } = await step1.json() as { challenge: string };
  const step2 = await fetch(`${address}/api/auth/login/totp`, { method: 'POST', headers, body: JSON.stringify({ challenge, code: totpCode(secret, timeStep(new Date())) }) });
  if (step2.status !== 200) throw new Error(`log-in failed: ${step2.status}`);
  return (step2.headers.get('set-cookie') ?? '').split(';')[0]!;
}

interface WriteOutcome {
  acknowledged: string[];
  failed: number;
  /** What the first failed write got, for the report when too few succeed. */
  firstFailure: string | undefined;
}

/**
 * Sends WRITES entry writes at once; calls `disrupt` once `after` of them
 * have been answered. Returns the ids of the entries answered 2xx.
 */
async function writeUnderFire(address: string, after: number, disrupt: () => void): Promise<WriteOutcome> {
  const acknowledged: string[] = [];
  let answered = 0;
  let failed = 0;
  let disrupted = false;
  let firstFailure: string | undefined;
  const headers = { 'content-type': 'application/json', cookie, [CSRF_HEADER]: CSRF_HEADER_VALUE };
  await Promise.all(Array.from({ length: WRITES }, async (_, i) => {
    try {
      const response = await fetch(`${address}/api/clients/${clientId}/entries`, {
        method: 'POST', headers, body: JSON.stringify({ kind: 'conversation-report', text: `Gespreksverslag ${i} onder belasting`, source: { kind: 'care-professional' } }),
      });
      const body = await response.json() as { id?: string };
      if (response.status >= 200 && response.status < 300 && body.id !== undefined) acknowledged.push(body.id);
      else {
        failed += 1;
        firstFailure ??= `${response.status} ${JSON.stringify(body)}`;
      }
    } catch (error) {
      failed += 1;
      firstFailure ??= String(error);
    } finally {
      answered += 1;
      if (!disrupted && answered >= after) {
        disrupted = true;
        disrupt();
      }
    }
  }));
  return { acknowledged, failed, firstFailure };
}

/** The promises: acknowledged entries exist, entries and their log rows match one to one, the chain verifies. */
async function expectConsistent(acknowledged: readonly string[]): Promise<void> {
  await expectEntriesMatchLog(owner, clientId, acknowledged);
  const verify = spawnSync(process.execPath, [BIN, 'verify-log'], { env, encoding: 'utf8' });
  expect(verify.status, verify.stdout + verify.stderr).toBe(0);
  expect(verify.stdout).toContain('Access log intact');
}

beforeAll(async () => {
  name = `dw_crash_${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;
  const admin = openPostgres(SERVER_URL, { maxConnections: 1 });
  await admin.exec(`CREATE DATABASE ${name}`);
  await admin.close();
  url = withDatabase(SERVER_URL, name);
  (await openMigratedPostgres(url, 1)).db.close().catch(() => undefined);
  owner = openPostgres(url, { maxConnections: 2 });
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'dw-crash-'));
  env = {
    ...process.env, DATABASE_URL: url, DW_DATA_DIR: dataDir, DW_MASTER_KEY: randomBytes(32).toString('base64'),
    DW_DEMO: 'false', PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'warn', DW_LOG_CHECKPOINT_SECONDS: '1', NODE_ENV: 'test',
    // The writes under fire must reach the database: admission control (issue 18) would answer most of them 503 at once.
    DW_MAX_QUEUED_REQUESTS: '100000', DW_MAX_QUEUE_WAIT_MS: '30000',
  };
  const organisationId = await ensureOrganisation(owner, 'Crashtest-organisatie');
  const employee = { username: 'crash.hulpverlener', id: '' };
  employee.id = await ensureEmployee(owner, organisationId, { username: employee.username, displayName: 'Crash Test', functionTitle: 'Jeugdhulpverlener', role: 'care-professional', password: PASSWORD });
  const secret = newTotpSecret();
  await setTotpSecret(owner, Buffer.from(env.DW_MASTER_KEY!, 'base64'), employee.id, secret, new Date());
  const { child, address } = await startServer();
  cookie = await logIn(address, employee, secret);
  const created = await fetch(`${address}/api/clients`, {
    method: 'POST', headers: { 'content-type': 'application/json', cookie, [CSRF_HEADER]: CSRF_HEADER_VALUE },
    body: JSON.stringify({ familyName: 'Belasting', givenNames: 'Sam', birthDate: '2012-03-04', gender: 'unknown', careStartedOn: '2026-01-05', streetAddress: 'Teststraat 1', postcode: '1234 AB', town: 'Utrecht' }),
  });
  const body = await created.json() as { id: string };
  if (created.status !== 201) throw new Error(`client creation failed: ${created.status} ${JSON.stringify(body)}`);
  clientId = body.id;
  child.kill('SIGTERM');
  await stopped(child);
}, 120_000);

afterAll(async () => {
  await owner.close().catch(() => undefined);
  const admin = openPostgres(SERVER_URL, { maxConnections: 1 });
  await admin.exec(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`).catch(() => undefined);
  await admin.close();
  await rm(dataDir, { recursive: true, force: true });
});

describe('a crash in the middle of 1,000 concurrent writes', () => {
  it('kill -9 of the server: every acknowledged write is there with its log row, and the log verifies', async () => {
    const { child, address } = await startServer();
    const outcome = await writeUnderFire(address, 300, () => child.kill('SIGKILL'));
    await stopped(child);
    expect(outcome.acknowledged.length, outcome.firstFailure).toBeGreaterThanOrEqual(300 - 50);
    expect(outcome.failed).toBeGreaterThan(0);
    const restarted = await startServer();
    const health = await fetch(`${restarted.address}/api/clients/${clientId}/entries?limit=1`, { headers: { cookie } });
    expect(health.status).toBe(200);
    restarted.child.kill('SIGTERM');
    await stopped(restarted.child);
    await expectConsistent(outcome.acknowledged);
  }, 300_000);

  it('an immediate stop of PostgreSQL: the same, and the server carries on once the database is back', async () => {
    const cluster = (await readdir('/etc/postgresql'))[0]!;
    const { child, address } = await startServer();
    let restart: Promise<void> | undefined;
    const outcome = await writeUnderFire(address, 300, () => {
      const stop = spawnSync('pg_ctlcluster', ['--skip-systemctl-redirect', cluster, 'main', 'stop', '-m', 'immediate'], { encoding: 'utf8' });
      if (stop.status !== 0) throw new Error(`could not stop PostgreSQL: ${stop.stderr}`);
      restart = new Promise((resolve) => setTimeout(() => {
        spawnSync('pg_ctlcluster', ['--skip-systemctl-redirect', cluster, 'main', 'start'], { encoding: 'utf8' });
        resolve();
      }, 2000));
    });
    await restart;
    for (let i = 0; i < 30 && spawnSync('pg_isready', ['-h', '127.0.0.1', '-p', '5432', '-q']).status !== 0; i++) await new Promise((r) => setTimeout(r, 1000));
    expect(outcome.failed).toBeGreaterThan(0);
    // The same server process, reconnected: it reads and writes again.
    let status = 0;
    for (let i = 0; i < 20 && status !== 201; i++) {
      const response = await fetch(`${address}/api/clients/${clientId}/entries`, {
        method: 'POST', headers: { 'content-type': 'application/json', cookie, [CSRF_HEADER]: CSRF_HEADER_VALUE },
        body: JSON.stringify({ kind: 'conversation-report', text: 'Na de herstart', source: { kind: 'care-professional' } }),
      });
      status = response.status;
      const body = await response.json() as { id?: string };
      if (status === 201 && body.id !== undefined) outcome.acknowledged.push(body.id);
      else await new Promise((r) => setTimeout(r, 500));
    }
    expect(status).toBe(201);
    child.kill('SIGTERM');
    await stopped(child);
    await expectConsistent(outcome.acknowledged);
  }, 300_000);
});
