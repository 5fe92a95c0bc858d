import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, testBsn, type Harness, type TestEmployee } from '../test-support/harness.js';

let h: Harness;
let holder: TestEmployee;
let cookie: string;

beforeAll(async () => {
  h = await createHarness();
  holder = await h.employee({ role: 'care-professional', name: 'Fenna Holder' });
  cookie = await h.login(holder);
});
afterAll(async () => h.close());

const valid = (over: Record<string, unknown> = {}) => ({
  bsn: testBsn(), familyName: 'Jansen', givenNames: 'Kim', birthDate: '2012-05-04', gender: 'female',
  identityCheck: { documentType: 'passport', checkedAt: '2026-11-20T09:00:00+01:00' }, ...over,
});

async function clientCount(): Promise<number> {
  const [row] = await h.database.db.query<{ n: number }>('SELECT count(*)::int AS n FROM formal.clients');
  return row!.n;
}

describe('registering a client', () => {
  it('creates the client with a dossier held by the registering professional, and the identity check without any document number', async () => {
    const created = await h.request({ method: 'POST', url: '/api/clients', cookie, body: valid() });
    expect(created.statusCode).toBe(201);
    const read = await h.request({ method: 'GET', url: `/api/clients/${created.json().id}`, cookie });
    expect(read.statusCode).toBe(200);
    expect(read.json()).toMatchObject({
      familyName: 'Jansen', birthDate: '2012-05-04',
      dossier: { holder: { id: holder.id, name: 'Fenna Holder', function: 'Jeugdhulpverlener' } },
      identityChecks: [{ documentType: 'passport', checkedBy: 'Fenna Holder' }],
    });
    const columns = await h.database.db.query<{ column_name: string }>('SELECT column_name FROM information_schema.columns WHERE table_schema = \'formal\' AND table_name = \'identity_checks\'');
    expect(columns.map((c) => c.column_name).sort()).toEqual(['checked_at', 'checked_by', 'client_id', 'document_type', 'id']);
  });

  it('accepts a client without BSN when the Jeugdwet 7.2.4 set is complete', async () => {
    const noBsn: Record<string, unknown> = valid();
    delete noBsn.bsn;
    const created = await h.request({ method: 'POST', url: '/api/clients', cookie, body: { ...noBsn, streetAddress: 'Dorpsstraat 3', postcode: '8000 AA', town: 'Zwolle' } });
    expect(created.statusCode).toBe(201);
  });

  it.each([
    ['an invalid BSN (elfproef)', { bsn: '123456780' }, 'bsn'],
    ['a BSN of eight digits', { bsn: '12345678' }, 'bsn'],
    ['an impossible birth date', { birthDate: '2013-02-29' }, 'birthDate'],
    ['a future birth date', { birthDate: '2027-01-01' }, 'birthDate'],
    ['an unknown field', { organisationId: '00000000-0000-0000-0000-000000000000' }, 'organisationId'],
    ['an unknown gender', { gender: 'x' }, 'gender'],
    ['no BSN and no address (Jeugdwet 7.2.4)', { bsn: undefined }, 'streetAddress'],
    ['a future identity check', { identityCheck: { documentType: 'passport', checkedAt: '2027-01-01T00:00:00Z' } }, 'identityCheck.checkedAt'],
    ['an identity document type we do not know', { identityCheck: { documentType: 'photo-of-passport', checkedAt: '2026-01-01T00:00:00Z' } }, 'identityCheck.documentType'],
  ])('refuses %s with 400 naming the field, and writes nothing', async (_name, over, field) => {
    const before = await clientCount();
    const body = valid(over);
    if ('bsn' in over && over.bsn === undefined) delete (body as Record<string, unknown>).bsn;
    const response = await h.request({ method: 'POST', url: '/api/clients', cookie, body });
    expect(response.statusCode).toBe(400);
    expect(response.headers['content-type']).toContain('application/problem+json');
    expect(response.json()).toMatchObject({ status: 400, field });
    expect(response.json().nl).toEqual(expect.any(String));
    expect(await clientCount()).toBe(before);
  });

  it('refuses a second client with the same BSN', async () => {
    const bsn = testBsn();
    expect((await h.request({ method: 'POST', url: '/api/clients', cookie, body: valid({ bsn }) })).statusCode).toBe(201);
    const again = await h.request({ method: 'POST', url: '/api/clients', cookie, body: valid({ bsn }) });
    expect(again.statusCode).toBe(409);
  });
});

describe('reading clients', () => {
  it('lists only the caller\'s caseload', async () => {
    const other = await h.employee({ role: 'care-professional' });
    const theirs = await h.client({ age: 10, holder: other, familyName: 'Anders' });
    const list = (await h.request({ method: 'GET', url: '/api/clients', cookie })).json();
    expect(list.clients.map((c: { id: string }) => c.id)).not.toContain(theirs);
    expect(list.clients.length).toBeGreaterThan(0);
  });

  it('lists a client on the same relation the gate decides on: the strongest, when someone holds two at once', async () => {
    // Once an intern with this client, now also a member of its team; the client objects to interns (000).
    const colleague = await h.employee({ role: 'care-professional' });
    const clientId = await h.client({ age: 12, holder, familyName: 'Tweemaal' });
    await h.relate(clientId, colleague, 'intern');
    await h.relate(clientId, colleague, 'member');
    const objection = await h.request({ method: 'POST', url: `/api/clients/${clientId}/access-facts`, cookie, body: { fact: 'client-objects-to-interns' } });
    expect(objection.statusCode, objection.body).toBe(201);
    const theirCookie = await h.login(colleague);
    expect((await h.request({ method: 'GET', url: `/api/clients/${clientId}`, cookie: theirCookie })).statusCode).toBe(200);
    const list = (await h.request({ method: 'GET', url: '/api/clients', cookie: theirCookie })).json<{ clients: { id: string }[] }>();
    expect(list.clients.map((c) => c.id)).toContain(clientId);
  });

  it('searches by part of the name, case-insensitive, only among the clients the caller may see', async () => {
    const mine = await h.client({ age: 9, holder, familyName: 'Van Zoekbaar' });
    const wildcard = await h.client({ age: 9, holder, familyName: 'Proc%ent_' });
    const other = await h.employee({ role: 'care-professional' });
    const theirs = await h.client({ age: 10, holder: other, familyName: 'Zoekbaar' });
    const search = async (nameContains: string) => (await h.request({ method: 'POST', url: '/api/clients/search', cookie, body: { nameContains } }))
      .json<{ clients: { id: string }[] }>().clients.map((c) => c.id);
    expect(await search('zoekB')).toEqual([mine]);
    expect(await search('Sam Van')).toEqual([mine]); // given names, then family name
    expect(await search('c%e')).toEqual([wildcard]); // % is a character here, not a wildcard
    expect(await search('__')).toEqual([]); // _ is a character here too, not any character
    expect(await search('zoekbaar')).not.toContain(theirs);
    const tooShort = await h.request({ method: 'POST', url: '/api/clients/search', cookie, body: { nameContains: 'a' } });
    expect(tooShort.statusCode).toBe(400);
  });

  it('answers a client of another organisation exactly like one that does not exist', async () => {
    const { ensureOrganisation } = await import('../organisation/organisation-service.js');
    const otherOrg = await ensureOrganisation(h.database.db, 'Andere organisatie');
    const outsider = await h.employee({ role: 'care-professional', organisationId: otherOrg });
    const theirs = await h.client({ age: 10, holder: outsider });
    const foreign = await h.request({ method: 'GET', url: `/api/clients/${theirs}`, cookie });
    const missing = await h.request({ method: 'GET', url: '/api/clients/00000000-0000-4000-8000-000000000000', cookie });
    // A care professional knows clients only through care relations: the same 403 as for an own client
    // without relation (src/access/policy.ts hidesClientExistence).
    expect(foreign.statusCode).toBe(403);
    expect(missing.statusCode).toBe(403);
    expect(foreign.body).toBe(missing.body);
  });

  it('refuses every client route without a session (401)', async () => {
    for (const url of ['/api/clients', '/api/clients/00000000-0000-4000-8000-000000000000', '/api/clients/00000000-0000-4000-8000-000000000000/entries']) {
      const response = await h.request({ method: 'GET', url });
      expect(response.statusCode).toBe(401);
      expect(response.headers['content-type']).toContain('application/problem+json');
    }
  });
});

describe('strict input', () => {
  it.each([
    ['a number as a name', { familyName: 123 }, 'familyName'],
    ['an array as a name', { familyName: ['A'] }, 'familyName'],
    ['a NUL byte in a name', { familyName: 'Jan\u0000sen' }, 'familyName'],
  ])('refuses %s with 400 and stores nothing', async (_name, over, field) => {
    const before = await clientCount();
    const response = await h.request({ method: 'POST', url: '/api/clients', cookie, body: valid(over) });
    expect(response.statusCode).toBe(400);
    expect(response.json().field).toBe(field);
    expect(await clientCount()).toBe(before);
  });
});

describe('probing', () => {
  it('logs a refused registration, so a BSN probe leaves a trace', async () => {
    const bsn = testBsn();
    await h.request({ method: 'POST', url: '/api/clients', cookie, body: valid({ bsn }) });
    const probe = await h.request({ method: 'POST', url: '/api/clients', cookie, body: valid({ bsn }) });
    expect(probe.statusCode).toBe(409);
    // Against the client found (src/clients/registration-probe.test.ts): here the holder, who may see their own client.
    const [row] = await h.database.db.query<{ action: string; outcome: string; employee_id: string; route: string }>(
      'SELECT action, outcome, employee_id, route FROM audit.access_log ORDER BY seq DESC LIMIT 1');
    expect(row).toEqual({ action: 'read', outcome: 'allowed', employee_id: holder.id, route: 'POST /api/clients' });
  });
});
