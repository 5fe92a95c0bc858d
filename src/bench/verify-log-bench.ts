/**
 * Benchmark (issue 4): `verify-log` throughput in rows/s. Appends N access-log
 * rows (default 200,000) through the real path — `appendAccessLog`, so the
 * chain trigger hashes each one — in batches of one transaction each, then
 * recomputes the whole chain as `dossierwijzer verify-log` does. On its own
 * scratch database (PGlite, or PostgreSQL at `serverUrl`), dropped afterwards.
 * Prints nothing; the caller reports the figures.
 */
import { randomUUID } from 'node:crypto';
import type { AccessLogRow } from '../access/access-log.js';
import { appendAccessLog } from '../access/access-log-store.js';
import { verifyLog } from '../access/verify-log.js';
import { createScratchDatabase } from '../db/scratch-database.js';
import { Citation } from '../rules/citations.js';

export interface VerifyLogBenchOptions {
  /** PostgreSQL server URL; undefined or '' = PGlite. */
  serverUrl?: string | undefined;
  /** Rows to generate (default 200,000). */
  rows?: number;
  /** Rows per appending transaction (default 1,000). */
  appendBatch?: number;
  /** Rows per verification query (default: verifyLog's). */
  verifyBatch?: number;
  /** Full verifications (and baseline reads) to time (default 3); the figures are their medians. */
  runs?: number;
  onProgress?: (appended: number) => void;
}

export interface VerifyLogBenchResult {
  backend: 'pglite' | 'postgres';
  rows: number;
  appendSeconds: number;
  appendRowsPerSecond: number;
  /** Median over the runs of one full verification. */
  verifySeconds: number;
  verifyRowsPerSecond: number;
  /** Every run's full verification, in ms. */
  verifyRunsMs: number[];
  /** Baseline: reading the same rows in seq order through the driver, without hashing (median over the runs). */
  rawReadRowsPerSecond: number;
  rawReadRunsMs: number[];
  /** The generated chain verified intact (it must). */
  ok: boolean;
}

function generatedRows(count: number, organisationId: string, employees: readonly string[], clients: readonly string[], offset: number): AccessLogRow[] {
  return Array.from({ length: count }, (_, k) => {
    const i = offset + k;
    return {
      organisationId, employeeId: employees[i % employees.length]!, employeeRole: 'care-professional', clientId: clients[(i * 7919) % clients.length]!,
      action: i % 10 === 0 ? 'record' : 'read', part: 'dossier', outcome: i % 50 === 0 ? 'denied' : 'allowed', basis: 'care-relation',
      purpose: null, citations: [Citation.jeugdwet_7_3_11, Citation.bw_7_457], entryIds: i % 3 === 0 ? [randomUUID(), randomUUID()] : [],
      route: '/api/clients/:clientId/entries', sessionId: `session-${i % 997}`, address: '127.0.0.1',
    };
  });
}

/**
 * Generates the rows, verifies them, and returns the figures.
 * @example
 * const r = await benchVerifyLog({ serverUrl: process.env.DATABASE_URL });
 * process.stdout.write(`verify-log: ${r.verifyRowsPerSecond.toFixed(0)} rows/s over ${r.rows} rows\n`);
 */
export async function benchVerifyLog(options: VerifyLogBenchOptions = {}): Promise<VerifyLogBenchResult> {
  const total = options.rows ?? 200_000;
  const batch = options.appendBatch ?? 1000;
  const scratch = await createScratchDatabase(options.serverUrl, 'dw_bench_log');
  try {
    const organisationId = randomUUID();
    const employees = Array.from({ length: 50 }, () => randomUUID());
    const clients = Array.from({ length: 2000 }, () => randomUUID());
    const appendStarted = performance.now();
    for (let done = 0; done < total; done += batch) {
      const rows = generatedRows(Math.min(batch, total - done), organisationId, employees, clients, done);
      await scratch.db.transaction((tx) => appendAccessLog(tx, rows));
      options.onProgress?.(done + rows.length);
    }
    const appendSeconds = (performance.now() - appendStarted) / 1000;
    const verifyRunsMs: number[] = [];
    const rawReadRunsMs: number[] = [];
    let ok = true;
    let verifiedRows = 0;
    for (let run = 0; run < Math.max(1, options.runs ?? 3); run++) {
      const started = performance.now();
      const result = await verifyLog(scratch.db, options.verifyBatch === undefined ? {} : { batchSize: options.verifyBatch });
      verifyRunsMs.push(performance.now() - started);
      ok &&= result.ok && result.rows === total;
      verifiedRows = result.rows;
      const rawStarted = performance.now();
      let rawRows = 0;
      for (let after = '0'; ;) {
        const page = await scratch.db.query<{ seq: string }>('SELECT * FROM audit.access_log WHERE seq > $1 ORDER BY seq LIMIT 10000', [after]);
        if (page.length === 0) break;
        rawRows += page.length;
        after = page[page.length - 1]!.seq;
      }
      rawReadRunsMs.push(performance.now() - rawStarted);
      ok &&= rawRows === total;
    }
    const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
    const verifySeconds = median(verifyRunsMs) / 1000;
    const rawSeconds = median(rawReadRunsMs) / 1000;
    return {
      backend: scratch.url === undefined ? 'pglite' : 'postgres',
      rows: verifiedRows,
      appendSeconds,
      appendRowsPerSecond: total / appendSeconds,
      verifySeconds,
      verifyRowsPerSecond: total / verifySeconds,
      verifyRunsMs,
      rawReadRowsPerSecond: total / rawSeconds,
      rawReadRunsMs,
      ok,
    };
  } finally {
    await scratch.drop();
  }
}
