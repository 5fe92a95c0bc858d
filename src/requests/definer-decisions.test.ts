/**
 * Decisions the database holds (issue 14, deliverables 1 and 6; migration 0055), proven from raw SQL as the
 * application role and through HTTP.
 *
 * The reproduction: as `dossierwijzer_app`, writing a `decided/granted` destroy request (or a `confirmed` retention
 * review) and calling `care.destroy_dossier` destroyed a dossier and erased the identity, with no access-log row.
 * Now decisions, confirmations and destructions are written only by SECURITY DEFINER functions that check who
 * decides and write their own log row; a destruction waits for a second person; a refusal on serious harm names
 * the other professional consulted (Jeugdwet 7.3.2 lid 4).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inOrganisation } from '../db/organisation-scope.js';
import { createHarness, type Harness, type TestEmployee } from '../test-support/harness.js';

let h: Harness;
let holder: TestEmployee;
let manager: TestEmployee;
let intern: TestEmployee;
let privacyOfficer: TestEmployee;
const cookies = new Map<string, string>();

beforeAll(async () => {
  h = await createHarness();
  holder = await h.employee({ role: 'care-professional' });
  manager = await h.employee({ role: 'manager' });
  intern = await h.employee({ role: 'intern' });
  privacyOfficer = await h.employee({ role: 'privacy-officer' });
  for (const e of [holder, manager, intern, privacyOfficer]) cookies.set(e.id, await h.login(e));
}, 120_000);
afterAll(async () => h.close());

const post = (who: TestEmployee, url: string, body: unknown = {}) => h.request({ method: 'POST', url, cookie: cookies.get(who.id)!, body });
const get = (who: TestEmployee, url: string) => h.request({ method: 'GET', url, cookie: cookies.get(who.id)! });
/** Raw SQL as the application role, in the organisation's scope (as a request of that organisation runs). */
const sql = <Row = Record<string, unknown>>(text: string, params: unknown[] = []) => inOrganisation(h.organisationId, () => h.database.db.query<Row>(text, params));

async function clientWithEntry(): Promise<string> {
  const clientId = await h.client({ age: 17, holder });
  await h.relate(clientId, intern, 'intern');
  expect((await post(holder, `/api/clients/${clientId}/entries`, { kind: 'plan', text: 'Blijft staan', source: { kind: 'care-professional' } })).statusCode).toBe(201);
  return clientId;
}

async function destroyRequest(clientId: string): Promise<string> {
  const created = await post(holder, `/api/clients/${clientId}/requests`, {
    kind: 'destroy', channel: 'written', receivedOn: '2026-11-20', details: 'Vernietig mijn dossier.', identityCheck: { documentType: 'passport' },
  });
  expect(created.statusCode, created.body).toBe(201);
  return created.json<{ id: string }>().id;
}

async function logRows(clientId: string): Promise<{ action: string; employee_id: string }[]> {
  return sql<{ action: string; employee_id: string }>('SELECT action, employee_id FROM audit.access_log WHERE client_id = $1 ORDER BY seq', [clientId]);
}

describe('the forged decision (issue 14 reproduction) fails in the database', () => {
  it('the application role cannot write a granted destroy request, by UPDATE or INSERT, nor destroy on it; nothing goes and nothing is logged as destroyed', async () => {
    const clientId = await clientWithEntry();
    const requestId = await destroyRequest(clientId);
    // The decision columns are no longer the application role's (column privileges).
    await expect(sql(`UPDATE org.requests SET state = 'decided', decision = 'granted', decided_on = DATE '2026-11-22', decided_by = $2 WHERE id = $1`,
      [requestId, holder.id])).rejects.toThrow(/permission denied/);
    // The state column stays the application's (extension, fulfilment), but not the step to 'decided'.
    await expect(sql(`UPDATE org.requests SET state = 'decided' WHERE id = $1`, [requestId])).rejects.toThrow(/decided only through org.decide_request/);
    // Nor a decided row of its own.
    await expect(sql(
      `INSERT INTO org.requests (organisation_id, client_id, kind, requester_kind, channel, received_on, details_ciphertext, part, state,
         intake_outcome, intake_basis, intake_explanation, deadline, decision, decided_on, decided_by, recorded_by)
       VALUES ($1, $2, 'destroy', 'client', 'written', DATE '2026-11-20', '\\x00', 'dossier', 'decided', 'allow', '{}', '', DATE '2026-12-20',
               'granted', DATE '2026-11-22', $3, $3)`, [h.organisationId, clientId, holder.id])).rejects.toThrow(/decided only through org.decide_request/);
    await expect(sql('SELECT care.destroy_dossier($1, $2, $3, $4, NULL, $5)', [clientId, h.organisationId, 'client-request', requestId, holder.id]))
      .rejects.toThrow(/no granted destruction request/);
    // The privacy officer's confirmation of a retention destruction cannot be forged either.
    await expect(sql(
      `INSERT INTO org.retention_reviews (client_id, organisation_id, last_change, kept_until, status, decided_by, decided_at)
       VALUES ($1, $2, DATE '2000-01-01', DATE '2020-01-01', 'confirmed', $3, now())`, [clientId, h.organisationId, privacyOfficer.id]))
      .rejects.toThrow(/confirmed only through org.confirm_retention_destruction/);
    await sql(`INSERT INTO org.retention_reviews (client_id, organisation_id, last_change, kept_until, status) VALUES ($1, $2, DATE '2000-01-01', DATE '2020-01-01', 'pending')`,
      [clientId, h.organisationId]);
    await expect(sql(`UPDATE org.retention_reviews SET status = 'confirmed', decided_by = $2, decided_at = now() WHERE client_id = $1`, [clientId, privacyOfficer.id]))
      .rejects.toThrow(/confirmed only through org.confirm_retention_destruction/);
    await expect(sql('SELECT care.destroy_dossier($1, $2, $3, NULL, NULL, $4)', [clientId, h.organisationId, 'retention-expired', privacyOfficer.id]))
      .rejects.toThrow(/not confirmed/);
    // Nor switch the organisation's second confirmation off.
    await expect(sql('UPDATE org.organisations SET destruction_second_confirmation = false WHERE id = $1', [h.organisationId]))
      .rejects.toThrow(/changed only by the owner/);
    const [left] = await sql<{ entries: number; keys: number; records: number }>(
      `SELECT (SELECT count(*)::int FROM care.entries WHERE client_id = $1) AS entries, (SELECT count(*)::int FROM care.client_keys WHERE client_id = $1) AS keys,
              (SELECT count(*)::int FROM org.destruction_records WHERE client_id = $1) AS records`, [clientId]);
    expect(left).toEqual({ entries: 1, keys: 1, records: 0 });
    expect((await logRows(clientId)).map((r) => r.action)).not.toContain('destroy');
  });

  it('the decision function decides only for the dossier holder or a manager, and a refusal on serious harm only with the professional consulted', async () => {
    const clientId = await clientWithEntry();
    const requestId = await destroyRequest(clientId);
    const decide = (by: string, outcome: string, facts: string[], consulted: string | null) => sql(
      'SELECT org.decide_request($1, $2, $3, $4, $5, $6, DATE \'2026-11-22\', NULL, NULL, NULL, $7, $8, NULL, NULL)',
      [requestId, by, outcome, facts, Buffer.from('x'), [], consulted, 'raw sql']);
    await expect(decide(intern.id, 'granted', [], null)).rejects.toThrow(/neither the dossier holder nor a manager/);
    await expect(decide(privacyOfficer.id, 'granted', [], null)).rejects.toThrow(/neither the dossier holder nor a manager/);
    await expect(decide(holder.id, 'refused', ['serious-harm-assessed'], null)).rejects.toThrow(/names the other professional consulted/);
    await expect(decide(holder.id, 'refused', ['serious-harm-assessed'], ' ')).rejects.toThrow(/names the other professional consulted/);
    await decide(holder.id, 'refused', ['serious-harm-assessed'], 'J. de Vries, gedragswetenschapper');
    const [row] = await sql<{ state: string; consulted_professional: string; decided_by: string }>(
      'SELECT state, consulted_professional, decided_by FROM org.requests WHERE id = $1', [requestId]);
    expect(row).toEqual({ state: 'decided', consulted_professional: 'J. de Vries, gedragswetenschapper', decided_by: holder.id });
    // Its own log row, by the decider.
    expect(await logRows(clientId)).toEqual(expect.arrayContaining([{ action: 'decide', employee_id: holder.id }]));
    await expect(decide(manager.id, 'granted', [], null)).rejects.toThrow(/already decided/);
  });
});

describe('through the API', () => {
  it('a refusal on serious harm names the other professional consulted (Jeugdwet 7.3.2 lid 4): 400 without, recorded and shown with', async () => {
    const clientId = await clientWithEntry();
    const created = await post(holder, `/api/clients/${clientId}/requests`, { kind: 'inspect', channel: 'written', receivedOn: '2026-11-20', details: 'Inzage.' });
    expect(created.statusCode, created.body).toBe(201);
    const url = `/api/clients/${clientId}/requests/${created.json<{ id: string }>().id}/decision`;
    const reasons = 'Inzage zou de jeugdige op dit moment ernstig schaden; wij bespreken dit over drie maanden opnieuw.';
    const without = await post(holder, url, { outcome: 'refused', reasons, facts: ['serious-harm-assessed'] });
    expect(without.statusCode, without.body).toBe(400);
    expect(without.json()).toMatchObject({ code: 'consulted-professional-required', field: 'consultedProfessional' });
    expect(without.json().nl).toContain('andere deskundige');
    const withIt = await post(holder, url, { outcome: 'refused', reasons, facts: ['serious-harm-assessed'], consultedProfessional: 'J. de Vries, gedragswetenschapper' });
    expect(withIt.statusCode, withIt.body).toBe(200);
    expect(withIt.json().decision).toMatchObject({ outcome: 'refused', consultedProfessional: 'J. de Vries, gedragswetenschapper' });
  });

  it('a destruction is carried out only after a second authorised person confirms it; each step writes its log row', async () => {
    const clientId = await clientWithEntry();
    const requestId = await destroyRequest(clientId);
    const base = `/api/clients/${clientId}/requests/${requestId}`;
    expect((await post(holder, `${base}/decision`, { outcome: 'granted', reasons: '' })).statusCode).toBe(200);
    // Decided, not yet confirmed: nothing is destroyed.
    const early = await post(holder, `${base}/fulfil`);
    expect(early.statusCode, early.body).toBe(409);
    expect(early.json()).toMatchObject({ code: 'destruction-needs-confirmation' });
    expect(early.json().nl).toContain('tweede');
    // The decider is not the second person.
    const self = await post(holder, `${base}/confirm-destruction`);
    expect(self.statusCode, self.body).toBe(403);
    // An intern is not an authorised person (whether the gate or the database refuses, nothing is confirmed).
    expect((await post(intern, `${base}/confirm-destruction`)).statusCode).toBe(403);
    expect((await get(holder, base)).json().decision.destructionConfirmation).toBeNull();
    const confirmed = await post(manager, `${base}/confirm-destruction`);
    expect(confirmed.statusCode, confirmed.body).toBe(200);
    expect(confirmed.json().decision.destructionConfirmation).toMatchObject({ confirmedBy: manager.id });
    expect((await post(manager, `${base}/confirm-destruction`)).json()).toMatchObject({ status: 409, code: 'already-confirmed' }); // once
    const fulfilled = await post(holder, `${base}/fulfil`);
    expect(fulfilled.statusCode, fulfilled.body).toBe(200);
    expect(await sql('SELECT 1 FROM care.client_keys WHERE client_id = $1', [clientId])).toEqual([]);
    const rows = await logRows(clientId);
    expect(rows).toEqual(expect.arrayContaining([
      { action: 'decide', employee_id: holder.id },
      { action: 'confirm-destruction', employee_id: manager.id },
      { action: 'destroy', employee_id: holder.id },
    ]));
  });

  it('the privacy officer\'s confirmation of a retention destruction goes through the database function, with its log row', async () => {
    const clientId = await clientWithEntry();
    await sql(`INSERT INTO org.retention_reviews (client_id, organisation_id, last_change, kept_until, status) VALUES ($1, $2, DATE '2000-01-01', DATE '2020-01-01', 'pending')`,
      [clientId, h.organisationId]);
    await expect(sql('SELECT org.confirm_retention_destruction($1, $2, $3, now(), NULL, NULL, NULL)', [clientId, h.organisationId, manager.id]))
      .rejects.toThrow(/not a privacy officer/);
    const confirmed = await post(privacyOfficer, `/api/privacy/retention-reviews/${clientId}/confirm`);
    expect(confirmed.statusCode, confirmed.body).toBe(200);
    const [review] = await sql<{ status: string; decided_by: string }>('SELECT status, decided_by FROM org.retention_reviews WHERE client_id = $1', [clientId]);
    expect(review).toEqual({ status: 'confirmed', decided_by: privacyOfficer.id });
    expect(await logRows(clientId)).toEqual(expect.arrayContaining([{ action: 'confirm-destruction', employee_id: privacyOfficer.id }]));
  });
});
