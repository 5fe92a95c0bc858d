/**
 * Admission control (issue 18 item 3): beyond the requests worked on at once and the bounded queue, an /api
 * request is answered at once with 503 problem+json and Retry-After, and nothing of it runs; a queued request
 * runs when a place frees; one that waits too long gets the same 503; the health probes are never held back.
 * Behaviour only: no timing is asserted beyond "the refusal comes before the held requests finish".
 */
import Fastify, { type FastifyInstance } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../config/config.js';
import { Admission, installAdmission } from './admission.js';
import { installProblemHandlers } from './problem.js';

interface Gate {
  open: () => void;
  opened: Promise<void>;
}

function gate(): Gate {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => {
    open = resolve;
  });
  return { open, opened };
}

let server: FastifyInstance | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

/** A server whose GET /api/held waits until the test opens `held`; counts the handler runs. */
async function serverWith(settings: { maxActive: number; maxQueued: number; maxWaitMs: number }) {
  const held = gate();
  const runs = { held: 0, quick: 0 };
  const app = Fastify();
  installProblemHandlers(app);
  installAdmission(app, new Admission(settings));
  app.get('/api/held', async () => {
    runs.held += 1;
    await held.opened;
    return { ok: true };
  });
  app.get('/api/quick', () => {
    runs.quick += 1;
    return Promise.resolve({ ok: true });
  });
  app.get('/health/live', () => Promise.resolve({ status: 'ok' }));
  await app.ready();
  server = app;
  return { app, held, runs };
}

/** Lets the event loop run the requests already sent as far as they get. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 20));

describe('admission control', () => {
  it('answers 503 problem+json with Retry-After when every place is taken and the queue is full, without running the handler', async () => {
    const { app, held, runs } = await serverWith({ maxActive: 1, maxQueued: 0, maxWaitMs: 60_000 });
    const first = app.inject({ method: 'GET', url: '/api/held' });
    await settle();
    const refused = await app.inject({ method: 'GET', url: '/api/quick' });
    expect(refused.statusCode).toBe(503);
    expect(refused.headers['content-type']).toContain('application/problem+json');
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    const body = refused.json<{ code: string; nl: string; en: string; status: number }>();
    expect(body).toMatchObject({ code: 'overloaded', status: 503 });
    expect(body.nl).toMatch(/druk/);
    expect(runs.quick).toBe(0);
    held.open();
    expect((await first).statusCode).toBe(200);
    // The place is given back: the next request runs.
    expect((await app.inject({ method: 'GET', url: '/api/quick' })).statusCode).toBe(200);
    expect(runs.quick).toBe(1);
  });

  it('lets a queued request run once a place frees, in arrival order', async () => {
    const { app, held, runs } = await serverWith({ maxActive: 1, maxQueued: 2, maxWaitMs: 60_000 });
    const first = app.inject({ method: 'GET', url: '/api/held' });
    await settle();
    const queued = app.inject({ method: 'GET', url: '/api/quick' });
    await settle();
    expect(runs.quick, 'waits while the place is taken').toBe(0);
    held.open();
    expect((await first).statusCode).toBe(200);
    expect((await queued).statusCode).toBe(200);
    expect(runs.quick).toBe(1);
  });

  it('answers 503 to a request that waited longer than the bound, before the held request finishes', async () => {
    const { app, held, runs } = await serverWith({ maxActive: 1, maxQueued: 5, maxWaitMs: 30 });
    const first = app.inject({ method: 'GET', url: '/api/held' });
    await settle();
    const waited = await app.inject({ method: 'GET', url: '/api/quick' });
    expect(waited.statusCode).toBe(503);
    expect(waited.json<{ code: string }>().code).toBe('overloaded');
    expect(waited.headers['retry-after']).toBeDefined();
    expect(runs.quick).toBe(0);
    held.open();
    expect((await first).statusCode).toBe(200);
  });

  it('never holds back what is not /api (the health probes answer while the API is full)', async () => {
    const { app, held } = await serverWith({ maxActive: 1, maxQueued: 0, maxWaitMs: 60_000 });
    const first = app.inject({ method: 'GET', url: '/api/held' });
    await settle();
    expect((await app.inject({ method: 'GET', url: '/health/live' })).statusCode).toBe(200);
    held.open();
    await first;
  });

  it('gives the place back when a request fails', async () => {
    const admission = new Admission({ maxActive: 1, maxQueued: 0, maxWaitMs: 1000 });
    const app = Fastify();
    installProblemHandlers(app);
    installAdmission(app, admission);
    app.get('/api/fails', () => Promise.reject(new Error('boom')));
    await app.ready();
    server = app;
    expect((await app.inject({ method: 'GET', url: '/api/fails' })).statusCode).toBe(500);
    expect(admission.status()).toEqual({ active: 0, queued: 0, refused: 0 });
  });
});

describe('admission settings (src/config)', () => {
  it('defaults to a size for this machine and refuses values outside the documented ranges', () => {
    const { admission } = loadConfig({});
    expect(admission.maxActive).toBeGreaterThanOrEqual(4);
    expect(admission.maxQueued).toBeGreaterThanOrEqual(64);
    expect(admission.maxWaitMs).toBe(10_000);
    expect(loadConfig({ DW_MAX_ACTIVE_REQUESTS: '8', DW_MAX_QUEUED_REQUESTS: '0', DW_MAX_QUEUE_WAIT_MS: '250' }).admission)
      .toEqual({ maxActive: 8, maxQueued: 0, maxWaitMs: 250 });
    expect(() => loadConfig({ DW_MAX_ACTIVE_REQUESTS: '0' })).toThrow(ConfigError);
    expect(() => loadConfig({ DW_MAX_QUEUED_REQUESTS: '-1' })).toThrow(ConfigError);
    expect(() => loadConfig({ DW_MAX_QUEUE_WAIT_MS: '5' })).toThrow(ConfigError);
  });
});
