/**
 * `npm run bench`: the benchmark scenarios the issues name, each against a
 * raw-SQL baseline measured in the same run. PGlite by default, PostgreSQL
 * when DATABASE_URL is set. Figures go to stdout and bench-results/*.json.
 *
 * Scenario 1 (issue 2): read a 50-entry timeline page over HTTP (session,
 * policy, access log, decryption included) vs. the same SELECTs through the
 * driver. Targets on PostgreSQL: ratio ≥ 0.5, p99 < 50 ms at 64 connections.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import os from 'node:os';
import { Worker } from 'node:worker_threads';
import { loadConfig } from '../config/config.js';
import type { Database } from '../db/database.js';
import { createScratchDatabase } from '../db/scratch-database.js';
import { createApp } from '../http/app.js';
import { ensureEmployee, ensureOrganisation } from '../organisation/organisation-service.js';
import { generatePopulation } from './generate.js';
import type { HttpLoadJob } from './http-load-worker.js';
import { benchVerifyLog } from './verify-log-bench.js';
import { runLoad, type LoadResult } from './load.js';

function envInt(name: string, fallback: number): number {
  const value = Number(process.env[name] ?? fallback);
  return Number.isInteger(value) && value > 0 ? value : fallback;
}

const settings = {
  clients: envInt('BENCH_CLIENTS', 10_000),
  entriesPerClient: envInt('BENCH_ENTRIES', 50),
  seconds: envInt('BENCH_SECONDS', 10),
  concurrency: envInt('BENCH_CONCURRENCY', 64),
};

/** Times the copy PDF of one client with 1,000 entries, over HTTP, a few times. */
async function copyPdfScenario(db: Database, masterKey: Buffer, organisationId: string, employeeId: string, address: string, cookie: string) {
  const { clientIds: [clientId] } = await generatePopulation(db, masterKey, organisationId, employeeId, { clients: 1, entriesPerClient: 1000 });
  const headers = { cookie, 'content-type': 'application/json' };
  const created = await fetch(`${address}/api/clients/${clientId}/requests`, {
    method: 'POST', headers, body: JSON.stringify({ kind: 'copy', channel: 'written', receivedOn: '2026-01-05', details: 'Kopie.' }),
  });
  const { id } = await created.json() as { id: string };
  await fetch(`${address}/api/clients/${clientId}/requests/${id}/decision`, { method: 'POST', headers, body: JSON.stringify({ outcome: 'granted', reasons: '' }) });
  const times: number[] = [];
  let bytes = 0;
  for (let i = 0; i < 5; i++) {
    const start = performance.now();
    const response = await fetch(`${address}/api/clients/${clientId}/requests/${id}/copy.pdf`, { headers: { cookie } });
    bytes = (await response.arrayBuffer()).byteLength;
    if (response.status !== 200) throw new Error(`copy.pdf answered ${response.status}`);
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return { entries: 1000, kib: Math.round(bytes / 1024), runs: times.length, bestMs: times[0]!, medianMs: times[Math.floor(times.length / 2)]! };
}

function httpLoad(job: HttpLoadJob): Promise<LoadResult> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./http-load-worker.js', import.meta.url), { workerData: job });
    worker.once('message', (result: LoadResult) => resolve(result));
    worker.once('error', reject);
  });
}

function line(name: string, r: LoadResult): string {
  return `  ${name.padEnd(34)} ${r.opsPerSecond.toFixed(0).padStart(7)} ops/s   p50 ${r.p50Ms.toFixed(2).padStart(7)} ms   p99 ${r.p99Ms.toFixed(2).padStart(7)} ms   errors ${r.errors}`;
}

async function main(): Promise<void> {
  const serverUrl = process.env.DATABASE_URL;
  const backend = serverUrl === undefined || serverUrl === '' ? 'pglite' : 'postgres';
  process.stdout.write(`Dossierwijzer benchmark on ${backend}; ${os.cpus().length} CPUs, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}\n`);
  process.stdout.write(`Settings: ${JSON.stringify(settings)}\n`);

  const scratch = await createScratchDatabase(serverUrl, 'dw_bench', Math.max(20, settings.concurrency));
  const masterKey = randomBytes(32);
  const config = { ...loadConfig({ DW_DEMO: 'false', LOG_LEVEL: 'warn' }), databaseUrl: scratch.url };
  const app = await createApp(config, { db: scratch.db, masterKey });
  try {
    const organisationId = await ensureOrganisation(scratch.db, 'Benchmark-organisatie');
    const password = randomBytes(12).toString('base64url');
    const employeeId = await ensureEmployee(scratch.db, organisationId, { username: 'bench', displayName: 'Bench', functionTitle: 'Jeugdhulpverlener', role: 'care-professional', password });

    const started = performance.now();
    const population = await generatePopulation(scratch.db, masterKey, organisationId, employeeId, {
      ...settings,
      onProgress: (done) => process.stdout.write(`\r  generating: ${done}/${settings.clients} clients × ${settings.entriesPerClient} entries`),
    });
    process.stdout.write(`\n  generated in ${((performance.now() - started) / 1000).toFixed(1)} s\n`);
    await scratch.db.query('ANALYZE').catch(() => undefined);

    const address = await app.server.listen({ host: '127.0.0.1', port: 0 });
    const login = await fetch(`${address}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'bench', password }) });
    const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0]!;
    const pick = (worker: number, i: number) => population.clientIds[(worker * 7919 + i * 104_729) % population.clientIds.length]!;

    process.stdout.write('\nScenario 1: timeline page of 50 entries\n');
    const http = await httpLoad({ urls: population.clientIds.map((id) => `${address}/api/clients/${id}/entries?limit=50`), cookie, ...settings });
    const raw = await runLoad(async (worker, i) => {
      const clientId = pick(worker, i);
      await scratch.db.query('SELECT wrapped_key FROM care.client_keys WHERE client_id = $1', [clientId]);
      const rows = await scratch.db.query<{ id: string }>(
        `SELECT e.id, e.kind, e.recorded_at, e.occurred_on, e.source_kind, e.statement_type, e.ciphertext, a.display_name
           FROM care.entries e JOIN org.employees a ON a.id = e.author_id
          WHERE e.client_id = $1 ORDER BY e.recorded_at DESC, e.id DESC LIMIT 51`, [clientId]);
      await scratch.db.query('SELECT * FROM care.entry_annotations WHERE entry_id = ANY($1::uuid[])', [rows.map((r) => r.id)]);
    }, settings);
    const ratio = http.opsPerSecond / raw.opsPerSecond;
    const rssMiB = process.memoryUsage().rss / 2 ** 20;
    process.stdout.write(`${line('HTTP (policy, log, decryption)', http)}\n${line('raw SQL baseline (driver)', raw)}\n`);
    process.stdout.write(`  ratio HTTP/raw: ${ratio.toFixed(2)} (target ≥ 0.5 on PostgreSQL)   p99 target < 50 ms at ${settings.concurrency} connections\n`);
    process.stdout.write(`  RSS of the benchmark process (server and load generator in one): ${rssMiB.toFixed(0)} MiB\n`);

    process.stdout.write('\nScenario 2: copy PDF of a 1,000-entry dossier (target < 2 s)\n');
    const copy = await copyPdfScenario(scratch.db, masterKey, organisationId, employeeId, address, cookie);
    process.stdout.write(`  ${copy.entries} entries → ${copy.kib} KiB PDF; best ${copy.bestMs.toFixed(0)} ms, median ${copy.medianMs.toFixed(0)} ms over ${copy.runs} runs\n`);

    process.stdout.write('\nScenario 3: verify-log throughput\n');
    const verify = await benchVerifyLog({ serverUrl, rows: envInt('BENCH_LOG_ROWS', 200_000), onProgress: (n) => process.stdout.write(`\r  appending log rows: ${n}`) });
    process.stdout.write(`\n  appended ${verify.rows} rows at ${verify.appendRowsPerSecond.toFixed(0)} rows/s; verified at ${verify.verifyRowsPerSecond.toFixed(0)} rows/s (intact: ${verify.ok})\n`);

    await mkdir('bench-results', { recursive: true });
    const file = `bench-results/${new Date().toISOString().replaceAll(':', '-')}-${backend}.json`;
    await writeFile(file, JSON.stringify({ backend, settings, machine: { cpus: os.cpus().length, memGiB: os.totalmem() / 2 ** 30, node: process.version }, scenarios: { timeline: { http, raw, ratio, rssMiB }, copyPdf: copy, verifyLog: verify } }, null, 2));
    process.stdout.write(`\nResults written to ${file}\n`);
  } finally {
    await app.close();
    await scratch.drop();
  }
}

await main();
