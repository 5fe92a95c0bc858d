/**
 * The way to register an /api route (issue 14, "One gate"): `gatedRoute` for
 * every route that needs a session — the spec names the subject (from the
 * request) and the intent, and the handler runs only inside the gate's
 * `enter` (access/gate.ts), receiving the scope the gate made for that
 * subject and intent — and `publicRoute` for the few that need none (log-in,
 * health, docs, a download or an enrolment by its token). Each route is
 * marked in its config (`gated: <subject kind>` or `public: true`), so
 * `route-hook.test.ts` can check that every /api route is one or the other.
 *
 * The spec is generic over its TypeBox schemas: the handler's
 * `request.params`, `request.query` and `request.body` are typed from them
 * (`Static<typeof schema.body>`), with no cast.
 */
import type {
  FastifyInstance, FastifyReply, FastifyRequest, FastifySchema, HTTPMethods, RouteHandlerMethod, onRequestAsyncHookHandler,
} from 'fastify';
import type { Static, TSchema } from 'typebox';
import { enter, type Doors, type ScopeOf, type SubjectKind, type SubjectOf } from '../access/gate.js';
import { AccessPurpose, type AccessIntent } from '../access/policy.js';
import { badRequest } from '../errors.js';
import type { AppDeps } from './app-deps.js';
import { contextOf } from './request-context.js';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Set by `gatedRoute`: the kind of subject this route enters the gate with. */
    gated?: SubjectKind;
  }
}

type StaticOf<T> = T extends TSchema ? Static<T> : unknown;

/** A request typed from its route's schemas. */
export type GatedRequest<S extends FastifySchema> = FastifyRequest<{
  Params: StaticOf<S['params']>;
  Querystring: StaticOf<S['querystring']>;
  Body: StaticOf<S['body']>;
  Headers: StaticOf<S['headers']>;
}>;

export interface GatedRouteSpec<K extends SubjectKind, S extends FastifySchema> {
  method: HTTPMethods;
  url: string;
  schema: S;
  /** The subject's kind, also the route's `config.gated`. */
  kind: K;
  /**
   * The subject, from the request (e.g. `{ kind: 'client', clientId: request.params.clientId }`). It may look
   * up the caller's own records to find it (the client a work note of theirs is about), never a client's data.
   */
  subject: (request: GatedRequest<S>, ctx: Doors[K]['ctx']) => SubjectOf<K> | Promise<SubjectOf<K>>;
  intent: (request: GatedRequest<S>) => Doors[K]['intent'];
  /** What the subject takes beyond the intent (a client: a break-the-glass step). */
  options?: (request: GatedRequest<S>) => Doors[K]['options'];
  /**
   * Decides before the body is parsed (a route-level onRequest hook that
   * enters with no work), so a refused caller learns nothing about the body
   * and the refusal is logged; the handler enters again for the work.
   */
  decideFirst?: K extends 'administration' ? boolean : never;
  /**
   * Returns the answer's body; may set `reply.code()` but must not `send`:
   * the answer leaves only after the access log row is committed.
   */
  handler: (scope: ScopeOf<K>, request: GatedRequest<S>, reply: FastifyReply) => Promise<unknown>;
}

/**
 * The header that names the purpose of an access to a client and the record it rests on
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

/** A client intent with the purpose the header names, and the record id for the gate to check. */
function withPurpose(intent: AccessIntent, request: FastifyRequest): { intent: AccessIntent; purposeReference?: string } {
  const raw = request.headers[PURPOSE_HEADER];
  if (raw === undefined || intent.purpose !== undefined) return { intent };
  const purposes: readonly string[] = Object.values(AccessPurpose);
  const [purpose, reference, ...rest] = typeof raw === 'string' ? raw.trim().split(/\s+/) : [];
  if (purpose === undefined || !purposes.includes(purpose) || rest.length > 0 || (reference !== undefined && !UUID.test(reference))) {
    throw badRequest('invalid-purpose', PURPOSE_HEADER,
      `Noem het doel en het nummer van wat is vastgelegd, bijvoorbeeld "complaint <id>". Het doel is een van: ${purposes.join(', ')}.`,
      `Name the purpose and the id of its record, e.g. "complaint <id>". The purpose is one of: ${purposes.join(', ')}.`);
  }
  const named = { ...intent, purpose: purpose as AccessPurpose };
  return reference === undefined ? { intent: named } : { intent: named, purposeReference: reference.toLowerCase() };
}

/** The intent and options the gate gets for this request: for a client, the purpose header joins them. */
function asked<K extends SubjectKind, S extends FastifySchema>(
  spec: GatedRouteSpec<K, S>, request: GatedRequest<S>,
): { intent: Doors[K]['intent']; options: Doors[K]['options'] | undefined } {
  const intent = spec.intent(request);
  const options = spec.options?.(request);
  if (spec.kind !== 'client') return { intent, options };
  const purposed = withPurpose(intent as AccessIntent, request);
  const clientOptions = { ...(options as Doors['client']['options'] | undefined), ...(purposed.purposeReference === undefined ? {} : { purposeReference: purposed.purposeReference }) };
  return { intent: purposed.intent, options: clientOptions };
}

/**
 * Registers a route whose handler runs inside the gate.
 * @example
 * gatedRoute(app, deps, {
 *   method: 'GET', url: '/api/clients/:clientId/entries', schema: { params: ClientParams, querystring: Page, response: { 200: Entries } },
 *   kind: 'client', subject: (request) => ({ kind: 'client', clientId: request.params.clientId }),
 *   intent: () => ({ action: 'read', part: 'dossier' }),
 *   handler: (scope, request) => readEntries(scope, masterKey, request.query),
 * });
 */
export function gatedRoute<K extends SubjectKind, S extends FastifySchema>(app: FastifyInstance, deps: AppDeps, spec: GatedRouteSpec<K, S>): void {
  // The one place the request meets its schemas' types: Fastify validated it against `spec.schema` before the handler runs.
  const typed = (request: FastifyRequest) => request as unknown as GatedRequest<S>;
  const run = async (request: FastifyRequest, work: (scope: ScopeOf<K>) => Promise<unknown>) => {
    const ctx = contextOf(request, deps.now()) as Doors[K]['ctx'];
    const { intent, options } = asked(spec, typed(request));
    const subject: SubjectOf<K> = await spec.subject(typed(request), ctx);
    return enter(deps.db, ctx, subject, intent, work, options);
  };
  const handler: RouteHandlerMethod = async (request, reply) => {
    const body = await run(request, (scope) => spec.handler(scope, typed(request), reply));
    if (reply.sent) throw new Error(`${spec.method} ${spec.url} sent its answer before the access log was committed`);
    return body;
  };
  const onRequest: onRequestAsyncHookHandler = async (request) => {
    await run(request, () => Promise.resolve(undefined));
  };
  app.route({
    method: spec.method,
    url: spec.url,
    schema: spec.schema,
    config: { gated: spec.kind, ...(spec.kind === 'client' ? { clientData: true } : {}) },
    ...(spec.decideFirst === true ? { onRequest } : {}),
    handler,
  });
}

/**
 * Registers a route that needs no session (log-in, health, docs, a download
 * or an enrolment by its token). What such a route does with client data (a
 * download) still enters the gate, with a public context.
 */
export function publicRoute<S extends FastifySchema>(
  app: FastifyInstance, spec: { method: HTTPMethods; url: string; schema: S; handler: (request: GatedRequest<S>, reply: FastifyReply) => Promise<unknown> },
): void {
  const handler: RouteHandlerMethod = (request, reply) => spec.handler(request as unknown as GatedRequest<S>, reply);
  app.route({ method: spec.method, url: spec.url, schema: spec.schema, config: { public: true }, handler });
}
