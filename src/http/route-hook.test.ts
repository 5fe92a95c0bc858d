/**
 * There is no second way in: every route that touches client data runs
 * through `withClientAccess` (policy + access log). This enumerates every
 * registered route and (1) fails on a client route not marked as going through
 * the hook, and (2) calls each one and checks that an access-log row appeared.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from '../test-support/harness.js';
import { createRouteFixture, type RouteFixture } from '../test-support/route-fixture.js';

let h: Harness;
let fixture: RouteFixture;

beforeAll(async () => {
  h = await createHarness();
  fixture = await createRouteFixture(h);
});
afterAll(async () => h.close());

const clientRoute = (name: string) => name.split(' ')[1]!.startsWith('/api/clients/:clientId');

async function logCount(): Promise<number> {
  const [row] = await h.database.db.query<{ n: number }>('SELECT count(*)::int AS n FROM audit.access_log');
  return row!.n;
}

describe('every client-data route passes the access hook', () => {
  it('marks every route under /api/clients/:clientId as client data, and knows how to call it', () => {
    const clientRoutes = h.app.routes.filter((r) => clientRoute(`${r.method} ${r.url}`) && r.method !== 'HEAD');
    expect(clientRoutes.length).toBeGreaterThan(10);
    for (const route of clientRoutes) {
      const name = `${route.method} ${route.url}`;
      expect(route.clientData, `${name} must be registered with clientDataRoute`).toBe(true);
      expect(fixture.calls[name], `${name} has no call in route-fixture.ts`).toBeDefined();
    }
  });

  it('knows every /api route that is not a single-client route, and how it is logged', () => {
    // Each of these logs through withClientList, withRegistration or withLogReview (one row per client shown),
    // or touches no client data at all (the caller's own session). A new route must be added here on purpose.
    const known = new Set([
      'GET /api/clients', 'POST /api/clients/search', 'POST /api/clients', 'GET /api/requests',
      'GET /api/privacy/emergency-reviews', 'POST /api/privacy/emergency-reviews/:id', 'GET /api/privacy/unusual-access', 'GET /api/privacy/disclosures',
      // The family part logs through withFamilyAccess / withFamilyLinking (one row per member).
      'POST /api/families', 'GET /api/families/:familyId', 'POST /api/families/:familyId/members', 'GET /api/families/:familyId/entries', 'POST /api/families/:familyId/entries',
      // The records beside the dossier log through withRegisterAccess (one row per client named; src/registers).
      'GET /api/registers/complaints', 'POST /api/registers/complaints', 'POST /api/registers/complaints/:id/close',
      'GET /api/registers/incidents', 'POST /api/registers/incidents', 'POST /api/registers/incidents/:id/inspectorate-report',
      'GET /api/registers/prospective-clients', 'POST /api/registers/prospective-clients',
      'GET /api/privacy/processing-activities', 'POST /api/privacy/processing-activities',
      // Retention review (src/retention): withLogReview, one row per client shown or decided.
      'GET /api/privacy/retention-reviews', 'POST /api/privacy/retention-reviews/:clientId/confirm', 'POST /api/privacy/retention-reviews/:clientId/hold',
      'GET /api/privacy/retention-settings', 'PUT /api/privacy/retention-settings',
      // The data breach register (src/breaches): withLogReview, one row per affected client shown.
      'GET /api/privacy/breaches', 'POST /api/privacy/breaches', 'PATCH /api/privacy/breaches/:id',
      // Own personal work notes (src/work-notes): one row per client whose notes were used, part personal-work-note;
      // moving a note into the dossier goes through withClientAccess (the entry path).
      'GET /api/work-notes', 'DELETE /api/work-notes/:noteId', 'POST /api/work-notes/:noteId/move-into-dossier',
      // Progress of one's own export: numbers only, no client data (src/exports/export-progress.ts).
      'GET /api/exports/progress/:progressId',
    ]);
    const others = h.app.routes
      .filter((r) => r.url.startsWith('/api/') && !r.clientData && !r.public && r.method !== 'HEAD' && !r.url.startsWith('/api/auth/') && !r.url.startsWith('/api/admin/'))
      .map((r) => `${r.method} ${r.url}`);
    expect(others.filter((name) => !known.has(name))).toEqual([]);
  });

  it('every client route writes exactly one access-log row naming the client, before it answers', async () => {
    for (const [name, call] of Object.entries(fixture.calls).filter(([n]) => clientRoute(n))) {
      const [method, pattern] = name.split(' ') as ['GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE', string];
      const before = await logCount();
      const response = await h.request({ method, url: call.url, cookie: fixture.holderCookie, ...(call.body === undefined ? {} : { body: call.body }) });
      expect(response.statusCode, name).toBeLessThan(500);
      // Checked right after the answer: it must not leave before its log row is committed.
      expect(await logCount(), name).toBe(before + 1);
      const [last] = await h.database.db.query<{ client_id: string; route: string }>('SELECT client_id, route FROM audit.access_log ORDER BY seq DESC LIMIT 1');
      const clientInUrl = /^\/api\/clients\/([0-9a-f-]{36})/.exec(call.url)?.[1];
      expect(clientInUrl, name).toBeDefined();
      expect(last, name).toEqual({ client_id: clientInUrl, route: `${method} ${pattern}` });
    }
  });

  it('collection routes log one row per client they show', async () => {
    const before = await logCount();
    const list = await h.request({ method: 'GET', url: '/api/clients', cookie: fixture.holderCookie });
    const shown = list.json<{ clients: unknown[] }>().clients.length;
    expect(shown).toBeGreaterThanOrEqual(2);
    expect(await logCount()).toBe(before + shown);
  });

  it('a name search logs one row per client it shows, and the name stays out of the URL', async () => {
    const before = await logCount();
    const found = await h.request({ method: 'POST', url: '/api/clients/search', cookie: fixture.holderCookie, body: { nameContains: 'test' } });
    expect(found.statusCode, found.body).toBe(200);
    expect(await logCount()).toBe(before + found.json<{ clients: unknown[] }>().clients.length);
  });
});
