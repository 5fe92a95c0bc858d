/**
 * `npm run bench`: the benchmark scenarios the issues name, each against a
 * raw-SQL baseline measured in the same run. PGlite by default, PostgreSQL
 * when DATABASE_URL is set. Every scenario yields one `ScenarioResult`
 * (ops/s, p50/p99, baseline ops/s, ratio, target, RSS; src/bench/result.ts),
 * printed as it finishes and as a table at the end; bench-results/*.json is
 * rewritten after each scenario. A failing scenario is reported and the rest
 * still run; the exit code is then 1.
 *
 * Scenario 1 (issue 2, issue 18): read a 50-entry timeline page over HTTP
 * (session, policy, access log, decryption included) vs. the same SELECTs
 * through the driver and vs. the audited baseline (those SELECTs and a
 * committed log row in one statement), at each BENCH_CONCURRENCY
 * (audited-bench.ts). Targets on PostgreSQL: at 16 connections ratio ≥ 0.5 to
 * the driver, ≥ 0.8 to the audited baseline, p99 < 50 ms; at 64 no errors and
 * p99 < 150 ms.
 * Scenario 2 (issue 5): the copy PDF of a 1,000-entry dossier; beside it (issue 13) the
 * copy of a dossier with one 1 MiB entry, as one unbroken word and as prose.
 * Scenario 3 (issue 4): verify-log throughput in rows/s.
 * Scenario 4 (issue 4): "who saw client X" over 10 million log rows (< 50 ms).
 * Scenario 5 (issue 7): retention dry-run sweep over 100,000 dossiers (< 60 s), destruction dossiers/s.
 * Scenario 6 (issue 18): an audited entry create over HTTP vs. the entry and its log row in one transaction (≥ 0.5).
 * Scenario 7 (issue 19): the client portal's dossier view (`GET /api/portal/dossier`) for a mother with custody of a
 * 14-year-old (agreement and shielding applied), over HTTP, vs. the same entries, their shieldings, releases and a
 * committed log row in one statement, at each BENCH_CONCURRENCY; its own population of BENCH_PORTAL_CLIENTS (5)
 * clients × BENCH_PORTAL_ENTRIES (50) entries (portal-bench.ts). The timeline's targets.
 */
import { randomBytes } from 'node:crypto';
import os from 'node:os';
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import v8 from 'node:v8';
import vm from 'node:vm';
import { loadConfig } from '../config/config.js';
import type { Database } from '../db/database.js';
import { createScratchDatabase } from '../db/scratch-database.js';
import { openPostgres } from '../db/postgres-database.js';
import { createApp } from '../http/app.js';
import { ensureEmployee, ensureOrganisation } from '../organisation/organisation-service.js';
import { generatePopulation } from './generate.js';
import type { HttpLoadJob, HttpLoadResult } from './http-load-worker.js';
import { benchLogin, type BenchSession } from './bench-login.js';
import { benchVerifyLog } from './verify-log-bench.js';
import { benchWhoSaw } from './who-saw-bench.js';
import { benchRetention } from './retention-bench.js';
import { issue18Targets, timelineScenario, writeScenario, type AuditedBenchContext } from './audited-bench.js';
import { portalDossierScenario, portalPopulation, type PortalBenchContext, type PortalPopulation } from './portal-bench.js';
import { resultTable, rssMiB, writeResults, type FailedScenario, type ScenarioResult } from './result.js';
import { withProgressLine } from '../cli/progress-line.js';

function envInt(name: string, fallback: number): number {
  const value = Number(process.env[name] ?? fallback);
  return Number.isInteger(value) && value > 0 ? value : fallback;
}

function envInts(name: string, fallback: number[]): number[] {
  const values = (process.env[name] ?? '').split(',').map((v) => Number(v.trim())).filter((v) => Number.isInteger(v) && v > 0);
  return values.length > 0 ? values : fallback;
}

const settings = {
  clients: envInt('BENCH_CLIENTS', 10_000),
  entriesPerClient: envInt('BENCH_ENTRIES', 50),
  seconds: envInt('BENCH_SECONDS', 10),
  /** BENCH_CONCURRENCY=16,64: scenarios 1 and 6 run at each (issue 18's targets name both). */
  concurrency: envInts('BENCH_CONCURRENCY', [16, 64]),
};

/** Times the copy PDF of one client with 1,000 entries, over HTTP, `runs` times, against reading its rows through the driver. */
async function copyPdfScenario(
  db: Database, masterKey: Buffer, organisationId: string, employeeId: string, address: string, session: BenchSession, runs: number,
): Promise<ScenarioResult> {
  const { clientIds: [clientId] } = await generatePopulation(db, masterKey, organisationId, employeeId, { clients: 1, entriesPerClient: 1000 });
  const { cookie, writeHeaders: headers } = session;
  const created = await fetch(`${address}/api/clients/${clientId}/requests`, {
    method: 'POST', headers, body: JSON.stringify({ kind: 'copy', channel: 'written', receivedOn: '2026-01-05', details: 'Kopie.' }),
  });
  const { id } = await created.json() as { id: string };
  await fetch(`${address}/api/clients/${clientId}/requests/${id}/decision`, { method: 'POST', headers, body: JSON.stringify({ outcome: 'granted', reasons: '' }) });
  const times: number[] = [];
  let bytes = 0;
  // The server's CPU per copy (its PDF workers are threads of this process): what the copy costs on a quiet machine.
  const cpuBefore = process.cpuUsage();
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    const response = await fetch(`${address}/api/clients/${clientId}/requests/${id}/copy.pdf`, { headers: { cookie } });
    bytes = (await response.arrayBuffer()).byteLength;
    if (response.status !== 200) throw new Error(`copy.pdf answered ${response.status}`);
    times.push(performance.now() - start);
  }
  const cpu = process.cpuUsage(cpuBefore);
  const cpuMsPerCopy = (cpu.user + cpu.system) / 1000 / runs;
  // Baseline: the same 1,000 rows read straight through the driver (no policy, decryption or PDF).
  const raw: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await db.query('SELECT id, kind, recorded_at, occurred_on, source_kind, statement_type, ciphertext FROM care.entries WHERE client_id = $1 ORDER BY recorded_at', [clientId]);
    raw.push(performance.now() - start);
  }
  const http = latencies(times);
  const baseline = latencies(raw);
  // Beside it (issue 13): the copy of a dossier whose one entry is 1 MiB, once one unbroken word, once Dutch prose.
  const unbroken = await oneMiBCopy(db, masterKey, organisationId, employeeId, address, session, 'abcdefghijklmnopqrstuvwxyz', runs);
  const prose = await oneMiBCopy(db, masterKey, organisationId, employeeId, address, session, 'De moeder vertelt dat het thuis rustiger gaat en dat Sam weer naar school gaat. ', runs);
  process.stdout.write(`  server CPU per copy ${cpuMsPerCopy.toFixed(0)} ms (wall time p50 ${http.p50Ms.toFixed(0)} ms)\n`);
  process.stdout.write(`  1 MiB entry, one unbroken word: p50 ${unbroken.p50Ms.toFixed(0)} ms, p99 ${unbroken.p99Ms.toFixed(0)} ms\n`
    + `  1 MiB entry, Dutch prose:       p50 ${prose.p50Ms.toFixed(0)} ms, p99 ${prose.p99Ms.toFixed(0)} ms\n`);
  return {
    name: '2. copy PDF, 1,000 entries', opsPerSec: http.opsPerSec, p50Ms: http.p50Ms, p99Ms: http.p99Ms,
    baselineOpsPerSec: baseline.opsPerSec, ratio: http.opsPerSec / baseline.opsPerSec,
    target: 'p99 < 2 s', targetMet: http.p99Ms < 2000, serverRssMiB: rssMiB(),
    extra: {
      unit: 'one copy PDF (baseline: one SELECT of its rows)', entries: 1000, kib: Math.round(bytes / 1024), samples: runs, baselineP50Ms: baseline.p50Ms, cpuMsPerCopy,
      oneMiBUnbrokenWordP50Ms: unbroken.p50Ms, oneMiBUnbrokenWordP99Ms: unbroken.p99Ms, oneMiBDutchProseP50Ms: prose.p50Ms, oneMiBDutchProseP99Ms: prose.p99Ms,
    },
  };
}

/** Times the copy PDF of a new client whose one extra entry is 1 MiB of `unit` repeated (issue 13: one unbroken word took minutes). */
async function oneMiBCopy(
  db: Database, masterKey: Buffer, organisationId: string, employeeId: string, address: string, session: BenchSession, unit: string, runs: number,
): Promise<{ p50Ms: number; p99Ms: number }> {
  const { clientIds: [clientId] } = await generatePopulation(db, masterKey, organisationId, employeeId, { clients: 1, entriesPerClient: 1 });
  const { cookie, writeHeaders: headers } = session;
  const text = unit.repeat(Math.ceil(1024 * 1024 / unit.length)).slice(0, 1024 * 1024).trim();
  const entry = await fetch(`${address}/api/clients/${clientId}/entries`, {
    method: 'POST', headers, body: JSON.stringify({ kind: 'conversation-report', text, source: { kind: 'care-professional' } }),
  });
  if (entry.status !== 201) throw new Error(`the 1 MiB entry answered ${entry.status}`);
  const created = await fetch(`${address}/api/clients/${clientId}/requests`, {
    method: 'POST', headers, body: JSON.stringify({ kind: 'copy', channel: 'written', receivedOn: '2026-01-05', details: 'Kopie.' }),
  });
  const { id } = await created.json() as { id: string };
  await fetch(`${address}/api/clients/${clientId}/requests/${id}/decision`, { method: 'POST', headers, body: JSON.stringify({ outcome: 'granted', reasons: '' }) });
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    const response = await fetch(`${address}/api/clients/${clientId}/requests/${id}/copy.pdf`, { headers: { cookie } });
    await response.arrayBuffer();
    if (response.status !== 200) throw new Error(`copy.pdf of the 1 MiB entry answered ${response.status}`);
    times.push(performance.now() - start);
  }
  return latencies(times);
}

/** p50/p99 of sequential timings, and their rate (count over summed time). */
function latencies(times: readonly number[]): { p50Ms: number; p99Ms: number; opsPerSec: number } {
  const sorted = [...times].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
  return { p50Ms: at(0.5), p99Ms: at(0.99), opsPerSec: sorted.length / (sorted.reduce((a, b) => a + b, 0) / 1000) };
}

/** A full garbage collection (V8's `gc`, reached without starting Node with --expose-gc). */
function collectGarbage(): void {
  v8.setFlagsFromString('--expose-gc');
  (vm.runInNewContext('gc') as () => void)();
}

/** The HTTP load runs in a child process (http-load-worker.ts): the server's figures and RSS stay its own. */
function httpLoad(job: HttpLoadJob): Promise<HttpLoadResult> {
  return new Promise((resolve, reject) => {
    const child = fork(fileURLToPath(new URL('./http-load-worker.js', import.meta.url)), [], { stdio: 'inherit' });
    child.once('message', (result: HttpLoadResult) => resolve(result));
    child.once('error', reject);
    child.once('exit', (code) => {
      if (code !== 0) reject(new Error(`load generator exited with ${code}`));
    });
    child.send(job);
  });
}

function summary(r: ScenarioResult): string {
  const ms = (v: number | null) => (v === null ? '–' : v.toFixed(2));
  return `  → ${r.opsPerSec.toFixed(1)} ops/s, p50 ${ms(r.p50Ms)} ms, p99 ${ms(r.p99Ms)} ms; baseline ${r.baselineOpsPerSec.toFixed(1)} ops/s, ratio ${r.ratio.toFixed(3)}; `
    + `RSS ${r.serverRssMiB.toFixed(0)} MiB; target ${r.target}: ${r.targetMet ? 'met' : 'NOT met'}\n`;
}

async function main(): Promise<void> {
  const serverUrl = process.env.DATABASE_URL;
  const backend = serverUrl === undefined || serverUrl === '' ? 'pglite' : 'postgres';
  process.stdout.write(`Dossierwijzer benchmark on ${backend}; ${os.cpus().length} CPUs, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}\n`);
  process.stdout.write(`Settings: ${JSON.stringify(settings)}; load average ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}\n`);

  const scratch = await createScratchDatabase(serverUrl, 'dw_bench', Math.max(20, ...settings.concurrency));
  const masterKey = randomBytes(32);
  // Admission control and the session cache (issue 18) as the environment sets them, as a server would take them.
  const tuning = Object.fromEntries(Object.entries(process.env).filter(([name]) => /^DW_(MAX_|SESSION_CACHE_MS$)/.test(name)));
  const config = { ...loadConfig({ ...tuning, DW_DEMO: 'false', LOG_LEVEL: 'warn' }), databaseUrl: scratch.url };
  process.stdout.write(`Admission: ${JSON.stringify(config.admission)}; session cache ${config.sessionCacheMs} ms\n`);
  const app = await createApp(config, { db: scratch.db, masterKey });
  try {
    const organisationId = await ensureOrganisation(scratch.db, 'Benchmark-organisatie');
    const password = randomBytes(12).toString('base64url');
    const employeeId = await ensureEmployee(scratch.db, organisationId, { username: 'bench', displayName: 'Bench', functionTitle: 'Jeugdhulpverlener', role: 'care-professional', password });

    const started = performance.now();
    const population = await withProgressLine(process.stdout, (progress) => generatePopulation(scratch.db, masterKey, organisationId, employeeId, {
      ...settings,
      onProgress: (done) => progress.update(`  generating: ${done}/${settings.clients} clients × ${settings.entriesPerClient} entries`),
    }));
    process.stdout.write(`  generated in ${((performance.now() - started) / 1000).toFixed(1)} s\n`);
    // VACUUM as well as ANALYZE (issue 18): otherwise autovacuum visits the freshly written tables during the first
    // scenario and its CPU is counted as that scenario's database CPU. On PostgreSQL as the server's user (the owner).
    if (scratch.url === undefined) await scratch.db.query('ANALYZE').catch(() => undefined);
    else {
      const owner = openPostgres(scratch.url, { maxConnections: 1 });
      await owner.exec('VACUUM (ANALYZE)').finally(() => owner.close());
    }

    // The population was generated in this process (hex strings of every ciphertext, some hundred MB for 10,000
    // clients): collect that garbage now, so the RSS measured under load is the server's, not the generator's.
    collectGarbage();
    process.stdout.write(`  RSS before the scenarios ${rssMiB().toFixed(0)} MiB\n`);

    const address = await app.server.listen({ host: '127.0.0.1', port: 0 });
    const session = await benchLogin(scratch.db, masterKey, address, { id: employeeId, username: 'bench', password });
    const { cookie } = session;

    const results: ScenarioResult[] = [];
    const failed: FailedScenario[] = [];
    const file = `bench-results/${new Date().toISOString().replaceAll(':', '-')}-${backend}.json`;
    const machine = { cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model, memGiB: os.totalmem() / 2 ** 30, node: process.version };
    const header = { backend, settings, machine };
    /** Runs one scenario; its result (or its failure) is printed and the JSON file rewritten at once. */
    const only = (process.env.BENCH_SCENARIOS ?? '').split(',').map((s) => s.trim()).filter((s) => s !== '');
    const scenario = async (name: string, run: () => Promise<ScenarioResult>) => {
      // BENCH_SCENARIOS=1,4 runs only those (by the number in the scenario's name).
      if (only.length > 0 && !only.some((n) => name.startsWith(`Scenario ${n}:`))) return;
      process.stdout.write(`\n${name}\n`);
      try {
        const result = await run();
        results.push(result);
        process.stdout.write(summary(result));
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        failed.push({ name, error: message });
        process.stdout.write(`\n  FAILED: ${message}\n`);
      }
      await writeResults(file, header, results, failed);
    };

    const audited: AuditedBenchContext = {
      db: scratch.db, address, organisationId, employeeId, clientIds: population.clientIds, cookie, writeHeaders: session.writeHeaders,
      seconds: settings.seconds, httpLoad, write: (text) => process.stdout.write(text), profileDir: process.env.BENCH_PROFILE,
    };
    for (const concurrency of settings.concurrency) {
      await scenario(`Scenario 1: timeline page of 50 entries at ${concurrency} connections`, () => timelineScenario(audited, concurrency, backend));
    }

    await scenario('Scenario 2: copy PDF of a 1,000-entry dossier (target < 2 s)', () =>
      copyPdfScenario(scratch.db, masterKey, organisationId, employeeId, address, session, envInt('BENCH_COPY_RUNS', 5)));

    await scenario('Scenario 3: verify-log throughput', async () => {
      const verify = await withProgressLine(process.stdout, (progress) =>
        benchVerifyLog({ serverUrl, rows: envInt('BENCH_LOG_ROWS', 200_000), runs: envInt('BENCH_VERIFY_RUNS', 3), onProgress: (n) => progress.update(`  appending log rows: ${n}`) }));
      process.stdout.write(`  appended ${verify.rows} rows at ${verify.appendRowsPerSecond.toFixed(0)} rows/s; verified at ${verify.verifyRowsPerSecond.toFixed(0)} rows/s (intact: ${verify.ok})\n`);
      const runs = latencies(verify.verifyRunsMs);
      return {
        name: '3. verify-log', opsPerSec: verify.verifyRowsPerSecond, p50Ms: runs.p50Ms, p99Ms: runs.p99Ms,
        baselineOpsPerSec: verify.rawReadRowsPerSecond, ratio: verify.verifyRowsPerSecond / verify.rawReadRowsPerSecond,
        target: 'chain verified intact', targetMet: verify.ok, serverRssMiB: rssMiB(),
        extra: {
          unit: 'one log row verified (latency: one full verification; baseline: reading the rows in order)', rows: verify.rows, samples: verify.verifyRunsMs.length,
          appendRowsPerSecond: verify.appendRowsPerSecond, rawReadRunsMs: verify.rawReadRunsMs,
        },
      };
    });

    const logRows = envInt('BENCH_WHO_SAW_ROWS', backend === 'postgres' ? 10_000_000 : 1_000_000);
    await scenario(`Scenario 4: who saw client X, over ${logRows.toLocaleString('en')} access-log rows (target < 50 ms)`, async () => {
      const officerId = await ensureEmployee(scratch.db, organisationId, { username: 'bench.fg', displayName: 'Bench FG', functionTitle: 'Functionaris gegevensbescherming', role: 'privacy-officer', password });
      const officer = await benchLogin(scratch.db, masterKey, address, { id: officerId, username: 'bench.fg', password });
      const whoSaw = await withProgressLine(process.stdout, (progress) => benchWhoSaw({
        db: scratch.db, url: scratch.url, address, cookie: officer.cookie, organisationId, employeeId, clientIds: population.clientIds, rows: logRows,
        requests: envInt('BENCH_WHO_SAW_REQUESTS', 200), onProgress: (n) => progress.update(`  generating log rows: ${n}`),
      }));
      process.stdout.write(`  generated in ${whoSaw.generateSeconds.toFixed(0)} s; ${whoSaw.requests} sequential requests, page of 100\n`);
      return {
        name: '4. who saw client X', opsPerSec: whoSaw.http.opsPerSec, p50Ms: whoSaw.http.p50Ms, p99Ms: whoSaw.http.p99Ms,
        baselineOpsPerSec: whoSaw.raw.opsPerSec, ratio: whoSaw.http.opsPerSec / whoSaw.raw.opsPerSec,
        target: 'p99 < 50 ms', targetMet: whoSaw.http.p99Ms < 50, serverRssMiB: rssMiB(),
        extra: { unit: 'one page of 100 over HTTP, one at a time (baseline: the page query)', logRows, samples: whoSaw.requests, baselineP50Ms: whoSaw.raw.p50Ms, baselineP99Ms: whoSaw.raw.p99Ms, generateSeconds: whoSaw.generateSeconds },
      };
    });

    await scenario('Scenario 5: retention sweep (dry run, target < 60 s) and destruction throughput', async () => {
      const retention = await withProgressLine(process.stdout, (progress) => benchRetention({
        serverUrl, dossiers: envInt('BENCH_RETENTION_DOSSIERS', 100_000), destroy: envInt('BENCH_RETENTION_DESTROY', 2_000), onProgress: (text) => progress.update(`  ${text}`),
      }));
      process.stdout.write(`  dry-run sweep over ${retention.sweep.scanned} dossiers: ${retention.sweep.seconds.toFixed(1)} s (${retention.sweep.due} due); raw SQL count ${retention.rawCountSeconds.toFixed(1)} s\n`);
      process.stdout.write(`  destruction: ${retention.destruction.dossiers} dossiers at ${retention.destruction.dossiersPerSecond.toFixed(0)} dossiers/s\n`);
      const sweepMs = retention.sweep.seconds * 1000;
      const baseline = retention.sweep.scanned / retention.rawCountSeconds;
      return {
        name: '5. retention sweep (dry run)', opsPerSec: retention.sweep.dossiersPerSecond, p50Ms: sweepMs, p99Ms: sweepMs,
        baselineOpsPerSec: baseline, ratio: retention.sweep.dossiersPerSecond / baseline,
        target: 'sweep < 60 s', targetMet: retention.sweep.seconds < 60, serverRssMiB: rssMiB(),
        extra: {
          unit: 'one dossier scanned (latency: the whole sweep, one sample; baseline: the candidate question as one SQL count)', samples: 1,
          dossiers: retention.sweep.scanned, due: retention.sweep.due, destruction: retention.destruction,
        },
      };
    });

    // After the reads (its entries would change their pages) and the long-running scenarios' set-up.
    for (const concurrency of settings.concurrency) {
      await scenario(`Scenario 6: audited entry create at ${concurrency} connections (target ratio ≥ 0.5)`, () => writeScenario(audited, concurrency));
    }

    // Scenario 7 (issue 19): its own small population of 14-year-olds, each with a mother's portal session.
    const portal: PortalBenchContext = { ...audited, masterKey, deps: app.deps };
    let portalClients: PortalPopulation | undefined;
    for (const concurrency of settings.concurrency) {
      await scenario(`Scenario 7: portal dossier view, mother of a 14-year-old, at ${concurrency} connections`, async () => {
        portalClients ??= await portalPopulation(portal, envInt('BENCH_PORTAL_CLIENTS', 5), envInt('BENCH_PORTAL_ENTRIES', 50));
        return portalDossierScenario(portal, portalClients, concurrency, backend);
      });
    }

    process.stdout.write(`\n${resultTable(results, failed)}\n${issue18Targets(results)}Results written to ${file}\n`);
    if (failed.length > 0) process.exitCode = 1;
  } finally {
    await app.close();
    await scratch.drop();
  }
}

await main();
