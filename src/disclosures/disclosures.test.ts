/**
 * The disclosure register (DOMAIN §4; 003 §2.3.14; 004 C): each disclosure is
 * checked by the engine, recorded with its basis and whether the client was
 * told beforehand, and appears as a dossier entry.
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
const base = { recipient: 'Basisschool De Linde', part: 'care-plan', what: 'Het plan van aanpak', disclosedOn: '2026-11-21', clientToldBeforehand: true };

describe('disclosure register', () => {
  it('with consent in force: allowed, registered and written in the dossier; without it refused by the engine', async () => {
    const clientId = await h.client({ age: 13, holder });
    const consent = (await post(`/api/clients/${clientId}/consents`, {
      kind: 'disclosure', givenBy: 'client', givenOn: '2026-11-20', informationGiven: 'Uitgelegd wat de school krijgt.', recipient: 'Basisschool De Linde', purpose: 'Afstemming', dataDescription: 'Plan',
    })).json();
    const disclosed = await post(`/api/clients/${clientId}/disclosures`, { ...base, basis: 'consent', consentId: consent.id });
    expect(disclosed.statusCode).toBe(201);
    expect(disclosed.json().citations).toContain('Jeugdwet 7.3.11');
    const timeline = (await h.request({ method: 'GET', url: `/api/clients/${clientId}/entries?kind=disclosure`, cookie })).json();
    expect(timeline.entries[0].text).toContain('Basisschool De Linde');

    await post(`/api/clients/${clientId}/consents/${consent.id}/withdraw`, { withdrawnBy: 'client' });
    const afterWithdrawal = await post(`/api/clients/${clientId}/disclosures`, { ...base, basis: 'consent', consentId: consent.id });
    expect(afterWithdrawal.json()).toMatchObject({ status: 400, field: 'consentId' });
  });

  it('a consent counts only for the recipient it names, and for the part it names: the school\'s consent lets nothing go to anyone else (AVG 7; 004 C)', async () => {
    const clientId = await h.client({ age: 13, holder });
    const consent = (await post(`/api/clients/${clientId}/consents`, {
      kind: 'disclosure', givenBy: 'client', givenOn: '2026-11-20', informationGiven: 'Uitgelegd wat de school krijgt.', recipient: 'Basisschool De Linde', purpose: 'Afstemming', dataDescription: 'Plan', part: 'care-plan',
    }));
    expect(consent.statusCode, consent.body).toBe(201);
    expect(consent.json().part).toBe('care-plan');
    const count = async () => (await h.request({ method: 'GET', url: `/api/clients/${clientId}/disclosures`, cookie })).json().disclosures.length as number;

    const other = await post(`/api/clients/${clientId}/disclosures`, { ...base, recipient: 'Sportclub De Sprinters', basis: 'consent', consentId: consent.json().id });
    expect(other.statusCode).toBe(400);
    expect(other.json()).toMatchObject({ code: 'consent-other-recipient', field: 'consentId' });
    expect(other.json().nl).toContain('Basisschool De Linde');
    const otherData = await post(`/api/clients/${clientId}/disclosures`, { ...base, part: 'conversation-report', basis: 'consent', consentId: consent.json().id });
    expect(otherData.json()).toMatchObject({ status: 400, code: 'consent-other-data', field: 'part' });
    expect(await count()).toBe(0);
    const entries = (await h.request({ method: 'GET', url: `/api/clients/${clientId}/entries?kind=disclosure`, cookie })).json().entries;
    expect(entries).toEqual([]);

    // The named recipient, written a little differently, and the named part: allowed.
    const same = await post(`/api/clients/${clientId}/disclosures`, { ...base, recipient: '  basisschool  de Linde ', basis: 'consent', consentId: consent.json().id });
    expect(same.statusCode, same.body).toBe(201);
    expect(await count()).toBe(1);
  });

  it('refuses a disclosure dated in the future (400) and records nothing', async () => {
    const clientId = await h.client({ age: 10, holder });
    const future = await post(`/api/clients/${clientId}/disclosures`, { ...base, recipient: 'Gemeente', basis: 'municipality-billing', part: 'administrative-data', disclosedOn: '2026-11-23' });
    expect(future.statusCode).toBe(400);
    expect(future.json()).toMatchObject({ code: 'date-in-future', field: 'disclosedOn' });
    expect((await h.request({ method: 'GET', url: `/api/clients/${clientId}/disclosures`, cookie })).json().disclosures).toEqual([]);
    expect((await h.request({ method: 'GET', url: `/api/clients/${clientId}/entries`, cookie })).json().entries).toEqual([]);
  });

  it('statutory bases carry only what they may: the municipality gets billing data, not care content (004 C)', async () => {
    const clientId = await h.client({ age: 10, holder });
    const care = await post(`/api/clients/${clientId}/disclosures`, { ...base, recipient: 'Gemeente', basis: 'municipality-billing', part: 'conversation-report', clientToldBeforehand: false, notToldBecause: 'Wettelijke declaratiecontrole.' });
    expect(care.statusCode).toBe(403);
    expect(care.json().nl).toContain('gemeente');
    const billing = await post(`/api/clients/${clientId}/disclosures`, { ...base, recipient: 'Gemeente', basis: 'municipality-billing', part: 'administrative-data', clientToldBeforehand: false, notToldBecause: 'Wettelijke declaratiecontrole.' });
    expect(billing.statusCode).toBe(201);
  });

  it('the family guardian\'s own right when a threat to development is averted (Jeugdwet 7.3.11 lid 4); not telling the client needs a reason', async () => {
    const clientId = await h.client({ age: 8, holder });
    const silent = await post(`/api/clients/${clientId}/disclosures`, { ...base, recipient: 'Gezinsvoogd', basis: 'family-guardian-threat', part: 'dossier', clientToldBeforehand: false });
    expect(silent.json().field).toBe('notToldBecause');
    const told = await post(`/api/clients/${clientId}/disclosures`, { ...base, recipient: 'Gezinsvoogd', basis: 'family-guardian-threat', part: 'dossier' });
    expect(told.statusCode).toBe(201);
    const officer = await h.login(await h.employee({ role: 'privacy-officer' }));
    const register = (await h.request({ method: 'GET', url: '/api/privacy/disclosures', cookie: officer })).json();
    expect(register.disclosures.some((d: { clientId: string; basis: string }) => d.clientId === clientId && d.basis === 'family-guardian-threat')).toBe(true);
    expect((await h.request({ method: 'GET', url: '/api/privacy/disclosures', cookie })).statusCode).toBe(403);
  });
});
