/**
 * Registers a route that reads or changes one client's data. The handler runs
 * only inside `withClientAccess` (policy + access log, one transaction) and
 * receives the `ClientScope`; the route is marked `clientData` so a test can
 * check that every client route went this way.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest, FastifySchema, HTTPMethods } from 'fastify';
import { withClientAccess, type AccessOptions, type ClientScope, type EmergencyStep } from '../access/client-access.js';
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
  /** Breaking the glass: the step this route takes (open: the summary; confirm: the rest of the dossier). */
  emergency?: (request: FastifyRequest) => EmergencyStep;
  /**
   * Returns the answer's body; may set `reply.code()` but must not `send`:
   * the answer leaves only after the access log row is committed.
   */
  handler: (scope: ClientScope, request: FastifyRequest, reply: FastifyReply) => Promise<unknown>;
}

/**
 * The header that names the purpose of an access and the record it rests on
 * (issue 14: purposes are references), as `<purpose> <record id>`:
 * - `complaint <id>`: a complaint about this client in the complaints register (manager);
 * - `incident <id>`: an incident or calamity naming this client (manager);
 * - `quality-control <id>`: a registered audit with this client in its sample (manager);
 * - `legal-claims <id>`: the current retention hold on this client's dossier, the
 *   recorded procedure that lets a restricted dossier be read (AVG 18(2)).
 * A purpose without a record id, or with one that is not about this client, is
 * refused by the engine with its explanation (403) and logged. The log row
 * carries the purpose and the record id.
 */
export const PURPOSE_HEADER = 'x-dossierwijzer-purpose';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function withPurpose(intent: AccessIntent, request: FastifyRequest): { intent: AccessIntent; options: AccessOptions } {
  const raw = request.headers[PURPOSE_HEADER];
  if (raw === undefined || intent.purpose !== undefined) return { intent, options: {} };
  const purposes: readonly string[] = Object.values(AccessPurpose);
  const [purpose, reference, ...rest] = typeof raw === 'string' ? raw.trim().split(/\s+/) : [];
  if (purpose === undefined || !purposes.includes(purpose) || rest.length > 0 || (reference !== undefined && !UUID.test(reference))) {
    throw badRequest('invalid-purpose', PURPOSE_HEADER,
      `Noem het doel en het nummer van wat is vastgelegd, bijvoorbeeld "complaint <id>". Het doel is een van: ${purposes.join(', ')}.`,
      `Name the purpose and the id of its record, e.g. "complaint <id>". The purpose is one of: ${purposes.join(', ')}.`);
  }
  return { intent: { ...intent, purpose: purpose as AccessPurpose }, options: reference === undefined ? {} : { purposeReference: reference.toLowerCase() } };
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
      const { intent, options } = withPurpose(spec.intent(request), request);
      const emergency = spec.emergency?.(request);
      const body = await withClientAccess(deps.db, contextOf(request, deps.now()), clientId, intent,
        (scope) => spec.handler(scope, request, reply), emergency === undefined ? options : { ...options, emergency });
      if (reply.sent) throw new Error(`${spec.method} ${spec.url} sent its answer before the access log was committed`);
      return body;
    },
  });
}
