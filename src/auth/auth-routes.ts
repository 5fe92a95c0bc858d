/**
 * Log-in in two steps, log-out, "who am I" and password change.
 *
 * 1. `POST /api/auth/login {username, password}` checks the password and
 *    answers a one-time challenge (five minutes; only its hash is stored). It is
 *    not a session: no cookie is set and it opens no route.
 * 2. `POST /api/auth/login/totp {challenge, code}` takes a TOTP code (RFC 6238)
 *    or a recovery code and only then starts a session (a new random id every
 *    time: no session fixation). Without a second factor yet, step 1 answers
 *    `next: 'enrol'` with a fresh secret (otpauth:// URI and QR code), and
 *    `POST /api/auth/login/enrol {challenge, code}` confirms it and returns ten
 *    recovery codes, once. NEN 7510-2 (A.9.4.2) requires two factors for access
 *    to health data; nothing skips the second, demo mode included.
 *
 * Sessions are server-side; the cookie is HttpOnly, SameSite=Strict, and
 * Secure with the `__Host-` prefix over TLS (behind a reverse proxy: when the
 * proxy is trusted through DW_TRUST_PROXY, or DW_PUBLIC_URL is https://). Every failure — wrong password,
 * unknown account, wrong, replayed or spent code, expired or unknown challenge —
 * answers the same 401; throttled attempts answer 429 whether or not the
 * account exists (see login-throttle.ts).
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { createHash, randomBytes } from 'node:crypto';
import { AppError, unauthorized } from '../errors.js';
import { enter } from '../access/gate.js';
import {
  enrolFirstTotpSecret, loginAccount, loginEmployee, ownRolePending, passwordOf, storeOwnPassword,
} from '../organisation/employee-store.js';
import type { Config } from '../config/config.js';
import type { AppDeps } from '../http/app-deps.js';
import { gatedRoute, publicRoute } from '../http/gated-route.js';
import { OneOf } from '../http/schema-helpers.js';
import { servedOverTls } from '../http/tls.js';
import { csrfRefused, isCsrfSafe } from './csrf.js';
import { countChallengeAttempt, insertChallenge, liveChallenge, spendChallenge } from './login-challenge-store.js';
import { attemptSucceeded, beginAttempt, type AttemptTicket, type ThrottleKeys, type ThrottleSettings } from './login-throttle.js';
import { assertAcceptablePassword, MAX_PASSWORD_LENGTH } from './password-policy.js';
import { decoyPasswordHash, hashPassword, verifyPassword } from './passwords.js';
import { acceptTotpStep, issueRecoveryCodes, openTotpSecret, sealTotpSecret, useRecoveryCode } from './second-factor.js';
import { createSession, endAllSessions, endOwnSession, resolveSessionStateInItsScope } from './session-store.js';
import type { SessionSettings } from './sessions.js';
import { matchTotp, newTotpSecret, TOTP_PERIOD_SECONDS, totpQrCode, totpUri } from './totp.js';

const PLAIN_COOKIE = 'dw_session';
const TLS_COOKIE = '__Host-dw_session';
/** How long the step between password and code may take. */
const CHALLENGE_MINUTES = 5;
/** Codes tried against one challenge before it is spent (the throttle counts them too). */
const CHALLENGE_ATTEMPTS = 5;

/**
 * The session token from the cookie. Over TLS only the `__Host-` cookie counts:
 * the prefix guarantees it was set by us, over TLS, for this host alone, while
 * a plain-named cookie could have been planted by a sibling subdomain or over
 * plain HTTP (cookie tossing). Over plain HTTP either name is read.
 */
export function sessionToken(request: FastifyRequest, config: Pick<Config, 'publicUrl'>): string | undefined {
  if (servedOverTls(request, config)) return request.cookies[TLS_COOKIE];
  return request.cookies[TLS_COOKIE] ?? request.cookies[PLAIN_COOKIE];
}

/** `__Host-` requires Secure, Path=/ and no Domain (RFC 6265bis §4.1.3.2): the cookie belongs to this host alone. */
export function setSessionCookie(request: FastifyRequest, reply: FastifyReply, config: Pick<Config, 'publicUrl'>, token: string, maxAgeSeconds: number): void {
  const tls = servedOverTls(request, config);
  reply.setCookie(tls ? TLS_COOKIE : PLAIN_COOKIE, token, { path: '/', httpOnly: true, sameSite: 'strict', secure: tls, maxAge: maxAgeSeconds });
}

function clearSessionCookies(reply: FastifyReply): void {
  reply.clearCookie(PLAIN_COOKIE, { path: '/' });
  reply.clearCookie(TLS_COOKIE, { path: '/', secure: true });
}

const LoginBody = Type.Object({
  username: Type.String({ minLength: 1, maxLength: 200 }),
  password: Type.String({ minLength: 1, maxLength: MAX_PASSWORD_LENGTH }),
}, { additionalProperties: false });

const ChallengeBody = Type.Object({
  challenge: Type.String({ minLength: 20, maxLength: 100, pattern: '^[A-Za-z0-9_-]+$' }),
  /** Six digits from the authenticator app, or a recovery code (`xxxxx-xxxxx`). */
  code: Type.String({ minLength: 6, maxLength: 40 }),
}, { additionalProperties: false });

const PasswordChangeBody = Type.Object({
  currentPassword: Type.String({ minLength: 1, maxLength: MAX_PASSWORD_LENGTH }),
  newPassword: Type.String({ minLength: 1, maxLength: MAX_PASSWORD_LENGTH }),
}, { additionalProperties: false });

const Challenge = Type.Object({
  challenge: Type.String({ description: 'One-time id for step 2; valid for five minutes. Not a session.' }),
  next: OneOf(['totp', 'enrol'] as const),
  expiresAt: Type.String({ format: 'date-time' }),
  enrolment: Type.Optional(Type.Object({
    otpauthUri: Type.String(),
    secret: Type.String({ description: 'The same secret in base32, for typing into an authenticator app.' }),
    qrCode: Type.String({ description: 'The otpauth URI as a QR code: a data:image/png;base64 URL.' }),
  }, { additionalProperties: false })),
}, { additionalProperties: false });

const meProperties = {
  employeeId: Type.String(), organisationId: Type.String(), role: Type.String(), displayName: Type.String(),
  rolePending: Type.Boolean({ description: 'True for a new account whose privileged role awaits a second person\'s approval: every other route is refused until then.' }),
};
const Me = Type.Object(meProperties, { additionalProperties: false });
const EnrolResult = Type.Object({
  ...meProperties,
  recoveryCodes: Type.Array(Type.String(), { description: 'Ten one-time recovery codes, shown this once.' }),
}, { additionalProperties: false });

export function loginFailed(): AppError {
  return new AppError('login-failed', 401, 'Inloggen is niet gelukt. Controleer uw gegevens en probeer het opnieuw.', 'Log-in failed. Check your details and try again.');
}

/**
 * A right code of a step already used (RFC 6238 §5.2: a code is accepted once). Said plainly rather than
 * the generic 401 because only someone who passed the password step holds a challenge, and what it reveals —
 * that this code was valid a moment ago — opens nothing: the step is spent. The challenge stays usable
 * (the transaction rolls back), so the next code in the same form logs in.
 */
export function totpCodeAlreadyUsed(): AppError {
  return new AppError('totp-code-used', 401,
    `Deze code is al gebruikt. Een code werkt één keer per ${TOTP_PERIOD_SECONDS} seconden: wacht tot uw app een nieuwe code toont en vul die in.`,
    `This code has already been used. A code works once per ${TOTP_PERIOD_SECONDS} seconds: wait for your app to show a new code and enter that.`);
}

/**
 * Throttled attempts answer 429 rather than a disguised 401: throttling falls
 * on user names whether or not they exist, so the status reveals nothing about
 * accounts, and an honest answer tells a locked-out employee to wait, not to
 * doubt their password.
 */
export function throttled(reply: FastifyReply, retryAfterSeconds: number): AppError {
  void reply.header('retry-after', String(retryAfterSeconds));
  return new AppError('login-throttled', 429,
    'Te veel inlogpogingen. Wacht even en probeer het dan opnieuw.', 'Too many log-in attempts. Wait a while and try again.');
}

/** Routes open to a session whose role awaits approval. */
const OPEN_WHILE_ROLE_PENDING = new Set(['/api/auth/password', '/api/auth/me', '/api/auth/logout']);

export function sessionSettings(deps: Pick<AppDeps, 'config'>): SessionSettings {
  return { idleMinutes: deps.config.sessionIdleMinutes, lifetimeMinutes: deps.config.sessionLifetimeMinutes };
}

export function throttleSettings(deps: AppDeps): ThrottleSettings {
  const c = deps.config;
  return {
    windowMinutes: c.loginThrottleWindowMinutes, accountFailures: c.loginThrottleAccountFailures,
    addressFailures: c.loginThrottleAddressFailures, maxBlockSeconds: c.loginThrottleMaxSeconds,
  };
}

function hashChallenge(challenge: string): Buffer {
  return createHash('sha256').update(challenge, 'utf8').digest();
}

/**
 * Resolves the session cookie to `request.actor` before every protected /api
 * route, after the CSRF check for state-changing requests (csrf.ts).
 */
export function installAuthentication(app: FastifyInstance, deps: AppDeps): void {
  app.decorateRequest('actor', undefined);
  app.addHook('onRequest', async (request) => {
    // Decided on the matched route, never on request.url: the router takes `/%61pi/…` for /api (issue 13).
    // Every state-changing request needs the CSRF header, whatever its path; a route needs a session unless
    // it is public; a URL that matches no route goes on to the 404 without one.
    // A portal route (`/api/portal/...`, issue 19) is the portal realm's: its own cookie, session and CSRF header
    // (portal/portal-route.ts). This hook neither reads a portal session nor demands a staff one there.
    if (request.routeOptions.config.portal === true) return;
    if (!isCsrfSafe(request)) throw csrfRefused();
    if (request.routeOptions.url === undefined || request.routeOptions.config.public === true) return;
    const token = sessionToken(request, deps.config);
    const state = token === undefined ? undefined : await resolveSessionStateInItsScope(deps.db, token, sessionSettings(deps), deps.now());
    if (state === undefined) throw unauthorized();
    if (!OPEN_WHILE_ROLE_PENDING.has(request.routeOptions.url ?? '')) {
      // The puppet reproduction of issue 14: an account the administrator made a manager has no rights until a second
      // person approves. The gate's account subject decides it and logs a refusal.
      const ctx = { actor: state.actor, route: `${request.method} ${request.routeOptions.url ?? ''}`, address: request.ip, now: deps.now() };
      await enter(deps.db, ctx, { kind: 'account', rolePending: state.rolePending }, 'act', () => Promise.resolve());
    }
    request.actor = state.actor;
  });
}

interface ChallengeRow {
  employeeId: string;
  username: string;
  organisationId: string;
  role: string;
  displayName: string;
  rolePending: boolean;
  totpSecret: Buffer | null;
  pendingSecret: Buffer | null;
}

export function authRoutes(app: FastifyInstance, deps: AppDeps): void {
  /** Loads a live challenge of `kind`, counting the attempt against it and the throttle; throws the generic 401 otherwise. */
  async function openChallenge(request: FastifyRequest, reply: FastifyReply, challenge: string, kind: 'totp' | 'enrol'): Promise<{ row: ChallengeRow; ticket: AttemptTicket }> {
    const now = deps.now();
    const idHash = hashChallenge(challenge);
    const live = await liveChallenge(deps.db, idHash, kind, now);
    const employee = live === undefined ? undefined : await loginEmployee(deps.db, live.employee_id);
    const row: ChallengeRow | undefined = live === undefined || employee === undefined
      ? undefined
      : { employeeId: live.employee_id, pendingSecret: live.pending_secret, ...employee };
    const keys: ThrottleKeys = { ...(row === undefined ? {} : { username: row.username }), address: request.ip };
    const verdict = await beginAttempt(deps.db, keys, throttleSettings(deps), now);
    if (!verdict.allowed) throw throttled(reply, verdict.retryAfterSeconds);
    if (row === undefined) throw failed(request, kind, 'challenge');
    if (!await countChallengeAttempt(deps.db, idHash, CHALLENGE_ATTEMPTS)) throw failed(request, kind, 'challenge');
    return { row, ticket: verdict.ticket };
  }

  /** The generic 401; the server log notes which step failed (never the name, password or code). */
  function failed(request: FastifyRequest, step: string, reason: string): AppError {
    request.log.info({ event: 'login-failed', step, reason }, 'log-in failed');
    return loginFailed();
  }

  /** Sets the new session's cookie and takes the attempt's throttle count back. */
  async function finishLogin(request: FastifyRequest, reply: FastifyReply, token: string, row: ChallengeRow, ticket: AttemptTicket) {
    await attemptSucceeded(deps.db, ticket, throttleSettings(deps), true);
    setSessionCookie(request, reply, deps.config, token, deps.config.sessionLifetimeMinutes * 60);
    request.log.info({ event: 'login-succeeded', employeeId: row.employeeId }, 'log-in succeeded');
    return {
      employeeId: row.employeeId, organisationId: row.organisationId, role: row.role, displayName: row.displayName,
      rolePending: row.rolePending,
    };
  }

  publicRoute(app, {
    method: 'POST', url: '/api/auth/login',
    schema: {
      tags: ['auth'], summary: 'Log-in step 1: username and password; answers a challenge for the second factor (no session yet)',
      body: LoginBody, response: { 200: Challenge },
    },
    handler: (request, reply) => logIn(request, reply, request.body),
  });

  async function logIn(request: FastifyRequest, reply: FastifyReply, { username, password }: { username: string; password: string }) {
    const now = deps.now();
    const keys: ThrottleKeys = { username, address: request.ip };
    const verdict = await beginAttempt(deps.db, keys, throttleSettings(deps), now);
    if (!verdict.allowed) throw throttled(reply, verdict.retryAfterSeconds);
    const employee = await loginAccount(deps.db, username);
    // Verify against a decoy when there is no account, so the answer takes as long either way.
    const passwordOk = await verifyPassword(employee?.passwordHash ?? await decoyPasswordHash(), password);
    if (employee === undefined || !employee.active || employee.passwordHash === null || !passwordOk) throw failed(request, 'password', 'password');
    await attemptSucceeded(deps.db, verdict.ticket, throttleSettings(deps), false);

    const challenge = randomBytes(32).toString('base64url');
    const expiresAt = new Date(now.getTime() + CHALLENGE_MINUTES * 60_000);
    const enrolSecret = employee.totpSecret === null ? newTotpSecret() : undefined;
    await insertChallenge(deps.db, {
      idHash: hashChallenge(challenge), employeeId: employee.id, kind: enrolSecret === undefined ? 'totp' : 'enrol',
      pendingSecret: enrolSecret === undefined ? null : sealTotpSecret(deps.masterKey, employee.id, enrolSecret, true), createdAt: now, expiresAt,
    });
    if (enrolSecret === undefined) return { challenge, next: 'totp' as const, expiresAt: expiresAt.toISOString() };
    const otpauthUri = totpUri(enrolSecret, username);
    return { challenge, next: 'enrol' as const, expiresAt: expiresAt.toISOString(), enrolment: { otpauthUri, secret: enrolSecret, qrCode: await totpQrCode(otpauthUri) } };
  }

  publicRoute(app, {
    method: 'POST', url: '/api/auth/login/totp',
    schema: { tags: ['auth'], summary: 'Log-in step 2: a TOTP code (RFC 6238) or a recovery code; starts the session', body: ChallengeBody, response: { 200: Me } },
    handler: (request, reply) => logInWithCode(request, reply, request.body),
  });

  async function logInWithCode(request: FastifyRequest, reply: FastifyReply, { challenge, code }: { challenge: string; code: string }) {
    const { row, ticket } = await openChallenge(request, reply, challenge, 'totp');
    const now = deps.now();
    const secret = row.totpSecret === null ? undefined : openTotpSecret(deps.masterKey, row.employeeId, row.totpSecret);
    const isTotp = /^[0-9]{6}$/.test(code);
    const step = isTotp && secret !== undefined ? matchTotp(secret, code, now) : undefined;
    if (isTotp && step === undefined) throw failed(request, 'totp', 'code');
    const token = await deps.db.transaction(async (tx) => {
      if (!await spendChallenge(tx, hashChallenge(challenge), now)) return undefined;
      const accepted = step === undefined ? await useRecoveryCode(tx, row.employeeId, code, now) : await acceptTotpStep(tx, row.employeeId, step);
      if (!accepted && step !== undefined) {
        // Thrown, not returned: the rollback leaves the challenge unspent for the next code.
        request.log.info({ event: 'login-failed', step: 'totp', reason: 'replayed' }, 'log-in failed');
        throw totpCodeAlreadyUsed();
      }
      if (!accepted) return undefined;
      return createSession(tx, row.employeeId, sessionSettings(deps), request.ip, now);
    });
    if (token === undefined) throw failed(request, 'totp', step === undefined ? 'recovery-code' : 'replayed-or-spent');
    return finishLogin(request, reply, token, row, ticket);
  }

  publicRoute(app, {
    method: 'POST', url: '/api/auth/login/enrol',
    schema: { tags: ['auth'], summary: 'Log-in step 2 at first log-in: confirm the new TOTP secret with a code; answers ten recovery codes once', body: ChallengeBody, response: { 200: EnrolResult } },
    handler: (request, reply) => enrolAndLogIn(request, reply, request.body),
  });

  async function enrolAndLogIn(request: FastifyRequest, reply: FastifyReply, { challenge, code }: { challenge: string; code: string }) {
    const { row, ticket } = await openChallenge(request, reply, challenge, 'enrol');
    const now = deps.now();
    if (row.pendingSecret === null) throw failed(request, 'enrol', 'challenge');
    const secret = openTotpSecret(deps.masterKey, row.employeeId, row.pendingSecret, true);
    const step = matchTotp(secret, code, now);
    if (step === undefined) throw failed(request, 'enrol', 'code');
    const result = await deps.db.transaction(async (tx) => {
      if (!await spendChallenge(tx, hashChallenge(challenge), now)) return undefined;
      // Only when no factor was enrolled meanwhile (another challenge, or the same secret twice).
      if (!await enrolFirstTotpSecret(tx, row.employeeId, sealTotpSecret(deps.masterKey, row.employeeId, secret), now, step)) return undefined;
      const recoveryCodes = await issueRecoveryCodes(tx, row.employeeId, now);
      return { recoveryCodes, token: await createSession(tx, row.employeeId, sessionSettings(deps), request.ip, now) };
    });
    if (result === undefined) throw failed(request, 'enrol', 'spent');
    request.log.info({ event: 'totp-enrolled', employeeId: row.employeeId }, 'second factor enrolled');
    return { ...await finishLogin(request, reply, result.token, row, ticket), recoveryCodes: result.recoveryCodes };
  }

  // The caller's own session: the own subject (no client data, so no row), for every session that has an actor —
  // also one whose role awaits approval (OPEN_WHILE_ROLE_PENDING).
  gatedRoute(app, deps, {
    method: 'POST', url: '/api/auth/logout',
    schema: { tags: ['auth'], summary: 'End the current session', response: { 204: Type.Null() } },
    kind: 'own', subject: () => ({ kind: 'own' }), intent: () => ({ action: 'record', part: 'administrative-data' }),
    handler: async (scope, request, reply) => {
      const token = sessionToken(request, deps.config);
      if (token !== undefined) await endOwnSession(scope, token);
      clearSessionCookies(reply);
      reply.code(204);
      return null;
    },
  });

  gatedRoute(app, deps, {
    method: 'GET', url: '/api/auth/me',
    schema: { tags: ['auth'], summary: 'The logged-in employee', response: { 200: Me } },
    kind: 'own', subject: () => ({ kind: 'own' }), intent: () => ({ action: 'read', part: 'administrative-data' }),
    handler: async (scope) => {
      const { employeeId, organisationId, role, displayName } = scope.actor;
      return { employeeId, organisationId, role, displayName, rolePending: await ownRolePending(scope) ?? false };
    },
  });

  gatedRoute(app, deps, {
    method: 'POST', url: '/api/auth/password',
    schema: {
      tags: ['auth'], summary: 'Change your password: ends all your sessions and starts a new one (new cookie)',
      body: PasswordChangeBody, response: { 204: Type.Null() },
    },
    // 'read': no transaction around the work — a wrong current password must still count against the throttle, and
    // the change opens its own transaction below.
    kind: 'own', subject: () => ({ kind: 'own' }), intent: () => ({ action: 'read', part: 'administrative-data' }),
    handler: async (scope, request, reply) => {
      const { currentPassword, newPassword } = request.body;
      const now = scope.now;
      const employeeId = scope.actor.employeeId;
      const employee = await passwordOf(deps.db, employeeId);
      if (employee === undefined) throw unauthorized();
      // A stolen session must not become a way to guess the password: the same throttle as the log-in.
      const keys: ThrottleKeys = { username: employee.username, address: request.ip };
      const verdict = await beginAttempt(deps.db, keys, throttleSettings(deps), now);
      if (!verdict.allowed) throw throttled(reply, verdict.retryAfterSeconds);
      if (employee.passwordHash === null || !await verifyPassword(employee.passwordHash, currentPassword)) throw failed(request, 'password-change', 'password');
      await attemptSucceeded(deps.db, verdict.ticket, throttleSettings(deps), false);
      assertAcceptablePassword(newPassword, 'newPassword', employee.username);
      if (newPassword === currentPassword) {
        throw new AppError('password-unchanged', 400, 'Kies een nieuw wachtwoord dat verschilt van het huidige.', 'Choose a new password that differs from the current one.',
          { field: 'newPassword', errors: [{ field: 'newPassword', nl: 'Kies een nieuw wachtwoord dat verschilt van het huidige.', en: 'Choose a new password that differs from the current one.' }] });
      }
      const newHash = await hashPassword(newPassword);
      // Every session ends, this one included (a thief's copy of it too); the caller continues in a new one.
      const token = await deps.db.transaction(async (tx) => {
        await storeOwnPassword(tx, employeeId, newHash, now);
        await endAllSessions(tx, employeeId, now);
        return createSession(tx, employeeId, sessionSettings(deps), request.ip, now);
      });
      setSessionCookie(request, reply, deps.config, token, deps.config.sessionLifetimeMinutes * 60);
      request.log.info({ event: 'password-changed', employeeId }, 'password changed');
      reply.code(204);
      return null;
    },
  });
}
