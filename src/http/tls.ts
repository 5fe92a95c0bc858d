/**
 * Whether a request reached the browser's side over TLS. The server itself
 * speaks plain HTTP behind a TLS-terminating reverse proxy (SECURITY.md), so it
 * knows TLS only from the proxy's `X-Forwarded-Proto`, which Fastify believes
 * only from the addresses in DW_TRUST_PROXY, or from DW_PUBLIC_URL=https://…,
 * which says every browser reaches us over TLS whatever the header.
 */
import type { FastifyRequest } from 'fastify';
import type { Config } from '../config/config.js';

/** True when the answer travels over TLS: set the `__Host-` Secure cookie and HSTS. */
export function servedOverTls(request: FastifyRequest, config: Pick<Config, 'publicUrl'>): boolean {
  return request.protocol === 'https' || config.publicUrl?.startsWith('https://') === true;
}

/** What start-up says when nothing tells the server about TLS; undefined when something does. */
export function plainHttpWarning(config: Pick<Config, 'publicUrl' | 'trustProxy'>): string | undefined {
  if (config.trustProxy !== false || config.publicUrl?.startsWith('https://') === true) return undefined;
  return 'NODE_ENV=production, but neither DW_TRUST_PROXY nor an https:// DW_PUBLIC_URL is set: session cookies are sent without Secure, '
    + 'no HSTS is sent, and behind a reverse proxy every caller has the proxy\'s address (one log-in throttle for all, the proxy\'s address in the access log). '
    + 'Set DW_TRUST_PROXY to the proxy\'s address (see SECURITY.md).';
}
