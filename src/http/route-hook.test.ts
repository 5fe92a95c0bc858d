/**
 * There is no second way in: every route that touches client data runs
 * through `withClientAccess` (policy + access log). This enumerates every
 * registered route and (1) fails on a client route not marked as going through
 * the hook, and (2) calls each one and checks that an access-log row appeared.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from '../test-support/harness.js';

let h: Harness;
let cookie: string;
let clientId: string;
let entryId: string;

// What each client-data route is called with. A new client route must be added here, or this test fails.
const calls: Record<string, () => { body?: unknown; query?: string }> = {
  'GET /api/clients/:clientId': () => ({}),
  'GET /api/clients/:clientId/entries': () => ({ query: '?limit=5' }),
  'POST /api/clients/:clientId/entries': () => ({ body: { kind: 'plan', text: 'plan', source: { kind: 'care-professional' } } }),
  'GET /api/clients/:clientId/entries/:entryId': () => ({}),
  'POST /api/clients/:clientId/entries/:entryId/annotations': () => ({ body: { kind: 'addition', reason: 'aanvulling' } }),
  'PUT /api/clients/:clientId/entries/:entryId': () => ({ body: { text: 'x' } }),
  'PATCH /api/clients/:clientId/entries/:entryId': () => ({ body: { text: 'x' } }),
  'DELETE /api/clients/:clientId/entries/:entryId': () => ({}),
  'GET /api/clients/:clientId/care-team': () => ({}),
  'POST /api/clients/:clientId/care-team': () => ({ body: { employeeId: colleagueId, relation: 'member', startsOn: '2026-02-01' } }),
  'POST /api/clients/:clientId/care-team/:memberId/end': () => ({ body: { endsOn: '2026-11-22' } }),
  'GET /api/clients/:clientId/access-facts': () => ({}),
  'POST /api/clients/:clientId/access-facts': () => ({ body: { fact: 'client-objects-to-interns' } }),
  'POST /api/clients/:clientId/access-facts/:factId/withdraw': () => ({}),
  'POST /api/clients/:clientId/emergency-access': () => ({ body: { reason: 'Crisis: de cliënt is vermist, contactgegevens nodig.' } }),
  'GET /api/clients/:clientId/emergency-summary': () => ({}),
  'PUT /api/clients/:clientId/emergency-summary': () => ({ body: { medication: 'geen', keyContacts: 'moeder', knownRisks: 'geen' } }),
  'GET /api/clients/:clientId/access-log': () => ({}),
};
let colleagueId: string;
let memberId: string;
let factId: string;

// Routes that name a client collection or the caller themself; they log through withRegistration/withClientList.
const collectionRoutes = new Set(['GET /api/clients', 'POST /api/clients']);

beforeAll(async () => {
  h = await createHarness();
  const holder = await h.employee({ role: 'care-professional' });
  cookie = await h.login(holder);
  clientId = await h.client({ age: 12, holder });
  const created = await h.request({ method: 'POST', url: `/api/clients/${clientId}/entries`, cookie, body: { kind: 'plan', text: 'eerste', source: { kind: 'client' } } });
  entryId = created.json<{ id: string }>().id;
  colleagueId = (await h.employee({ role: 'care-professional' })).id;
  const member = await h.request({ method: 'POST', url: `/api/clients/${clientId}/care-team`, cookie, body: { employeeId: (await h.employee({ role: 'care-professional' })).id, relation: 'substitute', startsOn: '2026-01-05' } });
  memberId = member.json<{ id: string }>().id;
  const fact = await h.request({ method: 'POST', url: `/api/clients/${clientId}/access-facts`, cookie, body: { fact: 'client-objects-to-interns' } });
  factId = fact.json<{ facts: { id: string }[] }>().facts[0]!.id;
});
afterAll(async () => h.close());

async function logCount(): Promise<number> {
  const [row] = await h.database.db.query<{ n: number }>('SELECT count(*)::int AS n FROM audit.access_log');
  return row!.n;
}

describe('every client-data route passes the access hook', () => {
  it('marks every route under /api/clients/:clientId as client data, and knows how to call it', () => {
    const clientRoutes = h.app.routes.filter((r) => r.url.startsWith('/api/clients/:clientId') && r.method !== 'HEAD');
    expect(clientRoutes.length).toBeGreaterThanOrEqual(Object.keys(calls).length);
    for (const route of clientRoutes) {
      const name = `${route.method} ${route.url}`;
      expect(route.clientData, `${name} must be registered with clientDataRoute`).toBe(true);
      expect(calls[name], `${name} has no call in this test`).toBeDefined();
    }
  });

  it('has no other /api route touching clients outside the hook', () => {
    const others = h.app.routes.filter((r) => r.url.startsWith('/api/clients') && !r.clientData && r.method !== 'HEAD');
    expect(others.map((r) => `${r.method} ${r.url}`).filter((n) => !collectionRoutes.has(n))).toEqual([]);
  });

  it.each(Object.keys(calls))('%s writes an access-log row', async (name) => {
    const [method, pattern] = name.split(' ') as ['GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE', string];
    const { body, query } = calls[name]!();
    const url = pattern.replace(':clientId', clientId).replace(':entryId', entryId).replace(':memberId', memberId).replace(':factId', factId) + (query ?? '');
    const before = await logCount();
    const response = await h.request({ method, url, cookie, ...(body === undefined ? {} : { body }) });
    expect(response.statusCode).toBeLessThan(500);
    // Checked right after the answer: it must not leave before its log row is committed.
    expect(await logCount()).toBe(before + 1);
    const [last] = await h.database.db.query<{ client_id: string; route: string }>('SELECT client_id, route FROM audit.access_log ORDER BY seq DESC LIMIT 1');
    expect(last).toEqual({ client_id: clientId, route: `${method} ${pattern}` });
  });

  it('collection routes log one row per client they show or create', async () => {
    const before = await logCount();
    const list = await h.request({ method: 'GET', url: '/api/clients', cookie });
    expect(list.json().clients).toHaveLength(1);
    // Checked right after the answer: it must not leave before its log row is committed.
    expect(await logCount()).toBe(before + 1);
  });
});
