/**
 * Security checks (issue 8 §4) that are not covered where the feature lives:
 * headers on client data, sessions of another organisation on every client
 * route, session fixation, and no client data in URLs. Cookie flags and login
 * throttling are tested in src/auth/auth.test.ts; client data in the server
 * log in no-client-data-in-logs.test.ts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureOrganisation } from '../organisation/organisation-service.js';
import { EMPLOYEE_ROLES } from '../organisation/employee-roles.js';
import { createHarness, TEST_PASSWORD, type Harness, type RequestMethod } from '../test-support/harness.js';
import { createRouteFixture, type RouteFixture } from '../test-support/route-fixture.js';

let h: Harness;
let fixture: RouteFixture;

beforeAll(async () => {
  h = await createHarness();
  fixture = await createRouteFixture(h);
});
afterAll(async () => h.close());

const methodOf = (name: string) => name.split(' ')[0] as RequestMethod;

describe('security headers', () => {
  it('forbid framing, sniffing and caching of client data on every client-data answer', async () => {
    const reads = Object.entries(fixture.calls).filter(([name]) => name.startsWith('GET /api/clients/:clientId'));
    expect(reads.length).toBeGreaterThan(10);
    for (const [name, call] of reads) {
      const response = await h.request({ method: 'GET', url: call.url, cookie: fixture.holderCookie });
      expect(response.statusCode, name).toBeLessThan(500);
      expect(response.headers['cache-control'], name).toBe('no-store');
      expect(response.headers['content-security-policy'], name).toContain('frame-ancestors \'none\'');
      expect(response.headers['content-security-policy'], name).toContain('default-src \'self\'');
      expect(response.headers['x-frame-options'], name).toBe('DENY');
      expect(response.headers['x-content-type-options'], name).toBe('nosniff');
      expect(response.headers['referrer-policy'], name).toBe('no-referrer');
    }
  });

  it('send no HSTS over plain HTTP (it belongs to TLS answers only)', async () => {
    const response = await h.request({ method: 'GET', url: '/api/auth/me', cookie: fixture.holderCookie });
    expect(response.headers['strict-transport-security']).toBeUndefined();
  });
});

describe('a session of another organisation', () => {
  it('gets, on every route that names a client, the same answer as for a client that does not exist', async () => {
    const otherOrganisation = await ensureOrganisation(h.database.db, 'Andere jeugdhulporganisatie');
    const clientRoutes = Object.entries(fixture.calls).filter(([name]) => name.includes(':clientId'));
    expect(clientRoutes.length).toBeGreaterThan(30);
    const missingId = '00000000-0000-4000-8000-000000000000';
    for (const role of EMPLOYEE_ROLES) {
      const cookie = await h.login(await h.employee({ role, organisationId: otherOrganisation }));
      for (const [name, call] of clientRoutes) {
        const label = `${role} → ${name}`;
        const options = { method: methodOf(name), cookie, ...(call.body === undefined ? {} : { body: call.body }) };
        const foreign = await h.request({ ...options, url: call.url });
        const missing = await h.request({ ...options, url: call.url.replace(fixture.clientId, missingId) });
        // 404 like a missing client — or, for a role refused whatever the client, the same 403 as for a missing one.
        expect([403, 404], label).toContain(foreign.statusCode);
        expect(foreign.statusCode, label).toBe(missing.statusCode);
        expect(foreign.json(), label).toEqual(missing.json());
      }
    }
  });

  it('sees none of the organisation\'s clients or requests in its lists', async () => {
    const otherOrganisation = await ensureOrganisation(h.database.db, 'Nog een organisatie');
    for (const role of EMPLOYEE_ROLES) {
      const cookie = await h.login(await h.employee({ role, organisationId: otherOrganisation }));
      for (const url of ['/api/clients', '/api/requests', '/api/privacy/emergency-reviews', '/api/privacy/disclosures', '/api/privacy/unusual-access']) {
        const response = await h.request({ method: 'GET', url, cookie });
        expect(response.body, `${role} → ${url}`).not.toContain(fixture.clientId);
      }
    }
  });
});

describe('session fixation', () => {
  it('ignores a session id planted before log-in and issues a new one', async () => {
    const employee = await h.employee({ role: 'care-professional' });
    const planted = 'dw_session=planted-by-an-attacker-aaaaaaaaaaaaaaaaaaaaaaaaa';
    const step1 = await h.request({ method: 'POST', url: '/api/auth/login', cookie: planted, body: { username: employee.username, password: TEST_PASSWORD } });
    expect(step1.statusCode).toBe(200);
    expect(step1.cookies).toHaveLength(0);
    const cookie = await h.login(employee);
    expect(cookie).not.toBe(planted);
    expect((await h.request({ method: 'GET', url: '/api/auth/me', cookie: planted })).statusCode).toBe(401);
    expect((await h.request({ method: 'GET', url: '/api/auth/me', cookie })).statusCode).toBe(200);
  });
});

describe('URLs', () => {
  it('carry no client data: paths and query parameters name ids and options, never names, BSN, birth dates or addresses', async () => {
    const document = (await h.request({ method: 'GET', url: '/api/openapi.json' })).json<{
      paths: Record<string, Record<string, { parameters?: { name: string; in: string }[] }>>;
    }>();
    const personal = /name|bsn|birth|address|postcode|town|phone|email/i;
    const offending: string[] = [];
    for (const [path, operations] of Object.entries(document.paths)) {
      for (const [method, operation] of Object.entries(operations)) {
        for (const parameter of operation.parameters ?? []) {
          if ((parameter.in === 'query' || parameter.in === 'path') && personal.test(parameter.name)) offending.push(`${method} ${path} ${parameter.name}`);
        }
      }
    }
    expect(Object.keys(document.paths).length).toBeGreaterThan(30);
    expect(offending).toEqual([]);
  });
});

describe('refusals in the server log', () => {
  it('are written as security events with their code, without user names or client data', async () => {
    const employee = await h.employee({ role: 'care-professional' });
    const start = h.logs.length;
    await h.request({ method: 'POST', url: '/api/auth/login', body: { username: employee.username, password: 'wrong-password-123' } });
    await h.request({ method: 'POST', url: '/api/auth/logout', cookie: fixture.holderCookie, headers: { 'x-dossierwijzer-csrf': '' } });
    await h.request({ method: 'GET', url: `/api/clients/${fixture.clientId}/entries`, cookie: 'dw_session=forged' });
    const events = h.logs.slice(start).map((line) => JSON.parse(line) as { event?: string; code?: string }).filter((e) => e.event === 'access-refused');
    expect(events.map((e) => e.code)).toEqual(['login-failed', 'csrf-header-missing', 'unauthorized']);
    expect(h.logs.slice(start).join('\n')).not.toContain(employee.username);
  });
});
