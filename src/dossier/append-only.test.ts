/**
 * Nothing written to a dossier can be silently changed or lost (003 §2.1:
 * "niets wordt verwijderd"; NEN 7513 for the log): the database itself refuses
 * UPDATE, DELETE and TRUNCATE for the application's role, whatever the code does.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { APP_ROLE, type Database } from '../db/database.js';
import { openPostgres } from '../db/postgres-database.js';
import { createHarness, type Harness } from '../test-support/harness.js';

let h: Harness;
let clientId: string;
let entryId: string;

beforeAll(async () => {
  h = await createHarness();
  const holder = await h.employee({ role: 'care-professional' });
  clientId = await h.client({ age: 15, holder });
  const cookie = await h.login(holder);
  const created = await h.request({ method: 'POST', url: `/api/clients/${clientId}/entries`, cookie, body: { kind: 'conversation-report', text: 'origineel', source: { kind: 'client' } } });
  entryId = created.json<{ id: string }>().id;
  await h.request({ method: 'POST', url: `/api/clients/${clientId}/entries/${entryId}/annotations`, cookie, body: { kind: 'outdated', reason: 'verouderd' } });
});
afterAll(async () => h.close());

async function snapshot(table: string): Promise<string> {
  return JSON.stringify(await h.database.db.query(`SELECT * FROM ${table} ORDER BY 1`));
}

/**
 * Runs `work` as the tables' owner, who holds every privilege, so only the
 * triggers stand in the way (PGlite: leave the app role for a moment; server:
 * a separate connection as the migration user, as access-log.test.ts does).
 */
async function asOwner<T>(work: (owner: Pick<Database, 'query'>) => Promise<T>): Promise<T> {
  if (h.database.url === undefined) {
    await h.database.db.exec('RESET ROLE');
    try {
      return await work(h.database.db);
    } finally {
      await h.database.db.exec(`SET ROLE ${APP_ROLE}`);
    }
  }
  const owner = openPostgres(h.database.url, { maxConnections: 1 });
  try {
    return await work(owner);
  } finally {
    await owner.close();
  }
}

describe('append-only in the database, as the application role', () => {
  it('runs as a role that is not superuser, has no BYPASSRLS, and owns (directly or through a role it can assume) no schema or table', async () => {
    const [role] = await h.database.db.query<{ current_user: string; rolsuper: boolean; rolbypassrls: boolean; rolcreaterole: boolean }>(
      'SELECT current_user, r.rolsuper, r.rolbypassrls, r.rolcreaterole FROM pg_roles r WHERE r.rolname = current_user');
    expect(role).toEqual({ current_user: APP_ROLE, rolsuper: false, rolbypassrls: false, rolcreaterole: false });
    // Nor is it a member of a role that is superuser or has BYPASSRLS (it could SET ROLE to it).
    const strongRoles = await h.database.db.query(
      'SELECT rolname FROM pg_roles WHERE (rolsuper OR rolbypassrls) AND pg_has_role(current_user, oid, \'MEMBER\')');
    expect(strongRoles).toEqual([]);
    // Every table, view and sequence in the application's schemas, and the schemas themselves: an owner
    // can disable triggers, TRUNCATE past privileges, or drop the table, so none may be the app role's.
    const schemas = ['org', 'formal', 'care', 'audit'];
    const relations = await h.database.db.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM pg_class c JOIN pg_namespace s ON s.oid = c.relnamespace WHERE s.nspname = ANY($1::text[]) AND c.relkind IN (\'r\', \'p\', \'v\', \'m\', \'S\', \'f\')',
      [schemas]);
    expect(relations[0]!.n).toBeGreaterThan(20); // the check below looks at real tables
    const owned = await h.database.db.query(
      `SELECT s.nspname || '.' || c.relname AS name FROM pg_class c JOIN pg_namespace s ON s.oid = c.relnamespace
        WHERE s.nspname = ANY($1::text[]) AND c.relkind IN ('r', 'p', 'v', 'm', 'S', 'f') AND pg_has_role(current_user, c.relowner, 'MEMBER')
       UNION ALL
       SELECT nspname FROM pg_namespace WHERE nspname = ANY($1::text[]) AND pg_has_role(current_user, nspowner, 'MEMBER')`,
      [schemas]);
    expect(owned).toEqual([]);
    // Any other schema that holds tables (a later migration's) is not the app role's either.
    const ownedElsewhere = await h.database.db.query(
      `SELECT s.nspname || '.' || c.relname AS name FROM pg_class c JOIN pg_namespace s ON s.oid = c.relnamespace
        WHERE s.nspname NOT IN ('pg_catalog', 'information_schema') AND s.nspname NOT LIKE 'pg\\_%'
          AND c.relkind IN ('r', 'p') AND pg_has_role(current_user, c.relowner, 'MEMBER')`);
    expect(ownedElsewhere).toEqual([]);
  });

  it.each([
    ['care.entries', `UPDATE care.entries SET kind = 'plan' WHERE id = $1`],
    ['care.entries', 'DELETE FROM care.entries WHERE id = $1'],
    ['care.entries', 'TRUNCATE care.entries CASCADE'],
    ['care.entry_annotations', `UPDATE care.entry_annotations SET kind = 'incorrect' WHERE entry_id = $1`],
    ['care.entry_annotations', 'DELETE FROM care.entry_annotations WHERE entry_id = $1'],
    ['audit.access_log', `UPDATE audit.access_log SET outcome = 'denied' WHERE $1::uuid IS NOT NULL`],
    ['audit.access_log', 'DELETE FROM audit.access_log WHERE $1::uuid IS NOT NULL'],
    ['audit.access_log', 'TRUNCATE audit.access_log'],
  ])('%s: %s is refused and the rows are unchanged', async (table, sql) => {
    const before = await snapshot(table);
    const params = sql.includes('$1') ? [entryId] : [];
    await expect(h.database.db.query(sql, params)).rejects.toThrow(/permission denied|append-only/);
    expect(await snapshot(table)).toBe(before);
  });

  it('refuses even the owner, who has every privilege, outside the sanctioned destruction path: care.entries', async () => {
    await asOwner(async (owner) => {
      const [me] = await owner.query<{ u: string }>('SELECT current_user AS u');
      expect(me?.u).not.toBe(APP_ROLE);
      await expect(owner.query('DELETE FROM care.entries WHERE id = $1', [entryId])).rejects.toThrow(/append-only/);
      await expect(owner.query('UPDATE care.entries SET kind = $2 WHERE id = $1', [entryId, 'plan'])).rejects.toThrow(/append-only/);
    });
  });

  // The app role's own attempts above stop at "permission denied" before any trigger runs; as the owner the
  // privileges allow it, so these reach the triggers — TRUNCATE the statement trigger, which row triggers never see.
  it.each([
    ['TRUNCATE', 'TRUNCATE audit.access_log', /append-only: TRUNCATE on audit\.access_log/],
    ['TRUNCATE … CASCADE', 'TRUNCATE audit.access_log CASCADE', /append-only: TRUNCATE on audit\.access_log/],
    ['UPDATE', `UPDATE audit.access_log SET outcome = 'denied' WHERE client_id = $1`, /append-only: UPDATE on audit\.access_log/],
    ['DELETE', 'DELETE FROM audit.access_log WHERE client_id = $1', /append-only: DELETE on audit\.access_log/],
  ])('audit.access_log refuses %s even by the owner, with the append-only trigger\'s message; the log is unchanged', async (_what, sql, message) => {
    const before = await snapshot('audit.access_log');
    const [{ n } = { n: 0 }] = await h.database.db.query<{ n: number }>('SELECT count(*)::int AS n FROM audit.access_log WHERE client_id = $1', [clientId]);
    expect(n).toBeGreaterThan(0); // there are rows the statement would touch
    await asOwner(async (owner) => {
      await expect(owner.query(sql, sql.includes('$1') ? [clientId] : [])).rejects.toThrow(message);
    });
    expect(await snapshot('audit.access_log')).toBe(before);
  });
});
