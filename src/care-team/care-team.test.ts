/**
 * Access follows the care relation as recorded (DOMAIN §2): the role in the
 * care team and its period, the client's objection to interns (000), and the
 * manager's stated purpose (004 C).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness, type TestEmployee } from '../test-support/harness.js';

let h: Harness;
let holder: TestEmployee;
let holderCookie: string;
let clientId: string;

beforeAll(async () => {
  h = await createHarness();
  holder = await h.employee({ role: 'care-professional' });
  holderCookie = await h.login(holder);
  clientId = await h.client({ age: 13, holder });
});
afterAll(async () => h.close());

const timeline = (cookie: string, headers?: Record<string, string>) =>
  h.request({ method: 'GET', url: `/api/clients/${clientId}/entries`, cookie, ...(headers === undefined ? {} : { headers }) });

describe('care team', () => {
  it('a member added by the holder gets access; when the membership has ended, access ends', async () => {
    const colleague = await h.employee({ role: 'care-professional' });
    const cookie = await h.login(colleague);
    expect((await timeline(cookie)).statusCode).toBe(403);
    const added = await h.request({ method: 'POST', url: `/api/clients/${clientId}/care-team`, cookie: holderCookie, body: { employeeId: colleague.id, relation: 'member', startsOn: '2026-11-01' } });
    expect(added.statusCode).toBe(201);
    expect((await timeline(cookie)).statusCode).toBe(200);
    const ended = await h.request({ method: 'POST', url: `/api/clients/${clientId}/care-team/${added.json().id}/end`, cookie: holderCookie, body: { endsOn: '2026-11-21' } });
    expect(ended.json().endsOn).toBe('2026-11-21');
    expect((await timeline(cookie)).statusCode).toBe(403);
    const team = (await h.request({ method: 'GET', url: `/api/clients/${clientId}/care-team`, cookie: holderCookie })).json();
    expect(team.members.find((m: { id: string }) => m.id === added.json().id)).toMatchObject({ endsOn: '2026-11-21' });
  });

  it('refuses an employee of another organisation, and an intern with a non-intern relation', async () => {
    const { ensureOrganisation } = await import('../organisation/organisation-service.js');
    const stranger = await h.employee({ role: 'care-professional', organisationId: await ensureOrganisation(h.database.db, 'Elders') });
    const foreign = await h.request({ method: 'POST', url: `/api/clients/${clientId}/care-team`, cookie: holderCookie, body: { employeeId: stranger.id, relation: 'member', startsOn: '2026-11-01' } });
    expect(foreign.statusCode).toBe(400);
    expect(foreign.json().field).toBe('employeeId');
    const intern = await h.employee({ role: 'intern' });
    const wrong = await h.request({ method: 'POST', url: `/api/clients/${clientId}/care-team`, cookie: holderCookie, body: { employeeId: intern.id, relation: 'member', startsOn: '2026-11-01' } });
    expect(wrong.statusCode).toBe(400);
  });

  it('an intern reads until the client objects (000); withdrawing the objection restores it', async () => {
    const intern = await h.employee({ role: 'intern' });
    await h.relate(clientId, intern, 'intern');
    const cookie = await h.login(intern);
    expect((await timeline(cookie)).statusCode).toBe(200);
    const recorded = await h.request({ method: 'POST', url: `/api/clients/${clientId}/access-facts`, cookie: holderCookie, body: { fact: 'client-objects-to-interns' } });
    expect(recorded.statusCode).toBe(201);
    const refused = await timeline(cookie);
    expect(refused.statusCode).toBe(403);
    expect(refused.json().nl).toContain('stagiair');
    const factId = recorded.json().facts[0].id;
    await h.request({ method: 'POST', url: `/api/clients/${clientId}/access-facts/${factId}/withdraw`, cookie: holderCookie });
    expect((await timeline(cookie)).statusCode).toBe(200);
  });

  it('a manager reads only with a stated purpose (004 C), logged with it', async () => {
    const cookie = await h.login(await h.employee({ role: 'manager' }));
    expect((await timeline(cookie)).statusCode).toBe(403);
    expect((await timeline(cookie, { 'x-dossierwijzer-purpose': 'complaint' })).statusCode).toBe(200);
    const [row] = await h.database.db.query<{ purpose: string; basis: string }>('SELECT purpose, basis FROM audit.access_log ORDER BY seq DESC LIMIT 1');
    expect(row).toEqual({ purpose: 'complaint', basis: 'management-purpose' });
    const bad = await timeline(cookie, { 'x-dossierwijzer-purpose': 'curiosity' });
    expect(bad.statusCode).toBe(400);
  });
});
