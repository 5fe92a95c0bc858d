/**
 * Security headers on every answer; client data is never cached. HSTS only on
 * answers that travel over TLS (tls.ts): over plain HTTP browsers ignore it.
 */
import type { FastifyInstance } from 'fastify';
import type { Config } from '../config/config.js';
import { servedOverTls } from './tls.js';

export function installSecurityHeaders(app: FastifyInstance, config: Pick<Config, 'publicUrl'>): void {
  app.addHook('onSend', async (request, reply) => {
    reply.header('x-content-type-options', 'nosniff');
    reply.header('referrer-policy', 'no-referrer');
    reply.header('x-frame-options', 'DENY');
    reply.header('content-security-policy', request.url.startsWith('/api/docs')
      // The API docs page (Swagger UI) needs inline styles; it shows no client data.
      ? 'default-src \'self\'; style-src \'self\' \'unsafe-inline\'; img-src \'self\' data:; frame-ancestors \'none\''
      // The web UI shows the TOTP enrolment QR code, which the API answers as a data: URL.
      : 'default-src \'self\'; img-src \'self\' data:; frame-ancestors \'none\'; base-uri \'none\'; form-action \'self\'');
    if (servedOverTls(request, config)) reply.header('strict-transport-security', 'max-age=31536000; includeSubDomains');
    if (request.url.startsWith('/api/') && !request.url.startsWith('/api/docs')) reply.header('cache-control', 'no-store');
  });
}
