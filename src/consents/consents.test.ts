/**
 * Representation and consent as recorded facts, checked against the engine:
 * whose consent care needs by age and competence (Jeugdwet 7.3.4–7.3.5;
 * BW 7:450, 7:465; 001), disclosure consents (001; 002; 004 C), withdrawal at
 * once (AVG 7(3)), custody with history (003 §2.3.5).
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

const post = (url: string, body: unknown) => h.request({ method: 'POST', url, cookie, body });
const get = (url: string) => h.request({ method: 'GET', url, cookie });
const parent = (over: Record<string, unknown> = {}) => ({ relation: 'parent', hasCustody: true, custodyEstablishedBy: 'by-law-marriage', custodyKind: 'two-headed-parental', familyName: 'Ouder', givenNames: 'Anna', establishedHow: 'gezagsregister geraadpleegd', validFrom: '2026-01-05', ...over });
const careConsent = (over: Record<string, unknown> = {}) => ({ kind: 'care', givenBy: 'client', givenOn: '2026-11-20', informationGiven: 'Uitleg over de hulp en de folder.', ...over });

describe('consent to care', () => {
  it('12–15: the young person and the parents with custody both consent (Jeugdwet 7.3.4); withdrawal counts at once', async () => {
    const clientId = await h.client({ age: 14, holder });
    const relationId = (await post(`/api/clients/${clientId}/relations`, parent())).json().id;
    let status = (await get(`/api/clients/${clientId}/care-consent`)).json();
    expect(status).toMatchObject({ required: ['client', 'legal-representatives'], missing: ['client', 'legal-representatives'], complete: false });
    expect(status.basis).toContain('Jeugdwet 7.3.4');
    await post(`/api/clients/${clientId}/consents`, careConsent());
    const parentConsent = await post(`/api/clients/${clientId}/consents`, careConsent({ givenBy: 'legal-representatives', givenByRelationId: relationId }));
    expect(parentConsent.statusCode).toBe(201);
    status = (await get(`/api/clients/${clientId}/care-consent`)).json();
    expect(status).toMatchObject({ missing: [], complete: true });
    // Only whoever gave it withdraws it: not the young person for the parent's own consent at 14 (AVG 7(3)).
    const byClient = await post(`/api/clients/${clientId}/consents/${parentConsent.json().id}/withdraw`, { withdrawnBy: 'client' });
    expect(byClient.statusCode).toBe(409);
    expect(byClient.json()).toMatchObject({ code: 'not-their-consent', field: 'withdrawnBy' });
    expect((await get(`/api/clients/${clientId}/care-consent`)).json()).toMatchObject({ complete: true });
    expect((await post(`/api/clients/${clientId}/consents/${parentConsent.json().id}/withdraw`, { withdrawnBy: 'legal-representatives', relationId })).statusCode).toBe(200);
    status = (await get(`/api/clients/${clientId}/care-consent`)).json();
    expect(status).toMatchObject({ missing: ['legal-representatives'], complete: false });
  });

  it('under 12 with joint custody: one parent\'s consent is not enough, both must consent (BW 7:465, 1:251); a parent without custody need not', async () => {
    const clientId = await h.client({ age: 8, holder });
    const mother = (await post(`/api/clients/${clientId}/relations`, parent({ givenNames: 'Anna' }))).json().id;
    const father = (await post(`/api/clients/${clientId}/relations`, parent({ givenNames: 'Bram' }))).json().id;
    const motherConsent = await post(`/api/clients/${clientId}/consents`, careConsent({ givenBy: 'legal-representatives', givenByRelationId: mother }));
    expect(motherConsent.statusCode).toBe(201);
    let status = (await get(`/api/clients/${clientId}/care-consent`)).json();
    expect(status).toMatchObject({ required: ['legal-representatives'], missing: ['legal-representatives'], complete: false });
    expect(status.representativesMissing).toEqual([{ relationId: father, name: 'Bram Ouder' }]);
    expect(status.explanation).toContain('Bram Ouder');
    expect(status.basis).toContain('BW 1:251');
    expect((await post(`/api/clients/${clientId}/consents`, careConsent({ givenBy: 'legal-representatives', givenByRelationId: father }))).statusCode).toBe(201);
    status = (await get(`/api/clients/${clientId}/care-consent`)).json();
    expect(status).toMatchObject({ missing: [], complete: true, representativesMissing: [] });
    // A parent whose custody ended no longer needs to consent.
    const other = await h.client({ age: 8, holder });
    const only = (await post(`/api/clients/${other}/relations`, parent({ givenNames: 'Carla', custodyKind: 'single-headed-parental' }))).json().id;
    await post(`/api/clients/${other}/relations`, parent({ givenNames: 'Dirk', hasCustody: false, custodyKind: undefined, custodyEstablishedBy: undefined }));
    await post(`/api/clients/${other}/consents`, careConsent({ givenBy: 'legal-representatives', givenByRelationId: only }));
    expect((await get(`/api/clients/${other}/care-consent`)).json()).toMatchObject({ complete: true });
  });

  it('16+: a parent\'s consent is not the one the law asks (Jeugdwet 7.3.5) — refused with the engine\'s explanation', async () => {
    const clientId = await h.client({ age: 17, holder });
    const relationId = (await post(`/api/clients/${clientId}/relations`, parent())).json().id;
    const refused = await post(`/api/clients/${clientId}/consents`, careConsent({ givenBy: 'legal-representatives', givenByRelationId: relationId }));
    expect(refused.statusCode).toBe(403);
    expect(refused.json().nl).toContain('16');
    expect(refused.json().basis).toContain('Jeugdwet 7.3.5');
  });

  it('a representative\'s consent must name a person who held custody on that day', async () => {
    const clientId = await h.client({ age: 8, holder });
    const noCustody = (await post(`/api/clients/${clientId}/relations`, parent({ hasCustody: false, custodyKind: undefined, custodyEstablishedBy: undefined }))).json().id;
    expect((await post(`/api/clients/${clientId}/consents`, careConsent({ givenBy: 'legal-representatives' }))).json().field).toBe('givenByRelationId');
    const wrong = await post(`/api/clients/${clientId}/consents`, careConsent({ givenBy: 'legal-representatives', givenByRelationId: noCustody }));
    expect(wrong.statusCode).toBe(400);
    expect((await post(`/api/clients/${clientId}/consents`, careConsent())).statusCode).toBe(403); // under 12 the child does not decide (BW 7:450)
  });

  it('a 14-year-old assessed not competent for care consent is represented (BW 7:465)', async () => {
    const clientId = await h.client({ age: 14, holder });
    const relationId = (await post(`/api/clients/${clientId}/relations`, parent())).json().id;
    const missingRepresentative = await post(`/api/clients/${clientId}/competence-assessments`, { matter: 'care-consent', competent: false, assessedOn: '2026-11-01', facts: 'Kan de gevolgen niet overzien.', expertConsulted: 'Kinderpsychiater' });
    expect(missingRepresentative.json().field).toBe('representativeRelationId');
    const recorded = await post(`/api/clients/${clientId}/competence-assessments`, { matter: 'care-consent', competent: false, assessedOn: '2026-11-01', facts: 'Kan de gevolgen niet overzien.', expertConsulted: 'Kinderpsychiater', representativeRelationId: relationId });
    expect(recorded.statusCode).toBe(201);
    expect((await get(`/api/clients/${clientId}/care-consent`)).json().required).toEqual(['legal-representatives']);
    const list = (await get(`/api/clients/${clientId}/competence-assessments`)).json();
    expect(list.assessments[0]).toMatchObject({ competent: false, facts: 'Kan de gevolgen niet overzien.', expertConsulted: 'Kinderpsychiater' });
  });

  it('no competence assessment under 12: the representatives act anyway (BW 7:465(1); 003 §3.1)', async () => {
    const clientId = await h.client({ age: 11, holder });
    const relationId = (await post(`/api/clients/${clientId}/relations`, parent())).json().id;
    const refused = await post(`/api/clients/${clientId}/competence-assessments`, { matter: 'care-consent', competent: false, assessedOn: '2026-11-01', facts: 'Kan de gevolgen niet overzien.', expertConsulted: 'Kinderpsychiater', representativeRelationId: relationId });
    expect(refused.statusCode).toBe(400);
    expect(refused.json()).toMatchObject({ code: 'too-young-for-assessment', field: 'assessedOn' });
    expect((await get(`/api/clients/${clientId}/competence-assessments`)).json().assessments).toEqual([]);
  });
});

describe('consent to disclosure', () => {
  it('from 12 the young person consents; the declaration is recorded with recipient, purpose and data', async () => {
    const clientId = await h.client({ age: 13, holder });
    const relationId = (await post(`/api/clients/${clientId}/relations`, parent())).json().id;
    const disclosure = { kind: 'disclosure', givenBy: 'client', givenOn: '2026-11-20', informationGiven: 'Uitgelegd wat de school krijgt.', recipient: 'Basisschool De Linde', purpose: 'Afstemming begeleiding', dataDescription: 'Het plan van aanpak', declarationReference: 'ondertekend 20-11-2026', validTo: '2027-06-30' };
    const given = await post(`/api/clients/${clientId}/consents`, disclosure);
    expect(given.statusCode).toBe(201);
    expect(given.json()).toMatchObject({ active: true, recipient: 'Basisschool De Linde', validTo: '2027-06-30' });
    const byParent = await post(`/api/clients/${clientId}/consents`, { ...disclosure, givenBy: 'legal-representatives', givenByRelationId: relationId });
    expect(byParent.statusCode).toBe(403);
    const noRecipient: Record<string, unknown> = { ...disclosure };
    delete noRecipient.recipient;
    expect((await post(`/api/clients/${clientId}/consents`, noRecipient)).json().field).toBe('recipient');
  });
});

describe('dates in the future are refused, nothing recorded', () => {
  it('givenOn of a consent, validFrom of a relation, agreedOn of an agreement (400)', async () => {
    const clientId = await h.client({ age: 13, holder });
    const consent = await post(`/api/clients/${clientId}/consents`, careConsent({ givenOn: '2026-11-23' }));
    expect(consent.json()).toMatchObject({ status: 400, code: 'date-in-future', field: 'givenOn' });
    expect((await get(`/api/clients/${clientId}/consents`)).json().consents).toEqual([]);
    const relation = await post(`/api/clients/${clientId}/relations`, parent({ validFrom: '2026-12-01' }));
    expect(relation.json()).toMatchObject({ status: 400, code: 'date-in-future', field: 'validFrom' });
    expect((await get(`/api/clients/${clientId}`)).json().relations).toEqual([]);
    const agreement = await post(`/api/clients/${clientId}/agreements`, { agreement: 'no-conversation-reports-to-parents', agreedOn: '2027-01-01' });
    expect(agreement.json()).toMatchObject({ status: 400, code: 'date-in-future', field: 'agreedOn' });
    expect((await get(`/api/clients/${clientId}/agreements`)).json().agreements).toEqual([]);
  });

  it('a care consent names no part of the dossier (400)', async () => {
    const clientId = await h.client({ age: 13, holder });
    expect((await post(`/api/clients/${clientId}/consents`, careConsent({ part: 'care-plan' }))).json()).toMatchObject({ status: 400, field: 'part' });
  });
});

describe('relations and agreements', () => {
  it('keeps custody history: a relation is ended, not changed, and refuses inconsistent custody', async () => {
    const clientId = await h.client({ age: 10, holder });
    const id = (await post(`/api/clients/${clientId}/relations`, parent())).json().id;
    expect((await post(`/api/clients/${clientId}/relations/${id}/end`, { validTo: '2026-10-01' })).statusCode).toBe(204);
    await post(`/api/clients/${clientId}/relations`, { relation: 'guardian', hasCustody: true, custodyEstablishedBy: 'guardianship-order', custodyKind: 'guardianship-institution', institution: 'Gecertificeerde instelling (fictief)', familyName: 'Voogd', givenNames: 'J.', establishedHow: 'beschikking rechtbank', validFrom: '2026-10-02' });
    const relations = (await get(`/api/clients/${clientId}`)).json().relations;
    expect(relations.map((r: { relation: string; validTo: string | null }) => [r.relation, r.validTo])).toEqual([['parent', '2026-10-01'], ['guardian', null]]);
    expect((await post(`/api/clients/${clientId}/relations`, parent({ relation: 'family-guardian' }))).json().field).toBe('hasCustody');
    expect((await post(`/api/clients/${clientId}/relations`, parent({ custodyKind: undefined }))).json().field).toBe('custodyKind');
  });

  it('records a start-of-care agreement once, and ends it', async () => {
    const clientId = await h.client({ age: 13, holder });
    const first = await post(`/api/clients/${clientId}/agreements`, { agreement: 'no-conversation-reports-to-parents', agreedOn: '2026-01-10' });
    expect(first.statusCode).toBe(201);
    expect((await post(`/api/clients/${clientId}/agreements`, { agreement: 'no-conversation-reports-to-parents', agreedOn: '2026-01-10' })).statusCode).toBe(409);
    await post(`/api/clients/${clientId}/agreements/${first.json().id}/end`, {});
    expect((await get(`/api/clients/${clientId}/agreements`)).json().agreements[0].endedOn).toBe('2026-11-22');
  });
});
