/**
 * The portal's realm on the HTTP side (issue 19): its cookie (`dw_portal`, or
 * `__Host-dw_portal` over TLS), its CSRF header, and `portalRoute`, the way to
 * register an `/api/portal/...` route whose handler runs inside the gate's
 * portal door (access/gate-portal.ts) for the account behind the cookie.
 *
 * Apart from the staff's in every respect: the staff authentication hook
 * (auth/auth-routes.ts) skips routes marked `config.portal` and never reads
 * this cookie, so a portal session opens no staff route (401) and a staff
 * session no portal route (401). State-changing portal requests carry
 * `x-dossierwijzer-portal-csrf: 1` instead of the staff header (csrf.ts has
 * the reasoning: a custom header needs a CORS preflight this server never
 * approves; the cookie is SameSite=Strict besides).
 */
import type { FastifyInstance, FastifyReply, FastifyRequest, FastifySchema, HTTPMethods, onRequestAsyncHookHandler, RouteHandlerMethod } from 'fastify';
import { enter } from '../access/gate.js';
import type { PortalAccount, PortalContext, PortalIntent, PortalScope } from '../access/gate-scope.js';
import type { Config } from '../config/config.js';
import { AppError, unauthorized } from '../errors.js';
import type { AppDeps } from '../http/app-deps.js';
import type { GatedRequest } from '../http/gated-route.js';
import { servedOverTls } from '../http/tls.js';
import { resolvePortalSession, type PortalSessionSettings } from './portal-session-store.js';

declare module 'fastify' {
  interface FastifyRequest {
    /** The portal account behind the `dw_portal` cookie, on `/api/portal/...` routes only. */
    portalAccount: PortalAccount | undefined;
  }
  interface FastifyContextConfig {
    /** An `/api/portal/...` route: the portal realm's cookie and CSRF header, never the staff's session. */
    portal?: boolean;
  }
}

export const PORTAL_COOKIE = 'dw_portal';
const PORTAL_TLS_COOKIE = '__Host-dw_portal';
/** The header every state-changing portal request must carry, with the value `1`. */
export const PORTAL_CSRF_HEADER = 'x-dossierwijzer-portal-csrf';
export const PORTAL_CSRF_VALUE = '1';

const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** The portal's session settings: as the staff's (idle and absolute lifetime, DW_SESSION_*). */
export function portalSessionSettings(deps: Pick<AppDeps, 'config'>): PortalSessionSettings {
  return { idleMinutes: deps.config.sessionIdleMinutes, lifetimeMinutes: deps.config.sessionLifetimeMinutes };
}

/** The portal token from its cookie; over TLS only the `__Host-` one counts (see auth-routes.ts `sessionToken`). */
export function portalToken(request: FastifyRequest, config: Pick<Config, 'publicUrl'>): string | undefined {
  if (servedOverTls(request, config)) return request.cookies[PORTAL_TLS_COOKIE];
  return request.cookies[PORTAL_TLS_COOKIE] ?? request.cookies[PORTAL_COOKIE];
}

export function setPortalCookie(request: FastifyRequest, reply: FastifyReply, config: Pick<Config, 'publicUrl'>, token: string, maxAgeSeconds: number): void {
  const tls = servedOverTls(request, config);
  reply.setCookie(tls ? PORTAL_TLS_COOKIE : PORTAL_COOKIE, token, { path: '/', httpOnly: true, sameSite: 'strict', secure: tls, maxAge: maxAgeSeconds });
}

export function clearPortalCookies(reply: FastifyReply): void {
  reply.clearCookie(PORTAL_COOKIE, { path: '/' });
  reply.clearCookie(PORTAL_TLS_COOKIE, { path: '/', secure: true });
}

/** 403 for a state-changing portal request without the portal's CSRF header. */
export function portalCsrfRefused(): AppError {
  return new AppError('csrf-header-missing', 403,
    `Dit verzoek is geweigerd: de kop "${PORTAL_CSRF_HEADER}: ${PORTAL_CSRF_VALUE}" ontbreekt.`,
    `Request refused: the header "${PORTAL_CSRF_HEADER}: ${PORTAL_CSRF_VALUE}" is missing.`);
}

function checkPortalCsrf(request: FastifyRequest): void {
  if (STATE_CHANGING.has(request.method) && request.headers[PORTAL_CSRF_HEADER] !== PORTAL_CSRF_VALUE) throw portalCsrfRefused();
}

/** Declares `request.portalAccount` (once, from app.ts). */
export function installPortalRealm(app: FastifyInstance): void {
  app.decorateRequest('portalAccount', undefined);
}

/**
 * The route-level hook of every portal route that needs a portal session: the `dw_portal` session (else 401, whatever
 * else was sent — a request without a session is never told more), then the CSRF header of a state-changing request.
 */
function portalAuthentication(deps: AppDeps): onRequestAsyncHookHandler {
  return async (request) => {
    const token = portalToken(request, deps.config);
    const account = token === undefined ? undefined : await resolvePortalSession(deps.db, token, portalSessionSettings(deps), deps.now());
    if (account === undefined) throw unauthorized();
    checkPortalCsrf(request);
    request.portalAccount = account;
  };
}

/** The request's portal context; 401 without a portal account. */
export function portalContextOf(request: FastifyRequest, now: Date): PortalContext {
  if (request.portalAccount === undefined) throw unauthorized();
  return { account: request.portalAccount, route: `${request.method} ${request.routeOptions.url ?? request.url}`, address: request.ip, now };
}

export interface PortalRouteSpec<S extends FastifySchema> {
  method: HTTPMethods;
  /** Must start with `/api/portal/`. */
  url: string;
  schema: S;
  /** What the portal user asks the engine (gate-scope.ts `PortalIntent`). */
  intent: (request: GatedRequest<S>) => PortalIntent;
  /** The client id the route names, if it names one: it must be the account's (else 404, logged). */
  clientId?: (request: GatedRequest<S>) => string | undefined;
  /** Returns the answer's body; may set `reply.code()` but must not `send`. */
  handler: (scope: PortalScope, request: GatedRequest<S>, reply: FastifyReply) => Promise<unknown>;
}

/**
 * Registers a portal route whose handler runs inside the gate's portal door.
 * @example
 * portalRoute(app, deps, {
 *   method: 'GET', url: '/api/portal/dossier', schema: { response: { 200: View } },
 *   intent: () => ({ action: 'inspect', part: 'dossier' }),
 *   handler: (scope) => readerView(scope, deps.masterKey, scope.reader),
 * });
 */
export function portalRoute<S extends FastifySchema>(app: FastifyInstance, deps: AppDeps, spec: PortalRouteSpec<S>): void {
  if (!spec.url.startsWith('/api/portal/')) throw new Error(`a portal route lives under /api/portal/: ${spec.url}`);
  const typed = (request: FastifyRequest) => request as unknown as GatedRequest<S>;
  const handler: RouteHandlerMethod = async (request, reply) => {
    const ctx = portalContextOf(request, deps.now());
    const clientId = spec.clientId?.(typed(request));
    const body = await enter(deps.db, ctx, { kind: 'portal', ...(clientId === undefined ? {} : { clientId }) }, spec.intent(typed(request)),
      (scope) => spec.handler(scope, typed(request), reply));
    if (reply.sent) throw new Error(`${spec.method} ${spec.url} sent its answer before the access log was committed`);
    return body;
  };
  app.route({
    method: spec.method, url: spec.url, schema: spec.schema, config: { gated: 'portal', portal: true }, onRequest: portalAuthentication(deps), handler,
  });
}

/**
 * Registers a portal route that needs no portal session (the log-in steps, an invitation by its link): public for the
 * staff hook, with the portal's CSRF header.
 */
export function portalPublicRoute<S extends FastifySchema>(
  app: FastifyInstance, spec: { method: HTTPMethods; url: string; schema: S; handler: (request: GatedRequest<S>, reply: FastifyReply) => Promise<unknown> },
): void {
  if (!spec.url.startsWith('/api/portal/')) throw new Error(`a portal route lives under /api/portal/: ${spec.url}`);
  const handler: RouteHandlerMethod = (request, reply) => spec.handler(request as unknown as GatedRequest<S>, reply);
  const onRequest: onRequestAsyncHookHandler = (request) => {
    checkPortalCsrf(request);
    return Promise.resolve();
  };
  app.route({ method: spec.method, url: spec.url, schema: spec.schema, config: { public: true, portal: true }, onRequest, handler });
}
