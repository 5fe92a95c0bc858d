/**
 * Migration 0071 on a database of the previous release: an account created
 * before the enrolment links (0052) that never changed its one-time password
 * (`must_change_password`) loses that password, its second factor and its
 * sessions, so whoever knew the password — the administrator who made it —
 * can no longer log in with it (nor, with no second factor yet, enrol one of
 * their own: the log-in offered that). The administrator issues the account
 * an enrolment link as for any other account. Other accounts are untouched.
 */
import { createHash, randomBytes } from 'node:crypto';
import { copyFile, mkdtemp, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CSRF_HEADER, CSRF_HEADER_VALUE } from '../auth/csrf.js';
import { setTotpSecret } from '../auth/second-factor.js';
import { newTotpSecret, timeStep, totpCode } from '../auth/totp.js';
import { loadConfig } from '../config/config.js';
import { APP_ROLE, type Database } from '../db/database.js';
import { migrate, MIGRATIONS_DIR } from '../db/migrate.js';
import { SYSTEM_SCOPE, withDefaultScope } from '../db/organisation-scope.js';
import { openPglite } from '../db/pglite-database.js';
import { openPostgres } from '../db/postgres-database.js';
import { createApp, type App } from '../http/app.js';
import { ensureEmployee, ensureOrganisation } from './organisation-service.js';
import { TEST_NOW, TEST_PASSWORD } from '../test-support/harness.js';

const serverUrl = process.env.DATABASE_URL === '' ? undefined : process.env.DATABASE_URL;

async function emptyDatabase(): Promise<{ db: Database; url: string | undefined; drop(): Promise<void> }> {
  if (serverUrl === undefined) {
    const db = await openPglite(undefined);
    return { db, url: undefined, drop: () => db.close() };
  }
  const name = `dw_otp_${Date.now().toString(36)}_${randomBytes(4).toString('hex')}`;
  const admin = openPostgres(serverUrl, { maxConnections: 1 });
  await admin.exec(`CREATE DATABASE ${name}`).finally(() => admin.close());
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const db = openPostgres(url.toString(), { maxConnections: 1 });
  return {
    db, url: url.toString(),
    async drop() {
      await db.close();
      const cleaner = openPostgres(serverUrl, { maxConnections: 1 });
      await cleaner.exec(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`).finally(() => cleaner.close());
    },
  };
}

describe('migration 0071: one-time passwords from before the enrolment links', () => {
  const masterKey = randomBytes(32);
  const suffix = randomBytes(3).toString('hex');
  let owner: Awaited<ReturnType<typeof emptyDatabase>>;
  let appDb: Database | undefined;
  let app: App;
  const ids = { admin: '', legacy: '', legacyWithTotp: '', changed: '' };
  const names = { admin: `beheer-${suffix}`, legacy: `oud-${suffix}`, legacyWithTotp: `oud2-${suffix}`, changed: `gewijzigd-${suffix}` };
  const db = (): Database => withDefaultScope(appDb!, SYSTEM_SCOPE);

  function request(method: 'GET' | 'POST', url: string, body?: Record<string, unknown>, cookie?: string) {
    return app.server.inject({
      method, url,
      headers: { ...(method === 'GET' ? {} : { [CSRF_HEADER]: CSRF_HEADER_VALUE }), ...(cookie === undefined ? {} : { cookie }) },
      ...(body === undefined ? {} : { payload: body }),
    });
  }

  beforeAll(async () => {
    owner = await emptyDatabase();
    // The previous release: every migration before 0071.
    const dir = await mkdtemp(path.join(os.tmpdir(), 'dw-otp-'));
    for (const file of (await readdir(MIGRATIONS_DIR)).filter((f) => f.endsWith('.sql') && f.slice(0, 4) < '0071')) {
      await copyFile(path.join(MIGRATIONS_DIR, file), path.join(dir, file));
    }
    await migrate(owner.db, dir);
    await rm(dir, { recursive: true, force: true });

    const organisationId = await ensureOrganisation(owner.db, `Oud ${suffix}`);
    const account = (username: string, role: 'application-administrator' | 'care-professional') => ensureEmployee(owner.db, organisationId, {
      username, displayName: username, functionTitle: role, role, password: TEST_PASSWORD,
    });
    ids.admin = await account(names.admin, 'application-administrator');
    ids.legacy = await account(names.legacy, 'care-professional');
    ids.legacyWithTotp = await account(names.legacyWithTotp, 'care-professional');
    ids.changed = await account(names.changed, 'care-professional');
    // Made by the administrator with a one-time password, never changed: one without a second factor, one with.
    await owner.db.query('UPDATE org.employees SET must_change_password = true WHERE id = ANY($1::uuid[])', [[ids.legacy, ids.legacyWithTotp]]);
    await owner.db.query(`UPDATE org.employees SET totp_secret = $2, totp_enrolled_at = now() WHERE id = $1`, [ids.legacyWithTotp, randomBytes(60)]);
    await owner.db.query(
      'INSERT INTO org.sessions (token_hash, employee_id, expires_at) VALUES ($1, $2, $3)',
      [createHash('sha256').update(randomBytes(32)).digest(), ids.legacyWithTotp, new Date(Date.now() + 3_600_000)]);

    await migrate(owner.db);
    if (owner.url === undefined) {
      await owner.db.exec(`SET ROLE ${APP_ROLE}`);
      appDb = owner.db;
    } else {
      appDb = openPostgres(owner.url, { role: APP_ROLE, maxConnections: 2 });
    }
    app = await createApp({ ...loadConfig({ DW_DEMO: 'false', LOG_LEVEL: 'silent' }), databaseUrl: owner.url }, { db: db(), masterKey, now: () => TEST_NOW });
  });
  afterAll(async () => {
    await app?.close();
    if (appDb !== undefined && appDb !== owner.db) await appDb.close();
    await owner.drop();
  });

  it('takes the one-time password, the second factor and the sessions from such an account; other accounts keep theirs', async () => {
    const rows = await db().query<{ id: string; has_password: boolean; has_totp: boolean; must_change_password: boolean }>(
      `SELECT id, password_hash IS NOT NULL AS has_password, totp_secret IS NOT NULL AS has_totp, must_change_password
         FROM org.employees WHERE id = ANY($1::uuid[])`, [[ids.legacy, ids.legacyWithTotp, ids.changed]]);
    const byId = new Map(rows.map((r) => [r.id, r]));
    expect(byId.get(ids.legacy)).toMatchObject({ has_password: false, has_totp: false, must_change_password: false });
    expect(byId.get(ids.legacyWithTotp)).toMatchObject({ has_password: false, has_totp: false, must_change_password: false });
    expect(byId.get(ids.changed)).toMatchObject({ has_password: true });
    const live = await db().query('SELECT 1 FROM org.sessions WHERE employee_id = $1 AND ended_at IS NULL', [ids.legacyWithTotp]);
    expect(live).toHaveLength(0);
  });

  it('refuses the one-time password at log-in (before 0071 it offered to enrol a second factor of the knower\'s choosing)', async () => {
    for (const username of [names.legacy, names.legacyWithTotp]) {
      const response = await request('POST', '/api/auth/login', { username, password: TEST_PASSWORD });
      expect(response.statusCode, `${username}: ${response.body}`).toBe(401);
      expect(response.body).not.toContain('challenge');
    }
    // An account that changed its password still logs in.
    expect((await request('POST', '/api/auth/login', { username: names.changed, password: TEST_PASSWORD })).statusCode).toBe(200);
  });

  it('lets the administrator see the account as not enrolled and issue it an enrolment link', async () => {
    const secret = newTotpSecret();
    await setTotpSecret(db(), masterKey, ids.admin, secret, TEST_NOW);
    const step1 = await request('POST', '/api/auth/login', { username: names.admin, password: TEST_PASSWORD });
    expect(step1.statusCode, step1.body).toBe(200);
    const step2 = await request('POST', '/api/auth/login/totp', { challenge: step1.json().challenge, code: totpCode(secret, timeStep(TEST_NOW)) });
    expect(step2.statusCode, step2.body).toBe(200);
    const session = step2.cookies.find((c) => c.name.endsWith('dw_session'))!;
    const cookie = `${session.name}=${session.value}`;

    const listed = await request('GET', `/api/admin/employees/${ids.legacy}`, undefined, cookie);
    expect(listed.statusCode, listed.body).toBe(200);
    expect(listed.json().enrolled).toBe(false);
    const reset = await request('POST', `/api/admin/employees/${ids.legacy}/reset`, undefined, cookie);
    expect(reset.statusCode, reset.body).toBe(200);
    expect(reset.json().enrolment.url).toContain('/inschrijven#');
    const [link] = await db().query<{ kind: string }>('SELECT kind FROM org.enrolment_links WHERE employee_id = $1 AND used_at IS NULL AND revoked_at IS NULL', [ids.legacy]);
    expect(link?.kind).toBe('reset');
  });
});
