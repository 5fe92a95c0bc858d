/**
 * Transfer of a dossier (issue 7 part 5; DOMAIN §5; 003 §2.2.8; 000): to a
 * successor provider only with the recorded consent for the disclosure
 * (Jeugdwet 7.3.11), to the Nidos guardian as the client's guardian with
 * custody — as the engine decides for a guardian (from 16 the young person
 * decides: Jeugdwet 7.3.5). The package (PDF, JSON, FHIR R4) holds what the
 * recipient may have: information about another person, shielded passages
 * and raw test data stay behind (Jeugdwet 7.3.10; 003 §2.3.11). A transfer
 * is a disclosure in the register and the dossier, and closes the dossier to
 * new entries — in the database too.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fhirR4Validator } from '../test-support/fhir-schema.js';
import { createHarness, type Harness, type TestEmployee } from '../test-support/harness.js';
import { pdfPages } from '../test-support/pdf-text.js';
import { GRANDMA, RAW, shieldedDossier } from '../test-support/shielded-dossier.js';

let h: Harness;
let holder: TestEmployee;
let cookie: string;

const post = (url: string, body: unknown = {}) => h.request({ method: 'POST', url, cookie, body });
const get = (url: string) => h.request({ method: 'GET', url, cookie });

beforeAll(async () => {
  h = await createHarness();
  holder = await h.employee({ role: 'care-professional' });
  cookie = await h.login(holder);
});
afterAll(async () => h.close());

/** A client with a shielded passage, information about another person and raw test data. */
async function clientWithDossier(age: number): Promise<string> {
  const clientId = await h.client({ age, holder });
  await shieldedDossier(h, cookie, clientId, { hasCustody: false });
  return clientId;
}

async function disclosureConsent(clientId: string, recipient = 'Jeugdhulp Opvolger'): Promise<string> {
  const consent = await post(`/api/clients/${clientId}/consents`, {
    kind: 'disclosure', givenBy: 'client', givenOn: '2026-11-20', informationGiven: 'Uitgelegd wat de nieuwe zorgaanbieder krijgt.',
    recipient, purpose: 'Voortzetting van de hulp', dataDescription: 'Het hele dossier',
  });
  expect(consent.statusCode, consent.body).toBe(201);
  return consent.json().id as string;
}

async function guardian(clientId: string): Promise<string> {
  const relation = await post(`/api/clients/${clientId}/relations`, {
    relation: 'guardian', hasCustody: true, custodyEstablishedBy: 'guardianship-order', custodyKind: 'guardianship-institution', institution: 'Nidos', familyName: 'Voogd', givenNames: 'Nidos',
    establishedHow: 'beschikking rechtbank', validFrom: '2026-01-05',
  });
  expect(relation.statusCode, relation.body).toBe(201);
  return relation.json().id as string;
}

const successor = (consentId: string | undefined) => ({
  recipient: 'Jeugdhulp Opvolger', recipientKind: 'successor-provider', ...(consentId === undefined ? {} : { consentId }), transferredOn: '2026-11-22', clientToldBeforehand: true,
});

describe('transfer to a successor provider (Jeugdwet 7.3.11: with consent)', () => {
  it('is recorded as a disclosure, shown on the overview, and closes the dossier to new entries', async () => {
    const clientId = await clientWithDossier(13);
    const done = await post(`/api/clients/${clientId}/transfer`, successor(await disclosureConsent(clientId)));
    expect(done.statusCode, done.body).toBe(201);
    expect(done.json().citations).toContain('Jeugdwet 7.3.11');
    const disclosures = (await get(`/api/clients/${clientId}/disclosures`)).json().disclosures;
    expect(disclosures).toEqual([expect.objectContaining({ recipient: 'Jeugdhulp Opvolger', basis: 'consent', id: done.json().disclosureId })]);
    expect((await get(`/api/clients/${clientId}`)).json().transfer).toMatchObject({ recipient: 'Jeugdhulp Opvolger', transferredOn: '2026-11-22' });

    const refused = await post(`/api/clients/${clientId}/entries`, { kind: 'plan', text: 'Nog een plan', source: { kind: 'care-professional' } });
    expect(refused.statusCode).toBe(409);
    expect(refused.json()).toMatchObject({ code: 'dossier-transferred', basis: ['Jeugdwet 7.3.8'] });
    expect(refused.json().nl).toContain('overgedragen');
  });

  it('the database refuses a new entry in a transferred dossier, whatever path tries it', async () => {
    const clientId = await clientWithDossier(13);
    expect((await post(`/api/clients/${clientId}/transfer`, successor(await disclosureConsent(clientId)))).statusCode).toBe(201);
    await expect(h.database.db.query(
      `INSERT INTO care.entries (client_id, kind, author_id, source_kind, ciphertext) VALUES ($1, 'plan', $2, 'care-professional', '\\x00')`, [clientId, holder.id],
    )).rejects.toThrow(/overgedragen/);
  });

  it('the package holds what a third party with consent may have: no shielded passage, no one else\'s information, no raw test data', async () => {
    const clientId = await clientWithDossier(13);
    const transfer = (await post(`/api/clients/${clientId}/transfer`, successor(await disclosureConsent(clientId)))).json();
    const pdf = await get(`/api/clients/${clientId}/transfers/${transfer.id}/dossier.pdf`);
    expect(pdf.statusCode, pdf.body).toBe(200);
    const text = (await pdfPages(pdf.rawPayload)).join('\n');
    expect(text).toContain('Overdracht van het dossier');
    expect(text).toContain('Jeugdhulp Opvolger');
    expect(text).toContain('Het gaat goed op school.');
    for (const hidden of ['Geheimeweg', GRANDMA, RAW]) expect(text).not.toContain(hidden);

    const data = await get(`/api/clients/${clientId}/transfers/${transfer.id}/dossier.json`);
    expect(data.json()).toMatchObject({ reason: 'transfer', reference: transfer.id });
    for (const hidden of ['Geheimeweg', GRANDMA, RAW]) expect(data.body).not.toContain(hidden);

    const bundle = (await get(`/api/clients/${clientId}/transfers/${transfer.id}/dossier.fhir.json`)).json();
    const validate = fhirR4Validator();
    expect(validate(bundle), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
  });

  it('without consent, or with a withdrawn one, is refused and changes nothing', async () => {
    const clientId = await clientWithDossier(13);
    const without = await post(`/api/clients/${clientId}/transfer`, successor(undefined));
    expect(without.json()).toMatchObject({ status: 400, field: 'consentId' });
    const consentId = await disclosureConsent(clientId);
    await post(`/api/clients/${clientId}/consents/${consentId}/withdraw`, { withdrawnBy: 'client' });
    const withdrawn = await post(`/api/clients/${clientId}/transfer`, successor(consentId));
    expect(withdrawn.json()).toMatchObject({ status: 400, field: 'consentId' });
    expect((await get(`/api/clients/${clientId}/transfer`)).json().transfer).toBeNull();
    expect((await get(`/api/clients/${clientId}/disclosures`)).json().disclosures).toEqual([]);
    expect((await post(`/api/clients/${clientId}/entries`, { kind: 'plan', text: 'Gewoon verder', source: { kind: 'care-professional' } })).statusCode).toBe(201);
  });

  it('happens once; a future date is bad input', async () => {
    const clientId = await clientWithDossier(13);
    const consentId = await disclosureConsent(clientId);
    expect((await post(`/api/clients/${clientId}/transfer`, { ...successor(consentId), transferredOn: '2027-01-01' })).json()).toMatchObject({ status: 400, field: 'transferredOn' });
    expect((await post(`/api/clients/${clientId}/transfer`, successor(consentId))).statusCode).toBe(201);
    expect((await post(`/api/clients/${clientId}/transfer`, successor(consentId))).json()).toMatchObject({ status: 409, code: 'already-transferred' });
  });
});

describe('transfer to the Nidos guardian of an unaccompanied minor (000)', () => {
  it('goes to the registered guardian with custody, who gets what a guardian may have', async () => {
    const clientId = await clientWithDossier(14);
    const guardianId = await guardian(clientId);
    const done = await post(`/api/clients/${clientId}/transfer`, {
      recipient: 'Nidos Utrecht', recipientKind: 'nidos-guardian', guardianRelationId: guardianId, transferredOn: '2026-11-22', clientToldBeforehand: true,
    });
    expect(done.statusCode, done.body).toBe(201);
    const data = await get(`/api/clients/${clientId}/transfers/${done.json().id}/dossier.json`);
    expect(data.body).toContain('Het gaat goed op school.');
    for (const hidden of [GRANDMA, RAW]) expect(data.body).not.toContain(hidden);
  });

  it('refuses someone who is not the guardian with custody', async () => {
    const clientId = await clientWithDossier(14);
    const parent = (await post(`/api/clients/${clientId}/relations`, {
      relation: 'parent', hasCustody: true, custodyEstablishedBy: 'by-law-marriage', custodyKind: 'two-headed-parental', familyName: 'Ouder', givenNames: 'Moeder', establishedHow: 'gezagsregister', validFrom: '2026-01-05',
    })).json().id as string;
    const refused = await post(`/api/clients/${clientId}/transfer`, {
      recipient: 'Nidos Utrecht', recipientKind: 'nidos-guardian', guardianRelationId: parent, transferredOn: '2026-11-22', clientToldBeforehand: true,
    });
    expect(refused.json()).toMatchObject({ status: 400, field: 'guardianRelationId' });
  });

  it('from 16 the young person decides: without their consent the engine refuses, with its explanation (Jeugdwet 7.3.5)', async () => {
    const clientId = await clientWithDossier(16);
    const guardianId = await guardian(clientId);
    const refused = await post(`/api/clients/${clientId}/transfer`, {
      recipient: 'Nidos Utrecht', recipientKind: 'nidos-guardian', guardianRelationId: guardianId, transferredOn: '2026-11-22', clientToldBeforehand: true,
    });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().nl).toContain('16');
    expect(refused.json().basis.length).toBeGreaterThan(0);
    expect((await get(`/api/clients/${clientId}/transfer`)).json().transfer).toBeNull();

    const consentId = await disclosureConsent(clientId, 'Nidos Utrecht'); // a consent counts only for the recipient it names
    const allowed = await post(`/api/clients/${clientId}/transfer`, {
      recipient: 'Nidos Utrecht', recipientKind: 'nidos-guardian', guardianRelationId: guardianId, consentId, transferredOn: '2026-11-22', clientToldBeforehand: true,
    });
    expect(allowed.statusCode, allowed.body).toBe(201);
  });
});
