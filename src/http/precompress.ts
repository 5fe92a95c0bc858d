/**
 * Writes a brotli (`.br`) and a gzip (`.gz`) copy beside every compressible
 * file of the built web application, once at build time (the Vite plugin in
 * web/vite.config.ts calls it), so the server sends them as they are
 * (@fastify/static `preCompressed`, web-ui.ts) instead of compressing each
 * answer on the request path. Only node:zlib: no dependency.
 *
 * @example
 * await precompressDirectory('dist/web'); // dist/web/assets/index-abc.js.br, …gz
 */
import { readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';

const brotli = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

/** Text formats worth compressing; images and fonts are compressed already. */
const COMPRESSIBLE = /\.(js|mjs|css|html|svg|json|txt|xml|webmanifest)$/i;

/** Below this size the headers cost more than compression saves. */
export const MIN_COMPRESS_BYTES = 1024;

/** Compresses every compressible file under `dir` (recursively); returns the paths of the copies written. */
export async function precompressDirectory(dir: string): Promise<string[]> {
  const written: string[] = [];
  for (const name of await readdir(dir, { recursive: true })) {
    const path = join(dir, name);
    if (!COMPRESSIBLE.test(name) || !(await stat(path)).isFile()) continue;
    const content = await readFile(path);
    if (content.length < MIN_COMPRESS_BYTES) continue;
    const [br, gz] = await Promise.all([
      brotli(content, {
        params: {
          [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
          [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
          [constants.BROTLI_PARAM_SIZE_HINT]: content.length,
        },
      }),
      gzipAsync(content, { level: constants.Z_BEST_COMPRESSION }),
    ]);
    // A copy that does not come out smaller is not worth sending.
    if (br.length < content.length) {
      await writeFile(`${path}.br`, br);
      written.push(`${path}.br`);
    }
    if (gz.length < content.length) {
      await writeFile(`${path}.gz`, gz);
      written.push(`${path}.gz`);
    }
  }
  return written;
}
