/**
 * The gate's portal door (issue 19): what a portal user may do is the engine's answer for that person today, every
 * act is logged with the portal account as the user, another client's id answers 404.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asSystem, inOrganisation } from '../db/organisation-scope.js';
import { readerView } from '../shielding/reader-view.js';
import { createHarness, type Harness, type TestEmployee } from '../test-support/harness.js';
import { createPortalAccount } from '../test-support/portal-fixture.js';
import { enter, type PortalContext } from './gate.js';
import type { AppError } from '../errors.js';

let h: Harness;
let holder: TestEmployee;
let clientId: string;
let otherClientId: string;
let motherId: string;
let fatherId: string;
let endedId: string;

async function relation(cookie: string, body: Record<string, unknown>): Promise<string> {
  const response = await h.request({ method: 'POST', url: `/api/clients/${clientId}/relations`, cookie, body: { establishedHow: 'gezagsregister', validFrom: '2026-01-05', ...body } });
  expect(response.statusCode, response.body).toBe(201);
  return response.json<{ id: string }>().id;
}

const accounts = new Map<string, string>();
async function ctxOf(relationId: string | null, forClient = clientId): Promise<PortalContext> {
  const key = `${forClient}/${relationId}`;
  const accountId = accounts.get(key) ?? (await createPortalAccount(h, { clientId: forClient, relationId, createdBy: holder })).accountId;
  accounts.set(key, accountId);
  const account = { accountId };
  return {
    account: { id: account.accountId, organisationId: h.organisationId, clientId: forClient, kind: relationId === null ? 'client' : 'relation', relationId, displayName: 'Iemand', sessionId: 'p-test' },
    route: 'GET /api/portal/test', address: '127.0.0.1', now: h.clock.now,
  };
}

async function lastRow(): Promise<Record<string, unknown>> {
  const [row] = await asSystem(() => h.database.db.query<Record<string, unknown>>(
    'SELECT employee_id, employee_role, session_id, client_id, action, part, outcome, citations FROM audit.access_log ORDER BY seq DESC LIMIT 1'));
  return row!;
}

beforeAll(async () => {
  h = await createHarness();
  holder = await h.employee({ role: 'care-professional' });
  const cookie = await h.login(holder);
  clientId = await h.client({ age: 14, holder });
  otherClientId = await h.client({ age: 14, holder });
  motherId = await relation(cookie, { relation: 'parent', hasCustody: true, custodyKind: 'two-headed-parental', custodyEstablishedBy: 'by-law-marriage', familyName: 'Moeder', givenNames: 'Mia' });
  fatherId = await relation(cookie, { relation: 'parent', hasCustody: false, familyName: 'Vader', givenNames: 'Frank' });
  endedId = await relation(cookie, { relation: 'parent', hasCustody: true, custodyKind: 'two-headed-parental', custodyEstablishedBy: 'by-law-marriage', familyName: 'Ouder', givenNames: 'Eerder' });
  const end = await h.request({ method: 'POST', url: `/api/clients/${clientId}/relations/${endedId}/end`, cookie, body: { validTo: '2026-06-30' } });
  expect(end.statusCode, end.body).toBeLessThan(300);
  const entry = await h.request({ method: 'POST', url: `/api/clients/${clientId}/entries`, cookie, body: { kind: 'plan', text: 'Het plan.', source: { kind: 'care-professional' } } });
  expect(entry.statusCode, entry.body).toBe(201);
}, 120_000);
afterAll(async () => h.close());

describe('the portal door (gate-portal.ts)', () => {
  it('lets the young person of 14 inspect her dossier and logs the portal account as the user', async () => {
    const ctx = await ctxOf(null);
    const view = await inOrganisation(h.organisationId, () => enter(h.database.db, ctx, { kind: 'portal' }, { action: 'inspect', part: 'dossier' },
      (scope) => readerView(scope, h.app.deps.masterKey, scope.reader)));
    expect(view.entries.some((e) => e.shown)).toBe(true);
    expect(await lastRow()).toMatchObject({ employee_id: ctx.account.id, employee_role: 'portal-client', session_id: 'p-test', client_id: clientId, action: 'inspect', outcome: 'allowed' });
  });

  it('lets the mother with custody inspect (Jeugdwet 7.3.11), as a relation', async () => {
    const ctx = await ctxOf(motherId);
    const scopeReader = await inOrganisation(h.organisationId, () => enter(h.database.db, ctx, { kind: 'portal' }, { action: 'inspect' }, (scope) => Promise.resolve(scope.reader)));
    expect(scopeReader).toMatchObject({ actor: 'parent-with-custody', relationId: motherId, action: 'inspect' });
    expect(await lastRow()).toMatchObject({ employee_role: 'portal-relation', outcome: 'allowed' });
  });

  it('refuses the father without custody inspection with the engine\'s explanation, logged; general information is his', async () => {
    const ctx = await ctxOf(fatherId);
    const refused = await inOrganisation(h.organisationId, () => enter(h.database.db, ctx, { kind: 'portal' }, { action: 'inspect' }, () => Promise.resolve('seen')))
      .catch((e: unknown) => e as AppError);
    expect(refused).toMatchObject({ status: 403 });
    expect((refused as AppError).nl).toMatch(/zonder gezag|geen gezag/);
    expect(await lastRow()).toMatchObject({ employee_id: ctx.account.id, outcome: 'denied', action: 'inspect' });
    const general = await inOrganisation(h.organisationId, () => enter(h.database.db, ctx, { kind: 'portal' }, { action: 'general-information' }, () => Promise.resolve('ok')));
    expect(general).toBe('ok');
  });

  it('refuses a relation whose custody ended with the engine\'s explanation', async () => {
    const ctx = await ctxOf(endedId);
    const refused = await inOrganisation(h.organisationId, () => enter(h.database.db, ctx, { kind: 'portal' }, { action: 'inspect' }, () => Promise.resolve('seen')))
      .catch((e: unknown) => e as AppError);
    expect(refused).toMatchObject({ status: 403 });
    expect((refused as AppError).nl).toMatch(/zonder gezag|geen gezag/);
    expect(await lastRow()).toMatchObject({ outcome: 'denied', employee_role: 'portal-relation' });
  });

  it('answers 404 for another client\'s id, logged', async () => {
    const ctx = await ctxOf(null);
    const refused = await inOrganisation(h.organisationId, () => enter(h.database.db, ctx, { kind: 'portal', clientId: otherClientId }, { action: 'inspect' }, () => Promise.resolve('seen')))
      .catch((e: unknown) => e as AppError);
    expect(refused).toMatchObject({ status: 404 });
    expect(await lastRow()).toMatchObject({ employee_id: ctx.account.id, outcome: 'not-found', client_id: null });
  });
});
