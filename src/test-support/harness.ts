/**
 * The test harness: a real app on a fresh database (PGlite, or PostgreSQL
 * when DATABASE_URL is set), a fixed clock (that a test may move through
 * `clock`), captured logs, and named fixtures (`employee({ role })`,
 * `client({ age })`, `login(...)`).
 *
 * `login()` goes through the real two-step log-in: password, then a TOTP code
 * computed from the secret the harness gave the employee (it plays the
 * authenticator app). Because the clock stands still, the harness forgets the
 * employee's last used time step before each log-in, so logging in twice in
 * one test does not trip the replay guard; the auth tests exercise that guard
 * with their own requests. `request()` adds the CSRF header to state-changing
 * requests unless the caller's `headers` name it (an empty value leaves it out).
 */
import { randomBytes } from 'node:crypto';
import { Writable } from 'node:stream';
import type { LightMyRequestResponse } from 'fastify';
import { isValidBsn } from '../clients/bsn.js';
import { loadConfig, type Config } from '../config/config.js';
import { CSRF_HEADER, CSRF_HEADER_VALUE } from '../auth/csrf.js';
import { setTotpSecret } from '../auth/second-factor.js';
import { newTotpSecret, timeStep, totpCode } from '../auth/totp.js';
import { createApp, type App } from '../http/app.js';
import type { EmployeeRole, CareRelation } from '../organisation/employee-roles.js';
import { addToCareTeam, ensureEmployee, ensureOrganisation } from '../organisation/organisation-service.js';
import { createTestDatabase, type TestDatabase } from './test-database.js';

export const TEST_PASSWORD = 'correct-horse-battery-staple';
/** The harness's "today": fixed, so ages and deadlines are reproducible. */
export const TEST_NOW = new Date('2026-11-22T10:00:00+01:00');

/** The harness's clock: `now` starts at TEST_NOW; a test may set or advance it (and should put it back). */
export interface TestClock {
  now: Date;
  advance(ms: number): void;
  reset(): void;
}

export type RequestMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface Harness {
  app: App;
  clock: TestClock;
  database: TestDatabase;
  config: Config;
  organisationId: string;
  logs: string[];
  employee(options: { role: EmployeeRole; name?: string; organisationId?: string }): Promise<TestEmployee>;
  login(employee: TestEmployee): Promise<string>;
  /** The TOTP secret the harness gave the employee (set on first `login` or `totpSecret`). */
  totpSecret(employee: { id: string }): Promise<string>;
  /** A client aged `age` today, with a care dossier held by `holder`. */
  client(options: { age: number; holder: TestEmployee; familyName?: string }): Promise<string>;
  relate(clientId: string, employee: TestEmployee, relation: CareRelation): Promise<void>;
  request(options: {
    method: RequestMethod; url: string; cookie?: string; body?: unknown; headers?: Record<string, string>; remoteAddress?: string;
  }): Promise<LightMyRequestResponse>;
  close(): Promise<void>;
}

export interface TestEmployee {
  id: string;
  username: string;
  role: EmployeeRole;
  organisationId: string;
}

function birthDateForAge(age: number): string {
  const year = TEST_NOW.getUTCFullYear() - age;
  return `${year}-03-15`; // before 22 November: already had this year's birthday
}

let bsnCounter = 0;
/** A fresh BSN from the test range (99999xxxx) that passes the elfproef. */
export function testBsn(): string {
  for (;;) {
    bsnCounter += 1;
    const candidate = String(999_990_000 + ((bsnCounter * 7919 + Number(process.pid % 1000) * 13) % 9_999));
    if (isValidBsn(candidate)) return candidate;
  }
}

export async function createHarness(env: NodeJS.ProcessEnv = {}): Promise<Harness> {
  const database = await createTestDatabase();
  const config = { ...loadConfig({ DW_DEMO: 'false', LOG_LEVEL: 'info', ...env }), databaseUrl: database.url };
  const logs: string[] = [];
  const logStream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      logs.push(chunk.toString('utf8'));
      done();
    },
  });
  const clock: TestClock = {
    now: TEST_NOW,
    advance(ms) { clock.now = new Date(clock.now.getTime() + ms); },
    reset() { clock.now = TEST_NOW; },
  };
  const app = await createApp(config, { db: database.db, masterKey: randomBytes(32), now: () => clock.now, logStream });
  const totpSecrets = new Map<string, string>();
  const organisationId = await ensureOrganisation(database.db, `Testorganisatie ${randomBytes(3).toString('hex')}`);
  let counter = 0;

  const harness: Harness = {
    app, clock, database, config, organisationId, logs,
    async employee({ role, name, organisationId: org }) {
      counter += 1;
      const username = `${role}-${counter}-${randomBytes(3).toString('hex')}`;
      const id = await ensureEmployee(database.db, org ?? organisationId, {
        username, displayName: name ?? `Medewerker ${counter}`, functionTitle: role === 'care-professional' ? 'Jeugdhulpverlener' : role,
        role, password: TEST_PASSWORD,
      });
      return { id, username, role, organisationId: org ?? organisationId };
    },
    async totpSecret(employee) {
      const known = totpSecrets.get(employee.id);
      if (known !== undefined) return known;
      const secret = newTotpSecret();
      await setTotpSecret(database.db, app.deps.masterKey, employee.id, secret, clock.now);
      totpSecrets.set(employee.id, secret);
      return secret;
    },
    async login(employee) {
      const secret = await harness.totpSecret(employee);
      await database.db.query('UPDATE org.employees SET totp_last_step = NULL WHERE id = $1', [employee.id]);
      const step1 = await harness.request({ method: 'POST', url: '/api/auth/login', body: { username: employee.username, password: TEST_PASSWORD } });
      if (step1.statusCode !== 200) throw new Error(`login failed: ${step1.statusCode} ${step1.body}`);
      const { challenge } = step1.json<{ challenge: string }>();
      const response = await harness.request({ method: 'POST', url: '/api/auth/login/totp', body: { challenge, code: totpCode(secret, timeStep(clock.now)) } });
      if (response.statusCode !== 200) throw new Error(`login (second factor) failed: ${response.statusCode} ${response.body}`);
      const cookie = response.cookies.find((c) => c.name.endsWith('dw_session'));
      if (cookie === undefined) throw new Error('no session cookie');
      return `${cookie.name}=${cookie.value}`;
    },
    async client({ age, holder, familyName }) {
      const cookie = await harness.login(holder);
      const response = await harness.request({
        method: 'POST', url: '/api/clients', cookie,
        body: { bsn: testBsn(), familyName: familyName ?? `Testcliënt${counter}`, givenNames: 'Sam', birthDate: birthDateForAge(age), gender: 'unknown', careStartedOn: '2026-01-05' },
      });
      if (response.statusCode !== 201) throw new Error(`client creation failed: ${response.statusCode} ${response.body}`);
      return (response.json<{ id: string }>()).id;
    },
    async relate(clientId, employee, relation) {
      await addToCareTeam(database.db, clientId, employee.id, relation, '2026-01-05');
    },
    request({ method, url, cookie, body, headers, remoteAddress }) {
      const csrf = method === 'GET' ? {} : { [CSRF_HEADER]: CSRF_HEADER_VALUE };
      const merged: Record<string, string> = { ...(cookie === undefined ? {} : { cookie }), ...csrf };
      for (const [name, value] of Object.entries(headers ?? {})) {
        if (name.toLowerCase() === CSRF_HEADER) delete merged[CSRF_HEADER];
        if (value !== '' || name.toLowerCase() !== CSRF_HEADER) merged[name] = value;
      }
      return app.server.inject({
        method, url, headers: merged,
        ...(remoteAddress === undefined ? {} : { remoteAddress }),
        ...(body === undefined ? {} : { payload: body as Record<string, unknown> }),
      });
    },
    async close() {
      await app.close();
      await database.drop();
    },
  };
  return harness;
}
