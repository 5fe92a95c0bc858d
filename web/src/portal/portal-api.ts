/**
 * The portal's only way to the server: the typed client (openapi-fetch over the types generated from the server's
 * OpenAPI document, ../shared/api-client.ts) with the portal's own transport — the portal's cookie (`dw_portal`, sent
 * by the browser), the portal's CSRF header on every state-changing request, and no staff purpose header ever.
 * Separate from the staff client (../shared/api.ts `staffTransport`) on purpose: a 401 here ends the portal session
 * only (never on a refused log-in under /api/portal/auth/), and the staff's activity listeners (its idle timer) hear
 * nothing of the portal. A refusal becomes an ApiError carrying the server's problem+json (the engine's Dutch `nl`,
 * English `en`, articles `basis`); `unreachable`/`unexpected` are the browser's own, worded from the catalogue.
 *
 *   const requests = await dataOf(portal.GET('/api/portal/requests'));
 */
import createClient from 'openapi-fetch';
import { ApiError, createTransport, saveAs, type Problem } from '../shared/api';
import { transportMiddleware, type paths } from '../shared/api-client';

export { ApiError, type Problem };
export { apiPath, dataOf, type BodyOf, type ResponseOf } from '../shared/api-client';

/** The portal's own CSRF header (src/portal/portal-route.ts), never the staff's. */
const CSRF = { 'x-dossierwijzer-portal-csrf': '1' };

const sessionEnded = new Set<() => void>();
/** Told when the server answers 401 on anything but the log-in itself: the portal shows its log-in page. */
export function onPortalSessionEnded(listener: () => void): () => void {
  sessionEnded.add(listener);
  return () => sessionEnded.delete(listener);
}

/** The portal's transport: its CSRF header, no purpose, its own session. */
export const portalTransport = createTransport({
  csrf: CSRF,
  onSessionEnded: () => sessionEnded.forEach((l) => l()),
  // A refused log-in (or /me before one) is not an ended session.
  endsSession: (path) => !/^\/api\/portal\/auth\//.test(path),
  unreachable: { status: 0, code: 'unreachable', nl: '' },
  unexpected: (status) => ({ status, code: 'unexpected-answer', nl: '' }),
});

/** The portal's typed client. */
export const portal = createClient<paths>({ credentials: 'same-origin' });
portal.use(transportMiddleware(portalTransport));

/** Any thrown value as a problem to show. */
export function problemFrom(error: unknown): Problem {
  if (error instanceof ApiError) return error.problem;
  return { status: 0, code: 'unexpected', nl: '' };
}

/**
 * Fetches a file (a letter, a copy, an export, an attachment) with the portal session and hands it to the browser.
 * `url` is built with `apiPath(...)`, so its path is one the server's schema knows.
 */
export async function portalDownload(url: string, fileName: string, headers: Record<string, string> = {}): Promise<void> {
  let response: Response;
  try {
    response = await fetch(url, { method: 'GET', credentials: 'same-origin', headers: portalTransport.headersFor('GET', url, { accept: '*/*', ...headers }) });
  } catch {
    throw portalTransport.unreachable();
  }
  await portalTransport.check(response, url);
  saveAs(await response.blob(), fileName);
}
