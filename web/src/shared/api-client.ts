/**
 * The typed way to the server (issue 15 item 13): an openapi-fetch client over the types generated from the server's
 * own OpenAPI document (api-schema.ts, `npm run api:types`), so a path, its parameters, its body and its answer are
 * checked by `tsc -p web` against the route schemas instead of hand-written interfaces and URL strings.
 *
 * Its middleware is the staff transport of api.ts — the same purpose and CSRF headers, the same-origin cookie, the
 * activity and session-ended listeners (a 401 still leads to the log-in page) — and a refusal is thrown as the same
 * ApiError with the server's problem+json, so `toProblem` and the ProblemBox keep working. Hence `data` is always the
 * success body: use `dataOf(client.GET(...))`.
 *
 *   const client = await dataOf(server.GET('/api/clients/{clientId}', { params: { path: { clientId } } }));
 *   type Client = ResponseOf<'/api/clients/{clientId}'>;
 */
import createClient, { type Middleware } from 'openapi-fetch';
import { staffTransport, type Transport } from './api';
import type { paths } from './api-schema';

export type { paths } from './api-schema';

/** The path and query of a request's URL (the transport decides on those, never on the origin). */
function pathOf(url: string): string {
  const parsed = new URL(url, 'http://localhost');
  return parsed.pathname + parsed.search;
}

/** openapi-fetch middleware that sends every request through a Transport (api.ts). */
export function transportMiddleware(transport: Transport): Middleware {
  return {
    onRequest({ request }) {
      const own = Object.fromEntries(request.headers.entries());
      for (const [name, value] of Object.entries(transport.headersFor(request.method, pathOf(request.url), own))) request.headers.set(name, value);
      return request;
    },
    async onResponse({ request, response }) {
      await transport.check(response, pathOf(request.url));
      return undefined;
    },
    onError() {
      return transport.unreachable();
    },
  };
}

/** The staff application's typed client. */
export const server = createClient<paths>({ credentials: 'same-origin' });
server.use(transportMiddleware(staffTransport));

/**
 * The success body of a typed call; a refusal was already thrown as ApiError by the middleware.
 * A 204 answer (no body) gives undefined, as its schema says.
 */
export async function dataOf<T>(pending: Promise<{ data?: T; response: Response }>): Promise<T> {
  const { data } = await pending;
  return data as T;
}

export type HttpMethod = 'get' | 'post' | 'put' | 'patch' | 'delete';
type Ok = 200 | 201 | 202 | 203 | 204;
type JsonOf<R> = R extends { content: { 'application/json': infer J } } ? J : R extends { content?: never } ? undefined : never;
type OperationOf<P extends keyof paths, M extends HttpMethod> = NonNullable<paths[P][M]>;

/** The success answer of `M P` as the server's schema says: `ResponseOf<'/api/clients/{clientId}'>`, `ResponseOf<'/api/clients', 'post'>`. */
export type ResponseOf<P extends keyof paths, M extends HttpMethod = 'get'> =
  OperationOf<P, M> extends { responses: infer R } ? { [S in keyof R & Ok]: JsonOf<R[S]> }[keyof R & Ok] : never;

/** The JSON body `M P` takes: `BodyOf<'/api/clients/{clientId}/entries', 'post'>`. */
export type BodyOf<P extends keyof paths, M extends HttpMethod = 'post'> =
  OperationOf<P, M> extends { requestBody?: infer B } ? JsonOf<NonNullable<B>> : never;

/** The query parameters `M P` takes. */
export type QueryOf<P extends keyof paths, M extends HttpMethod = 'get'> =
  OperationOf<P, M> extends { parameters: { query?: infer Q } } ? NonNullable<Q> : never;

/** The paths that answer `M`: `PathsWith<'get'>`. */
export type PathsWith<M extends HttpMethod> = { [P in keyof paths]: paths[P] extends { [K in M]: object } ? P : never }[keyof paths];

type ParamNames<S extends string> = S extends `${string}{${infer Name}}${infer Rest}` ? Name | ParamNames<Rest> : never;
type Query = Record<string, string | number | boolean | undefined>;
type PathArguments<P extends string> = [ParamNames<P>] extends [never]
  ? [params?: Record<string, never>, query?: Query]
  : [params: Record<ParamNames<P>, string>, query?: Query];

/**
 * The URL of a path the schema knows, its `{params}` filled in (encoded) and an optional query added — for what is
 * not a JSON call: a download (`download(apiPath(...), ...)`), a link, an <img>. The path is checked against the schema.
 */
export function apiPath<P extends keyof paths>(path: P, ...[params, query = {}]: PathArguments<P>): string {
  const named: Record<string, string> = params ?? {};
  const filled = path.replace(/\{([^}]+)\}/g, (_, name: string) => encodeURIComponent(named[name] ?? ''));
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) if (value !== undefined) search.set(name, String(value));
  const text = search.toString();
  return text === '' ? filled : `${filled}?${text}`;
}

/** Polls the server's progress of an export every `ms` until `stop()` is called (src/exports/export-progress.ts). */
export function followProgress(progressId: string, onProgress: (p: ResponseOf<'/api/exports/progress/{progressId}'>) => void, ms = 400): () => void {
  let live = true;
  const tick = () => {
    if (!live) return;
    dataOf(server.GET('/api/exports/progress/{progressId}', { params: { path: { progressId } } }))
      .then((p) => live && onProgress(p), () => undefined)
      .finally(() => {
        if (live) setTimeout(tick, ms);
      });
  };
  setTimeout(tick, ms);
  return () => {
    live = false;
  };
}
