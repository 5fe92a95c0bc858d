/**
 * Requests online and consents in the portal (issue 19 items 4 and 5), over HTTP with portal sessions: each flow and
 * each refusal (the wrong person → 403 with the engine's explanation, another client's or person's id → 404, nothing
 * changed). The 16th birthday on the test clock: the mother's access then needs the young person's consent, given and
 * withdrawn per parent and per part in the portal (001; Jeugdwet 7.3.11; DOMAIN §3).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asSystem } from '../../db/organisation-scope.js';
import { createHarness, testBsn, type Harness, type TestEmployee } from '../../test-support/harness.js';
import { createPortalLogin, portalLogin, portalRequest, type PortalTestLogin } from '../../test-support/portal-fixture.js';

let h: Harness;
let holder: TestEmployee;
let staff: string;
let clientId: string;
let otherClientId: string;
let motherId: string;
let fatherId: string;
let young: PortalTestLogin;
let mother: PortalTestLogin;
let father: PortalTestLogin;
let other: PortalTestLogin;
let entryId: string;

/** Turns 16 on 25 November 2026 (the test clock starts on 22 November). */
const BORN = '2010-11-25';
const DAY = 24 * 3600 * 1000;

async function relation(body: Record<string, unknown>): Promise<string> {
  const response = await h.request({ method: 'POST', url: `/api/clients/${clientId}/relations`, cookie: staff, body: { establishedHow: 'gezagsregister', validFrom: '2026-01-05', ...body } });
  expect(response.statusCode, response.body).toBe(201);
  return response.json<{ id: string }>().id;
}

async function count(sql: string, params: unknown[]): Promise<number> {
  const [row] = await asSystem(() => h.database.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${sql}`, params));
  return row!.n;
}

beforeAll(async () => {
  h = await createHarness();
  holder = await h.employee({ role: 'care-professional' });
  staff = await h.login(holder);
  const made = await h.request({
    method: 'POST', url: '/api/clients', cookie: staff,
    body: { bsn: testBsn(), familyName: 'Jansen', givenNames: 'Lotte', birthDate: BORN, gender: 'female', careStartedOn: '2026-01-05' },
  });
  expect(made.statusCode, made.body).toBe(201);
  clientId = made.json<{ id: string }>().id;
  otherClientId = await h.client({ age: 14, holder });
  motherId = await relation({ relation: 'parent', hasCustody: true, custodyKind: 'two-headed-parental', custodyEstablishedBy: 'by-law-marriage', familyName: 'Jansen', givenNames: 'Mia' });
  fatherId = await relation({ relation: 'parent', hasCustody: false, familyName: 'Vos', givenNames: 'Frank' });
  const entry = await h.request({ method: 'POST', url: `/api/clients/${clientId}/entries`, cookie: staff, body: { kind: 'plan', text: 'Het plan: elke week praten.', source: { kind: 'care-professional' } } });
  expect(entry.statusCode, entry.body).toBe(201);
  entryId = entry.json<{ id: string }>().id;
  young = await createPortalLogin(h, { clientId, createdBy: holder });
  mother = await createPortalLogin(h, { clientId, relationId: motherId, createdBy: holder });
  father = await createPortalLogin(h, { clientId, relationId: fatherId, createdBy: holder });
  other = await createPortalLogin(h, { clientId: otherClientId, createdBy: holder });
}, 180_000);
afterAll(async () => h.close());

describe('requests online (issue 19 item 4)', () => {
  it('a request made in the portal is received today, electronically, with the engine\'s deadline, and lands in the professionals\' dashboard', async () => {
    const made = await portalRequest(h, { method: 'POST', url: '/api/portal/requests', cookie: young.cookie, body: { kind: 'copy', details: 'Ik wil graag een kopie van mijn dossier.' } });
    expect(made.statusCode, made.body).toBe(201);
    const request = made.json<{ id: string; state: string; deadline: string; deadlineText: string; receivedOn: string; kindLabel: string }>();
    expect(request).toMatchObject({ state: 'received', receivedOn: '2026-11-22', kindLabel: 'Kopie' });
    expect(request.deadline).toBe('2026-12-22'); // one month (AVG 12(3))
    expect(request.deadlineText).toContain('22 december 2026');
    const dashboard = await h.request({ method: 'GET', url: '/api/requests', cookie: staff });
    expect(dashboard.statusCode, dashboard.body).toBe(200);
    expect(dashboard.body).toContain(request.id);
    const staffView = await h.request({ method: 'GET', url: `/api/clients/${clientId}/requests/${request.id}`, cookie: staff });
    expect(staffView.json<{ channel: string; requester: { kind: string } }>()).toMatchObject({ channel: 'electronic', requester: { kind: 'client' } });
    const [row] = await asSystem(() => h.database.db.query<{ recorded_by: string | null; recorded_by_portal_account: string }>(
      'SELECT recorded_by, recorded_by_portal_account FROM org.requests WHERE id = $1', [request.id]));
    expect(row).toMatchObject({ recorded_by: null, recorded_by_portal_account: young.accountId });
  });

  it('lists only the person\'s own requests, and answers another\'s id with 404', async () => {
    const mine = await portalRequest(h, { method: 'GET', url: '/api/portal/requests', cookie: young.cookie });
    expect(mine.statusCode, mine.body).toBe(200);
    const list = mine.json<{ requests: { id: string }[]; kinds: { kind: string; outcome: string }[] }>();
    expect(list.requests).toHaveLength(1);
    expect(list.kinds.find((k) => k.kind === 'inspect')?.outcome).toBe('allow');
    const theirs = await portalRequest(h, { method: 'GET', url: '/api/portal/requests', cookie: mother.cookie });
    expect(theirs.json<{ requests: unknown[] }>().requests).toHaveLength(0);
    const foreign = await portalRequest(h, { method: 'GET', url: `/api/portal/requests/${list.requests[0]!.id}`, cookie: other.cookie });
    expect(foreign.statusCode).toBe(404);
  });

  it('an own statement written in the portal is added beside the disputed entry when the professional fulfils it', async () => {
    const made = await portalRequest(h, {
      method: 'POST', url: '/api/portal/requests', cookie: young.cookie,
      body: { kind: 'add-statement', details: 'Ik ben het niet eens met het plan.', statement: { entryId, text: 'Ik wil liever om de week praten.' } },
    });
    expect(made.statusCode, made.body).toBe(201);
    const id = made.json<{ id: string }>().id;
    // The professional reads the statement as written before deciding.
    const asRecorded = await h.request({ method: 'GET', url: `/api/clients/${clientId}/requests/${id}`, cookie: staff });
    expect(asRecorded.json<{ details: string }>().details).toContain('Ik wil liever om de week praten.');
    const decided = await h.request({ method: 'POST', url: `/api/clients/${clientId}/requests/${id}/decision`, cookie: staff, body: { outcome: 'granted', reasons: 'Eigen verklaring wordt toegevoegd.' } });
    expect(decided.statusCode, decided.body).toBe(200);
    const fulfilled = await h.request({ method: 'POST', url: `/api/clients/${clientId}/requests/${id}/fulfil`, cookie: staff, body: {} });
    expect(fulfilled.statusCode, fulfilled.body).toBe(200);
    const timeline = await h.request({ method: 'GET', url: `/api/clients/${clientId}/entries`, cookie: staff });
    expect(timeline.body).toContain('Ik wil liever om de week praten.');
    const shown = await portalRequest(h, { method: 'GET', url: `/api/portal/requests/${id}`, cookie: young.cookie });
    expect(shown.json<{ state: string; letter: boolean; decision: { outcomeText: string } }>()).toMatchObject({ state: 'fulfilled', letter: true, decision: { outcomeText: 'Toegewezen' } });
  });

  it('the decision letter and the copy for that reader are answered electronically in the portal, to the requester only', async () => {
    const mine = (await portalRequest(h, { method: 'GET', url: '/api/portal/requests', cookie: young.cookie })).json<{ requests: { id: string; kind: string }[] }>();
    const copy = mine.requests.find((r) => r.kind === 'copy')!;
    // Before a decision: no letter yet, no copy.
    expect((await portalRequest(h, { method: 'GET', url: `/api/portal/requests/${copy.id}/letter.pdf`, cookie: young.cookie })).statusCode).toBe(409);
    expect((await portalRequest(h, { method: 'GET', url: `/api/portal/requests/${copy.id}/copy.pdf`, cookie: young.cookie })).statusCode).toBe(409);
    const decided = await h.request({ method: 'POST', url: `/api/clients/${clientId}/requests/${copy.id}/decision`, cookie: staff, body: { outcome: 'granted', reasons: 'U krijgt een kopie.' } });
    expect(decided.statusCode, decided.body).toBe(200);
    const letter = await portalRequest(h, { method: 'GET', url: `/api/portal/requests/${copy.id}/letter.pdf`, cookie: young.cookie });
    expect(letter.statusCode, letter.body.slice(0, 300)).toBe(200);
    expect(letter.headers['content-type']).toBe('application/pdf');
    const pdf = await portalRequest(h, { method: 'GET', url: `/api/portal/requests/${copy.id}/copy.pdf`, cookie: young.cookie });
    expect(pdf.statusCode, pdf.body.slice(0, 300)).toBe(200);
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    const shown = (await portalRequest(h, { method: 'GET', url: `/api/portal/requests/${copy.id}`, cookie: young.cookie })).json<{ copy: boolean; letter: boolean }>();
    expect(shown).toMatchObject({ copy: true, letter: true });
    // The mother (same dossier, another person) and another client's account: 404.
    expect((await portalRequest(h, { method: 'GET', url: `/api/portal/requests/${copy.id}/copy.pdf`, cookie: mother.cookie })).statusCode).toBe(404);
    expect((await portalRequest(h, { method: 'GET', url: `/api/portal/requests/${copy.id}/letter.pdf`, cookie: other.cookie })).statusCode).toBe(404);
  });

  it('an own statement about an entry the person cannot see is refused, nothing recorded', async () => {
    const before = await count('org.requests WHERE client_id = $1', [clientId]);
    const made = await portalRequest(h, {
      method: 'POST', url: '/api/portal/requests', cookie: young.cookie,
      body: { kind: 'add-statement', details: 'Oneens.', statement: { entryId: '00000000-0000-4000-8000-000000000000', text: 'Nee.' } },
    });
    expect(made.statusCode).toBe(400);
    expect(await count('org.requests WHERE client_id = $1', [clientId])).toBe(before);
  });

  it('the father without custody asking restriction: recorded as refused with the engine\'s explanation (a refusal is never dropped)', async () => {
    const made = await portalRequest(h, { method: 'POST', url: '/api/portal/requests', cookie: father.cookie, body: { kind: 'restrict', details: 'Stop met het gebruik.' } });
    expect(made.statusCode, made.body).toBe(201);
    expect(made.json<{ state: string; intake: { explanation: string } }>()).toMatchObject({ state: 'refused-at-intake' });
    expect(made.json<{ intake: { explanation: string } }>().intake.explanation).toContain('recht van de cliënt');
  });
});

describe('consents (issue 19 item 5)', () => {
  it('the young person of 15 gives a disclosure consent digitally, recorded with the portal session as evidence; she withdraws it at once', async () => {
    const given = await portalRequest(h, {
      method: 'POST', url: '/api/portal/consents', cookie: young.cookie,
      body: { kind: 'disclosure', recipient: 'School De Linde', purpose: 'Afstemmen van begeleiding in de klas', dataDescription: 'Het plan', part: 'care-plan', validTo: '2027-06-30' },
    });
    expect(given.statusCode, given.body).toBe(201);
    const consent = given.json<{ id: string; inPortal: boolean; givenByText: string; validText: string; mayWithdraw: boolean }>();
    expect(consent).toMatchObject({ inPortal: true, givenByText: 'U zelf', mayWithdraw: true });
    expect(consent.validText).toContain('30 juni 2027');
    const [row] = await asSystem(() => h.database.db.query<{ recorded_by_portal_account: string; recorded_in_portal_session: string | null }>(
      'SELECT recorded_by_portal_account, recorded_in_portal_session FROM org.consents WHERE id = $1', [consent.id]));
    expect(row!.recorded_by_portal_account).toBe(young.accountId);
    expect(row!.recorded_in_portal_session).not.toBeNull();
    expect(row!.recorded_in_portal_session).not.toBe('portal'); // the session's own short id

    // The mother did not give it: 403 with why, nothing changed.
    const refused = await portalRequest(h, { method: 'POST', url: `/api/portal/consents/${consent.id}/withdraw`, cookie: mother.cookie });
    expect(refused.statusCode).toBe(403);
    expect(refused.json<{ nl: string }>().nl).toContain('Alleen wie de toestemming gaf');
    expect(await count('org.consents WHERE id = $1 AND withdrawn_at IS NULL', [consent.id])).toBe(1);
    // Another client's account does not find it.
    expect((await portalRequest(h, { method: 'POST', url: `/api/portal/consents/${consent.id}/withdraw`, cookie: other.cookie })).statusCode).toBe(404);

    const withdrawn = await portalRequest(h, { method: 'POST', url: `/api/portal/consents/${consent.id}/withdraw`, cookie: young.cookie });
    expect(withdrawn.statusCode, withdrawn.body).toBe(200);
    expect(withdrawn.json<{ active: boolean; withdrawnText: string }>()).toMatchObject({ active: false });
  });

  it('a parent cannot give a disclosure consent for a young person of 12 or over: the engine names the young person (003 §3.1)', async () => {
    const refused = await portalRequest(h, {
      method: 'POST', url: '/api/portal/consents', cookie: mother.cookie,
      body: { kind: 'disclosure', recipient: 'Sportclub', purpose: 'Begeleiding', dataDescription: 'Het plan' },
    });
    expect(refused.statusCode).toBe(403);
    expect(refused.json<{ basis: string[] }>().basis.length).toBeGreaterThan(0);
  });

  it('for care, the young person of 12–15 and the mother with custody both consent (Jeugdwet 7.3.4; BW 7:450)', async () => {
    for (const who of [young, mother]) {
      const given = await portalRequest(h, { method: 'POST', url: '/api/portal/consents', cookie: who.cookie, body: { kind: 'care' } });
      expect(given.statusCode, given.body).toBe(201);
    }
    const list = await portalRequest(h, { method: 'GET', url: '/api/portal/consents', cookie: father.cookie });
    expect(list.statusCode, list.body).toBe(200);
    const body = list.json<{ consents: { kindText: string; givenByText: string; mayWithdraw: boolean }[]; mayGive: { care: { allowed: boolean } } }>();
    expect(body.consents.filter((c) => c.kindText === 'Toestemming voor de hulp')).toHaveLength(2);
    expect(body.consents.every((c) => !c.mayWithdraw)).toBe(true);
    expect(body.mayGive.care.allowed).toBe(false);
  });

  it('on the 16th birthday the mother needs the young person\'s consent; she gives it per parent and per part in the portal, and withdraws it', async () => {
    // At 15 the parents' own right (Jeugdwet 7.3.11): nothing for the young person to manage.
    const at15 = await portalRequest(h, { method: 'GET', url: '/api/portal/consents/parents', cookie: young.cookie });
    expect(at15.statusCode).toBe(403);
    h.clock.advance(3 * DAY); // 25 November 2026: 16
    try {
      // Sessions expired while the clock moved: log in again.
      for (const who of [young, mother, other]) who.cookie = await portalLogin(h, who);
      const page = await portalRequest(h, { method: 'GET', url: '/api/portal/consents/parents', cookie: young.cookie });
      expect(page.statusCode, page.body).toBe(200);
      const parents = page.json<{ explanation: string; parents: { relationId: string; parts: { part: string; allowed: boolean }[] }[] }>();
      expect(parents.explanation).toContain('Vanaf 16 jaar');
      const mum = parents.parents.find((p) => p.relationId === motherId)!;
      expect(mum.parts.every((p) => !p.allowed)).toBe(true);
      // The mother cannot manage it for her (nor give it).
      expect((await portalRequest(h, { method: 'GET', url: '/api/portal/consents/parents', cookie: mother.cookie })).statusCode).toBe(403);
      expect((await portalRequest(h, { method: 'PUT', url: `/api/portal/consents/parents/${motherId}/care-plan`, cookie: mother.cookie, body: { allowed: true } })).statusCode).toBe(403);

      const allowed = await portalRequest(h, { method: 'PUT', url: `/api/portal/consents/parents/${motherId}/care-plan`, cookie: young.cookie, body: { allowed: true } });
      expect(allowed.statusCode, allowed.body).toBe(200);
      const after = allowed.json<{ parents: { relationId: string; parts: { part: string; allowed: boolean }[] }[] }>().parents.find((p) => p.relationId === motherId)!;
      expect(after.parts.find((p) => p.part === 'care-plan')?.allowed).toBe(true);
      expect(after.parts.find((p) => p.part === 'conversation-report')?.allowed).toBe(false);
      const { consentedPartsOf } = await import('../../consents/consent-store.js');
      expect(await asSystem(() => consentedPartsOf(h.database.db, clientId, motherId, '2026-11-25'))).toEqual(['care-plan']);

      const stopped = await portalRequest(h, { method: 'PUT', url: `/api/portal/consents/parents/${motherId}/care-plan`, cookie: young.cookie, body: { allowed: false } });
      expect(stopped.statusCode, stopped.body).toBe(200);
      expect(await asSystem(() => consentedPartsOf(h.database.db, clientId, motherId, '2026-11-25'))).toEqual([]);
      // Another client's relation id: 404.
      expect((await portalRequest(h, { method: 'PUT', url: `/api/portal/consents/parents/${motherId}/care-plan`, cookie: other.cookie, body: { allowed: true } })).statusCode).toBeGreaterThanOrEqual(403);
    } finally {
      h.clock.reset();
    }
  });
});
