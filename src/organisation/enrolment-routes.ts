/**
 * The employee's side of an enrolment link (enrolment.ts). Public routes: the
 * link is the proof of who is enrolling. The token travels in the request
 * body, never in a URL (the web page keeps it in the fragment).
 *
 * 1. `POST /api/enrolment/open {token}`: who the link is for, and a fresh TOTP
 *    secret (otpauth URI, QR code) with an opaque `state` to send back.
 * 2. `POST /api/enrolment/complete {token, state, password, code}`: the
 *    employee's own password (password policy) and a code from their app; the
 *    link is spent, ten recovery codes are shown once, and a session starts.
 *    The completion is a row in the hash-chained log (the employee themselves,
 *    with the address), so a link used by someone else shows.
 * A dead link (used, expired, revoked, five wrong codes) answers 410.
 */
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { MAX_PASSWORD_LENGTH } from '../auth/password-policy.js';
import { sessionSettings, setSessionCookie } from '../auth/auth-routes.js';
import { createSession } from '../auth/session-store.js';
import type { AppDeps } from '../http/app-deps.js';
import { publicRoute } from '../http/gated-route.js';
import { enter } from '../access/gate.js';
import { openEnrolment, prepareEnrolment, spendEnrolment } from './enrolment.js';

const Token = () => Type.String({ minLength: 20, maxLength: 100, pattern: '^[A-Za-z0-9_-]+$' });
const OpenBody = Type.Object({ token: Token() }, { additionalProperties: false });
const CompleteBody = Type.Object({
  token: Token(),
  state: Type.String({ minLength: 20, maxLength: 1000, pattern: '^[A-Za-z0-9_-]+$', description: 'As `open` answered it.' }),
  password: Type.String({ minLength: 1, maxLength: MAX_PASSWORD_LENGTH }),
  code: Type.String({ minLength: 6, maxLength: 6, pattern: '^[0-9]{6}$', description: 'Six digits from the authenticator app.' }),
}, { additionalProperties: false });

const Opened = Type.Object({
  username: Type.String(), displayName: Type.String(), expiresAt: Type.String({ format: 'date-time' }),
  totp: Type.Object({
    otpauthUri: Type.String(),
    secret: Type.String({ description: 'The same secret in base32, for typing into an authenticator app.' }),
    qrCode: Type.String({ description: 'The otpauth URI as a QR code: a data:image/png;base64 URL.' }),
  }, { additionalProperties: false }),
  state: Type.String(),
}, { additionalProperties: false });

const Completed = Type.Object({
  employeeId: Type.String(), username: Type.String(),
  recoveryCodes: Type.Array(Type.String(), { description: 'Ten one-time recovery codes, shown this once.' }),
}, { additionalProperties: false });

export function enrolmentRoutes(app: FastifyInstance, deps: AppDeps): void {
  const tags = ['auth'];

  publicRoute(app, {
    method: 'POST', url: '/api/enrolment/open',
    schema: { tags, summary: 'Open a one-time enrolment link: who it is for, and a new TOTP secret to add to an authenticator app', body: OpenBody, response: { 200: Opened } },
    handler: (request) => openEnrolment(deps.db, deps.masterKey, request.body.token, deps.now()),
  });

  publicRoute(app, {
    method: 'POST', url: '/api/enrolment/complete',
    schema: {
      tags, summary: 'Complete an enrolment link: your own password and the code from your app; starts a session and answers ten recovery codes once',
      body: CompleteBody, response: { 200: Completed },
    },
    handler: async (request, reply) => {
      const body = request.body;
      const now = deps.now();
      const prepared = await prepareEnrolment(deps.db, deps.masterKey, body, now);
      // The enrolment subject: the completion, the new session and the log row (the employee, with the address) in one transaction.
      const ctx = { route: `${request.method} ${request.routeOptions.url ?? ''}`, address: request.ip, now };
      const { done, token } = await enter(deps.db, ctx, { kind: 'enrolment' }, 'complete', async (scope) => {
        const completed = await spendEnrolment(scope, deps.masterKey, prepared);
        return { done: completed, token: await createSession(scope, completed.employeeId, sessionSettings(deps), request.ip, now) };
      });
      setSessionCookie(request, reply, deps.config, token, deps.config.sessionLifetimeMinutes * 60);
      request.log.info({ event: 'enrolment-completed', employeeId: done.employeeId }, 'enrolment completed');
      return { employeeId: done.employeeId, username: done.username, recoveryCodes: done.recoveryCodes };
    },
  });
}
