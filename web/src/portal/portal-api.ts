/**
 * The portal's only way to the server: fetch under `/api/portal/...` with the portal's own cookie (`dw_portal`,
 * sent by the browser) and the CSRF header on every state-changing request. Separate from the staff client
 * (../api.ts) on purpose: a 401 here ends the portal session only, and no staff purpose header is ever sent.
 * A refusal becomes an ApiError carrying the server's problem+json (the engine's Dutch `nl`, English `en`,
 * articles `basis`).
 */
import { ApiError, type Problem } from '../shared/api';

export { ApiError, type Problem };

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** The portal's own CSRF header (src/portal/portal-route.ts), never the staff's. */
const CSRF = { 'x-dossierwijzer-portal-csrf': '1' };

const sessionEnded = new Set<() => void>();
/** Told when the server answers 401 on anything but the log-in itself: the portal shows its log-in page. */
export function onPortalSessionEnded(listener: () => void): () => void {
  sessionEnded.add(listener);
  return () => sessionEnded.delete(listener);
}

function isProblem(value: unknown): value is Problem {
  return typeof value === 'object' && value !== null && typeof (value as { nl?: unknown }).nl === 'string';
}

/** `status: 0, code: 'unreachable' | 'unexpected'` are the browser's own; the pages word them from the catalogue. */
async function problemOf(response: Response): Promise<Problem> {
  const body: unknown = await response.json().catch(() => undefined);
  if (isProblem(body)) return { ...body, status: response.status };
  return { status: response.status, code: 'unexpected-answer', nl: '' };
}

export async function portalRaw(method: Method, url: string, body?: unknown, headers: Record<string, string> = {}): Promise<Response> {
  const init: RequestInit = { method, credentials: 'same-origin', headers: { accept: 'application/json', ...headers } };
  if (method !== 'GET') {
    init.headers = { ...init.headers, ...CSRF };
    if (body instanceof FormData) init.body = body;
    else if (body !== undefined) {
      init.headers = { ...init.headers, 'content-type': 'application/json' };
      init.body = JSON.stringify(body);
    }
  }
  let response: Response;
  try {
    response = await fetch(url, init);
  } catch {
    throw new ApiError({ status: 0, code: 'unreachable', nl: '' });
  }
  if (!response.ok) {
    const problem = await problemOf(response);
    if (response.status === 401 && !url.startsWith('/api/portal/auth/')) sessionEnded.forEach((l) => l());
    throw new ApiError(problem);
  }
  return response;
}

export async function portalApi<T>(method: Method, url: string, body?: unknown): Promise<T> {
  const response = await portalRaw(method, url, body);
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  return (text === '' ? undefined : JSON.parse(text)) as T;
}

export const portalGet = <T>(url: string) => portalApi<T>('GET', url);
export const portalPost = <T>(url: string, body?: unknown) => portalApi<T>('POST', url, body);

/** Any thrown value as a problem to show. */
export function problemFrom(error: unknown): Problem {
  if (error instanceof ApiError) return error.problem;
  return { status: 0, code: 'unexpected', nl: '' };
}

/** Fetches a file (a letter, a copy, an attachment) with the portal session and hands it to the browser. */
export async function portalDownload(url: string, fileName: string, headers: Record<string, string> = {}): Promise<void> {
  const response = await portalRaw('GET', url, undefined, { accept: '*/*', ...headers });
  const blob = await response.blob();
  const href = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = href;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(href), 10_000);
}
