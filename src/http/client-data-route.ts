/**
 * Registers a route that reads or changes one client's data: `gatedRoute`
 * (gated-route.ts) with the client subject taken from `:clientId`. Kept as a
 * thin wrapper for the route modules not yet written with `gatedRoute`
 * directly (issue 14, phase 2).
 */
import type { FastifyInstance, FastifyReply, FastifyRequest, FastifySchema, HTTPMethods } from 'fastify';
import type { ClientScope, EmergencyStep } from '../access/gate.js';
import type { AccessIntent } from '../access/policy.js';
import type { AppDeps } from './app-deps.js';
import { gatedRoute } from './gated-route.js';

export { PURPOSE_HEADER } from './gated-route.js';

/**
 * As before `gatedRoute`: the handler gets an untyped request (its callers still cast `request.body`); a module
 * moving to `gatedRoute` gets the types from its schemas and drops the casts.
 */
export interface ClientDataRouteSpec {
  method: HTTPMethods;
  /** Must contain `:clientId`. */
  url: string;
  schema: FastifySchema;
  intent: (request: FastifyRequest) => AccessIntent;
  /** Breaking the glass: the step this route takes (open: the summary; confirm: the rest of the dossier). */
  emergency?: (request: FastifyRequest) => EmergencyStep;
  /**
   * Returns the answer's body; may set `reply.code()` but must not `send`:
   * the answer leaves only after the access log row is committed.
   */
  handler: (scope: ClientScope, request: FastifyRequest, reply: FastifyReply) => Promise<unknown>;
}

/** `gatedRoute` with the client subject from `:clientId`. */
export function clientDataRoute(app: FastifyInstance, deps: AppDeps, spec: ClientDataRouteSpec): void {
  if (!spec.url.includes(':clientId')) throw new Error(`client data route ${spec.url} lacks :clientId`);
  const emergency = spec.emergency;
  gatedRoute(app, deps, {
    method: spec.method, url: spec.url, schema: spec.schema,
    kind: 'client',
    subject: (request) => ({ kind: 'client', clientId: (request.params as { clientId: string }).clientId }),
    intent: spec.intent,
    ...(emergency === undefined ? {} : { options: (request: FastifyRequest) => ({ emergency: emergency(request) }) }),
    handler: spec.handler,
  });
}
