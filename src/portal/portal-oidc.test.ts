/**
 * The portal's log-in through OpenID Connect (issue 19 item 1: "DigiD through a broker"), against an in-process
 * `oidc-provider`: an invitation is linked through the provider and the provider's log-in then starts a `dw_portal`
 * session; a wrong state, a replayed callback, a wrong nonce, an unknown subject, a BSN that is not the dossier's and an
 * identity bound elsewhere are refused in Dutch without a session; the resulting cookie opens no staff route; a provider
 * that is down or answers nonsense gives 503/502 problem+json, never a 500. On PGlite and (DATABASE_URL) PostgreSQL.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../config/config.js';
import { asSystem } from '../db/organisation-scope.js';
import { createHarness, type Harness, type TestEmployee } from '../test-support/harness.js';
import { startOidcTestProvider, type OidcTestProvider } from '../test-support/oidc-test-provider.js';
import { portalRequest } from '../test-support/portal-fixture.js';

/** Our address as the provider knows it (the harness answers through app.inject; nothing listens here). */
const PUBLIC = 'http://127.0.0.1:3999';
const CALLBACK = `${PUBLIC}/api/portal/auth/oidc/callback`;

let provider: OidcTestProvider;
let h: Harness;
let holder: TestEmployee;
let holderCookie: string;
let clientId: string;
let secondClientId: string;
let motherId: string;

async function bsnOf(id: string): Promise<string> {
  const [row] = await asSystem(() => h.database.db.query<{ bsn: string }>('SELECT bsn FROM formal.clients WHERE id = $1', [id]));
  return row!.bsn;
}

async function lastLogRow(): Promise<Record<string, unknown>> {
  const [row] = await asSystem(() => h.database.db.query<Record<string, unknown>>(
    'SELECT employee_role, client_id, action, outcome FROM audit.access_log ORDER BY seq DESC LIMIT 1'));
  return row!;
}

async function invite(client: string, relationId?: string): Promise<string> {
  const r = await h.request({ method: 'POST', url: `/api/clients/${client}/portal-invitations`, cookie: holderCookie, body: { identityCheck: { documentType: 'passport' }, ...(relationId === undefined ? {} : { relationId }) } });
  expect(r.statusCode, r.body).toBe(201);
  return r.json<{ link: string }>().link.split('#')[1]!;
}

/** Starts a log-in (or, with a token, the invitation's link): the provider's URL and our pending cookie. */
async function start(token?: string): Promise<{ authorizationUrl: string; cookie: string }> {
  const r = await portalRequest(h, { method: 'POST', url: '/api/portal/auth/oidc/start', body: token === undefined ? {} : { token } });
  expect(r.statusCode, r.body).toBe(200);
  const pending = r.cookies.find((c) => c.name === 'dw_portal_oidc');
  expect(pending).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/api/portal/auth/oidc/' });
  return { authorizationUrl: r.json<{ authorizationUrl: string }>().authorizationUrl, cookie: `dw_portal_oidc=${pending!.value}` };
}

function callback(url: URL, cookie: string, headers: Record<string, string> = {}): Promise<LightMyRequestResponse> {
  return h.app.server.inject({ method: 'GET', url: `${url.pathname}${url.search}`, headers: { cookie, ...headers } });
}

/** The whole way: start, the provider, back to our callback. */
async function signIn(token?: string): Promise<LightMyRequestResponse> {
  const started = await start(token);
  return callback(await provider.authorize(started.authorizationUrl), started.cookie);
}

function portalCookieOf(response: LightMyRequestResponse): string | undefined {
  const cookie = response.cookies.find((c) => c.name.endsWith('dw_portal'));
  return cookie === undefined ? undefined : `${cookie.name}=${cookie.value}`;
}

function expectRefused(response: LightMyRequestResponse, status: number, code: string): void {
  expect(response.statusCode, response.body).toBe(status);
  expect(response.headers['content-type']).toContain('application/problem+json');
  expect(response.json<{ code: string }>().code).toBe(code);
  expect(portalCookieOf(response)).toBeUndefined();
}

beforeAll(async () => {
  provider = await startOidcTestProvider({ redirectUri: CALLBACK });
  h = await createHarness({ DW_PUBLIC_URL: PUBLIC, ...provider.env });
  holder = await h.employee({ role: 'care-professional' });
  holderCookie = await h.login(holder);
  clientId = await h.client({ age: 14, holder });
  secondClientId = await h.client({ age: 15, holder });
  const relation = await h.request({
    method: 'POST', url: `/api/clients/${clientId}/relations`, cookie: holderCookie,
    body: { relation: 'parent', hasCustody: true, custodyKind: 'two-headed-parental', custodyEstablishedBy: 'by-law-marriage', familyName: 'Moeder', givenNames: 'Mia', establishedHow: 'gezagsregister', validFrom: '2026-01-05' },
  });
  expect(relation.statusCode, relation.body).toBe(201);
  motherId = relation.json<{ id: string }>().id;
}, 120_000);
afterAll(async () => {
  await h.close();
  await provider.stop();
});

describe('an invitation linked through the provider, then logging in with it (issue 19 item 1)', () => {
  it('lists the configured provider by its name', async () => {
    const r = await portalRequest(h, { method: 'GET', url: '/api/portal/auth/oidc/providers' });
    expect(r.json()).toEqual({ providers: [{ id: 'oidc', name: 'DigiD', url: '/api/portal/auth/oidc/start' }] });
  });

  it('asks the provider for a code with PKCE (S256), state and nonce, back to our own callback', async () => {
    const { authorizationUrl } = await start();
    const url = new URL(authorizationUrl);
    expect(url.origin).toBe(provider.issuer);
    expect(Object.fromEntries(url.searchParams)).toMatchObject({
      response_type: 'code', client_id: provider.clientId, redirect_uri: CALLBACK, scope: 'openid bsn', code_challenge_method: 'S256',
    });
    for (const name of ['state', 'nonce', 'code_challenge']) expect(url.searchParams.get(name)).toMatch(/^[A-Za-z0-9_-]{40,}$/);
  });

  it('links the young person\'s invitation (BSN as in the dossier), starts her session, and later logs her in through the provider alone', async () => {
    const token = await invite(clientId);
    provider.signInAs({ sub: 'digid-sam', bsn: await bsnOf(clientId) });
    const linked = await signIn(token);
    expect(linked.statusCode, linked.body).toBe(303);
    expect(linked.headers.location).toBe('/portaal');
    const cookie = portalCookieOf(linked);
    expect(cookie).toBeDefined();
    expect(linked.cookies.find((c) => c.name === 'dw_portal_oidc')?.value).toBe('');
    expect(await lastLogRow()).toMatchObject({ employee_role: 'portal-client', client_id: clientId, action: 'portal-invitation-complete', outcome: 'allowed' });
    const me = await portalRequest(h, { method: 'GET', url: '/api/portal/auth/me', cookie: cookie! });
    expect(me.statusCode, me.body).toBe(200);
    expect(me.json()).toMatchObject({ kind: 'client', standing: { allowed: true } });
    const accountId = me.json<{ accountId: string }>().accountId;
    // The link is used up.
    const again = await portalRequest(h, { method: 'POST', url: '/api/portal/auth/invitation/open', body: { token } });
    expect(again.statusCode).toBe(410);
    // The staff's list says the account is in use.
    const accounts = await h.request({ method: 'GET', url: `/api/clients/${clientId}/portal-accounts`, cookie: holderCookie });
    expect(accounts.json<{ accounts: { accountId: string; state: string }[] }>().accounts.find((a) => a.accountId === accountId)?.state).toBe('active');

    // Later: a log-in through the provider, without the invitation, gives the same account a new session.
    const login = await signIn();
    expect(login.statusCode, login.body).toBe(303);
    const loginCookie = portalCookieOf(login);
    expect(loginCookie).toBeDefined();
    expect(loginCookie).not.toBe(cookie);
    const meAgain = await portalRequest(h, { method: 'GET', url: '/api/portal/auth/me', cookie: loginCookie! });
    expect(meAgain.json<{ accountId: string }>().accountId).toBe(accountId);
    expect(h.logs.some((l) => l.includes('"event":"portal-login-succeeded"') && l.includes('"method":"oidc"'))).toBe(true);

    // The portal cookie the provider's log-in gave opens no staff route.
    for (const url of ['/api/auth/me', '/api/me/message-notifications', `/api/clients/${clientId}`, `/api/clients/${clientId}/entries`, '/api/clients']) {
      const staff = await h.request({ method: 'GET', url, cookie: loginCookie! });
      expect(staff.statusCode, url).toBe(401);
    }
    const staffWrite = await h.request({ method: 'POST', url: `/api/clients/${clientId}/entries`, cookie: loginCookie!, body: { kind: 'plan', text: 'x', source: { kind: 'client' } } });
    expect(staffWrite.statusCode).toBe(401);

    // Logging out ends the session (on PGlite the log-out wrote beside the gate's transaction on the one connection and
    // waited for ever: found by e2e/portal-oidc.test.ts).
    const logout = await portalRequest(h, { method: 'POST', url: '/api/portal/auth/logout', cookie: loginCookie! });
    expect(logout.statusCode, logout.body).toBe(204);
    expect((await portalRequest(h, { method: 'GET', url: '/api/portal/auth/me', cookie: loginCookie! })).statusCode).toBe(401);
    expect((await portalRequest(h, { method: 'GET', url: '/api/portal/auth/me', cookie: cookie! })).statusCode).toBe(200);
  }, 60_000);

  it('links a parent\'s invitation without a BSN check (the dossier holds no BSN of a relation)', async () => {
    const token = await invite(clientId, motherId);
    provider.signInAs({ sub: 'digid-mia' });
    const linked = await signIn(token);
    expect(linked.statusCode, linked.body).toBe(303);
    const me = await portalRequest(h, { method: 'GET', url: '/api/portal/auth/me', cookie: portalCookieOf(linked)! });
    expect(me.json()).toMatchObject({ kind: 'relation', relationId: motherId });
  });
});

describe('refused, in Dutch, without a session', () => {
  it('a callback whose state is not the one we sent, or without our cookie (400)', async () => {
    provider.signInAs({ sub: 'digid-sam' });
    const started = await start();
    const back = await provider.authorize(started.authorizationUrl);
    const forged = new URL(back);
    forged.searchParams.set('state', 'aangepaste-state-van-een-aanvaller-0123456789');
    expectRefused(await callback(forged, started.cookie), 400, 'portal-oidc-state-invalid');
    // Without the pending cookie (another browser: an injected callback) or with a forged one.
    expectRefused(await callback(back, ''), 400, 'portal-oidc-state-invalid');
    expectRefused(await callback(back, `dw_portal_oidc=${'A'.repeat(120)}`), 400, 'portal-oidc-state-invalid');
    expect((await callback(back, '')).json<{ nl: string }>().nl).toMatch(/Begin opnieuw/);
  });

  it('a callback replayed with the same code, state and cookie (400): the way back works once', async () => {
    provider.signInAs({ sub: 'digid-sam' });
    const started = await start();
    const back = await provider.authorize(started.authorizationUrl);
    const first = await callback(back, started.cookie);
    expect(first.statusCode, first.body).toBe(303);
    expectRefused(await callback(back, started.cookie), 400, 'portal-oidc-state-invalid');
  });

  it('an ID token whose nonce is not ours (the authorization URL tampered with): 401', async () => {
    provider.signInAs({ sub: 'digid-sam' });
    const started = await start();
    const tampered = new URL(started.authorizationUrl);
    tampered.searchParams.set('nonce', 'een-andere-nonce-dan-die-van-de-server-0123456789');
    const back = await provider.authorize(tampered.href);
    expectRefused(await callback(back, started.cookie), 401, 'portal-oidc-refused');
  });

  it('a subject no account is linked to (403, logged): never an account', async () => {
    const [before] = await asSystem(() => h.database.db.query<{ n: number }>('SELECT count(*)::int AS n FROM org.portal_accounts'));
    provider.signInAs({ sub: 'digid-onbekend', bsn: await bsnOf(secondClientId) });
    const refused = await signIn();
    expectRefused(refused, 403, 'portal-oidc-unknown');
    expect(refused.json<{ nl: string }>().nl).toMatch(/Met dit DigiD-account kun je nog niet inloggen/);
    const [after] = await asSystem(() => h.database.db.query<{ n: number }>('SELECT count(*)::int AS n FROM org.portal_accounts'));
    expect(after!.n).toBe(before!.n);
    expect(h.logs.some((l) => l.includes('"event":"portal-login-failed"') && l.includes('"reason":"portal-oidc-unknown"'))).toBe(true);
    // A browser (the provider's redirect) gets the portal's page, which words the code from its catalogue.
    const started = await start();
    const page = await callback(await provider.authorize(started.authorizationUrl), started.cookie, { accept: 'text/html,application/xhtml+xml' });
    expect(page.statusCode).toBe(303);
    expect(page.headers.location).toBe('/portaal?inloggen=portal-oidc-unknown');
    expect(portalCookieOf(page)).toBeUndefined();
  });

  it('a BSN from the provider that is not the dossier\'s, or none (403, logged as denied); the invitation stays open', async () => {
    const token = await invite(secondClientId);
    provider.signInAs({ sub: 'digid-iemand-anders', bsn: '123456782' });
    const refused = await signIn(token);
    expectRefused(refused, 403, 'portal-oidc-mismatch');
    expect(refused.json<{ nl: string }>().nl).toMatch(/horen niet bij de persoon/);
    expect(await lastLogRow()).toMatchObject({ client_id: secondClientId, action: 'portal-invitation-complete', outcome: 'denied' });
    expect(h.logs.some((l) => l.includes('"event":"portal-oidc-bsn-mismatch"'))).toBe(true);
    expect(h.logs.some((l) => l.includes('123456782'))).toBe(false);
    provider.signInAs({ sub: 'digid-zonder-bsn' });
    expectRefused(await signIn(token), 403, 'portal-oidc-mismatch');
    const open = await portalRequest(h, { method: 'POST', url: '/api/portal/auth/invitation/open', body: { token } });
    expect(open.statusCode, open.body).toBe(200);
    // An identity already linked to another account (the young person of the first test): 409, one identity one account.
    provider.signInAs({ sub: 'digid-sam', bsn: await bsnOf(secondClientId) });
    expectRefused(await signIn(token), 409, 'portal-oidc-identity-taken');
  });

  it('the provider down between the log-in and the way back: 503 problem+json in Dutch, not 500', async () => {
    provider.signInAs({ sub: 'digid-sam' });
    const started = await start();
    const back = await provider.authorize(started.authorizationUrl);
    await provider.stop();
    try {
      const down = await callback(back, started.cookie);
      expectRefused(down, 503, 'portal-oidc-unavailable');
      expect(down.json<{ nl: string }>().nl).toMatch(/niet bereikbaar/);
    } finally {
      await provider.start();
    }
  });
});

describe('a provider that cannot be reached or answers nonsense', () => {
  let broken: Server;
  let hb: Harness;
  let answer: 'error' | 'nonsense' = 'error';
  beforeAll(async () => {
    broken = createServer((_req, res) => {
      if (answer === 'error') {
        res.writeHead(500, { 'content-type': 'text/plain' }).end('stuk');
      } else {
        res.writeHead(200, { 'content-type': 'text/html' }).end('<html>onderhoud</html>');
      }
    });
    await new Promise<void>((resolve) => broken.listen(0, '127.0.0.1', resolve));
    const issuer = `http://127.0.0.1:${(broken.address() as AddressInfo).port}`;
    hb = await createHarness({ DW_PUBLIC_URL: PUBLIC, DW_PORTAL_OIDC_ISSUER: issuer, DW_PORTAL_OIDC_CLIENT_ID: 'x', DW_PORTAL_OIDC_CLIENT_SECRET: 'y', DW_PORTAL_OIDC_TIMEOUT_SECONDS: '2' });
  }, 120_000);
  afterAll(async () => {
    await hb.close();
    broken.closeAllConnections();
    await new Promise<void>((resolve) => broken.close(() => resolve()));
  });

  it('answers 502 for a server error or an answer that is not JSON, 503 when nobody answers; nothing pending is kept', async () => {
    const startIt = () => portalRequest(hb, { method: 'POST', url: '/api/portal/auth/oidc/start', body: {} });
    const error = await startIt();
    expect(error.statusCode, error.body).toBe(502);
    expect(error.json()).toMatchObject({ code: 'portal-oidc-provider-error', nl: expect.stringMatching(/inlogdienst/) as unknown });
    answer = 'nonsense';
    expect((await startIt()).statusCode).toBe(502);
    broken.closeAllConnections();
    await new Promise<void>((resolve) => broken.close(() => resolve()));
    const down = await startIt();
    expect(down.statusCode, down.body).toBe(503);
    expect(down.headers['content-type']).toContain('application/problem+json');
    expect(down.json()).toMatchObject({ code: 'portal-oidc-unavailable' });
    expect(down.cookies.some((c) => c.name === 'dw_portal_oidc')).toBe(false);
    await new Promise<void>((resolve) => broken.listen(0, '127.0.0.1', resolve));
  });
});

describe('settings (DW_PORTAL_OIDC_*)', () => {
  it('is off when the issuer is unset, and refuses a half or unsafe configuration at start', () => {
    expect(loadConfig({}).portalOidc).toBeUndefined();
    const full = { DW_PUBLIC_URL: 'https://dossier.example.nl', DW_PORTAL_OIDC_ISSUER: 'https://broker.example.nl', DW_PORTAL_OIDC_CLIENT_ID: 'c', DW_PORTAL_OIDC_CLIENT_SECRET: 's' };
    expect(loadConfig(full).portalOidc).toMatchObject({ name: 'DigiD', scopes: 'openid', bsnClaim: undefined, timeoutSeconds: 10, redirectUri: 'https://dossier.example.nl/api/portal/auth/oidc/callback' });
    expect(() => loadConfig({ ...full, DW_PUBLIC_URL: '' })).toThrow(ConfigError);
    expect(() => loadConfig({ ...full, DW_PORTAL_OIDC_CLIENT_SECRET: '' })).toThrow(/CLIENT_SECRET/);
    expect(() => loadConfig({ ...full, DW_PORTAL_OIDC_ISSUER: 'http://broker.example.nl' })).toThrow(/https/);
    expect(() => loadConfig({ ...full, DW_PORTAL_OIDC_SCOPES: 'profile' })).toThrow(/openid/);
    expect(() => loadConfig({ ...full, DW_PORTAL_OIDC_TIMEOUT_SECONDS: '0' })).toThrow(/1 to 60/);
    expect(() => loadConfig({ DW_PORTAL_OIDC_CLIENT_ID: 'c' })).toThrow(/without DW_PORTAL_OIDC_ISSUER/);
  });
});
