/**
 * Scenario 1 (issue 2, issue 18) and scenario 6 (issue 18): the audited read
 * and the audited write over HTTP, each against baselines measured in the
 * same run, through the same driver and the same pool:
 *
 * - the read's *driver baseline*: the page's three SELECTs (key, page,
 *   annotations), nothing written — what the database gives for the bare
 *   reading (kept from issue 2 so figures compare);
 * - the read's *audited baseline* (issue 18): the same page, its annotations
 *   and one access-log row inserted and committed, in as few round trips as
 *   SQL allows — one statement whose data-modifying CTE writes the row
 *   (through the log's chain trigger, so under its lock) and commits with the
 *   answer. What the application must at least pay for "no read without its
 *   row";
 * - the write's *raw baseline*: the entry and its log row inserted in one
 *   transaction (again one statement).
 *
 * Ratios are printed against each baseline. On a machine others share, only
 * these same-run ratios and the CPU per operation compare between runs.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import os from 'node:os';
import type { Database } from '../db/database.js';
import { inOrganisation } from '../db/organisation-scope.js';
import { cpuBetween, cpuSnapshot } from './cpu.js';
import type { HttpLoadJob, HttpLoadResult } from './http-load-worker.js';
import { runLoad, type LoadResult } from './load.js';
import { profiled, selfTimeLines } from './profile.js';
import { rssMiB, type ScenarioResult } from './result.js';

export interface AuditedBenchContext {
  db: Database;
  address: string;
  organisationId: string;
  employeeId: string;
  clientIds: readonly string[];
  cookie: string;
  writeHeaders: Record<string, string>;
  seconds: number;
  httpLoad: (job: HttpLoadJob) => Promise<HttpLoadResult>;
  write: (text: string) => void;
  /** BENCH_PROFILE: a directory for a CPU profile of the server during each HTTP measurement (profile.ts); off when undefined. */
  profileDir?: string | undefined;
}

/** The driver baseline: the page's SELECTs as issue 2 measured them (nothing logged). */
const DRIVER_PAGE = `SELECT e.id, e.kind, e.recorded_at, e.occurred_on, e.source_kind, e.statement_type, e.ciphertext, a.display_name
   FROM care.entries e JOIN org.employees a ON a.id = e.author_id
  WHERE e.client_id = $1 ORDER BY e.recorded_at DESC, e.id DESC LIMIT 51`;

/**
 * The audited baseline in one round trip: key, page, annotations and the committed log row naming the entries shown.
 * A data-modifying CTE runs whether or not it is referenced; the statement is its own transaction, so the row is
 * committed (and flushed) before the answer arrives, or neither is.
 */
const AUDITED_PAGE = `WITH page AS (${DRIVER_PAGE}),
  logged AS (
    INSERT INTO audit.access_log (organisation_id, employee_id, employee_role, client_id, action, part, outcome, basis, entry_ids, route, session_id, address)
    SELECT $2, $3, 'care-professional', $1, 'read', 'dossier', 'allowed', 'care-relation', coalesce(array_agg(id), '{}'), 'bench audited baseline', 'bench', '127.0.0.1'
      FROM page
    RETURNING seq)
SELECT p.*, (SELECT k.wrapped_key FROM care.client_keys k WHERE k.client_id = $1) AS wrapped_key,
       ARRAY(SELECT n.ciphertext FROM care.entry_annotations n WHERE n.entry_id = p.id) AS annotations,
       (SELECT seq FROM logged) AS logged_seq
  FROM page p`;

/** The write's raw baseline: the entry and its log row in one transaction (one statement). */
const RAW_WRITE = `WITH entry AS (
    INSERT INTO care.entries (id, client_id, kind, author_id, source_kind, ciphertext)
    VALUES ($1, $2, 'conversation-report', $3, 'care-professional', $4) RETURNING id, client_id)
  INSERT INTO audit.access_log (organisation_id, employee_id, employee_role, client_id, action, part, outcome, basis, entry_ids, route, session_id, address)
  SELECT $5, $3, 'care-professional', client_id, 'record', 'dossier', 'allowed', 'care-relation', ARRAY[id], 'bench raw write', 'bench', '127.0.0.1' FROM entry`;

/** Seconds of unmeasured HTTP load before each HTTP measurement (the load itself also drops its first second). */
export const WARM_UP_SECONDS = 3;

export function line(name: string, r: LoadResult): string {
  return `  ${name.padEnd(38)} ${r.opsPerSecond.toFixed(0).padStart(7)} ops/s   p50 ${r.p50Ms.toFixed(2).padStart(7)} ms   p99 ${r.p99Ms.toFixed(2).padStart(7)} ms   errors ${r.errors}`;
}

export type PerOp = { serverCpuMsPerOp: number; databaseCpuMsPerOp: number | null };

/**
 * Runs `load` between two CPU snapshots; returns its result, its CPU per operation and the highest RSS of this
 * process (the server's; with PGlite the database's too) sampled every 100 ms while it ran (issue 18: < 300 MB
 * under load).
 */
export async function measured<R extends LoadResult>(db: Database, load: () => Promise<R>): Promise<{ result: R; cpu: PerOp; peakRssMiB: number }> {
  let peak = process.memoryUsage.rss();
  const sampler = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage.rss());
  }, 100);
  try {
    const start = await cpuSnapshot(db);
    const result = await load();
    const cpu = cpuBetween(start, await cpuSnapshot(db));
    peak = Math.max(peak, process.memoryUsage.rss());
    return {
      result, peakRssMiB: peak / 2 ** 20,
      cpu: { serverCpuMsPerOp: cpu.serverMs / result.total, databaseCpuMsPerOp: cpu.databaseMs === null ? null : cpu.databaseMs / result.total },
    };
  } finally {
    clearInterval(sampler);
  }
}

/** Issue 18: the server's RSS under load stays below this. */
export const RSS_TARGET_MIB = 300;

export function rssLine(peakRssMiB: number): string {
  return `  server RSS at most ${peakRssMiB.toFixed(0)} MiB during the HTTP load (target < ${RSS_TARGET_MIB} MiB: ${peakRssMiB < RSS_TARGET_MIB ? 'met' : 'NOT met'})\n`;
}

export function cpuLine(p: PerOp): string {
  return `server ${p.serverCpuMsPerOp.toFixed(2)} ms, database ${p.databaseCpuMsPerOp === null ? '–' : `${p.databaseCpuMsPerOp.toFixed(2)} ms`}`;
}

/** The client a load worker asks for its i-th call, spread over the population as the HTTP worker spreads its URLs. */
export function picker(clientIds: readonly string[]) {
  return (worker: number, i: number) => clientIds[(worker * 7919 + i * 104_729) % clientIds.length]!;
}

/**
 * Scenario 1 at `concurrency` connections: the timeline page over HTTP, the driver baseline and the audited
 * baseline. Targets (issue 18, PostgreSQL): at 16 connections ratio ≥ 0.5 to the driver and ≥ 0.8 to the audited
 * baseline with p99 < 50 ms; at 64 no errors and p99 < 150 ms.
 */
export async function timelineScenario(c: AuditedBenchContext, concurrency: number, backend: string): Promise<ScenarioResult> {
  const settings = { concurrency, seconds: c.seconds };
  const pick = picker(c.clientIds);
  const job = { urls: c.clientIds.map((id) => `${c.address}/api/clients/${id}/entries?limit=50`), cookie: c.cookie, ...settings };
  // Unmeasured first: the server's code paths compiled and its pool filled, as the baselines' are by then.
  await c.httpLoad({ ...job, seconds: WARM_UP_SECONDS });
  const { value: http, top, file } = await profiled(c.profileDir, `scenario-1-${concurrency}-conn`,
    () => measured(c.db, () => c.httpLoad(job)));
  if (top !== null) c.write(`  server CPU profile of the HTTP load (${file}), top self time:\n${selfTimeLines(top)}\n`);
  const driver = await measured(c.db, () => runLoad(async (worker, i) => {
    const clientId = pick(worker, i);
    await c.db.query('SELECT wrapped_key FROM care.client_keys WHERE client_id = $1', [clientId]);
    const rows = await c.db.query<{ id: string }>(DRIVER_PAGE, [clientId]);
    await c.db.query('SELECT * FROM care.entry_annotations WHERE entry_id = ANY($1::uuid[])', [rows.map((r) => r.id)]);
  }, settings));
  // In the organisation's scope, as the application's requests run (row-level security on the log).
  const audited = await measured(c.db, () => inOrganisation(c.organisationId, () => runLoad(async (worker, i) => {
    const rows = await c.db.query<{ logged_seq: string | null }>(AUDITED_PAGE, [pick(worker, i), c.organisationId, c.employeeId]);
    if (rows.length > 0 && rows[0]!.logged_seq === null) throw new Error('the audited baseline wrote no log row');
  }, settings)));
  c.write(`${line('HTTP (session, policy, log, decryption)', http.result)}   503s ${http.result.unavailable}\n`
    + `${line('driver baseline (3 SELECTs)', driver.result)}\n`
    + `${line('audited baseline (1 statement, row committed)', audited.result)}\n`
    + `  CPU per page: HTTP ${cpuLine(http.cpu)}; driver ${cpuLine(driver.cpu)}; audited ${cpuLine(audited.cpu)}\n${rssLine(http.peakRssMiB)}`);
  const ratio = http.result.opsPerSecond / driver.result.opsPerSecond;
  const auditedRatio = http.result.opsPerSecond / audited.result.opsPerSecond;
  c.write(`  ratio to the driver baseline ${ratio.toFixed(3)}; to the audited baseline ${auditedRatio.toFixed(3)}\n`);
  const heavy = concurrency >= 64;
  const target = heavy
    ? `no errors, p99 < 150 ms at ${concurrency} connections (PostgreSQL)`
    : `ratio ≥ 0.5 (driver), ≥ 0.8 (audited), p99 < 50 ms at ${concurrency} connections (PostgreSQL)`;
  const targetMet = heavy ? http.result.errors === 0 && http.result.p99Ms < 150 : ratio >= 0.5 && auditedRatio >= 0.8 && http.result.p99Ms < 50;
  return {
    name: `1. timeline page of 50 entries, ${concurrency} conn.`, opsPerSec: http.result.opsPerSecond, p50Ms: http.result.p50Ms, p99Ms: http.result.p99Ms,
    baselineOpsPerSec: driver.result.opsPerSecond, ratio, target, targetMet, serverRssMiB: rssMiB(),
    extra: {
      unit: 'one timeline page over HTTP (baseline: its SELECTs; audited baseline: the SELECTs and a committed log row in one statement)',
      backend, concurrency, seconds: c.seconds, errors: http.result.errors, unavailable: http.result.unavailable,
      auditedBaselineOpsPerSec: audited.result.opsPerSecond, auditedRatio, auditedBaselineP50Ms: audited.result.p50Ms, auditedBaselineP99Ms: audited.result.p99Ms,
      baselineErrors: driver.result.errors, auditedBaselineErrors: audited.result.errors, baselineP50Ms: driver.result.p50Ms, baselineP99Ms: driver.result.p99Ms,
      ...http.cpu, baselineServerCpuMsPerOp: driver.cpu.serverCpuMsPerOp, baselineDatabaseCpuMsPerOp: driver.cpu.databaseCpuMsPerOp,
      auditedBaselineDatabaseCpuMsPerOp: audited.cpu.databaseCpuMsPerOp, loadAverage: os.loadavg()[0],
      peakRssUnderLoadMiB: http.peakRssMiB, profileTopSelfTime: top,
    },
  };
}

/** A conversation report of about the size of the bench population's entries. */
const ENTRY_TEXT = 'De moeder vertelt dat het thuis rustiger gaat en dat Sam weer naar school gaat. '.repeat(6).trim();

/**
 * Scenario 6 (issue 18): an audited entry create over HTTP (session, policy, encryption, the entry and its log row
 * in one transaction) against the entry and its log row inserted in one statement. Target: ratio ≥ 0.5.
 */
export async function writeScenario(c: AuditedBenchContext, concurrency: number): Promise<ScenarioResult> {
  const settings = { concurrency, seconds: c.seconds };
  const pick = picker(c.clientIds);
  const body = JSON.stringify({ kind: 'conversation-report', text: ENTRY_TEXT, source: { kind: 'care-professional' } });
  const job = { urls: c.clientIds.map((id) => `${c.address}/api/clients/${id}/entries`), cookie: c.cookie, ...settings, post: { body, headers: c.writeHeaders } };
  await c.httpLoad({ ...job, seconds: WARM_UP_SECONDS });
  const { value: http, top, file } = await profiled(c.profileDir, `scenario-6-${concurrency}-conn`,
    () => measured(c.db, () => c.httpLoad(job)));
  if (top !== null) c.write(`  server CPU profile of the HTTP load (${file}), top self time:\n${selfTimeLines(top)}\n`);
  // A ciphertext of the size the application writes (AES-GCM adds 28 bytes and a version byte to the JSON).
  const ciphertext = randomBytes(Buffer.byteLength(JSON.stringify({ title: null, text: ENTRY_TEXT, source: null })) + 29);
  const raw = await measured(c.db, () => inOrganisation(c.organisationId, () => runLoad(async (worker, i) => {
    await c.db.query(RAW_WRITE, [randomUUID(), pick(worker, i), c.employeeId, ciphertext, c.organisationId]);
  }, settings)));
  c.write(`${line('HTTP entry create (audited)', http.result)}   503s ${http.result.unavailable}\n`
    + `${line('raw baseline (entry + log row, 1 tx)', raw.result)}\n`
    + `  CPU per write: HTTP ${cpuLine(http.cpu)}; raw ${cpuLine(raw.cpu)}\n${rssLine(http.peakRssMiB)}`);
  const ratio = http.result.opsPerSecond / raw.result.opsPerSecond;
  return {
    name: `6. audited entry create, ${concurrency} conn.`, opsPerSec: http.result.opsPerSecond, p50Ms: http.result.p50Ms, p99Ms: http.result.p99Ms,
    baselineOpsPerSec: raw.result.opsPerSecond, ratio, target: 'ratio ≥ 0.5 (PostgreSQL)', targetMet: ratio >= 0.5 && http.result.errors === 0, serverRssMiB: rssMiB(),
    extra: {
      unit: 'one entry created over HTTP (baseline: the entry and its log row inserted in one transaction)', concurrency, seconds: c.seconds,
      errors: http.result.errors, unavailable: http.result.unavailable, baselineErrors: raw.result.errors, baselineP50Ms: raw.result.p50Ms, baselineP99Ms: raw.result.p99Ms,
      ...http.cpu, baselineServerCpuMsPerOp: raw.cpu.serverCpuMsPerOp, baselineDatabaseCpuMsPerOp: raw.cpu.databaseCpuMsPerOp, loadAverage: os.loadavg()[0],
      peakRssUnderLoadMiB: http.peakRssMiB, profileTopSelfTime: top,
    },
  };
}

/**
 * Issue 18's targets, each with what this run measured and whether it was met, for the note that reports them
 * (only the scenarios that ran; on PGlite the figures are given beside, the targets are PostgreSQL's).
 */
export function issue18Targets(results: readonly ScenarioResult[]): string {
  const lines: string[] = [];
  const extra = (r: ScenarioResult, name: string) => r.extra[name] as number | undefined;
  const verdict = (met: boolean) => (met ? 'met' : 'NOT met');
  for (const r of results) {
    const concurrency = extra(r, 'concurrency');
    if (r.name.startsWith('1. ') && concurrency !== undefined && concurrency < 64) {
      const audited = extra(r, 'auditedRatio') ?? Number.NaN;
      lines.push(`  read at ${concurrency} conn.: ratio ${r.ratio.toFixed(2)} to the driver (≥ 0.5: ${verdict(r.ratio >= 0.5)}), `
        + `${audited.toFixed(2)} to the audited baseline (≥ 0.8: ${verdict(audited >= 0.8)}), p99 ${r.p99Ms?.toFixed(0)} ms (< 50 ms: ${verdict((r.p99Ms ?? Infinity) < 50)})`);
    } else if (r.name.startsWith('1. ') && concurrency !== undefined) {
      lines.push(`  read at ${concurrency} conn.: ${extra(r, 'errors')} errors (${extra(r, 'unavailable')} of them 503), p99 ${r.p99Ms?.toFixed(0)} ms `
        + `(no errors and p99 < 150 ms: ${verdict(r.targetMet)})`);
    } else if (r.name.startsWith('6. ')) {
      lines.push(`  entry create at ${extra(r, 'concurrency')} conn.: ratio ${r.ratio.toFixed(2)} to its raw baseline (≥ 0.5: ${verdict(r.targetMet)})`);
    } else if (r.name.startsWith('2. ')) {
      lines.push(`  copy PDF of 1,000 entries: p99 ${((r.p99Ms ?? Number.NaN) / 1000).toFixed(2)} s (< 2 s: ${verdict(r.targetMet)}); `
        + `server CPU ${((extra(r, 'cpuMsPerCopy') ?? Number.NaN) / 1000).toFixed(2)} s a copy`);
    }
  }
  const peaks = results.map((r) => extra(r, 'peakRssUnderLoadMiB')).filter((v): v is number => v !== undefined);
  if (peaks.length > 0) {
    const peak = Math.max(...peaks);
    lines.push(`  server RSS under load: at most ${peak.toFixed(0)} MiB (< ${RSS_TARGET_MIB} MiB: ${verdict(peak < RSS_TARGET_MIB)})`);
  }
  return lines.length === 0 ? '' : `Issue 18's targets (PostgreSQL; same-run ratios compare, absolute figures move with the machine's load):\n${lines.join('\n')}\n`;
}
