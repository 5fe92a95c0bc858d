/**
 * Registers a route that reads or changes one client's data. The handler runs
 * only inside `withClientAccess` (policy + access log, one transaction) and
 * receives the `ClientScope`; the route is marked `clientData` so a test can
 * check that every client route went this way.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest, FastifySchema, HTTPMethods } from 'fastify';
import { withClientAccess, type ClientScope } from '../access/client-access.js';
import { AccessPurpose, type AccessIntent } from '../access/policy.js';
import { badRequest } from '../errors.js';
import type { AppDeps } from './app-deps.js';
import { contextOf } from './request-context.js';

export interface ClientDataRouteSpec {
  method: HTTPMethods;
  /** Must contain `:clientId`. */
  url: string;
  schema: FastifySchema;
  intent: (request: FastifyRequest) => AccessIntent;
  /**
   * Returns the answer's body; may set `reply.code()` but must not `send`:
   * the answer leaves only after the access log row is committed.
   */
  handler: (scope: ClientScope, request: FastifyRequest, reply: FastifyReply) => Promise<unknown>;
}

/** The header in which a manager states the purpose of an access (DOMAIN §2: quality control, complaint, incident). */
export const PURPOSE_HEADER = 'x-dossierwijzer-purpose';

function withPurpose(intent: AccessIntent, request: FastifyRequest): AccessIntent {
  const raw = request.headers[PURPOSE_HEADER];
  if (raw === undefined || intent.purpose !== undefined) return intent;
  const purposes: readonly string[] = Object.values(AccessPurpose);
  if (typeof raw !== 'string' || !purposes.includes(raw)) {
    throw badRequest('invalid-purpose', PURPOSE_HEADER, `Het doel moet een van deze zijn: ${purposes.join(', ')}.`, `The purpose must be one of: ${purposes.join(', ')}.`);
  }
  return { ...intent, purpose: raw as AccessPurpose };
}

export function clientDataRoute(app: FastifyInstance, deps: AppDeps, spec: ClientDataRouteSpec): void {
  if (!spec.url.includes(':clientId')) throw new Error(`client data route ${spec.url} lacks :clientId`);
  app.route({
    method: spec.method,
    url: spec.url,
    schema: spec.schema,
    config: { clientData: true },
    handler: async (request, reply) => {
      const { clientId } = request.params as { clientId: string };
      const body = await withClientAccess(deps.db, contextOf(request, deps.now()), clientId, withPurpose(spec.intent(request), request),
        (scope) => spec.handler(scope, request, reply));
      if (reply.sent) throw new Error(`${spec.method} ${spec.url} sent its answer before the access log was committed`);
      return body;
    },
  });
}
