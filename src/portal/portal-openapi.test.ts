/**
 * Every portal route says what it answers in the OpenAPI document (issue 15 item 13): the web client's types are
 * generated from it (web/src/shared/api-schema.ts), and a route without a response schema would be `unknown` there,
 * so the portal's pages would go on with hand-written shapes that drift from the server. The fuzzer checks each 2xx
 * JSON answer against the schema found here (src/fuzz/api.fuzz.ts); the portal's route tests check that the schema
 * drops nothing (Fastify writes only the listed properties).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from '../test-support/harness.js';

interface Operation { responses?: Record<string, { description?: string; content?: Record<string, unknown>; headers?: Record<string, unknown> }> }

/** The portal's downloads: a file, not JSON (a PDF letter or copy, the spreadsheet, the FHIR bundle, an attachment). */
const FILES = new Set([
  'GET /api/portal/requests/{requestId}/letter.pdf',
  'GET /api/portal/requests/{requestId}/copy.pdf',
  'GET /api/portal/requests/{requestId}/export.xlsx',
  'GET /api/portal/requests/{requestId}/export.fhir.json',
  'GET /api/portal/messages/{messageId}/attachments/{attachmentId}',
]);
/** Answered with no body at all. */
const EMPTY = new Set(['POST /api/portal/auth/logout']);

let h: Harness;
let operations: [string, Operation][];
beforeAll(async () => {
  h = await createHarness();
  const response = await h.request({ method: 'GET', url: '/api/openapi.json' });
  expect(response.statusCode).toBe(200);
  const paths = response.json<{ paths: Record<string, Record<string, Operation>> }>().paths;
  operations = Object.entries(paths)
    .filter(([path]) => path.startsWith('/api/portal/'))
    .flatMap(([path, ops]) => Object.entries(ops).map(([method, op]): [string, Operation] => [`${method.toUpperCase()} ${path}`, op]));
}, 60_000);
afterAll(async () => h.close());

describe('the portal\'s routes in the OpenAPI document', () => {
  it('each JSON answer has a response schema', () => {
    expect(operations.length).toBeGreaterThan(20);
    const undocumented = operations
      .filter(([name]) => !FILES.has(name) && !EMPTY.has(name) && name !== 'GET /api/portal/auth/oidc/callback')
      .filter(([, op]) => !Object.entries(op.responses ?? {}).some(([code, r]) => /^2/.test(code) && r.content?.['application/json'] !== undefined))
      .map(([name]) => name);
    expect(undocumented).toEqual([]);
  });

  it('the OpenID Connect callback is documented as the redirect it is (303 with a Location), not as a JSON answer', () => {
    const callback = operations.find(([name]) => name === 'GET /api/portal/auth/oidc/callback')?.[1];
    expect(callback?.responses?.['303']?.headers?.['location']).toBeDefined();
    expect(callback?.responses?.['303']?.content).toBeUndefined();
    expect(Object.keys(callback?.responses ?? {}).filter((code) => /^2/.test(code))).toEqual([]);
  });
});
