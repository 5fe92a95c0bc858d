/**
 * The intake answer a person reads is true to the request and the moment (issue 15): once the missing consent
 * is recorded the answer is the engine's with that consent, each kind explains itself in its own words, and a
 * refusal does not contradict itself.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness, type TestEmployee } from '../test-support/harness.js';
import { WHAT_HAPPENS } from '../rules/index.js';

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
const request = (over: Record<string, unknown> = {}) => ({ kind: 'inspect', channel: 'written', receivedOn: '2026-11-20', details: 'Verzoek.', ...over });

async function parentOf(clientId: string, hasCustody: boolean): Promise<string> {
  const parent = await post(`/api/clients/${clientId}/relations`, {
    relation: 'parent', hasCustody, ...(hasCustody ? { custodyKind: 'two-headed-parental', custodyEstablishedBy: 'by-law-marriage' } : {}), familyName: 'Ouder', givenNames: 'Sam',
    establishedHow: 'gezagsregister', validFrom: '2026-01-05',
  });
  expect(parent.statusCode).toBe(201);
  return parent.json().id;
}

describe('intake texts', () => {
  it('after the young person\'s consent is recorded, the intake answer is the engine\'s with that consent, in the request and in the list', async () => {
    const clientId = await h.client({ age: 17, holder });
    const parentId = await parentOf(clientId, true);
    const created = (await post(`/api/clients/${clientId}/requests`, request({ requesterRelationId: parentId }))).json();
    expect(created.intake.outcome).toBe('needs-consent');
    expect(created.intake.explanation).toContain('Die toestemming is nog niet vastgelegd.');
    const recorded = await post(`/api/clients/${clientId}/requests/${created.id}/consent`, { givenOn: '2026-11-21', how: 'in-person' });
    expect(recorded.statusCode).toBe(200);
    for (const intake of [recorded.json().intake, (await get(`/api/clients/${clientId}/requests/${created.id}`)).json().intake, (await get(`/api/clients/${clientId}/requests`)).json().requests[0].intake]) {
      expect(intake.outcome).toBe('allow');
      expect(intake.explanation).not.toContain('nog niet vastgelegd');
      expect(intake.explanation).toContain('De jongere heeft daarvoor toestemming gegeven.');
      expect(intake.consentRecordedOn).not.toBeNull();
    }
  });

  it('restriction, objection, portability and withdrawing a consent each explain themselves, not as an own statement', async () => {
    const clientId = await h.client({ age: 17, holder });
    for (const kind of ['restrict', 'object', 'portability', 'withdraw-consent'] as const) {
      const created = await post(`/api/clients/${clientId}/requests`, request({ kind }));
      expect(created.statusCode).toBe(201);
      expect(created.json().intake.outcome).toBe('allow');
      expect(created.json().intake.explanation).not.toContain('eigen verklaring');
      expect(created.json().intake.explanation).toContain(WHAT_HAPPENS[kind]);
    }
  });

  it('the refusal for a parent without custody does not end by taking back the general information it offers (BW 1:377c)', async () => {
    const clientId = await h.client({ age: 12, holder });
    const parentId = await parentOf(clientId, false);
    const created = (await post(`/api/clients/${clientId}/requests`, request({ requesterRelationId: parentId }))).json();
    expect(created.state).toBe('refused-at-intake');
    expect(created.intake.explanation).toContain('kan deze ouder wel algemene informatie over de hulp vragen.');
    expect(created.intake.explanation).not.toContain('kan dat niet');
    expect(created.intake.explanation).toContain('Inzage in het dossier kan alleen met toestemming van de jongere.');
  });

  it('a fulfilment refused for a missing or foreign field, or a finding that is not corrected, names it in Dutch, never by its API name or kind code', async () => {
    const clientId = await h.client({ age: 16, holder });
    const decided = async (kind: string, facts: string[] = []) => {
      const created = (await post(`/api/clients/${clientId}/requests`, request({ kind }))).json();
      expect((await post(`/api/clients/${clientId}/requests/${created.id}/decision`, { outcome: 'granted', reasons: '', ...(facts.length === 0 ? {} : { facts }) })).statusCode).toBe(200);
      return `/api/clients/${clientId}/requests/${created.id}/fulfil`;
    };
    const statement = await decided('add-statement');
    const missing = await post(statement, {});
    expect(missing.statusCode).toBe(400);
    expect(missing.json().nl).toBe('Om dit verzoek uit te voeren is nodig: de eigen verklaring (bij welke dossierregel, en de tekst).');
    const foreign = await post(statement, { consentId: '00000000-0000-4000-8000-000000000000' });
    expect(foreign.json().nl).toBe('De toestemming die wordt ingetrokken hoort niet bij dit soort verzoek.');

    const finding = await post(`/api/clients/${clientId}/entries`, {
      kind: 'research-report', text: 'Er is sprake van hechtingsproblematiek.', source: { kind: 'care-professional' }, statementType: 'opinion',
    });
    expect(finding.statusCode).toBe(201);
    const refused = await post(await decided('correct', ['factual-error']), { corrections: [{ entryId: finding.json().id, reason: 'Dat klopt niet, vind ik.' }] });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().nl).toContain('Leg dan een verzoek om een eigen verklaring vast.');
    for (const answer of [missing, foreign, refused]) expect(answer.json().nl).not.toMatch(/"|add-statement|statement|consentId/);
  });
});
