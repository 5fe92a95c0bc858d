/**
 * An address the router cannot read is refused as problem+json with the reason in Dutch, like every other refusal:
 * a path parameter longer than the router's limit (414) and bad percent-encoding (400) used to get Fastify's own
 * JSON with a raw code (`FST_ERR_MAX_PARAM_LENGTH`), found by the fuzzing's problem+json check (issue 19).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from '../test-support/harness.js';

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
}, 120_000);
afterAll(async () => {
  await h?.close();
});

describe('addresses the router cannot read', () => {
  it.each([
    ['a path parameter over the router\'s limit', `/api/clients/${'a'.repeat(5000)}/entries`, 414, 'Dit adres is te lang.'],
    ['bad percent-encoding', '/api/clients/%E0%A4%A/entries', 400, 'Dit adres is ongeldig.'],
  ])('%s: problem+json in Dutch, no raw code of the framework in the words', async (_what, url, status, nl) => {
    // POST: the router's limit applies there (a GET of a path no route matches is the not-found handler's 404).
    const response = await h.request({ method: 'POST', url, body: {} });
    expect(response.statusCode).toBe(status);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    const body = response.json<{ status: number; nl: string; en: string }>();
    expect(body.status).toBe(status);
    expect(body.nl).toBe(nl);
    expect(body.nl + body.en).not.toMatch(/FST_ERR/);
  });
});
