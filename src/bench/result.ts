/**
 * One result shape for every benchmark scenario, the table it is printed as,
 * and the JSON file in bench-results/ (git-ignored) that is rewritten after
 * each scenario, so a scenario that fails later does not lose earlier figures.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';

export interface ScenarioResult {
  name: string;
  /** Operations per second through the application (what an "operation" is: see `extra.unit`). */
  opsPerSec: number;
  /** Latency of one operation; null when the scenario has no per-operation latency. */
  p50Ms: number | null;
  p99Ms: number | null;
  /** The same work as plain SQL through the driver, measured in the same run. */
  baselineOpsPerSec: number;
  /** opsPerSec / baselineOpsPerSec: the share of raw database speed the application keeps. */
  ratio: number;
  /** The target the issue names, in words. */
  target: string;
  targetMet: boolean;
  /** RSS of the benchmark process when the scenario ended: the server, PGlite and the load generator share it. */
  serverRssMiB: number;
  extra: Record<string, unknown>;
}

export interface FailedScenario {
  name: string;
  error: string;
}

export function rssMiB(): number {
  return process.memoryUsage().rss / 2 ** 20;
}

function fixed(value: number | null, digits: number): string {
  return value === null || !Number.isFinite(value) ? '–' : value.toFixed(digits);
}

const columns = ['scenario', 'ops/s', 'p50 ms', 'p99 ms', 'baseline ops/s', 'ratio', 'RSS MiB', 'target', 'met'] as const;

function cells(r: ScenarioResult): string[] {
  return [r.name, fixed(r.opsPerSec, 1), fixed(r.p50Ms, 2), fixed(r.p99Ms, 2), fixed(r.baselineOpsPerSec, 1), fixed(r.ratio, 3),
    fixed(r.serverRssMiB, 0), r.target, r.targetMet ? 'yes' : 'NO'];
}

/** The results as an aligned text table (failed scenarios as a line each). */
export function resultTable(results: readonly ScenarioResult[], failed: readonly FailedScenario[] = []): string {
  const rows = [[...columns], ...results.map(cells)];
  const widths = columns.map((_, i) => Math.max(...rows.map((row) => row[i]!.length)));
  const numeric = new Set([1, 2, 3, 4, 5, 6]);
  const format = (row: string[]) => row.map((cell, i) => (numeric.has(i) ? cell.padStart(widths[i]!) : cell.padEnd(widths[i]!))).join('  ').trimEnd();
  const lines = [format(rows[0]!), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.slice(1).map(format)];
  for (const f of failed) lines.push(`${f.name}: FAILED — ${f.error}`);
  return `${lines.join('\n')}\n`;
}

/** Writes everything measured so far to `file` (the whole document each time). */
export async function writeResults(
  file: string, header: Record<string, unknown>, results: readonly ScenarioResult[], failed: readonly FailedScenario[],
): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, `${JSON.stringify({ ...header, scenarios: results, failed }, null, 2)}\n`);
}
