/**
 * The web application's transport to the server: fetch with the session cookie, the CSRF header on every
 * state-changing request and the purpose header while one is chosen. A refusal becomes an ApiError carrying the
 * server's problem+json (Dutch message `nl`, articles `basis`, and for bad input the `field`).
 * Pages call the server through the typed client (api-client.ts), which runs this transport as middleware; the
 * untyped `raw/api/get/post` below remain until src/http/web-plumbing.test.ts's old-way list is empty.
 */

import type { paths } from './api-schema';

export interface Problem {
  status: number;
  code?: string;
  nl: string;
  en?: string;
  basis?: string[];
  field?: string;
  errors?: { field: string; nl: string }[];
}

export class ApiError extends Error {
  readonly problem: Problem;
  constructor(problem: Problem) {
    super(problem.en ?? problem.nl);
    this.problem = problem;
  }
}

export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

function isProblem(value: unknown): value is Problem {
  return typeof value === 'object' && value !== null && typeof (value as { nl?: unknown }).nl === 'string';
}

/**
 * How one of the web's clients talks to the server: the headers every request carries and what every answer does.
 * The staff application's transport is `staffTransport` below; the old `raw/api/get/post` and the typed client
 * (api-client.ts, openapi-fetch middleware) both go through it, so the purpose and CSRF headers, the activity and
 * session-ended listeners and the ApiError live in one place. The portal can build its own (its CSRF header, no
 * purpose, its own session) with `createTransport`.
 */
export interface Transport {
  /** The headers for a request to `path` (path and query, no origin): accept, purpose, the caller's own, and CSRF on a non-GET. */
  headersFor(method: string, path: string, own?: Record<string, string>): Record<string, string>;
  /** Passes an ok answer through; a refusal becomes an ApiError with the server's problem+json (a 401 ends the session). */
  check(response: Response, path: string): Promise<Response>;
  /** The error to throw when the server did not answer at all. */
  unreachable(): ApiError;
}

export interface TransportOptions {
  /** The CSRF header a state-changing request carries. */
  csrf: Record<string, string>;
  /** The purpose header's value for a request to `path`, if any. */
  purposeFor?: (path: string) => string | undefined;
  /** Called on every answered request but a 401. */
  onActivity?: () => void;
  /** Called on a 401 that ends the session (see `endsSession`). */
  onSessionEnded: () => void;
  /** Whether a 401 on `path` with `problem` means the session ended (a refused log-in does not). */
  endsSession: (path: string, problem: Problem) => boolean;
  unreachable: Problem;
  /** The problem for an answer that is not problem+json. */
  unexpected: (status: number) => Problem;
}

export function createTransport(options: TransportOptions): Transport {
  async function problemOf(response: Response): Promise<Problem> {
    const body: unknown = await response.json().catch(() => undefined);
    if (isProblem(body)) return { ...body, status: response.status };
    return options.unexpected(response.status);
  }
  return {
    headersFor(method, path, own = {}) {
      const named = options.purposeFor?.(path);
      return {
        accept: 'application/json', ...(named === undefined ? {} : { 'x-dossierwijzer-purpose': named }), ...own,
        ...(method.toUpperCase() === 'GET' ? {} : options.csrf),
      };
    },
    async check(response, path) {
      if (response.status !== 401) options.onActivity?.();
      if (response.ok) return response;
      const problem = await problemOf(response);
      if (response.status === 401 && options.endsSession(path, problem)) options.onSessionEnded();
      throw new ApiError(problem);
    },
    unreachable: () => new ApiError(options.unreachable),
  };
}

/** Listeners told when the session has ended (401), so the app can show the log-in page. */
const sessionEndedListeners = new Set<() => void>();
export function onSessionEnded(listener: () => void): () => void {
  sessionEndedListeners.add(listener);
  return () => sessionEndedListeners.delete(listener);
}

/** Listeners told of every answered request: any request the server answers keeps the session alive (session-timer.tsx). */
const activityListeners = new Set<() => void>();
export function onServerActivity(listener: () => void): () => void {
  activityListeners.add(listener);
  return () => activityListeners.delete(listener);
}

/**
 * A manager states the purpose of looking into dossiers (quality control, complaint, incident);
 * the server's rules decide with it. Sent with every request while chosen.
 */
let purpose: string | undefined;
export function setPurpose(value: string | undefined): void {
  purpose = value;
}

/**
 * A purpose for one client only: reading a restricted dossier for a procedure names its hold (`legal-claims <hold>`,
 * AVG 18(2); issue 14). Sent only with that client's requests, so it cannot stick to another dossier; the client
 * page clears it when it is left.
 */
let clientPurpose: { clientId: string; value: string } | undefined;
export function setClientPurpose(clientId: string, value: string | undefined): void {
  clientPurpose = value === undefined ? undefined : { clientId, value };
}

/** The purpose to send with a request to `url`: the client's own, else the one chosen for all. */
function purposeFor(url: string): string | undefined {
  if (clientPurpose !== undefined) {
    const base = `/api/clients/${clientPurpose.clientId}`;
    if (url === base || url.startsWith(`${base}/`) || url.startsWith(`${base}?`)) return clientPurpose.value;
  }
  return purpose;
}

/** The staff application's transport (see Transport). */
export const staffTransport: Transport = createTransport({
  csrf: { 'x-dossierwijzer-csrf': '1' },
  purposeFor,
  onActivity: () => activityListeners.forEach((l) => l()),
  onSessionEnded: () => sessionEndedListeners.forEach((l) => l()),
  // A wrong current password on the password change is a refused credential, not an ended session.
  endsSession: (path, problem) => !path.startsWith('/api/auth/login') && problem.code !== 'login-failed',
  unreachable: { status: 0, nl: 'De server is niet bereikbaar. Controleer de verbinding en probeer het opnieuw.' },
  unexpected: (status) => ({ status, nl: `De server gaf een onverwacht antwoord (${status}).` }),
});

/**
 * One request through the staff transport, answering the raw Response: for downloads (PDF, XLSX), whose bytes are
 * not JSON. JSON calls go through the typed client (api-client.ts); the untyped get/post/api are gone (issue 15 item 13).
 */
export async function raw(method: Method, url: string, body?: unknown, headers: Record<string, string> = {}): Promise<Response> {
  const init: RequestInit = { method, credentials: 'same-origin', headers: staffTransport.headersFor(method, url, headers) };
  if (method !== 'GET' && body !== undefined) {
    init.headers = { ...init.headers, 'content-type': 'application/json' };
    init.body = JSON.stringify(body);
  }
  let response: Response;
  try {
    response = await fetch(url, init);
  } catch {
    throw staffTransport.unreachable();
  }
  return staffTransport.check(response, url);
}

/** The server reports how far a long export is under an id the caller chooses (src/exports/export-progress.ts). */
export const PROGRESS_HEADER = 'x-dossierwijzer-progress';
export type ServerProgress = paths['/api/exports/progress/{progressId}']['get']['responses'][200]['content']['application/json'];

/** A random UUID v4; crypto.randomUUID exists only in secure contexts, getRandomValues everywhere. */
export function newProgressId(): string {
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6]! & 0x0f) | 0x40;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const hex = [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** Turns any thrown value into a problem to show. */
export function toProblem(error: unknown): Problem {
  if (error instanceof ApiError) return error.problem;
  return { status: 0, nl: 'Er ging iets mis in de webtoepassing. Laad de pagina opnieuw.' };
}

/**
 * Downloads a file, reporting progress (0..1, or undefined while the size is
 * unknown), and hands it to the browser as a download.
 */
export async function download(url: string, fileName: string, onProgress: (fraction: number | undefined, bytes: number) => void, progressId?: string): Promise<number> {
  const response = await raw('GET', url, undefined, { accept: 'application/pdf, application/json', ...(progressId === undefined ? {} : { [PROGRESS_HEADER]: progressId }) });
  const total = Number(response.headers.get('content-length') ?? '0');
  const chunks: Uint8Array[] = [];
  let received = 0;
  onProgress(total > 0 ? 0 : undefined, 0);
  if (response.body !== null) {
    const reader = response.body.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks.push(value);
      received += value.byteLength;
      onProgress(total > 0 ? Math.min(1, received / total) : undefined, received);
    }
  }
  onProgress(1, received);
  saveAs(new Blob(chunks as BlobPart[], { type: response.headers.get('content-type') ?? 'application/octet-stream' }), fileName);
  return received;
}

/** Hands a fetched file to the browser as a download (the staff app's and the portal's downloads). */
export function saveAs(blob: Blob, fileName: string): void {
  const href = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = href;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(href), 10_000);
}
