/**
 * Benchmark (issue 4): "who saw client X" over a large access log (10 million
 * rows on PostgreSQL by default). The rows are generated in SQL as the
 * tables' owner with the log's triggers off — going through the chain trigger
 * would take hours and measure the setup — spread over the population's
 * clients, with dummy hashes (this log is never verified). Then the privacy
 * officer's real route `GET /api/clients/:id/access-log` (session, policy,
 * its own log row, the page query) is timed one request at a time, against
 * the same page query run straight through the driver.
 */
import type { Database } from '../db/database.js';
import { openPostgres } from '../db/postgres-database.js';

export interface WhoSawResult {
  logRows: number;
  generateSeconds: number;
  requests: number;
  http: Latencies;
  raw: Latencies;
}

type Owner = Pick<Database, 'exec' | 'query'>;

/** Runs `work` as the tables' owner: the PostgreSQL superuser, or PGlite's one connection with its role reset. */
async function asOwner<T>(db: Database, url: string | undefined, work: (owner: Owner) => Promise<T>): Promise<T> {
  if (url === undefined) {
    await db.exec('RESET ROLE');
    try {
      return await work(db);
    } finally {
      await db.exec('SET ROLE dossierwijzer_app');
    }
  }
  const owner = openPostgres(url, { maxConnections: 1 });
  try {
    return await work(owner);
  } finally {
    await owner.close();
  }
}

/** Appends `rows` generated log rows for the given clients, in chunks, triggers off. */
async function generateLog(owner: Owner, organisationId: string, employeeId: string, clientIds: readonly string[], rows: number, onProgress: (done: number) => void): Promise<void> {
  const chunk = 500_000;
  const [head] = await owner.query<{ seq: string | null }>('SELECT max(seq)::text AS seq FROM audit.access_log');
  const first = Number(head?.seq ?? 0) + 1;
  await owner.exec('ALTER TABLE audit.access_log DISABLE TRIGGER USER');
  try {
    for (let done = 0; done < rows; done += chunk) {
      const from = first + done;
      const to = first + Math.min(rows, done + chunk) - 1;
      await owner.query(
        `INSERT INTO audit.access_log (seq, occurred_at, organisation_id, employee_id, employee_role, client_id, action, part, outcome, basis,
                                       citations, entry_ids, route, session_id, address, prev_hash, row_hash)
         SELECT g, now() - make_interval(secs => ($3::bigint - g)), $1, $2, 'care-professional', ($4::uuid[])[1 + (g * 7919) % cardinality($4::uuid[])],
                CASE WHEN g % 10 = 0 THEN 'record' ELSE 'read' END, 'dossier', CASE WHEN g % 50 = 0 THEN 'denied' ELSE 'allowed' END, 'care-relation',
                ARRAY['Jeugdwet 7.3.11'], '{}', 'GET /api/clients/:clientId/entries', 'bench-session', '127.0.0.1',
                sha256(int8send(g - 1)), sha256(int8send(g))
           FROM generate_series($5::bigint, $3::bigint) AS g`,
        [organisationId, employeeId, to, clientIds, from]);
      onProgress(to - first + 1);
    }
  } finally {
    await owner.exec('ALTER TABLE audit.access_log ENABLE TRIGGER USER');
  }
  await owner.exec('ANALYZE audit.access_log');
}

/** Latencies of sequential requests; opsPerSec is their count over their summed time (one at a time, so that is the rate). */
export interface Latencies {
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
  opsPerSec: number;
}

function percentiles(times: number[]): Latencies {
  const sorted = [...times].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
  const totalMs = times.reduce((sum, t) => sum + t, 0);
  return { p50Ms: at(0.5), p99Ms: at(0.99), maxMs: sorted[sorted.length - 1]!, opsPerSec: times.length / (totalMs / 1000) };
}

export async function benchWhoSaw(options: {
  db: Database; url: string | undefined; address: string; cookie: string;
  organisationId: string; employeeId: string; clientIds: readonly string[]; rows: number; requests: number;
  onProgress: (done: number) => void;
}): Promise<WhoSawResult> {
  const { db, clientIds } = options;
  const started = performance.now();
  await asOwner(db, options.url, (owner) => generateLog(owner, options.organisationId, options.employeeId, clientIds, options.rows, options.onProgress));
  const generateSeconds = (performance.now() - started) / 1000;
  const pick = (i: number) => clientIds[(i * 104_729) % clientIds.length]!;

  const http: number[] = [];
  for (let i = 0; i < options.requests; i++) {
    const begin = performance.now();
    const response = await fetch(`${options.address}/api/clients/${pick(i)}/access-log?limit=100`, { headers: { cookie: options.cookie } });
    await response.arrayBuffer();
    if (response.status !== 200) throw new Error(`access-log answered ${response.status}`);
    http.push(performance.now() - begin);
  }
  const raw: number[] = [];
  for (let i = 0; i < options.requests; i++) {
    const begin = performance.now();
    await db.query(
      `SELECT l.seq, l.occurred_at, l.employee_id, e.display_name, l.employee_role, l.action, l.part, l.outcome, l.basis, l.purpose,
              l.citations, cardinality(l.entry_ids) AS entry_count
         FROM audit.access_log l LEFT JOIN org.employees e ON e.id = l.employee_id
        WHERE l.client_id = $1 AND l.organisation_id = $2 ORDER BY l.seq DESC LIMIT 101`, [pick(i), options.organisationId]);
    raw.push(performance.now() - begin);
  }
  return { logRows: options.rows, generateSeconds, requests: options.requests, http: percentiles(http), raw: percentiles(raw) };
}
