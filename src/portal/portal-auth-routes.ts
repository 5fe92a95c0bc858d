/**
 * The client portal's log-in, log-out, "who am I" and invitation links
 * (issue 19, item 1) — the portal realm's own, beside the staff's
 * (auth/auth-routes.ts), whose password, TOTP and throttling code they reuse:
 *
 * 1. `POST /api/portal/auth/login {username, password}` → a one-time challenge
 *    (five minutes, only its hash stored; not a session);
 * 2. `POST /api/portal/auth/login/totp {challenge, code}` → the `dw_portal`
 *    session (always a new id). Both steps are throttled per user name and
 *    address as the staff's are (the user name counted as `portal:<name>`),
 *    and every failure answers the same 401.
 * 3. `POST /api/portal/auth/invitation/open {token}` shows whom the one-time
 *    link is for and a new TOTP secret (sealed into `state`, bound to the
 *    invitation); `POST /api/portal/auth/invitation/complete {token, state,
 *    username, password, code}` sets the password (the staff's policy) and the
 *    second factor, uses the link up, and logs in. A link used twice, expired
 *    or replaced answers 410; an invitee the engine no longer lets in today
 *    (custody ended, the 16th birthday of a parent without custody's child)
 *    answers 403 with the engine's explanation — each attempt a row of the
 *    access log (gate subject `portal-invitation`).
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { createHash, randomBytes } from 'node:crypto';
import { enter } from '../access/gate.js';
import { portalStandingOf } from '../access/gate-portal.js';
import type { PortalInvitationScope, PortalInvitee } from '../access/gate-scope.js';
import { loginFailed, throttled, throttleSettings, totpCodeAlreadyUsed } from '../auth/auth-routes.js';
import { attemptSucceeded, beginAttempt, type ThrottleKeys } from '../auth/login-throttle.js';
import { assertAcceptablePassword, MAX_PASSWORD_LENGTH } from '../auth/password-policy.js';
import { decoyPasswordHash, hashPassword, verifyPassword } from '../auth/passwords.js';
import { matchTotp, newTotpSecret, totpQrCode, totpUri } from '../auth/totp.js';
import { decryptJson, encryptJson } from '../crypto/envelope.js';
import { AppError, badRequest, conflict, forbidden } from '../errors.js';
import type { AppDeps } from '../http/app-deps.js';
import { OneOf } from '../http/schema-helpers.js';
import {
  completeInvitation, invitationByToken, invitationNames, portalAccountById, portalAccountByUsername, portalUsernameTaken, recordPortalTotpStep,
} from './portal-account-store.js';
import {
  clearPortalCookies, portalPublicRoute, portalRoute, portalSessionSettings, portalToken, setPortalCookie,
} from './portal-route.js';
import { openPortalTotpSecret, sealPortalTotpSecret } from './portal-second-factor.js';
import {
  countPortalChallengeAttempt, createPortalSession, endAllPortalSessions, endPortalSession, insertPortalChallenge, livePortalChallenge,
  spendPortalChallenge,
} from './portal-session-store.js';

const CHALLENGE_MINUTES = 5;
const CHALLENGE_ATTEMPTS = 5;

/**
 * The invitation of a token, checked — live, not used, not revoked, not expired, and the invitee still standing by the
 * engine today — with every attempt on a known invitation logged (opening and completing share it, with a password or
 * through the OpenID Connect provider, portal-oidc-routes.ts).
 */
export async function liveInvitation(scope: PortalInvitationScope, token: string) {
  const invitation = await invitationByToken(scope, hashInvitationToken(token));
  if (invitation === undefined) throw invitationInvalid();
  const invitee: PortalInvitee = {
    organisationId: invitation.organisation_id, clientId: invitation.client_id, accountId: invitation.account_id, relationId: invitation.relation_id, invitedBy: invitation.created_by,
  };
  if (invitation.used_at !== null || invitation.revoked_at !== null || invitation.disabled || invitation.expires_at <= scope.now) {
    scope.attempted(invitee, false);
    throw invitationInvalid();
  }
  const standing = await scope.standing(invitee);
  scope.attempted(invitee, standing.allowed, standing);
  if (!standing.allowed) throw forbidden(standing.explanation, 'Not allowed; see the Dutch explanation and the articles in "basis".', standing.basis);
  return invitation;
}

export function hashInvitationToken(token: string): Buffer {
  return createHash('sha256').update(`portal-invitation:${token}`, 'utf8').digest();
}

function hashChallenge(challenge: string): Buffer {
  return createHash('sha256').update(`portal-challenge:${challenge}`, 'utf8').digest();
}

/** The throttle's account key: a portal user name never shares a count with a staff user name. */
export function throttleKeys(username: string | undefined, address: string): ThrottleKeys {
  return { ...(username === undefined ? {} : { username: `portal:${username}` }), address };
}

export const Token = Type.String({ minLength: 20, maxLength: 100, pattern: '^[A-Za-z0-9_-]+$' });
const LoginBody = Type.Object({
  username: Type.String({ minLength: 1, maxLength: 200 }),
  password: Type.String({ minLength: 1, maxLength: MAX_PASSWORD_LENGTH }),
}, { additionalProperties: false });
const ChallengeBody = Type.Object({ challenge: Token, code: Type.String({ minLength: 6, maxLength: 6, pattern: '^[0-9]{6}$' }) }, { additionalProperties: false });
const Challenge = Type.Object({ challenge: Type.String(), next: OneOf(['totp'] as const), expiresAt: Type.String({ format: 'date-time' }) }, { additionalProperties: false });
const Me = Type.Object({
  accountId: Type.String(), kind: OneOf(['client', 'relation'] as const), displayName: Type.String(), clientName: Type.String(),
  relationId: Type.Union([Type.String(), Type.Null()]),
  standing: Type.Object({
    allowed: Type.Boolean({ description: 'Whether the engine gives this person a right to anything in the dossier today.' }),
    explanation: Type.String(), basis: Type.Array(Type.String()),
  }, { additionalProperties: false }),
}, { additionalProperties: false });
const OpenBody = Type.Object({ token: Token }, { additionalProperties: false });
const Opened = Type.Object({
  displayName: Type.String(), clientName: Type.String(), username: Type.Union([Type.String(), Type.Null()]), expiresAt: Type.String({ format: 'date-time' }),
  totp: Type.Object({ otpauthUri: Type.String(), secret: Type.String(), qrCode: Type.String() }, { additionalProperties: false }),
  state: Type.String({ description: 'Send back with `complete`: the TOTP secret, sealed to this invitation.' }),
}, { additionalProperties: false });
const CompleteBody = Type.Object({
  token: Token, state: Type.String({ minLength: 10, maxLength: 2000 }),
  username: Type.String({ minLength: 3, maxLength: 200, pattern: '^[^\\s]+$' }),
  password: Type.String({ minLength: 1, maxLength: MAX_PASSWORD_LENGTH }),
  code: Type.String({ minLength: 6, maxLength: 6, pattern: '^[0-9]{6}$' }),
}, { additionalProperties: false });

function invitationInvalid(): AppError {
  return new AppError('portal-invitation-invalid', 410,
    'Deze uitnodiging werkt niet meer: hij is al gebruikt, verlopen of vervangen door een nieuwe. Vraag uw hulpverlener om een nieuwe uitnodiging.',
    'This invitation no longer works: it was used, has expired or was replaced. Ask your care professional for a new invitation.');
}

const SealedState = Type.Object({ secret: Type.String() });

export function portalAuthRoutes(app: FastifyInstance, deps: AppDeps): void {
  const failed = (request: FastifyRequest, step: string, reason: string): AppError => {
    request.log.info({ event: 'portal-login-failed', step, reason }, 'portal log-in failed');
    return loginFailed();
  };

  portalPublicRoute(app, {
    method: 'POST', url: '/api/portal/auth/login',
    schema: { tags: ['portal'], summary: 'Portal log-in step 1: user name and password; answers a challenge for the TOTP code (no session yet)', body: LoginBody, response: { 200: Challenge } },
    handler: async (request, reply) => {
      const now = deps.now();
      const { username, password } = request.body;
      const verdict = await beginAttempt(deps.db, throttleKeys(username, request.ip), throttleSettings(deps), now);
      if (!verdict.allowed) throw throttled(reply, verdict.retryAfterSeconds);
      const account = await portalAccountByUsername(deps.db, username);
      const passwordOk = await verifyPassword(account?.password_hash ?? await decoyPasswordHash(), password);
      if (account === undefined || !passwordOk) throw failed(request, 'password', 'password');
      await attemptSucceeded(deps.db, verdict.ticket, throttleSettings(deps), false);
      const challenge = randomBytes(32).toString('base64url');
      const expiresAt = new Date(now.getTime() + CHALLENGE_MINUTES * 60_000);
      await insertPortalChallenge(deps.db, { idHash: hashChallenge(challenge), accountId: account.id, createdAt: now, expiresAt });
      return { challenge, next: 'totp' as const, expiresAt: expiresAt.toISOString() };
    },
  });

  portalPublicRoute(app, {
    method: 'POST', url: '/api/portal/auth/login/totp',
    schema: { tags: ['portal'], summary: 'Portal log-in step 2: the TOTP code; starts the portal session (cookie dw_portal)', body: ChallengeBody, response: { 200: Type.Object({ accountId: Type.String() }) } },
    handler: async (request, reply) => {
      const now = deps.now();
      const idHash = hashChallenge(request.body.challenge);
      const accountId = await livePortalChallenge(deps.db, idHash, now);
      const account = accountId === undefined ? undefined : await portalAccountById(deps.db, accountId);
      const verdict = await beginAttempt(deps.db, throttleKeys(account?.username, request.ip), throttleSettings(deps), now);
      if (!verdict.allowed) throw throttled(reply, verdict.retryAfterSeconds);
      if (account === undefined || !await countPortalChallengeAttempt(deps.db, idHash, CHALLENGE_ATTEMPTS)) throw failed(request, 'totp', 'challenge');
      const step = matchTotp(openPortalTotpSecret(deps.masterKey, account.id, account.totp_secret), request.body.code, now);
      if (step === undefined) throw failed(request, 'totp', 'code');
      const token = await deps.db.transaction(async (tx) => {
        if (!await spendPortalChallenge(tx, idHash, now)) return undefined;
        if (!await recordPortalTotpStep(tx, account.id, step)) throw totpCodeAlreadyUsed();
        return createPortalSession(tx, account.id, portalSessionSettings(deps), request.ip, now);
      });
      if (token === undefined) throw failed(request, 'totp', 'spent');
      await attemptSucceeded(deps.db, verdict.ticket, throttleSettings(deps), true);
      setPortalCookie(request, reply, deps.config, token, deps.config.sessionLifetimeMinutes * 60);
      request.log.info({ event: 'portal-login-succeeded', accountId: account.id }, 'portal log-in succeeded');
      return { accountId: account.id };
    },
  });

  portalRoute(app, deps, {
    method: 'GET', url: '/api/portal/auth/me',
    schema: { tags: ['portal'], summary: 'The logged-in portal user, and whether the engine gives them a right to anything today', response: { 200: Me } },
    intent: () => ({ action: 'account' }),
    handler: async (scope) => {
      const standing = await portalStandingOf(scope, scope.account.relationId);
      return {
        accountId: scope.account.id, kind: scope.account.kind, displayName: scope.account.displayName, clientName: scope.account.clientName ?? scope.account.displayName,
        relationId: scope.account.relationId, standing: { allowed: standing.allowed, explanation: standing.explanation, basis: [...standing.basis] },
      };
    },
  });

  portalRoute(app, deps, {
    method: 'POST', url: '/api/portal/auth/logout',
    schema: { tags: ['portal'], summary: 'End the portal session', response: { 204: Type.Null() } },
    intent: () => ({ action: 'account' }),
    handler: async (scope, request, reply) => {
      const token = portalToken(request, deps.config);
      if (token !== undefined) await endPortalSession(scope, token, scope.now);
      clearPortalCookies(reply);
      reply.code(204);
      return null;
    },
  });

  const ctxOf = (request: FastifyRequest) => ({ route: `${request.method} ${request.routeOptions.url ?? ''}`, address: request.ip, now: deps.now() });

  portalPublicRoute(app, {
    method: 'POST', url: '/api/portal/auth/invitation/open',
    schema: { tags: ['portal'], summary: 'Open a one-time invitation link: whom it is for, and a new TOTP secret to scan', body: OpenBody, response: { 200: Opened } },
    handler: (request) => enter(deps.db, ctxOf(request), { kind: 'portal-invitation' }, 'open', async (scope) => {
      const invitation = await liveInvitation(scope, request.body.token);
      const names = await invitationNames(scope, invitation.client_id, invitation.relation_id);
      const secret = newTotpSecret();
      const state = encryptJson(deps.masterKey, { secret }, `portal-invitation:${invitation.id}`).toString('base64url');
      const label = names?.username ?? names?.display_name ?? 'cliëntportaal';
      const otpauthUri = totpUri(secret, label);
      return {
        displayName: names?.display_name ?? '', clientName: names?.client_name ?? '', username: names?.username ?? null,
        expiresAt: invitation.expires_at.toISOString(), totp: { otpauthUri, secret, qrCode: await totpQrCode(otpauthUri) }, state,
      };
    }),
  });

  portalPublicRoute(app, {
    method: 'POST', url: '/api/portal/auth/invitation/complete',
    schema: {
      tags: ['portal'], summary: 'Complete a one-time invitation: user name, password (the staff policy) and the first TOTP code; uses the link up and logs in',
      body: CompleteBody, response: { 200: Type.Object({ accountId: Type.String() }) },
    },
    handler: async (request, reply) => {
      const { token, state, username, password, code } = request.body;
      const now = deps.now();
      // Throttled per address like a log-in: the link is long and random, but a guessed code must not be tried endlessly.
      const verdict = await beginAttempt(deps.db, throttleKeys(undefined, request.ip), throttleSettings(deps), now);
      if (!verdict.allowed) throw throttled(reply, verdict.retryAfterSeconds);
      const passwordHash = await hashPassword(password);
      const result = await enter(deps.db, ctxOf(request), { kind: 'portal-invitation' }, 'complete', async (scope) => {
        const invitation = await liveInvitation(scope, token);
        let secret: string;
        try {
          secret = decryptJson(deps.masterKey, Buffer.from(state, 'base64url'), `portal-invitation:${invitation.id}`, SealedState).secret;
        } catch {
          throw badRequest('enrolment-state-invalid', 'state', 'Open de uitnodiging opnieuw en scan de nieuwe code.', 'Open the invitation again and scan the new code.');
        }
        const step = matchTotp(secret, code, scope.now);
        if (step === undefined) {
          throw badRequest('enrolment-code-wrong', 'code', 'Deze code klopt niet. Vul de code in die uw app nu toont.', 'This code is wrong. Enter the code your app shows now.');
        }
        assertAcceptablePassword(password, 'password', username);
        if (await portalUsernameTaken(scope, username, invitation.account_id)) {
          throw conflict('portal-username-taken', 'Deze gebruikersnaam is al in gebruik. Kies een andere.', 'This user name is taken. Choose another.');
        }
        await completeInvitation(scope, invitation.id, invitation.account_id, {
          username, passwordHash, totpSecret: sealPortalTotpSecret(deps.masterKey, invitation.account_id, secret), totpStep: step, now: scope.now,
        });
        await endAllPortalSessions(scope, invitation.account_id, scope.now);
        return { accountId: invitation.account_id, session: await createPortalSession(scope, invitation.account_id, portalSessionSettings(deps), request.ip, scope.now) };
      });
      await attemptSucceeded(deps.db, verdict.ticket, throttleSettings(deps), false);
      setPortalCookie(request, reply, deps.config, result.session, deps.config.sessionLifetimeMinutes * 60);
      request.log.info({ event: 'portal-invitation-completed', accountId: result.accountId }, 'portal invitation completed');
      return { accountId: result.accountId };
    },
  });
}
