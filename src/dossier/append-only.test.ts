/**
 * Nothing written to a dossier can be silently changed or lost (003 §2.1:
 * "niets wordt verwijderd"; NEN 7513 for the log): the database itself refuses
 * UPDATE, DELETE and TRUNCATE for the application's role, whatever the code does.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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

describe('append-only in the database, as the application role', () => {
  it('runs as a role that is not superuser, has no BYPASSRLS and owns none of the tables', async () => {
    const [role] = await h.database.db.query<{ current_user: string; rolsuper: boolean; rolbypassrls: boolean }>(
      'SELECT current_user, r.rolsuper, r.rolbypassrls FROM pg_roles r WHERE r.rolname = current_user');
    expect(role).toEqual({ current_user: 'dossierwijzer_app', rolsuper: false, rolbypassrls: false });
    const owned = await h.database.db.query(
      'SELECT tablename FROM pg_tables WHERE schemaname IN (\'org\', \'formal\', \'care\', \'audit\') AND tableowner = current_user');
    expect(owned).toEqual([]);
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

  it('refuses even a role with DELETE privilege: the trigger holds outside the sanctioned destruction path', async () => {
    // The owner (PGlite's single user, or the server's superuser in CI) has every privilege; the trigger still refuses.
    const owner = h.database.db;
    await owner.exec('RESET ROLE').catch(() => undefined);
    try {
      const [me] = await owner.query<{ u: string }>('SELECT current_user AS u');
      if (me?.u === 'dossierwijzer_app') return; // a pooled server connection keeps the app role: covered above
      await expect(owner.query('DELETE FROM care.entries WHERE id = $1', [entryId])).rejects.toThrow(/append-only/);
      await expect(owner.query('UPDATE care.entries SET kind = $2 WHERE id = $1', [entryId, 'plan'])).rejects.toThrow(/append-only/);
    } finally {
      await owner.exec('SET ROLE dossierwijzer_app');
    }
  });
});
