/**
 * Issue 16 deliver item 3: the reader view of a granted inspection, the
 * consent register and disclosures ask the engine with the people around the
 * client, as requests do — so the mentor of an adult who is not competent is
 * answered as the representative there too (BW 1:233, 7:465 lid 3), and a
 * parent, whose custody ended at 18, is not.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness, type TestEmployee } from '../test-support/harness.js';

let h: Harness;
let holder: TestEmployee;
let cookie: string;
let clientId: string;
let parentId: string;
let mentorId: string;
const TEXT = 'Gesprek over het dagritme en de werkplaats.';

const post = (url: string, body: unknown = {}) => h.request({ method: 'POST', url, cookie, body });

async function relation(body: Record<string, unknown>): Promise<string> {
  const created = await post(`/api/clients/${clientId}/relations`, { familyName: 'Jansen', givenNames: 'Noor', establishedHow: 'beschikking kantonrechter', validFrom: '2026-01-05', hasCustody: false, ...body });
  expect(created.statusCode, created.body).toBe(201);
  return created.json<{ id: string }>().id;
}

beforeAll(async () => {
  h = await createHarness();
  holder = await h.employee({ role: 'care-professional' });
  cookie = await h.login(holder);
  clientId = await h.client({ age: 19, holder });
  parentId = await relation({ relation: 'parent', hasCustody: true, custodyEstablishedBy: 'by-law-marriage', custodyKind: 'two-headed-parental', establishedHow: 'gezagsregister' });
  mentorId = await relation({ relation: 'mentor', validFrom: '2026-03-01' });
  const assessed = await post(`/api/clients/${clientId}/competence-assessments`, {
    matter: 'dossier-rights', competent: false, assessedOn: '2026-11-01', facts: 'Overziet de gevolgen niet.', expertConsulted: 'GZ-psycholoog',
  });
  expect(assessed.statusCode, assessed.body).toBe(201);
  expect((await post(`/api/clients/${clientId}/entries`, { kind: 'conversation-report', text: TEXT, source: { kind: 'client' } })).statusCode).toBe(201);
});
afterAll(async () => h.close());

describe('the people around an adult who is not competent, beyond requests (issue 16 item 3)', () => {
  it('the mentor of a 19-year-old who is not competent gets the entries in the reader view of a granted inspection', async () => {
    const created = await post(`/api/clients/${clientId}/requests`, { kind: 'inspect', channel: 'written', receivedOn: '2026-11-20', details: 'Ik wil het dossier inzien.', requesterRelationId: mentorId });
    expect(created.statusCode, created.body).toBe(201);
    const requestId = created.json<{ id: string }>().id;
    const decided = await post(`/api/clients/${clientId}/requests/${requestId}/decision`, { outcome: 'granted', reasons: '' });
    expect(decided.statusCode, decided.body).toBe(200);
    const view = await h.request({ method: 'GET', url: `/api/clients/${clientId}/requests/${requestId}/view`, cookie });
    expect(view.statusCode, view.body).toBe(200);
    const shown = view.json<{ entries: { shown: boolean; text?: string }[] }>().entries.filter((e) => e.shown);
    expect(shown.map((e) => e.text)).toContain(TEXT);
  });

  it('a parent who represents (nobody ranks higher, rank 4) gets the entries too, not the answer for a parent with custody', async () => {
    const other = await h.client({ age: 19, holder });
    const parent = (await post(`/api/clients/${other}/relations`, {
      familyName: 'Jansen', givenNames: 'Els', establishedHow: 'gezagsregister', validFrom: '2026-01-05', relation: 'parent', hasCustody: true, custodyEstablishedBy: 'by-law-marriage', custodyKind: 'two-headed-parental',
    })).json<{ id: string }>().id;
    expect((await post(`/api/clients/${other}/competence-assessments`, {
      matter: 'dossier-rights', competent: false, assessedOn: '2026-11-01', facts: 'Overziet de gevolgen niet.', expertConsulted: 'GZ-psycholoog',
    })).statusCode).toBe(201);
    expect((await post(`/api/clients/${other}/entries`, { kind: 'conversation-report', text: TEXT, source: { kind: 'client' } })).statusCode).toBe(201);
    const created = await post(`/api/clients/${other}/requests`, { kind: 'inspect', channel: 'written', receivedOn: '2026-11-20', details: 'Inzage.', requesterRelationId: parent });
    expect(created.json()).toMatchObject({ intake: { outcome: 'allow' } });
    const requestId = created.json<{ id: string }>().id;
    expect((await post(`/api/clients/${other}/requests/${requestId}/decision`, { outcome: 'granted', reasons: '' })).statusCode).toBe(200);
    const view = await h.request({ method: 'GET', url: `/api/clients/${other}/requests/${requestId}/view`, cookie });
    expect(view.statusCode, view.body).toBe(200);
    const shown = view.json<{ entries: { shown: boolean; text?: string }[] }>().entries.filter((e) => e.shown);
    expect(shown.map((e) => e.text)).toContain(TEXT);
  });

  const consent = (client: string, givenBy: string, givenOn: string, givenByRelationId?: string) => post(`/api/clients/${client}/consents`, {
    kind: 'disclosure', givenBy, ...(givenByRelationId === undefined ? {} : { givenByRelationId }), givenOn, informationGiven: 'Uitgelegd wat er gedeeld wordt.',
    recipient: 'Huisarts', purpose: 'Afstemming van de zorg', dataDescription: 'Het behandelplan',
  });

  it('the consent register: a parent of that adult does not consent as a parent with custody (custody ended at 18); the engine asks the representative', async () => {
    const asCustodian = await consent(clientId, 'legal-representatives', '2026-11-20', parentId);
    expect(asCustodian.statusCode, asCustodian.body).toBe(403);
    expect(asCustodian.json().nl).toContain('niet de toestemming die de wet vraagt');
  });

  it('the consent register knows the death: a consent the client gave in life is recorded, one dated after the death is refused (Jeugdwet 7.3.12a)', async () => {
    const died = await h.client({ age: 19, holder });
    expect((await post(`/api/clients/${died}/death`, { diedOn: '2026-11-10' })).statusCode).toBe(201);
    const inLife = await consent(died, 'client', '2026-10-01');
    expect(inLife.statusCode, inLife.body).toBe(201);
    const afterDeath = await consent(died, 'client', '2026-11-15');
    expect(afterDeath.statusCode, afterDeath.body).toBe(403);
    expect(afterDeath.json().nl).toContain('overleden');
    const beforeBirth = await consent(died, 'client', '1990-01-01');
    expect(beforeBirth.statusCode).toBe(400);
    expect(beforeBirth.json()).toMatchObject({ code: 'invalid-date', field: 'givenOn' });
  });
});
