/**
 * A dossier with one of each thing a reader may not get: a passage shielded
 * from the father (the secret-address example), an entry about another person
 * (the grandmother) and raw test data — for tests of what leaves the
 * organisation (copies, exports, transfers).
 */
import { testBsn, TEST_NOW, type Harness } from './harness.js';

export const SECRET = 'Geheimeweg 12 in Zwolle';
export const GRANDMA = 'Oma vertelt dat zij zelf ook hulp heeft gehad.';
export const RAW = 'WISC-V ruwe scores: 12, 9, 14';
export const SHOWN = 'Het gaat goed op school.';
/** The client's own formal contact data when the client lives at the secret address with the mother. */
export const SECRET_CONTACT = { streetAddress: 'Geheimeweg 12', postcode: '8011 AB', town: 'Zwolle', phone: '038 555 0123', email: 'sam@geheim.example' } as const;

/** A client aged 14 who lives with the mother at the secret address: it is in the formal data too, not only in an entry. */
export async function clientAtSecretAddress(h: Harness, cookie: string): Promise<string> {
  const birthDate = `${TEST_NOW.getUTCFullYear() - 14}-03-01`;
  const response = await h.request({
    method: 'POST', url: '/api/clients', cookie,
    body: { bsn: testBsn(), familyName: 'Verborgen', givenNames: 'Sam', birthDate, gender: 'unknown', careStartedOn: '2026-01-05', ...SECRET_CONTACT },
  });
  if (response.statusCode !== 201) throw new Error(`client creation failed: ${response.statusCode} ${response.body}`);
  return response.json<{ id: string }>().id;
}

export async function shieldedDossier(h: Harness, cookie: string, clientId: string, father: { hasCustody: boolean }): Promise<{ fatherId: string }> {
  const post = (url: string, body: unknown) => h.request({ method: 'POST', url, cookie, body });
  const fatherId = (await post(`/api/clients/${clientId}/relations`, {
    relation: 'parent', hasCustody: father.hasCustody, ...(father.hasCustody ? { custodyKind: 'two-headed-parental' } : {}),
    familyName: 'Ouder', givenNames: 'Vader', establishedHow: 'gezagsregister', validFrom: '2026-01-05',
  })).json<{ id: string }>().id;
  const text = `Moeder is verhuisd naar ${SECRET}. ${SHOWN}`;
  const conversation = (await post(`/api/clients/${clientId}/entries`, { kind: 'conversation-report', text, source: { kind: 'parent', description: 'moeder' } })).json<{ id: string }>();
  const start = text.indexOf(SECRET);
  await post(`/api/clients/${clientId}/entries/${conversation.id}/shieldings`, {
    kind: 'shielded-from', passage: { start, end: start + SECRET.length }, shieldedFrom: [fatherId], reason: 'Geheim adres i.v.m. huiselijk geweld',
  });
  const grandma = (await post(`/api/clients/${clientId}/entries`, { kind: 'plan', text: GRANDMA, source: { kind: 'other', description: 'grootmoeder' } })).json<{ id: string }>();
  await post(`/api/clients/${clientId}/entries/${grandma.id}/shieldings`, { kind: 'about-another-person', reason: 'Gaat over de grootmoeder' });
  await post(`/api/clients/${clientId}/entries`, { kind: 'raw-test-data', title: 'WISC-V', text: RAW, source: { kind: 'care-professional' } });
  return { fatherId };
}
