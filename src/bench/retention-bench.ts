/**
 * Benchmark (issue 7): the retention sweep's dry run over 100,000 dossiers
 * (target < 60 s) and the destruction throughput of confirmed dossiers in
 * dossiers/s (each in its own transaction with its destruction record,
 * progress marker and access-log row). On its own scratch database; the
 * dossiers are generated in SQL (half of them last changed in 2001, so due)
 * with dummy ciphertext — the sweep and the destruction never decrypt.
 * Baseline: the sweep's candidate question as one plain SQL count.
 */
import { createScratchDatabase } from '../db/scratch-database.js';
import { destroyConfirmed, sweepRetention } from '../retention/retention-service.js';

export interface RetentionBenchResult {
  dossiers: number;
  generateSeconds: number;
  sweep: { seconds: number; scanned: number; due: number; dossiersPerSecond: number };
  rawCountSeconds: number;
  destruction: { dossiers: number; seconds: number; dossiersPerSecond: number };
}

export async function benchRetention(options: {
  serverUrl: string | undefined; dossiers: number; destroy: number; onProgress?: (text: string) => void;
}): Promise<RetentionBenchResult> {
  const scratch = await createScratchDatabase(options.serverUrl, 'dw_bench_retention');
  const { db } = scratch;
  try {
    let started = performance.now();
    const [org] = await db.query<{ id: string }>(`INSERT INTO org.organisations (name) VALUES ('Bewaarbench') RETURNING id`);
    const [emp] = await db.query<{ id: string }>(
      `INSERT INTO org.employees (organisation_id, username, display_name, function_title, role) VALUES ($1, 'bench.retention', 'Bench FG', 'FG', 'privacy-officer') RETURNING id`, [org!.id]);
    const chunk = 20_000;
    for (let from = 1; from <= options.dossiers; from += chunk) {
      const to = Math.min(options.dossiers, from + chunk - 1);
      await db.transaction(async (tx) => {
        const ids = await tx.query<{ id: string }>(
          `INSERT INTO formal.clients (organisation_id, family_name, given_names, birth_date, gender, street_address, postcode, town, created_by, created_at)
           SELECT $1, 'Client' || i, 'Bench', '1990-01-01', 'unknown', 'Straat 1', '1000 AA', 'Amsterdam', $2,
                  CASE WHEN i % 2 = 0 THEN timestamptz '2000-01-01T10:00:00Z' ELSE now() END
             FROM generate_series($3::int, $4::int) AS i RETURNING id`, [org!.id, emp!.id, from, to]);
        const list = ids.map((r) => r.id);
        await tx.query(`INSERT INTO care.client_keys (client_id, wrapped_key) SELECT unnest($1::uuid[]), '\\x00'`, [list]);
        await tx.query(`INSERT INTO care.dossiers (client_id, holder_id, care_started_on, created_at) SELECT c.id, $2, '2000-01-01', c.created_at FROM formal.clients c WHERE c.id = ANY($1::uuid[])`, [list, emp!.id]);
        await tx.query(
          `INSERT INTO care.entries (client_id, kind, author_id, recorded_at, source_kind, ciphertext)
           SELECT d.client_id, 'plan', $2, CASE WHEN d.created_at < '2001-01-01' THEN timestamptz '2001-01-01T10:00:00Z' ELSE now() END, 'client', '\\x00'
             FROM care.dossiers d, generate_series(1, 2) WHERE d.client_id = ANY($1::uuid[])`, [list, emp!.id]);
      });
      options.onProgress?.(`generated ${to} dossiers`);
    }
    await db.query('ANALYZE').catch(() => undefined);
    const generateSeconds = (performance.now() - started) / 1000;

    const now = new Date();
    const sweep = await sweepRetention(db, { now, dryRun: true, onProgress: (p) => options.onProgress?.(`sweep: scanned ${p.scanned}, ${p.due} due`) });

    started = performance.now();
    await db.query(
      `SELECT count(*) FROM (
         SELECT GREATEST(d.created_at, (SELECT max(e.recorded_at) FROM care.entries e WHERE e.client_id = d.client_id)) AS last_change
           FROM care.dossiers d) t
        WHERE last_change < now() - interval '20 years'`);
    const rawCountSeconds = (performance.now() - started) / 1000;

    // Put `destroy` due dossiers on the list as confirmed, then destroy them.
    await sweepRetention(db, { now, dryRun: false });
    await db.query(
      `UPDATE org.retention_reviews SET status = 'confirmed', decided_by = $1, decided_at = now()
        WHERE client_id IN (SELECT client_id FROM org.retention_reviews WHERE status = 'pending' ORDER BY client_id LIMIT $2)`, [emp!.id, options.destroy]);
    const destroyed = await destroyConfirmed(db, {
      now, onProgress: (p) => {
        if (p.destroyed % 500 === 0) options.onProgress?.(`destroyed ${p.destroyed}/${p.total}`);
      },
    });
    return {
      dossiers: options.dossiers, generateSeconds,
      sweep: { seconds: sweep.seconds, scanned: sweep.scanned, due: sweep.due.length, dossiersPerSecond: sweep.scanned / sweep.seconds },
      rawCountSeconds,
      destruction: { dossiers: destroyed.destroyed, seconds: destroyed.seconds, dossiersPerSecond: destroyed.dossiersPerSecond },
    };
  } finally {
    await scratch.drop();
  }
}
