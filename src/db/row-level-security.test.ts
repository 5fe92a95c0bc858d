/**
 * Row-level security, proven from raw SQL as the application role (issue 14, deliverable 6; migration 0056).
 *
 * The reproduction: the application role read every organisation's rows, so one forgotten `organisation_id`
 * filter was a cross-organisation leak. Now a query without the organisation setting sees no row, and with it only
 * that organisation's rows — even a query with no filter at all. Every table is enumerated from the catalog, so a
 * table added without a policy fails here.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CSRF_HEADER, CSRF_HEADER_VALUE } from '../auth/csrf.js';
import { totpCode, timeStep } from '../auth/totp.js';
import { loadConfig } from '../config/config.js';
import { createApp } from '../http/app.js';
import { ensureOrganisation } from '../organisation/organisation-service.js';
import { createHarness, TEST_NOW, TEST_PASSWORD, type Harness, type TestEmployee } from '../test-support/harness.js';
import { APP_ROLE } from './database.js';
import { asSystem, inOrganisation, NO_SCOPE, withDefaultScope, withoutOrganisation } from './organisation-scope.js';

/**
 * Tables that hold no organisation's or client's data, and why. Anything else in the application's schemas must
 * have row-level security with a policy for the application role.
 */
const WITHOUT_ROW_LEVEL_SECURITY: Readonly<Record<string, string>> = {
  'ops.health_probe': 'one row the readiness probe updates; no data',
  'audit.access_log_clock': 'from which log row on the database sets the time; no data',
  'care.master_key_rotations': 'the state of a master-key rotation (run as the owner); no data',
  'org.login_throttle': 'failed log-ins per username or address, counted before any organisation is known',
  'audit.log_restores': 'restore markers the owner writes (log head, operator, backup file); no organisation\'s data',
};
/** Rows every organisation sees (not only its own), by table: the shared starting register of processing (0014). */
const SHARED_ROWS: Readonly<Record<string, string>> = {
  'org.processing_activities': 'organisation_id IS NULL',
};
const APPLICATION_SCHEMAS = ['org', 'care', 'formal', 'audit', 'ops'];

let h: Harness;
let organisationB: string;
let holderA: TestEmployee;
let holderB: TestEmployee;
let clientA: string;
let clientB: string;

/** Every table in the application's schemas that the application role can read. */
async function applicationTables(): Promise<{ name: string; rls: boolean; policies: number }[]> {
  return h.database.db.query<{ name: string; rls: boolean; policies: number }>(
    `SELECT n.nspname || '.' || c.relname AS name, c.relrowsecurity AS rls,
            (SELECT count(*)::int FROM pg_policy p WHERE p.polrelid = c.oid) AS policies
       FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE c.relkind IN ('r', 'p') AND n.nspname = ANY($1::text[]) AND has_table_privilege($2, c.oid, 'SELECT')
      ORDER BY 1`, [APPLICATION_SCHEMAS, APP_ROLE]);
}

async function count(table: string, where = 'true'): Promise<number> {
  // Names come from the catalog (schema.table of our own schemas), conditions from SHARED_ROWS: safe to inline.
  const [schema, name] = table.split('.') as [string, string];
  const [row] = await h.database.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM "${schema}"."${name}" WHERE ${where}`);
  return row!.n;
}

beforeAll(async () => {
  h = await createHarness();
  organisationB = await ensureOrganisation(h.database.db, `Andere organisatie ${randomBytes(3).toString('hex')}`);
  holderA = await h.employee({ role: 'care-professional' });
  holderB = await h.employee({ role: 'care-professional', organisationId: organisationB });
  clientA = await h.client({ age: 12, holder: holderA });
  clientB = await h.client({ age: 13, holder: holderB });
  // Some content and a request on both sides, through the app (each in its own organisation's scope).
  for (const [client, holder] of [[clientA, holderA], [clientB, holderB]] as const) {
    const cookie = await h.login(holder);
    const entry = await h.request({ method: 'POST', url: `/api/clients/${client}/entries`, cookie, body: { kind: 'plan', text: 'Plan', source: { kind: 'care-professional' } } });
    expect(entry.statusCode, entry.body).toBe(201);
    const request = await h.request({ method: 'POST', url: `/api/clients/${client}/requests`, cookie, body: { kind: 'inspect', channel: 'written', receivedOn: '2026-11-20', details: 'Inzage.' } });
    expect(request.statusCode, request.body).toBe(201);
  }
}, 120_000);
afterAll(async () => h.close());

describe('row-level security on every table with organisation or client data (migration 0056)', () => {
  it('every table of the application schemas has row-level security with a policy, or is listed with the reason it holds no such data', async () => {
    const missing = (await applicationTables())
      .filter((t) => WITHOUT_ROW_LEVEL_SECURITY[t.name] === undefined && (!t.rls || t.policies === 0))
      .map((t) => t.name);
    expect(missing, `These tables have no row-level security policy: ${missing.join(', ')}. The application role would read every `
    + 'organisation\'s rows through them. Add to your migration: ALTER TABLE … ENABLE ROW LEVEL SECURITY; CREATE POLICY dw_organisation '
    + 'ON … TO dossierwijzer_app USING (…) WITH CHECK (…) — with org.in_scope(organisation_id), or for a client_id table '
    + 'org.in_scope((SELECT dw_c.organisation_id FROM formal.clients dw_c WHERE dw_c.id = <table>.client_id)) (see '
    + 'migrations/0063_row_level_security_fewer_subqueries.sql) — or, for a table with no organisation data at all, list it with '
    + 'its reason in WITHOUT_ROW_LEVEL_SECURITY in src/db/row-level-security.test.ts.').toEqual([]);
    // The list stays true: a listed table that has a policy by now comes off it.
    const listed = (await applicationTables()).filter((t) => WITHOUT_ROW_LEVEL_SECURITY[t.name] !== undefined && t.policies > 0);
    expect(listed.map((t) => t.name)).toEqual([]);
  });

  it('without the organisation setting the application role reads no row of any protected table', async () => {
    const protectedTables = (await applicationTables()).filter((t) => t.rls).map((t) => t.name);
    expect(protectedTables).toEqual(expect.arrayContaining(['formal.clients', 'care.entries', 'org.requests', 'audit.access_log', 'org.employees']));
    const seen: Record<string, number> = {};
    await withoutOrganisation(async () => {
      for (const table of protectedTables) seen[table] = await count(table);
    });
    expect(Object.entries(seen).filter(([, n]) => n > 0)).toEqual([]);
  });

  it('with it, a query without any filter returns only that organisation\'s rows, on every protected table', async () => {
    const protectedTables = (await applicationTables()).filter((t) => t.rls).map((t) => t.name);
    const uneven: string[] = [];
    for (const table of protectedTables) {
      const all = await asSystem(() => count(table));
      const ofA = await inOrganisation(h.organisationId, () => count(table));
      const ofB = await inOrganisation(organisationB, () => count(table));
      const shared = SHARED_ROWS[table] === undefined ? 0 : await asSystem(() => count(table, SHARED_ROWS[table]));
      // Two organisations in this database: what A sees and what B sees are disjoint (but for shared rows) and together everything.
      if (ofA + ofB - shared !== all) uneven.push(`${table}: A ${ofA} + B ${ofB} ≠ ${all}`);
    }
    expect(uneven).toEqual([]);
    // And explicitly, with the filter forgotten: A's queries do not find B's client, entries, requests or log rows.
    await inOrganisation(h.organisationId, async () => {
      const ids = async (sql: string) => (await h.database.db.query<{ client: string }>(sql)).map((r) => r.client);
      expect(await ids('SELECT id AS client FROM formal.clients')).toEqual([clientA]);
      expect(new Set(await ids('SELECT client_id AS client FROM care.entries'))).toEqual(new Set([clientA]));
      expect(new Set(await ids('SELECT client_id AS client FROM org.requests'))).toEqual(new Set([clientA]));
      expect(await ids('SELECT client_id AS client FROM audit.access_log')).not.toContain(clientB);
      expect(await ids('SELECT client_id AS client FROM care.client_keys')).toEqual([clientA]);
      const employees = await h.database.db.query<{ organisation_id: string }>('SELECT organisation_id FROM org.employees');
      expect(new Set(employees.map((e) => e.organisation_id))).toEqual(new Set([h.organisationId]));
    });
  });

  it('nor can it write into another organisation: a row for B\'s client is refused in A\'s scope', async () => {
    await inOrganisation(h.organisationId, async () => {
      await expect(h.database.db.query(
        `INSERT INTO org.care_team (client_id, employee_id, relation, starts_on, created_by) VALUES ($1, $2, 'member', DATE '2026-11-01', $2)`,
        [clientB, holderA.id])).rejects.toThrow(/row-level security/);
      // An UPDATE that forgets its filter changes only A's rows.
      const touched = await h.database.db.query<{ id: string }>('UPDATE formal.clients SET town = town RETURNING id');
      expect(touched.map((r) => r.id)).toEqual([clientA]);
    });
  });
});

describe('what the policies cost (issue 14 deliverable 9; migrations 0062, 0063)', () => {
  it('a setting that is neither \'*\' nor an organisation\'s id shows and admits no row', async () => {
    const protectedTables = (await applicationTables()).filter((t) => t.rls).map((t) => t.name);
    for (const setting of ['not-an-organisation', '**', ' *', randomUUID(), `${h.organisationId}x`]) {
      // Set inside one transaction (the adapters refuse such a value): the policies must refuse it as no organisation.
      const seen = await asSystem(() => h.database.db.transaction(async (tx) => {
        await tx.query(`SELECT set_config('dw.organisation_id', $1, true)`, [setting]);
        const counts: [string, number][] = [];
        for (const table of protectedTables) {
          const [schema, name] = table.split('.') as [string, string];
          // The shared starting register (SHARED_ROWS) is no organisation's data; every other row is.
          const [row] = await tx.query<{ n: number }>(`SELECT count(*)::int AS n FROM "${schema}"."${name}" WHERE NOT (${SHARED_ROWS[table] ?? 'false'})`);
          counts.push([table, row!.n]);
        }
        return counts.filter(([, n]) => n > 0);
      }));
      expect(seen, `with dw.organisation_id = '${setting}'`).toEqual([]);
      await expect(asSystem(() => h.database.db.transaction(async (tx) => {
        await tx.query(`SELECT set_config('dw.organisation_id', $1, true)`, [setting]);
        await tx.query(`INSERT INTO org.care_team (client_id, employee_id, relation, starts_on, created_by) VALUES ($1, $2, 'member', DATE '2026-11-01', $2)`, [clientA, holderA.id]);
      }))).rejects.toThrow(/row-level security/);
    }
  });

  // The reproduction (0056): EXISTS (SELECT 1 FROM formal.clients … WHERE dw_c.id = t.client_id …) became a hashed
  // subplan over formal.clients, so one client's timeline page read all of the organisation's clients, several times.
  it('a timeline read as the application role looks up the client\'s organisation per row read, not by hashing every client first', async () => {
    const plan = await inOrganisation(h.organisationId, () => h.database.db.transaction(async (tx) => {
      // Costs that make reading all clients once look cheaper than a look-up per row, as a large organisation's
      // statistics do: a policy the planner can hash is then hashed; the scalar look-up cannot be.
      await tx.query('SET LOCAL random_page_cost = 1000');
      const rows = await tx.query<Record<string, unknown>>(
        `EXPLAIN SELECT e.id, a.display_name FROM care.entries e JOIN org.employees a ON a.id = e.author_id
          WHERE e.client_id = '${clientA}' ORDER BY e.recorded_at DESC, e.id DESC LIMIT 51`);
      return rows.map((r) => String(Object.values(r)[0])).join('\n');
    }));
    expect(plan).not.toMatch(/hashed SubPlan/);
  });

  it('no policy reaches its organisation through a subquery the planner may hash (EXISTS, IN, ANY)', async () => {
    const policies = await h.database.db.query<{ name: string; qual: string | null; with_check: string | null }>(
      `SELECT schemaname || '.' || tablename AS name, qual, with_check FROM pg_policies WHERE schemaname = ANY($1::text[])`, [APPLICATION_SCHEMAS]);
    const hashable = policies.filter((p) => /\b(EXISTS|IN|ANY)\s*\(/i.test(`${p.qual ?? ''} ${p.with_check ?? ''}`)).map((p) => p.name);
    expect(hashable, 'write the parent\'s organisation as a scalar subquery on its key, as migrations/0062 and 0063 do').toEqual([]);
  });
});

describe('the app with no default scope (as `openDatabase` gives it)', () => {
  it('logs in, serves a logged-in employee their organisation and never another\'s; outside a request nothing is seen', async () => {
    const strict = withDefaultScope(h.database.db, NO_SCOPE);
    expect(await strict.query('SELECT id FROM formal.clients')).toEqual([]);
    const app = await createApp({ ...loadConfig({ DW_DEMO: 'false', LOG_LEVEL: 'silent' }), databaseUrl: h.database.url },
      { db: strict, masterKey: h.app.deps.masterKey, now: () => TEST_NOW });
    try {
      const request = (method: 'GET' | 'POST', url: string, cookie?: string, body?: unknown) => app.server.inject({
        method, url, headers: { ...(cookie === undefined ? {} : { cookie }), ...(method === 'POST' ? { [CSRF_HEADER]: CSRF_HEADER_VALUE } : {}) },
        ...(body === undefined ? {} : { payload: body as Record<string, unknown> }),
      });
      // Log-in by username spans organisations (system scope on the public route), then the session's organisation.
      const secret = await h.totpSecret(holderA);
      await h.database.db.query('UPDATE org.employees SET totp_last_step = NULL WHERE id = $1', [holderA.id]);
      const step1 = await request('POST', '/api/auth/login', undefined, { username: holderA.username, password: TEST_PASSWORD });
      expect(step1.statusCode, step1.body).toBe(200);
      const step2 = await request('POST', '/api/auth/login/totp', undefined, { challenge: step1.json<{ challenge: string }>().challenge, code: totpCode(secret, timeStep(TEST_NOW)) });
      expect(step2.statusCode, step2.body).toBe(200);
      const session = step2.cookies.find((c) => c.name.endsWith('dw_session'))!;
      const cookie = `${session.name}=${session.value}`;
      const own = await request('GET', `/api/clients/${clientA}/entries`, cookie);
      expect(own.statusCode, own.body).toBe(200);
      expect(own.json<{ entries: unknown[] }>().entries.length).toBeGreaterThan(0);
      // Another organisation's client: refused without saying whether it exists (403 uniform or 404), never read.
      expect([403, 404]).toContain((await request('GET', `/api/clients/${clientB}/entries`, cookie)).statusCode);
      const list = await request('GET', '/api/clients', cookie);
      expect(list.statusCode, list.body).toBe(200);
      expect(JSON.stringify(list.json())).not.toContain(clientB);
    } finally {
      await app.close();
    }
  });
});
