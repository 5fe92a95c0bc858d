/**
 * There is no second way in (issue 14, "One gate"): every /api route is
 * registered through `gatedRoute` (http/gated-route.ts), whose handler runs
 * inside the gate's `enter` (policy + access log), or as public. This
 * enumerates every registered route and (1) fails on a route that is neither
 * (or a client route not entering with a client subject), and (2) calls each
 * client route and checks that an access-log row appeared.
 * It also walks every route's request schemas: every object is closed, and
 * a route that takes no fields refuses any field instead of ignoring it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness, type RequestMethod } from '../test-support/harness.js';
import { createRouteFixture, type RouteFixture } from '../test-support/route-fixture.js';
import { EMPTY_BODY } from './app.js';
import { BODY_NEVER_READ } from './schema-helpers.js';

let h: Harness;
let fixture: RouteFixture;

beforeAll(async () => {
  h = await createHarness();
  fixture = await createRouteFixture(h);
});
afterAll(async () => h.close());

const methodOf = (name: string) => name.split(' ')[0] as RequestMethod;

/**
 * The /api routes still registered with plain `app.get/post/…` (issue 14, phase 2: their modules move to
 * `gatedRoute` one by one). This list may only shrink: a new route that is neither gated nor public fails, and so
 * does a listed route that is gated now (delete its line, so the list stays the honest measure of what is left).
 */
const STILL_UNGATED = new Set<string>([
]);
const clientRoute = (name: string) => name.split(' ')[1]!.startsWith('/api/clients/:clientId');

/**
 * The gate's rows name the HTTP route. The database's decision functions (migrations 0055, 0057: a decision, a
 * confirmation, a destruction) write a row of their own besides it, named after the act; those are not counted here.
 */
const GATE_ROW = `route ~ '^(GET|POST|PUT|PATCH|DELETE) /'`;

async function logCount(): Promise<number> {
  const [row] = await h.database.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM audit.access_log WHERE ${GATE_ROW}`);
  return row!.n;
}

describe('every client-data route passes the access hook', () => {
  it('marks every route under /api/clients/:clientId as client data, and knows how to call it', () => {
    const clientRoutes = h.app.routes.filter((r) => clientRoute(`${r.method} ${r.url}`) && r.method !== 'HEAD');
    expect(clientRoutes.length).toBeGreaterThan(10);
    for (const route of clientRoutes) {
      const name = `${route.method} ${route.url}`;
      expect(route.gated, `${name} must enter the gate with a client subject (gatedRoute or clientDataRoute)`).toBe('client');
      expect(fixture.calls[name], `${name} has no call in route-fixture.ts`).toBeDefined();
    }
  });

  it('registers every /api route through the gate (gatedRoute) or as public (publicRoute), and nothing else', () => {
    const api = h.app.routes.filter((r) => r.url.startsWith('/api/') && r.method !== 'HEAD');
    expect(api.length).toBeGreaterThan(100);
    const ungated = api.filter((r) => r.gated === undefined && !r.public).map((r) => `${r.method} ${r.url}`);
    expect(ungated.filter((name) => !STILL_UNGATED.has(name)), 'register these with gatedRoute or publicRoute').toEqual([]);
    expect([...STILL_UNGATED].filter((name) => !ungated.includes(name)), 'these are gated or public now: delete them from STILL_UNGATED').toEqual([]);
    expect(api.filter((r) => r.gated !== undefined && r.public).map((r) => `${r.method} ${r.url}`), 'a route is gated or public, not both').toEqual([]);
  });

  it('lets only the routes that cannot have a session be public: log-in, enrolment by its link, a download by its token, the docs', () => {
    // A public route skips the session and so the gate's decision: each one here is a deliberate choice.
    const publicRoutes = h.app.routes
      .filter((r) => r.url.startsWith('/api/') && r.public && r.method !== 'HEAD' && !r.url.startsWith('/api/docs'))
      .map((r) => `${r.method} ${r.url}`);
    expect(publicRoutes.sort()).toEqual([
      'GET /api/openapi.json',
      // The portal's OpenID Connect log-in (issue 19 item 1): the provider's redirect back (our redirect URI), and its start below.
      'GET /api/portal/auth/oidc/callback',
      'GET /api/portal/auth/oidc/providers', 'POST /api/auth/login', 'POST /api/auth/login/enrol', 'POST /api/auth/login/totp',
      'POST /api/downloads', 'POST /api/enrolment/complete', 'POST /api/enrolment/open',
      // The portal realm's log-in steps and invitation links (issue 19): no portal session yet.
      'POST /api/portal/auth/invitation/complete', 'POST /api/portal/auth/invitation/open', 'POST /api/portal/auth/login', 'POST /api/portal/auth/login/totp',
      'POST /api/portal/auth/oidc/start',
    ]);
  });

  it('every client route writes exactly one access-log row naming the client, before it answers', async () => {
    for (const [name, call] of Object.entries(fixture.calls).filter(([n]) => clientRoute(n))) {
      const [method, pattern] = name.split(' ') as ['GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE', string];
      const before = await logCount();
      const response = await h.request({ method, url: call.url, cookie: fixture.holderCookie, ...(call.body === undefined ? {} : { body: call.body }) });
      expect(response.statusCode, name).toBeLessThan(500);
      // Checked right after the answer: it must not leave before its log row is committed.
      expect(await logCount(), name).toBe(before + 1);
      const [last] = await h.database.db.query<{ client_id: string; route: string }>(`SELECT client_id, route FROM audit.access_log WHERE ${GATE_ROW} ORDER BY seq DESC LIMIT 1`);
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

/** A fingerprint of every row of every table: equal fingerprints, nothing changed. */
async function fingerprint(): Promise<Record<string, string>> {
  const tables = await h.database.db.query<{ s: string; t: string }>(
    `SELECT table_schema AS s, table_name AS t FROM information_schema.tables
      WHERE table_type = 'BASE TABLE' AND table_schema NOT IN ('pg_catalog', 'information_schema') ORDER BY 1, 2`);
  const result: Record<string, string> = {};
  for (const { s, t } of tables) {
    const [row] = await h.database.db.query<{ h: string }>(`SELECT md5(coalesce(string_agg(x::text, E'\\n' ORDER BY x::text), '')) AS h FROM "${s}"."${t}" x`);
    result[`${s}.${t}`] = row!.h;
  }
  return result;
}

/**
 * Issue 4, "Bad input and attacks": request bodies with fields the schema does
 * not name (`role`, `organisationId`, `createdBy` …) are refused, never
 * applied — every schema closes its objects.
 */
describe('every request schema is closed', () => {
  /** Paths of object schemas (at any depth) that accept fields they do not name. */
  function openObjects(schema: unknown, path: string): string[] {
    if (schema === null || typeof schema !== 'object') return [];
    const node = schema as Record<string, unknown>;
    const found: string[] = [];
    if (typeof node.$ref === 'string') found.push(`${path} ($ref ${node.$ref}: inline it so it can be checked)`);
    const types = [node.type].flat();
    if ((types.includes('object') || node.properties !== undefined) && node.additionalProperties !== false) found.push(path);
    for (const [name, child] of Object.entries((node.properties ?? {}) as Record<string, unknown>)) found.push(...openObjects(child, `${path}.${name}`));
    for (const [pattern, child] of Object.entries((node.patternProperties ?? {}) as Record<string, unknown>)) found.push(...openObjects(child, `${path}[/${pattern}/]`));
    for (const keyword of ['items', 'additionalProperties', 'not', 'if', 'then', 'else']) found.push(...openObjects(node[keyword], `${path}.${keyword}`));
    for (const keyword of ['anyOf', 'oneOf', 'allOf', 'prefixItems']) {
      const list = node[keyword];
      if (Array.isArray(list)) list.forEach((child, i) => found.push(...openObjects(child, `${path}.${keyword}[${i}]`)));
    }
    return found;
  }

  it('the checker itself finds an open object, also deep inside a closed one', () => {
    expect(openObjects({ type: 'object', properties: {} }, 'body')).toEqual(['body']);
    expect(openObjects({ type: 'object', additionalProperties: false, properties: {
      list: { type: 'array', items: { type: 'object', properties: { a: { type: 'string' } } } },
      choice: { anyOf: [{ type: 'object', additionalProperties: false }, { type: 'object', additionalProperties: true }] },
    } }, 'body')).toEqual(['body.list.items', 'body.choice.anyOf[1]']);
  });

  it('every body, query string and path parameters schema of every route has additionalProperties: false, at every depth', () => {
    const open: string[] = [];
    for (const route of h.app.routes) {
      for (const part of ['body', 'querystring', 'params'] as const) {
        open.push(...openObjects(route.schema[part], `${route.method} ${route.url} ${part}`));
      }
    }
    expect(h.app.routes.filter((r) => r.schema.body !== undefined).length).toBeGreaterThan(50);
    expect(open).toEqual([]);
  });

  it('every body is an object, except on the routes that refuse whatever they are sent', () => {
    const notObjects = h.app.routes
      .filter((r) => r.schema.body !== undefined && r.schema.body !== BODY_NEVER_READ && (r.schema.body as { type?: unknown }).type !== 'object')
      .map((r) => `${r.method} ${r.url}`);
    expect(notObjects).toEqual([]);
  });

  it('a route whose body is never read refuses any body with its reason, logged, and changes nothing else', async () => {
    const names = h.app.routes.filter((r) => r.schema.body === BODY_NEVER_READ).map((r) => `${r.method} ${r.url}`);
    expect(names).toEqual(['PUT /api/clients/:clientId/entries/:entryId', 'PATCH /api/clients/:clientId/entries/:entryId', 'DELETE /api/clients/:clientId/entries/:entryId']);
    const before = await fingerprint();
    for (const name of names) {
      for (const body of [undefined, { text: 'anders' }, { organisationId: h.organisationId, createdBy: 'someone-else' }]) {
        const logRows = await logCount();
        const options = { method: methodOf(name), url: fixture.calls[name]!.url, cookie: fixture.holderCookie };
        const response = await h.request({ ...options, ...(body === undefined ? {} : { body }) });
        expect(response.statusCode, name).toBeGreaterThanOrEqual(400);
        expect(response.statusCode, name).toBeLessThan(500);
        expect(response.json<{ code: string }>().code, name).not.toBe('validation');
        expect(await logCount(), `${name}: the refusal is logged`).toBe(logRows + 1);
      }
    }
    const after = await fingerprint();
    delete before['audit.access_log'];
    delete after['audit.access_log'];
    expect(after).toEqual(before);
  });

  it('every state-changing route has a body schema (a route that takes no fields gets the closed empty body)', () => {
    const stateChanging = h.app.routes.filter((r) => ['POST', 'PUT', 'PATCH', 'DELETE'].includes(r.method));
    expect(stateChanging.filter((r) => r.schema.body === undefined).map((r) => `${r.method} ${r.url}`)).toEqual([]);
  });
});

describe('a route that takes no fields', () => {
  // The portal realm's routes (issue 19) refuse a staff caller before their body is validated (their own CSRF header and session);
  // their closed bodies are Fastify's as everywhere, and their callers are tested in src/portal/.
  const noFieldRoutes = () => h.app.routes.filter((r) => r.schema.body === EMPTY_BODY && !r.url.startsWith('/api/portal/')).map((r) => `${r.method} ${r.url}`);

  /** The caller the route is meant for, so that only the unknown field stands between the request and a change. */
  function callerFor(url: string, cookies: Record<'holder' | 'administrator' | 'privacy', string>): string {
    if (url.startsWith('/api/admin/')) return cookies.administrator;
    if (url.startsWith('/api/privacy/')) return cookies.privacy;
    return cookies.holder;
  }

  it('refuses a body naming organisationId or role with 400 problem+json naming the field, and changes nothing', async () => {
    const names = noFieldRoutes();
    // The audit's list of routes that silently ignored such fields; a new one joins automatically.
    for (const expected of [
      // (withdrawing a consent now names who withdraws it: a closed body of its own, checked by the schema walk above)
      'POST /api/clients/:clientId/access-facts/:factId/withdraw',
      'POST /api/clients/:clientId/agreements/:agreementId/end',
      'POST /api/clients/:clientId/shieldings/:shieldingId/other-person-consent', 'DELETE /api/work-notes/:noteId',
      'POST /api/admin/employees/:employeeId/disable', 'POST /api/admin/employees/:employeeId/enable',
      'POST /api/admin/employees/:employeeId/reset',
      'PUT /api/admin/teams/:teamId/members/:employeeId', 'DELETE /api/admin/teams/:teamId/members/:employeeId', 'POST /api/auth/logout',
    ]) expect(names, expected).toContain(expected);
    const cookies = {
      holder: fixture.holderCookie,
      administrator: await h.login(await h.employee({ role: 'application-administrator' })),
      privacy: await h.login(await h.employee({ role: 'privacy-officer' })),
    };
    const logoutCookie = await h.login(await h.employee({ role: 'care-professional' }));
    const before = await fingerprint();
    for (const name of names) {
      // Validation comes before the handler, so a route without a fixture call is refused on any well-formed id as well.
      const url = fixture.calls[name]?.url ?? name.split(' ')[1]!.replace(/:[A-Za-z]+/g, '00000000-0000-4000-8000-000000000002');
      const cookie = name === 'POST /api/auth/logout' ? logoutCookie : callerFor(url, cookies);
      for (const body of [{ organisationId: '00000000-0000-4000-8000-000000000001' }, { role: 'application-administrator' }, { createdBy: 'someone-else' }]) {
        const [field] = Object.keys(body);
        const response = await h.request({ method: methodOf(name), url, cookie, body });
        expect(response.statusCode, `${name} ${field}`).toBe(400);
        expect(response.headers['content-type'], name).toContain('application/problem+json');
        expect(response.json(), `${name} ${field}`).toMatchObject({ code: 'validation', field, errors: [{ field }] });
      }
    }
    expect(await fingerprint()).toEqual(before);
    // The refused log-out did not end the session.
    expect((await h.request({ method: 'GET', url: '/api/auth/me', cookie: logoutCookie })).statusCode).toBe(200);
  });

  it('still takes no body at all, or {} (the web application sends no body)', async () => {
    const administrator = await h.login(await h.employee({ role: 'application-administrator' }));
    const staff = await h.employee({ role: 'intern' });
    const disable = await h.request({ method: 'POST', url: `/api/admin/employees/${staff.id}/disable`, cookie: administrator });
    expect(disable.statusCode, disable.body).toBeLessThan(300);
    const enable = await h.request({ method: 'POST', url: `/api/admin/employees/${staff.id}/enable`, cookie: administrator, body: {} });
    expect(enable.statusCode, enable.body).toBeLessThan(300);
    const [row] = await h.database.db.query<{ active: boolean }>('SELECT active FROM org.employees WHERE id = $1', [staff.id]);
    expect(row!.active).toBe(true);
    const privacy = await h.login(await h.employee({ role: 'privacy-officer' }));
    let i = 0;
    for (const name of noFieldRoutes().filter((n) => fixture.calls[n] !== undefined)) {
      const call = fixture.calls[name]!;
      const cookie = callerFor(call.url, { holder: fixture.holderCookie, administrator, privacy });
      i += 1;
      const response = await h.request({ method: methodOf(name), url: call.url, cookie, ...(i % 2 === 0 ? { body: {} } : {}) });
      expect(response.statusCode, `${name}: ${response.body}`).toBeLessThan(500);
      if (response.statusCode === 400) expect(response.json<{ code: string }>().code, name).not.toBe('validation');
    }
    const logout = await h.request({ method: 'POST', url: '/api/auth/logout', cookie: await h.login(await h.employee({ role: 'intern' })) });
    expect(logout.statusCode).toBe(204);
  });

  it('is documented as an optional, closed body in the OpenAPI document', async () => {
    const document = (await h.request({ method: 'GET', url: '/api/openapi.json' })).json<{
      paths: Record<string, Record<string, { requestBody?: { required: boolean; content: Record<string, { schema: Record<string, unknown> }> } }>>;
    }>();
    const disable = document.paths['/api/admin/employees/{employeeId}/disable']!.post!.requestBody!;
    expect(disable.required).toBe(false);
    expect(disable.content['application/json']!.schema).toMatchObject({ type: 'object', additionalProperties: false, properties: {} });
    expect(document.paths['/api/admin/employees']!.post!.requestBody!.required).toBe(true);
  });
});
