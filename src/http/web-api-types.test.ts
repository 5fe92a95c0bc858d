/**
 * The web client's request and response types are generated from the server's own OpenAPI document (issue 15 item 13):
 * `web/src/shared/api-schema.ts` is openapi-typescript's rendering of `GET /api/openapi.json`, so a route schema that
 * changes and a web page that still expects the old shape no longer compile (`tsc -p web` in `npm run lint`).
 *
 * This test renders the document again and compares it with the committed file; on drift it fails and says how to
 * refresh it: `npm run api:types` (which runs this test with UPDATE_WEB_API_TYPES=1, so it writes the file instead).
 * The rendering must not depend on the database (PGlite or PostgreSQL) or on the order routes registered in.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import openapiTS, { astToString } from 'openapi-typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from '../test-support/harness.js';

const SCHEMA_FILE = fileURLToPath(new URL('../../web/src/shared/api-schema.ts', import.meta.url));

const HEADER = `/**
 * GENERATED from the server's OpenAPI document (GET /api/openapi.json) by openapi-typescript — do not edit by hand.
 * Refresh with \`npm run api:types\`; src/http/web-api-types.test.ts fails when this file and the server drift apart.
 */
/* eslint-disable */
`;

/** Object keys in sorted order, arrays kept: the rendering follows the document's key order, which follows route registration. */
function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(Object.keys(value).sort().map((key) => [key, sortKeys((value as Record<string, unknown>)[key])]));
}

async function renderWebApiTypes(document: unknown): Promise<string> {
  const ast = await openapiTS(sortKeys(document) as Parameters<typeof openapiTS>[0], { alphabetize: true, silent: true });
  return HEADER + astToString(ast);
}

/** Where the committed and the generated text first part, a few lines of each. */
function firstDifference(committed: string, generated: string): string {
  const a = committed.split('\n');
  const b = generated.split('\n');
  let line = 0;
  while (line < a.length && line < b.length && a[line] === b[line]) line += 1;
  const show = (lines: string[]) => lines.slice(Math.max(0, line - 3), line + 4).join('\n');
  return `First difference at line ${line + 1}.\nCommitted:\n${show(a)}\nGenerated:\n${show(b)}`;
}

let h: Harness;
beforeAll(async () => { h = await createHarness(); });
afterAll(async () => h.close());

describe('the web client\'s generated API types (web/src/shared/api-schema.ts)', () => {
  it('match the server\'s OpenAPI document', async () => {
    const response = await h.request({ method: 'GET', url: '/api/openapi.json' });
    expect(response.statusCode).toBe(200);
    const generated = await renderWebApiTypes(response.json());
    if (process.env.UPDATE_WEB_API_TYPES === '1') {
      await writeFile(SCHEMA_FILE, generated);
      return;
    }
    const committed = await readFile(SCHEMA_FILE, 'utf8').catch(() => '');
    if (committed !== generated) {
      expect.fail('web/src/shared/api-schema.ts no longer matches the server\'s OpenAPI document (a route schema changed). '
        + 'Run `npm run api:types` to regenerate it, then fix what `tsc -p web` reports and commit both.\n' + firstDifference(committed, generated));
    }
  }, 60_000);
});
