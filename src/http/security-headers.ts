/**
 * Security headers on every answer; client data is never cached. HSTS only on
 * answers that travel over TLS (tls.ts): over plain HTTP browsers ignore it.
 *
 * Every decision here is taken on the matched route (`routeOptions.url`), never
 * on the raw URL: the router decodes `/%61pi/…` to an /api route, so a check on
 * `request.url` would be skipped by a spelling the router still accepts. Only
 * the web application's own page and files (web-ui.ts) keep their caching;
 * every other answer — the API, /health, the docs, any 404 or error — is
 * `no-store`.
 */
import type { FastifyInstance } from 'fastify';
import type { Config } from '../config/config.js';
import { servedOverTls } from './tls.js';
import { isWebUiRoute } from './web-ui.js';

export function installSecurityHeaders(app: FastifyInstance, config: Pick<Config, 'publicUrl'>): void {
  app.addHook('onSend', async (request, reply) => {
    const route = request.routeOptions.url;
    reply.header('x-content-type-options', 'nosniff');
    reply.header('referrer-policy', 'no-referrer');
    reply.header('x-frame-options', 'DENY');
    reply.header('content-security-policy', route?.startsWith('/api/docs') === true
      // The API docs page (Swagger UI) needs inline styles; it shows no client data.
      ? 'default-src \'self\'; style-src \'self\' \'unsafe-inline\'; img-src \'self\' data:; frame-ancestors \'none\''
      // The web UI shows the TOTP enrolment QR code, which the API answers as a data: URL.
      : 'default-src \'self\'; img-src \'self\' data:; frame-ancestors \'none\'; base-uri \'none\'; form-action \'self\'');
    if (servedOverTls(request, config)) reply.header('strict-transport-security', 'max-age=31536000; includeSubDomains');
    if (!isWebUiRoute(route) || reply.statusCode >= 400) reply.header('cache-control', 'no-store');
  });
}
