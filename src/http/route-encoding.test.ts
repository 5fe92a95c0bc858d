/**
 * CSRF, session resolution and `Cache-Control: no-store` are decided on the
 * matched route, never on the raw URL (issue 13 §6). Fastify's router decodes
 * `/%61pi/auth/logout` to the route `/api/auth/logout`, while `request.url`
 * keeps the raw text: a check on the raw text let a same-site page end a
 * professional's session without the CSRF header. This walks every /api route
 * in spellings that reach the same route (or none): percent-encoded letters,
 * an encoded slash, a doubled slash, capitals, a trailing slash, a double
 * encoding, dot segments, a semicolon and query-string tricks.
 */
import { request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CSRF_HEADER } from '../auth/csrf.js';
import { PORTAL_CSRF_HEADER } from '../portal/portal-route.js';
import { createHarness, type Harness, type RequestMethod } from '../test-support/harness.js';
import { createRouteFixture, type RouteCall, type RouteFixture } from '../test-support/route-fixture.js';

let h: Harness;
let fixture: RouteFixture;

beforeAll(async () => {
  h = await createHarness();
  fixture = await createRouteFixture(h);
});
afterAll(async () => h.close());

const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const ZERO_ID = '00000000-0000-4000-8000-000000000000';

/** A concrete call for a route: the fixture's, or its pattern with a made-up id. */
function callFor(method: string, url: string): RouteCall {
  return fixture.calls[`${method} ${url}`] ?? { url: url.replaceAll(/:[A-Za-z]+/g, ZERO_ID).replace(/\*$/, 'index.html') };
}

function splitQuery(url: string): [string, string] {
  const at = url.indexOf('?');
  return at < 0 ? [url, ''] : [url.slice(0, at), url.slice(at)];
}

/** Spellings of `/<first>/…` that a router might take for the same route, or for none. */
function variants(url: string): string[] {
  const [path, query] = splitQuery(url);
  const first = path.split('/')[1]!;
  const rest = path.slice(first.length + 1);
  const head = first.charCodeAt(0).toString(16);
  const tail = first.slice(1);
  const last = path.at(-1)!;
  const encodedLast = /[A-Za-z0-9]/.test(last) ? `${path.slice(0, -1)}%${last.charCodeAt(0).toString(16)}${query}` : undefined;
  const slashed = rest === '' ? [] : [`/${first}%2F${rest.slice(1)}${query}`, `/${first}%2f${rest.slice(1)}${query}`];
  return [
    `/%${head}${tail}${rest}${query}`,
    `/%${head.toUpperCase()}${tail.toUpperCase()}${rest}${query}`,
    ...slashed,
    `//${first}${rest}${query}`,
    `/${first.toUpperCase()}${rest}${query}`,
    `${path}/${query}`,
    `/%25${head}${tail}${rest}${query}`,
    `/${first}/.${rest}${query}`,
    `/${first}/x/..${rest}${query}`,
    `${path};x${query}`,
    `/%${head}${tail}${rest}${query === '' ? '?' : `${query}&`}next=/health`,
    `/%${head}${tail}${rest}?/health`,
    ...(encodedLast === undefined ? [] : [encodedLast]),
  ];
}

/** Every route but the web application's own pages and files (which web-ui.test.ts covers). */
const WEB_UI = /^\/($|\*$|assets\/|favicon)/;
const apiRoutes = () => h.app.routes.filter((r) => !WEB_UI.test(r.url) && r.method !== 'HEAD');

async function logRows(): Promise<number> {
  const [row] = await h.database.db.query<{ n: number }>('SELECT count(*)::int AS n FROM audit.access_log');
  return row!.n;
}

describe('route-based CSRF, session and caching decisions', () => {
  it('refuses every state-changing spelling of every route without the CSRF header, and no handler runs', async () => {
    const cookie = await h.login(fixture.holder);
    const routes = apiRoutes().filter((r) => STATE_CHANGING.has(r.method));
    expect(routes.length).toBeGreaterThan(60);
    const before = await logRows();
    for (const route of routes) {
      const call = callFor(route.method, route.url);
      for (const url of [call.url, ...variants(call.url)]) {
        // A portal route is tried with a portal session (issue 19): without one it answers 401 before any CSRF check.
        const session = route.url.startsWith('/api/portal/') ? fixture.portalCookie : cookie;
        const response = await h.request({
          method: route.method as RequestMethod, url, cookie: session, headers: { [CSRF_HEADER]: '', [PORTAL_CSRF_HEADER]: '' },
          ...(call.body === undefined ? {} : { body: call.body }),
        });
        const name = `${route.method} ${url}`;
        expect(response.statusCode, name).toBe(403);
        expect(response.json<{ code: string }>().code, name).toBe('csrf-header-missing');
        expect(response.headers['cache-control'], name).toBe('no-store');
      }
    }
    // Nothing ran: no access-log row, and the session (which a log-out would have ended) still works.
    expect(await logRows()).toBe(before);
    expect((await h.request({ method: 'GET', url: '/api/auth/me', cookie })).statusCode).toBe(200);
  });

  it('answers every spelling of every protected route without a session with 401 or 404, never the handler', async () => {
    const routes = apiRoutes().filter((r) => !r.public);
    expect(routes.length).toBeGreaterThan(80);
    const before = await logRows();
    for (const route of routes) {
      const call = callFor(route.method, route.url);
      for (const url of variants(call.url)) {
        const response = await h.request({ method: route.method as RequestMethod, url, ...(call.body === undefined ? {} : { body: call.body }) });
        const name = `${route.method} ${url}`;
        expect([401, 404], name).toContain(response.statusCode);
        expect(response.headers['content-type'], name).toContain('application/problem+json');
        expect(response.headers['cache-control'], name).toBe('no-store');
      }
    }
    expect(await logRows()).toBe(before);
  });

  it('sends no-store on every answer of every public route, in every spelling', async () => {
    const routes = apiRoutes().filter((r) => r.public);
    expect(routes.map((r) => r.url)).toEqual(expect.arrayContaining(['/health', '/api/auth/login', '/api/openapi.json']));
    for (const route of routes) {
      const call = callFor(route.method, route.url);
      for (const url of [call.url, ...variants(call.url)]) {
        const response = await h.request({ method: route.method as RequestMethod, url, ...(call.body === undefined ? {} : { body: call.body }) });
        // (A readiness probe may answer 503; nothing may fail with an internal error.)
        expect(response.statusCode, `${route.method} ${url}`).not.toBe(500);
        expect(response.headers['cache-control'], `${route.method} ${url}`).toBe('no-store');
      }
    }
  });

  it('answers a URL that matches no route with a 404 problem that is not cached, also when it looks like the API', async () => {
    for (const url of ['/api/no-such-route', '/%61pi/no-such-route', '/api', '/api/', '/API/clients', '/api%2Fclients', '//api/clients', '/api/health', '/Health', '/%2561pi/clients', '/api/auth/me/']) {
      const response = await h.request({ method: 'GET', url, cookie: fixture.holderCookie });
      expect(response.statusCode, url).toBe(404);
      expect(response.headers['content-type'], url).toContain('application/problem+json');
      expect(response.headers['cache-control'], url).toBe('no-store');
    }
  });

  it('a same-site page cannot log a professional out through an encoded path', async () => {
    const cookie = await h.login(fixture.holder);
    const refused = await h.request({ method: 'POST', url: '/%61pi/auth/logout', cookie, headers: { [CSRF_HEADER]: '' } });
    expect(refused.statusCode).toBe(403);
    expect((await h.request({ method: 'GET', url: '/api/auth/me', cookie })).statusCode).toBe(200);
    const logout = await h.request({ method: 'POST', url: '/%61pi/auth/logout', cookie });
    expect(logout.statusCode).toBe(204);
    expect((await h.request({ method: 'GET', url: '/api/auth/me', cookie })).statusCode).toBe(401);
  });

  it('holds over a real socket too, where no test client tidies the path first', async () => {
    const cookie = await h.login(fixture.holder);
    await h.app.server.listen({ port: 0, host: '127.0.0.1' });
    const { port } = h.app.server.server.address() as AddressInfo;
    type Answer = { status: number; cacheControl: string | undefined };
    const send = (method: string, path: string, headers: Record<string, string>) => new Promise<Answer>((resolve, reject) => {
      const req = httpRequest({ host: '127.0.0.1', port, method, path, headers }, (res) => {
        res.resume();
        res.on('end', () => resolve({ status: res.statusCode ?? 0, cacheControl: res.headers['cache-control'] }));
      });
      req.on('error', reject);
      req.end();
    });
    for (const path of ['/%61pi/auth/logout', '/api/./auth/logout', '/api/x/../auth/logout', '/./api/auth/logout', '//api/auth/logout', '/api/auth/logou%74', '/api/auth/logout/']) {
      const refused = await send('POST', path, { cookie });
      expect(refused.status, path).toBe(403);
      expect(refused.cacheControl, path).toBe('no-store');
      const anonymous = await send('GET', path.replace('logout', 'me').replace('logou%74', 'm%65'), {});
      expect([401, 404], path).toContain(anonymous.status);
      expect(anonymous.cacheControl, path).toBe('no-store');
    }
    expect((await h.request({ method: 'GET', url: '/api/auth/me', cookie })).statusCode).toBe(200);
  });
});
