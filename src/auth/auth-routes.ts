/**
 * Log-in, log-out and "who am I". Sessions are server-side; the cookie is
 * HttpOnly, SameSite=Strict, and Secure with the `__Host-` prefix over TLS.
 * Failed log-ins never say whether the account exists or which part was wrong.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { Type, type Static } from 'typebox';
import { AppError, unauthorized } from '../errors.js';
import type { AppDeps } from '../http/app-deps.js';
import { decoyPasswordHash, verifyPassword } from './passwords.js';
import { createSession, endSession, resolveSession } from './sessions.js';

const PLAIN_COOKIE = 'dw_session';
const TLS_COOKIE = '__Host-dw_session';

export function sessionToken(request: FastifyRequest): string | undefined {
  return request.cookies[TLS_COOKIE] ?? request.cookies[PLAIN_COOKIE];
}

function setSessionCookie(request: FastifyRequest, reply: FastifyReply, token: string, maxAgeSeconds: number): void {
  const tls = request.protocol === 'https';
  reply.setCookie(tls ? TLS_COOKIE : PLAIN_COOKIE, token, { path: '/', httpOnly: true, sameSite: 'strict', secure: tls, maxAge: maxAgeSeconds });
}

function clearSessionCookies(reply: FastifyReply): void {
  reply.clearCookie(PLAIN_COOKIE, { path: '/' });
  reply.clearCookie(TLS_COOKIE, { path: '/', secure: true });
}

const LoginBody = Type.Object({
  username: Type.String({ minLength: 1, maxLength: 200 }),
  password: Type.String({ minLength: 1, maxLength: 1000 }),
}, { additionalProperties: false });

const Me = Type.Object({
  employeeId: Type.String(), organisationId: Type.String(), role: Type.String(), displayName: Type.String(),
});

function loginFailed(): AppError {
  return new AppError('login-failed', 401, 'Inloggen is niet gelukt. Controleer uw gegevens en probeer het opnieuw.', 'Log-in failed. Check your details and try again.');
}

/** Resolves the session cookie to `request.actor` before every protected /api route. */
export function installAuthentication(app: FastifyInstance, deps: AppDeps): void {
  app.decorateRequest('actor', undefined);
  app.addHook('onRequest', async (request) => {
    if (request.routeOptions.config.public === true || !request.url.startsWith('/api/')) return;
    const token = sessionToken(request);
    const settings = { idleMinutes: deps.config.sessionIdleMinutes, lifetimeMinutes: deps.config.sessionLifetimeMinutes };
    const actor = token === undefined ? undefined : await resolveSession(deps.db, token, settings, deps.now());
    if (actor === undefined) throw unauthorized();
    request.actor = actor;
  });
}

export function authRoutes(app: FastifyInstance, deps: AppDeps): void {
  app.post('/api/auth/login', {
    config: { public: true },
    schema: { tags: ['auth'], summary: 'Log in with username and password', body: LoginBody, response: { 200: Me } },
  }, async (request, reply) => {
    const { username, password } = request.body as Static<typeof LoginBody>;
    const rows = await deps.db.query<{ id: string; organisation_id: string; role: string; display_name: string; password_hash: string | null; active: boolean }>(
      'SELECT id, organisation_id, role, display_name, password_hash, active FROM org.employees WHERE username = $1', [username]);
    const employee = rows[0];
    const hash = employee?.password_hash ?? await decoyPasswordHash();
    const passwordOk = await verifyPassword(hash, password);
    if (employee === undefined || !employee.active || employee.password_hash === null || !passwordOk) throw loginFailed();
    const now = deps.now();
    const token = await createSession(deps.db, employee.id, { idleMinutes: deps.config.sessionIdleMinutes, lifetimeMinutes: deps.config.sessionLifetimeMinutes }, request.ip, now);
    setSessionCookie(request, reply, token, deps.config.sessionLifetimeMinutes * 60);
    return { employeeId: employee.id, organisationId: employee.organisation_id, role: employee.role, displayName: employee.display_name };
  });

  app.post('/api/auth/logout', {
    schema: { tags: ['auth'], summary: 'End the current session', response: { 204: Type.Null() } },
  }, async (request, reply) => {
    const token = sessionToken(request);
    if (token !== undefined) await endSession(deps.db, token, deps.now());
    clearSessionCookies(reply);
    return reply.code(204).send();
  });

  app.get('/api/auth/me', {
    schema: { tags: ['auth'], summary: 'The logged-in employee', response: { 200: Me } },
  }, (request) => {
    if (request.actor === undefined) throw unauthorized();
    const { employeeId, organisationId, role, displayName } = request.actor;
    return Promise.resolve({ employeeId, organisationId, role, displayName });
  });
}
