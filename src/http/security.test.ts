/**
 * Security checks (issue 8 §4) that are not covered where the feature lives:
 * headers on client data, sessions of another organisation on every client
 * route, session fixation, no client data in URLs, and TLS behind a trusted
 * reverse proxy (DW_TRUST_PROXY: the __Host- cookie, HSTS, and the client's own
 * address for throttling and the access log). Cookie flags over plain HTTP and
 * login throttling are tested in src/auth/auth.test.ts; client data in the
 * server log in no-client-data-in-logs.test.ts.
 */
import type { FastifyRequest } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { timeStep, totpCode } from '../auth/totp.js';
import { ConfigError, loadConfig } from '../config/config.js';
import { ensureOrganisation } from '../organisation/organisation-service.js';
import { PORTAL_CSRF_HEADER, PORTAL_CSRF_VALUE } from '../portal/portal-route.js';
import { EMPLOYEE_ROLES } from '../organisation/employee-roles.js';
import { createHarness, TEST_PASSWORD, type Harness, type RequestMethod } from '../test-support/harness.js';
import { createRouteFixture, type RouteFixture } from '../test-support/route-fixture.js';
import { plainHttpWarning, servedOverTls } from './tls.js';

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

describe('no session after the password step alone (NEN 7510-2 A.9.4.2)', () => {
  it('every protected route answers 401 with no cookie, a forged one, or the password step\'s challenge as a cookie', async () => {
    const employee = await h.employee({ role: 'care-professional' });
    const step1 = await h.request({ method: 'POST', url: '/api/auth/login', body: { username: employee.username, password: TEST_PASSWORD } });
    expect(step1.statusCode).toBe(200);
    expect(step1.cookies).toHaveLength(0);
    const { challenge } = step1.json<{ challenge: string }>();
    const protectedRoutes = h.app.routes.filter((r) => r.url.startsWith('/api/') && !r.public);
    expect(protectedRoutes.length).toBeGreaterThan(80);
    for (const route of protectedRoutes) {
      const name = `${route.method} ${route.url}`;
      // The fixture has a valid call for every data route; the few account routes (logout, password, me) take their pattern.
      const call = fixture.calls[name] ?? { url: route.url.replaceAll(/:[A-Za-z]+/g, '00000000-0000-4000-8000-000000000000') };
      for (const cookie of ['', `dw_session=${challenge}`, `__Host-dw_session=${challenge}`, `dw_session=${'A'.repeat(43)}`]) {
        const response = await h.request({ method: methodOf(name), url: call.url, cookie, ...(call.body === undefined ? {} : { body: call.body }) });
        expect(response.statusCode, `${name} with cookie "${cookie.slice(0, 12)}"`).toBe(401);
        expect(response.headers['content-type'], name).toContain('application/problem+json');
      }
    }
    expect(await h.database.db.query('SELECT 1 FROM org.sessions WHERE employee_id = $1', [employee.id])).toHaveLength(0);
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

describe('behind a TLS-terminating reverse proxy (DW_TRUST_PROXY)', () => {
  const PROXY = '10.0.0.5';
  const STRANGER = '198.51.100.9';
  let p: Harness;
  beforeAll(async () => {
    p = await createHarness({ DW_TRUST_PROXY: `${PROXY}, 10.1.0.0/16`, DW_LOGIN_THROTTLE_ADDRESS_FAILURES: '3', DW_LOGIN_THROTTLE_ACCOUNT_FAILURES: '50' });
  });
  afterAll(async () => p.close());

  /** The headers a proxy adds for a browser at `client` that spoke TLS to it. */
  const forwarded = (client: string) => ({ 'x-forwarded-proto': 'https', 'x-forwarded-for': client });

  /** The full two-step log-in, as sent from `remoteAddress` with `headers`. */
  async function logIn(remoteAddress: string, headers: Record<string, string>) {
    const employee = await p.employee({ role: 'care-professional' });
    const secret = await p.totpSecret(employee);
    const step1 = await p.request({ method: 'POST', url: '/api/auth/login', body: { username: employee.username, password: TEST_PASSWORD }, remoteAddress, headers });
    expect(step1.statusCode, step1.body).toBe(200);
    const { challenge } = step1.json<{ challenge: string }>();
    const step2 = await p.request({ method: 'POST', url: '/api/auth/login/totp', body: { challenge, code: totpCode(secret, timeStep(p.clock.now)) }, remoteAddress, headers });
    expect(step2.statusCode, step2.body).toBe(200);
    return { employee, step1, step2 };
  }

  it('a log-in forwarded over TLS by the trusted proxy gets the __Host- cookie: Secure, HttpOnly, SameSite=Strict, Path=/, no Domain; answers carry HSTS', async () => {
    const { step1, step2 } = await logIn(PROXY, forwarded('203.0.113.7'));
    expect(step1.headers['strict-transport-security']).toBe('max-age=31536000; includeSubDomains');
    expect(step2.headers['strict-transport-security']).toBe('max-age=31536000; includeSubDomains');
    expect(step2.cookies).toHaveLength(1);
    const cookie = step2.cookies[0]!;
    expect(cookie).toMatchObject({ name: '__Host-dw_session', secure: true, httpOnly: true, sameSite: 'Strict', path: '/' });
    expect(cookie.domain).toBeUndefined();
    const header = [step2.headers['set-cookie']].flat().join('\n');
    expect(header).toMatch(/^__Host-dw_session=[^;]+;.*Secure/);
    expect(header).not.toMatch(/Domain=/i);
    // The cookie opens the session through the proxy, over TLS.
    const me = await p.request({ method: 'GET', url: '/api/auth/me', cookie: `__Host-dw_session=${cookie.value}`, remoteAddress: PROXY, headers: forwarded('203.0.113.7') });
    expect(me.statusCode).toBe(200);
    expect(me.headers['strict-transport-security']).toBeDefined();
    // Over TLS only the __Host- cookie counts: a plain-named one could have been planted (cookie tossing).
    const tossed = await p.request({ method: 'GET', url: '/api/auth/me', cookie: `dw_session=${cookie.value}`, remoteAddress: PROXY, headers: forwarded('203.0.113.7') });
    expect(tossed.statusCode).toBe(401);
  });

  it('the same headers from an address that is not the proxy are ignored: plain cookie, no Secure, no HSTS', async () => {
    const { step1, step2 } = await logIn(STRANGER, forwarded('203.0.113.8'));
    expect(step1.headers['strict-transport-security']).toBeUndefined();
    expect(step2.headers['strict-transport-security']).toBeUndefined();
    expect(step2.cookies[0]).toMatchObject({ name: 'dw_session', httpOnly: true, sameSite: 'Strict', path: '/' });
    expect(step2.cookies[0]!.secure).toBeUndefined();
    // A range in the list counts too.
    const { step2: fromRange } = await logIn('10.1.2.3', forwarded('203.0.113.9'));
    expect(fromRange.cookies[0]!.name).toBe('__Host-dw_session');
  });

  it('sessions and the access log record the client behind the proxy, not the proxy', async () => {
    const { employee, step2 } = await logIn(PROXY, forwarded('203.0.113.10'));
    const [session] = await p.database.db.query<{ address: string }>('SELECT address FROM org.sessions WHERE employee_id = $1', [employee.id]);
    expect(session!.address).toBe('203.0.113.10');
    const cookie = `__Host-dw_session=${step2.cookies[0]!.value}`;
    const list = await p.request({ method: 'GET', url: '/api/clients', cookie, remoteAddress: PROXY, headers: forwarded('203.0.113.10') });
    expect(list.statusCode).toBe(200);
    const clientId = await p.client({ age: 10, holder: employee });
    const read = await p.request({ method: 'GET', url: `/api/clients/${clientId}`, cookie, remoteAddress: PROXY, headers: forwarded('203.0.113.10') });
    expect(read.statusCode, read.body).toBe(200);
    const [row] = await p.database.db.query<{ address: string }>('SELECT address FROM audit.access_log WHERE client_id = $1 ORDER BY seq DESC LIMIT 1', [clientId]);
    expect(row!.address).toBe('203.0.113.10');
  });

  it('throttles per forwarded client address, so one guesser behind the proxy does not lock out everyone behind it', async () => {
    const attempt = (remoteAddress: string, headers: Record<string, string>, n: number) => p.request({
      method: 'POST', url: '/api/auth/login', body: { username: `nobody-${n}-${remoteAddress}`, password: 'wrong-password-123' }, remoteAddress, headers,
    });
    // Three failures (the configured address threshold) from one client behind the proxy: its fourth attempt waits.
    for (let n = 1; n <= 3; n += 1) expect((await attempt(PROXY, forwarded('203.0.113.20'), n)).statusCode).toBe(401);
    expect((await attempt(PROXY, forwarded('203.0.113.20'), 4)).statusCode).toBe(429);
    // Another client behind the same proxy is not held back.
    expect((await attempt(PROXY, forwarded('203.0.113.21'), 5)).statusCode).toBe(401);
    // A caller that is not the proxy cannot escape its bucket by forging X-Forwarded-For.
    for (let n = 1; n <= 3; n += 1) expect((await attempt(STRANGER, forwarded(`203.0.113.${30 + n}`), 10 + n)).statusCode).toBe(401);
    expect((await attempt(STRANGER, forwarded('203.0.113.40'), 20)).statusCode).toBe(429);
  });
});

describe('the proxy and TLS settings', () => {
  it('take a list of addresses, ranges and proxy-addr names, and refuse trusting everyone', () => {
    expect(loadConfig({}).trustProxy).toBe(false);
    expect(loadConfig({ DW_TRUST_PROXY: 'false' }).trustProxy).toBe(false);
    expect(loadConfig({ DW_TRUST_PROXY: '10.0.0.5, 10.1.0.0/16,loopback, ::1, fd00::/8' }).trustProxy).toEqual(['10.0.0.5', '10.1.0.0/16', 'loopback', '::1', 'fd00::/8']);
    for (const bad of ['true', '*', '1', '2', '0.0.0.0/0', '::/0', '10.0.0.0/33', 'proxy.example.nl', '10.0.0.5/8/1', '10.0.0.5,']) {
      expect(() => loadConfig({ DW_TRUST_PROXY: bad }), bad).toThrow(ConfigError);
      expect(() => loadConfig({ DW_TRUST_PROXY: bad }), bad).toThrow(/DW_TRUST_PROXY/);
    }
    expect(loadConfig({ DW_PUBLIC_URL: 'https://dossier.example.nl' }).publicUrl).toBe('https://dossier.example.nl');
    for (const bad of ['dossier.example.nl', 'ftp://dossier.example.nl']) expect(() => loadConfig({ DW_PUBLIC_URL: bad }), bad).toThrow(/DW_PUBLIC_URL/);
  });

  it('an https:// DW_PUBLIC_URL makes every answer count as TLS; production without either setting is warned about', () => {
    const plain = { protocol: 'http' } as FastifyRequest;
    expect(servedOverTls(plain, { publicUrl: undefined })).toBe(false);
    expect(servedOverTls(plain, { publicUrl: 'http://localhost:3000' })).toBe(false);
    expect(servedOverTls(plain, { publicUrl: 'https://dossier.example.nl' })).toBe(true);
    expect(servedOverTls({ protocol: 'https' } as FastifyRequest, { publicUrl: undefined })).toBe(true);
    expect(loadConfig({ NODE_ENV: 'production' }).production).toBe(true);
    expect(plainHttpWarning(loadConfig({}))).toContain('DW_TRUST_PROXY');
    expect(plainHttpWarning(loadConfig({ DW_TRUST_PROXY: 'loopback' }))).toBeUndefined();
    expect(plainHttpWarning(loadConfig({ DW_PUBLIC_URL: 'https://dossier.example.nl' }))).toBeUndefined();
  });
});

describe('the portal\'s OpenID Connect log-in when no provider is configured (issue 19 item 1)', () => {
  it('lists no provider, and its start and callback answer 404 problem+json without a cookie or a session', async () => {
    const providers = await h.request({ method: 'GET', url: '/api/portal/auth/oidc/providers' });
    expect(providers.json()).toEqual({ providers: [] });
    const start = await h.app.server.inject({ method: 'POST', url: '/api/portal/auth/oidc/start', headers: { [PORTAL_CSRF_HEADER]: PORTAL_CSRF_VALUE }, payload: {} });
    const callback = await h.app.server.inject({ method: 'GET', url: '/api/portal/auth/oidc/callback?code=abc&state=def', headers: { cookie: `dw_portal_oidc=${'A'.repeat(60)}` } });
    for (const response of [start, callback]) {
      expect(response.statusCode, response.body).toBe(404);
      expect(response.headers['content-type']).toContain('application/problem+json');
      expect(response.cookies).toEqual([]);
    }
    // Without the portal's CSRF header the start is refused before anything else (a cross-site form cannot begin a log-in).
    const forged = await h.app.server.inject({ method: 'POST', url: '/api/portal/auth/oidc/start', payload: {} });
    expect(forged.statusCode).toBe(403);
  });
});
