/**
 * A compelling interest after the client's death (Jeugdwet 7.3.12a lid 1(b); BW 7:458a) is a fact the
 * decider establishes: the intake leaves the request open instead of refusing it at once, and the decision
 * records the fact and asks the engine again (issue 16). A request nothing can open is still refused at intake.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness, type TestEmployee } from '../test-support/harness.js';

let h: Harness;
let holder: TestEmployee;
let cookie: string;

beforeAll(async () => {
  h = await createHarness();
  holder = await h.employee({ role: 'care-professional' });
  cookie = await h.login(holder);
});
afterAll(async () => h.close());

const post = (url: string, body: unknown = {}) => h.request({ method: 'POST', url, cookie, body });
const request = (over: Record<string, unknown>) => ({ kind: 'inspect', channel: 'written', receivedOn: '2026-11-20', details: 'Ik wil weten waaraan mijn kind leed.', ...over });

async function relation(clientId: string, body: Record<string, unknown>): Promise<string> {
  const created = await post(`/api/clients/${clientId}/relations`, { familyName: 'Jansen', givenNames: 'Noor', establishedHow: 'gezagsregister', validFrom: '2026-01-05', ...body });
  expect(created.statusCode, created.body).toBe(201);
  return created.json<{ id: string }>().id;
}

describe('a compelling interest after death is established at the decision (Jeugdwet 7.3.12a lid 1(b))', () => {
  it('the parent of a client who died at 17 without consent in life: open at intake, granted once the decider records the compelling interest', async () => {
    const clientId = await h.client({ age: 17, holder });
    const parentId = await relation(clientId, { relation: 'parent', hasCustody: true, custodyEstablishedBy: 'by-law-marriage', custodyKind: 'two-headed-parental' });
    expect((await post(`/api/clients/${clientId}/death`, { diedOn: '2026-11-10' })).statusCode).toBe(201);

    const created = await post(`/api/clients/${clientId}/requests`, request({ requesterRelationId: parentId }));
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json()).toMatchObject({ state: 'received', decision: null, intake: { outcome: 'deny' } });
    expect(created.json().intake.explanation).toContain('zwaarwegend belang');
    const id = created.json().id as string;

    // Without the fact the engine still refuses: no grant.
    const early = await post(`/api/clients/${clientId}/requests/${id}/decision`, { outcome: 'granted', reasons: '' });
    expect(early.statusCode).toBe(409);
    expect(early.json()).toMatchObject({ code: 'decision-against-law' });

    const granted = await post(`/api/clients/${clientId}/requests/${id}/decision`, { outcome: 'granted', reasons: '', facts: ['compelling-interest'] });
    expect(granted.statusCode, granted.body).toBe(200);
    expect(granted.json()).toMatchObject({ state: 'decided', decision: { outcome: 'granted', facts: ['compelling-interest'] } });
    expect(granted.json().decision.basis).toEqual(expect.arrayContaining(['Jeugdwet 7.3.12a', 'BW 7:458a']));
  });

  it('the decider may also refuse it, with reasons; and what no fact can open is refused at intake as before', async () => {
    const clientId = await h.client({ age: 17, holder });
    const parentId = await relation(clientId, { relation: 'parent', hasCustody: true, custodyEstablishedBy: 'by-law-marriage', custodyKind: 'two-headed-parental' });
    expect((await post(`/api/clients/${clientId}/death`, { diedOn: '2026-11-10' })).statusCode).toBe(201);
    const created = (await post(`/api/clients/${clientId}/requests`, request({ requesterRelationId: parentId }))).json();
    const refused = await post(`/api/clients/${clientId}/requests/${created.id}/decision`, { outcome: 'refused', reasons: 'Er is geen zwaarwegend belang gebleken uit het gesprek.' });
    expect(refused.statusCode, refused.body).toBe(200);
    expect(refused.json()).toMatchObject({ state: 'decided', decision: { outcome: 'refused' } });

    // Correcting the dossier of a deceased client: nobody exercises the client's rights, no fact opens it.
    const correction = await post(`/api/clients/${clientId}/requests`, request({ kind: 'correct', requesterRelationId: parentId, details: 'Verbeter dit.' }));
    expect(correction.json()).toMatchObject({ state: 'refused-at-intake', decision: { outcome: 'refused' } });
    expect(correction.json().intake.explanation).not.toContain('blijft open');
  });
});
