/**
 * Several servers on one database (issue 17 item 7), as docs/operations.md describes them: three real server
 * processes (`node bin/dossierwijzer.js start`) started at once on one fresh PostgreSQL database, one master key,
 * each with its own data folder and its own checkpoints file in one folder. Checked:
 *   - they migrate the empty database one at a time (the advisory lock) and all three serve;
 *   - a session made on one is honoured by the others, and logging out on one ends it on all three at once;
 *   - 300 concurrent entry writes spread over the three are all acknowledged, each entry with its log row, and a
 *     timeline read on any server shows them all;
 *   - after they stop, `verify-log --checkpoints DIR` holds the one log against all three checkpoints streams.
 * In the crash suite because it needs the built CLI and a PostgreSQL server (`npm run test:crash`); it stops
 * nothing but its own processes.
 */
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
import { openPostgres } from '../db/postgres-database.js';
import { ensureEmployee, ensureOrganisation } from '../organisation/organisation-service.js';
import { expectEntriesMatchLog } from './entries-match-log.js';

const SERVER_URL = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const SERVERS = 3;
const WRITES = 300;
const PASSWORD = 'drie-servers-wachtwoord-2026';
const BIN = path.resolve(import.meta.dirname, '../../bin/dossierwijzer.js');

interface Server { child: ChildProcess; address: string; output: () => string }

let name: string;
let url: string;
let owner: Database | undefined;
let folder: string;
let checkpoints: string;
let masterKey: string;
const servers: Server[] = [];

function withDatabase(serverUrl: string, database: string): string {
  const parsed = new URL(serverUrl);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

/** The environment of server `index`: the shared database and key, its own data folder and checkpoints file. */
function envOf(index: number): NodeJS.ProcessEnv {
  return {
    ...process.env, DATABASE_URL: url, DW_MASTER_KEY: masterKey, DW_DATA_DIR: path.join(folder, `web${index}`),
    DW_LOG_CHECKPOINT_FILE: path.join(checkpoints, `web${index}.checkpoints`), DW_LOG_CHECKPOINT_SECONDS: '1',
    DW_DEMO: 'false', PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'warn', NODE_ENV: 'test',
    DW_MAX_QUEUED_REQUESTS: '10000', DW_MAX_QUEUE_WAIT_MS: '30000',
  };
}

function startServer(index: number): Promise<Server> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, 'start'], { env: envOf(index), stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /running at (http:\/\/\S+)/.exec(out);
      if (match !== null) resolve({ child, address: match[1]!, output: () => out });
    });
    child.stderr.on('data', (chunk: Buffer) => {
      out += chunk.toString();
    });
    child.once('exit', (code) => reject(new Error(`server ${index} exited with ${code}: ${out}`)));
  });
}

function stop(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) {
      resolve();
      return;
    }
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

const json = (cookie?: string) => ({ 'content-type': 'application/json', [CSRF_HEADER]: CSRF_HEADER_VALUE, ...(cookie === undefined ? {} : { cookie }) });

async function logIn(address: string, username: string, secret: string): Promise<string> {
  const step1 = await fetch(`${address}/api/auth/login`, { method: 'POST', headers: json(), body: JSON.stringify({ username, password: PASSWORD }) });
  const { challenge } = await step1.json() as { challenge: string };
  const step2 = await fetch(`${address}/api/auth/login/totp`, { method: 'POST', headers: json(), body: JSON.stringify({ challenge, code: totpCode(secret, timeStep(new Date())) }) });
  if (step2.status !== 200) throw new Error(`log-in failed: ${step2.status} ${await step2.text()}`);
  return (step2.headers.get('set-cookie') ?? '').split(';')[0]!;
}

beforeAll(async () => {
  name = `dw_three_${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;
  const admin = openPostgres(SERVER_URL, { maxConnections: 1 });
  await admin.exec(`CREATE DATABASE ${name}`);
  await admin.close();
  url = withDatabase(SERVER_URL, name);
  folder = await mkdtemp(path.join(os.tmpdir(), 'dw-three-'));
  checkpoints = path.join(folder, 'checkpoints');
  masterKey = randomBytes(32).toString('base64');
  // All three at once on the empty database: the first migrates, the others wait for its lock.
  servers.push(...await Promise.all(Array.from({ length: SERVERS }, (_, i) => startServer(i + 1))));
}, 180_000);

afterAll(async () => {
  await Promise.all(servers.map((s) => stop(s.child)));
  await owner?.close().catch(() => undefined);
  const admin = openPostgres(SERVER_URL, { maxConnections: 1 });
  await admin.exec(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`).catch(() => undefined);
  await admin.close();
  await rm(folder, { recursive: true, force: true });
});

describe('three servers on one database (docs/operations.md, "Several servers")', () => {
  it('share sessions, take writes side by side with their log rows, and verify-log holds the log against all three checkpoints streams', async () => {
    owner = openPostgres(url, { maxConnections: 2 });
    const migrations = await owner.query<{ n: number }>('SELECT count(*)::int AS n FROM public.schema_migrations');
    const files = (await readdir(path.resolve(import.meta.dirname, '../../migrations'))).filter((f) => f.endsWith('.sql'));
    expect(migrations[0]!.n).toBe(files.length); // each migration applied once, whichever server took it

    const organisationId = await ensureOrganisation(owner, 'Drie-servers-organisatie');
    const username = 'drie.hulpverlener';
    const employeeId = await ensureEmployee(owner, organisationId, { username, displayName: 'Drie Servers', functionTitle: 'Jeugdhulpverlener', role: 'care-professional', password: PASSWORD });
    const secret = newTotpSecret();
    await setTotpSecret(owner, Buffer.from(masterKey, 'base64'), employeeId, secret, new Date());
    const [first, second, third] = servers as [Server, Server, Server];

    // A session made on the first server is one the others know.
    const cookie = await logIn(first.address, username, secret);
    for (const server of servers) {
      const me = await fetch(`${server.address}/api/auth/me`, { headers: json(cookie) });
      expect(me.status, server.output()).toBe(200);
    }
    const created = await fetch(`${first.address}/api/clients`, {
      method: 'POST', headers: json(cookie),
      body: JSON.stringify({ familyName: 'Drieluik', givenNames: 'Sam', birthDate: '2012-03-04', gender: 'unknown', careStartedOn: '2026-01-05', streetAddress: 'Teststraat 3', postcode: '1234 AB', town: 'Utrecht' }),
    });
    expect(created.status, await created.clone().text()).toBe(201);
    const clientId = (await created.json() as { id: string }).id;

    // Writes spread over the three servers at once, as a load balancer would.
    const outcomes = await Promise.all(Array.from({ length: WRITES }, async (_, i) => {
      const server = servers[i % SERVERS]!;
      const response = await fetch(`${server.address}/api/clients/${clientId}/entries`, {
        method: 'POST', headers: json(cookie), body: JSON.stringify({ kind: 'conversation-report', text: `Verslag ${i} via server ${(i % SERVERS) + 1}`, source: { kind: 'care-professional' } }),
      });
      return { status: response.status, body: await response.json() as { id?: string } };
    }));
    expect(outcomes.filter((o) => o.status !== 201).map((o) => `${o.status} ${JSON.stringify(o.body)}`)).toEqual([]);
    const acknowledged = outcomes.map((o) => o.body.id!);
    await expectEntriesMatchLog(owner, clientId, acknowledged);
    // Any server reads what all three wrote.
    const ids = new Set<string>();
    for (let before: string | null | undefined; before !== null;) {
      const page = await fetch(`${third.address}/api/clients/${clientId}/entries?limit=200${before === undefined ? '' : `&before=${encodeURIComponent(before)}`}`, { headers: json(cookie) });
      expect(page.status).toBe(200);
      const body = await page.json() as { entries: { id: string }[]; nextCursor: string | null };
      for (const entry of body.entries) ids.add(entry.id);
      before = body.nextCursor;
    }
    expect(acknowledged.filter((id) => !ids.has(id))).toEqual([]);

    // Logging out on the second server ends the session on all three at once.
    expect((await fetch(`${second.address}/api/auth/logout`, { method: 'POST', headers: json(cookie), body: '{}' })).status).toBeLessThan(300);
    for (const server of servers) expect((await fetch(`${server.address}/api/auth/me`, { headers: json(cookie) })).status).toBe(401);

    // Each server wrote its own checkpoints stream; verify-log holds the one log against all of them.
    await new Promise((resolve) => setTimeout(resolve, 2_500)); // a checkpoint interval after the last write
    await Promise.all(servers.map((s) => stop(s.child)));
    expect((await readdir(checkpoints)).sort()).toEqual(['web1.checkpoints', 'web2.checkpoints', 'web3.checkpoints']);
    const verify = spawnSync(process.execPath, [BIN, 'verify-log', '--checkpoints', checkpoints], { env: envOf(1), encoding: 'utf8' });
    expect(verify.status, verify.stdout + verify.stderr).toBe(0);
    expect(verify.stdout).toContain('Access log intact');
  });
});
