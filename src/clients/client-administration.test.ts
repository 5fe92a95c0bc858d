/**
 * What the daily-administration screens read from the API (issue 15, Deliver 4): the relations list says how
 * custody came about (migration 0048), the overview names the holder the care team counts today (also after a
 * hand-over in the team), and only whoever may change the team gets the list of colleagues to add — everyone
 * else the engine's refusal, logged.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness, type TestEmployee } from '../test-support/harness.js';

let h: Harness;
let holder: TestEmployee;
let holderCookie: string;
let clientId: string;

beforeAll(async () => {
  h = await createHarness();
  holder = await h.employee({ role: 'care-professional', name: 'Hanna Houder' });
  holderCookie = await h.login(holder);
  clientId = await h.client({ age: 13, holder });
});
afterAll(async () => h.close());

const overview = async (cookie: string) => (await h.request({ method: 'GET', url: `/api/clients/${clientId}`, cookie })).json();

describe('daily administration, as the screens read it', () => {
  it('the relations list says how custody was established (migration 0048), and nothing for a relation without custody', async () => {
    const parent = await h.request({
      method: 'POST', url: `/api/clients/${clientId}/relations`, cookie: holderCookie,
      body: {
        relation: 'parent', hasCustody: true, custodyKind: 'two-headed-parental', custodyEstablishedBy: 'recognition',
        familyName: 'Ouder', givenNames: 'Olga', establishedHow: 'gezagsregister geraadpleegd', validFrom: '2026-01-05',
      },
    });
    expect(parent.statusCode).toBe(201);
    const other = await h.request({
      method: 'POST', url: `/api/clients/${clientId}/relations`, cookie: holderCookie,
      body: { relation: 'parent', hasCustody: false, familyName: 'Ouder', givenNames: 'Otto', establishedHow: 'verklaring moeder', validFrom: '2026-01-05' },
    });
    expect(other.statusCode).toBe(201);
    const relations = (await overview(holderCookie)).relations as { id: string; custodyEstablishedBy: string | null }[];
    expect(relations.find((r) => r.id === parent.json().id)?.custodyEstablishedBy).toBe('recognition');
    expect(relations.find((r) => r.id === other.json().id)?.custodyEstablishedBy).toBeNull();
  });

  it('only the holder or a manager gets the colleagues to add; a member is refused with the engine\'s explanation, logged', async () => {
    const colleague = await h.employee({ role: 'care-professional', name: 'Cor Collega' });
    const intern = await h.employee({ role: 'intern', name: 'Ilse Intern' });
    await h.employee({ role: 'admin-staff', name: 'Anna Administratie' });
    const listed = await h.request({ method: 'GET', url: `/api/clients/${clientId}/care-team/candidates`, cookie: holderCookie });
    expect(listed.statusCode).toBe(200);
    const candidates = listed.json().candidates as { id: string; role: string }[];
    expect(candidates.map((c) => c.id)).toEqual(expect.arrayContaining([colleague.id, intern.id, holder.id]));
    // Only those who can be in a care team.
    expect(new Set(candidates.map((c) => c.role))).toEqual(new Set(['care-professional', 'intern']));

    const member = await h.employee({ role: 'care-professional' });
    await h.relate(clientId, member, 'member');
    const refused = await h.request({ method: 'GET', url: `/api/clients/${clientId}/care-team/candidates`, cookie: await h.login(member) });
    expect(refused.statusCode).toBe(403);
    expect(refused.headers['content-type']).toContain('application/problem+json');
    expect(refused.json().nl).toContain('dossierhouder');
    const [row] = await h.database.db.query<{ outcome: string; action: string; employee_id: string }>(
      'SELECT outcome, action, employee_id FROM audit.access_log ORDER BY seq DESC LIMIT 1');
    expect(row).toEqual({ outcome: 'denied', action: 'change-care-team', employee_id: member.id });
    const manager = await h.login(await h.employee({ role: 'manager' }));
    expect((await h.request({ method: 'GET', url: `/api/clients/${clientId}/care-team/candidates`, cookie: manager })).statusCode).toBe(200);
  });

  it('after the holder hands the dossier to a colleague in the team, the overview names the new holder from that day', async () => {
    const successor = await h.employee({ role: 'care-professional', name: 'Nina Nieuw' });
    await h.relate(clientId, successor, 'member');
    // As the screen does it (one call, POST …/care-team/hand-over): the successor holds from tomorrow, the current holdership ends today.
    const handed = await h.request({ method: 'POST', url: `/api/clients/${clientId}/care-team/hand-over`, cookie: holderCookie, body: { employeeId: successor.id, holderFrom: '2026-11-23', formerHolderStays: false } });
    expect(handed.statusCode, handed.body).toBe(200);
    expect((await overview(holderCookie)).dossier.holder).toMatchObject({ id: holder.id, name: 'Hanna Houder' });
    h.clock.advance(24 * 3600 * 1000);
    try {
      const successorCookie = await h.login(successor);
      expect((await overview(successorCookie)).dossier.holder).toMatchObject({ id: successor.id, name: 'Nina Nieuw' });
    } finally {
      h.clock.reset();
    }
  });
});
