/**
 * Fuzzing (issue 8 §3), `npm run test:fuzz`: property-based requests
 * (fast-check) against every route of the OpenAPI document, as every role and
 * as nobody — valid calls from the route fixture and mutations of them (wrong
 * types, 1 MB strings, NUL bytes, `__proto__`, deep nesting, unknown fields,
 * foreign and malformed ids). For every answer:
 *   - no 5xx and no stack trace;
 *   - a 2xx JSON body matches the route's response schema;
 *   - a refused state-changing request changed nothing;
 *   - nobody without a care relation ever receives care content (a marker
 *     text written into the dossier never appears in their answers).
 * FUZZ_RUNS sets the number of requests (default 10,000).
 * Plus the checks RESTler is known for, as plain tests: use after delete
 * (destruction), wrong parent/child ids, and leakage of failed creates.
 * Cross-organisation access is in src/http/security.test.ts.
 */
import { Ajv } from 'ajv';
import addFormatsModule from 'ajv-formats';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EMPLOYEE_ROLES } from '../organisation/employee-roles.js';
import { createHarness, type Harness, type RequestMethod } from '../test-support/harness.js';
import { createRouteFixture, type RouteFixture } from '../test-support/route-fixture.js';

const RUNS = Number(process.env.FUZZ_RUNS ?? 10_000);
const MARKER = 'ZEER-GEHEIM-fuzzmarker-7f3a';

// ajv-formats is CommonJS with a default export.
const addFormats = addFormatsModule as unknown as (ajv: Ajv) => Ajv;

interface Operation {
  responses?: Record<string, { content?: Record<string, { schema?: object }> }>;
}

let h: Harness;
let fixture: RouteFixture;
let openapi: { paths: Record<string, Record<string, Operation>> };
const sessions = new Map<string, string | undefined>();
const ajv = addFormats(new Ajv({ strict: false, allErrors: false, validateFormats: true }));

beforeAll(async () => {
  h = await createHarness();
  fixture = await createRouteFixture(h);
  await h.request({ method: 'POST', url: `/api/clients/${fixture.clientId}/entries`, cookie: fixture.holderCookie, body: { kind: 'conversation-report', text: MARKER, source: { kind: 'client' } } });
  sessions.set('nobody', undefined);
  for (const role of EMPLOYEE_ROLES) sessions.set(role, await h.login(await h.employee({ role })));
  openapi = (await h.request({ method: 'GET', url: '/api/openapi.json' })).json();
}, 120_000);
afterAll(async () => h.close());

/** Tables whose row counts a refused request must leave alone (the access log and sessions may grow). */
const GUARDED = ['care.entries', 'care.entry_annotations', 'org.requests', 'org.care_team', 'formal.clients', 'org.employees', 'org.teams'];

async function guardedCounts(): Promise<string> {
  const rows = await h.database.db.query<{ counts: string }>(`SELECT concat_ws(',', ${GUARDED.map((t) => `(SELECT count(*) FROM ${t})`).join(', ')}) AS counts`);
  return rows[0]!.counts;
}

function openapiPath(pattern: string): string {
  return pattern.replace(/:([A-Za-z]+)/g, '{$1}');
}

function responseSchema(method: string, pattern: string, status: number): object | undefined {
  const operation = openapi.paths[openapiPath(pattern)]?.[method.toLowerCase()];
  return operation?.responses?.[String(status)]?.content?.['application/json']?.schema;
}

/** Values that break naive code. */
const hostile = fc.oneof(
  fc.constantFrom(null, true, false, 0, -1, 1e308, Number.MAX_SAFE_INTEGER + 2, '', ' ', '\u0000', 'a\u0000b', '../../etc/passwd',
    '\'; DROP TABLE care.entries; --', '<script>alert(1)</script>', '=HYPERLINK("http://x")', '0000-00-00', '2026-02-30', '9999-12-31',
    '00000000-0000-0000-0000-000000000000', 'ffffffff-ffff-ffff-ffff-ffffffffffff'),
  fc.constant('x'.repeat(1024 * 1024)),
  fc.string(),
  fc.string({ unit: 'binary', maxLength: 50 }),
  fc.integer(),
  fc.double(),
  fc.array(fc.string(), { maxLength: 5 }),
  fc.dictionary(fc.string({ maxLength: 10 }), fc.string({ maxLength: 10 }), { maxKeys: 5 }),
  fc.constant(JSON.parse('{"__proto__": {"admin": true}, "constructor": {"prototype": {"polluted": true}}}') as unknown),
  fc.constant((function deep(n: number): unknown { return n === 0 ? 'bodem' : { a: deep(n - 1) }; })(200)),
);

/** A mutated body: the valid one with one field replaced, dropped or added, or something else entirely. */
function bodyArbitrary(valid: unknown): fc.Arbitrary<unknown> {
  const base = (valid ?? {}) as Record<string, unknown>;
  const keys = Object.keys(base);
  const options: fc.Arbitrary<unknown>[] = [
    fc.constant(valid),
    hostile,
    fc.jsonValue(),
    fc.tuple(fc.constantFrom('role', 'organisationId', 'createdBy', 'authorId', '__proto__', 'id', 'recordedAt'), hostile)
      .map(([key, value]) => ({ ...base, [key]: value })),
  ];
  if (keys.length > 0) {
    options.push(fc.tuple(fc.constantFrom(...keys), hostile).map(([key, value]) => ({ ...base, [key]: value })));
    options.push(fc.constantFrom(...keys).map((key) => Object.fromEntries(Object.entries(base).filter(([k]) => k !== key))));
  }
  return fc.oneof(...options);
}

/** The URL with, sometimes, one id replaced by a foreign, malformed or hostile one. */
function urlArbitrary(url: string): fc.Arbitrary<string> {
  const segments = url.split('/');
  const idPositions = segments.map((s, i) => (/^[0-9a-f-]{36}$/.test(s) ? i : -1)).filter((i) => i >= 0);
  const replacement = fc.oneof(
    fc.uuid(), fc.constantFrom('1', 'null', 'undefined', '%00', '..', 'a'.repeat(5000), '00000000-0000-0000-0000-000000000000', '%E0%A4%A'),
    fc.string({ maxLength: 40 }).map(encodeURIComponent),
  );
  const withQuery = fc.oneof(fc.constant(''), fc.constantFrom('?limit=-1', '?limit=abc', '?limit=100000', '?before=x', '?cursor=%00', '?day=2026-13-45', '?a[b]=c', '?__proto__[x]=1'));
  if (idPositions.length === 0) return fc.tuple(fc.constant(url), withQuery).map(([u, q]) => u + (u.includes('?') ? q.replace('?', '&') : q));
  return fc.tuple(fc.boolean(), fc.constantFrom(...idPositions), replacement, withQuery).map(([replace, at, id, q]) => {
    const copy = [...segments];
    if (replace) copy[at] = id;
    const joined = copy.join('/');
    return joined + (joined.includes('?') ? q.replace('?', '&') : q);
  });
}

function decodable(url: string): boolean {
  try {
    decodeURI(url);
    return true;
  } catch {
    return false;
  }
}

const STACK = /\n\s+at .+:\d+:\d+|node_modules|\/src\/.+\.ts/;

describe('fuzzing every route as every role and as nobody', () => {
  it(`survives ${RUNS} generated requests: no 5xx, no stack trace, schema-true answers, nothing changed when refused, no care content leaked`, async () => {
    // Breaking the glass legitimately opens the dossier to whoever does it: leave it out of the leak check.
    const routes = Object.entries(fixture.calls).filter(([name]) => !name.includes('emergency-access'));
    const callers = [...sessions.keys()];
    let requests = 0;
    await fc.assert(fc.asyncProperty(
      fc.constantFrom(...routes).chain(([name, call]) => fc.record({
        name: fc.constant(name), url: urlArbitrary(call.url), body: bodyArbitrary(call.body), caller: fc.constantFrom(...callers),
      })),
      async ({ name, url, body, caller }) => {
        requests += 1;
        const method = name.split(' ')[0] as RequestMethod;
        const pattern = name.slice(method.length + 1);
        const cookie = sessions.get(caller);
        const before = method === 'GET' ? '' : await guardedCounts();
        const response = await h.request({ method, url, ...(cookie === undefined ? {} : { cookie }), ...(method === 'GET' ? {} : { body }) });
        const label = `${caller} ${method} ${url.slice(0, 200)}`;
        expect(response.statusCode, `${label}: ${response.body.slice(0, 300)}`).toBeLessThan(500);
        expect(response.body, label).not.toMatch(STACK);
        // Nobody gets past authentication: 401 — or the URL itself was refused before any route ran
        // (malformed percent-encoding → 400, a path no route matches → 404, a URL too long → 414).
        if (caller === 'nobody') expect([401, 404, 414].includes(response.statusCode) || !decodable(url), `${label}: ${response.statusCode}`).toBe(true);
        if (caller !== 'nobody') expect(response.body, label).not.toContain(MARKER);
        if (method !== 'GET' && response.statusCode >= 400) expect(await guardedCounts(), `${label} changed data`).toBe(before);
        if (response.statusCode < 300 && String(response.headers['content-type']).includes('application/json')) {
          const schema = responseSchema(method, pattern, response.statusCode);
          if (schema !== undefined) {
            const validate = ajv.compile(schema);
            expect(validate(response.json()), `${label}: ${JSON.stringify(validate.errors)}`).toBe(true);
          }
        }
      },
    ), { numRuns: RUNS, endOnFailure: true });
    expect(requests).toBeGreaterThanOrEqual(RUNS);
  }, 1_800_000);
});

describe('RESTler-style checks', () => {
  let holder: string;
  let clientA: string;
  let clientB: string;
  let entryOfA: string;

  beforeAll(async () => {
    const professional = await h.employee({ role: 'care-professional' });
    holder = await h.login(professional);
    clientA = await h.client({ age: 10, holder: professional });
    clientB = await h.client({ age: 11, holder: professional });
    const created = await h.request({ method: 'POST', url: `/api/clients/${clientA}/entries`, cookie: holder, body: { kind: 'plan', text: 'Plan van A', source: { kind: 'client' } } });
    entryOfA = created.json<{ id: string }>().id;
  });

  it('wrong parent/child ids: an entry of client A under client B\'s URL is not found, and annotating it there changes nothing', async () => {
    const read = await h.request({ method: 'GET', url: `/api/clients/${clientB}/entries/${entryOfA}`, cookie: holder });
    expect(read.statusCode).toBe(404);
    const before = await guardedCounts();
    const annotate = await h.request({ method: 'POST', url: `/api/clients/${clientB}/entries/${entryOfA}/annotations`, cookie: holder, body: { kind: 'addition', reason: 'verkeerde cliënt' } });
    expect(annotate.statusCode).toBe(404);
    expect(await guardedCounts()).toBe(before);
  });

  it('leakage of failed creates: an entry refused for bad input never shows up afterwards', async () => {
    const refused = await h.request({ method: 'POST', url: `/api/clients/${clientA}/entries`, cookie: holder, body: { kind: 'plan', text: 'MISLUKT-9c1e', source: { kind: 'client' }, authorId: 'x' } });
    expect(refused.statusCode).toBe(400);
    const timeline = await h.request({ method: 'GET', url: `/api/clients/${clientA}/entries?limit=100`, cookie: holder });
    expect(timeline.statusCode).toBe(200);
    expect(timeline.body).not.toContain('MISLUKT-9c1e');
  });

  it('use after delete: once a dossier is destroyed on request, its entries are gone for every route', async () => {
    const parentRelation = await h.request({
      method: 'POST', url: `/api/clients/${clientA}/relations`, cookie: holder,
      body: { relation: 'parent', hasCustody: true, custodyKind: 'two-headed-parental', familyName: 'Ouder', givenNames: 'Pim', establishedHow: 'gezagsregister', validFrom: '2026-01-05' },
    });
    const request = await h.request({
      method: 'POST', url: `/api/clients/${clientA}/requests`, cookie: holder,
      body: { kind: 'destroy', requesterRelationId: parentRelation.json<{ id: string }>().id, channel: 'written', receivedOn: '2026-11-20', details: 'Vernietig het dossier.' },
    });
    expect(request.statusCode).toBe(201);
    const requestId = request.json<{ id: string }>().id;
    const decided = await h.request({ method: 'POST', url: `/api/clients/${clientA}/requests/${requestId}/decision`, cookie: holder, body: { outcome: 'granted', reasons: '' } });
    expect(decided.statusCode).toBe(200);
    const fulfilled = await h.request({ method: 'POST', url: `/api/clients/${clientA}/requests/${requestId}/fulfil`, cookie: holder, body: {} });
    expect(fulfilled.statusCode).toBe(200);
    // 410 Gone says the dossier was destroyed; 404 would do too. Never the entry.
    const read = await h.request({ method: 'GET', url: `/api/clients/${clientA}/entries/${entryOfA}`, cookie: holder });
    expect([404, 410]).toContain(read.statusCode);
    expect(read.body).not.toContain('Plan van A');
    const timeline = await h.request({ method: 'GET', url: `/api/clients/${clientA}/entries?limit=100`, cookie: holder });
    expect(timeline.body).not.toContain(entryOfA);
    expect(timeline.body).not.toContain('Plan van A');
    const before = await guardedCounts();
    const annotate = await h.request({ method: 'POST', url: `/api/clients/${clientA}/entries/${entryOfA}/annotations`, cookie: holder, body: { kind: 'addition', reason: 'na vernietiging' } });
    expect([404, 410]).toContain(annotate.statusCode);
    expect(await guardedCounts()).toBe(before);
  });
});
