/**
 * Logs never contain client data (names, BSN, birth dates, entry text): they
 * go to places (log shippers, terminals) outside the access policy. This runs
 * a realistic session — good and bad requests, including failures — and scans
 * everything logged for the seeded values.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from '../test-support/harness.js';

const SEEDED = {
  familyName: 'Zwanenburg-Kwakkelstein',
  givenNames: 'Ottoline',
  bsn: '999990044',
  birthDate: '2011-07-19',
  entryText: 'Ottoline vertelt over de ruzie thuis op zaterdag',
  annotation: 'Correctie: het was op zondag',
  source: 'buurvrouw Hendrika',
};

let h: Harness;
beforeAll(async () => { h = await createHarness({ LOG_LEVEL: 'debug' }); });
afterAll(async () => h.close());

describe('structured logs', () => {
  it('contain none of the seeded client data after a full session', async () => {
    const holder = await h.employee({ role: 'care-professional' });
    const cookie = await h.login(holder);
    const created = await h.request({ method: 'POST', url: '/api/clients', cookie, body: {
      bsn: SEEDED.bsn, familyName: SEEDED.familyName, givenNames: SEEDED.givenNames, birthDate: SEEDED.birthDate, gender: 'female',
    } });
    expect(created.statusCode).toBe(201);
    const id = created.json<{ id: string }>().id;
    // A duplicate BSN, a bad BSN and a bad body: failures are where values tend to leak.
    expect((await h.request({ method: 'POST', url: '/api/clients', cookie, body: { bsn: SEEDED.bsn, familyName: SEEDED.familyName, givenNames: SEEDED.givenNames, birthDate: SEEDED.birthDate, gender: 'female' } })).statusCode).toBe(409);
    expect((await h.request({ method: 'POST', url: '/api/clients', cookie, body: { bsn: '123456780', familyName: SEEDED.familyName, givenNames: SEEDED.givenNames, birthDate: SEEDED.birthDate, gender: 'female' } })).statusCode).toBe(400);
    const entry = await h.request({ method: 'POST', url: `/api/clients/${id}/entries`, cookie, body: { kind: 'conversation-report', text: SEEDED.entryText, source: { kind: 'other', description: SEEDED.source } } });
    await h.request({ method: 'POST', url: `/api/clients/${id}/entries/${entry.json<{ id: string }>().id}/annotations`, cookie, body: { kind: 'incorrect', reason: SEEDED.annotation } });
    await h.request({ method: 'POST', url: `/api/clients/${id}/entries`, cookie, body: { kind: 'nonsense', text: SEEDED.entryText, source: { kind: 'client' } } });
    await h.request({ method: 'GET', url: `/api/clients/${id}`, cookie });
    await h.request({ method: 'GET', url: `/api/clients/${id}/entries`, cookie });
    await h.request({ method: 'POST', url: '/api/auth/login', body: { username: SEEDED.familyName, password: SEEDED.bsn } });

    const logged = h.logs.join('');
    expect(logged.length).toBeGreaterThan(1000); // the logs were captured at all
    for (const [what, value] of Object.entries(SEEDED)) {
      expect(logged, `${what} leaked into the logs`).not.toContain(value);
    }
  });
});
