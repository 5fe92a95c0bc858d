/**
 * What the HTTP layer knows about a request, attached by the authentication
 * hook: the actor and where the request came from.
 */
import type { FastifyRequest } from 'fastify';
import { ACTING_FOR_HEADER, type RequestContext } from '../access/client-access.js';
import type { Actor } from '../auth/sessions.js';
import { unauthorized } from '../errors.js';

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor | undefined;
  }
  interface FastifyContextConfig {
    /** Reachable without a session (health, log-in, API docs). */
    public?: boolean;
    /** Set by `gatedRoute` for a client subject: this route reads or changes one client's data through the gate. */
    clientData?: boolean;
  }
}

/** The request's actor and origin; 401 when no valid session is attached. */
export function contextOf(request: FastifyRequest, now: Date): RequestContext {
  if (request.actor === undefined) throw unauthorized();
  return {
    actor: request.actor,
    route: `${request.method} ${request.routeOptions.url ?? request.url}`,
    address: request.ip,
    now,
    actingFor: request.headers[ACTING_FOR_HEADER],
  };
}
