/**
 * A hold's reference (kenmerk) is shown where the privacy officer sees holds (issue 14: purposes are
 * references). A legal-claims reading of a restricted dossier names the current hold (AVG 18(2);
 * `isCurrentHold`), but the id was shown nowhere, so nobody could pass it on. Now the review list and the
 * per-dossier retention view carry it while the dossier is held, and the reference from the response opens
 * the restricted dossier for the care professional; a released hold shows none and opens nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness, type TestEmployee } from '../test-support/harness.js';

let h: Harness;
let holder: TestEmployee;
let holderCookie: string;
let officerCookie: string;
let restricted: string;

interface ReviewItem { clientId: string; status: string; holdId: string | null }

beforeAll(async () => {
  h = await createHarness();
  holder = await h.employee({ role: 'care-professional' });
  holderCookie = await h.login(holder);
  officerCookie = await h.login(await h.employee({ role: 'privacy-officer' }));
  restricted = await h.client({ age: 16, holder });
  // The client asks to restrict processing (AVG 18): registered, granted and carried out by the holder.
  const post = (url: string, body: unknown) => h.request({ method: 'POST', url, cookie: holderCookie, body });
  const created = await post(`/api/clients/${restricted}/requests`, { kind: 'restrict', channel: 'written', receivedOn: '2026-11-20', details: 'Verzoek: beperken.' });
  expect(created.statusCode, created.body).toBe(201);
  const id = created.json().id as string;
  expect((await post(`/api/clients/${restricted}/requests/${id}/decision`, { outcome: 'granted', reasons: '', facts: [] })).statusCode).toBe(200);
  expect((await post(`/api/clients/${restricted}/requests/${id}/fulfil`, {})).statusCode).toBe(200);
});
afterAll(async () => h.close());

const officer = (method: 'GET' | 'POST', url: string, body?: unknown) =>
  h.request({ method, url, cookie: officerCookie, ...(body === undefined ? {} : { body }) });
const entries = (holdId: string) => h.request({
  method: 'GET', url: `/api/clients/${restricted}/entries`, cookie: holderCookie, headers: { 'x-dossierwijzer-purpose': `legal-claims ${holdId}` },
});

describe('the hold\'s reference (kenmerk) in the privacy officer\'s responses', () => {
  it('the review list and the dossier view carry the current hold\'s reference, which opens the restricted dossier; released, none', async () => {
    const before = await officer('GET', `/api/privacy/retention/${restricted}`);
    expect(before.statusCode, before.body).toBe(200);
    expect(before.json().holdId).toBeNull();

    expect((await officer('POST', `/api/privacy/retention-reviews/${restricted}/hold`, { reason: 'Klacht bij de geschillencommissie.' })).statusCode).toBe(200);
    const list = await officer('GET', '/api/privacy/retention-reviews');
    expect(list.statusCode, list.body).toBe(200);
    const review = list.json<{ reviews: ReviewItem[] }>().reviews.find((r) => r.clientId === restricted);
    expect(review?.status).toBe('held');
    const holdId = review?.holdId;
    expect(holdId).toMatch(/^[0-9a-f-]{36}$/);
    // The same reference the gate checks (org.retention_reviews.hold_id).
    const [row] = await h.database.db.query<{ hold_id: string }>('SELECT hold_id FROM org.retention_reviews WHERE client_id = $1', [restricted]);
    expect(holdId).toBe(row!.hold_id);

    const view = await officer('GET', `/api/privacy/retention/${restricted}`);
    expect(view.json()).toMatchObject({ held: true, holdId });

    // Passed on, it lets the care professional read the restricted dossier for the procedure.
    const read = await entries(holdId!);
    expect(read.statusCode, read.body).toBe(200);

    expect((await officer('POST', `/api/privacy/retention-reviews/${restricted}/release`)).statusCode).toBe(200);
    expect((await officer('GET', `/api/privacy/retention/${restricted}`)).json().holdId).toBeNull();
    expect((await entries(holdId!)).statusCode).toBe(403);
  });

  it('a review that waits for a decision shows no reference: it is not a hold', async () => {
    const other = await h.client({ age: 12, holder });
    // As the sweep lists a due dossier (retention-service.ts listDue).
    await h.database.db.query(
      `INSERT INTO org.retention_reviews (client_id, organisation_id, last_change, kept_until, status)
       VALUES ($1, $2, '2000-01-01', '2020-01-01', 'pending')`, [other, h.organisationId]);
    const reviews = (await officer('GET', '/api/privacy/retention-reviews')).json<{ reviews: ReviewItem[] }>().reviews;
    expect(reviews.find((r) => r.clientId === other)).toMatchObject({ status: 'pending', holdId: null });
  });
});
