/**
 * The web application's transport (web/src/shared/api.ts) as the browser uses it, against the real app: the typed
 * client (api-client.ts, openapi-fetch) and the old `raw()` send the same headers — the CSRF header on a
 * state-changing request (without it the server refuses), the purpose header (a client's own only on that client's
 * requests) — tell the activity listeners of every answer, tell the session-ended listeners of a 401 (so the log-in
 * page comes) but not of a refused log-in, and throw a refusal as ApiError with the server's problem+json.
 *
 * The browser's part is played by a stand-in `fetch` that hands the request to the app in-process and adds the
 * session cookie as the browser would; relative URLs resolve against http://localhost as in a page.
 */
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from '../test-support/harness.js';

/** What this test uses of web/src/shared/api.ts and api-client.ts (imported at run time: the web has its own tsconfig). */
interface Problem { status: number; code?: string; nl: string }
interface WebApi {
  ApiError: new (problem: Problem) => Error & { problem: Problem };
  raw(method: string, url: string, body?: unknown): Promise<Response>;
  setPurpose(value: string | undefined): void;
  setClientPurpose(clientId: string, value: string | undefined): void;
  onSessionEnded(listener: () => void): () => void;
  onServerActivity(listener: () => void): () => void;
  toProblem(error: unknown): Problem;
}
type Call = (path: string, init?: Record<string, unknown>) => Promise<{ data?: unknown; response: Response }>;
interface WebClient {
  server: { GET: Call; POST: Call };
  dataOf<T>(pending: Promise<{ data?: T; response: Response }>): Promise<T>;
}

let h: Harness;
let web: WebApi;
let typed: WebClient;
let cookie: string | undefined;
let unreachable = false;
const seen: { method: string; path: string; headers: Record<string, string> }[] = [];

beforeAll(async () => {
  h = await createHarness();
  const Base = globalThis.Request;
  // A page resolves '/api/…' against its own origin; Node needs one named.
  globalThis.Request = class extends Base {
    constructor(input: string | URL | Request, init?: RequestInit) {
      super(typeof input === 'string' && input.startsWith('/') ? `http://localhost${input}` : input, init);
    }
  };
  globalThis.fetch = async (input: string | URL | Request, init?: RequestInit) => {
    if (unreachable) throw new TypeError('Failed to fetch');
    const request = new Request(input, init);
    const url = new URL(request.url);
    const headers = Object.fromEntries(request.headers.entries());
    seen.push({ method: request.method, path: url.pathname + url.search, headers });
    const body = request.method === 'GET' ? undefined : await request.text();
    const answer = await h.app.server.inject({
      method: request.method as 'GET', url: url.pathname + url.search,
      headers: { ...headers, ...(cookie === undefined ? {} : { cookie }) },
      ...(body === undefined || body === '' ? {} : { payload: body }),
    });
    return new Response(answer.statusCode === 204 ? null : answer.rawPayload, {
      status: answer.statusCode, headers: answer.headers as Record<string, string>,
    });
  };
  const shared = new URL('../../web/src/shared/', import.meta.url);
  web = await import(pathToFileURL(new URL('api.ts', shared).pathname).href) as WebApi;
  typed = await import(pathToFileURL(new URL('api-client.ts', shared).pathname).href) as WebClient;
});
afterAll(async () => h.close());

function last() {
  return seen[seen.length - 1]!;
}

describe('the web transport (issue 15 item 13: the typed client keeps every behaviour of raw())', () => {
  it('sends the CSRF header on a state-changing request, so the server accepts it, from both ways', async () => {
    const professional = await h.employee({ role: 'care-professional' });
    cookie = await h.login(professional);
    const clientId = await h.client({ age: 12, holder: professional });
    const viaTyped = await typed.dataOf(typed.server.POST('/api/clients/{clientId}/work-notes', {
      params: { path: { clientId } }, body: { text: 'Bellen over het gesprek van dinsdag.' },
    }));
    expect(viaTyped).toMatchObject({ id: expect.any(String) });
    expect(last().headers).toMatchObject({ 'x-dossierwijzer-csrf': '1', 'content-type': 'application/json', 'accept': 'application/json' });
    const typedHeaders = last().headers;
    const viaRaw = await web.raw('POST', `/api/clients/${clientId}/work-notes`, { text: 'Nog een aantekening.' });
    expect(viaRaw.status).toBe(201);
    expect(last().headers).toEqual(typedHeaders);
  });

  it('sends the purpose chosen for all, and a client\'s own purpose only with that client\'s requests', async () => {
    web.setPurpose('complaint 11111111-1111-4111-8111-111111111111');
    web.setClientPurpose('c-one', 'legal-claims hold-1');
    try {
      await typed.server.GET('/api/clients/{clientId}', { params: { path: { clientId: 'c-one' } } }).catch(() => undefined);
      expect(last().headers['x-dossierwijzer-purpose']).toBe('legal-claims hold-1');
      await typed.server.GET('/api/clients/{clientId}', { params: { path: { clientId: 'c-one-more' } } }).catch(() => undefined);
      expect(last().headers['x-dossierwijzer-purpose']).toBe('complaint 11111111-1111-4111-8111-111111111111');
      await web.raw('GET', '/api/clients/c-one/consents').catch(() => undefined);
      expect(last().headers['x-dossierwijzer-purpose']).toBe('legal-claims hold-1');
    } finally {
      web.setPurpose(undefined);
      web.setClientPurpose('c-one', undefined);
    }
    await typed.server.GET('/api/auth/me');
    expect(last().headers['x-dossierwijzer-purpose']).toBeUndefined();
  });

  it('throws a refusal as ApiError with the server\'s problem+json, and tells the activity listeners', async () => {
    let answered = 0;
    const stop = web.onServerActivity(() => { answered += 1; });
    const error: unknown = await typed.dataOf(typed.server.GET('/api/clients/{clientId}', {
      params: { path: { clientId: '00000000-0000-4000-8000-000000000000' } },
    })).catch((e: unknown) => e);
    stop();
    expect(error).toBeInstanceOf(web.ApiError);
    const problem = web.toProblem(error);
    expect(problem.status).toBeGreaterThanOrEqual(400);
    expect(problem.status).toBeLessThan(500);
    expect(problem.nl).not.toBe('');
    expect(answered).toBe(1);
  });

  it('ends the session on a 401, but not on a refused log-in', async () => {
    let ended = 0;
    const stop = web.onSessionEnded(() => { ended += 1; });
    try {
      const refused: unknown = await typed.dataOf(typed.server.POST('/api/auth/login', { body: { username: 'nobody-here', password: 'not-the-password' } }))
        .catch((e: unknown) => e);
      expect(web.toProblem(refused).status).toBe(401);
      expect(ended).toBe(0);
      cookie = undefined;
      const out: unknown = await typed.dataOf(typed.server.GET('/api/clients')).catch((e: unknown) => e);
      expect(web.toProblem(out).status).toBe(401);
      expect(ended).toBe(1);
      await web.raw('GET', '/api/clients').catch(() => undefined);
      expect(ended).toBe(2);
    } finally {
      stop();
    }
  });

  it('says in Dutch that the server cannot be reached', async () => {
    unreachable = true;
    try {
      const viaTyped = web.toProblem(await typed.dataOf(typed.server.GET('/api/auth/me')).catch((e: unknown) => e));
      const viaRaw = web.toProblem(await web.raw('GET', '/api/auth/me').catch((e: unknown) => e));
      expect(viaTyped).toEqual({ status: 0, nl: 'De server is niet bereikbaar. Controleer de verbinding en probeer het opnieuw.' });
      expect(viaRaw).toEqual(viaTyped);
    } finally {
      unreachable = false;
    }
  });
});
