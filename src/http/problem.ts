/**
 * RFC 9457 problem+json: the only place errors become HTTP answers. Every
 * problem carries a Dutch (`nl`) and an English (`en`) message; validation
 * problems name the field. A database that cannot serve now (down, a timeout,
 * the pool used up, a full disk) answers 503 with Retry-After, not 500.
 * Unexpected errors are logged (without request data) and answered with a
 * generic 500. Server faults are logged once per kind per minute with a count:
 * an outage of 47 seconds once wrote 119,238 stack traces.
 */
import type { FastifyBaseLogger, FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { isDatabaseUnavailable, RETRY_AFTER_SECONDS } from '../db/database.js';
import { AppError, type FieldProblem } from '../errors.js';
import { capitalise } from '../rules/explanations.js';
import { ERROR_CODES, errorCodes } from '../shared/error-codes.js';
import { fieldName } from '../shared/labels.js';

export const PROBLEM_CONTENT_TYPE = 'application/problem+json; charset=utf-8';

interface ProblemBody {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: string;
  nl: string;
  en: string;
  field?: string;
  errors?: FieldProblem[];
  basis?: readonly string[];
}

interface AjvIssue {
  instancePath: string;
  keyword: string;
  params: Record<string, unknown>;
  message?: string;
}

function fieldOf(issue: AjvIssue, context: string | undefined): string {
  const path = issue.instancePath.replace(/^\//, '').replaceAll('/', '.');
  const child = typeof issue.params.missingProperty === 'string'
    ? issue.params.missingProperty
    : typeof issue.params.additionalProperty === 'string'
      ? issue.params.additionalProperty
      : undefined;
  const name = [path, child].filter((p) => p !== undefined && p !== '').join('.');
  return name === '' ? (context ?? 'body') : name;
}

/**
 * One validation problem: the English message names the API field, the Dutch one says it in words from the
 * label catalogue ("De postcode heeft niet de juiste vorm."), never `streetAddress` or `clientId` (issue 15, Deliver 6).
 */
function describe(issue: AjvIssue, field: string): FieldProblem {
  const name = fieldName(field);
  const Name = capitalise(name);
  switch (issue.keyword) {
    case 'required':
      return { field, nl: `${Name} ontbreekt; vul dit in.`, en: `The field "${field}" is required.` };
    case 'additionalProperties':
      return {
        field, nl: name === 'een veld' ? 'Het verzoek bevat een veld dat hier niet hoort.' : `${Name} hoort niet bij dit verzoek.`,
        en: `The field "${field}" is not allowed.`,
      };
    case 'enum':
    case 'const':
    case 'anyOf':
      return { field, nl: `${Name} is niet een van de mogelijke keuzes.`, en: `The value of "${field}" is not one of the allowed values.` };
    case 'format':
    case 'pattern':
      return { field, nl: `${Name} heeft niet de juiste vorm.`, en: `The value of "${field}" has the wrong format.` };
    case 'maxLength':
    case 'minLength':
    case 'maximum':
    case 'minimum':
    case 'maxItems':
    case 'minItems':
      return { field, nl: `${Name} is te lang, te kort, te groot of te klein.`, en: `The value of "${field}" is out of range (${issue.message ?? issue.keyword}).` };
    case 'type':
      return { field, nl: `${Name} heeft de verkeerde soort waarde.`, en: `The value of "${field}" has the wrong type (${issue.message ?? 'type'}).` };
    default:
      return { field, nl: `${Name} is ongeldig.`, en: `The value of "${field}" is invalid.` };
  }
}

function problemFromError(error: FastifyError | AppError | Error): ProblemBody | undefined {
  if (error instanceof AppError) {
    return {
      type: `urn:dossierwijzer:problem:${error.code}`, title: error.en, status: error.status, detail: error.en,
      code: error.code, nl: error.nl, en: error.en, ...error.extra,
    };
  }
  const fastifyError = error as FastifyError & { validation?: AjvIssue[]; validationContext?: string };
  if (Array.isArray(fastifyError.validation) && fastifyError.validation.length > 0) {
    const errors = fastifyError.validation.map((issue) => describe(issue, fieldOf(issue, fastifyError.validationContext)));
    const first = errors[0]!;
    return {
      type: 'urn:dossierwijzer:problem:validation', title: 'Invalid request', status: 400, detail: first.en,
      code: 'validation', nl: first.nl, en: first.en, field: first.field, errors,
    };
  }
  if (isDatabaseUnavailable(error)) return DATABASE_UNAVAILABLE;
  const database = databaseProblem(error);
  if (database !== undefined) return database;
  const status = fastifyError.statusCode;
  if (status !== undefined && status >= 400 && status < 500) {
    const known: Record<string, [string, string]> = {
      FST_ERR_CTP_INVALID_JSON_BODY: ['De inhoud is geen geldige JSON.', 'The body is not valid JSON.'],
      FST_ERR_CTP_EMPTY_JSON_BODY: ['De inhoud is leeg, maar er werd JSON verwacht.', 'The body is empty but JSON was expected.'],
      FST_ERR_CTP_BODY_TOO_LARGE: ['Het verzoek is te groot.', 'The request body is too large.'],
      FST_ERR_CTP_INVALID_MEDIA_TYPE: ['Dit type inhoud wordt niet ondersteund; gebruik JSON.', 'Unsupported content type; send JSON.'],
      FST_ERR_CTP_INVALID_CONTENT_LENGTH: ['De lengte van het verzoek klopt niet.', 'The content length is invalid.'],
      FST_ERR_BAD_URL: ['Dit adres is ongeldig.', 'This address is not valid.'],
      FST_ERR_MAX_PARAM_LENGTH: ['Dit adres is te lang.', 'This address is too long.'],
    };
    const isJsonSyntax = error instanceof SyntaxError;
    const [nl, en] = known[fastifyError.code] ?? (isJsonSyntax ? known.FST_ERR_CTP_INVALID_JSON_BODY! : ['Het verzoek is ongeldig.', 'The request is invalid.']);
    return {
      type: `urn:dossierwijzer:problem:${fastifyError.code ?? 'bad-request'}`, title: en, status, detail: en,
      code: fastifyError.code ?? 'bad-request', nl, en, ...(status === 400 && fastifyError.code !== 'FST_ERR_BAD_URL' ? { field: 'body' } : {}),
    };
  }
  return undefined;
}

/**
 * PostgreSQL refusing a value is bad input, not a server fault: SQLSTATE class
 * 22 (data exception: a value out of range, bad encoding, NUL byte) and class 23
 * (integrity: a unique key taken meanwhile, a check) answer 4xx. The
 * database's own message is not passed on: it may quote the value.
 */
function databaseProblem(error: Error): ProblemBody | undefined {
  const code = (error as { code?: unknown }).code;
  if (typeof code !== 'string' || !/^2[23][0-9A-Z]{3}$/.test(code) || !('severity' in error)) return undefined;
  if (code === '23505' || code === '23503') {
    return {
      type: 'urn:dossierwijzer:problem:conflict', title: 'Conflict', status: 409, detail: 'This conflicts with existing data.', code: 'conflict',
      nl: 'Dit botst met gegevens die er al zijn.', en: 'This conflicts with existing data.',
    };
  }
  return {
    type: 'urn:dossierwijzer:problem:invalid-value', title: 'Invalid value', status: 400, detail: 'A value in the request cannot be stored.', code: 'invalid-value',
    nl: 'Een waarde in het verzoek is ongeldig en kan niet worden opgeslagen.', en: 'A value in the request is invalid and cannot be stored.', field: 'body',
  };
}

const DATABASE_UNAVAILABLE: ProblemBody = {
  type: 'urn:dossierwijzer:problem:database-unavailable', title: 'Service unavailable', status: 503,
  detail: 'The database cannot be reached right now; nothing was saved. Try again shortly.', code: 'database-unavailable',
  nl: 'De database is nu niet bereikbaar; er is niets opgeslagen. Probeer het zo opnieuw.',
  en: 'The database cannot be reached right now; nothing was saved. Try again shortly.',
};

/** Sends an AppError (or any problem) as problem+json; a 503 says when to try again. */
export function sendProblem(reply: FastifyReply, body: ProblemBody): FastifyReply {
  if (body.status === 503) void reply.header('retry-after', String(RETRY_AFTER_SECONDS));
  return reply.code(body.status).type(PROBLEM_CONTENT_TYPE).header('cache-control', 'no-store').send(body);
}

/** How often one kind of server fault is logged at most. */
export const ERROR_LOG_INTERVAL_MS = 60_000;

/**
 * Logs the first fault of a kind at once (with its stack) and then, while it
 * repeats, one line per interval saying how often it happened meanwhile.
 * Per app, not global; `flush()` writes what is pending (at close).
 */
function faultLog(log: FastifyBaseLogger, intervalMs: number) {
  const kinds = new Map<string, { count: number; timer: NodeJS.Timeout }>();
  const summarise = (kind: string) => {
    const entry = kinds.get(kind);
    if (entry === undefined) return;
    clearTimeout(entry.timer);
    kinds.delete(kind);
    if (entry.count === 0) return;
    log.error({ event: kind, count: entry.count, intervalSeconds: intervalMs / 1000 }, `${kind}: ${entry.count} more time(s) in the last ${intervalMs / 1000} s`);
    // Still happening: keep counting in a new interval.
    open(kind, 0);
  };
  const open = (kind: string, count: number) => {
    const timer = setTimeout(() => summarise(kind), intervalMs);
    timer.unref();
    kinds.set(kind, { count, timer });
  };
  return {
    /** Returns true when the caller should log this occurrence in full (the first in its interval). */
    occurred(kind: string): boolean {
      const entry = kinds.get(kind);
      if (entry !== undefined) {
        entry.count += 1;
        return false;
      }
      open(kind, 0);
      return true;
    },
    flush() {
      for (const kind of [...kinds.keys()]) {
        const entry = kinds.get(kind)!;
        clearTimeout(entry.timer);
        kinds.delete(kind);
        if (entry.count > 0) log.error({ event: kind, count: entry.count }, `${kind}: ${entry.count} more time(s) since the last report`);
      }
    },
  };
}

/** The kind of a fault for rate-limited logging: the same failure repeating is one kind. */
function faultKind(error: Error, body: ProblemBody | undefined): string {
  if (body?.code === 'database-unavailable') return 'database-unavailable';
  const code = (error as { code?: unknown }).code;
  return `error:${error.name}:${typeof code === 'string' ? code : ''}:${error.message.slice(0, 80)}`;
}

/**
 * Fastify's `frameworkErrors` (app.ts): an address the router cannot read — bad percent-encoding (400), a path
 * parameter longer than its limit (414) — answered as problem+json like every other refusal, not Fastify's own JSON.
 */
export function frameworkProblem(error: FastifyError, _request: FastifyRequest, reply: FastifyReply): void {
  void sendProblem(reply, problemFromError(error) ?? {
    type: 'urn:dossierwijzer:problem:bad-request', title: 'The request is invalid.', status: 400, detail: 'The request is invalid.',
    code: 'bad-request', nl: 'Het verzoek is ongeldig.', en: 'The request is invalid.',
  });
}

/** Installs the error and not-found handlers on `app`. */
export function installProblemHandlers(app: FastifyInstance, options: { errorLogIntervalMs?: number } = {}): void {
  const faults = faultLog(app.log, options.errorLogIntervalMs ?? ERROR_LOG_INTERVAL_MS);
  app.addHook('onClose', (_instance, done) => {
    faults.flush();
    done();
  });
  app.setErrorHandler((error: FastifyError | AppError, request, reply) => {
    const body = problemFromError(error);
    if (body !== undefined) {
      if (body.status >= 500 && faults.occurred(faultKind(error, body))) {
        request.log.error({ err: error, event: faultKind(error, body) }, body.code === 'database-unavailable' ? 'database unavailable: answering 503' : 'request failed');
      }
      // Security events for whoever watches the server log: refused log-ins, sessions, CSRF, roles, throttling.
      // The code says what was refused; never who or with what (no user names, no client data).
      if (body.status === 401 || body.status === 403 || body.status === 429) request.log.warn({ event: 'access-refused', status: body.status, code: body.code }, 'access refused');
      return sendProblem(reply, body);
    }
    if (faults.occurred(faultKind(error, undefined))) request.log.error({ err: error }, 'unexpected error');
    return sendProblem(reply, {
      type: 'urn:dossierwijzer:problem:internal', title: 'Internal error', status: 500,
      detail: 'Something went wrong on our side; the change was not saved.', code: 'internal',
      nl: 'Er ging iets mis aan onze kant; er is niets opgeslagen.', en: 'Something went wrong on our side; the change was not saved.',
    });
  });
  app.setNotFoundHandler((_request, reply) => sendProblem(reply, {
    type: 'urn:dossierwijzer:problem:not-found', title: 'Not found', status: 404, detail: 'Not found.',
    code: 'not-found', nl: 'Niet gevonden.', en: 'Not found.',
  }));
}

/** The `code` of a problem in the OpenAPI document: every code of the catalogue, with its status and meaning. */
const codeDescription = [
  'A stable code: one of the catalogue below (src/shared/error-codes.ts), or a Fastify `FST_ERR_…` code for a request the server could not read.',
  '',
  ...errorCodes.map((code) => `- \`${code}\` (${ERROR_CODES[code].status}): ${ERROR_CODES[code].meaning}`),
].join('\n');

/** Schema of a problem answer, for the OpenAPI document. */
export const problemSchema = {
  $id: 'Problem',
  type: 'object',
  description: 'RFC 9457 problem details with Dutch (nl) and English (en) messages.',
  properties: {
    type: { type: 'string' }, title: { type: 'string' }, status: { type: 'integer' }, detail: { type: 'string' },
    code: { type: 'string', description: codeDescription }, nl: { type: 'string' }, en: { type: 'string' }, field: { type: 'string' },
    errors: { type: 'array', items: { type: 'object', properties: { field: { type: 'string' }, nl: { type: 'string' }, en: { type: 'string' } } } },
    basis: { type: 'array', items: { type: 'string' } },
  },
  required: ['type', 'title', 'status', 'code', 'nl', 'en'],
} as const;
