/**
 * Serves the web application for professionals (built by Vite into dist/web)
 * at `/`: hashed assets under /assets/ with long caching, and index.html for
 * every other non-API GET path so that the browser's own routing works after
 * a reload. Unknown /api/ paths stay the API's own 404 (problem+json).
 * When the UI has not been built, `/` says so in plain Dutch.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

/** dist/web, seen from both src/http (tests) and dist/http (the built server). */
export const WEB_UI_ROOT = fileURLToPath(new URL('../../dist/web/', import.meta.url));

const NOT_BUILT = '<!doctype html><html lang="nl"><head><meta charset="utf-8"><title>Dossierwijzer</title></head>'
  + '<body><main><h1>Dossierwijzer</h1><p>De webtoepassing is nog niet gebouwd. Voer <code>npm run build</code> uit en start de server opnieuw.</p>'
  + '<p>De API werkt wel: zie <a href="/api/docs">/api/docs</a>.</p></main></body></html>';

export async function webUiRoutes(app: FastifyInstance, root: string = WEB_UI_ROOT): Promise<void> {
  const built = existsSync(`${root}index.html`);
  if (built) {
    await app.register(fastifyStatic, {
      root: `${root}assets`,
      prefix: '/assets/',
      // File names carry a content hash: a changed file gets a new name.
      maxAge: '365d',
      immutable: true,
      index: false,
    });
  }
  const page = async (request: FastifyRequest, reply: FastifyReply) => {
    if (request.url.startsWith('/api/') || request.url === '/api') return reply.callNotFound();
    if (!built) return reply.type('text/html; charset=utf-8').send(NOT_BUILT);
    // The page itself is never cached, so a new release is picked up at once.
    return reply.header('cache-control', 'no-cache').sendFile('index.html', root, { cacheControl: false });
  };
  app.get('/', { schema: { hide: true } }, page);
  app.get('/*', { schema: { hide: true } }, page);
}
