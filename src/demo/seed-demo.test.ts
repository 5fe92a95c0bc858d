import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isValidBsn } from '../clients/bsn.js';
import type { Database } from '../db/database.js';
import { openPostgres } from '../db/postgres-database.js';
import { createTestDatabase, type TestDatabase } from '../test-support/test-database.js';
import { DEMO_ORGANISATION, DEMO_USERS, seedDemo } from './seed-demo.js';
import { asSystem } from '../db/organisation-scope.js';

let t: TestDatabase;
beforeAll(async () => { t = await createTestDatabase(); });
afterAll(async () => t.drop());

const now = new Date('2026-11-22T10:00:00+01:00');

/** Runs `script` as the schema owner: PGlite drops the application role on its one connection for it. */
async function asOwner(script: string): Promise<void> {
  if (t.url === undefined) {
    await t.db.exec(`RESET ROLE; ${script}; SET ROLE dossierwijzer_app`);
    return;
  }
  const owner = openPostgres(t.url, { maxConnections: 1 });
  await owner.exec(script).finally(() => owner.close());
}

async function demoRows(db: Database): Promise<{ organisations: number; employees: number; clients: number; logRows: number }> {
  const [row] = await db.query<{ organisations: number; employees: number; clients: number; log_rows: number }>(
    `SELECT (SELECT count(*)::int FROM org.organisations WHERE name = $1) AS organisations,
            (SELECT count(*)::int FROM org.employees WHERE username LIKE 'demo.%') AS employees,
            (SELECT count(*)::int FROM formal.clients) AS clients,
            (SELECT count(*)::int FROM audit.access_log) AS log_rows`, [DEMO_ORGANISATION]);
  return { organisations: row!.organisations, employees: row!.employees, clients: row!.clients, logRows: row!.log_rows };
}

describe('demo seed', () => {
  it('is one transaction: a seed that fails half-way leaves no organisation, user, client or log row behind', async () => {
    // The fault: the database refuses the relations of the third client, after users and two clients were made.
    await asOwner(`CREATE FUNCTION public.refuse_demo_relation() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN IF NEW.family_name = 'Demo-Bakker' THEN RAISE EXCEPTION 'injected fault'; END IF; RETURN NEW; END $$;
      CREATE TRIGGER refuse_demo_relation BEFORE INSERT ON formal.client_relations FOR EACH ROW EXECUTE FUNCTION public.refuse_demo_relation()`);
    try {
      await expect(seedDemo(t.db, randomBytes(32), now)).rejects.toThrow('injected fault');
      expect(await demoRows(t.db)).toEqual({ organisations: 0, employees: 0, clients: 0, logRows: 0 });
    } finally {
      await asOwner('DROP TRIGGER refuse_demo_relation ON formal.client_relations; DROP FUNCTION public.refuse_demo_relation()');
    }
  }, 60_000);

  it('creates six clients of the ages where the law changes, with relations, entries, requests and a disclosure, once', async () => {
    const key = randomBytes(32);
    expect((await seedDemo(t.db, key, now)).created).toBe(true);
    expect((await seedDemo(t.db, key, now)).created).toBe(false);
    const clients = await t.db.query<{ age: number; bsn: string | null; relations: number; entries: number }>(
      `SELECT date_part('year', age($1::date, c.birth_date))::int AS age, c.bsn,
              (SELECT count(*)::int FROM formal.client_relations r WHERE r.client_id = c.id) AS relations,
              (SELECT count(*)::int FROM care.entries e WHERE e.client_id = c.id) AS entries
         FROM formal.clients c WHERE c.family_name <> 'Demo-Mulder' ORDER BY c.birth_date DESC`, ['2026-11-22']);
    expect(clients.map((c) => c.age)).toEqual([8, 12, 14, 16, 17, 19]);
    // The client portal's demo (issue 19 item 8): Sara (14), her mother (custody) and father (none), each with an account.
    const portal = await t.db.query<{ age: number; username: string; relation_id: string | null }>(
      `SELECT date_part('year', age($1::date, c.birth_date))::int AS age, a.username, a.relation_id
         FROM org.portal_accounts a JOIN formal.clients c ON c.id = a.client_id ORDER BY a.username`, ['2026-11-22']);
    expect(portal.map((p) => [p.username, p.age, p.relation_id === null])).toEqual([['demo.jongere', 14, true], ['demo.moeder', 14, false], ['demo.vader', 14, false]]);
    for (const client of clients) {
      expect(client.relations).toBeGreaterThan(0);
      expect(client.entries).toBeGreaterThanOrEqual(12); // a dossier that lives: a dozen entries of various kinds (issue 15 item 12)
      if (client.bsn !== null) expect(isValidBsn(client.bsn) && client.bsn.startsWith('99999')).toBe(true);
    }
    const custody = await t.db.query<{ has_custody: boolean }>('SELECT DISTINCT has_custody FROM formal.client_relations');
    expect(custody.map((c) => c.has_custody).sort()).toEqual([false, true]);
    // The rights at work (issue 15 item 12): an open request, a decided one, a disclosure in the register, a shielded passage.
    const [work] = await t.db.query<{ open: number; decided: number; disclosures: number; shieldings: number }>(
      `SELECT (SELECT count(*)::int FROM org.requests WHERE state = 'received') AS open,
              (SELECT count(*)::int FROM org.requests WHERE state = 'decided' AND decision = 'granted') AS decided,
              (SELECT count(*)::int FROM org.disclosures WHERE basis = 'consent') AS disclosures,
              (SELECT count(*)::int FROM care.shieldings) AS shieldings`);
    expect(work).toEqual({ open: 1, decided: 1, disclosures: 1, shieldings: 1 });
    const roles = await t.db.query<{ role: string }>('SELECT DISTINCT role FROM org.employees');
    expect(roles.map((r) => r.role).sort()).toEqual([...new Set(DEMO_USERS.map((u) => u.role))].sort());
  });
});

describe.runIf(process.env.DATABASE_URL !== undefined && process.env.DATABASE_URL !== '')('demo seed from several servers at once', () => {
  it('exactly one creates the organisation; every one returns the same, complete log-ins', async () => {
    const fresh = await createTestDatabase();
    const servers = [fresh.db, openPostgres(fresh.url!, { role: 'dossierwijzer_app', maxConnections: 2 }), openPostgres(fresh.url!, { role: 'dossierwijzer_app', maxConnections: 2 })];
    try {
      const key = randomBytes(32);
      // Each server seeds across organisations, as `start` does (system scope; row-level security, 0056).
      const results = await Promise.all(servers.map((db) => asSystem(() => seedDemo(db, key, now))));
      expect(results.filter((r) => r.created)).toHaveLength(1);
      for (const result of results) {
        expect(result.totp.map((x) => x.username).sort()).toEqual(DEMO_USERS.map((u) => u.username).sort());
        expect(result.totp).toEqual(results[0]!.totp);
      }
      // Six demo clients and the portal's demo young person (seed-portal-demo.ts), each once.
      expect(await demoRows(fresh.db)).toMatchObject({ organisations: 1, employees: DEMO_USERS.length, clients: 7 });
    } finally {
      await servers[1]!.close();
      await servers[2]!.close();
      await fresh.drop();
    }
  }, 90_000);
});
