/**
 * Builds the whole application from a typed config: database (migrated),
 * master key, HTTP server with its routes. `close()` tears it all down.
 * Tests pass their own database and clock; nothing is global.
 */
import cookie from '@fastify/cookie';
import Ajv, { type ErrorObject } from 'ajv';
import addFormats from 'ajv-formats';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyError, type FastifyInstance, type FastifyLoggerOptions, type FastifyRequest, type FastifySchema } from 'fastify';
import type { DestinationStream } from 'pino';
import { authRoutes, installAuthentication } from '../auth/auth-routes.js';
import { clientsRoutes } from '../clients/clients-routes.js';
import type { Config } from '../config/config.js';
import { assertMasterKeyFits, loadMasterKey, readMasterKeyFile } from '../crypto/master-key.js';
import { sealLegacyFreeText } from '../retention/client-free-text.js';
import type { Database } from '../db/database.js';
import { ensurePrivateDir } from '../db/file-permissions.js';
import { openDatabase } from '../db/open-database.js';
import { asSystem } from '../db/organisation-scope.js';
import { dossierRoutes } from '../dossier/dossier-routes.js';
import { accessLogRoutes } from '../access/access-log-routes.js';
import { accessLogDeskRoutes } from '../access/access-log-desk-routes.js';
import { caseloadRoutes } from '../caseload/caseload-routes.js';
import { assertDatabaseMatchesCheckpoints, startCheckpointTimer } from '../access/log-checkpoints.js';
import { careTeamRoutes } from '../care-team/care-team-routes.js';
import { emergencyRoutes } from '../emergency/emergency-routes.js';
import { consentRoutes } from '../consents/consent-routes.js';
import { disclosureRoutes } from '../disclosures/disclosure-routes.js';
import { representationRoutes } from '../representation/representation-routes.js';
import { requestDocumentRoutes } from '../requests/request-document-routes.js';
import { requestRoutes } from '../requests/request-routes.js';
import { shieldingRoutes } from '../shielding/shielding-routes.js';
import type { AppDeps } from './app-deps.js';
import { Admission, installAdmission } from './admission.js';
import { startSessionCache } from '../auth/session-cache.js';
import { TOUCH_AFTER_MS } from '../auth/session-store.js';
import { healthRoutes } from './health-routes.js';
import { registerRoutes } from '../registers/register-routes.js';
import { familyRoutes } from '../families/family-routes.js';
import { exportRoutes } from '../exports/export-routes.js';
import { settleProgress } from '../exports/export-progress.js';
import { transferRoutes } from '../transfers/transfer-routes.js';
import { downloadRoutes } from '../requests/download-routes.js';
import { retentionRoutes } from '../retention/retention-routes.js';
import { breachRoutes } from '../breaches/breach-routes.js';
import { workNoteRoutes } from '../work-notes/work-note-routes.js';
import { messageRoutes } from '../portal/messages/message-routes.js';
import { portalMessageRoutes } from '../portal/messages/portal-message-routes.js';
import { draftRoutes } from '../drafts/draft-routes.js';
import { startRetentionSchedule } from '../retention/retention-schedule.js';
import { employeeRoutes } from '../organisation/employee-routes.js';
import { releaseRoutes } from '../portal/release/release-routes.js';
import { portalViewRoutes } from '../portal/view/portal-view-routes.js';
import { installPortalRealm } from '../portal/portal-route.js';
import { portalAuthRoutes } from '../portal/portal-auth-routes.js';
import { portalInvitationRoutes } from '../portal/portal-invitation-routes.js';
import { portalOidcRoutes } from '../portal/portal-oidc-routes.js';
import { portalRightsRoutes } from '../portal/rights/portal-rights-routes.js';
import { installScopeAfterAuthentication, installScopeBeforeAuthentication } from './organisation-scope-hook.js';
import { installMetrics, Metrics } from './metrics.js';
import { observeGroupCommit } from '../access/log-group-commit.js';
import { pdfPoolStatus } from '../exports/pdf-pool.js';
import { frameworkProblem, installProblemHandlers, problemSchema } from './problem.js';
import { installSecurityHeaders } from './security-headers.js';
import { plainHttpWarning } from './tls.js';
import { isWebUiRoute, webUiRoutes } from './web-ui.js';

export interface AppOverrides {
  /** An already migrated database (tests); otherwise the configured one is opened. */
  db?: Database;
  masterKey?: Buffer;
  now?: () => Date;
  /** Where logs go (tests capture them to prove no client data is logged). */
  logStream?: DestinationStream;
  /** The built web application's directory (tests); otherwise dist/web. */
  webRoot?: string;
}

/** A registered route, as the route-hook test enumerates them. */
export interface RegisteredRoute {
  method: string;
  url: string;
  clientData: boolean;
  public: boolean;
  /** The kind of subject the route enters the gate with (`gatedRoute`), if it does. */
  gated: string | undefined;
  /** The route's request schemas as registered (after `closeEmptyBodies`), for the test that checks every object is closed. */
  schema: Pick<FastifySchema, 'body' | 'querystring' | 'params'>;
}

export interface App {
  server: FastifyInstance;
  routes: readonly RegisteredRoute[];
  deps: AppDeps;
  /** The server's metrics (GET /metrics), for what runs beside the app and reports there: the online backup (start-command.ts). */
  metrics: Metrics;
  close(): Promise<void>;
}

/**
 * Bodies are validated without type coercion (a number where a name belongs is
 * an error, not a name); query strings and path parameters arrive as text, so
 * they are coerced. Objects are closed everywhere: unknown fields are refused,
 * never stripped.
 */
function installStrictBodyValidation(server: FastifyInstance): void {
  const options = { removeAdditional: false, useDefaults: true, allErrors: false, strict: false } as const;
  const bodies = addFormats.default(new Ajv.default({ ...options, coerceTypes: false }));
  const texts = addFormats.default(new Ajv.default({ ...options, coerceTypes: 'array' }));
  server.setValidatorCompiler(({ schema, httpPart }) => {
    const validate = (httpPart === 'body' ? bodies : texts).compile(schema);
    if (httpPart !== 'body' || (schema as Record<string, unknown>)[ABSENT_BODY_ALLOWED] !== true) return validate;
    // No body at all (Fastify hands the validator null, or undefined) is as good as `{}`; anything else is validated.
    const orAbsent = Object.assign((data: unknown): boolean => {
      if (data === undefined || data === null) return true;
      const valid = validate(data);
      orAbsent.errors = validate.errors ?? null;
      return valid;
    }, { errors: null as ErrorObject[] | null });
    return orAbsent;
  });
}

/** Marks the closed empty body of `closeEmptyBodies`, which may also be left out entirely. */
const ABSENT_BODY_ALLOWED = 'x-body-may-be-absent';

/**
 * The body of a state-changing route that takes no fields: nothing, or `{}`.
 * Any field (`organisationId`, `role` …) is refused with 400, never ignored.
 */
export const EMPTY_BODY = {
  type: 'object', properties: {}, additionalProperties: false, [ABSENT_BODY_ALLOWED]: true,
  description: 'This route takes no fields: send no body or {}. Any field is refused.',
} as const;

interface OpenApiOperation {
  requestBody?: { required?: boolean; content?: Record<string, { schema?: Record<string, unknown> }> };
}

/**
 * @fastify/swagger marks every request body required; a body that may be left
 * out (the closed empty body, a body never read) is not.
 */
function markOptionalBodies(document: Record<string, unknown>): Record<string, unknown> {
  const paths = (document.paths ?? {}) as Record<string, Record<string, OpenApiOperation>>;
  for (const operation of Object.values(paths).flatMap((methods) => Object.values(methods))) {
    const schema = operation.requestBody?.content?.['application/json']?.schema;
    if (schema?.[ABSENT_BODY_ALLOWED] === true || schema?.['x-body-never-read'] === true) operation.requestBody!.required = false;
  }
  return document;
}

const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Gives every state-changing route without a body schema the closed empty
 * body, so no route silently ignores fields it was sent (issue 4: every
 * schema closes its objects). Runs in the onRoute hook, before Fastify
 * compiles the route's validators.
 */
function closeEmptyBodies(route: { method: string | string[]; schema?: FastifySchema }): void {
  const methods = [route.method].flat();
  if (!methods.some((m) => STATE_CHANGING.has(m.toUpperCase())) || route.schema?.body !== undefined) return;
  route.schema = { ...route.schema, body: EMPTY_BODY };
}

/** Database messages quote the offending value ("invalid input syntax for type uuid: \"…\""); the stack repeats the message. */
function maskQuoted(text: string): string {
  return text.replace(/"[^"\n]*"/g, '"…"');
}

/** Log serializers that keep client data out: routes as patterns, errors without their values. */
const logSerializers = {
  req: (req: FastifyRequest) => ({ id: req.id, method: req.method, route: req.routeOptions.url ?? '(unmatched)' }),
  res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
  // Database errors carry the offending values in `detail`; log only what names the failure.
  err: (err: FastifyError) => ({ type: err.name, code: err.code, message: maskQuoted(err.message).slice(0, 300), stack: maskQuoted(err.stack ?? '') }),
};

function loggerOptions(config: Config, stream: DestinationStream | undefined): FastifyLoggerOptions & { stream?: DestinationStream } {
  return { level: config.logLevel, serializers: logSerializers, ...(stream === undefined ? {} : { stream }) };
}

/**
 * The configured master key when it exists already (DW_MASTER_KEY, or the key file), read and checked
 * before the database is opened, so a refused key costs no database start and leaves nothing open.
 * Undefined when there is no key file yet: it is created only after the data folder was checked.
 */
async function existingMasterKey(config: Config): Promise<Buffer | undefined> {
  if (config.masterKey !== undefined) return loadMasterKey(config);
  try {
    return await readMasterKeyFile(config.masterKeyFile);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

/**
 * Creates the app: loads the master key, opens (or takes) the database, registers every route. A
 * start-up that fails after the database was opened closes it again (a database it was given stays
 * the caller's).
 */
export async function createApp(config: Config, overrides: AppOverrides = {}): Promise<App> {
  const early = overrides.masterKey ?? await existingMasterKey(config);
  // The server's own folder, on PostgreSQL too: /health/ready's disk check writes there. With the master key and the
  // checkpoints configured elsewhere nothing else made it, and the server stayed not-ready (ENOENT) for ever.
  if (overrides.db === undefined && config.databaseUrl !== undefined) await ensurePrivateDir(config.dataDir);
  const db = overrides.db ?? (await openDatabase(config)).db;
  try {
    // Start-up (the master-key check, sealing legacy text) and the timers it starts (checkpoints, the retention sweep)
    // work across organisations; each request enters its own scope (organisation-scope-hook.ts).
    const masterKey = early ?? await loadMasterKey(config);
    return await asSystem(() => assemble(config, overrides, db, masterKey));
  } catch (error) {
    if (overrides.db === undefined) await db.close().catch(() => undefined);
    throw error;
  }
}

async function assemble(config: Config, overrides: AppOverrides, db: Database, masterKey: Buffer): Promise<App> {
  await assertMasterKeyFits(db, masterKey);
  // A database behind its checkpoints file (restored without `dossierwijzer restored`, or cut short) is not served (issue 17 item 1).
  if (overrides.db === undefined) await assertDatabaseMatchesCheckpoints(db, config.logCheckpointFile);
  // Free text about clients written before migrations 0033 and 0037 is sealed before anything is served.
  await sealLegacyFreeText(db, masterKey);
  const deps: AppDeps = { config, db, masterKey, now: overrides.now ?? (() => new Date()) };
  // Issue 18 item 4: resolved sessions kept DW_SESSION_CACHE_MS while this server hears every session change (0 = off).
  // Started before the server is built: awaiting I/O between its route registrations would let Fastify boot early.
  const stopSessionCache = await startSessionCache(db, config.sessionCacheMs, TOUCH_AFTER_MS);

  const server = Fastify({
    logger: loggerOptions(config, overrides.logStream),
    // JSON escaping can grow text up to six-fold; the entry size itself is checked in bytes by the service.
    bodyLimit: config.maxEntryBytes * 6 + 64 * 1024,
    // Only the configured reverse proxies' X-Forwarded-For/-Proto are believed: request.ip is then the
    // client behind them (throttling, sessions, access log) and request.protocol the browser's (cookie, HSTS).
    trustProxy: config.trustProxy,
    // An address the router cannot read is refused as problem+json too (problem.ts).
    frameworkErrors: frameworkProblem,
  });
  const routes: RegisteredRoute[] = [];
  server.addHook('onRoute', (route) => {
    // Everything under the docs prefix is public documentation; the web application's page and files hold no data.
    if (route.url.startsWith('/api/docs') || isWebUiRoute(route.url)) route.config = { ...route.config, public: true };
    closeEmptyBodies(route);
    const schema = { body: route.schema?.body, querystring: route.schema?.querystring, params: route.schema?.params };
    for (const method of [route.method].flat()) {
      routes.push({
        method, url: route.url, clientData: route.config?.clientData === true, public: route.config?.public === true, gated: route.config?.gated, schema,
      });
    }
  });
  // An export's progress ends with its request: forgotten when it failed or was abandoned (export-progress.ts).
  server.addHook('onResponse', (request, reply, done) => {
    settleProgress(request, reply.statusCode >= 400);
    done();
  });
  server.addHook('onRequestAbort', (request, done) => {
    settleProgress(request, true);
    done();
  });
  installStrictBodyValidation(server);
  installProblemHandlers(server);
  installSecurityHeaders(server, config);
  server.addSchema(problemSchema);
  await server.register(cookie);
  await server.register(swagger, {
    openapi: {
      openapi: '3.0.3',
      info: { title: 'Dossierwijzer API', version: '0.1.0', description: 'Electronic client dossier for Dutch youth care. Errors are RFC 9457 problem+json with Dutch (nl) and English (en) messages. '
        + 'A purpose other than the care itself is named on a client route in the header `x-dossierwijzer-purpose: <purpose> <record id>`: '
        + '`complaint <complaint id>`, `incident <incident id>`, `quality-control <audit id>` (a manager; the record must be about this client), '
        + '`legal-claims <hold id>` (the current retention hold on this dossier: reading a restricted dossier, AVG 18(2)). '
        + 'Without its record, or with one about another client, the purpose is refused (403) and logged; the log row carries the record id.' },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'dw_session' } } },
      security: [{ session: [] }],
    },
    transformObject: (documents) => markOptionalBodies((documents as { openapiObject: Record<string, unknown> }).openapiObject),
  });
  await server.register(swaggerUi, { routePrefix: '/api/docs', uiConfig: { docExpansion: 'list' } });
  // Admission control (issue 18): a full house answers 503 before the session is looked up.
  installAdmission(server, new Admission(config.admission));
  installScopeBeforeAuthentication(server);
  installAuthentication(server, deps);
  installPortalRealm(server);
  // Operator metrics (issue 17 item 5): counted from here on, shown at GET /metrics to DW_METRICS_ALLOW only.
  const metrics = new Metrics();
  installMetrics(server, metrics, { allow: config.metricsAllow, proxyTrusted: config.trustProxy !== false, sources: { db, pdfPool: pdfPoolStatus, timeoutMs: config.readyTimeoutMs } });
  observeGroupCommit(db, (rows) => metrics.observeLogBatch(rows));
  installScopeAfterAuthentication(server);

  healthRoutes(server, deps);
  server.get('/api/openapi.json', { config: { public: true }, schema: { hide: true } }, () => Promise.resolve(server.swagger()));
  authRoutes(server, deps);
  employeeRoutes(server, deps);
  clientsRoutes(server, deps);
  dossierRoutes(server, deps);
  careTeamRoutes(server, deps);
  emergencyRoutes(server, deps);
  accessLogRoutes(server, deps);
  accessLogDeskRoutes(server, deps);
  caseloadRoutes(server, deps);
  representationRoutes(server, deps);
  consentRoutes(server, deps);
  requestRoutes(server, deps);
  shieldingRoutes(server, deps);
  requestDocumentRoutes(server, deps);
  disclosureRoutes(server, deps);
  await webUiRoutes(server, overrides.webRoot);
  registerRoutes(server, deps);
  familyRoutes(server, deps);
  exportRoutes(server, deps);
  transferRoutes(server, deps);
  downloadRoutes(server, deps);
  retentionRoutes(server, deps);
  breachRoutes(server, deps);
  workNoteRoutes(server, deps);
  messageRoutes(server, deps);
  portalMessageRoutes(server, deps);
  draftRoutes(server, deps);
  portalAuthRoutes(server, deps);
  portalInvitationRoutes(server, deps);
  portalOidcRoutes(server, deps);
  releaseRoutes(server, deps);
  portalViewRoutes(server, deps);
  portalRightsRoutes(server, deps);

  await server.ready();
  const plainHttp = config.production ? plainHttpWarning(config) : undefined;
  if (plainHttp !== undefined) server.log.warn({ event: 'plain-http' }, plainHttp);
  // The checkpoints file belongs to the configured database, so only an app that opened it checkpoints (not tests' databases).
  const checkpoints = overrides.db === undefined
    ? startCheckpointTimer(db, { file: config.logCheckpointFile, seconds: config.logCheckpointSeconds, now: deps.now, onError: (err) => {
        metrics.checkpointFailed();
        server.log.error({ err }, 'access log checkpoint failed');
      }, onWritten: (checkpoint) => metrics.checkpointWritten(checkpoint.seq) })
    : undefined;
  // The daily retention sweep only builds the privacy officer's review list; it never destroys.
  const retention = overrides.db === undefined
    ? startRetentionSchedule(db, { hours: config.retentionSweepHours, now: deps.now, log: metrics.sweepLog(server.log) })
    : undefined;
  return {
    server,
    routes,
    deps,
    metrics,
    async close() {
      await server.close();
      await stopSessionCache();
      await retention?.stop();
      await checkpoints?.stop();
      if (overrides.db === undefined) await db.close();
    },
  };
}
