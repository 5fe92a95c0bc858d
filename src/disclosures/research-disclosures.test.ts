/**
 * Statistics and research disclosures on their own ground (issue 16 error 10,
 * second half; Jeugdwet 7.3.12; BW 7:458): with consent, or without it only
 * where the engine's exception holds — asking is not reasonably possible (with
 * safeguards) or cannot be required and the data cannot be traced to the
 * client, the research serves the public interest and needs the data, and the
 * client did not object. Over HTTP, on the real database.
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
const base = { recipient: 'Universiteit Utrecht, onderzoek jeugdhulp', basis: 'research', part: 'evaluation', what: 'Evaluaties 2025', disclosedOn: '2026-11-21', clientToldBeforehand: true };
const research = {
  ground: 'consent-not-required', notTraceable: true, publicInterestAndNecessary: true, clientObjected: false,
  explanation: 'Gepseudonimiseerd aangeleverd; 4.000 dossiers, toestemming vragen is niet te doen.',
};
const list = async (clientId: string) => (await h.request({ method: 'GET', url: `/api/clients/${clientId}/disclosures`, cookie }))
  .json<{ disclosures: { basis: string; researchGround: string | null; citations: string[] }[] }>().disclosures;

describe('research and statistics disclosures (Jeugdwet 7.3.12; BW 7:458)', () => {
  it('without consent, anonymised, in the public interest and without objection: allowed by the engine, recorded on its ground, written in the dossier', async () => {
    const clientId = await h.client({ age: 14, holder });
    const response = await post(`/api/clients/${clientId}/disclosures`, { ...base, research });
    expect(response.statusCode, response.body).toBe(201);
    expect(response.json()).toMatchObject({ basis: 'research', researchGround: 'consent-not-required' });
    expect(response.json<{ citations: string[] }>().citations).toEqual(expect.arrayContaining(['Jeugdwet 7.3.12', 'BW 7:458']));
    expect(await list(clientId)).toMatchObject([{ basis: 'research', researchGround: 'consent-not-required' }]);
    const entries = (await h.request({ method: 'GET', url: `/api/clients/${clientId}/entries?kind=disclosure`, cookie })).json<{ entries: { text: string }[] }>().entries;
    expect(entries[0]!.text).toMatch(/Jeugdwet 7\.3\.12 lid 1b/);
    expect(entries[0]!.text).toContain('Gepseudonimiseerd aangeleverd');
    // The privacy officer's register shows the ground too.
    const officer = await h.login(await h.employee({ role: 'privacy-officer' }));
    const register = (await h.request({ method: 'GET', url: '/api/privacy/disclosures', cookie: officer })).json<{ disclosures: { clientId: string; researchGround: string | null }[] }>();
    expect(register.disclosures.find((d) => d.clientId === clientId)?.researchGround).toBe('consent-not-required');
  });

  it('asking not possible (lid 1a) with safeguards: allowed', async () => {
    const clientId = await h.client({ age: 9, holder });
    const response = await post(`/api/clients/${clientId}/disclosures`, { ...base, research: { ...research, ground: 'consent-not-possible', notTraceable: false } });
    expect(response.statusCode, response.body).toBe(201);
    expect(response.json()).toMatchObject({ researchGround: 'consent-not-possible' });
  });

  it('the client objected: refused by the engine (403), nothing recorded (lid 2c)', async () => {
    const clientId = await h.client({ age: 14, holder });
    const response = await post(`/api/clients/${clientId}/disclosures`, { ...base, research: { ...research, clientObjected: true } });
    expect(response.statusCode).toBe(403);
    expect(response.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(response.json<{ nl: string }>().nl).toMatch(/bezwaar/);
    expect(await list(clientId)).toEqual([]);
  });

  it('traceable data where asking could be required, or research that does not need the data: no exception, so consent is needed (403)', async () => {
    const clientId = await h.client({ age: 14, holder });
    for (const facts of [{ ...research, notTraceable: false }, { ...research, publicInterestAndNecessary: false }]) {
      const response = await post(`/api/clients/${clientId}/disclosures`, { ...base, research: facts });
      expect(response.statusCode, JSON.stringify(facts)).toBe(403);
      expect(response.json<{ nl: string }>().nl).toMatch(/toestemming/);
    }
    expect(await list(clientId)).toEqual([]);
  });

  it('with a consent naming the researcher: allowed on the research ground, no exception ground recorded', async () => {
    const clientId = await h.client({ age: 14, holder });
    const consent = await post(`/api/clients/${clientId}/consents`, {
      kind: 'disclosure', givenBy: 'client', givenOn: '2026-11-20', informationGiven: 'Uitgelegd waarvoor het onderzoek is.', recipient: base.recipient, purpose: 'Onderzoek', dataDescription: 'Evaluaties',
    });
    expect(consent.statusCode, consent.body).toBe(201);
    const response = await post(`/api/clients/${clientId}/disclosures`, { ...base, consentId: consent.json<{ id: string }>().id });
    expect(response.statusCode, response.body).toBe(201);
    expect(response.json()).toMatchObject({ basis: 'research', researchGround: null });
  });

  it('bad input is 400 problem+json: neither consent nor exception, the exception beside a consent or on another ground, an unknown ground, an extra field', async () => {
    const clientId = await h.client({ age: 14, holder });
    const cases: [unknown, string][] = [
      [{ ...base }, 'research'],
      [{ ...base, consentId: '00000000-0000-4000-8000-000000000000', research }, 'research'],
      [{ ...base, basis: 'cbs-statistics', part: 'administrative-data', research }, 'research'],
      [{ ...base, research: { ...research, ground: 'too-busy' } }, ''],
      [{ ...base, research: { ...research, extra: 1 } }, ''],
      [{ ...base, research: { ...research, explanation: 'kort' } }, ''],
    ];
    for (const [body, field] of cases) {
      const response = await post(`/api/clients/${clientId}/disclosures`, body);
      expect(response.statusCode, JSON.stringify(body)).toBe(400);
      expect(response.headers['content-type']).toMatch(/application\/problem\+json/);
      if (field !== '') expect(response.json<{ field: string }>().field).toBe(field);
    }
    expect(await list(clientId)).toEqual([]);
  });
});
