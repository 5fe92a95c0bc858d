/**
 * `npm run bench`: the benchmark scenarios the issues name, each against a
 * raw-SQL baseline measured in the same run. PGlite by default, PostgreSQL
 * when DATABASE_URL is set. Figures go to stdout and bench-results/*.json.
 *
 * Scenario 1 (issue 2): read a 50-entry timeline page over HTTP (session,
 * policy, access log, decryption included) vs. the same SELECTs through the
 * driver. Targets on PostgreSQL: ratio ≥ 0.5, p99 < 50 ms at 64 connections.
 * Scenario 2 (issue 5): the copy PDF of a 1,000-entry dossier.
 * Scenario 3 (issue 4): verify-log throughput in rows/s.
 * Scenario 4 (issue 4): "who saw client X" over 10 million log rows (< 50 ms).
 * Scenario 5 (issue 7): retention dry-run sweep over 100,000 dossiers (< 60 s), destruction dossiers/s.
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
import { benchLogin, type BenchSession } from './bench-login.js';
import { benchVerifyLog } from './verify-log-bench.js';
import { benchWhoSaw } from './who-saw-bench.js';
import { benchRetention } from './retention-bench.js';
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
async function copyPdfScenario(db: Database, masterKey: Buffer, organisationId: string, employeeId: string, address: string, session: BenchSession) {
  const { clientIds: [clientId] } = await generatePopulation(db, masterKey, organisationId, employeeId, { clients: 1, entriesPerClient: 1000 });
  const { cookie, writeHeaders: headers } = session;
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
  // Baseline: the same 1,000 rows read straight through the driver (no policy, decryption or PDF).
  const raw: number[] = [];
  for (let i = 0; i < 5; i++) {
    const start = performance.now();
    await db.query('SELECT id, kind, recorded_at, occurred_on, source_kind, statement_type, ciphertext FROM care.entries WHERE client_id = $1 ORDER BY recorded_at', [clientId]);
    raw.push(performance.now() - start);
  }
  raw.sort((a, b) => a - b);
  return { entries: 1000, kib: Math.round(bytes / 1024), runs: times.length, bestMs: times[0]!, medianMs: times[Math.floor(times.length / 2)]!, rawMedianMs: raw[Math.floor(raw.length / 2)]! };
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
    const session = await benchLogin(scratch.db, masterKey, address, { id: employeeId, username: 'bench', password });
    const { cookie } = session;
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
    const copy = await copyPdfScenario(scratch.db, masterKey, organisationId, employeeId, address, session);
    process.stdout.write(`  ${copy.entries} entries → ${copy.kib} KiB PDF; best ${copy.bestMs.toFixed(0)} ms, median ${copy.medianMs.toFixed(0)} ms over ${copy.runs} runs\n`);
    process.stdout.write(`  raw SQL baseline (the same rows, no decryption or PDF): median ${copy.rawMedianMs.toFixed(1)} ms; ratio raw/PDF ${(copy.rawMedianMs / copy.medianMs).toFixed(3)}\n`);

    process.stdout.write('\nScenario 3: verify-log throughput\n');
    const verify = await benchVerifyLog({ serverUrl, rows: envInt('BENCH_LOG_ROWS', 200_000), onProgress: (n) => process.stdout.write(`\r  appending log rows: ${n}`) });
    process.stdout.write(`\n  appended ${verify.rows} rows at ${verify.appendRowsPerSecond.toFixed(0)} rows/s; verified at ${verify.verifyRowsPerSecond.toFixed(0)} rows/s (intact: ${verify.ok})\n`);
    process.stdout.write(`  raw SQL baseline (reading the rows in order, no hashing): ${verify.rawReadRowsPerSecond.toFixed(0)} rows/s; ratio verify/raw ${(verify.verifyRowsPerSecond / verify.rawReadRowsPerSecond).toFixed(2)}\n`);

    const logRows = envInt('BENCH_WHO_SAW_ROWS', backend === 'postgres' ? 10_000_000 : 1_000_000);
    process.stdout.write(`\nScenario 4: who saw client X, over ${logRows.toLocaleString('en')} access-log rows (target < 50 ms)\n`);
    const officerId = await ensureEmployee(scratch.db, organisationId, { username: 'bench.fg', displayName: 'Bench FG', functionTitle: 'Functionaris gegevensbescherming', role: 'privacy-officer', password });
    const officer = await benchLogin(scratch.db, masterKey, address, { id: officerId, username: 'bench.fg', password });
    const whoSaw = await benchWhoSaw({
      db: scratch.db, url: scratch.url, address, cookie: officer.cookie, organisationId, employeeId, clientIds: population.clientIds, rows: logRows, requests: 200,
      onProgress: (n) => process.stdout.write(`\r  generating log rows: ${n}`),
    });
    const ms = (r: { p50Ms: number; p99Ms: number }) => `p50 ${r.p50Ms.toFixed(2)} ms   p99 ${r.p99Ms.toFixed(2)} ms`;
    process.stdout.write(`\n  generated in ${whoSaw.generateSeconds.toFixed(0)} s; ${whoSaw.requests} sequential requests, page of 100\n`);
    process.stdout.write(`  HTTP (session, policy, own log row)  ${ms(whoSaw.http)}\n  raw SQL page query                   ${ms(whoSaw.raw)}\n`);
    process.stdout.write(`  ratio raw/HTTP at p50: ${(whoSaw.raw.p50Ms / whoSaw.http.p50Ms).toFixed(2)}   server RSS now: ${(process.memoryUsage().rss / 2 ** 20).toFixed(0)} MiB\n`);

    process.stdout.write('\nScenario 5: retention sweep (dry run, target < 60 s) and destruction throughput\n');
    const retention = await benchRetention({ serverUrl, dossiers: envInt('BENCH_RETENTION_DOSSIERS', 100_000), destroy: envInt('BENCH_RETENTION_DESTROY', 2_000) });
    process.stdout.write(`  dry-run sweep over ${retention.sweep.scanned} dossiers: ${retention.sweep.seconds.toFixed(1)} s (${retention.sweep.due} due); raw SQL count ${retention.rawCountSeconds.toFixed(1)} s\n`);
    process.stdout.write(`  destruction: ${retention.destruction.dossiers} dossiers at ${retention.destruction.dossiersPerSecond.toFixed(0)} dossiers/s\n\n`);
    await mkdir('bench-results', { recursive: true });
    const file = `bench-results/${new Date().toISOString().replaceAll(':', '-')}-${backend}.json`;
    await writeFile(file, JSON.stringify({ backend, settings, machine: { cpus: os.cpus().length, memGiB: os.totalmem() / 2 ** 30, node: process.version }, scenarios: { timeline: { http, raw, ratio, rssMiB }, copyPdf: copy, verifyLog: verify, whoSaw, retention } }, null, 2));
    process.stdout.write(`\nResults written to ${file}\n`);
  } finally {
    await app.close();
    await scratch.drop();
  }
}

await main();
