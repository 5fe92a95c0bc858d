/**
 * Registration is no BSN oracle, and lists respect objections (issue 13 §9, §10).
 *
 * - An invalid body answers the same whether or not its BSN is registered:
 *   the whole body is checked before anything is looked up, and nothing is
 *   written (it was 409 `duplicate-bsn` for a registered BSN with a NUL byte in
 *   the name, 400 otherwise).
 * - A valid body with a registered BSN is refused with the way in (ask to be
 *   added to the care team), and logged against that client: it shows in
 *   "who saw this dossier" and, without a care relation, in the unusual-access
 *   report.
 * - An intern never sees, in the caseload list or a search, a client who
 *   objected to interns; one who did not object stays visible.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, testBsn, type Harness, type TestEmployee } from '../test-support/harness.js';

let h: Harness;
let holder: TestEmployee;
let holderCookie: string;
let registeredBsn: string;
let registeredId: string;

beforeAll(async () => {
  h = await createHarness();
  holder = await h.employee({ role: 'care-professional', name: 'Fenna Holder' });
  holderCookie = await h.login(holder);
  registeredBsn = testBsn();
  const created = await h.request({ method: 'POST', url: '/api/clients', cookie: holderCookie, body: body({ bsn: registeredBsn }) });
  expect(created.statusCode).toBe(201);
  registeredId = created.json<{ id: string }>().id;
});
afterAll(async () => h.close());

function body(over: Record<string, unknown> = {}): Record<string, unknown> {
  return { bsn: testBsn(), familyName: 'Jansen', givenNames: 'Kim', birthDate: '2012-05-04', gender: 'female', careStartedOn: '2026-01-05', ...over };
}

async function count(sql: string): Promise<number> {
  const [row] = await h.database.db.query<{ n: number }>(sql);
  return row!.n;
}

describe('registration without an oracle', () => {
  it.each([
    ['a NUL byte in the family name', { familyName: 'Jan\u0000sen' }],
    ['a NUL byte in the given names', { givenNames: '\u0000' }],
    ['a NUL byte in the town', { town: 'Zwol\u0000le' }],
    ['a control character in the street address', { streetAddress: 'Dorpsstraat\u00073' }],
    ['a line break in the family name', { familyName: 'Jansen\nDe Vries' }],
    ['a lone surrogate in the given names', { givenNames: 'Kim\uD800' }],
    ['a family name of spaces only', { familyName: '   ' }],
    ['an impossible birth date', { birthDate: '2013-02-29' }],
    ['a future care start', { careStartedOn: '2027-01-01' }],
    ['an invalid postcode', { postcode: '0123 AB' }],
    ['an unknown field', { dossierHolder: 'x' }],
  ])('answers %s the same for a registered and an unregistered BSN, and writes nothing', async (_name, over) => {
    const clients = await count('SELECT count(*)::int AS n FROM formal.clients');
    const logRows = await count('SELECT count(*)::int AS n FROM audit.access_log');
    const registered = await h.request({ method: 'POST', url: '/api/clients', cookie: holderCookie, body: body({ ...over, bsn: registeredBsn }) });
    const unregistered = await h.request({ method: 'POST', url: '/api/clients', cookie: holderCookie, body: body({ ...over, bsn: testBsn() }) });
    expect(registered.statusCode).toBe(400);
    expect(registered.headers['content-type']).toContain('application/problem+json');
    expect(unregistered.statusCode).toBe(registered.statusCode);
    expect(unregistered.json()).toEqual(registered.json());
    expect(await count('SELECT count(*)::int AS n FROM formal.clients')).toBe(clients);
    // Refused before anything was looked up: no trace of either BSN, in the log or elsewhere.
    expect(await count('SELECT count(*)::int AS n FROM audit.access_log')).toBe(logRows);
  });

  it('refuses a registered BSN with the way in, in Dutch and English, and logs the attempt against that client', async () => {
    const prober = await h.employee({ role: 'care-professional', name: 'Piet Prober' });
    const cookie = await h.login(prober);
    const clients = await count('SELECT count(*)::int AS n FROM formal.clients');
    const response = await h.request({ method: 'POST', url: '/api/clients', cookie, body: body({ bsn: registeredBsn, familyName: 'Anders' }) });
    expect(response.statusCode).toBe(409);
    const problem = response.json<{ code: string; nl: string; en: string }>();
    expect(problem.code).toBe('duplicate-bsn');
    expect(problem.nl).toContain('toe te voegen aan het behandelteam');
    expect(problem.en).toContain('add you to the care team');
    // It names no one: not the client, not the holder.
    expect(response.body).not.toContain('Jansen');
    expect(response.body).not.toContain('Fenna');
    expect(response.body).not.toContain(registeredId);
    expect(await count('SELECT count(*)::int AS n FROM formal.clients')).toBe(clients);

    const [row] = await h.database.db.query<{ client_id: string | null; outcome: string; basis: string; route: string; day: string }>(
      `SELECT client_id, outcome, basis, route, (occurred_at AT TIME ZONE 'Europe/Amsterdam')::date::text AS day
         FROM audit.access_log WHERE employee_id = $1 ORDER BY seq DESC LIMIT 1`, [prober.id]);
    expect(row).toMatchObject({ client_id: registeredId, outcome: 'denied', basis: 'none', route: 'POST /api/clients' });

    const officer = await h.login(await h.employee({ role: 'privacy-officer' }));
    const whoSaw = await h.request({ method: 'GET', url: `/api/clients/${registeredId}/access-log`, cookie: officer });
    expect(whoSaw.statusCode).toBe(200);
    const lines = whoSaw.json<{ lines: { employee: { id: string }; outcome: string }[] }>().lines;
    expect(lines).toContainEqual(expect.objectContaining({ employee: expect.objectContaining({ id: prober.id }), outcome: 'denied' }));

    const report = await h.request({ method: 'GET', url: `/api/privacy/unusual-access?day=${row!.day}`, cookie: officer });
    expect(report.statusCode).toBe(200);
    const withoutRelation = report.json<{ withoutRelation: { employee: { id: string }; client: { id: string } }[] }>().withoutRelation;
    expect(withoutRelation).toContainEqual(expect.objectContaining({
      employee: expect.objectContaining({ id: prober.id }), client: expect.objectContaining({ id: registeredId }),
    }));
  });

  it('logs the holder\'s own duplicate as a look at their own client, not as unusual access', async () => {
    const response = await h.request({ method: 'POST', url: '/api/clients', cookie: holderCookie, body: body({ bsn: registeredBsn }) });
    expect(response.statusCode).toBe(409);
    const [row] = await h.database.db.query<{ client_id: string | null; outcome: string; basis: string }>(
      'SELECT client_id, outcome, basis FROM audit.access_log WHERE employee_id = $1 ORDER BY seq DESC LIMIT 1', [holder.id]);
    expect(row).toEqual({ client_id: registeredId, outcome: 'allowed', basis: 'care-relation' });
  });
});

describe('lists respect an objection to interns', () => {
  it('never shows an intern, in the list or a search, a client who objected to interns; a client who did not object stays visible', async () => {
    const intern = await h.employee({ role: 'intern', name: 'Ilse Stagiair' });
    const objecting = await h.client({ age: 15, holder, familyName: 'Bezwaarmaker' });
    const willing = await h.client({ age: 15, holder, familyName: 'Bezwaarloos' });
    await h.relate(objecting, intern, 'intern');
    await h.relate(willing, intern, 'intern');
    const recorded = await h.request({ method: 'POST', url: `/api/clients/${objecting}/access-facts`, cookie: holderCookie, body: { fact: 'client-objects-to-interns' } });
    expect(recorded.statusCode).toBeLessThan(300);
    const cookie = await h.login(intern);
    const logRowsFor = async (clientId: string) => count(`SELECT count(*)::int AS n FROM audit.access_log WHERE client_id = '${clientId}' AND employee_id = '${intern.id}'`);

    const list = await h.request({ method: 'GET', url: '/api/clients', cookie });
    expect(list.statusCode).toBe(200);
    const listed = list.json<{ clients: { id: string }[] }>().clients.map((c) => c.id);
    expect(listed).toContain(willing);
    expect(listed).not.toContain(objecting);
    expect(list.body).not.toContain('Bezwaarmaker');

    const search = await h.request({ method: 'POST', url: '/api/clients/search', cookie, body: { nameContains: 'Bezwaar' } });
    expect(search.statusCode).toBe(200);
    expect(search.json<{ clients: { id: string }[] }>().clients.map((c) => c.id)).toEqual([willing]);
    expect(search.body).not.toContain('Bezwaarmaker');

    // Not shown, so not logged as shown; the willing client is logged once per view.
    expect(await logRowsFor(objecting)).toBe(0);
    expect(await logRowsFor(willing)).toBe(2);

    // The holder still sees both; once the objection is withdrawn the intern sees the client again.
    const holderList = (await h.request({ method: 'GET', url: '/api/clients?limit=200', cookie: holderCookie }))
      .json<{ clients: { id: string }[] }>().clients.map((c) => c.id);
    expect(holderList).toEqual(expect.arrayContaining([objecting, willing]));
    const [fact] = await h.database.db.query<{ id: string }>('SELECT id FROM org.client_access_facts WHERE client_id = $1 AND withdrawn_at IS NULL', [objecting]);
    const withdrawn = await h.request({ method: 'POST', url: `/api/clients/${objecting}/access-facts/${fact!.id}/withdraw`, cookie: holderCookie });
    expect(withdrawn.statusCode).toBeLessThan(300);
    const again = (await h.request({ method: 'GET', url: '/api/clients', cookie })).json<{ clients: { id: string }[] }>().clients.map((c) => c.id);
    expect(again).toEqual(expect.arrayContaining([objecting, willing]));
  });
});
