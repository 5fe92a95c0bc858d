/**
 * The client portal's log-in through OpenID Connect (issue 19 item 1: DigiD through a broker), beside password and
 * TOTP (portal-auth-routes.ts), when DW_PORTAL_OIDC_* configure a provider (else every route but the list answers 404):
 *
 * 1. `GET /api/portal/auth/oidc/providers` → the configured provider's name (an empty list when none): the log-in and
 *    invitation pages show "Inloggen met <name>" only then.
 * 2. `POST /api/portal/auth/oidc/start {token?}` → `{authorizationUrl}`: a new authorization request (code flow, PKCE
 *    S256, `state`, `nonce`; portal-oidc.ts). Its checks go into a sealed cookie (`dw_portal_oidc`, ten minutes,
 *    HttpOnly, SameSite=Lax so that it comes back with the provider's redirect, path limited to these routes), and a
 *    pending row keyed by the state's hash makes the way back one-time. With the invitation's `token` the request links
 *    that invitation (checked as when it is opened, logged); without it, it logs in.
 * 3. `GET /api/portal/auth/oidc/callback?code&state&iss` — our redirect URI, `<DW_PUBLIC_URL>/api/portal/auth/oidc/callback`:
 *    the cookie opened and cleared, its state compared with the one returned, the pending row spent (a replay finds it
 *    spent), the code exchanged and the ID token checked. Then
 *    - log-in: the account bound to this identity gets a `dw_portal` session exactly as after password and TOTP (same
 *      store, same cookie, same throttling per address); an identity bound to no account is refused (403, logged) —
 *      only an invitation binds one, never the log-in;
 *    - link: the invitation is completed (gate subject `portal-invitation`, act `complete`, logged): with a BSN claim
 *      configured and a BSN in the dossier of the invited client, a different or missing BSN is refused (403, logged,
 *      the invitation stays open); the identity replaces the account's user name, password and TOTP; a session starts.
 *    The answer is a 303 to `/portaal`. A failure is problem+json (400 state, 401 refused, 403, 409, 502/503 for the
 *    provider), or for a browser (Accept: text/html) a 303 to `/portaal?inloggen=<code>`, which the page words from
 *    its catalogue.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { Type, type Static } from 'typebox';
import { timingSafeEqual } from 'node:crypto';
import { enter } from '../access/gate.js';
import { throttled, throttleSettings } from '../auth/auth-routes.js';
import { attemptSucceeded, beginAttempt } from '../auth/login-throttle.js';
import { bsnOfClient } from '../clients/client-store.js';
import { PORTAL_OIDC_CALLBACK_PATH } from '../config/config.js';
import { decryptJson, encryptJson } from '../crypto/envelope.js';
import { AppError, badRequest, conflict, notFound } from '../errors.js';
import type { AppDeps } from '../http/app-deps.js';
import { OneOf } from '../http/schema-helpers.js';
import { servedOverTls } from '../http/tls.js';
import { completeInvitationWithOidc, oidcIdentityTaken, portalAccountByOidcIdentity } from './portal-account-store.js';
import { liveInvitation, throttleKeys, Token } from './portal-auth-routes.js';
import { oidcIdentityHash, oidcStateHash, portalOidcClient, type OidcChecks } from './portal-oidc.js';
import { insertPendingOidcLogin, spendPendingOidcLogin } from './portal-oidc-store.js';
import { portalPublicRoute, portalSessionSettings, setPortalCookie } from './portal-route.js';
import { createPortalSession, endAllPortalSessions } from './portal-session-store.js';

/** How long the way to the provider and back may take. */
const PENDING_MINUTES = 10;
const PENDING_COOKIE = 'dw_portal_oidc';
/** Over TLS: `__Secure-` (a `__Host-` cookie must have path `/`; this one is limited to the routes below). */
const PENDING_TLS_COOKIE = '__Secure-dw_portal_oidc';
const PENDING_PATH = '/api/portal/auth/oidc/';
const PENDING_CONTEXT = 'portal-oidc-pending';
/** Where the browser lands afterwards: the portal's pages. */
const PORTAL_PAGE = '/portaal';

const Pending = Type.Object({
  state: Type.String(), nonce: Type.String(), verifier: Type.String(), purpose: OneOf(['login', 'link'] as const),
  token: Type.Optional(Type.String()), expiresAt: Type.String(),
}, { additionalProperties: false });
type Pending = Static<typeof Pending>;

const Providers = Type.Object({
  providers: Type.Array(Type.Object({
    id: Type.String(), name: Type.String({ description: 'What the button says after "Inloggen met", e.g. DigiD.' }),
    url: Type.String({ description: 'POST here (with the portal CSRF header, and `token` to link an invitation) to start.' }),
  }, { additionalProperties: false })),
}, { additionalProperties: false });
const StartBody = Type.Object({ token: Type.Optional(Token) }, { additionalProperties: false });
const Started = Type.Object({
  authorizationUrl: Type.String({ description: 'Send the browser here (the provider\'s log-in).' }),
}, { additionalProperties: false });
/**
 * The authorization response (RFC 6749 4.1.2 and 4.1.2.1, RFC 9207 `iss`, OIDC Session Management's `session_state`,
 * a `scope` some providers echo): a closed object like every query string here; a provider sending more gets a 400.
 */
const CallbackQuery = Type.Object({
  code: Type.Optional(Type.String({ maxLength: 4096 })), state: Type.Optional(Type.String({ maxLength: 512 })),
  iss: Type.Optional(Type.String({ maxLength: 2048 })), session_state: Type.Optional(Type.String({ maxLength: 2048 })),
  scope: Type.Optional(Type.String({ maxLength: 2048 })), error: Type.Optional(Type.String({ maxLength: 256 })),
  error_description: Type.Optional(Type.String({ maxLength: 2048 })), error_uri: Type.Optional(Type.String({ maxLength: 2048 })),
}, { additionalProperties: false });

function stateInvalid(): AppError {
  return badRequest('portal-oidc-state-invalid', undefined,
    'Dit inloggen is verlopen, al gebruikt of in een andere browser begonnen. Begin opnieuw bij Mijn dossier.',
    'This log-in has expired, was used before or was started in another browser. Start again at Mijn dossier.');
}

function unknownIdentity(name: string): AppError {
  return new AppError('portal-oidc-unknown', 403,
    `Met dit ${name}-account kun je nog niet inloggen in Mijn dossier. Je hulpverlener kan je uitnodigen; met de link uit die uitnodiging koppel je ${name} aan je account.`,
    `You cannot log in to Mijn dossier with this ${name} account yet. Your care professional can invite you; the invitation's link lets you connect ${name} to your account.`);
}

function bsnMismatch(name: string): AppError {
  return new AppError('portal-oidc-mismatch', 403,
    `De gegevens van ${name} horen niet bij de persoon voor wie deze uitnodiging is. Je account is niet gekoppeld. Neem contact op met je hulpverlener.`,
    `The details from ${name} do not belong to the person this invitation is for. Your account was not connected. Contact your care professional.`);
}

/** Compares two strings in constant time. */
function sameString(a: string, b: string): boolean {
  const x = Buffer.from(a, 'utf8');
  const y = Buffer.from(b, 'utf8');
  return x.length === y.length && timingSafeEqual(x, y);
}

export function portalOidcRoutes(app: FastifyInstance, deps: AppDeps): void {
  const settings = deps.config.portalOidc;
  const client = settings === undefined ? undefined : portalOidcClient(settings);
  const configured = () => {
    if (client === undefined) throw notFound('Inloggen via een inlogdienst is hier niet ingesteld.', 'Logging in through a log-in service is not set up here.');
    return client;
  };
  const ctxOf = (request: FastifyRequest) => ({ route: `${request.method} ${request.routeOptions.url ?? ''}`, address: request.ip, now: deps.now() });
  const cookieName = (request: FastifyRequest) => (servedOverTls(request, deps.config) ? PENDING_TLS_COOKIE : PENDING_COOKIE);

  portalPublicRoute(app, {
    method: 'GET', url: '/api/portal/auth/oidc/providers',
    schema: { tags: ['portal'], summary: 'The OpenID Connect provider configured beside the password (DigiD through a broker); empty when none', response: { 200: Providers } },
    handler: () => Promise.resolve({ providers: client === undefined ? [] : [{ id: 'oidc', name: client.settings.name, url: '/api/portal/auth/oidc/start' }] }),
  });

  portalPublicRoute(app, {
    method: 'POST', url: '/api/portal/auth/oidc/start',
    schema: {
      tags: ['portal'], summary: 'Start a log-in through the OpenID Connect provider (with an invitation\'s token: link that invitation); answers where to send the browser',
      body: StartBody, response: { 200: Started },
    },
    handler: async (request, reply) => {
      const oidc = configured();
      const token = request.body.token;
      // An invitation is checked as when it is opened (live, the invitee still standing by the engine), logged.
      const organisationId = token === undefined
        ? null
        : (await enter(deps.db, ctxOf(request), { kind: 'portal-invitation' }, 'open', (scope) => liveInvitation(scope, token))).organisation_id;
      const { url, checks } = await oidc.begin();
      const now = deps.now();
      const expiresAt = new Date(now.getTime() + PENDING_MINUTES * 60_000);
      await insertPendingOidcLogin(deps.db, { stateHash: oidcStateHash(checks.state), organisationId, now, expiresAt });
      const pending: Pending = { ...checks, purpose: token === undefined ? 'login' : 'link', ...(token === undefined ? {} : { token }), expiresAt: expiresAt.toISOString() };
      const tls = servedOverTls(request, deps.config);
      reply.setCookie(cookieName(request), encryptJson(deps.masterKey, pending, PENDING_CONTEXT).toString('base64url'), {
        path: PENDING_PATH, httpOnly: true, sameSite: 'lax', secure: tls, maxAge: PENDING_MINUTES * 60,
      });
      return { authorizationUrl: url.href };
    },
  });

  /** The pending log-in from the cookie, checked against the state that came back and spent; else 400. */
  const takePending = async (request: FastifyRequest, reply: FastifyReply, state: string | undefined): Promise<Pending> => {
    const raw = request.cookies[cookieName(request)];
    reply.clearCookie(cookieName(request), { path: PENDING_PATH });
    if (raw === undefined || state === undefined) throw stateInvalid();
    let pending: Pending;
    try {
      pending = decryptJson(deps.masterKey, Buffer.from(raw, 'base64url'), PENDING_CONTEXT, Pending);
    } catch {
      throw stateInvalid();
    }
    const now = deps.now();
    if (!sameString(pending.state, state) || new Date(pending.expiresAt) <= now) throw stateInvalid();
    if (!await spendPendingOidcLogin(deps.db, oidcStateHash(pending.state), now)) throw stateInvalid();
    return pending;
  };

  portalPublicRoute(app, {
    method: 'GET', url: PORTAL_OIDC_CALLBACK_PATH,
    schema: {
      tags: ['portal'], summary: 'The redirect URI: the provider sends the browser back here; logs in or links the invitation, then 303 to /portaal',
      querystring: CallbackQuery,
      // No body: a redirect. A failure is problem+json, or for a browser (Accept: text/html) a 303 to /portaal?inloggen=<code>.
      response: {
        303: Type.Null({
          description: 'Logged in (the portal session cookie set): to /portaal. A browser whose log-in failed: to /portaal?inloggen=<code>, which the page words',
          headers: { location: Type.String({ description: '/portaal, or /portaal?inloggen=<code> after a failure' }) },
        }),
      },
    },
    handler: async (request, reply) => {
      const oidc = configured();
      const now = deps.now();
      const verdict = await beginAttempt(deps.db, throttleKeys(undefined, request.ip), throttleSettings(deps), now);
      if (!verdict.allowed) throw throttled(reply, verdict.retryAfterSeconds);
      try {
        const pending = await takePending(request, reply, request.query.state);
        const checks: OidcChecks = { state: pending.state, nonce: pending.nonce, verifier: pending.verifier };
        // The provider's query on our own redirect URI (never the Host header's idea of where we are).
        const callbackUrl = new URL(oidc.settings.redirectUri);
        callbackUrl.search = new URL(request.url, 'http://callback.invalid').search;
        const identity = await oidc.finish(callbackUrl, checks);
        const identityHash = oidcIdentityHash(identity);
        const name = oidc.settings.name;
        let accountId: string;
        let session: string;
        if (pending.purpose === 'login' || pending.token === undefined) {
          const account = await portalAccountByOidcIdentity(deps.db, identityHash);
          if (account === undefined) throw unknownIdentity(name);
          accountId = account.id;
          session = await deps.db.transaction((tx) => createPortalSession(tx, account.id, portalSessionSettings(deps), request.ip, now));
        } else {
          const token = pending.token;
          const linked = await enter(deps.db, ctxOf(request), { kind: 'portal-invitation' }, 'complete', async (scope) => {
            const invitation = await liveInvitation(scope, token);
            const bsnClaim = oidc.settings.bsnClaim;
            // Only the client's BSN is in the dossier (a relation's is not recorded): checked when the provider is to send one.
            if (bsnClaim !== undefined && invitation.relation_id === null) {
              const bsn = await bsnOfClient(scope, invitation.client_id, invitation.organisation_id);
              const claimed = identity.claims[bsnClaim];
              if (bsn !== null && (typeof claimed !== 'string' || !sameString(claimed, bsn))) {
                request.log.warn({ event: 'portal-oidc-bsn-mismatch', accountId: invitation.account_id, claimPresent: claimed !== undefined },
                  'portal OIDC link refused: BSN claim does not match the dossier');
                throw bsnMismatch(name);
              }
            }
            if (await oidcIdentityTaken(scope, identityHash, invitation.account_id)) {
              throw conflict('portal-oidc-identity-taken',
                `Dit ${name}-account is al gekoppeld aan een ander account in Mijn dossier. Kies voor deze uitnodiging een gebruikersnaam en wachtwoord.`,
                `This ${name} account is already connected to another Mijn dossier account. Choose a user name and password for this invitation.`);
            }
            await completeInvitationWithOidc(scope, invitation.id, invitation.account_id, { identity: identityHash, now: scope.now });
            await endAllPortalSessions(scope, invitation.account_id, scope.now);
            const started = await createPortalSession(scope, invitation.account_id, portalSessionSettings(deps), request.ip, scope.now);
            return { accountId: invitation.account_id, session: started };
          });
          accountId = linked.accountId;
          session = linked.session;
          request.log.info({ event: 'portal-invitation-completed', accountId, method: 'oidc' }, 'portal invitation completed through OpenID Connect');
        }
        await attemptSucceeded(deps.db, verdict.ticket, throttleSettings(deps), true);
        setPortalCookie(request, reply, deps.config, session, deps.config.sessionLifetimeMinutes * 60);
        request.log.info({ event: 'portal-login-succeeded', accountId, method: 'oidc' }, 'portal log-in succeeded');
        return await reply.redirect(PORTAL_PAGE, 303);
      } catch (error) {
        if (!(error instanceof AppError)) throw error;
        request.log.info({ event: 'portal-login-failed', step: 'oidc', reason: error.code }, 'portal log-in failed');
        // A browser comes here by the provider's redirect: it gets the portal's page, which words the code.
        if (request.headers.accept?.includes('text/html') === true) return reply.redirect(`${PORTAL_PAGE}?inloggen=${encodeURIComponent(error.code)}`, 303);
        throw error;
      }
    },
  });
}
