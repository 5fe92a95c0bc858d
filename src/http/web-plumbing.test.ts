/**
 * The web application's restructuring rule (issue 15 item 13): the list of web modules still on the old way may only
 * shrink.
 *
 * The new way: a call to the server goes through the typed client (`server.GET('/api/…', …)` in
 * web/src/shared/api-client.ts, types generated from the server's OpenAPI document into api-schema.ts), its answer
 * typed by the schema (`ResponseOf<'/api/…'>`) instead of a hand-written interface, loaded with TanStack Query
 * (`useQuery`, keys from shared/query-keys.ts) and changed with `useApiMutation`, which names the keys it makes stale.
 * A URL that is not a JSON call (a PDF or XLSX download, a link) is built with `apiPath('/api/…', params)`, so its path
 * too is one the schema knows.
 *
 * The old way, which this test finds in every module under web/src (the staff application and web/src/portal):
 *  - a value import of the untyped `get`, `post`, `api` or `raw` from shared/api.ts, or of `portalGet`, `portalPost`,
 *    `portalApi` or `portalRaw` from portal/portal-api.ts — their answers are typed by hand (`get<MyInterface>(…)`);
 *  - an inline URL string or template starting with `/api/` anywhere else than as the path of a typed call
 *    (`server.GET(`…), of `apiPath(` or of a schema type (`ResponseOf<`, `BodyOf<`, `QueryOf<`, `paths[`).
 * The plumbing itself (shared/api.ts, shared/api-client.ts, the generated shared/api-schema.ts) is not scanned.
 * A hand-written interface for an answer left behind after the move is caught by `tsc -p web`: the typed client's
 * answer must be assignable to it, so it cannot drift from the server unseen; replace it with `ResponseOf<…>`.
 *
 * STILL_ON_THE_OLD_WAY lists the modules that still do so, grouped by who moves them (each edits only their group). The test fails when a module not on the list does (write it
 * the new way), and when a listed module no longer does (take it off the list: the list only shrinks). It is empty
 * since the move is done; the old `get/post/api` are gone (`raw` stays as the transport for downloads).
 */
import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const WEB = join(ROOT, 'web', 'src');

const PLUMBING = new Set(['web/src/shared/api.ts', 'web/src/shared/api-client.ts', 'web/src/shared/api-schema.ts']);

const STILL_ON_THE_OLD_WAY: readonly string[] = [
  // Empty: every module is on the typed client (the last, the client's timeline, moved last). Keep it so.
];

const OLD_FUNCTIONS: Record<string, string[]> = {
  'api': ['get', 'post', 'api', 'raw'],
  'portal-api': ['portalGet', 'portalPost', 'portalApi', 'portalRaw'],
};

async function webModules(dir = WEB): Promise<string[]> {
  const found: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) found.push(...await webModules(path));
    else if (/\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name)) found.push(relative(ROOT, path).split('\\').join('/'));
  }
  return found.sort();
}

/** The text without comments (block comments, and line comments that start a line), so prose naming a URL is not code. */
function withoutComments(text: string): string {
  return text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
}

/** Why a module is on the old way (empty: it is not). */
function oldWaysIn(source: string): string[] {
  const code = withoutComments(source);
  const reasons: string[] = [];
  for (const match of code.matchAll(/import\s*\{([^}]*)\}\s*from\s*['"]([^'"]+)['"]/g)) {
    const module = match[2]!.split('/').pop()!;
    const old = OLD_FUNCTIONS[module];
    if (old === undefined) continue;
    const names = match[1]!.split(',').map((n) => n.trim()).filter((n) => n !== '' && !n.startsWith('type '));
    const imported = names.map((n) => n.split(/\s+as\s+/)[0]!.trim()).filter((n) => old.includes(n));
    if (imported.length > 0) reasons.push(`imports the untyped ${imported.join(', ')} from ${match[2]!}`);
  }
  for (const match of code.matchAll(/['"`]\/api\//g)) {
    const before = code.slice(Math.max(0, match.index - 40), match.index);
    if (/(\.(GET|POST|PUT|PATCH|DELETE)|\bapiPath|\b(ResponseOf|BodyOf|QueryOf)<|\bpaths\[)\s*\(?\s*$/.test(before)) continue;
    const line = code.slice(0, match.index).split('\n').length;
    reasons.push(`an inline URL ${code.slice(match.index, code.indexOf('\n', match.index)).trim().slice(0, 60)} (line ${line} without comments)`);
  }
  return reasons;
}

describe('the web application\'s way to the server (issue 15 item 13: the old-way list only shrinks)', () => {
  it('recognises the old way and the new', () => {
    expect(oldWaysIn('import { get, toProblem } from \'../../shared/api\';')).toHaveLength(1);
    expect(oldWaysIn('import { toProblem, type Problem } from \'../../shared/api\';')).toEqual([]);
    expect(oldWaysIn('const x = await get<Foo>(`/api/clients/${id}`);')).toHaveLength(1);
    expect(oldWaysIn('void download(\'/api/clients/x/export.pdf\', name, onProgress);')).toHaveLength(1);
    expect(oldWaysIn('const c = await dataOf(server.GET(\'/api/clients/{clientId}\', { params: { path: { clientId } } }));')).toEqual([]);
    expect(oldWaysIn('void download(apiPath(\'/api/clients/{clientId}/requests/{requestId}/copy.pdf\', { clientId, requestId }), name, p);')).toEqual([]);
    expect(oldWaysIn('type Client = ResponseOf<\'/api/clients/{clientId}\'>;')).toEqual([]);
    expect(oldWaysIn('/** As `GET \'/api/clients\'` returns it. */\nexport const x = 1;')).toEqual([]);
    expect(oldWaysIn('import { portalGet } from \'../portal-api\';')).toHaveLength(1);
  });

  it('lists exactly the web modules still on the old way, and the list only shrinks', async () => {
    const found: Record<string, string[]> = {};
    for (const module of await webModules()) {
      if (PLUMBING.has(module)) continue;
      const reasons = oldWaysIn(await readFile(join(ROOT, module), 'utf8'));
      if (reasons.length > 0) found[module] = reasons;
    }
    const listed = new Set(STILL_ON_THE_OLD_WAY);
    const newlyOld = Object.keys(found).filter((m) => !listed.has(m)).map((m) => `${m}: ${found[m]!.join('; ')}`);
    const nowNew = STILL_ON_THE_OLD_WAY.filter((m) => found[m] === undefined);
    expect(newlyOld, 'These web modules are not on STILL_ON_THE_OLD_WAY but use the old way: write them with the typed client '
    + '(server.GET/POST from shared/api-client.ts, apiPath for downloads, useQuery/useApiMutation; see ARCHITECTURE.md, "Web application")').toEqual([]);
    expect(nowNew, 'These web modules are on the new way: take them off STILL_ON_THE_OLD_WAY in src/http/web-plumbing.test.ts (the list only shrinks)').toEqual([]);
  });
});
