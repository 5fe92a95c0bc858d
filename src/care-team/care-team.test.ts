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

  it('admin staff, an intern and a substitute cannot change the care team: 403 with the explanation, logged, nothing added (DOMAIN §2; AVG 32)', async () => {
    const admin = await h.employee({ role: 'admin-staff' });
    const intern = await h.employee({ role: 'intern' });
    await h.relate(clientId, intern, 'intern');
    const substitute = await h.employee({ role: 'care-professional' });
    await h.relate(clientId, substitute, 'substitute');
    const colleague = await h.employee({ role: 'care-professional' });
    const teamSize = async () => (await h.database.db.query<{ n: number }>('SELECT count(*)::int AS n FROM org.care_team WHERE client_id = $1', [clientId]))[0]!.n;
    const before = await teamSize();
    for (const refused of [admin, intern, substitute]) {
      const response = await h.request({
        method: 'POST', url: `/api/clients/${clientId}/care-team`, cookie: await h.login(refused),
        body: { employeeId: colleague.id, relation: 'holder', startsOn: '2026-11-01' },
      });
      expect(response.statusCode, refused.role).toBe(403);
      expect(response.headers['content-type']).toContain('application/problem+json');
      expect(response.json().nl, refused.role).toContain('dossierhouder');
      expect(response.json().basis, refused.role).toEqual(expect.arrayContaining(['AVG 32', 'Jeugdwet 7.3.11']));
      const [row] = await h.database.db.query<{ outcome: string; employee_id: string; action: string; client_id: string }>(
        'SELECT outcome, employee_id, action, client_id FROM audit.access_log ORDER BY seq DESC LIMIT 1');
      expect(row, refused.role).toEqual({ outcome: 'denied', employee_id: refused.id, action: 'change-care-team', client_id: clientId });
    }
    expect(await teamSize()).toBe(before);
    // The colleague they tried to add still cannot read.
    expect((await timeline(await h.login(colleague))).statusCode).toBe(403);
  });

  it('the holder and a manager change the care team; a member cannot', async () => {
    const member = await h.employee({ role: 'care-professional' });
    await h.relate(clientId, member, 'member');
    const newcomer = await h.employee({ role: 'care-professional' });
    const byMember = await h.request({ method: 'POST', url: `/api/clients/${clientId}/care-team`, cookie: await h.login(member), body: { employeeId: newcomer.id, relation: 'member', startsOn: '2026-11-01' } });
    expect(byMember.statusCode).toBe(403);
    const byHolder = await h.request({ method: 'POST', url: `/api/clients/${clientId}/care-team`, cookie: holderCookie, body: { employeeId: newcomer.id, relation: 'member', startsOn: '2026-11-01' } });
    expect(byHolder.statusCode).toBe(201);
    const [row] = await h.database.db.query<{ outcome: string; basis: string }>('SELECT outcome, basis FROM audit.access_log ORDER BY seq DESC LIMIT 1');
    expect(row).toEqual({ outcome: 'allowed', basis: 'care-relation' });
    const manager = await h.login(await h.employee({ role: 'manager' }));
    const ended = await h.request({ method: 'POST', url: `/api/clients/${clientId}/care-team/${byHolder.json().id}/end`, cookie: manager, body: { endsOn: '2026-11-21' } });
    expect(ended.statusCode).toBe(200);
  });

  it('anyone in the care team records the client\'s objection to interns; only the holder or a manager withdraws it', async () => {
    const other = await h.client({ age: 15, holder });
    const intern = await h.employee({ role: 'intern' });
    await h.relate(other, intern, 'intern');
    const internCookie = await h.login(intern);
    const admin = await h.login(await h.employee({ role: 'admin-staff' }));
    const refusedRecord = await h.request({ method: 'POST', url: `/api/clients/${other}/access-facts`, cookie: admin, body: { fact: 'client-objects-to-interns' } });
    expect(refusedRecord.statusCode).toBe(403);
    const recorded = await h.request({ method: 'POST', url: `/api/clients/${other}/access-facts`, cookie: internCookie, body: { fact: 'client-objects-to-interns' } });
    expect(recorded.statusCode).toBe(201);
    const factId = recorded.json().facts[0].id as string;
    const substitute = await h.employee({ role: 'care-professional' });
    await h.relate(other, substitute, 'substitute');
    for (const cookie of [admin, await h.login(substitute)]) {
      const refused = await h.request({ method: 'POST', url: `/api/clients/${other}/access-facts/${factId}/withdraw`, cookie });
      expect(refused.statusCode).toBe(403);
      expect(refused.json().nl).toContain('intrekken');
    }
    // Nor can the intern lift the objection that shuts them out.
    expect((await h.request({ method: 'POST', url: `/api/clients/${other}/access-facts/${factId}/withdraw`, cookie: internCookie })).statusCode).toBe(403);
    const withdrawn = await h.request({ method: 'POST', url: `/api/clients/${other}/access-facts/${factId}/withdraw`, cookie: holderCookie });
    expect(withdrawn.statusCode).toBe(200);
    expect(withdrawn.json().facts).toEqual([]);
  });

  it('a manager reads only with a stated purpose (004 C), logged with it', async () => {
    const cookie = await h.login(await h.employee({ role: 'manager' }));
    expect((await timeline(cookie)).statusCode).toBe(403);
    // Issue 14: the purpose names a recorded complaint about this client.
    expect((await timeline(cookie, { 'x-dossierwijzer-purpose': 'complaint' })).statusCode).toBe(403);
    const complaint = await h.request({ method: 'POST', url: '/api/registers/complaints', cookie, body: { clientId, receivedOn: '2026-11-20', complainant: 'Moeder', summary: 'Niet teruggebeld.' } });
    const complaintId = complaint.json<{ id: string }>().id;
    expect((await timeline(cookie, { 'x-dossierwijzer-purpose': `complaint ${complaintId}` })).statusCode).toBe(200);
    const [row] = await h.database.db.query<{ purpose: string; basis: string; purpose_reference: string }>(
      'SELECT purpose, basis, purpose_reference FROM audit.access_log ORDER BY seq DESC LIMIT 1');
    expect(row).toEqual({ purpose: 'complaint', basis: 'management-purpose', purpose_reference: complaintId });
    const bad = await timeline(cookie, { 'x-dossierwijzer-purpose': 'curiosity' });
    expect(bad.statusCode).toBe(400);
  });
});
