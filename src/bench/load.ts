/**
 * A small closed-loop load generator: `concurrency` workers each run `op`
 * back to back for `seconds`; latencies are recorded per call. Used for both
 * the HTTP path and the raw-SQL baseline so their figures compare.
 */

export interface LoadResult {
  ops: number;
  seconds: number;
  opsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  errors: number;
  /** Every call completed, the warm-up's included (what CPU measured around the whole load is divided by). */
  total: number;
}

function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

export async function runLoad(op: (worker: number, i: number) => Promise<void>, options: { concurrency: number; seconds: number; warmupSeconds?: number }): Promise<LoadResult> {
  const warmupUntil = performance.now() + (options.warmupSeconds ?? 1) * 1000;
  const until = warmupUntil + options.seconds * 1000;
  const latencies: number[] = [];
  let errors = 0;
  let total = 0;
  await Promise.all(Array.from({ length: options.concurrency }, async (_, worker) => {
    for (let i = 0; performance.now() < until; i++) {
      const start = performance.now();
      try {
        await op(worker, i);
      } catch {
        errors += 1;
      }
      total += 1;
      if (start >= warmupUntil) latencies.push(performance.now() - start);
    }
  }));
  latencies.sort((a, b) => a - b);
  return {
    ops: latencies.length, seconds: options.seconds, opsPerSecond: latencies.length / options.seconds,
    p50Ms: percentile(latencies, 50), p99Ms: percentile(latencies, 99), errors, total,
  };
}
