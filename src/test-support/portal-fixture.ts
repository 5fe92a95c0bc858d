/**
 * Portal accounts for tests (issue 19): make an account for a client or one of
 * their registered relations, with a password and TOTP secret (playing the
 * invitation's part, as the harness plays the staff enrolment), and log it in,
 * returning the `dw_portal` cookie for `app.inject` — plus `portalRequest`,
 * which sends the portal's CSRF header (not the staff's).
 *
 * @example
 * const mother = await createPortalLogin(h, { clientId, relationId: motherRelationId, createdBy: holder });
 * const view = await portalRequest(h, { method: 'GET', url: '/api/portal/dossier', cookie: mother.cookie });
 */
import { randomBytes } from 'node:crypto';
import type { LightMyRequestResponse } from 'fastify';
import { hashPassword } from '../auth/passwords.js';
import { newTotpSecret } from '../auth/totp.js';
import { asSystem } from '../db/organisation-scope.js';
import { insertPortalAccountWithCredentials } from '../portal/portal-account-store.js';
import { PORTAL_COOKIE, PORTAL_CSRF_HEADER, PORTAL_CSRF_VALUE, portalSessionSettings } from '../portal/portal-route.js';
import { sealPortalTotpSecret } from '../portal/portal-second-factor.js';
import { createPortalSession } from '../portal/portal-session-store.js';
import type { Harness, RequestMethod, TestEmployee } from './harness.js';

/** The password every fixture portal account has (passes the staff password policy). */
export const PORTAL_TEST_PASSWORD = 'portaal-paard-batterij-nietje';

export interface PortalTestAccount {
  accountId: string;
  username: string;
  password: string;
  /** Base32, for `totpCode(secret, timeStep(now))`. */
  totpSecret: string;
  clientId: string;
  relationId: string | null;
}

export interface PortalTestLogin extends PortalTestAccount {
  /** `dw_portal=<token>`, for the `cookie` header. */
  cookie: string;
}

/** Makes a portal account with credentials for the client (no `relationId`) or one of their relations. */
export async function createPortalAccount(
  h: Harness, options: { clientId: string; relationId?: string | null; createdBy: TestEmployee; username?: string },
): Promise<PortalTestAccount> {
  const username = options.username ?? `portaal-${randomBytes(4).toString('hex')}`;
  const totpSecret = newTotpSecret();
  const [client] = await asSystem(() => h.database.db.query<{ organisation_id: string }>('SELECT organisation_id FROM formal.clients WHERE id = $1', [options.clientId]));
  if (client === undefined) throw new Error(`no client ${options.clientId}`);
  const accountId = await insertPortalAccountWithCredentials(h.database.db, {
    organisationId: client.organisation_id, clientId: options.clientId, relationId: options.relationId ?? null, createdBy: options.createdBy.id,
    username, passwordHash: await hashPassword(PORTAL_TEST_PASSWORD), sealTotp: (id) => sealPortalTotpSecret(h.app.deps.masterKey, id, totpSecret), now: h.clock.now,
  });
  return { accountId, username, password: PORTAL_TEST_PASSWORD, totpSecret, clientId: options.clientId, relationId: options.relationId ?? null };
}

/** Starts a portal session for the account (as a completed log-in does) and returns the cookie header value. */
export async function portalLogin(h: Harness, account: Pick<PortalTestAccount, 'accountId'>): Promise<string> {
  const token = await asSystem(() => createPortalSession(h.database.db, account.accountId, portalSessionSettings(h.app.deps), '127.0.0.1', h.clock.now));
  return `${PORTAL_COOKIE}=${token}`;
}

/** An account, logged in. */
export async function createPortalLogin(
  h: Harness, options: { clientId: string; relationId?: string | null; createdBy: TestEmployee; username?: string },
): Promise<PortalTestLogin> {
  const account = await createPortalAccount(h, options);
  return { ...account, cookie: await portalLogin(h, account) };
}

/** A request to the portal's API with the portal's CSRF header on state-changing requests (and never the staff's). */
export function portalRequest(h: Harness, options: {
  method: RequestMethod; url: string; cookie?: string; body?: unknown; headers?: Record<string, string>; remoteAddress?: string;
}): Promise<LightMyRequestResponse> {
  const csrf: Record<string, string> = options.method === 'GET' ? {} : { [PORTAL_CSRF_HEADER]: PORTAL_CSRF_VALUE };
  return h.app.server.inject({
    method: options.method, url: options.url,
    headers: { ...(options.cookie === undefined ? {} : { cookie: options.cookie }), ...csrf, ...options.headers },
    ...(options.remoteAddress === undefined ? {} : { remoteAddress: options.remoteAddress }),
    ...(options.body === undefined ? {} : { payload: options.body as Record<string, unknown> }),
  });
}
