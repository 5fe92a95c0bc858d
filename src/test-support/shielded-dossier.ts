/**
 * A dossier with one of each thing a reader may not get: a passage shielded
 * from the father (the secret-address example), an entry about another person
 * (the grandmother) and raw test data — for tests of what leaves the
 * organisation (copies, exports, transfers).
 */
import type { Harness } from './harness.js';

export const SECRET = 'Geheimeweg 12 in Zwolle';
export const GRANDMA = 'Oma vertelt dat zij zelf ook hulp heeft gehad.';
export const RAW = 'WISC-V ruwe scores: 12, 9, 14';
export const SHOWN = 'Het gaat goed op school.';

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
