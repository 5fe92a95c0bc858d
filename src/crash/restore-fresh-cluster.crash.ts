/**
 * Crash test (issue 17 item 1), `npm run test:crash`: a backup restored into a
 * fresh PostgreSQL cluster, following docs/operations.md "Restore → Step by
 * step (PostgreSQL)" literally. The issue's finding: restoring into a fresh
 * cluster failed with 62 GRANT errors and a crash (role dossierwijzer_app does
 * not exist).
 *
 * The built CLI (`node bin/dossierwijzer.js`) throughout:
 *   1. a database of its own on the shared server (DATABASE_URL): the server
 *      starts, a client is registered; `backup FILE`; the server writes more
 *      (another client), so the checkpoints file pins rows the backup lacks;
 *   2. a throwaway cluster (initdb, throwaway-cluster.ts): as its superuser the
 *      owner role and an empty database owned by it (the docs' *Installing*);
 *      `restore FILE --by "J. Jansen"` as the owner with the same master key
 *      and checkpoints file; then the login role `dossierwijzer_web`;
 *   3. the server started on the restored database with both URLs: log in,
 *      register a client; `verify-log` passes and reports the signed restore
 *      and the rows lost with it.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CSRF_HEADER, CSRF_HEADER_VALUE } from '../auth/csrf.js';
import { setTotpSecret } from '../auth/second-factor.js';
import { newTotpSecret, timeStep, totpCode } from '../auth/totp.js';
import type { Database } from '../db/database.js';
import { openMigratedPostgres } from '../db/open-database.js';
import { SYSTEM_SCOPE, withDefaultScope } from '../db/organisation-scope.js';
import { openPostgres } from '../db/postgres-database.js';
import { ensureEmployee, ensureOrganisation } from '../organisation/organisation-service.js';
import { startThrowawayCluster, type ThrowawayCluster } from './throwaway-cluster.js';

const SERVER_URL = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const BIN = path.resolve(import.meta.dirname, '../../bin/dossierwijzer.js');
const PASSWORD = 'herstel-test-wachtwoord-2026';
const USERNAME = 'herstel.hulpverlener';
/** The docs' role names and passwords (docs/operations.md, *Installing*). */
const OWNER = { role: 'dossierwijzer_owner', password: 'owner-secret' };
const WEB = { role: 'dossierwijzer_web', password: 'web-secret' };

let sourceName: string;
let sourceUrl: string;
let dataDir: string;
let backupFile: string;
let masterKey: string;
let secret: string;
let cluster: ThrowawayCluster | undefined;

function withDatabase(serverUrl: string, database: string): string {
  const parsed = new URL(serverUrl);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

/** The environment of a server (or a command) on `databaseUrl`, with the same data folder, master key and checkpoints file throughout. */
function environment(databaseUrl: string, migrationUrl?: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {
    ...process.env, DATABASE_URL: databaseUrl, DW_DATA_DIR: dataDir, DW_MASTER_KEY: masterKey,
    DW_DEMO: 'false', PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'warn', DW_LOG_CHECKPOINT_SECONDS: '1', NODE_ENV: 'test',
  };
  if (migrationUrl === undefined) delete env.DATABASE_MIGRATION_URL;
  else env.DATABASE_MIGRATION_URL = migrationUrl;
  return env;
}

function cli(args: readonly string[], env: NodeJS.ProcessEnv): { code: number | null; out: string; err: string } {
  const result = spawnSync(process.execPath, [BIN, ...args], { env, encoding: 'utf8' });
  return { code: result.status, out: result.stdout, err: result.stderr };
}

/** Starts the server as a child process and resolves with its address once it listens. */
function startServer(env: NodeJS.ProcessEnv): Promise<{ child: ChildProcess; address: string }> {
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
    child.once('exit', (code) => reject(new Error(`server exited with ${code}: ${err}`)));
  });
}

async function stop(child: ChildProcess): Promise<void> {
  const exited = new Promise<void>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve();
    else child.once('exit', () => resolve());
  });
  child.kill('SIGTERM');
  await exited;
}

/** Logs in (password and second factor) and registers a client; the owner's handle resets the used TOTP step. */
async function registerClient(address: string, owner: Database, familyName: string): Promise<void> {
  await owner.query('UPDATE org.employees SET totp_last_step = NULL WHERE username = $1', [USERNAME]);
  const headers = { 'content-type': 'application/json', [CSRF_HEADER]: CSRF_HEADER_VALUE };
  const step1 = await fetch(`${address}/api/auth/login`, { method: 'POST', headers, body: JSON.stringify({ username: USERNAME, password: PASSWORD }) });
  const { challenge } = await step1.json() as { challenge: string };
  const step2 = await fetch(`${address}/api/auth/login/totp`, { method: 'POST', headers, body: JSON.stringify({ challenge, code: totpCode(secret, timeStep(new Date())) }) });
  expect(step2.status).toBe(200);
  const cookie = (step2.headers.get('set-cookie') ?? '').split(';')[0]!;
  const created = await fetch(`${address}/api/clients`, {
    method: 'POST', headers: { ...headers, cookie },
    body: JSON.stringify({ familyName, givenNames: 'Sam', birthDate: '2012-03-04', gender: 'unknown', careStartedOn: '2026-01-05', streetAddress: 'Teststraat 1', postcode: '1234 AB', town: 'Utrecht' }),
  });
  expect(created.status, await created.clone().text()).toBe(201);
}

/** Starts the server on `env`, registers a client, stops it (which writes a checkpoint). */
async function serveAndWrite(env: NodeJS.ProcessEnv, owner: Database, familyName: string): Promise<void> {
  const { child, address } = await startServer(env);
  try {
    await registerClient(address, owner, familyName);
  } finally {
    await stop(child);
  }
}

beforeAll(async () => {
  sourceName = `dw_restore_fresh_${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;
  const admin = openPostgres(SERVER_URL, { maxConnections: 1 });
  try {
    await admin.exec(`CREATE DATABASE ${sourceName}`);
  } finally {
    await admin.close();
  }
  sourceUrl = withDatabase(SERVER_URL, sourceName);
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'dw-restore-fresh-'));
  backupFile = path.join(dataDir, 'nightly.backup');
  masterKey = randomBytes(32).toString('base64');
  // Fixtures across organisations, as the tests' scratch databases do (row-level security, migration 0056).
  const owner = withDefaultScope((await openMigratedPostgres(sourceUrl, 1)).db, SYSTEM_SCOPE);
  try {
    const organisationId = await ensureOrganisation(owner, 'Hersteltest-organisatie');
    const employeeId = await ensureEmployee(owner, organisationId, {
      username: USERNAME, displayName: 'Herstel Test', functionTitle: 'Jeugdhulpverlener', role: 'care-professional', password: PASSWORD,
    });
    secret = newTotpSecret();
    await setTotpSecret(owner, Buffer.from(masterKey, 'base64'), employeeId, secret, new Date());
  } finally {
    await owner.close();
  }
  const [major] = spawnSync('psql', ['-X', '-A', '-t', '-c', 'SHOW server_version_num', SERVER_URL], { encoding: 'utf8' }).stdout.trim().match(/^\d+(?=\d{4}$)/) ?? [];
  cluster = await startThrowawayCluster(major === undefined ? undefined : Number(major));
}, 120_000);

afterAll(async () => {
  await cluster?.remove();
  const admin = openPostgres(SERVER_URL, { maxConnections: 1 });
  await admin.exec(`DROP DATABASE IF EXISTS ${sourceName} WITH (FORCE)`).catch(() => undefined);
  await admin.close();
  await rm(dataDir, { recursive: true, force: true });
});

describe('restore into a fresh cluster, as docs/operations.md says (issue 17 item 1)', () => {
  it('backup, write more, restore into a new cluster, start, write: verify-log passes and reports the signed restore', async () => {
    // 1. The running installation: served, backed up, and written to after the backup.
    const source = withDefaultScope(openPostgres(sourceUrl, { maxConnections: 1 }), SYSTEM_SCOPE);
    try {
      await serveAndWrite(environment(sourceUrl), source, 'Voor-de-backup');
      const backup = cli(['backup', backupFile], environment(sourceUrl));
      expect(backup.err).toBe('');
      expect(backup.code).toBe(0);
      await serveAndWrite(environment(sourceUrl), source, 'Na-de-backup');
    } finally {
      await source.close();
    }
    const before = cli(['verify-log'], environment(sourceUrl));
    expect(before.code, before.err).toBe(0);

    // 2. The fresh cluster, step by step: the owner and an empty database owned by it (step 2), the same master key (step 3)
    //    — dossierwijzer_app does not exist yet.
    const fresh = cluster!;
    fresh.superuser(`CREATE ROLE ${OWNER.role} LOGIN CREATEROLE PASSWORD '${OWNER.password}'`);
    fresh.superuser(`CREATE DATABASE dossierwijzer OWNER ${OWNER.role}`);
    expect(fresh.superuser(`SELECT count(*) FROM pg_roles WHERE rolname = 'dossierwijzer_app'`).trim()).toBe('0');
    // Step 4: restore and record it, as the owner (DATABASE_URL names the login that does not exist yet).
    const ownerUrl = fresh.url(OWNER.role, OWNER.password, 'dossierwijzer');
    const restore = cli(['restore', backupFile, '--by', 'J. Jansen'], environment(`postgres://${WEB.role}@127.0.0.1:${fresh.port}/dossierwijzer`, ownerUrl));
    expect(restore.err).toBe('');
    expect(restore.code).toBe(0);
    expect(restore.out).toMatch(/Restore recorded: the database is at the backup of .*; access log up to row \d+\./);
    expect(restore.out).toMatch(/by J\. Jansen, signed under master key [0-9a-f]{16}/);
    // Everything belongs to the owner; the application role has its privileges again.
    expect(fresh.superuser(`SELECT count(*) FROM pg_tables WHERE schemaname IN ('audit', 'care', 'org') AND tableowner <> '${OWNER.role}'`, 'dossierwijzer').trim()).toBe('0');
    expect(fresh.superuser(`SELECT has_table_privilege('dossierwijzer_app', 'audit.access_log', 'INSERT')`, 'dossierwijzer').trim()).toBe('t');
    // Step 5: the login again.
    fresh.superuser(`CREATE ROLE ${WEB.role} LOGIN PASSWORD '${WEB.password}' IN ROLE dossierwijzer_app`);

    // 3. Step 7: start the server with both URLs, write, verify.
    const served = environment(fresh.url(WEB.role, WEB.password, 'dossierwijzer'), ownerUrl);
    const owner = withDefaultScope(openPostgres(ownerUrl, { maxConnections: 1 }), SYSTEM_SCOPE);
    try {
      await serveAndWrite(served, owner, 'Na-het-terugzetten');
      const [count] = await owner.query<{ n: string }>('SELECT count(*) AS n FROM formal.clients');
      expect(Number(count!.n)).toBe(2); // the one from before the backup, and the one after the restore
    } finally {
      await owner.close();
    }
    const verify = cli(['verify-log'], served);
    expect(verify.err).toBe('');
    expect(verify.code).toBe(0);
    expect(verify.out).toMatch(/^Access log intact: \d+ rows verified/);
    expect(verify.out).toMatch(
      /Restored on .* by J\. Jansen, from nightly\.backup \[signature valid\]; rows \d+–\d+ \(at least\) written before the restore were lost with it/u);
  }, 300_000);
});
