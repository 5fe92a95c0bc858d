/**
 * The copy of an electronic request as a download valid for 7 days (issue 5
 * part 6; AVG 12(3), 15(3); Jeugdwet 7.3.10): prepared by the professional,
 * fetched by the requester with link token and code, shielding applied like
 * the copy PDF; every fetch in the access log; expired, revoked, locked or
 * destroyed links give nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness, type TestEmployee } from '../test-support/harness.js';
import { pdfPages } from '../test-support/pdf-text.js';
import { asOwner } from '../test-support/test-database.js';

const SECRET = 'Geheimeweg 12 in Zwolle';

let h: Harness;
let holder: TestEmployee;
let cookie: string;

const post = (url: string, body: unknown = {}) => h.request({ method: 'POST', url, cookie, body });
const fetchCopy = (token: string, code: string) => h.request({ method: 'POST', url: '/api/downloads', body: { token, code } });

beforeAll(async () => {
  h = await createHarness();
  holder = await h.employee({ role: 'care-professional' });
  cookie = await h.login(holder);
});
afterAll(async () => h.close());

/** A 14-year-old's dossier with a passage shielded from the father, and the father's granted copy request. */
async function fathersRequest(channel: 'electronic' | 'written' = 'electronic', grant = true) {
  const clientId = await h.client({ age: 14, holder });
  const father = (await post(`/api/clients/${clientId}/relations`, {
    relation: 'parent', hasCustody: true, custodyEstablishedBy: 'by-law-marriage', custodyKind: 'two-headed-parental', familyName: 'Ouder', givenNames: 'Vader', establishedHow: 'gezagsregister', validFrom: '2026-01-05',
  })).json().id as string;
  const text = `Moeder is verhuisd naar ${SECRET}. Het gaat goed op school.`;
  const entry = (await post(`/api/clients/${clientId}/entries`, { kind: 'conversation-report', text, source: { kind: 'parent', description: 'moeder' } })).json();
  const start = text.indexOf(SECRET);
  await post(`/api/clients/${clientId}/entries/${entry.id}/shieldings`, { kind: 'shielded-from', passage: { start, end: start + SECRET.length }, shieldedFrom: [father], reason: 'Geheim adres' });
  const request = (await post(`/api/clients/${clientId}/requests`, { kind: 'copy', channel, receivedOn: '2026-11-20', details: 'Graag per e-mail.', requesterRelationId: father })).json();
  if (grant) expect((await post(`/api/clients/${clientId}/requests/${request.id}/decision`, { outcome: 'granted', reasons: '' })).statusCode).toBe(200);
  return { clientId, requestId: request.id as string };
}

async function prepared(clientId: string, requestId: string) {
  const response = await post(`/api/clients/${clientId}/requests/${requestId}/download-links`);
  expect(response.statusCode, response.body).toBe(201);
  return response.json<{ id: string; token: string; code: string; expiresAt: string; path: string }>();
}

const logRows = (clientId: string) => h.database.db.query<{ outcome: string; employee_id: string | null; acting_for_id: string | null; action: string }>(
  `SELECT outcome, employee_id, acting_for_id, action FROM audit.access_log WHERE client_id = $1 AND action = 'download-copy' ORDER BY seq`, [clientId]);

describe('7-day download of a copy', () => {
  it('the requester fetches it with token and code; shielding applied; the fetch is in the access log', async () => {
    const { clientId, requestId } = await fathersRequest();
    const link = await prepared(clientId, requestId);
    expect(link.path).toBe(`/ophalen#${link.token}`);
    expect(new Date(link.expiresAt).getTime() - h.clock.now.getTime()).toBe(7 * 86_400_000);
    const response = await fetchCopy(link.token, link.code.toLowerCase()); // read out over the phone: case does not matter
    expect(response.statusCode, response.body).toBe(200);
    expect(response.headers['content-type']).toBe('application/pdf');
    expect(response.headers['cache-control']).toBe('no-store');
    const text = (await pdfPages(response.rawPayload)).join('\n');
    expect(text).toContain('Het gaat goed op school.');
    expect(text).not.toContain('Geheimeweg');
    expect(await logRows(clientId)).toEqual([{ outcome: 'allowed', employee_id: null, acting_for_id: holder.id, action: 'download-copy' }]);
    // "Who saw this dossier" shows the download.
    const seen = (await h.request({ method: 'GET', url: `/api/clients/${clientId}/access-log`, cookie: await h.login(await h.employee({ role: 'privacy-officer' })) })).body;
    expect(seen).toContain('download-copy');
  });

  it('a wrong code and an unknown link get the same answer; five wrong codes close the link', async () => {
    const { clientId, requestId } = await fathersRequest();
    const link = await prepared(clientId, requestId);
    const wrong = await fetchCopy(link.token, 'AAAAAAAA');
    const unknown = await fetchCopy('x'.repeat(43), link.code);
    expect(wrong.statusCode).toBe(404);
    expect(unknown.statusCode).toBe(404);
    expect(wrong.body).toBe(unknown.body);
    for (let i = 0; i < 4; i++) await fetchCopy(link.token, 'AAAAAAAA');
    expect((await fetchCopy(link.token, link.code)).statusCode).toBe(404); // locked, even with the right code
    expect((await logRows(clientId)).every((r) => r.outcome === 'denied')).toBe(true);
    const links = (await h.request({ method: 'GET', url: `/api/clients/${clientId}/requests/${requestId}/download-links`, cookie })).json().links;
    expect(links).toEqual([expect.objectContaining({ id: link.id, state: 'locked', fetches: 0 })]);
  });

  it('expires after 7 days (410) and can be revoked at once', async () => {
    const { clientId, requestId } = await fathersRequest();
    const first = await prepared(clientId, requestId);
    const second = await prepared(clientId, requestId);
    expect((await post(`/api/clients/${clientId}/requests/${requestId}/download-links/${second.id}/revoke`)).statusCode).toBe(204);
    expect((await fetchCopy(second.token, second.code)).statusCode).toBe(404);
    h.clock.advance(7 * 86_400_000 + 1000);
    try {
      const expired = await fetchCopy(first.token, first.code);
      expect(expired.statusCode).toBe(410);
      expect(expired.json().nl).toContain('verlopen');
    } finally {
      h.clock.reset();
    }
  });

  it('only for a granted copy request made electronically (409), and gone with the dossier', async () => {
    const written = await fathersRequest('written');
    expect((await post(`/api/clients/${written.clientId}/requests/${written.requestId}/download-links`)).json()).toMatchObject({ status: 409, code: 'not-an-electronic-copy' });
    const undecided = await fathersRequest('electronic', false);
    expect((await post(`/api/clients/${undecided.clientId}/requests/${undecided.requestId}/download-links`)).json()).toMatchObject({ status: 409, code: 'request-wrong-state' });

    const { clientId, requestId } = await fathersRequest();
    const link = await prepared(clientId, requestId);
    // The database destroys only on a decision: here the privacy officer's confirmation of an ended retention period,
    // written as the owner (the application role confirms only through org.confirm_retention_destruction, 0055).
    await asOwner(h.database, (owner) => owner.query(
      `INSERT INTO org.retention_reviews (client_id, organisation_id, last_change, kept_until, status, decided_by, decided_at)
       VALUES ($1, $2, '2000-01-01', '2020-01-01', 'confirmed', $3, now())`, [clientId, h.organisationId, holder.id]));
    await h.database.db.query('SELECT care.destroy_dossier($1, $2, $3, NULL, NULL, $4)', [clientId, h.organisationId, 'retention-expired', holder.id]);
    expect((await fetchCopy(link.token, link.code)).statusCode).toBe(410);
  });

  it('bad input is refused before anything is looked up', async () => {
    expect((await h.request({ method: 'POST', url: '/api/downloads', body: { token: 'short', code: 'AAAAAAAA' } })).statusCode).toBe(400);
    expect((await h.request({ method: 'POST', url: '/api/downloads', body: { token: 'x'.repeat(43), code: 'AAAAAAAA', clientId: 'x' } })).statusCode).toBe(400);
  });
});
