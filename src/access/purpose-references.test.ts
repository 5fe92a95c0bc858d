/**
 * Purposes are references (issue 14, reproduction "Purposes are
 * self-declared"). Before: any role could send `x-dossierwijzer-purpose:
 * legal-claims` and read straight through an AVG 18 restriction, and a manager
 * read any dossier with `incident` without any incident existing. Now a
 * purpose names its record — a complaint or incident about THIS client, a
 * registered audit with this client in its sample, the current retention hold
 * (the recorded procedure) on this dossier — checked in the access
 * transaction; a missing, foreign or other-client reference is refused with
 * the engine's explanation (403) and logged; the log row carries the
 * reference, covered by the chained hash (log-chain.ts, v2 form).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness, type TestEmployee } from '../test-support/harness.js';
import { asOwner } from '../test-support/test-database.js';
import { verifyLog } from './verify-log.js';

let h: Harness;
let holder: TestEmployee;
let holderCookie: string;
let managerCookie: string;
let officerCookie: string;
let clientId: string;
let otherClientId: string;

const NOWHERE = '00000000-0000-4000-8000-000000000000';

beforeAll(async () => {
  h = await createHarness();
  holder = await h.employee({ role: 'care-professional' });
  holderCookie = await h.login(holder);
  managerCookie = await h.login(await h.employee({ role: 'manager' }));
  officerCookie = await h.login(await h.employee({ role: 'privacy-officer' }));
  clientId = await h.client({ age: 15, holder });
  otherClientId = await h.client({ age: 12, holder });
});
afterAll(async () => h.close());

function entries(cookie: string, client: string, purpose?: string) {
  return h.request({ method: 'GET', url: `/api/clients/${client}/entries`, cookie, ...(purpose === undefined ? {} : { headers: { 'x-dossierwijzer-purpose': purpose } }) });
}

async function lastLog(): Promise<{ outcome: string; purpose: string | null; purpose_reference: string | null; client_id: string | null; basis: string }> {
  const [row] = await h.database.db.query<{ outcome: string; purpose: string | null; purpose_reference: string | null; client_id: string | null; basis: string }>(
    'SELECT outcome, purpose, purpose_reference, client_id, basis FROM audit.access_log ORDER BY seq DESC LIMIT 1');
  return row!;
}

/** The client asked to restrict processing (AVG 18): the holder registers, grants and carries out the request. */
async function restrict(client: string): Promise<void> {
  const post = (url: string, body: unknown) => h.request({ method: 'POST', url, cookie: holderCookie, body });
  const created = await post(`/api/clients/${client}/requests`, { kind: 'restrict', channel: 'written', receivedOn: '2026-11-20', details: 'Verzoek: beperken.' });
  expect(created.statusCode, created.body).toBe(201);
  const id = created.json().id as string;
  expect((await post(`/api/clients/${client}/requests/${id}/decision`, { outcome: 'granted', reasons: '', facts: [] })).statusCode).toBe(200);
  expect((await post(`/api/clients/${client}/requests/${id}/fulfil`, {})).statusCode).toBe(200);
}

describe('legal claims: reading a restricted dossier names a recorded procedure (AVG 18(2); 003 §3.2)', () => {
  let restricted: string;
  beforeAll(async () => {
    restricted = await h.client({ age: 16, holder });
    await restrict(restricted);
  });

  it('refuses legal-claims without a recorded hold: 403 with the engine\'s explanation, logged (was: 200)', async () => {
    const bare = await entries(holderCookie, restricted, 'legal-claims');
    expect(bare.statusCode).toBe(403);
    expect(bare.headers['content-type']).toContain('application/problem+json');
    expect(bare.json().nl).toContain('bewaarplicht');
    expect(bare.json().basis).toContain('AVG 18');
    expect(await lastLog()).toMatchObject({ outcome: 'denied', purpose: 'legal-claims', purpose_reference: null, client_id: restricted });

    const invented = await entries(holderCookie, restricted, `legal-claims ${NOWHERE}`);
    expect(invented.statusCode).toBe(403);
    expect(await lastLog()).toMatchObject({ outcome: 'denied', purpose: 'legal-claims', purpose_reference: NOWHERE });
  });

  it('with the current hold on this dossier the holder reads, and the log row carries the hold; another client\'s hold does not open it', async () => {
    const hold = await h.request({ method: 'POST', url: `/api/privacy/retention-reviews/${restricted}/hold`, cookie: officerCookie, body: { reason: 'Klachtprocedure bij de geschillencommissie.' } });
    expect(hold.statusCode, hold.body).toBeLessThan(300);
    const [row] = await h.database.db.query<{ hold_id: string }>('SELECT hold_id FROM org.retention_reviews WHERE client_id = $1', [restricted]);
    const holdId = row!.hold_id;

    const read = await entries(holderCookie, restricted, `legal-claims ${holdId}`);
    expect(read.statusCode, read.body).toBe(200);
    expect(await lastLog()).toMatchObject({ outcome: 'allowed', purpose: 'legal-claims', purpose_reference: holdId, client_id: restricted });

    // The hold names this client only.
    const elsewhere = await h.client({ age: 16, holder });
    await restrict(elsewhere);
    expect((await entries(holderCookie, elsewhere, `legal-claims ${holdId}`)).statusCode).toBe(403);

    // A manager conducts the organisation's side of the procedure (003 §3.2).
    expect((await entries(managerCookie, restricted, `legal-claims ${holdId}`)).statusCode).toBe(200);
    expect(await lastLog()).toMatchObject({ outcome: 'allowed', purpose: 'legal-claims', purpose_reference: holdId, basis: 'management-purpose' });

    // Roles the law gives no part in the procedure cannot invoke it, even with the hold (decide-purpose.ts).
    for (const role of ['admin-staff', 'privacy-officer'] as const) {
      const refused = await entries(await h.login(await h.employee({ role })), restricted, `legal-claims ${holdId}`);
      expect(refused.statusCode, role).toBe(403);
      expect(refused.json().nl, role).toContain('juridische procedure');
    }

    // A released hold (the procedure is over) opens nothing any more.
    expect((await h.request({ method: 'POST', url: `/api/privacy/retention-reviews/${restricted}/release`, cookie: officerCookie })).statusCode).toBeLessThan(300);
    expect((await entries(holderCookie, restricted, `legal-claims ${holdId}`)).statusCode).toBe(403);
  });
});

describe('a manager\'s purpose names a complaint, incident or audit about this client (DOMAIN §2; 004 C)', () => {
  it('refuses incident without an incident about this client: 403, logged (was: 200 for any dossier)', async () => {
    const bare = await entries(managerCookie, clientId, 'incident');
    expect(bare.statusCode).toBe(403);
    expect(bare.json().nl).toContain('incidentenregister');
    expect(await lastLog()).toMatchObject({ outcome: 'denied', purpose: 'incident', client_id: clientId });
    expect((await entries(managerCookie, clientId, `incident ${NOWHERE}`)).statusCode).toBe(403);

    // An incident that names another client does not open this one.
    const incident = await h.request({
      method: 'POST', url: '/api/registers/incidents', cookie: managerCookie,
      body: { kind: 'incident', occurredOn: '2026-11-20', clientIds: [otherClientId], description: 'Medicatie niet gegeven.' },
    });
    expect(incident.statusCode).toBe(201);
    const incidentId = incident.json().id as string;
    const foreign = await entries(managerCookie, clientId, `incident ${incidentId}`);
    expect(foreign.statusCode).toBe(403);
    expect(await lastLog()).toMatchObject({ outcome: 'denied', purpose: 'incident', purpose_reference: incidentId, client_id: clientId });

    // About this client: allowed, and the log row carries the incident.
    const about = await entries(managerCookie, otherClientId, `incident ${incidentId}`);
    expect(about.statusCode, about.body).toBe(200);
    expect(await lastLog()).toMatchObject({ outcome: 'allowed', purpose: 'incident', purpose_reference: incidentId, client_id: otherClientId, basis: 'management-purpose' });
  });

  it('a complaint opens only the dossier it is about', async () => {
    const complaint = await h.request({
      method: 'POST', url: '/api/registers/complaints', cookie: managerCookie,
      body: { clientId, receivedOn: '2026-11-20', complainant: 'Moeder', summary: 'Niet teruggebeld.' },
    });
    expect(complaint.statusCode).toBe(201);
    const complaintId = complaint.json().id as string;
    expect((await entries(managerCookie, clientId, `complaint ${complaintId}`)).statusCode).toBe(200);
    expect(await lastLog()).toMatchObject({ outcome: 'allowed', purpose: 'complaint', purpose_reference: complaintId });
    expect((await entries(managerCookie, otherClientId, `complaint ${complaintId}`)).statusCode).toBe(403);
    // The purpose is the manager's: a care professional does not name it (their access rests on the care relation).
    const notTheirs = await entries(holderCookie, clientId, `complaint ${complaintId}`);
    expect(notTheirs.statusCode).toBe(403);
    expect(notTheirs.json().nl).toContain('leidinggevende');
  });

  it('quality control by sample: a registered audit opens exactly its sample, while it runs', async () => {
    // Registering an audit is for a manager or the privacy officer, not for others.
    const refused = await h.request({
      method: 'POST', url: '/api/registers/quality-audits', cookie: holderCookie,
      body: { subject: 'Dossiervorming najaar', startsOn: '2026-11-01', endsOn: '2026-12-31', clientIds: [clientId] },
    });
    expect(refused.statusCode).toBe(403);
    const audit = await h.request({
      method: 'POST', url: '/api/registers/quality-audits', cookie: officerCookie,
      body: { subject: 'Dossiervorming najaar', startsOn: '2026-11-01', endsOn: '2026-12-31', clientIds: [clientId] },
    });
    expect(audit.statusCode, audit.body).toBe(201);
    const auditId = audit.json().id as string;
    const listed = await h.request({ method: 'GET', url: '/api/registers/quality-audits', cookie: managerCookie });
    expect(listed.json().audits).toEqual([expect.objectContaining({ id: auditId, clientIds: [clientId] })]);

    expect((await entries(managerCookie, clientId, 'quality-control')).statusCode).toBe(403);
    expect((await entries(managerCookie, clientId, `quality-control ${auditId}`)).statusCode).toBe(200);
    expect(await lastLog()).toMatchObject({ outcome: 'allowed', purpose: 'quality-control', purpose_reference: auditId });
    const outside = await entries(managerCookie, otherClientId, `quality-control ${auditId}`);
    expect(outside.statusCode).toBe(403);
    expect(outside.json().nl).toContain('steekproef');

    // After its end the audit opens nothing.
    const ended = await h.request({
      method: 'POST', url: '/api/registers/quality-audits', cookie: managerCookie,
      body: { subject: 'Dossiervorming voorjaar', startsOn: '2026-03-01', endsOn: '2026-06-30', clientIds: [clientId] },
    });
    expect((await entries(managerCookie, clientId, `quality-control ${ended.json().id as string}`)).statusCode).toBe(403);
  });

  it('a malformed purpose header is bad input (400), not a purpose', async () => {
    const bad = await entries(managerCookie, clientId, 'incident not-a-uuid');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().field).toBe('x-dossierwijzer-purpose');
  });
});

describe('the chained hash covers the reference', () => {
  it('verifies the whole log, rows with a reference (v2) and without (v1) alike; a changed reference breaks it', async () => {
    const [counts] = await h.database.db.query<{ with_reference: number; without: number }>(
      'SELECT count(*) FILTER (WHERE purpose_reference IS NOT NULL)::int AS with_reference, count(*) FILTER (WHERE purpose_reference IS NULL)::int AS without FROM audit.access_log');
    expect(counts!.with_reference).toBeGreaterThan(0);
    expect(counts!.without).toBeGreaterThan(0);
    const intact = await verifyLog(h.database.db);
    expect(intact.ok).toBe(true);

    // As an attacker with the owner's rights: point one row's reference elsewhere.
    const [target] = await h.database.db.query<{ seq: string }>('SELECT seq::text FROM audit.access_log WHERE purpose_reference IS NOT NULL ORDER BY seq LIMIT 1');
    await asOwner(h.database, (owner) => owner.exec(`BEGIN; ALTER TABLE audit.access_log DISABLE TRIGGER USER;
      UPDATE audit.access_log SET purpose_reference = '${NOWHERE}' WHERE seq = ${target!.seq};
      ALTER TABLE audit.access_log ENABLE TRIGGER USER; COMMIT;`));
    const broken = await verifyLog(h.database.db);
    expect(broken.ok).toBe(false);
    if (!broken.ok) expect(broken.problem).toMatchObject({ kind: 'hash', seq: Number(target!.seq) });
  });
});
