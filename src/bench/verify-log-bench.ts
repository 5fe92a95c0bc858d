/**
 * Benchmark (issue 4): `verify-log` throughput in rows/s. Appends N access-log
 * rows (default 200,000) through the real path — `appendAccessLog`, so the
 * chain trigger hashes each one — in batches of one transaction each, then
 * recomputes the whole chain as `dossierwijzer verify-log` does. On its own
 * scratch database (PGlite, or PostgreSQL at `serverUrl`), dropped afterwards.
 * Prints nothing; the caller reports the figures.
 */
import { randomUUID } from 'node:crypto';
import { appendAccessLog, type AccessLogRow } from '../access/access-log.js';
import { verifyLog } from '../access/verify-log.js';
import { createScratchDatabase } from '../db/scratch-database.js';

export interface VerifyLogBenchOptions {
  /** PostgreSQL server URL; undefined or '' = PGlite. */
  serverUrl?: string | undefined;
  /** Rows to generate (default 200,000). */
  rows?: number;
  /** Rows per appending transaction (default 1,000). */
  appendBatch?: number;
  /** Rows per verification query (default: verifyLog's). */
  verifyBatch?: number;
  onProgress?: (appended: number) => void;
}

export interface VerifyLogBenchResult {
  backend: 'pglite' | 'postgres';
  rows: number;
  appendSeconds: number;
  appendRowsPerSecond: number;
  verifySeconds: number;
  verifyRowsPerSecond: number;
  /** Baseline: reading the same rows in seq order through the driver, without hashing. */
  rawReadRowsPerSecond: number;
  /** The generated chain verified intact (it must). */
  ok: boolean;
}

function generatedRows(count: number, organisationId: string, employees: readonly string[], clients: readonly string[], offset: number): AccessLogRow[] {
  return Array.from({ length: count }, (_, k) => {
    const i = offset + k;
    return {
      organisationId, employeeId: employees[i % employees.length]!, employeeRole: 'care-professional', clientId: clients[(i * 7919) % clients.length]!,
      action: i % 10 === 0 ? 'record' : 'read', part: 'dossier', outcome: i % 50 === 0 ? 'denied' : 'allowed', basis: 'care-relation',
      purpose: null, citations: ['Jeugdwet 7.3.11', 'Wgbo 7:457'], entryIds: i % 3 === 0 ? [randomUUID(), randomUUID()] : [],
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
    const result = await verifyLog(scratch.db, options.verifyBatch === undefined ? {} : { batchSize: options.verifyBatch });
    const rawStarted = performance.now();
    let rawRows = 0;
    for (let after = '0'; ;) {
      const page = await scratch.db.query<{ seq: string }>('SELECT * FROM audit.access_log WHERE seq > $1 ORDER BY seq LIMIT 10000', [after]);
      if (page.length === 0) break;
      rawRows += page.length;
      after = page[page.length - 1]!.seq;
    }
    const rawSeconds = (performance.now() - rawStarted) / 1000;
    return {
      backend: scratch.url === undefined ? 'pglite' : 'postgres',
      rows: result.rows,
      appendSeconds,
      appendRowsPerSecond: total / appendSeconds,
      verifySeconds: result.seconds,
      verifyRowsPerSecond: result.rowsPerSecond,
      rawReadRowsPerSecond: rawRows / rawSeconds,
      ok: result.ok && result.rows === total,
    };
  } finally {
    await scratch.drop();
  }
}
