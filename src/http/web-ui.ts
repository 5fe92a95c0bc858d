/**
 * Serves the web application for professionals (built by Vite into dist/web)
 * at `/`: hashed assets under /assets/ with long caching, the favicon, and
 * index.html for every other non-API GET path so that the browser's own
 * routing works after a reload. Every spelling of an /api (or /health) path
 * that the router did not match stays the API's own 404 (problem+json).
 * When the UI has not been built, `/` says so in plain Dutch.
 *
 * The build writes a brotli (`.br`) and a gzip (`.gz`) copy beside each asset
 * (precompress.ts); @fastify/static picks one from `Accept-Encoding`
 * (`preCompressed`) and answers `Vary: Accept-Encoding`. Source maps are not
 * built, and a `.map` file that is there anyway is never served: it would
 * hand out the application's source.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

/** dist/web, seen from both src/http (tests) and dist/http (the built server). */
export const WEB_UI_ROOT = fileURLToPath(new URL('../../dist/web/', import.meta.url));

/** The favicon, from web/public (Vite copies it to the root of dist/web). */
export const FAVICON = 'favicon.svg';

const NOT_BUILT = '<!doctype html><html lang="nl"><head><meta charset="utf-8"><title>Dossierwijzer</title></head>'
  + '<body><main><h1>Dossierwijzer</h1><p>De webtoepassing is nog niet gebouwd. Voer <code>npm run build</code> uit en start de server opnieuw.</p>'
  + '<p>De API werkt wel: zie <a href="/api/docs">/api/docs</a>.</p></main></body></html>';

/**
 * The web application's routes (patterns): public, and cached by their own
 * rules. Every other route's answer is `no-store` (security-headers.ts).
 */
const WEB_UI_ROUTES = new Set(['/', '/*', '/assets/*', `/${FAVICON}`]);

/** True for a route pattern of the web application (not the API). */
export function isWebUiRoute(routeUrl: string | undefined): boolean {
  return routeUrl !== undefined && WEB_UI_ROUTES.has(routeUrl);
}

/** Files served only as an encoding of their logical path, or never: source maps and the compressed copies themselves. */
const NEVER_SERVED_DIRECTLY = /\.(map|br|gz)$/i;

/**
 * True when a path the catch-all page would answer is a spelling of the API,
 * /health or /metrics that the router did not match (`/api%2Fclients`, `//api`,
 * `/API/`, `/%2561pi/…`, a trailing slash): those get the API's 404, never
 * the page. Decoded until stable, slashes collapsed, dot segments resolved,
 * capitals ignored.
 */
export function looksLikeApi(path: string): boolean {
  let text = path;
  for (let round = 0; round < 4; round++) {
    let decoded: string;
    try {
      decoded = decodeURIComponent(text);
    } catch {
      break;
    }
    if (decoded === text) break;
    text = decoded;
  }
  const collapsed = `/${text}`.replaceAll('\\', '/').replace(/\/{2,}/g, '/');
  const resolved = new URL(collapsed, 'http://dossierwijzer.invalid').pathname.toLowerCase();
  return /^\/(api|health|metrics)(?![a-z0-9_-])/.test(resolved);
}

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
      preCompressed: true,
      allowedPath: (pathName) => !NEVER_SERVED_DIRECTLY.test(pathName),
    });
  }
  const page = async (request: FastifyRequest, reply: FastifyReply) => {
    const path = (request.params as { '*'?: string })['*'] ?? '';
    if (looksLikeApi(path) || NEVER_SERVED_DIRECTLY.test(path)) return reply.callNotFound();
    if (!built) return reply.header('cache-control', 'no-cache').type('text/html; charset=utf-8').send(NOT_BUILT);
    // The page itself is never cached, so a new release is picked up at once.
    return reply.header('cache-control', 'no-cache').sendFile('index.html', root, { cacheControl: false });
  };
  const options = { config: { public: true }, schema: { hide: true } } as const;
  app.get('/', options, page);
  app.get(`/${FAVICON}`, options, async (_request, reply) => {
    if (!built || !existsSync(`${root}${FAVICON}`)) return reply.callNotFound();
    return reply.header('cache-control', 'public, max-age=86400').sendFile(FAVICON, root, { cacheControl: false });
  });
  app.get('/*', options, page);
}
