/**
 * A granted destruction is carried out through the one sanctioned path and
 * leaves a record apart from the dossier (Jeugdwet 7.3.9; 003 §3.3): the
 * content and its key are gone, the request and the record stay.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENTRY_KINDS, partOfEntryKind } from '../dossier/entry-kinds.js';
import { createHarness, type Harness, type TestEmployee } from '../test-support/harness.js';

let h: Harness;
let cookie: string;
let holder: TestEmployee;
/** The second person who confirms a destruction the holder decided (issue 14; organisation setting, on by default). */
let managerCookie: string;

beforeAll(async () => {
  h = await createHarness();
  holder = await h.employee({ role: 'care-professional' });
  cookie = await h.login(holder);
  managerCookie = await h.login(await h.employee({ role: 'manager' }));
});
afterAll(async () => h.close());

const post = (url: string, body: unknown = {}) => h.request({ method: 'POST', url, cookie, body });

async function grantedDestruction(clientId: string, part?: string): Promise<string> {
  const created = (await post(`/api/clients/${clientId}/requests`, { kind: 'destroy', channel: 'written', receivedOn: '2026-11-20', details: 'Vernietig alstublieft.', identityCheck: { documentType: 'passport' }, ...(part === undefined ? {} : { part }) })).json();
  await post(`/api/clients/${clientId}/requests/${created.id}/decision`, { outcome: 'granted', reasons: '' });
  await confirmed(clientId, created.id as string);
  return created.id as string;
}

/** The manager's confirmation, the second person's (migration 0055). */
async function confirmed(clientId: string, requestId: string): Promise<void> {
  const response = await h.request({ method: 'POST', url: `/api/clients/${clientId}/requests/${requestId}/confirm-destruction`, cookie: managerCookie, body: {} });
  expect(response.statusCode, response.body).toBe(200);
}

describe('carrying out a destruction', () => {
  it('whole dossier: entries and key destroyed, timeline unreadable, request and destruction record kept', async () => {
    const clientId = await h.client({ age: 17, holder });
    await post(`/api/clients/${clientId}/entries`, { kind: 'conversation-report', text: 'Te vernietigen', source: { kind: 'client' } });
    const requestId = await grantedDestruction(clientId);
    const fulfilled = await post(`/api/clients/${clientId}/requests/${requestId}/fulfil`);
    expect(fulfilled.statusCode).toBe(200);
    expect(fulfilled.json()).toMatchObject({ state: 'fulfilled', details: '(vernietigd met het dossier)' });
    const [count] = await h.database.db.query<{ entries: number; keys: number }>(
      'SELECT (SELECT count(*)::int FROM care.entries WHERE client_id = $1) AS entries, (SELECT count(*)::int FROM care.client_keys WHERE client_id = $1) AS keys', [clientId]);
    expect(count).toEqual({ entries: 0, keys: 0 });
    expect((await h.request({ method: 'GET', url: `/api/clients/${clientId}/entries`, cookie })).statusCode).toBe(410);
    const records = await h.database.db.query('SELECT scope, part, entries_destroyed, request_id, reason FROM org.destruction_records WHERE client_id = $1', [clientId]);
    expect(records).toEqual([{ scope: 'whole-dossier', part: 'dossier', entries_destroyed: 1, request_id: requestId, reason: 'client-request' }]);
  });

  it('part: only the entries of that part go; the rest stays readable', async () => {
    const clientId = await h.client({ age: 16, holder });
    await post(`/api/clients/${clientId}/entries`, { kind: 'research-report', text: 'Onderzoek', source: { kind: 'care-professional' } });
    await post(`/api/clients/${clientId}/entries`, { kind: 'plan', text: 'Plan blijft', source: { kind: 'care-professional' } });
    const requestId = await grantedDestruction(clientId, 'research-report');
    await post(`/api/clients/${clientId}/requests/${requestId}/fulfil`);
    const timeline = (await h.request({ method: 'GET', url: `/api/clients/${clientId}/entries`, cookie })).json();
    expect(timeline.entries.map((e: { text: string }) => e.text)).toEqual(['Plan blijft']);
  });

  it('whole dossier with a disclosure, an own statement and a work note: all content goes, the register keeps that there was a disclosure', async () => {
    const clientId = await h.client({ age: 17, holder });
    const entry = (await post(`/api/clients/${clientId}/entries`, { kind: 'plan', text: 'Plan', source: { kind: 'care-professional' } })).json();
    const statement = (await post(`/api/clients/${clientId}/requests`, { kind: 'add-statement', channel: 'written', receivedOn: '2026-11-20', details: 'Mijn kant.' })).json();
    await post(`/api/clients/${clientId}/requests/${statement.id}/decision`, { outcome: 'granted', reasons: '' });
    expect((await post(`/api/clients/${clientId}/requests/${statement.id}/fulfil`, { statement: { entryId: entry.id, text: 'Ik zie het anders.' } })).statusCode).toBe(200);
    const disclosure = await post(`/api/clients/${clientId}/disclosures`, {
      recipient: 'Gemeente', basis: 'municipality-billing', part: 'administrative-data', what: 'Declaratie', disclosedOn: '2026-11-21', clientToldBeforehand: true,
    });
    expect(disclosure.statusCode, disclosure.body).toBe(201);
    expect((await post(`/api/clients/${clientId}/work-notes`, { text: 'Geheugensteun' })).statusCode).toBe(201);
    const requestId = await grantedDestruction(clientId);
    const fulfilled = await post(`/api/clients/${clientId}/requests/${requestId}/fulfil`);
    expect(fulfilled.statusCode, fulfilled.body).toBe(200);
    const [left] = await h.database.db.query<{ entries: number; notes: number; disclosures: number }>(
      `SELECT (SELECT count(*)::int FROM care.entries WHERE client_id = $1) AS entries, (SELECT count(*)::int FROM care.work_notes WHERE client_id = $1) AS notes,
              (SELECT count(*)::int FROM org.disclosures WHERE client_id = $1 AND entry_id IS NULL) AS disclosures`, [clientId]);
    expect(left).toEqual({ entries: 0, notes: 0, disclosures: 1 });
  });

  it('partly granted: only the granted entries go, the kept ones stay readable, and the record counts only what went (Jeugdwet 7.3.9)', async () => {
    const clientId = await h.client({ age: 17, holder });
    const entry = async (kind: string, text: string) => (await post(`/api/clients/${clientId}/entries`, { kind, text, source: { kind: 'care-professional' } })).json().id as string;
    const gone = await entry('conversation-report', 'Gesprek dat weg mag');
    const goneToo = await entry('plan', 'Oud plan dat weg mag');
    const keptForProcedure = await entry('research-report', 'Onderzoek voor de klachtprocedure');
    const keptForCare = await entry('evaluation', 'Evaluatie die goede zorg nodig heeft');
    const created = (await post(`/api/clients/${clientId}/requests`, { kind: 'destroy', channel: 'written', receivedOn: '2026-11-20', details: 'Vernietig alles.', identityCheck: { documentType: 'passport' } })).json();
    const reasons = 'Een deel vernietigen wij; het onderzoek en de evaluatie bewaren wij om de genoemde redenen.';

    // Partly, without saying what is kept and on what ground: a refusal without a ground (400), nothing decided.
    const groundless = await post(`/api/clients/${clientId}/requests/${created.id}/decision`, { outcome: 'partly', reasons });
    expect(groundless.statusCode).toBe(400);
    expect(groundless.json()).toMatchObject({ code: 'refusal-ground-required', field: 'destruction' });
    expect(groundless.json().nl).toContain('Jeugdwet 7.3.9');
    // An entry neither destroyed nor kept on a ground: also a refusal without a ground.
    const unaccounted = await post(`/api/clients/${clientId}/requests/${created.id}/decision`, {
      outcome: 'partly', reasons, destruction: { grantedEntryIds: [gone, goneToo], refused: [{ entryIds: [keptForProcedure], ground: 'needed-for-procedure' }] },
    });
    expect(unaccounted.statusCode).toBe(400);
    expect(unaccounted.json()).toMatchObject({ code: 'refusal-ground-required', unaccounted: [keptForCare] });
    // A ground that is not one of the three is refused by the schema.
    expect((await post(`/api/clients/${clientId}/requests/${created.id}/decision`, {
      outcome: 'partly', reasons, destruction: { grantedEntryIds: [gone], refused: [{ entryIds: [keptForProcedure, keptForCare, goneToo], ground: 'factual-error' }] },
    })).statusCode).toBe(400);
    expect((await h.request({ method: 'GET', url: `/api/clients/${clientId}/requests/${created.id}`, cookie })).json().state).toBe('received');

    const decided = await post(`/api/clients/${clientId}/requests/${created.id}/decision`, {
      outcome: 'partly', reasons,
      destruction: { grantedEntryIds: [gone, goneToo], refused: [{ entryIds: [keptForProcedure], ground: 'needed-for-procedure' }, { entryIds: [keptForCare], ground: 'good-care-requires-keeping' }] },
    });
    expect(decided.statusCode, decided.body).toBe(200);
    expect(decided.json().decision).toMatchObject({ outcome: 'partly', executionDeadline: '2027-02-22', destruction: { grantedEntryIds: [gone, goneToo] } });
    expect(decided.json().decision.facts).toEqual(expect.arrayContaining(['needed-for-procedure', 'good-care-requires-keeping']));
    expect(decided.json().decision.basis).toContain('Jeugdwet 7.3.9');
    await confirmed(clientId, created.id as string);

    const fulfilled = await post(`/api/clients/${clientId}/requests/${created.id}/fulfil`);
    expect(fulfilled.statusCode, fulfilled.body).toBe(200);
    const timeline = (await h.request({ method: 'GET', url: `/api/clients/${clientId}/entries`, cookie })).json();
    expect(timeline.entries.map((e: { text: string }) => e.text).sort()).toEqual(['Evaluatie die goede zorg nodig heeft', 'Onderzoek voor de klachtprocedure']);
    const records = await h.database.db.query('SELECT scope, entries_destroyed, request_id FROM org.destruction_records WHERE client_id = $1', [clientId]);
    expect(records).toEqual([{ scope: 'part', entries_destroyed: 2, request_id: created.id }]);
    const [keys] = await h.database.db.query<{ n: number }>('SELECT count(*)::int AS n FROM care.client_keys WHERE client_id = $1', [clientId]);
    expect(keys!.n).toBe(1); // a partial destruction keeps the dossier's key
  });

  it('no destruction before a decision, nor of a refused one: 409 and every entry still there', async () => {
    const clientId = await h.client({ age: 17, holder });
    await post(`/api/clients/${clientId}/entries`, { kind: 'plan', text: 'Blijft staan', source: { kind: 'care-professional' } });
    const open = (await post(`/api/clients/${clientId}/requests`, { kind: 'destroy', channel: 'written', receivedOn: '2026-11-20', details: 'Vernietig alstublieft.' })).json();
    const early = await post(`/api/clients/${clientId}/requests/${open.id}/fulfil`);
    expect(early.statusCode).toBe(409);
    expect(early.json().code).toBe('request-wrong-state');
    await post(`/api/clients/${clientId}/requests/${open.id}/decision`, { outcome: 'refused', reasons: 'Het plan is nodig in een lopende tuchtprocedure.', facts: ['needed-for-procedure'] });
    const refused = await post(`/api/clients/${clientId}/requests/${open.id}/fulfil`);
    expect(refused.statusCode).toBe(409);
    const timeline = (await h.request({ method: 'GET', url: `/api/clients/${clientId}/entries`, cookie })).json();
    expect(timeline.entries.map((e: { text: string }) => e.text)).toEqual(['Blijft staan']);
    expect(await h.database.db.query('SELECT 1 FROM org.destruction_records WHERE client_id = $1', [clientId])).toEqual([]);
  });

  it('the application role cannot delete entries outside the sanctioned functions', async () => {
    await expect(h.database.db.query('DELETE FROM care.entries')).rejects.toThrow(/permission denied|append-only/);
    await expect(h.database.db.query('DELETE FROM org.destruction_records')).rejects.toThrow(/permission denied|append-only/);
  });

  it('the application role cannot destroy without leaving a record, nor write a record of its own (Jeugdwet 7.3.9)', async () => {
    const clientId = await h.client({ age: 15, holder });
    await post(`/api/clients/${clientId}/entries`, { kind: 'plan', text: 'Blijft', source: { kind: 'care-professional' } });
    for (const sql of ['SELECT care.destroy_client_content($1)', 'SELECT care.destroy_client_key($1)', `SELECT care.destroy_client_entries($1, ARRAY['plan'])`]) {
      await expect(h.database.db.query(sql, [clientId]), sql).rejects.toThrow(/permission denied/);
    }
    await expect(h.database.db.query(
      `INSERT INTO org.destruction_records (organisation_id, client_id, scope, part, entries_destroyed, reason, executed_by)
       VALUES ($1, $2, 'whole-dossier', 'dossier', 0, 'client-request', $3)`, [h.organisationId, clientId, holder.id],
    )).rejects.toThrow(/permission denied/);
    // The sanctioned function refuses a client of another organisation, whatever the caller claims.
    await expect(h.database.db.query('SELECT care.destroy_dossier($1, gen_random_uuid(), $2, NULL, NULL, $3)', [clientId, 'client-request', holder.id])).rejects.toThrow(/not of organisation/);
    // Nor does it destroy on a decision that does not exist: no request, an undecided or refused one, a retention
    // destruction nobody confirmed, the family part of a family with members (migration 0029).
    const destroy = (reason: string, requestId: string | null) =>
      h.database.db.query('SELECT care.destroy_dossier($1, $2, $3, $4, NULL, $5)', [clientId, h.organisationId, reason, requestId, holder.id]);
    await expect(destroy('client-request', null)).rejects.toThrow(/no granted destruction request/);
    const undecided = await post(`/api/clients/${clientId}/requests`, { kind: 'destroy', channel: 'written', receivedOn: '2026-11-20', details: 'Alles weg.' });
    expect(undecided.statusCode).toBe(201);
    await expect(destroy('client-request', undecided.json().id)).rejects.toThrow(/no granted destruction request/);
    await expect(h.database.db.query(`SELECT care.destroy_dossier_entries($1, ARRAY[gen_random_uuid()], 'dossier', $2, $3, NULL, $4)`,
      [clientId, h.organisationId, undecided.json().id, holder.id])).rejects.toThrow(/no granted destruction request/);
    await expect(h.database.db.query(`SELECT care.destroy_dossier_part($1, ARRAY['plan'], 'care-plan', $2, $3, NULL, $4)`,
      [clientId, h.organisationId, undecided.json().id, holder.id])).rejects.toThrow(/no granted destruction request/);
    await expect(destroy('retention-expired', null)).rejects.toThrow(/not confirmed/);
    await expect(destroy('last-member-destroyed', null)).rejects.toThrow(/not a decision/);
    const family = await post('/api/families', { name: 'Gezin Blijft', memberIds: [clientId] });
    expect(family.statusCode).toBe(201);
    await expect(h.database.db.query(`SELECT care.destroy_family($1, $2, 'last-member-destroyed', NULL, NULL, $3)`, [family.json().id, h.organisationId, holder.id]))
      .rejects.toThrow(/still has members/);
    // A request granted for one part is no licence for the whole dossier, nor for kinds outside that part.
    const partRequest = await grantedDestruction(clientId, 'research-report');
    await expect(destroy('client-request', partRequest)).rejects.toThrow(/no granted destruction request/);
    await expect(h.database.db.query(`SELECT care.destroy_dossier_part($1, ARRAY['research-report', 'plan'], 'research-report', $2, $3, NULL, $4)`,
      [clientId, h.organisationId, partRequest, holder.id])).rejects.toThrow(/outside part/);
    for (const renamed of ['care.destroy_dossier_decided($1, $2, \'client-request\', NULL, NULL, $3)']) {
      await expect(h.database.db.query(`SELECT ${renamed}`, [clientId, h.organisationId, holder.id])).rejects.toThrow(/permission denied/);
    }
    const [left] = await h.database.db.query<{ n: number }>('SELECT count(*)::int AS n FROM care.entries WHERE client_id = $1', [clientId]);
    expect(left!.n).toBe(1);
  });
});

describe('the database knows which part each entry kind belongs to, as the code does', () => {
  it('care.part_of_entry_kind agrees with partOfEntryKind for every kind (the part guard of migration 0029 relies on it)', async () => {
    for (const kind of ENTRY_KINDS) {
      const [row] = await h.database.db.query<{ part: string }>('SELECT care.part_of_entry_kind($1) AS part', [kind]);
      expect(row!.part, kind).toBe(partOfEntryKind(kind));
    }
  });
});
