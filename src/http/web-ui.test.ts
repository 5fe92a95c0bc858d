/**
 * The web application's files (issue 13 §6): assets are sent compressed when
 * the browser asks for it (brotli before gzip, `Vary: Accept-Encoding`),
 * source maps and the compressed copies are never served by their own name,
 * the favicon exists and index.html links it. The app is built over a
 * directory laid out like dist/web, compressed by the same step the build runs.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../config/config.js';
import { createTestDatabase, type TestDatabase } from '../test-support/test-database.js';
import { createApp, type App } from './app.js';
import { MIN_COMPRESS_BYTES, precompressDirectory } from './precompress.js';
import { looksLikeApi } from './web-ui.js';

let dir: string;
let database: TestDatabase;
let app: App;
/** Compressible and well over the threshold, like a real bundle. */
const script = Array.from({ length: 400 }, (_, i) => `export const value${i} = 'Dossierwijzer ${i}';`).join('\n');
const style = 'body { font-family: sans-serif; }\n'.repeat(100);

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'dw-web-'));
  await mkdir(join(dir, 'assets'));
  await writeFile(join(dir, 'index.html'), '<!doctype html><html lang="nl"><head><link rel="icon" href="/favicon.svg"></head><body></body></html>');
  await writeFile(join(dir, 'favicon.svg'), readFileSync(new URL('../../web/public/favicon.svg', import.meta.url)));
  await writeFile(join(dir, 'assets', 'index-abc123.js'), script);
  await writeFile(join(dir, 'assets', 'index-abc123.css'), style);
  await writeFile(join(dir, 'assets', 'tiny-abc123.js'), 'export {};');
  await writeFile(join(dir, 'assets', 'index-abc123.js.map'), JSON.stringify({ version: 3, sources: ['../src/secret.ts'] }));
  await precompressDirectory(dir);
  database = await createTestDatabase();
  const config = { ...loadConfig({ DW_DEMO: 'false', LOG_LEVEL: 'silent' }), databaseUrl: database.url };
  app = await createApp(config, { db: database.db, masterKey: randomBytes(32), webRoot: `${dir}/` });
});
afterAll(async () => {
  await app.close();
  await database.drop();
  await rm(dir, { recursive: true, force: true });
});

describe('the build step compresses the assets', () => {
  it('writes a .br and a .gz copy beside each compressible file over the threshold, and none for tiny files', () => {
    expect(existsSync(join(dir, 'assets', 'index-abc123.js.br'))).toBe(true);
    expect(existsSync(join(dir, 'assets', 'index-abc123.js.gz'))).toBe(true);
    expect(existsSync(join(dir, 'assets', 'index-abc123.css.br'))).toBe(true);
    expect(existsSync(join(dir, 'assets', 'tiny-abc123.js.br'))).toBe(false);
    expect(Buffer.byteLength('export {};')).toBeLessThan(MIN_COMPRESS_BYTES);
  });
});

describe('static assets', () => {
  const get = (url: string, acceptEncoding?: string) => app.server.inject({ method: 'GET', url, headers: acceptEncoding === undefined ? {} : { 'accept-encoding': acceptEncoding } });

  it('sends brotli to a browser that accepts it, and the same bytes decompressed', async () => {
    const response = await get('/assets/index-abc123.js', 'gzip, deflate, br');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-encoding']).toBe('br');
    expect(String(response.headers['vary']).toLowerCase()).toContain('accept-encoding');
    expect(response.headers['content-type']).toContain('javascript');
    expect(response.headers['cache-control']).toContain('immutable');
    expect(response.rawPayload.length).toBeLessThan(Buffer.byteLength(script) / 3);
    expect(brotliDecompressSync(response.rawPayload).toString('utf8')).toBe(script);
  });

  it('sends gzip when the browser accepts only gzip, and the plain file when it accepts nothing', async () => {
    const gz = await get('/assets/index-abc123.css', 'gzip');
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gz.headers['content-type']).toContain('text/css');
    expect(gunzipSync(gz.rawPayload).toString('utf8')).toBe(style);
    const plain = await get('/assets/index-abc123.css');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(String(plain.headers['vary']).toLowerCase()).toContain('accept-encoding');
    expect(plain.body).toBe(style);
  });

  it('never serves a source map or a compressed copy by its own name', async () => {
    for (const url of ['/assets/index-abc123.js.map', '/assets/index-abc123.js.br', '/assets/index-abc123.js.gz', '/assets/INDEX-abc123.js.map', '/index-abc123.js.map']) {
      const response = await get(url, 'br, gzip');
      expect(response.statusCode, url).toBe(404);
      expect(response.body, url).not.toContain('secret.ts');
    }
  });

  it('serves the favicon as SVG, and the page links it', async () => {
    const response = await get('/favicon.svg');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('image/svg+xml');
    expect(response.body).toContain('<svg');
    const index = readFileSync(new URL('../../web/index.html', import.meta.url), 'utf8');
    expect(index).toMatch(/<link rel="icon" type="image\/svg\+xml" href="\/favicon\.svg"/);
  });

  it('answers the page for the application\'s own paths, never cached, and the API\'s 404 for spellings of the API', async () => {
    const page = await get('/clients/00000000-0000-4000-8000-000000000000/tijdlijn');
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toContain('text/html');
    expect(page.headers['cache-control']).toBe('no-cache');
    for (const url of ['/api%2Fclients', '//api/clients', '/API/clients', '/%2561pi/clients', '/api/auth/me;x', '/Health']) {
      const response = await get(url);
      expect(response.statusCode, url).toBe(404);
      expect(response.headers['content-type'], url).toContain('application/problem+json');
      expect(response.headers['cache-control'], url).toBe('no-store');
    }
  });
});

describe('looksLikeApi', () => {
  it.each([
    ['api/clients', true], ['API', true], ['/api', true], ['%2561pi/x', true], ['x/../api/y', true], ['health', true], ['api;x', true],
    ['clients/1/tijdlijn', false], ['apis-overzicht', false], ['healthy', false], ['', false], ['%E0%A4%A', false],
  ])('%s → %s', (path, expected) => {
    expect(looksLikeApi(path)).toBe(expected);
  });
});
