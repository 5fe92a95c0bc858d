/**
 * Family dossiers (003 §2.3.4): a family part beside the members' own
 * dossiers, which stay separate and are authorised one by one. "Het is niet
 * de bedoeling dat via inzagerecht informatie van het ene gezinslid bij een
 * ander gezinslid terecht komt": one member's inspection or copy never shows
 * another member's entries, nor the family part.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness, type TestEmployee } from '../test-support/harness.js';
import { asOwner } from '../test-support/test-database.js';
import { pdfPages } from '../test-support/pdf-text.js';
import { destroyWholeDossier } from '../requests/destruction.js';
import { sweepRetention } from '../retention/retention-service.js';

const SISTER_SECRET = 'Lotte vertelde over haar angst voor school.';
const BROTHER_OWN = 'Daan wil graag weer voetballen.';
const FAMILY_TEXT = 'Gezinsplan: de ouders krijgen opvoedondersteuning.';

let h: Harness;
let holder: TestEmployee;
let cookie: string;
let daan: string;
let lotte: string;
let familyId: string;

function post(url: string, body: unknown, as = cookie) {
  return h.request({ method: 'POST', url, cookie: as, body });
}

beforeAll(async () => {
  h = await createHarness();
  holder = await h.employee({ role: 'care-professional' });
  cookie = await h.login(holder);
  daan = await h.client({ age: 16, holder, familyName: 'Jansen' });
  lotte = await h.client({ age: 13, holder, familyName: 'Jansen' });
  expect((await post(`/api/clients/${daan}/entries`, { kind: 'conversation-report', text: BROTHER_OWN, source: { kind: 'client' } })).statusCode).toBe(201);
  expect((await post(`/api/clients/${lotte}/entries`, { kind: 'conversation-report', text: SISTER_SECRET, source: { kind: 'client' } })).statusCode).toBe(201);
  const family = await post('/api/families', { name: 'Gezin Jansen', memberIds: [daan, lotte] });
  expect(family.statusCode).toBe(201);
  familyId = family.json<{ id: string }>().id;
  expect((await post(`/api/families/${familyId}/entries`, { kind: 'family-plan', text: FAMILY_TEXT })).statusCode).toBe(201);
});
afterAll(async () => h.close());

describe('the family part', () => {
  it('holds entries about the family, stored encrypted and append-only, with the members listed', async () => {
    const family = await h.request({ method: 'GET', url: `/api/families/${familyId}`, cookie });
    expect(family.json<{ members: { clientId: string }[] }>().members.map((m) => m.clientId).sort()).toEqual([daan, lotte].sort());
    const entries = await h.request({ method: 'GET', url: `/api/families/${familyId}/entries`, cookie });
    expect(entries.json<{ entries: { text: string }[] }>().entries.map((e) => e.text)).toEqual([FAMILY_TEXT]);
    const stored = await h.database.db.query<{ ciphertext: Buffer }>('SELECT ciphertext FROM care.family_entries WHERE family_id = $1', [familyId]);
    expect(stored[0]!.ciphertext.toString('latin1')).not.toContain('opvoedondersteuning');
    await expect(h.database.db.query('UPDATE care.family_entries SET kind = $1 WHERE family_id = $2', ['x', familyId])).rejects.toThrow();
  });

  it('logs each access once per member, so it shows in every member\'s "who saw this dossier"', async () => {
    await h.request({ method: 'GET', url: `/api/families/${familyId}/entries`, cookie });
    const rows = await h.database.db.query<{ client_id: string }>(
      `SELECT client_id FROM audit.access_log WHERE route = 'GET /api/families/:familyId/entries' AND outcome = 'allowed' ORDER BY seq DESC LIMIT 2`);
    expect(rows.map((r) => r.client_id).sort()).toEqual([daan, lotte].sort());
  });

  it('opens to a professional who works with one member, who still cannot read the other member\'s own dossier', async () => {
    const colleague = await h.employee({ role: 'care-professional' });
    await h.relate(daan, colleague, 'member');
    const colleagueCookie = await h.login(colleague);
    expect((await h.request({ method: 'GET', url: `/api/families/${familyId}/entries`, cookie: colleagueCookie })).statusCode).toBe(200);
    expect((await h.request({ method: 'GET', url: `/api/clients/${daan}/entries`, cookie: colleagueCookie })).statusCode).toBe(200);
    const sister = await h.request({ method: 'GET', url: `/api/clients/${lotte}/entries`, cookie: colleagueCookie });
    expect(sister.statusCode).toBe(403);
    expect(sister.body).not.toContain(SISTER_SECRET);
  });

  it('refuses, with the engine\'s explanation and a logged refusal, an employee who works with no member', async () => {
    const outsider = await h.employee({ role: 'care-professional' });
    const refused = await h.request({ method: 'GET', url: `/api/families/${familyId}/entries`, cookie: await h.login(outsider) });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().nl.length).toBeGreaterThan(20);
    expect(refused.body).not.toContain('opvoedondersteuning');
    const [row] = await h.database.db.query<{ outcome: string; employee_id: string }>('SELECT outcome, employee_id FROM audit.access_log ORDER BY seq DESC LIMIT 1');
    expect(row).toEqual({ outcome: 'denied', employee_id: outsider.id });
  });

  it('links only dossiers the employee may record in: a stranger\'s dossier cannot be pulled into a family', async () => {
    const other = await h.employee({ role: 'care-professional' });
    const strangersChild = await h.client({ age: 10, holder: other });
    const before = await h.database.db.query<{ n: number }>('SELECT count(*)::int AS n FROM formal.family_members WHERE family_id = $1', [familyId]);
    const refused = await post(`/api/families/${familyId}/members`, { clientId: strangersChild });
    expect(refused.statusCode).toBe(403);
    const refusedNew = await post('/api/families', { name: 'Gezin met vreemde', memberIds: [daan, strangersChild] });
    expect(refusedNew.statusCode).toBe(403);
    const after = await h.database.db.query<{ n: number }>('SELECT count(*)::int AS n FROM formal.family_members WHERE family_id = $1', [familyId]);
    expect(after[0]!.n).toBe(before[0]!.n);
    // A client that does not exist gets exactly the refusal of one without a care relation (no existence leak).
    const unknown = await post('/api/families', { name: 'Gezin', memberIds: [daan, '00000000-0000-4000-8000-000000000000'] });
    expect(unknown.statusCode).toBe(403);
    expect(unknown.json()).toEqual(refusedNew.json());
  });
});

describe('one member\'s rights never reach another member\'s data (003 §2.3.4)', () => {
  async function grantedOwnRequest(kind: 'inspect' | 'copy'): Promise<string> {
    const created = await post(`/api/clients/${daan}/requests`, { kind, channel: 'written', receivedOn: '2026-11-20', details: 'Mijn eigen dossier.' });
    expect(created.statusCode).toBe(201);
    const id = created.json<{ id: string }>().id;
    expect((await post(`/api/clients/${daan}/requests/${id}/decision`, { outcome: 'granted', reasons: '' })).statusCode).toBe(200);
    return id;
  }

  it('the 16-year-old\'s inspection shows his own entries, not his sister\'s and not the family part', async () => {
    const id = await grantedOwnRequest('inspect');
    const view = await h.request({ method: 'GET', url: `/api/clients/${daan}/requests/${id}/view`, cookie });
    expect(view.statusCode).toBe(200);
    expect(view.body).toContain(BROTHER_OWN);
    expect(view.body).not.toContain(SISTER_SECRET);
    expect(view.body).not.toContain('opvoedondersteuning');
  });

  it('his copy (PDF text) likewise', async () => {
    const id = await grantedOwnRequest('copy');
    const response = await h.request({ method: 'GET', url: `/api/clients/${daan}/requests/${id}/copy.pdf`, cookie });
    expect(response.statusCode).toBe(200);
    const text = (await pdfPages(response.rawPayload)).join('\n');
    expect(text).toContain('voetballen');
    expect(text).not.toContain('angst voor school');
    expect(text).not.toContain('opvoedondersteuning');
  });
});

describe('destruction reaches the family part (Jeugdwet 7.3.8–7.3.9; 003 §2.3.4, §3.3; migration 0022)', () => {
  let ana: string;
  let bo: string;
  let outsider: string;
  let family: string;
  const count = async (sql: string, params: unknown[]) => (await h.database.db.query<{ n: number }>(sql, params))[0]!.n;

  beforeAll(async () => {
    ana = await h.client({ age: 15, holder, familyName: 'De Vries' });
    bo = await h.client({ age: 9, holder, familyName: 'De Vries' });
    outsider = await h.client({ age: 11, holder, familyName: 'Bakker' });
    const created = await post('/api/families', { name: 'Gezin De Vries', memberIds: [ana, bo] });
    expect(created.statusCode).toBe(201);
    family = created.json<{ id: string }>().id;
    expect((await post(`/api/families/${family}/entries`, { kind: 'family-evaluation', text: 'Evaluatie met het hele gezin.' })).statusCode).toBe(201);
  });

  const destroy = async (clientId: string) => {
    const [client] = await h.database.db.query<{ organisation_id: string }>('SELECT organisation_id FROM formal.clients WHERE id = $1', [clientId]);
    // The database destroys only on a decision: the privacy officer's confirmation of the ended retention period,
    // written as the owner (the application role confirms only through org.confirm_retention_destruction, 0055).
    await asOwner(h.database, (owner) => owner.query(
      `INSERT INTO org.retention_reviews (client_id, organisation_id, last_change, kept_until, status, decided_by, decided_at)
       VALUES ($1, $2, '2030-01-01', '2050-01-01', 'confirmed', $3, now())`, [clientId, client!.organisation_id, holder.id]));
    return h.database.db.transaction((tx) => destroyWholeDossier(tx, {
      organisationId: client!.organisation_id, clientId, reason: 'retention-expired', requestId: null, decidedOn: '2050-01-02', executedBy: holder.id,
    }));
  };

  it('counts a family entry as a change in each member\'s dossier, so the family part is kept 20 years after its own last change', async () => {
    // A family entry in 2040 (written straight to the table: the API records at the harness's "now").
    await h.database.db.query(
      `INSERT INTO care.family_entries (family_id, kind, ciphertext, author_id, recorded_at) VALUES ($1, 'family-plan', '\\x00', $2, '2040-05-01T10:00:00Z')`, [family, holder.id]);
    const sweep = await sweepRetention(h.database.db, { now: new Date('2055-01-01T12:00:00Z'), dryRun: true });
    const due = sweep.due.map((d) => d.clientId);
    expect(due).toContain(outsider);
    expect(due).not.toContain(ana);
    expect(due).not.toContain(bo);
    expect(sweep.due.length).toBeGreaterThan(0);
  });

  it('a member\'s destruction removes only that member from the family; the family part stays for the others', async () => {
    await destroy(ana);
    expect(await count('SELECT count(*)::int AS n FROM formal.family_members WHERE family_id = $1', [family])).toBe(1);
    expect(await count('SELECT count(*)::int AS n FROM formal.family_members WHERE client_id = $1', [ana])).toBe(0);
    expect(await count('SELECT count(*)::int AS n FROM care.family_entries WHERE family_id = $1', [family])).toBe(2);
    expect(await count(`SELECT count(*)::int AS n FROM org.destruction_records WHERE family_id = $1`, [family])).toBe(0);
    const view = await h.request({ method: 'GET', url: `/api/families/${family}`, cookie });
    expect(view.json<{ members: { clientId: string }[] }>().members.map((m) => m.clientId)).toEqual([bo]);
  });

  it('the last member\'s destruction destroys the family part: key, entries, membership, the family, one destruction record', async () => {
    await destroy(bo);
    for (const table of ['care.family_entries', 'care.family_keys', 'formal.family_members']) {
      expect(await count(`SELECT count(*)::int AS n FROM ${table} WHERE family_id = $1`, [family])).toBe(0);
    }
    expect(await count('SELECT count(*)::int AS n FROM formal.families WHERE id = $1', [family])).toBe(0);
    const records = await h.database.db.query<{
      scope: string; part: string; client_id: string | null; entries_destroyed: number; reason: string; executed_by: string;
    }>(
      'SELECT scope, part, client_id, entries_destroyed, reason, executed_by FROM org.destruction_records WHERE family_id = $1', [family]);
    expect(records).toEqual([{ scope: 'family-part', part: 'family', client_id: null, entries_destroyed: 2, reason: 'last-member-destroyed', executed_by: holder.id }]);
    // Gone: answered like a family this professional cannot reach (no existence leak).
    expect((await h.request({ method: 'GET', url: `/api/families/${family}/entries`, cookie })).statusCode).toBe(403);
  });

  it('the family part\'s entries cannot be deleted outside the sanctioned function', async () => {
    await expect(h.database.db.query('DELETE FROM care.family_entries WHERE family_id = $1', [familyId])).rejects.toThrow();
    expect(await count('SELECT count(*)::int AS n FROM care.family_entries WHERE family_id = $1', [familyId])).toBeGreaterThan(0);
  });
});
