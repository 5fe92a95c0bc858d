/**
 * A CPU profile of the server while the bench measures it (issue 18): the bench starts the server in its own
 * process (createApp in main.ts) and the load generator in a child, so V8's profiler in this process samples the
 * server and nothing else during an HTTP measurement. `BENCH_PROFILE=<dir>` turns it on: each profiled measurement
 * writes `<dir>/<name>.cpuprofile` (open it in Chrome DevTools or speedscope) and the bench prints the functions
 * with the most self time. Off by default: the profiler's sampling costs a little CPU of its own.
 */
import { Session } from 'node:inspector/promises';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';

/** The parts of V8's `Profiler.Profile` the summary reads. */
export interface CpuProfile {
  nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; hitCount?: number }[];
  samples?: number[];
  timeDeltas?: number[];
  startTime: number;
  endTime: number;
}

export interface SelfTime {
  /** `name (file:line)`, or V8's own entries: `(garbage collector)`, `(idle)`, `(program)`. */
  where: string;
  /** Share of all samples, 0–1. */
  share: number;
  samples: number;
}

/** Where a node of the profile is, as a person reads it: the function and its file (relative to node_modules or src). */
function placeOf(frame: CpuProfile['nodes'][number]['callFrame']): string {
  const name = frame.functionName === '' ? '(anonymous)' : frame.functionName;
  if (frame.url === '') return name;
  const url = frame.url.replace(/^file:\/\//, '');
  const modules = url.lastIndexOf('/node_modules/');
  const short = modules >= 0 ? url.slice(modules + '/node_modules/'.length) : url.replace(/^.*\/(dist|src)\//, '$1/');
  return `${name} (${short}:${frame.lineNumber + 1})`;
}

/** The `top` places with the most self time (samples taken while that function itself ran), largest first. */
export function selfTimes(profile: CpuProfile, top: number): SelfTime[] {
  const hits = new Map<number, number>();
  if (profile.samples !== undefined && profile.samples.length > 0) {
    for (const id of profile.samples) hits.set(id, (hits.get(id) ?? 0) + 1);
  } else {
    for (const node of profile.nodes) hits.set(node.id, node.hitCount ?? 0);
  }
  const byPlace = new Map<string, number>();
  let total = 0;
  for (const node of profile.nodes) {
    const count = hits.get(node.id) ?? 0;
    if (count === 0) continue;
    total += count;
    const where = placeOf(node.callFrame);
    byPlace.set(where, (byPlace.get(where) ?? 0) + count);
  }
  return [...byPlace].map(([where, samples]) => ({ where, samples, share: total === 0 ? 0 : samples / total }))
    .sort((a, b) => b.samples - a.samples).slice(0, top);
}

/** The summary as lines for the bench's output. */
export function selfTimeLines(times: readonly SelfTime[]): string {
  return times.map((t) => `    ${(t.share * 100).toFixed(1).padStart(5)} %  ${t.where}`).join('\n');
}

/**
 * Runs `work` under V8's CPU profiler when `dir` is given: writes `<dir>/<name>.cpuprofile` and returns the top
 * self times beside the work's value. Without `dir`, runs `work` alone.
 */
export async function profiled<T>(
  dir: string | undefined, name: string, work: () => Promise<T>, top = 25,
): Promise<{ value: T; top: SelfTime[] | null; file: string | null }> {
  if (dir === undefined || dir === '') return { value: await work(), top: null, file: null };
  const session = new Session();
  session.connect();
  try {
    await session.post('Profiler.enable');
    await session.post('Profiler.setSamplingInterval', { interval: 500 });
    await session.post('Profiler.start');
    const outcome = await work().then((value) => ({ value }), (error: unknown) => ({ error }));
    const { profile } = await session.post('Profiler.stop') as unknown as { profile: CpuProfile };
    if ('error' in outcome) throw outcome.error;
    const { value } = outcome;
    await mkdir(dir, { recursive: true });
    const file = path.join(dir, `${name}.cpuprofile`);
    await writeFile(file, JSON.stringify(profile));
    return { value, top: selfTimes(profile, top), file };
  } finally {
    session.disconnect();
  }
}
