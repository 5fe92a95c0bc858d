/**
 * The portal realm (issue 19, item 1; "Bad input and attacks"): a separate realm, cookie and routes — a portal session
 * opens no staff route, a staff session no portal route; a professional's invitation, refused by the engine for someone
 * with no right to anything; the one-time link completed once with password and TOTP, refused and logged when used
 * twice or expired; log-in with password and TOTP, throttled as for staff.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { totpCode, timeStep } from '../auth/totp.js';
import { asSystem } from '../db/organisation-scope.js';
import { createHarness, TEST_NOW, type Harness, type TestEmployee } from '../test-support/harness.js';
import { createPortalLogin, portalRequest } from '../test-support/portal-fixture.js';

let h: Harness;
let holder: TestEmployee;
let holderCookie: string;
let clientId: string;
let motherId: string;
let advisorId: string;

const PASSWORD = 'een-lang-portaal-wachtwoord-42';

async function lastRows(n: number): Promise<Record<string, unknown>[]> {
  return asSystem(() => h.database.db.query<Record<string, unknown>>(
    'SELECT employee_id, employee_role, acting_for_id, client_id, action, outcome FROM audit.access_log ORDER BY seq DESC LIMIT $1', [n]));
}

async function invite(body: Record<string, unknown>) {
  return h.request({ method: 'POST', url: `/api/clients/${clientId}/portal-invitations`, cookie: holderCookie, body: { identityCheck: { documentType: 'passport' }, ...body } });
}

function tokenOf(link: string): string {
  return link.split('#')[1]!;
}

async function openAndComplete(token: string, username: string) {
  const opened = await portalRequest(h, { method: 'POST', url: '/api/portal/auth/invitation/open', body: { token } });
  expect(opened.statusCode, opened.body).toBe(200);
  const { state, totp } = opened.json<{ state: string; totp: { secret: string } }>();
  const completed = await portalRequest(h, {
    method: 'POST', url: '/api/portal/auth/invitation/complete',
    body: { token, state, username, password: PASSWORD, code: totpCode(totp.secret, timeStep(h.clock.now)) },
  });
  return { opened, completed, secret: totp.secret };
}

beforeAll(async () => {
  h = await createHarness();
  holder = await h.employee({ role: 'care-professional' });
  holderCookie = await h.login(holder);
  clientId = await h.client({ age: 14, holder });
  const relation = async (body: Record<string, unknown>) => {
    const r = await h.request({ method: 'POST', url: `/api/clients/${clientId}/relations`, cookie: holderCookie, body: { establishedHow: 'gezagsregister', validFrom: '2026-01-05', ...body } });
    expect(r.statusCode, r.body).toBe(201);
    return r.json<{ id: string }>().id;
  };
  motherId = await relation({ relation: 'parent', hasCustody: true, custodyKind: 'two-headed-parental', custodyEstablishedBy: 'by-law-marriage', familyName: 'Moeder', givenNames: 'Mia' });
  advisorId = await relation({ relation: 'confidential-advisor', hasCustody: false, familyName: 'Advies', givenNames: 'Vera' });
}, 120_000);
afterAll(async () => h.close());

describe('the portal realm is apart from the staff realm', () => {
  it('refuses a portal session on every staff route (401/404) and a staff session on portal routes (401)', async () => {
    const portal = await createPortalLogin(h, { clientId, createdBy: holder });
    const me = await portalRequest(h, { method: 'GET', url: '/api/portal/auth/me', cookie: portal.cookie });
    expect(me.statusCode, me.body).toBe(200);
    const staffRoutes = h.app.routes.filter((r) => r.url.startsWith('/api/') && !r.url.startsWith('/api/portal/') && !r.public && r.method !== 'HEAD');
    expect(staffRoutes.length).toBeGreaterThan(50);
    for (const route of staffRoutes) {
      const url = route.url.replace(/:[A-Za-z]+/g, clientId);
      const response = await h.app.server.inject({
        method: route.method as 'GET', url, headers: { 'cookie': portal.cookie, 'x-dossierwijzer-csrf': '1', 'x-dossierwijzer-portal-csrf': '1' },
        ...(route.method === 'GET' ? {} : { payload: {} }),
      });
      expect([401, 404], `${route.method} ${route.url}`).toContain(response.statusCode);
    }
    const portalRoutes = h.app.routes.filter((r) => r.url.startsWith('/api/portal/') && !r.public && r.method !== 'HEAD');
    expect(portalRoutes.length).toBeGreaterThan(1);
    for (const route of portalRoutes) {
      const url = route.url.replace(/:[A-Za-z]+/g, clientId);
      const response = await h.app.server.inject({
        method: route.method as 'GET', url, headers: { 'cookie': holderCookie, 'x-dossierwijzer-csrf': '1', 'x-dossierwijzer-portal-csrf': '1' },
        ...(route.method === 'GET' ? {} : { payload: {} }),
      });
      expect(response.statusCode, `${route.method} ${route.url}`).toBe(401);
    }
  }, 120_000);

  it('needs the portal\'s own CSRF header on a state-changing portal request', async () => {
    const portal = await createPortalLogin(h, { clientId, relationId: motherId, createdBy: holder });
    const response = await h.request({ method: 'POST', url: '/api/portal/auth/logout', cookie: portal.cookie });
    expect(response.statusCode).toBe(403);
    expect(response.json<{ code: string }>().code).toBe('csrf-header-missing');
  });
});

describe('invitations (issue 19, item 1)', () => {
  it('a professional invites the young person of 14; the link is completed once with password and TOTP, then used twice → 410, logged', async () => {
    const invitation = await invite({});
    expect(invitation.statusCode, invitation.body).toBe(201);
    const { link, expiresOnText } = invitation.json<{ link: string; expiresOnText: string }>();
    expect(link).toMatch(/\/portaal\/uitnodiging#[A-Za-z0-9_-]{40,}$/);
    expect(expiresOnText).toMatch(/29 november 2026/);
    const token = tokenOf(link);
    // The client already had a fixture account above: the invitation resets its credentials once completed.
    const { completed, secret } = await openAndComplete(token, 'sam.jongere');
    expect(completed.statusCode, completed.body).toBe(200);
    const cookie = completed.cookies.find((c) => c.name.endsWith('dw_portal'));
    expect(cookie).toBeDefined();
    const me = await portalRequest(h, { method: 'GET', url: '/api/portal/auth/me', cookie: `${cookie!.name}=${cookie!.value}` });
    expect(me.json()).toMatchObject({ kind: 'client', standing: { allowed: true } });

    const again = await portalRequest(h, { method: 'POST', url: '/api/portal/auth/invitation/open', body: { token } });
    expect(again.statusCode).toBe(410);
    expect(again.json<{ code: string }>().code).toBe('portal-invitation-invalid');
    const [row] = await lastRows(1);
    expect(row).toMatchObject({ employee_role: 'portal-client', acting_for_id: holder.id, client_id: clientId, action: 'portal-invitation-open', outcome: 'denied' });

    // Log-in with the new credentials: password, then TOTP (a later step than the one used at completion).
    h.clock.advance(30_000);
    const step1 = await portalRequest(h, { method: 'POST', url: '/api/portal/auth/login', body: { username: 'sam.jongere', password: PASSWORD } });
    expect(step1.statusCode, step1.body).toBe(200);
    const step2 = await portalRequest(h, {
      method: 'POST', url: '/api/portal/auth/login/totp', body: { challenge: step1.json<{ challenge: string }>().challenge, code: totpCode(secret, timeStep(h.clock.now)) },
    });
    expect(step2.statusCode, step2.body).toBe(200);
    expect(step2.cookies.some((c) => c.name.endsWith('dw_portal'))).toBe(true);
    expect(step2.cookies.some((c) => c.name.endsWith('dw_session'))).toBe(false);
    h.clock.reset();
  });

  it('refuses an expired link (410), logged', async () => {
    const invitation = await invite({ relationId: motherId });
    expect(invitation.statusCode, invitation.body).toBe(201);
    h.clock.advance(8 * 86_400_000);
    try {
      const opened = await portalRequest(h, { method: 'POST', url: '/api/portal/auth/invitation/open', body: { token: tokenOf(invitation.json<{ link: string }>().link) } });
      expect(opened.statusCode).toBe(410);
      const [row] = await lastRows(1);
      expect(row).toMatchObject({ employee_role: 'portal-relation', action: 'portal-invitation-open', outcome: 'denied' });
    } finally {
      h.clock.reset();
    }
  });

  it('refuses to invite a confidential advisor, with the engine\'s explanation (Besluit Jeugdwet 4.1.5), logged', async () => {
    const refused = await invite({ relationId: advisorId });
    expect(refused.statusCode).toBe(403);
    const problem = refused.json<{ basis: string[] }>();
    expect(refused.body).toMatch(/cliëntportaal/);
    expect(refused.body).toMatch(/vertrouwenspersoon/i);
    expect(problem.basis).toContain('Besluit Jeugdwet 4.1.5');
    const [row] = await lastRows(1);
    expect(row).toMatchObject({ employee_id: holder.id, action: 'invite-to-portal', outcome: 'denied', client_id: clientId });
  });

  it('answers 404 for a relation of another client', async () => {
    const refused = await invite({ relationId: '00000000-0000-4000-8000-000000000001' });
    expect(refused.statusCode).toBe(404);
  });

  it('throttles portal log-ins per user name as for staff (429)', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 8; i += 1) {
      const r = await portalRequest(h, { method: 'POST', url: '/api/portal/auth/login', body: { username: 'niemand.bekend', password: 'fout-wachtwoord' }, remoteAddress: `10.1.2.${i}` });
      statuses.push(r.statusCode);
    }
    expect(statuses[0]).toBe(401);
    expect(statuses).toContain(429);
    expect(TEST_NOW).toBeDefined();
  });
});
