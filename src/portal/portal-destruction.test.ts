/**
 * A destroyed dossier takes its client portal with it (issue 19; Jeugdwet 7.3.9; AVG 5(1)(c) and (e); migration 0085):
 * on a granted destruction request and at the end of the retention period alike, the portal accounts of the dossier are
 * disabled, their sessions ended, open invitations voided, user names, password hashes, second factors and notification
 * addresses erased, and the release records of the destroyed entries removed (a partial destruction: those of its
 * entries only). The destruction record stays as it was; another client's portal is untouched.
 */
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asSystem } from '../db/organisation-scope.js';
import { destroyConfirmed, sweepRetention } from '../retention/retention-service.js';
import { createHarness, type Harness, type TestEmployee } from '../test-support/harness.js';
import { createPortalLogin, portalRequest, type PortalTestLogin } from '../test-support/portal-fixture.js';

let h: Harness;
let holder: TestEmployee;
let staff: string;

const post = async <T>(url: string, body: unknown = {}, cookie = staff): Promise<T> => {
  const r = await h.request({ method: 'POST', url, cookie, body });
  expect(r.statusCode, r.body).toBeLessThan(300);
  return (r.body === '' ? undefined : r.json<T>()) as T;
};
const query = <T>(sql: string, params: unknown[]) => asSystem(() => h.database.db.query<T & Record<string, unknown>>(sql, params));

interface PortalOfClient {
  clientId: string;
  young: PortalTestLogin;
  mother: PortalTestLogin;
  /** The father's invitation, not yet used. */
  fatherInvitation: string;
  entryIds: string[];
}

/** A 14-year-old's dossier with two entries in the portal (one released, one withheld), two live accounts with a notification address, and an open invitation. */
async function dossierWithPortal(): Promise<PortalOfClient> {
  const clientId = await h.client({ age: 14, holder });
  const relation = (body: Record<string, unknown>) => post<{ id: string }>(`/api/clients/${clientId}/relations`, { establishedHow: 'gezagsregister', validFrom: '2026-01-05', ...body });
  const mother = await relation({ relation: 'parent', hasCustody: true, custodyKind: 'two-headed-parental', custodyEstablishedBy: 'by-law-marriage', familyName: 'Moeder', givenNames: 'Mia' });
  const father = await relation({ relation: 'parent', hasCustody: true, custodyKind: 'two-headed-parental', custodyEstablishedBy: 'by-law-marriage', familyName: 'Vader', givenNames: 'Frank' });
  const plan = await post<{ id: string }>(`/api/clients/${clientId}/entries`, { kind: 'plan', text: 'Het plan.', source: { kind: 'care-professional' } });
  const report = await post<{ id: string }>(`/api/clients/${clientId}/entries`, { kind: 'research-report', text: 'Het onderzoek.', source: { kind: 'care-professional' } });
  await post(`/api/clients/${clientId}/entries/${plan.id}/portal-release`, { decision: 'release' });
  await post(`/api/clients/${clientId}/entries/${report.id}/portal-release`, { decision: 'withhold', ground: 'privacy-of-another', reason: 'Gaat over de broer.' });
  const young = await createPortalLogin(h, { clientId, createdBy: holder, username: `jongere-${clientId.slice(0, 8)}` });
  const motherLogin = await createPortalLogin(h, { clientId, relationId: mother.id, createdBy: holder, username: `moeder-${clientId.slice(0, 8)}` });
  for (const who of [young, motherLogin]) {
    const set = await portalRequest(h, { method: 'PUT', url: '/api/portal/messages/notifications', cookie: who.cookie, body: { email: `${who.username}@example.org` } });
    expect(set.statusCode, set.body).toBe(200);
  }
  // The young person logs in through the provider too (0084): the hash of the broker's identifier of her.
  await query('UPDATE org.portal_accounts SET oidc_identity = $2, oidc_linked_at = now() WHERE id = $1', [young.accountId, randomBytes(32).toString('hex')]);
  const invited = await post<{ accountId: string }>(`/api/clients/${clientId}/portal-invitations`, { relationId: father.id, identityCheck: { documentType: 'passport' } });
  return { clientId, young, mother: motherLogin, fatherInvitation: invited.accountId, entryIds: [plan.id, report.id] };
}

/** What is left of the portal of a client in the database. */
async function portalLeft(p: PortalOfClient) {
  const accounts = await query<{
    id: string; username: string | null; password_hash: string | null; totp_secret: Buffer | null; oidc_identity: string | null; disabled_at: Date | null; disabled_by: string | null;
  }>('SELECT id, username, password_hash, totp_secret, oidc_identity, disabled_at, disabled_by FROM org.portal_accounts WHERE client_id = $1', [p.clientId]);
  const ids = accounts.map((a) => a.id);
  const [sessions] = await query<{ open: number; addressed: number }>(
    'SELECT count(*) FILTER (WHERE ended_at IS NULL)::int AS open, count(*) FILTER (WHERE address IS NOT NULL)::int AS addressed FROM org.portal_sessions WHERE account_id = ANY($1::uuid[])', [ids]);
  const [invitations] = await query<{ open: number }>(
    'SELECT count(*)::int AS open FROM org.portal_invitations WHERE account_id = ANY($1::uuid[]) AND used_at IS NULL AND revoked_at IS NULL', [ids]);
  const [addresses] = await query<{ n: number }>('SELECT count(*)::int AS n FROM org.message_notification_addresses WHERE portal_account_id = ANY($1::uuid[])', [ids]);
  const [releases] = await query<{ n: number }>('SELECT count(*)::int AS n FROM care.portal_releases WHERE client_id = $1', [p.clientId]);
  return { accounts, openSessions: sessions!.open, sessionAddresses: sessions!.addressed, openInvitations: invitations!.open, addresses: addresses!.n, releases: releases!.n };
}

function expectClosed(left: Awaited<ReturnType<typeof portalLeft>>, executedBy: string): void {
  expect(left.accounts.length).toBe(3);
  for (const a of left.accounts) {
    expect(a).toMatchObject({ username: null, password_hash: null, totp_secret: null, oidc_identity: null, disabled_by: executedBy });
    expect(a.disabled_at).not.toBeNull();
  }
  expect(left).toMatchObject({ openSessions: 0, sessionAddresses: 0, openInvitations: 0, addresses: 0, releases: 0 });
}

/** Grants, confirms (a second person) and carries out the destruction of the whole dossier on the client's request. */
async function destroyOnRequest(clientId: string, part = 'dossier'): Promise<void> {
  const destroy = await post<{ id: string }>(`/api/clients/${clientId}/requests`, {
    kind: 'destroy', part, channel: 'written', receivedOn: '2026-11-21', details: 'Vernietig mijn dossier.', identityCheck: { documentType: 'passport' },
  });
  await post(`/api/clients/${clientId}/requests/${destroy.id}/decision`, { outcome: 'granted', reasons: '' });
  const second = await h.login(await h.employee({ role: 'manager' }));
  await post(`/api/clients/${clientId}/requests/${destroy.id}/confirm-destruction`, {}, second);
  await post(`/api/clients/${clientId}/requests/${destroy.id}/fulfil`);
}

beforeAll(async () => {
  h = await createHarness();
  holder = await h.employee({ role: 'care-professional' });
  staff = await h.login(holder);
}, 120_000);
afterAll(async () => h?.close());

describe('a destroyed dossier takes its portal with it (issue 19; migration 0085)', () => {
  it('on a granted destruction request: accounts disabled and emptied, sessions ended, invitation void, addresses and release records gone', async () => {
    const p = await dossierWithPortal();
    const bystander = await dossierWithPortal();
    const before = await portalLeft(p);
    expect(before).toMatchObject({ openSessions: 2, openInvitations: 1, addresses: 2, releases: 2 });
    expect(before.accounts.filter((a) => a.oidc_identity !== null)).toHaveLength(1);
    expect((await portalRequest(h, { method: 'GET', url: '/api/portal/auth/me', cookie: p.young.cookie })).statusCode).toBe(200);

    await destroyOnRequest(p.clientId);

    expectClosed(await portalLeft(p), holder.id);
    // The session no longer opens anything; the user name no longer logs in.
    for (const who of [p.young, p.mother]) {
      expect((await portalRequest(h, { method: 'GET', url: '/api/portal/auth/me', cookie: who.cookie })).statusCode).toBe(401);
      expect((await portalRequest(h, { method: 'POST', url: '/api/portal/auth/login', body: { username: who.username, password: who.password } })).statusCode).toBe(401);
    }
    // The destruction record is there as before: one, whole dossier, on the request.
    const records = await query<{ scope: string; reason: string; entries_destroyed: number }>(
      'SELECT scope, reason, entries_destroyed FROM org.destruction_records WHERE client_id = $1', [p.clientId]);
    expect(records).toEqual([{ scope: 'whole-dossier', reason: 'client-request', entries_destroyed: 2 }]);
    // Another client's portal is untouched.
    expect(await portalLeft(bystander)).toMatchObject({ openSessions: 2, openInvitations: 1, addresses: 2, releases: 2 });
    expect((await portalRequest(h, { method: 'GET', url: '/api/portal/auth/me', cookie: bystander.young.cookie })).statusCode).toBe(200);
  });

  it('at the end of the retention period: the same, by the privacy officer who confirmed it', async () => {
    const officer = await h.employee({ role: 'privacy-officer' });
    const officerCookie = await h.login(officer);
    const p = await dossierWithPortal();
    const later = new Date('2047-06-01T10:00:00Z');
    await sweepRetention(h.database.db, { now: later, dryRun: false });
    await post(`/api/privacy/retention-reviews/${p.clientId}/confirm`, {}, officerCookie);
    const result = await destroyConfirmed(h.database.db, { now: later });
    expect(result.destroyed).toBeGreaterThanOrEqual(1);

    expectClosed(await portalLeft(p), officer.id);
    const records = await query<{ reason: string }>('SELECT reason FROM org.destruction_records WHERE client_id = $1', [p.clientId]);
    expect(records).toEqual([{ reason: 'retention-expired' }]);
    expect((await portalRequest(h, { method: 'GET', url: '/api/portal/auth/me', cookie: p.mother.cookie })).statusCode).toBe(401);
  });

  it('a partial destruction removes the release records of its entries only, and leaves the portal open', async () => {
    const p = await dossierWithPortal();
    await destroyOnRequest(p.clientId, 'research-report');
    const left = await portalLeft(p);
    const releases = await query<{ entry_id: string }>('SELECT entry_id FROM care.portal_releases WHERE client_id = $1', [p.clientId]);
    expect(releases.map((r) => r.entry_id)).toEqual([p.entryIds[0]]);
    expect(left).toMatchObject({ openSessions: 2, openInvitations: 1, addresses: 2 });
    expect(left.accounts.filter((a) => a.username !== null).length).toBe(2);
    expect((await portalRequest(h, { method: 'GET', url: '/api/portal/auth/me', cookie: p.young.cookie })).statusCode).toBe(200);
  });
});
