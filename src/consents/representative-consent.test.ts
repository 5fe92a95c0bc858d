/**
 * Issue 16: an adult who is not competent is represented (BW 7:465 lid 3-4), and the consent the
 * law then asks for care is the representative's — the register must be able to record it. Custody
 * ended at 18 (BW 1:233), so the parent's consent as "legal representative" is not it, and a parent
 * ranks below a mentor.
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
const get = (url: string) => h.request({ method: 'GET', url, cookie });

async function relation(clientId: string, body: Record<string, unknown>): Promise<string> {
  const created = await post(`/api/clients/${clientId}/relations`, { familyName: 'Jansen', givenNames: 'Noor', establishedHow: 'beschikking kantonrechter', validFrom: '2026-01-05', hasCustody: false, ...body });
  expect(created.statusCode, created.body).toBe(201);
  return created.json<{ id: string }>().id;
}

const careConsent = (over: Record<string, unknown>) => ({ kind: 'care', givenOn: '2026-11-20', informationGiven: 'Uitleg over de hulp en de folder.', ...over });

describe('the representative of an adult who is not competent consents to care (BW 7:465 lid 3-4)', () => {
  it('records the mentor\'s consent, refuses the parent\'s, and lets only the mentor withdraw it', async () => {
    const clientId = await h.client({ age: 20, holder });
    const parentId = await relation(clientId, { relation: 'parent', hasCustody: true, custodyEstablishedBy: 'by-law-marriage', custodyKind: 'two-headed-parental', establishedHow: 'gezagsregister' });
    const mentorId = await relation(clientId, { relation: 'mentor', validFrom: '2026-03-01' });
    const assessed = await post(`/api/clients/${clientId}/competence-assessments`, {
      matter: 'care-consent', competent: false, assessedOn: '2026-11-01', facts: 'Overziet de gevolgen van de hulp niet.', expertConsulted: 'GZ-psycholoog',
    });
    expect(assessed.statusCode, assessed.body).toBe(201);

    const before = (await get(`/api/clients/${clientId}/care-consent`)).json();
    expect(before).toMatchObject({ required: ['representative'], complete: false });

    // Custody ended at 18: the parent is no "legal representative" of a 20-year-old.
    const asCustodian = await post(`/api/clients/${clientId}/consents`, careConsent({ givenBy: 'legal-representatives', givenByRelationId: parentId }));
    expect(asCustodian.statusCode, asCustodian.body).toBe(403);
    // The parent ranks below the mentor (rank 4 against 1): not the representative either.
    const parentAsRepresentative = await post(`/api/clients/${clientId}/consents`, careConsent({ givenBy: 'representative', givenByRelationId: parentId }));
    expect(parentAsRepresentative.statusCode, parentAsRepresentative.body).toBe(400);
    expect(parentAsRepresentative.json()).toMatchObject({ code: 'not-a-representative', basis: ['BW 7:465'] });
    const unnamed = await post(`/api/clients/${clientId}/consents`, careConsent({ givenBy: 'representative' }));
    expect(unnamed.statusCode, unnamed.body).toBe(400);

    const byMentor = await post(`/api/clients/${clientId}/consents`, careConsent({ givenBy: 'representative', givenByRelationId: mentorId }));
    expect(byMentor.statusCode, byMentor.body).toBe(201);
    expect(byMentor.json()).toMatchObject({ givenBy: 'representative', givenByRelationId: mentorId, active: true });
    expect((await get(`/api/clients/${clientId}/care-consent`)).json()).toMatchObject({ given: ['representative'], missing: [], complete: true });

    const consentId = byMentor.json<{ id: string }>().id;
    const byParent = await post(`/api/clients/${clientId}/consents/${consentId}/withdraw`, { withdrawnBy: 'representative', relationId: parentId });
    expect(byParent.statusCode, byParent.body).toBe(409);
    const withdrawn = await post(`/api/clients/${clientId}/consents/${consentId}/withdraw`, { withdrawnBy: 'representative', relationId: mentorId });
    expect(withdrawn.statusCode, withdrawn.body).toBe(200);
    expect(withdrawn.json()).toMatchObject({ active: false });
  });
});
