/**
 * The requester's label is what the engine says the person is today, not the word stored at intake (issue 16):
 * custody ends at 18 (BW 1:233), so a parent of a client who has since turned 18 is no longer "ouder met gezag";
 * a partner, child or sibling is named by that relation, and as representative only when BW 7:465 lid 3 makes them one.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, testBsn, type Harness, type TestEmployee } from '../test-support/harness.js';

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
const get = (url: string) => h.request({ method: 'GET', url, cookie });

async function clientBorn(birthDate: string): Promise<string> {
  const created = await post('/api/clients', { bsn: testBsn(), familyName: 'Label', givenNames: 'Sam', birthDate, gender: 'unknown', careStartedOn: '2026-01-05' });
  expect(created.statusCode, created.body).toBe(201);
  const id = created.json<{ id: string }>().id;
  await h.relate(id, holder, 'holder');
  return id;
}

async function relation(clientId: string, body: Record<string, unknown>): Promise<string> {
  const created = await post(`/api/clients/${clientId}/relations`, { familyName: 'Jansen', givenNames: 'Noor', establishedHow: 'gezagsregister', validFrom: '2026-01-05', hasCustody: false, ...body });
  expect(created.statusCode, created.body).toBe(201);
  return created.json<{ id: string }>().id;
}

const inspect = (requesterRelationId: string, receivedOn = '2026-11-20') => ({ kind: 'inspect', channel: 'written', receivedOn, details: 'Inzage graag.', requesterRelationId });

describe('the requester as the engine sees them today', () => {
  it('a parent with custody whose child turned 18 after the request came in: no longer "ouder met gezag" in the request or the list', async () => {
    // 18 on 21 November 2026; the request came in on the 20th, the list is read on the 22nd (the harness's day).
    const clientId = await clientBorn('2008-11-21');
    const parentId = await relation(clientId, { relation: 'parent', hasCustody: true, custodyKind: 'two-headed-parental', custodyEstablishedBy: 'by-law-marriage' });
    const created = await post(`/api/clients/${clientId}/requests`, inspect(parentId));
    expect(created.statusCode, created.body).toBe(201);
    // The intake was asked with the parent's word on the day of receipt, and keeps it.
    expect(created.json().requester).toMatchObject({ kind: 'parent-with-custody', label: 'ouder (geen gezag meer: de cliënt is volwassen)' });
    const listed = (await get(`/api/clients/${clientId}/requests`)).json().requests[0];
    expect(listed.requester.label).toBe('ouder (geen gezag meer: de cliënt is volwassen)');
    expect((await get(`/api/clients/${clientId}/requests/${created.json().id}`)).json().requester.label).not.toContain('met gezag');
  });

  it('a sibling of a 14-year-old is a brother or sister, not "derde"; a parent with custody of a 14-year-old stays "ouder met gezag"', async () => {
    const clientId = await h.client({ age: 14, holder });
    const siblingId = await relation(clientId, { relation: 'sibling' });
    const parentId = await relation(clientId, { relation: 'parent', hasCustody: true, custodyKind: 'two-headed-parental', custodyEstablishedBy: 'by-law-marriage' });
    expect((await post(`/api/clients/${clientId}/requests`, inspect(siblingId))).json().requester).toMatchObject({ kind: 'third-party', label: 'broer of zus' });
    expect((await post(`/api/clients/${clientId}/requests`, inspect(parentId))).json().requester.label).toBe('ouder met gezag');
  });

  it('the partner of an adult who is not competent is named as representative when nobody ranks higher (BW 7:465 lid 3); the client as themself', async () => {
    const clientId = await h.client({ age: 25, holder });
    const partnerId = await relation(clientId, { relation: 'partner' });
    const assessed = await post(`/api/clients/${clientId}/competence-assessments`, {
      matter: 'dossier-rights', competent: false, assessedOn: '2026-11-01', facts: 'Overziet de gevolgen niet.', expertConsulted: 'GZ-psycholoog',
    });
    expect(assessed.statusCode, assessed.body).toBe(201);
    expect((await post(`/api/clients/${clientId}/requests`, inspect(partnerId))).json().requester.label).toBe('vertegenwoordiger (partner)');
    const own = await post(`/api/clients/${clientId}/requests`, { kind: 'copy', channel: 'written', receivedOn: '2026-11-20', details: 'Een kopie.' });
    expect(own.json().requester.label).toBe('de cliënt zelf');
  });
});
