/**
 * GET /metrics (issue 17 item 5): Prometheus text an operator can scrape —
 * request counts by route template and status class, latency, pool, database
 * outages, the access log, group-commit batches, checkpoints, sweeps, the PDF
 * pool — for the configured addresses only, and with no client data in it.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { appendAccessLog } from '../access/access-log-store.js';
import { loadConfig } from '../config/config.js';
import { openPostgres } from '../db/postgres-database.js';
import { unusedPort } from '../test-support/network.js';
import { parseExposition, sample } from '../test-support/prometheus-text.js';
import { switchableDatabase } from '../test-support/switchable-database.js';
import { createTestDatabase, type TestDatabase } from '../test-support/test-database.js';
import { createApp, type App } from './app.js';
import { exportDocumentOf, Metrics, metricsAllowList } from './metrics.js';
import { PROBLEM_CONTENT_TYPE } from './problem.js';

vi.setConfig({ testTimeout: 120_000, hookTimeout: 120_000 });

let database: TestDatabase;
let dataDir: string;

async function build(env: NodeJS.ProcessEnv = {}): Promise<{ app: App; cut: () => void; close: () => Promise<void> }> {
  const dead = openPostgres(`postgres://nobody@127.0.0.1:${await unusedPort()}/nothing`, { connectTimeoutMs: 500 });
  const { db, switchOver } = switchableDatabase(database.db, dead);
  const config = { ...loadConfig({ DW_DEMO: 'false', DW_DATA_DIR: dataDir, DW_READY_TIMEOUT_MS: '500', LOG_LEVEL: 'silent', ...env }), databaseUrl: database.url };
  const app = await createApp(config, { db, masterKey: randomBytes(32) });
  return { app, cut: switchOver, close: async () => { await app.close(); await dead.close(); } };
}

beforeAll(async () => {
  database = await createTestDatabase();
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'dw-metrics-'));
  await appendAccessLog(database.db, [{
    organisationId: '00000000-0000-4000-8000-00000000000c', employeeId: null, employeeRole: 'manager', clientId: null, action: 'read',
    part: 'dossier', outcome: 'denied', basis: 'none', purpose: 'metrics', route: '/api/clients/:clientId', sessionId: null, address: null,
  }]);
});
afterAll(async () => {
  await database.drop();
  await rm(dataDir, { recursive: true, force: true });
});

describe('GET /metrics', () => {
  it('counts requests by route template and status class with a latency histogram; ids never appear', async () => {
    const { app, close } = await build();
    try {
      const clientId = randomUUID();
      await app.server.inject({ method: 'GET', url: '/health/live' });
      await app.server.inject({ method: 'GET', url: '/health/live' });
      await app.server.inject({ method: 'GET', url: `/api/clients/${clientId}` }); // 401: no session
      await app.server.inject({ method: 'DELETE', url: `/no/such/${clientId}` });
      const answer = await app.server.inject({ method: 'GET', url: '/metrics' });
      expect(answer.statusCode).toBe(200);
      expect(answer.headers['content-type']).toBe('text/plain; version=0.0.4; charset=utf-8');
      const text = answer.body;
      expect(text).toContain('# TYPE dossierwijzer_http_requests_total counter');
      expect(text).toContain('dossierwijzer_http_requests_total{method="GET",route="/health/live",status_class="2xx"} 2');
      expect(text).toContain('dossierwijzer_http_requests_total{method="GET",route="/api/clients/:clientId",status_class="4xx"} 1');
      expect(text).toContain('dossierwijzer_http_requests_total{method="DELETE",route="(unmatched)",status_class="4xx"} 1');
      // Label order means nothing in the format (prom-client writes `le` first): looked up by name and labels.
      const parsed = parseExposition(text);
      expect(sample(parsed, 'dossierwijzer_http_request_duration_seconds_bucket', { method: 'GET', route: '/health/live', le: '+Inf' })).toBe(2);
      expect(sample(parsed, 'dossierwijzer_http_request_duration_seconds_count', { method: 'GET', route: '/health/live' })).toBe(2);
      expect(text).toMatch(/^dossierwijzer_access_log_rows \d+$/m);
      expect(text).toContain('dossierwijzer_database_up 1');
      expect(text).toContain('# TYPE dossierwijzer_log_checkpoint_failures_total counter');
      expect(text).toMatch(/^dossierwijzer_pdf_pool\{state="queued"\} \d+$/m);
      if (database.url !== undefined) {
        expect(text).toMatch(/^dossierwijzer_db_pool_connections\{state="max"\} \d+$/m);
        expect(text).toMatch(/^dossierwijzer_db_pool_waiting 0$/m);
      }
      // Export durations (issue 17 item 5), by the document the route makes and the outcome; ids never appear.
      const requestId = randomUUID();
      await app.server.inject({ method: 'GET', url: `/api/clients/${clientId}/requests/${requestId}/copy.pdf` }); // 401: no session
      const withExport = (await app.server.inject({ method: 'GET', url: '/metrics' })).body;
      expect(withExport).toContain('# TYPE dossierwijzer_export_duration_seconds histogram');
      expect(withExport).toMatch(/^dossierwijzer_export_duration_seconds_count\{document="request\/copy\.pdf",outcome="refused"\} 1$/m);
      expect(withExport).not.toContain(requestId);
      expect([
        '/api/clients/:clientId/requests/:requestId/portability.fhir.json', '/api/clients/:clientId/transfers/:transferId/dossier.pdf',
        '/api/downloads', '/api/clients/:clientId/timeline', '/api/clients/:clientId/requests/:requestId/download-links',
      ].map(exportDocumentOf)).toEqual(['request/portability.fhir.json', 'transfer/dossier.pdf', 'download', undefined, undefined]);
      // No client data: route templates only, never the id that was asked for.
      expect(text).not.toContain(clientId);
    } finally {
      await close();
    }
  });

  it('answers the Prometheus text format a scraper accepts, with the process metrics; two apps in one process count apart', async () => {
    const first = await build();
    const second = await build();
    try {
      await first.app.server.inject({ method: 'GET', url: '/health/live' });
      const answer = await first.app.server.inject({ method: 'GET', url: '/metrics' });
      expect(answer.headers['content-type']).toBe('text/plain; version=0.0.4; charset=utf-8');
      const families = parseExposition(answer.body);
      // prom-client's process collectors, under our prefix (docs/operations.md, "Metrics"): CPU, memory, event-loop lag, GC.
      for (const [name, type] of [
        ['dossierwijzer_process_cpu_seconds_total', 'counter'], ['dossierwijzer_process_resident_memory_bytes', 'gauge'],
        ['dossierwijzer_nodejs_heap_size_used_bytes', 'gauge'], ['dossierwijzer_nodejs_eventloop_lag_p99_seconds', 'gauge'],
        ['dossierwijzer_nodejs_gc_duration_seconds', 'histogram'], ['dossierwijzer_process_start_time_seconds', 'gauge'],
        ['dossierwijzer_http_requests_total', 'counter'], ['dossierwijzer_database_up', 'gauge'],
      ] as const) expect(families.get(name)?.type, name).toBe(type);
      expect(sample(families, 'dossierwijzer_process_resident_memory_bytes')).toBeGreaterThan(10_000_000);
      expect(sample(families, 'dossierwijzer_process_start_time_seconds')).toBeLessThanOrEqual(Date.now() / 1000);
      // Every metric the runbook's Metrics table names is a family here (an operator's dashboard and alerts keep working).
      const runbook = await readFile(path.resolve(import.meta.dirname, '../../docs/operations.md'), 'utf8');
      const table = runbook.slice(runbook.indexOf('\n## Metrics\n'));
      const named = [...new Set([...table.matchAll(/`(dossierwijzer_[a-z0-9_]+)/g)].map((m) => m[1]!).filter((n) => !n.endsWith('_')))];
      expect(named.length).toBeGreaterThan(20);
      expect(named.filter((name) => !families.has(name))).toEqual([]);
      // Every name has our prefix: nothing from prom-client's global registry or another library.
      expect([...families.keys()].filter((name) => !name.startsWith('dossierwijzer_'))).toEqual([]);
      // Each app its own registry: the second app did not see the first one's request, and scrapes as well.
      const other = parseExposition((await second.app.server.inject({ method: 'GET', url: '/metrics' })).body);
      expect(sample(families, 'dossierwijzer_http_requests_total', { method: 'GET', route: '/health/live', status_class: '2xx' })).toBe(1);
      expect(sample(other, 'dossierwijzer_http_requests_total', { method: 'GET', route: '/health/live', status_class: '2xx' })).toBeUndefined();
      expect(other.get('dossierwijzer_process_resident_memory_bytes')?.type).toBe('gauge');
      // The reader refuses what a scraper would: it can fail.
      expect(() => parseExposition('dossierwijzer_x 1\n')).toThrow(/no TYPE/);
      expect(() => parseExposition('# TYPE a counter\na{route="/x} 1\n')).toThrow(/not closed/);
      expect(() => parseExposition('# TYPE a counter\na 1\n# TYPE b gauge\nb 1\na{x="y"} 1\n')).toThrow(/not together/);
      expect(() => parseExposition('# TYPE h histogram\nh_bucket{le="1"} 2\nh_bucket{le="+Inf"} 1\nh_sum 1\nh_count 1\n')).toThrow(/cumulative/);
    } finally {
      await first.close();
      await second.close();
    }
  });

  it('counts requests the database could not serve, and says the database is down', async () => {
    const { app, cut, close } = await build();
    try {
      cut();
      const login = await app.server.inject({ method: 'POST', url: '/api/auth/login', headers: { 'x-dossierwijzer-csrf': '1' }, payload: { username: 'j.devries', password: 'geheim-wachtwoord-1' } });
      expect(login.statusCode).toBe(503);
      const text = (await app.server.inject({ method: 'GET', url: '/metrics' })).body;
      expect(text).toContain('dossierwijzer_database_unavailable_total 1');
      expect(text).toContain('dossierwijzer_database_up 0');
      expect(text).toContain('dossierwijzer_http_requests_total{method="POST",route="/api/auth/login",status_class="5xx"} 1');
    } finally {
      await close();
    }
  });

  it('is refused (403 problem+json, Dutch and English) outside DW_METRICS_ALLOW, through an untrusted proxy, and when off', async () => {
    const { app, close } = await build();
    try {
      const far = await app.server.inject({ method: 'GET', url: '/metrics', remoteAddress: '203.0.113.9' });
      expect(far.statusCode).toBe(403);
      expect(far.headers['content-type']).toBe(PROBLEM_CONTENT_TYPE);
      expect(far.json()).toMatchObject({ code: 'metrics-not-allowed', nl: expect.stringContaining('DW_METRICS_ALLOW') as string });
      // A proxy on this host would make every visitor look like loopback: refused unless TRUST_PROXY names it.
      const proxied = await app.server.inject({ method: 'GET', url: '/metrics', headers: { 'x-forwarded-for': '198.51.100.7' } });
      expect(proxied.statusCode).toBe(403);
    } finally {
      await close();
    }
    const network = await build({ DW_METRICS_ALLOW: '203.0.113.0/24, ::1' });
    try {
      expect((await network.app.server.inject({ method: 'GET', url: '/metrics', remoteAddress: '203.0.113.9' })).statusCode).toBe(200);
      expect((await network.app.server.inject({ method: 'GET', url: '/metrics', remoteAddress: '198.51.100.7' })).statusCode).toBe(403);
    } finally {
      await network.close();
    }
    const off = await build({ DW_METRICS_ALLOW: 'off' });
    try {
      expect((await off.app.server.inject({ method: 'GET', url: '/metrics' })).statusCode).toBe(403);
    } finally {
      await off.close();
    }
  });

  it('refuses a DW_METRICS_ALLOW it cannot read, naming the entry', () => {
    expect(() => metricsAllowList('10.0.0.0/33')).toThrow(/DW_METRICS_ALLOW: "10.0.0.0\/33" is not an address/);
    expect(() => metricsAllowList('intranet')).toThrow(/"intranet"/);
    expect(metricsAllowList('off')).toBeUndefined();
    expect(metricsAllowList(undefined)?.check('127.0.0.1', 'ipv4')).toBe(true);
  });

  it('counts retention sweeps by outcome and group-commit batch sizes, passing every log line on', async () => {
    const metrics = new Metrics();
    const seen: string[] = [];
    const log = metrics.sweepLog({ info: (_f, m) => seen.push(m), error: (_f, m) => seen.push(m) });
    log.info({ event: 'retention-sweep' }, 'retention sweep done');
    log.info({ event: 'retention-sweep-skipped' }, 'skipped');
    log.error({ event: 'retention-sweep-failed' }, 'failed');
    metrics.observeLogBatch(3);
    metrics.checkpointFailed();
    const text = await metrics.render({ db: database.db, timeoutMs: 2000 });
    expect(seen).toEqual(['retention sweep done', 'skipped', 'failed']);
    for (const outcome of ['done', 'skipped', 'failed']) {
      expect(text).toContain(`dossierwijzer_retention_sweeps_total{outcome="${outcome}"} 1`);
      expect(text).toMatch(new RegExp(`^dossierwijzer_retention_sweep_last_seconds\\{outcome="${outcome}"\\} \\d+`, 'm'));
    }
    expect(text).toContain('dossierwijzer_access_log_group_commit_rows_bucket{le="5"} 1');
    expect(text).toContain('dossierwijzer_log_checkpoint_failures_total 1');
  });
});
